// The columns of the tables a unit sends (SPEC 2.6 and 2.7): one definition shared by the reader
// and by the templates `dvk new unit` writes, so the two never disagree.
#ifndef DVK_READ_COLUMNS_H_
#define DVK_READ_COLUMNS_H_

#include <vector>

#include "model/site.h"
#include "read/table.h"

namespace dvk {

// content/<unit>/models.csv: the fixed columns, then one per criterion ("crit:<id>").
std::vector<ColumnSpec> ModelColumns(const std::vector<Criterion>& criteria);

// content/<unit>/results.csv.
std::vector<ColumnSpec> ResultColumns();

}  // namespace dvk

#endif  // DVK_READ_COLUMNS_H_
