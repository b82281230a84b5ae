// Reading one unit's folder (content/<unit>/): its models table, its results table, its write-ups
// and the files they name. Pure: a read touches nothing but its own result, so the units of a
// site are read in parallel and merged afterwards in register order.
#ifndef DVK_READ_UNIT_READER_H_
#define DVK_READ_UNIT_READER_H_

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/site.h"
#include "read/catalogue.h"

namespace dvk {

struct UnitRead {
  std::vector<Model> models;  // sorted by id; Model::unit set
  std::vector<Result> results;
  std::vector<Image> files;  // to publish, once each
  Submission submission;
  Diagnostics diags;
};

// Reads the folder content/<folder>/ of unit `unit` (an index into site.units) against the
// catalogues of `site`. REQUIRES: ReadCatalogues succeeded for `site` and `lookups`.
UnitRead ReadUnit(const FileSystem& fs, const Site& site, const Lookups& lookups, int unit,
                  const std::string& folder);

}  // namespace dvk

#endif  // DVK_READ_UNIT_READER_H_
