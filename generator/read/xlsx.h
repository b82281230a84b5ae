// Excel workbooks (.xlsx, Office Open XML SpreadsheetML) as units send them: one sheet read into
// typed cells, on top of libzip (the zip container, read from memory) and expat (a streaming XML
// parse). Hostile files are refused with a reason rather than trusted: zip bombs, XML entity
// expansion, encrypted and legacy .xls files.
#ifndef DVK_READ_XLSX_H_
#define DVK_READ_XLSX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"  // ColumnLetter
#include "model/date.h"

namespace dvk {

enum class XlsxProblem {
  kNone,
  kNotWorkbook,  // neither a zip nor an OLE compound file: text, an image, nothing
  kOldXls,       // an OLE compound file without encryption: the Excel 97–2003 .xls format
  kEncrypted,    // a password-protected workbook (OLE file with an EncryptedPackage stream)
  kCorrupt,      // a broken zip or XML part, a zip that holds no workbook, a dangling reference
  kTooLarge,     // a part, all parts together, the cells or their text pass XlsxLimits
  kXmlRefused,   // an XML part declares a DOCTYPE or an entity (the billion-laughs attack)
  kNoSheet,      // the workbook lists no visible worksheet
};

struct XlsxCell {
  enum class Type { kEmpty, kString, kNumber, kDate, kBool, kError };
  Type type = Type::kEmpty;
  // What the cell holds, as text:
  //   kString  the string, NFC UTF-8, trimmed like Trim(); a string that trims to "" is kEmpty
  //   kNumber  the shortest decimal that reads back as the same double, '.' as the decimal point,
  //            never an exponent: "12", "1234.5", "-0.25", "0.1"
  //   kDate    "dd/mm/yyyy"; the serial 60 of the 1900 system is "29/02/1900" (see `date`)
  //   kBool    "TRUE" or "FALSE"
  //   kError   the error as Excel shows it: "#N/A", "#DIV/0!", "#VALUE!"
  std::string text;
  // kNumber: the value. kDate: the Excel serial (days, a fraction is the time of day).
  // kBool: 1 or 0. Otherwise 0.
  double number = 0;
  // kDate: the calendar date. Every kDate has one except the serial 60 of the 1900 system, the
  // 29 February 1900 that Excel keeps for Lotus 1-2-3 and that never was.
  std::optional<Date> date;
  bool formula = false;  // the value is the cached result of a formula
  // kNumber: the cell's format shows the number as a percentage, so Excel shows 0.85 as "85%"
  // (text stays "0.85").
  bool percent = false;
};

struct XlsxRow {
  int row = 0;                  // 1-based Excel row number
  std::vector<XlsxCell> cells;  // index 0 = column A; ends at the last non-empty cell
};

struct XlsxSheet {
  std::string name;                 // the sheet's name as Excel shows it on its tab
  std::vector<XlsxRow> rows;        // rows with at least one non-empty cell, by ascending row
  std::vector<int> hidden_columns;  // 1-based, ascending, each once
  std::vector<std::string> merged;  // merged ranges as written, e.g. "A1:H1", in file order
  int sheet_count = 0;              // sheets the workbook lists, hidden ones and charts included
};

// Bounds on what one workbook may cost. A workbook past any of them is refused with kTooLarge.
struct XlsxLimits {
  size_t max_entry_bytes = 64 << 20;   // inflated bytes of one part, counted as it inflates
  size_t max_total_bytes = 128 << 20;  // inflated bytes of all parts read
  // Inflated bytes per compressed byte of a part, checked once the part has inflated past
  // ratio_floor_bytes (small parts of repeated markup compress very well and are harmless).
  size_t max_ratio = 200;
  size_t ratio_floor_bytes = 1 << 20;
  // Cell slots kept: every row counts as many cells as its last non-empty column, so a lone
  // cell in column XFD costs 16384. Merged ranges count one each. Also the most shared strings
  // a workbook may hold.
  size_t max_cells = 2000000;
  // Bytes of text kept over all cells, so one long shared string used by many cells cannot
  // multiply itself in memory.
  size_t max_text_bytes = 64 << 20;
};

// Reads one worksheet of the workbook `bytes` (the whole file): the sheet whose name matches
// `wanted` compared with FoldKey() (case and diacritics ignored: "models" matches "Models",
// "mo hinh" matches "Mô hình"; hidden sheets match too), else the first visible worksheet.
// On kNone fills *sheet; otherwise *sheet is left empty and *detail (when not null) says what
// is wrong in plain English, naming the part of the workbook, for the integrator's message.
// Never throws or crashes; time and memory are bounded by `limits` whatever the input.
// Holds no state between calls: calls may run on several threads at once.
XlsxProblem ReadXlsx(std::string_view bytes, std::string_view wanted, XlsxSheet* sheet,
                     std::string* detail, const XlsxLimits& limits = {});

// The problem's name, e.g. "kTooLarge", for logs and test messages.
const char* XlsxProblemName(XlsxProblem problem);

}  // namespace dvk

#endif  // DVK_READ_XLSX_H_
