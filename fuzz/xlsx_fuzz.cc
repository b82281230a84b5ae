// Fuzzes read/xlsx.h two ways. The input as it is: a workbook, a broken zip, an OLE file, text.
// And, when the input is not a zip or OLE file, as the parts of a workbook separated by NUL bytes
// (XML holds no NUL): the sheet, the shared strings, the styles, the workbook and its
// relationships, each replaced by a valid default when missing, stored in a zip made here — so
// mutations reach the XML handlers instead of dying in the deflate stream. Every result is checked
// against the header's promises, and reading twice must give the same result.
#include <zip.h>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "check.h"
#include "model/date.h"
#include "read/text.h"
#include "read/xlsx.h"

namespace dvk {
namespace {

const char* const kPartNames[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                  "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"};

const char* const kDefaults[] = {
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>"
    "</worksheet>",
    "<sst><si><t>a</t></si></sst>",
    "<styleSheet><cellXfs><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Models\" r:id=\"rId1\"/></sheets></workbook>",
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"x/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"x/styles\" "
    "Target=\"styles.xml\"/></Relationships>",
};

// A zip holding the NUL-separated parts of `input`, stored (not deflated).
std::string ZipOfParts(std::string_view input) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (parts.size() < 5) {
    size_t nul = input.find('\0', start);
    parts.emplace_back(input.substr(start, nul == std::string_view::npos ? nul : nul - start));
    if (nul == std::string_view::npos) break;
    start = nul + 1;
  }
  for (size_t i = parts.size(); i < 5; ++i) parts.emplace_back(kDefaults[i]);

  std::string out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
  Require(memory != nullptr, "libzip makes a memory source");
  zip_source_keep(memory);
  zip_t* zip = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
  Require(zip != nullptr, "libzip opens the memory source for writing");
  for (size_t i = 0; i < 5; ++i) {
    zip_source_t* part = zip_source_buffer(zip, parts[i].data(), parts[i].size(), 0);
    zip_int64_t index = zip_file_add(zip, kPartNames[i], part, 0);
    Require(index >= 0, "libzip adds a part");
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  Require(zip_close(zip) == 0, "libzip writes the zip");
  zip_stat_t st;
  if (zip_source_open(memory) == 0) {
    if (zip_source_stat(memory, &st) == 0) {
      out.resize(st.size);
      zip_int64_t n = zip_source_read(memory, out.data(), out.size());
      out.resize(n < 0 ? 0 : static_cast<size_t>(n));
    }
    zip_source_close(memory);
  }
  zip_source_free(memory);
  zip_error_fini(&error);
  return out;
}

// One line per row, enough to compare two reads.
std::string Digest(const XlsxSheet& s) {
  std::string d = s.name + "|" + std::to_string(s.sheet_count) + "\n";
  for (const XlsxRow& row : s.rows) {
    d += std::to_string(row.row) + ":";
    for (const XlsxCell& c : row.cells)
      d += std::to_string(static_cast<int>(c.type)) + (c.formula ? "f" : "") +
           (c.percent ? "%" : "") + c.text + "\t";
    d += "\n";
  }
  for (int c : s.hidden_columns) d += std::to_string(c) + ",";
  for (const std::string& m : s.merged) d += m + ",";
  return d;
}

void CheckCell(const XlsxCell& c) {
  using Type = XlsxCell::Type;
  Require(IsValidUtf8(c.text), "cell text is UTF-8", c.text);
  Require(!c.percent || c.type == Type::kNumber, "only numbers are percentages", c.text);
  switch (c.type) {
    case Type::kEmpty:
      Require(c.text.empty(), "an empty cell has no text", c.text);
      break;
    case Type::kString:
      Require(!c.text.empty() && Trim(c.text) == c.text, "strings are trimmed and not empty",
              c.text);
      Require(ToNfc(c.text) == c.text, "strings are NFC", c.text);
      break;
    case Type::kNumber: {
      double back = 0;
      auto [end, ec] = std::from_chars(c.text.data(), c.text.data() + c.text.size(), back);
      Require(ec == std::errc() && end == c.text.data() + c.text.size() && back == c.number,
              "a number's text reads back as the number", c.text);
      Require(c.text.find_first_of("eE") == std::string::npos, "numbers have no exponent", c.text);
      break;
    }
    case Type::kDate:
      if (c.date) {
        Require(MakeDate(c.date->year, c.date->month, c.date->day).has_value(),
                "a date is a calendar date", c.text);
        char shown[16];
        std::snprintf(shown, sizeof shown, "%02d/%02d/%04d", c.date->day, c.date->month,
                      c.date->year);
        Require(c.text == shown, "a date's text is dd/mm/yyyy of its date", c.text);
      } else {
        Require(c.text == "29/02/1900", "only Lotus's 29/02/1900 has no date", c.text);
      }
      break;
    case Type::kBool:
      Require(c.text == "TRUE" || c.text == "FALSE", "booleans are TRUE or FALSE", c.text);
      break;
    case Type::kError:
      Require(!c.text.empty(), "errors have text", c.text);
      break;
  }
}

void ReadAndCheck(std::string_view bytes, std::string_view wanted, const XlsxLimits& limits) {
  XlsxSheet sheet;
  std::string detail;
  XlsxProblem p = ReadXlsx(bytes, wanted, &sheet, &detail, limits);
  Require((p == XlsxProblem::kNone) == detail.empty(), "a detail exactly for a problem", detail);
  Require(IsValidUtf8(detail), "the detail is UTF-8", detail);
  if (p != XlsxProblem::kNone) {
    Require(sheet.rows.empty() && sheet.name.empty(), "a refused workbook leaves the sheet empty");
    return;
  }
  Require(sheet.sheet_count >= 1, "a read sheet is one of the workbook's sheets");
  Require(IsValidUtf8(sheet.name), "the sheet name is UTF-8", sheet.name);
  int last = 0;
  size_t cells = 0;
  for (const XlsxRow& row : sheet.rows) {
    Require(row.row > last && row.row <= 1048576, "rows ascend within 1..1048576");
    last = row.row;
    Require(!row.cells.empty() && row.cells.size() <= 16384, "rows hold 1..16384 cells");
    Require(row.cells.back().type != XlsxCell::Type::kEmpty, "rows end on a non-empty cell");
    cells += row.cells.size();
    for (const XlsxCell& c : row.cells) CheckCell(c);
  }
  Require(cells + sheet.merged.size() <= limits.max_cells, "max_cells holds");
  int previous = 0;
  for (int c : sheet.hidden_columns) {
    Require(c > previous && c <= 16384, "hidden columns ascend within 1..16384");
    previous = c;
  }
  XlsxSheet again;
  Require(ReadXlsx(bytes, wanted, &again, &detail, limits) == p && Digest(again) == Digest(sheet),
          "reading twice gives the same sheet");
}

}  // namespace
}  // namespace dvk

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dvk;
  XlsxLimits limits;
  limits.max_entry_bytes = 1 << 20;
  limits.max_total_bytes = 2 << 20;
  limits.ratio_floor_bytes = 64 << 10;
  limits.max_cells = 100000;
  limits.max_text_bytes = 1 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadAndCheck(bytes, "models", limits);
  if (!IsSpreadsheetFile(bytes)) ReadAndCheck(ZipOfParts(bytes), "", limits);
  return 0;
}
