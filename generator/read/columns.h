// The columns of every table of a site (SPEC 2.2 to 2.7): one definition shared by the reader and
// by the templates `dvk new unit` writes, so the two never disagree. The first header of a column
// is the one templates write and messages name; the others are spellings units use.
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

// The catalogues of data/: units.csv, fields.csv, indicators.csv, criteria.csv.
std::vector<ColumnSpec> UnitColumns();
std::vector<ColumnSpec> FieldColumns();
std::vector<ColumnSpec> IndicatorColumns();
std::vector<ColumnSpec> CriterionColumns();

}  // namespace dvk

#endif  // DVK_READ_COLUMNS_H_
