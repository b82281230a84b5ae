// `dvk new unit` and `dvk new model`: the template files a unit fills in. The tables open correctly
// in Excel (UTF-8 with BOM, CRLF, Vietnamese headers from read/columns.h) and carry one example row
// the reader skips; the write-up template documents every front matter key. Nothing existing is
// ever overwritten.
#ifndef DVK_WRITE_SCAFFOLD_H_
#define DVK_WRITE_SCAFFOLD_H_

#include <string>
#include <vector>

namespace dvk {

struct NewUnitOptions {
  std::string site_dir = ".";
  std::string id;      // as given; folded like every unit id (XA-AN is xa-an)
  std::string name;    // when set and the unit is not registered, it is added to data/units.csv
  std::string parent;  // empty = the site's root
  std::string kind;    // e.g. "Hội Nông dân"; may be empty
  bool csv = false;    // models.csv and results.csv rather than the .xlsx workbooks
};

enum class Registration {
  kAlready,  // the unit was in data/units.csv already
  kAdded,    // a row was appended to data/units.csv
  kByHand,   // no --name, or data/units.csv is not UTF-8: the row is for the user to add
};

struct NewUnitResult {
  std::string id;                    // the folded id: the folder content/<id>/ and the register's
  std::vector<std::string> created;  // site-relative paths, in the order they were made
  Registration registration = Registration::kByHand;
  std::string units_row;  // the data/units.csv row (no line end), as added or to add by hand
  std::string unit_name;  // as registered; empty when unknown
  // The indicators the unit reports in results.csv, as "id – name", in catalogue order.
  std::vector<std::string> indicators;
};

// Creates content/<id>/ with models.xlsx and results.xlsx (Excel templates: drop-down lists,
// checked dates and numbers; models.csv and results.csv with options.csv), _mau-bai-viet.md and
// images/, and registers
// the unit as NewUnitResult explains. Returns 0 when done, 1 when refused (content/<id> exists and
// is not empty, the site cannot be read) or a write fails, 2 for a bad id, name or parent. When not
// 0, *error says why in Vietnamese and nothing was created or changed, except that a failed
// write may leave the files already made in the new folder.
int NewUnit(const NewUnitOptions& options, NewUnitResult* result, std::string* error);

struct NewModelOptions {
  std::string site_dir = ".";
  std::string unit;  // a registered unit
  std::string name;  // the model's name or id; empty = a placeholder to fill in
};

// Writes content/<unit>/<slug of the title>.md from the write-up template with `model:` filled
// in: the code of the unit's model with that name or code when there is one, else the first free
// code MH-01, MH-02, ….
// *path is the site-relative file; *known_model tells whether the model is in models.csv already.
// Returns 0, 1 (unknown unit, the file exists, a write fails) or 2 (bad unit id), with *error.
int NewModel(const NewModelOptions& options, std::string* path, bool* known_model,
             std::string* error);

}  // namespace dvk

#endif  // DVK_WRITE_SCAFFOLD_H_
