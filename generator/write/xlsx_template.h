// Excel templates for units to fill in: one sheet per table with a bold frozen header, column
// widths, data validation (drop-down lists, dates, numbers) with input and error messages, and
// example rows. Written with libxlsxwriter; knows nothing of what the tables mean.
#ifndef DVK_WRITE_XLSX_TEMPLATE_H_
#define DVK_WRITE_XLSX_TEMPLATE_H_

#include <string>
#include <vector>

namespace dvk {

// The hidden sheet that holds the allowed values of every list column.
extern const char kTemplateListSheet[];  // "Danh mục"

struct TemplateColumn {
  std::string header;
  double width = 15;  // in Excel's units: characters of the default font

  enum class Check {
    kNone,     // anything (an input message is still shown when `prompt` is set)
    kList,     // one of `list`, picked from a drop-down
    kDate,     // a date from 01/01/1900 to 31/12/9999; the column shows dd/mm/yyyy
    kWhole,    // a whole number from `minimum` to `maximum`
    kDecimal,  // a number from `minimum` to `maximum`
  };
  Check check = Check::kNone;
  // kList: the allowed values in order, at least one. They are written to kTemplateListSheet and
  // the validation refers to their range, so the list has no length limit (Excel's inline lists
  // stop at 255 characters). Columns with equal lists share one range.
  std::vector<std::string> list;
  double minimum = -1e15, maximum = 1e15;  // kWhole, kDecimal: inclusive bounds
  // Shown when a cell of the column is selected / when a bad value is typed; given by the caller
  // in the language of the users, at most 255 characters each. An empty error gets Excel's own
  // message.
  std::string prompt;
  std::string error;
};

struct TemplateSheet {
  std::string name;        // the tab: at most 31 characters, none of []:*?/\ .
  std::string title_note;  // a note (comment) on the first header cell; "" for none
  std::vector<TemplateColumn> columns;
  // Example rows below the header, each cell written as text ("" leaves the cell blank).
  std::vector<std::vector<std::string>> rows;
  int data_rows = 500;  // validations cover rows 2 .. data_rows + 1
};

// Writes the workbook `path` with `sheets` in order, then, when any column is a kList, the hidden
// sheet kTemplateListSheet holding the lists (a column per distinct list, its first cell naming
// where it is used). Header row bold and frozen; all text must be valid UTF-8.
// The bytes depend on the input only: the creation time in the document properties is fixed
// (2026-01-01 00:00:00 UTC) and so are the zip entries' times.
// Returns false with *error (English, for the log; `error` may be null) when the input cannot be
// written — a name Excel refuses, two sheet names equal but for case and diacritics, a message
// over 255 characters, an empty list, no sheets — or the file cannot be created. Input is checked
// before anything is written, and a file that could not be finished is removed.
bool WriteXlsxTemplate(const std::string& path, const std::vector<TemplateSheet>& sheets,
                       std::string* error);

}  // namespace dvk

#endif  // DVK_WRITE_XLSX_TEMPLATE_H_
