// What every unit's files are read against: site.yaml and the catalogues of data/ (SPEC 2.0 to
// 2.5), read once before any unit.
#ifndef DVK_READ_CATALOGUE_H_
#define DVK_READ_CATALOGUE_H_

#include <yaml-cpp/yaml.h>

#include <map>
#include <set>
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/site.h"
#include "read/table.h"

namespace dvk {

// Lookups the unit readers share, read-only once built.
struct Lookups {
  std::map<std::string, int> field_by_key;      // FoldKey of id, name and aliases → field
  std::map<std::string, int> indicator_by_key;  // FoldKey of id and name → indicator
  std::string field_names;              // "Kinh tế; Văn hóa – xã hội; …" for messages
  std::set<std::string> extra_columns;  // FoldKey of site.yaml's extra_columns
  HeaderMatcher model_columns;          // of models.csv, with the criteria's columns
  HeaderMatcher result_columns;         // of results.csv
  // The field a model names (SPEC 2.3: id, name or alias, old or new tone placement, any dash);
  // -1 when none.
  int FieldOf(const std::string& text) const;
};

// Reads site.yaml and data/*.csv of the site folder `dir` into site->config, units (with the
// tree), fields, indicators and criteria. Returns false after an error diagnostic when the site
// cannot be built at all (no site.yaml, no title, no unit register, no root unit).
bool ReadCatalogues(const FileSystem& fs, const std::string& dir, Site* site, Lookups* lookups,
                    Diagnostics& diags);

// YAML::Load, also refusing what yaml-cpp takes but a person never means: a quoted value whose
// closing quote is missing, which swallows the lines after it (`title: "Hũ gạo…` followed by
// `cover: …` would be one title, and the cover gone). Throws YAML::Exception as YAML::Load does,
// pointing at the opening quote.
YAML::Node LoadYaml(const std::string& yaml);

// A YAML syntax error in `yaml`, which starts at line `first_line` of `file`: the line and column
// yaml-cpp points at, that line's text, and the message in Vietnamese.
Diagnostic YamlError(Code code, const std::string& file, const std::string& yaml, int first_line,
                     const YAML::Exception& e);

}  // namespace dvk

#endif  // DVK_READ_CATALOGUE_H_
