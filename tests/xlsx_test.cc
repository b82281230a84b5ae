// Tests of read/xlsx.h and write/xlsx_template.h: workbooks made here with libxlsxwriter or
// WriteXlsxTemplate, hand-built zips for each kind of cell and each refusal, and workbooks saved by
// LibreOffice (tests/fixtures/xlsx/, see its README.md).
#include "read/xlsx.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "test_util.h"
#include "write/xlsx_template.h"

namespace dvk {
namespace {

using Type = XlsxCell::Type;
using Entries = std::vector<std::pair<std::string, std::string>>;

// A path in the test's temporary folder, unique to this process.
std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "xlsx_test_" + std::to_string(getpid()) + "_" + name;
}

// The bytes of a workbook that `build` fills in, written by libxlsxwriter.
std::string MakeWithLibxlsxwriter(const std::function<void(lxw_workbook*)>& build) {
  std::string path = TempPath("lxw.xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  build(wb);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string bytes = ReadAll(path);
  std::remove(path.c_str());
  return bytes;
}

// A zip of `entries` (name, content) in order, deflated unless `stored`; the entry named
// `encrypted` is encrypted with AES and a password.
std::string MakeZip(const Entries& entries, bool stored = false,
                    const std::string& encrypted = "") {
  std::string path = TempPath("made.zip");
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(zip, content.data(), content.size(), 0);
    zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0) << name;
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index),
                             stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    if (name == encrypted) {
      EXPECT_EQ(zip_file_set_encryption(zip, static_cast<zip_uint64_t>(index), ZIP_EM_AES_128,
                                        "mat-khau"),
                0);
    }
  }
  EXPECT_EQ(zip_close(zip), 0);
  std::string bytes = ReadAll(path);
  std::remove(path.c_str());
  return bytes;
}

// The entries of a zip, in order.
Entries Unzip(const std::string& bytes) {
  Entries entries;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, nullptr);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, nullptr);
  EXPECT_NE(zip, nullptr);
  if (!zip) return entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st);
    std::string content(st.size, '\0');
    zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    zip_fread(file, content.data(), content.size());
    zip_fclose(file);
    entries.emplace_back(st.name, content);
  }
  zip_discard(zip);
  return entries;
}

// `bytes` with the content of entry `name` replaced (or added).
std::string ReplaceEntry(const std::string& bytes, const std::string& name,
                         const std::string& content) {
  Entries entries = Unzip(bytes);
  bool found = false;
  for (auto& [n, c] : entries)
    if (n == name) c = content, found = true;
  if (!found) entries.emplace_back(name, content);
  return MakeZip(entries);
}

// Writes `size` as the uncompressed size of every entry named `name`, in its local header and in
// the central directory: a zip that lies about how large the entry inflates.
void DeclareSize(std::string* zip, const std::string& name, uint32_t size) {
  auto name_at = [&](size_t at) { return zip->compare(at, name.size(), name) == 0; };
  for (size_t i = 0; i + 46 < zip->size(); ++i) {
    if (zip->compare(i, 4, "PK\x03\x04") == 0 && name_at(i + 30))
      std::memcpy(&(*zip)[i + 22], &size, 4);
    if (zip->compare(i, 4, "PK\x01\x02") == 0 && name_at(i + 46))
      std::memcpy(&(*zip)[i + 24], &size, 4);
  }
}

// ---------------------------------------------------------------------------------------------
// A small workbook written by hand, part by part, so that every kind of cell can be spelled out.

const char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
const char kRels[] = R"(http://schemas.openxmlformats.org/officeDocument/2006/relationships/)";
const char kMain[] = R"(http://schemas.openxmlformats.org/spreadsheetml/2006/main)";

std::string Relationship(const std::string& id, const std::string& type,
                         const std::string& target) {
  return R"(<Relationship Id=")" + id + R"(" Type=")" + kRels + type + R"(" Target=")" + target +
         R"("/>)";
}

std::string RelationshipsXml(const std::string& inner) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)" +
         inner + "</Relationships>";
}

std::string WorksheetXml(const std::string& sheet_data, const std::string& after = "") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns=")") + kMain +
         R"("><sheetData>)" + sheet_data + "</sheetData>" + after + "</worksheet>";
}

// Shared strings 0..6 of HandMade().
const char kSharedStrings[] =
    R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">)"
    R"(<si><t>Tên</t></si>)"
    R"(<si><r><rPr><b/></rPr><t xml:space="preserve">Hiến </t></r><r><t>đất</t></r>)"
    R"(<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>)"
    R"(<si><t xml:space="preserve">  có khoảng trắng  </t></si>)"
    "<si><t>Hoa\xCC\x80</t></si>"  // "Hoà" with a combining grave accent (NFD)
    "<si><t>d\xC3\xB2ng 1_x000D_\ndòng 2</t></si>"
    R"(<si><t>   </t></si>)"
    R"(<si><t>_x005F_x0041_</t></si>)"
    "</sst>";

// Cell formats (the `s` of a cell) of HandMade(): 0 General, 1 builtin 14 (a date), 2 custom
// dd/mm/yyyy, 3 a number with a quoted "ngày", 4 a Vietnamese long date, 5 a coloured number,
// 6 a quoted d, 7 builtin 22 (date and time), 8 builtin 49 (text), 9 builtin 4 (#,##0.00),
// 10 builtin 9 (0%), 11 custom 0.0%, 12 a quoted %.
// cellStyleXfs comes first with a date format, which must not count.
const char kStyles[] =
    R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<numFmts count="5"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>)"
    R"(<numFmt numFmtId="165" formatCode="#,##0&quot; ngày&quot;"/>)"
    R"(<numFmt numFmtId="166" formatCode="[$-42A]d mmmm yyyy"/>)"
    R"x(<numFmt numFmtId="167" formatCode="0.00_);[Red]\(0.00\)"/>)x"
    R"(<numFmt numFmtId="168" formatCode="&quot;d&quot;0"/>)"
    R"(<numFmt numFmtId="169" formatCode="0.0%"/>)"
    R"(<numFmt numFmtId="170" formatCode="0&quot; %&quot;"/></numFmts>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)"
    R"(<cellXfs count="10"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" applyNumberFormat="1"/>)"
    R"(<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/>)"
    R"(<xf numFmtId="168"/><xf numFmtId="22"/><xf numFmtId="49"/><xf numFmtId="4"/>)"
    R"(<xf numFmtId="9"/><xf numFmtId="169"/><xf numFmtId="170"/></cellXfs>)"
    R"(</styleSheet>)";

struct HandMadeOptions {
  bool date1904 = false;
  std::string workbook;  // replaces the default workbook.xml when not empty
  std::string workbook_rels;
};

// A workbook of one sheet "Dữ liệu" whose part is xl/worksheets/data.xml (not sheet1.xml).
Entries HandMadeEntries(const std::string& sheet_xml, const HandMadeOptions& options = {}) {
  std::string workbook =
      options.workbook.empty()
          ? std::string(R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns=")") + kMain +
                R"(" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
                (options.date1904 ? R"(<workbookPr date1904="1"/>)" : "<workbookPr/>") +
                R"(<sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>)"
          : options.workbook;
  std::string workbook_rels =
      options.workbook_rels.empty()
          ? RelationshipsXml(Relationship("rId1", "worksheet", "worksheets/data.xml") +
                             Relationship("rId2", "sharedStrings", "sharedStrings.xml") +
                             Relationship("rId3", "styles", "styles.xml"))
          : options.workbook_rels;
  return {
      {"[Content_Types].xml", kContentTypes},
      {"_rels/.rels", RelationshipsXml(Relationship("rId1", "officeDocument", "xl/workbook.xml"))},
      {"xl/workbook.xml", workbook},
      {"xl/_rels/workbook.xml.rels", workbook_rels},
      {"xl/sharedStrings.xml", kSharedStrings},
      {"xl/styles.xml", kStyles},
      {"xl/worksheets/data.xml", sheet_xml}};
}

std::string HandMade(const std::string& sheet_xml, const HandMadeOptions& options = {}) {
  return MakeZip(HandMadeEntries(sheet_xml, options));
}

// ---------------------------------------------------------------------------------------------
// Expectations.

// A cell as one line: "kString 'text'" with the number, date and formula flag when they matter.
std::string Show(const XlsxCell& c) {
  static const char* kTypes[] = {"kEmpty", "kString", "kNumber", "kDate", "kBool", "kError"};
  std::string s = std::string(kTypes[static_cast<int>(c.type)]) + " '" + c.text + "'";
  if (c.type == Type::kNumber || c.type == Type::kDate || c.type == Type::kBool) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " %.17g", c.number);
    s += buf;
  }
  if (c.type == Type::kDate) s += " " + ShowDate(c.date);
  if (c.formula) s += " formula";
  if (c.percent) s += " percent";
  return s;
}

// The rows as text: "4: a4|b4|||5|6", cells by column, empty ones as "".
std::vector<std::string> ShowRows(const XlsxSheet& sheet) {
  std::vector<std::string> out;
  for (const XlsxRow& row : sheet.rows) {
    std::string line = std::to_string(row.row) + ":";
    for (size_t i = 0; i < row.cells.size(); ++i) line += (i ? "|" : " ") + row.cells[i].text;
    out.push_back(line);
  }
  return out;
}

XlsxSheet MustRead(const std::string& bytes, std::string_view wanted = "",
                   const XlsxLimits& limits = {}) {
  XlsxSheet sheet;
  std::string detail;
  XlsxProblem p = ReadXlsx(bytes, wanted, &sheet, &detail, limits);
  EXPECT_EQ(p, XlsxProblem::kNone) << XlsxProblemName(p) << ": " << detail;
  return sheet;
}

// ---------------------------------------------------------------------------------------------

TEST(ColumnLetterTest, Columns) {
  const std::pair<int, const char*> kCases[] = {
      {0, ""},    {1, "A"},    {2, "B"},     {26, "Z"},      {27, "AA"}, {52, "AZ"},
      {53, "BA"}, {702, "ZZ"}, {703, "AAA"}, {16384, "XFD"}, {-3, ""},
  };
  for (const auto& [column, letters] : kCases) EXPECT_EQ(ColumnLetter(column), letters) << column;
}

struct CellCase {
  const char* name;
  std::string cell;  // a <c> element of row 2, column B
  std::string expected;
  bool date1904 = false;
};

TEST(ReadXlsxTest, Cells) {
  const CellCase kCases[] = {
      {"shared string", R"(<c r="B2" t="s"><v>0</v></c>)", "kString 'Tên'"},
      {"rich text runs joined, phonetic guide left out", R"(<c r="B2" t="s"><v>1</v></c>)",
       "kString 'Hiến đất'"},
      {"shared string trimmed", R"(<c r="B2" t="s"><v>2</v></c>)", "kString 'có khoảng trắng'"},
      {"NFD becomes NFC", R"(<c r="B2" t="s"><v>3</v></c>)", "kString 'Hoà'"},
      {"_x000D_ escape decoded", R"(<c r="B2" t="s"><v>4</v></c>)", "kString 'dòng 1\r\ndòng 2'"},
      {"_x005F_ is an underscore", R"(<c r="B2" t="s"><v>6</v></c>)", "kString '_x0041_'"},
      {"inline string", R"(<c r="B2" t="inlineStr"><is><t> Nội dung </t></is></c>)",
       "kString 'Nội dung'"},
      {"inline string with a phonetic guide",
       R"(<c r="B2" t="inlineStr"><is><t>Tên</t><rPh sb="0" eb="1"><t>TEN</t></rPh></is></c>)",
       "kString 'Tên'"},
      {"escapes of two- and three-byte characters",
       R"(<c r="B2" t="inlineStr"><is><t>caf_x00E9_ _x4E2D_ _xD800_!</t></is></c>)",
       "kString 'café 中 !'"},
      {"inline rich text",
       R"(<c r="B2" t="inlineStr"><is><r><t xml:space="preserve">Xã </t></r><r><t>Sơn Dương</t></r></is></c>)",
       "kString 'Xã Sơn Dương'"},
      {"formula string", R"(<c r="B2" t="str"><f>A1&amp;"x"</f><v>abcx</v></c>)",
       "kString 'abcx' formula"},
      {"whole number", R"(<c r="B2"><v>12</v></c>)", "kNumber '12' 12"},
      {"decimal", R"(<c r="B2" t="n"><v>1234.5</v></c>)", "kNumber '1234.5' 1234.5"},
      {"0.1 is shortest", R"(<c r="B2"><v>0.1</v></c>)", "kNumber '0.1' 0.10000000000000001"},
      {"a binary artefact is kept exactly", R"(<c r="B2"><v>0.30000000000000004</v></c>)",
       "kNumber '0.30000000000000004' 0.30000000000000004"},
      {"exponent written out", R"(<c r="B2"><v>1.5E-3</v></c>)", "kNumber '0.0015' 0.0015"},
      {"large exponent written out", R"(<c r="B2"><v>1E+21</v></c>)",
       "kNumber '1000000000000000000000' 1e+21"},
      {"money", R"(<c r="B2" s="9"><v>2150000000</v></c>)", "kNumber '2150000000' 2150000000"},
      {"negative", R"(<c r="B2"><v>-3</v></c>)", "kNumber '-3' -3"},
      {"minus zero", R"(<c r="B2"><v>-0</v></c>)", "kNumber '0' -0"},
      {"number in a text-formatted cell", R"(<c r="B2" s="8"><v>46351</v></c>)",
       "kNumber '46351' 46351"},
      {"formula number", R"(<c r="B2"><f>SUM(A1:A3)</f><v>6</v></c>)", "kNumber '6' 6 formula"},
      {"true", R"(<c r="B2" t="b"><v>1</v></c>)", "kBool 'TRUE' 1"},
      {"false", R"(<c r="B2" t="b"><v>0</v></c>)", "kBool 'FALSE' 0"},
      {"error", R"(<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>)", "kError '#DIV/0!' formula"},
      {"N/A", R"(<c r="B2" t="e"><v>#N/A</v></c>)", "kError '#N/A'"},
      {"builtin date 14", R"(<c r="B2" s="1"><v>46351</v></c>)",
       "kDate '25/11/2026' 46351 2026-11-25"},
      {"custom dd/mm/yyyy", R"(<c r="B2" s="2"><v>46069</v></c>)",
       "kDate '16/02/2026' 46069 2026-02-16"},
      {"custom Vietnamese long date", R"(<c r="B2" s="4"><v>46086</v></c>)",
       "kDate '05/03/2026' 46086 2026-03-05"},
      {"date and time", R"(<c r="B2" s="7"><v>46351.75</v></c>)",
       "kDate '25/11/2026' 46351.75 2026-11-25"},
      {"date from a formula", R"(<c r="B2" s="1"><f>TODAY()</f><v>46023</v></c>)",
       "kDate '01/01/2026' 46023 2026-01-01 formula"},
      {"quoted ngày is no date", R"(<c r="B2" s="3"><v>46351</v></c>)", "kNumber '46351' 46351"},
      {"coloured number is no date", R"(<c r="B2" s="5"><v>12.5</v></c>)", "kNumber '12.5' 12.5"},
      {"builtin percent", R"(<c r="B2" s="10"><v>0.85</v></c>)",
       "kNumber '0.85' 0.84999999999999998 percent"},
      {"custom percent", R"(<c r="B2" s="11"><v>0.125</v></c>)", "kNumber '0.125' 0.125 percent"},
      {"quoted % is no percent", R"(<c r="B2" s="12"><v>85</v></c>)", "kNumber '85' 85"},
      {"quoted d is no date", R"(<c r="B2" s="6"><v>7</v></c>)", "kNumber '7' 7"},
      {"style index past the styles", R"(<c r="B2" s="99"><v>7</v></c>)", "kNumber '7' 7"},
      {"serial 1", R"(<c r="B2" s="1"><v>1</v></c>)", "kDate '01/01/1900' 1 1900-01-01"},
      {"serial 59", R"(<c r="B2" s="1"><v>59</v></c>)", "kDate '28/02/1900' 59 1900-02-28"},
      {"serial 60, Lotus's 29 February 1900", R"(<c r="B2" s="1"><v>60</v></c>)",
       "kDate '29/02/1900' 60 none"},
      {"serial 61", R"(<c r="B2" s="1"><v>61</v></c>)", "kDate '01/03/1900' 61 1900-03-01"},
      {"serial 0 is no date", R"(<c r="B2" s="1"><v>0</v></c>)", "kNumber '0' 0"},
      {"negative serial is no date", R"(<c r="B2" s="1"><v>-5</v></c>)", "kNumber '-5' -5"},
      {"last serial", R"(<c r="B2" s="1"><v>2958465</v></c>)",
       "kDate '31/12/9999' 2958465 9999-12-31"},
      {"past the last serial", R"(<c r="B2" s="1"><v>2958466</v></c>)",
       "kNumber '2958466' 2958466"},
      {"1904 system serial 0", R"(<c r="B2" s="1"><v>0</v></c>)", "kDate '01/01/1904' 0 1904-01-01",
       true},
      {"1904 system", R"(<c r="B2" s="2"><v>45000</v></c>)", "kDate '16/03/2027' 45000 2027-03-16",
       true},
      {"ISO date cell", R"(<c r="B2" t="d"><v>2026-11-25T00:00:00</v></c>)",
       "kDate '25/11/2026' 46351 2026-11-25"},
      {"ISO date cell, 1904 system", R"(<c r="B2" t="d"><v>2026-11-25</v></c>)",
       "kDate '25/11/2026' 44889 2026-11-25", true},
      {"not a number", R"(<c r="B2"><v>abc</v></c>)", "kString 'abc'"},
      {"spaces around a number", "<c r=\"B2\"><v> 12\n</v></c>", "kNumber '12' 12"},
      {"ISO date cell that is no date", R"(<c r="B2" t="d"><v>25/11/2026</v></c>)",
       "kString '25/11/2026'"},
      {"boolean of another value", R"(<c r="B2" t="b"><v>2</v></c>)", "kNumber '2' 2"},
      {"no r: after column A", R"(<c r="A2" s="1"/><c><v>3</v></c>)", "kNumber '3' 3"},
      {"lower-case reference", R"(<c r="b2"><v>3</v></c>)", "kNumber '3' 3"},
  };
  for (const CellCase& c : kCases) {
    SCOPED_TRACE(c.name);
    HandMadeOptions options;
    options.date1904 = c.date1904;
    XlsxSheet sheet =
        MustRead(HandMade(WorksheetXml("<row r=\"2\">" + c.cell + "</row>"), options));
    ASSERT_EQ(sheet.rows.size(), 1u);
    EXPECT_EQ(sheet.rows[0].row, 2);
    ASSERT_EQ(sheet.rows[0].cells.size(), 2u);
    EXPECT_EQ(sheet.rows[0].cells[0].type, Type::kEmpty);
    EXPECT_EQ(Show(sheet.rows[0].cells[1]), c.expected);
  }
}

TEST(ReadXlsxTest, CellsThatAreEmpty) {
  const std::pair<const char*, std::string> kCases[] = {
      {"shared string of spaces", R"(<c r="B2" t="s"><v>5</v></c>)"},
      {"formula without a cached value", R"(<c r="B2"><f>A1</f></c>)"},
      {"styled blank", R"(<c r="B2" s="1"/>)"},
      {"empty value", R"(<c r="B2"><v></v></c>)"},
      {"empty inline string", R"(<c r="B2" t="inlineStr"><is><t></t></is></c>)"},
      {"empty error", R"(<c r="B2" t="e"><v/></c>)"},
  };
  for (const auto& [name, cell] : kCases) {
    XlsxSheet sheet = MustRead(HandMade(WorksheetXml("<row r=\"2\">" + cell + "</row>")));
    EXPECT_TRUE(sheet.rows.empty()) << name;
  }
}

TEST(ReadXlsxTest, Layout) {
  std::string xml =
      std::string(R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns=")") + kMain + R"(">)" +
      R"(<cols><col min="2" max="3" hidden="1"/><col min="5" max="5" width="0" hidden="true"/>)"
      R"(<col min="6" max="6" width="20"/></cols><sheetData>)"
      R"(<row r="3"><c r="C3" t="inlineStr"><is><t>c3</t></is></c></row>)"
      R"(<row><c t="inlineStr"><is><t>a4</t></is></c><c t="inlineStr"><is><t>b4</t></is></c>)"
      R"(<c r="E4"><v>5</v></c><c><v>6</v></c><c r="G4" s="1"/></row>)"
      R"(<row r="2"><c r="A2"><v>2</v></c></row>)"
      R"(<row r="7" spans="1:3"><c r="A7" s="1"/><c r="B7" t="s"><v>5</v></c></row>)"
      R"(<row r="3"><c r="A3"><v>1</v></c></row>)"
      R"(<row r="9"><c r="XFD9"><v>1</v></c></row></sheetData>)"
      R"(<mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="A2:B2"/></mergeCells>)"
      R"(</worksheet>)";
  XlsxSheet sheet = MustRead(HandMade(xml));
  EXPECT_EQ(sheet.name, "Dữ liệu");
  EXPECT_EQ(sheet.sheet_count, 1);
  ASSERT_EQ(sheet.rows.size(), 4u);
  std::vector<std::string> shown = ShowRows(sheet);
  shown.pop_back();  // row 9, checked below
  EXPECT_EQ(shown, (std::vector<std::string>{"2: 2", "3: 1||c3", "4: a4|b4|||5|6"}));
  EXPECT_EQ(sheet.rows[3].row, 9);
  ASSERT_EQ(sheet.rows[3].cells.size(), 16384u);
  EXPECT_EQ(sheet.rows[3].cells.back().text, "1");
  EXPECT_EQ(sheet.hidden_columns, (std::vector<int>{2, 3, 5}));
  EXPECT_EQ(sheet.merged, (std::vector<std::string>{"A1:H1", "A2:B2"}));
}

TEST(ReadXlsxTest, RowWrittenTwiceInARow) {
  XlsxSheet sheet = MustRead(HandMade(WorksheetXml(
      R"(<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>)"
      R"(<row r="1"><c r="B1"><v>2</v></c><c r="C1"><v>4</v></c></row><row r="2"><c><v>5</v></c></row>)")));
  EXPECT_EQ(ShowRows(sheet), (std::vector<std::string>{"1: 1|2|4", "2: 5"}));
}

TEST(ReadXlsxTest, NamespacePrefixes) {
  std::string xml = std::string(R"(<x:worksheet xmlns:x=")") + kMain +
                    R"("><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hi</x:t>)"
                    R"(</x:is></x:c><x:c r="B1" s="1"><x:v>46351</x:v></x:c></x:row></x:sheetData>)"
                    R"(</x:worksheet>)";
  XlsxSheet sheet = MustRead(HandMade(xml));
  EXPECT_EQ(ShowRows(sheet), (std::vector<std::string>{"1: hi|25/11/2026"}));
}

TEST(ReadXlsxTest, Utf16Part) {
  std::string utf8 =
      WorksheetXml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Mặt trận</t></is></c></row>)");
  utf8.replace(utf8.find("UTF-8"), 5, "UTF-16");
  std::string utf16 = "\xFF\xFE";  // little-endian with a byte order mark
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = c;
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
    if (n == 2) cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
    if (n == 3) cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
    utf16 += static_cast<char>(cp & 0xFF);
    utf16 += static_cast<char>(cp >> 8);
    i += static_cast<size_t>(n);
  }
  EXPECT_EQ(ShowRows(MustRead(HandMade(utf16))), (std::vector<std::string>{"1: Mặt trận"}));
}

// A workbook of five sheets: a hidden one first, a chart sheet, then three found through
// relative, absolute and ../ targets. Each sheet's A1 holds its name.
std::string ManySheets() {
  std::string workbook =
      std::string(R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns=")") + kMain +
      R"(" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
      R"(<sheet name="Ẩn" sheetId="1" state="hidden" r:id="rId1"/>)"
      R"(<sheet name="Biểu đồ" sheetId="2" r:id="rId2"/>)"
      R"(<sheet name="Mô hình" sheetId="3" r:id="rId3"/>)"
      R"(<sheet name="Kết quả" sheetId="4" r:id="rId4"/>)"
      R"(<sheet name="Rất ẩn" sheetId="5" state="veryHidden" r:id="rId5"/></sheets></workbook>)";
  std::string rels =
      RelationshipsXml(Relationship("rId1", "worksheet", "worksheets/a.xml") +
                       Relationship("rId2", "chartsheet", "chartsheets/sheet1.xml") +
                       Relationship("rId3", "worksheet", "/xl/worksheets/b.xml") +
                       Relationship("rId4", "worksheet", "../xl/./worksheets/c.xml") +
                       Relationship("rId5", "worksheet", "worksheets/a.xml") +
                       Relationship("rId9", "sharedStrings", "sharedStrings.xml"));
  auto a1 = [](const std::string& text) {
    return WorksheetXml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + text +
                        "</t></is></c></row>");
  };
  HandMadeOptions options;
  options.workbook = workbook;
  options.workbook_rels = rels;
  Entries entries = HandMadeEntries(a1("unused"), options);
  entries.emplace_back("xl/worksheets/a.xml", a1("a"));
  entries.emplace_back("xl/worksheets/b.xml", a1("b"));
  entries.emplace_back("xl/worksheets/c.xml", a1("c"));
  entries.emplace_back("xl/chartsheets/sheet1.xml", "<chartsheet/>");
  return MakeZip(entries);
}

TEST(ReadXlsxTest, ChoosingTheSheet) {
  struct Case {
    const char* wanted;
    const char* name;
    const char* a1;
  };
  const Case kCases[] = {
      {"", "Mô hình", "b"},        {"ket qua", "Kết quả", "c"}, {"KẾT QUẢ", "Kết quả", "c"},
      {"Mô hình", "Mô hình", "b"}, {"mo-hinh", "Mô hình", "b"}, {"an", "Ẩn", "a"},
      {"rat an", "Rất ẩn", "a"},   {"bieu do", "Mô hình", "b"}, {"nothing", "Mô hình", "b"},
      {"!!!", "Mô hình", "b"},
  };
  std::string bytes = ManySheets();
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.wanted);
    XlsxSheet sheet = MustRead(bytes, c.wanted);
    EXPECT_EQ(sheet.name, c.name);
    EXPECT_EQ(sheet.sheet_count, 5);
    EXPECT_EQ(ShowRows(sheet), (std::vector<std::string>{std::string("1: ") + c.a1}));
  }
}

TEST(ReadXlsxTest, WorkbookNamedByRootRelationships) {
  Entries entries =
      HandMadeEntries(WorksheetXml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"));
  for (auto& [name, content] : entries) {
    if (name == "_rels/.rels")
      content = RelationshipsXml(Relationship("rId1", "officeDocument", "/book/main.xml"));
    if (name.rfind("xl/", 0) == 0) name.replace(0, 3, "book/");
    if (name == "book/workbook.xml") name = "book/main.xml";
    if (name == "book/_rels/workbook.xml.rels") name = "book/_rels/main.xml.rels";
  }
  EXPECT_EQ(ShowRows(MustRead(MakeZip(entries))), (std::vector<std::string>{"1: Tên"}));
}

// ---------------------------------------------------------------------------------------------
// Workbooks written by libxlsxwriter, as Excel would write them.

// Sheet "Mô hình": a merged title over two rows, the header on row 3, then data with dates in
// three formats, a number stored as text, a formula with its cached value, a hidden column C.
// Sheet "Kết quả": two cells.
std::string LibxlsxwriterWorkbook() {
  return MakeWithLibxlsxwriter([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Mô hình");
    lxw_worksheet* results = workbook_add_worksheet(wb, "Kết quả");
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    lxw_format* dmy = workbook_add_format(wb);
    format_set_num_format(dmy, "dd/mm/yyyy");
    lxw_format* long_date = workbook_add_format(wb);
    format_set_num_format(long_date, "d mmmm yyyy");
    lxw_format* iso = workbook_add_format(wb);
    format_set_num_format(iso, "yyyy-mm-dd");
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0");
    worksheet_merge_range(ws, 0, 0, 0, 7, "DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO”", title);
    worksheet_merge_range(ws, 1, 0, 1, 7, "Xã Sơn Dương, năm 2026", nullptr);
    const char* headers[] = {"Mã",          "Tên mô hình",    "Ngày đăng ký",
                             "Ngày ra mắt", "Ngày công nhận", "Số người",
                             "Kinh phí",    "Gấp đôi"};
    for (int c = 0; c < 8; ++c)
      worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), headers[c], title);
    worksheet_write_string(ws, 3, 0, "xa-1", nullptr);
    worksheet_write_string(ws, 3, 1, "  Hiến đất làm đường  ", nullptr);
    lxw_datetime registered = {2026, 2, 16, 0, 0, 0};
    lxw_datetime launched = {2026, 3, 5, 0, 0, 0};
    lxw_datetime recognised = {2026, 11, 25, 0, 0, 0};
    worksheet_write_datetime(ws, 3, 2, &registered, dmy);
    worksheet_write_datetime(ws, 3, 3, &launched, long_date);
    worksheet_write_datetime(ws, 3, 4, &recognised, iso);
    worksheet_write_string(ws, 3, 5, "1.240", nullptr);  // a number stored as text
    worksheet_write_number(ws, 3, 6, 2150000000, money);
    worksheet_write_formula_num(ws, 3, 7, "=F5*2", nullptr, 2480);
    worksheet_write_string(ws, 4, 0, "xa-2", nullptr);
    worksheet_write_number(ws, 4, 5, 85.5, nullptr);
    worksheet_write_boolean(ws, 4, 6, 1, nullptr);
    lxw_row_col_options hidden = {};
    hidden.hidden = 1;
    worksheet_set_column_opt(ws, 2, 2, 12, nullptr, &hidden);
    worksheet_write_string(results, 0, 0, "Chỉ tiêu", nullptr);
    worksheet_write_number(results, 1, 0, 12, nullptr);
  });
}

TEST(ReadXlsxTest, LibxlsxwriterWorkbook) {
  std::string bytes = LibxlsxwriterWorkbook();
  XlsxSheet sheet = MustRead(bytes, "mo hinh");
  EXPECT_EQ(sheet.name, "Mô hình");
  EXPECT_EQ(sheet.sheet_count, 2);
  EXPECT_EQ(sheet.hidden_columns, (std::vector<int>{3}));
  EXPECT_EQ(sheet.merged, (std::vector<std::string>{"A1:H1", "A2:H2"}));
  EXPECT_EQ(
      ShowRows(sheet),
      (std::vector<std::string>{
          "1: DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO”", "2: Xã Sơn Dương, năm 2026",
          "3: Mã|Tên mô hình|Ngày đăng ký|Ngày ra mắt|Ngày công nhận|Số người|Kinh phí|Gấp đôi",
          "4: xa-1|Hiến đất làm đường|16/02/2026|05/03/2026|25/11/2026|1.240|2150000000|2480",
          "5: xa-2|||||85.5|TRUE"}));
  const std::vector<XlsxCell>& row4 = sheet.rows[3].cells;
  std::vector<std::string> types;
  for (const XlsxCell& c : row4) types.push_back(Show(c));
  EXPECT_EQ(types, (std::vector<std::string>{
                       "kString 'xa-1'", "kString 'Hiến đất làm đường'",
                       "kDate '16/02/2026' 46069 2026-02-16", "kDate '05/03/2026' 46086 2026-03-05",
                       "kDate '25/11/2026' 46351 2026-11-25", "kString '1.240'",
                       "kNumber '2150000000' 2150000000", "kNumber '2480' 2480 formula"}));

  XlsxSheet results = MustRead(bytes, "Ket qua");
  EXPECT_EQ(results.name, "Kết quả");
  EXPECT_EQ(ShowRows(results), (std::vector<std::string>{"1: Chỉ tiêu", "2: 12"}));
  EXPECT_TRUE(results.merged.empty());
  EXPECT_TRUE(results.hidden_columns.empty());
}

TEST(ReadXlsxTest, FirstVisibleSheet) {
  std::string bytes = MakeWithLibxlsxwriter([](lxw_workbook* wb) {
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "Ẩn");
    lxw_worksheet* shown = workbook_add_worksheet(wb, "Hiện");
    worksheet_write_string(hidden, 0, 0, "ẩn", nullptr);
    worksheet_write_string(shown, 0, 0, "hiện", nullptr);
    worksheet_activate(shown);
    worksheet_hide(hidden);
  });
  XlsxSheet sheet = MustRead(bytes);
  EXPECT_EQ(sheet.name, "Hiện");
  EXPECT_EQ(ShowRows(sheet), (std::vector<std::string>{"1: hiện"}));
}

TEST(ReadXlsxTest, EmptyWorkbook) {
  std::string bytes =
      MakeWithLibxlsxwriter([](lxw_workbook* wb) { workbook_add_worksheet(wb, nullptr); });
  XlsxSheet sheet = MustRead(bytes, "anything");
  EXPECT_EQ(sheet.name, "Sheet1");
  EXPECT_EQ(sheet.sheet_count, 1);
  EXPECT_TRUE(sheet.rows.empty());
  EXPECT_TRUE(sheet.merged.empty());
  EXPECT_TRUE(sheet.hidden_columns.empty());
}

TEST(ReadXlsxTest, SeveralThreadsAtOnce) {
  std::string bytes = LibxlsxwriterWorkbook();
  std::vector<std::string> expected = ShowRows(MustRead(bytes));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        XlsxSheet sheet;
        std::string detail;
        if (ReadXlsx(bytes, t % 2 ? "ket qua" : "", &sheet, &detail) != XlsxProblem::kNone) return;
        if (t % 2 == 0) got[t] = ShowRows(sheet);
      }
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(got[0], expected);
  EXPECT_EQ(got[2], expected);
}

// ---------------------------------------------------------------------------------------------
// Refusals.

// An OLE compound file (the container of .xls and of encrypted workbooks): the header sector and
// one directory sector whose first entries are named `streams` (UTF-16LE, as OLE stores them).
std::string OleFile(const std::vector<std::string>& streams) {
  std::string bytes(512 * 2, '\0');
  std::memcpy(bytes.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes[0x1A] = 0x3E;  // minor version, major version 3, little-endian byte order, 512-byte sectors
  bytes[0x1C] = '\xFE';
  bytes[0x1D] = '\xFF';
  bytes[0x1E] = 9;
  for (size_t i = 0; i < streams.size() && i < 4; ++i) {
    size_t at = 512 + i * 128;
    for (size_t k = 0; k < streams[i].size(); ++k) bytes[at + 2 * k] = streams[i][k];
    bytes[at + 64] = static_cast<char>(2 * (streams[i].size() + 1));
    bytes[at + 66] = i == 0 ? 5 : 2;  // root storage, then streams
  }
  return bytes;
}

std::string BillionLaughs(const std::string& root) {
  std::string doc = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">)";
  std::string previous = "lol";
  for (int i = 1; i <= 9; ++i) {
    std::string name = "lol" + std::to_string(i);
    doc += "<!ENTITY " + name + " \"";
    for (int k = 0; k < 10; ++k) doc += "&" + previous + ";";
    doc += "\">";
    previous = name;
  }
  return doc + "]><" + root + " xmlns=\"" + kMain + "\">&lol9;</" + root + ">";
}

struct RefusalCase {
  const char* name;
  std::string bytes;
  XlsxProblem problem;
  std::string detail;
  XlsxLimits limits = {};
};

XlsxLimits Limits(std::function<void(XlsxLimits*)> change) {
  XlsxLimits limits;
  change(&limits);
  return limits;
}

TEST(ReadXlsxTest, Refusals) {
  std::string good = LibxlsxwriterWorkbook();
  std::string cells = WorksheetXml(R"(<row r="1"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c>)"
                                   R"(<c><v>4</v></c><c><v>5</v></c></row>)"
                                   R"(<row r="2"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c>)"
                                   R"(<c><v>4</v></c><c><v>5</v></c></row>)");
  // A sheet that inflates to 2 MiB of spaces but says it holds 200 bytes.
  std::string lying = HandMade(WorksheetXml(std::string(2 << 20, ' ')));
  DeclareSize(&lying, "xl/worksheets/data.xml", 200);
  // Two parts of 700 KiB each, stored: fine one by one, too much together.
  Entries two_parts = HandMadeEntries(WorksheetXml(std::string(700 << 10, ' ')));
  two_parts[4].second = std::string(kSharedStrings);
  two_parts[4].second.insert(two_parts[4].second.find("?>") + 2, std::string(700 << 10, ' '));
  // A stored sheet with one byte changed after the zip was made.
  std::string corrupted =
      MakeZip(HandMadeEntries(WorksheetXml(R"(<row r="1"><c r="A1"><v>12</v></c></row>)")), true);
  corrupted.replace(corrupted.find("<v>12</v>"), 9, "<v>13</v>");
  std::string sheets;
  for (int i = 0; i <= 65536; ++i) sheets += "<sheet/>";
  std::string many_sheets =
      HandMade(WorksheetXml(""),
               HandMadeOptions{
                   false, std::string("<workbook><sheets>") + sheets + "</sheets></workbook>", ""});
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "<x>";
  const char kOoxmlPrefix[] = "xl/worksheets/data.xml: ";
  const std::string kRefusedXml =
      "declares a DOCTYPE; Excel never writes one, and its entities can expand without bound "
      "(the billion-laughs attack), so the file is refused";

  const RefusalCase kCases[] = {
      {"nothing", "", XlsxProblem::kNotWorkbook,
       "the file is not an Excel workbook: an .xlsx file is a zip archive, and this one does "
       "not start like one"},
      {"CSV text", "Tên,Số\nA,1\n", XlsxProblem::kNotWorkbook,
       "the file is not an Excel workbook: an .xlsx file is a zip archive, and this one does "
       "not start like one"},
      {"an .xls", OleFile({"Root Entry", "Workbook"}), XlsxProblem::kOldXls,
       "the file is an Excel 97-2003 workbook (.xls); open it in Excel and save it as an Excel "
       "Workbook (.xlsx)"},
      {"a workbook with a password", OleFile({"Root Entry", "EncryptionInfo", "EncryptedPackage"}),
       XlsxProblem::kEncrypted,
       "the workbook is protected by a password to open it, so Excel stored it encrypted; save "
       "a copy without the password"},
      {"zip signature then garbage", std::string("PK\x03\x04", 4) + std::string(100, 'x'),
       XlsxProblem::kCorrupt, "the zip archive is damaged: Not a zip archive"},
      {"truncated workbook", good.substr(0, good.size() / 2), XlsxProblem::kCorrupt,
       "the zip archive is damaged: Not a zip archive"},
      {"a zip of something else", MakeZip({{"notes.txt", "hello"}}), XlsxProblem::kCorrupt,
       "the zip archive holds no workbook (no xl/workbook.xml), so it is not an Excel workbook"},
      {"a document, not a workbook",
       MakeZip({{"_rels/.rels",
                 RelationshipsXml(Relationship("rId1", "officeDocument", "word/document.xml"))},
                {"word/document.xml", "<w:document xmlns:w=\"urn:w\"/>"}}),
       XlsxProblem::kCorrupt,
       "word/document.xml: it is not a workbook (its root element is <document>)"},
      {"no workbook relationships",
       [] {
         Entries e = HandMadeEntries(WorksheetXml(""));
         e.erase(e.begin() + 3);
         return MakeZip(e);
       }(),
       XlsxProblem::kCorrupt,
       "the workbook has no xl/_rels/workbook.xml.rels, so its sheets cannot be found"},
      {"sheet part missing",
       [] {
         Entries e = HandMadeEntries(WorksheetXml(""));
         e.pop_back();
         return MakeZip(e);
       }(),
       XlsxProblem::kCorrupt, std::string(kOoxmlPrefix) + "the part is missing from the zip"},
      {"broken sheet XML", HandMade("<worksheet><sheetData><row r=\"1\">"), XlsxProblem::kCorrupt,
       std::string(kOoxmlPrefix) + "broken XML at line 1: no element found"},
      {"mismatched tags", HandMade("<worksheet><sheetData></row></worksheet>"),
       XlsxProblem::kCorrupt, std::string(kOoxmlPrefix) + "broken XML at line 1: mismatched tag"},
      {"shared string out of range",
       HandMade(WorksheetXml(R"(<row r="4"><c r="C4" t="s"><v>7</v></c></row>)")),
       XlsxProblem::kCorrupt,
       std::string(kOoxmlPrefix) + "cell C4 refers to shared string \"7\" but there are 7"},
      {"row number 0", HandMade(WorksheetXml(R"(<row r="0"><c><v>1</v></c></row>)")),
       XlsxProblem::kCorrupt,
       std::string(kOoxmlPrefix) + "a row has the number \"0\", not one of 1..1048576"},
      {"column past XFD", HandMade(WorksheetXml(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")),
       XlsxProblem::kCorrupt,
       std::string(kOoxmlPrefix) +
           "row 1 has a cell whose reference \"XFE1\" names no column of A..XFD"},
      {"a cell outside any row", HandMade(WorksheetXml(R"(<c r="A1"><v>1</v></c>)")),
       XlsxProblem::kCorrupt, std::string(kOoxmlPrefix) + "a cell stands outside any row"},
      {"a part whose bytes do not match its CRC", corrupted, XlsxProblem::kCorrupt,
       std::string(kOoxmlPrefix) + "the part cannot be inflated: CRC error"},
      {"a part encrypted inside the zip",
       MakeZip(HandMadeEntries(WorksheetXml("")), false, "xl/workbook.xml"),
       XlsxProblem::kEncrypted, "xl/workbook.xml: the part is encrypted inside the zip"},
      {"more sheets than any workbook has", many_sheets, XlsxProblem::kTooLarge,
       "xl/workbook.xml: it lists more than 65536 sheets"},
      {"a cell of text past the text limit",
       HandMade(WorksheetXml(R"(<row r="1"><c t="inlineStr"><is><t>)" + std::string(100, 'x') +
                             "</t></is></c></row>")),
       XlsxProblem::kTooLarge,
       std::string(kOoxmlPrefix) + "a cell holds more than 40 bytes of text",
       Limits([](XlsxLimits* l) { l->max_text_bytes = 40; })},
      {"elements nested without end", HandMade(WorksheetXml(deep)), XlsxProblem::kCorrupt,
       std::string(kOoxmlPrefix) + "elements nest deeper than any workbook needs"},
      {"billion laughs in the sheet", HandMade(BillionLaughs("worksheet")),
       XlsxProblem::kXmlRefused, kOoxmlPrefix + kRefusedXml},
      {"billion laughs in the shared strings",
       ReplaceEntry(good, "xl/sharedStrings.xml", BillionLaughs("sst")), XlsxProblem::kXmlRefused,
       "xl/sharedStrings.xml: " + kRefusedXml},
      {"an entity in the workbook part",
       ReplaceEntry(
           good, "xl/workbook.xml",
           R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>)"),
       XlsxProblem::kXmlRefused, "xl/workbook.xml: " + kRefusedXml},
      {"a part that lies about its size", lying, XlsxProblem::kTooLarge,
       std::string(kOoxmlPrefix) + "the part inflates past 1048576 bytes, the limit for one part",
       Limits([](XlsxLimits* l) {
         l->max_entry_bytes = 1 << 20;
         l->max_ratio = 1 << 30;
       })},
      {"a zip bomb, default limits", lying, XlsxProblem::kTooLarge,
       std::string(kOoxmlPrefix) +
           "the part inflates to more than 200 times its compressed "
           "size of " +
           std::to_string([&] {
             zip_source_t* s = zip_source_buffer_create(lying.data(), lying.size(), 0, nullptr);
             zip_t* z = zip_open_from_source(s, ZIP_RDONLY, nullptr);
             zip_stat_t st;
             zip_stat(z, "xl/worksheets/data.xml", 0, &st);
             zip_discard(z);
             return st.comp_size;
           }()) +
           " bytes (a zip bomb)"},
      {"parts too large together", MakeZip(two_parts, true), XlsxProblem::kTooLarge,
       std::string(kOoxmlPrefix) +
           "the parts read so far inflate past 1048576 bytes, the limit for a workbook",
       Limits([](XlsxLimits* l) { l->max_total_bytes = 1 << 20; })},
      {"too many cells", HandMade(cells), XlsxProblem::kTooLarge,
       std::string(kOoxmlPrefix) + "the sheet has more than 8 cells",
       Limits([](XlsxLimits* l) { l->max_cells = 8; })},
      {"a lone cell in column XFD",
       HandMade(WorksheetXml(R"(<row r="1"><c r="XFD1"><v>1</v></c></row>)")),
       XlsxProblem::kTooLarge, std::string(kOoxmlPrefix) + "the sheet has more than 16383 cells",
       Limits([](XlsxLimits* l) { l->max_cells = 16383; })},
      {"a shared string repeated past the text limit",
       HandMade(
           WorksheetXml(R"(<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>2</v></c>)"
                        R"(<c r="C1" t="s"><v>2</v></c></row>)")),
       XlsxProblem::kTooLarge,
       std::string(kOoxmlPrefix) + "the cells hold more than 40 bytes of text",
       Limits([](XlsxLimits* l) { l->max_text_bytes = 40; })},
      {"more shared strings than cells", good, XlsxProblem::kTooLarge,
       "xl/sharedStrings.xml: it holds more than 3 strings, the limit for cells",
       Limits([](XlsxLimits* l) { l->max_cells = 3; })},
      {"no sheets",
       HandMade(WorksheetXml(""),
                HandMadeOptions{false, std::string("<workbook xmlns=\"") + kMain + "\"/>", ""}),
       XlsxProblem::kNoSheet, "the workbook lists no sheets"},
      {"only hidden sheets",
       HandMade(
           WorksheetXml(""),
           HandMadeOptions{
               false,
               std::string("<workbook xmlns=\"") + kMain +
                   R"(" xmlns:r="urn:r"><sheets><sheet name="A" state="hidden" r:id="rId1"/></sheets></workbook>)",
               ""}),
       XlsxProblem::kNoSheet,
       "the workbook has no visible worksheet (only hidden sheets or charts)"},
  };
  for (const RefusalCase& c : kCases) {
    SCOPED_TRACE(c.name);
    XlsxSheet sheet;
    sheet.name = "stale";
    std::string detail;
    XlsxProblem p = ReadXlsx(c.bytes, "", &sheet, &detail, c.limits);
    EXPECT_EQ(XlsxProblemName(p), std::string(XlsxProblemName(c.problem)));
    EXPECT_EQ(detail, c.detail);
    EXPECT_EQ(sheet.name, "");
    EXPECT_TRUE(sheet.rows.empty());
  }
}

TEST(ReadXlsxTest, NullDetailIsAllowed) {
  XlsxSheet sheet;
  EXPECT_EQ(ReadXlsx("text", "", &sheet, nullptr), XlsxProblem::kNotWorkbook);
}

// ---------------------------------------------------------------------------------------------
// Templates.

using Check = TemplateColumn::Check;

TemplateColumn Column(const std::string& header, double width, Check check = Check::kNone,
                      std::vector<std::string> list = {}) {
  TemplateColumn c;
  c.header = header;
  c.width = width;
  c.check = check;
  c.list = std::move(list);
  return c;
}

// Two sheets: "Mô hình" with every kind of check, a note and two example rows, and "Kết quả"
// whose list equals one of "Mô hình".
std::vector<TemplateSheet> SampleTemplate() {
  const std::vector<std::string> kFields = {"Kinh tế", "Văn hoá – xã hội", "Quốc phòng, an ninh"};
  TemplateColumn id = Column("Mã mô hình", 28);
  id.prompt = "Chữ thường không dấu, nối bằng gạch ngang.";
  TemplateColumn field = Column("Lĩnh vực", 30, Check::kList, kFields);
  field.prompt = "Chọn trong danh sách.";
  field.error = "Lĩnh vực không có trong danh sách.";
  TemplateColumn date = Column("Ngày ra mắt", 14, Check::kDate);
  date.error = "Nhập ngày dạng 25/11/2026.";
  TemplateColumn people = Column("Số người tham gia", 12, Check::kWhole);
  people.minimum = 0;
  people.maximum = 1000000;
  TemplateColumn score = Column("TC1", 8, Check::kDecimal);
  score.minimum = 0;
  score.maximum = 10;
  TemplateSheet models;
  models.name = "Mô hình";
  models.title_note = "Mỗi dòng là một mô hình.";
  models.columns = {id,    field,
                    date,  people,
                    score, Column("Cấp công nhận", 14, Check::kList, {"xã", "huyện", "tỉnh"})};
  models.rows = {{"xa-son-duong-2026-hien-dat", "Kinh tế", "05/03/2026", "1240", "8,5", "tỉnh"},
                 {"xa-son-duong-2025-dan-chu", "", "", "630", "", ""}};
  TemplateSheet results;
  results.name = "Kết quả";
  results.columns = {Column("Đơn vị", 30), Column("Lĩnh vực", 30, Check::kList, kFields)};
  results.data_rows = 100;
  return {models, results};
}

TEST(WriteXlsxTemplateTest, ReadsBack) {
  std::string path = TempPath("template.xlsx");
  std::string error;
  ASSERT_TRUE(WriteXlsxTemplate(path, SampleTemplate(), &error)) << error;
  std::string bytes = ReadAll(path);
  // DVK_XLSX_KEEP=folder keeps the template (tests/fixtures/xlsx/README.md).
  if (const char* keep = std::getenv("DVK_XLSX_KEEP"))
    std::ofstream(std::string(keep) + "/template.xlsx", std::ios::binary) << bytes;

  XlsxSheet models = MustRead(bytes, "mo hinh");
  EXPECT_EQ(models.name, "Mô hình");
  EXPECT_EQ(models.sheet_count, 3);
  EXPECT_EQ(ShowRows(models),
            (std::vector<std::string>{
                "1: Mã mô hình|Lĩnh vực|Ngày ra mắt|Số người tham gia|TC1|Cấp công nhận",
                "2: xa-son-duong-2026-hien-dat|Kinh tế|05/03/2026|1240|8,5|tỉnh",
                "3: xa-son-duong-2025-dan-chu|||630"}));
  for (const XlsxCell& c : models.rows[1].cells) EXPECT_EQ(c.type, Type::kString) << c.text;

  XlsxSheet results = MustRead(bytes, "Kết quả");
  EXPECT_EQ(ShowRows(results), (std::vector<std::string>{"1: Đơn vị|Lĩnh vực"}));

  // The lists: equal lists share a column.
  XlsxSheet lists = MustRead(bytes, kTemplateListSheet);
  EXPECT_EQ(lists.name, "Danh mục");
  EXPECT_EQ(ShowRows(lists), (std::vector<std::string>{
                                 "1: Mô hình – Lĩnh vực|Mô hình – Cấp công nhận", "2: Kinh tế|xã",
                                 "3: Văn hoá – xã hội|huyện", "4: Quốc phòng, an ninh|tỉnh"}));

  // The first visible sheet is the first of the template; the list sheet is hidden.
  EXPECT_EQ(MustRead(bytes).name, "Mô hình");

  // What Excel is told: validations, frozen header, widths, the note.
  std::string sheet1;
  for (const auto& [name, content] : Unzip(bytes))
    if (name == "xl/worksheets/sheet1.xml") sheet1 = content;
  EXPECT_TRUE(Contains(
      sheet1, R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"));
  EXPECT_TRUE(Contains(sheet1, R"(<col min="1" max="1" width="28.7109375" customWidth="1"/>)"));
  EXPECT_TRUE(Contains(
      sheet1,
      R"(<dataValidation allowBlank="1" showInputMessage="1" showErrorMessage="1" prompt="Chữ thường không dấu, nối bằng gạch ngang." sqref="A2:A501"/>)"));
  EXPECT_TRUE(Contains(
      sheet1,
      R"(<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" error="Lĩnh vực không có trong danh sách." prompt="Chọn trong danh sách." sqref="B2:B501"><formula1>'Danh mục'!$A$2:$A$4</formula1></dataValidation>)"));
  EXPECT_TRUE(Contains(
      sheet1,
      R"(<dataValidation type="date" allowBlank="1" showInputMessage="1" showErrorMessage="1" error="Nhập ngày dạng 25/11/2026." sqref="C2:C501"><formula1>1</formula1><formula2>2958465</formula2></dataValidation>)"));
  EXPECT_TRUE(Contains(
      sheet1,
      R"(<dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="D2:D501"><formula1>0</formula1><formula2>1000000</formula2></dataValidation>)"));
  EXPECT_TRUE(Contains(
      sheet1,
      R"(<dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="E2:E501"><formula1>0</formula1><formula2>10</formula2></dataValidation>)"));
  EXPECT_TRUE(Contains(sheet1, R"(<formula1>'Danh mục'!$B$2:$B$4</formula1>)"));
  std::remove(path.c_str());
}

TEST(WriteXlsxTemplateTest, SameInputSameBytes) {
  std::string a = TempPath("a.xlsx"), b = TempPath("b.xlsx");
  std::string error;
  ASSERT_TRUE(WriteXlsxTemplate(a, SampleTemplate(), &error)) << error;
  ASSERT_TRUE(WriteXlsxTemplate(b, SampleTemplate(), &error)) << error;
  std::string bytes = ReadAll(a);
  EXPECT_EQ(bytes, ReadAll(b));
  // Nothing in it depends on the clock: the zip entries' times and the document's are fixed.
  for (const auto& [name, content] : Unzip(bytes)) {
    if (name == "docProps/core.xml") {
      EXPECT_TRUE(
          Contains(content, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z"));
    }
  }
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, nullptr);
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, nullptr);
  ASSERT_NE(zip, nullptr);
  for (zip_int64_t i = 0; i < zip_get_num_entries(zip, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st);
    struct tm when;
    localtime_r(&st.mtime, &when);
    EXPECT_EQ(when.tm_year + 1900, 1980) << st.name;
  }
  zip_discard(zip);
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST(WriteXlsxTemplateTest, NoListsNoListSheet) {
  std::string path = TempPath("plain.xlsx");
  std::string error;
  TemplateSheet sheet;
  sheet.name = "Dữ liệu";
  sheet.columns = {Column("A", 10), Column("B", 10)};
  sheet.rows = {{"1", "2"}};
  sheet.data_rows = 0;
  ASSERT_TRUE(WriteXlsxTemplate(path, {sheet}, &error)) << error;
  XlsxSheet read = MustRead(ReadAll(path));
  EXPECT_EQ(read.sheet_count, 1);
  EXPECT_EQ(ShowRows(read), (std::vector<std::string>{"1: A|B", "2: 1|2"}));
  std::remove(path.c_str());
}

TEST(WriteXlsxTemplateTest, Refusals) {
  auto with = [](std::function<void(std::vector<TemplateSheet>*)> change) {
    std::vector<TemplateSheet> sheets = SampleTemplate();
    change(&sheets);
    return sheets;
  };
  struct Case {
    const char* name;
    std::vector<TemplateSheet> sheets;
    std::string error;
    std::string path = TempPath("refused.xlsx");
  };
  const Case kCases[] = {
      {"no sheets", {}, "a template needs at least one sheet"},
      {"the list sheet's name", with([](auto* s) { (*s)[1].name = "DANH MUC"; }),
       "sheet \"DANH MUC\": the name is kept for the hidden sheet of lists, \"Danh mục\""},
      {"names equal but for diacritics", with([](auto* s) { (*s)[1].name = "Mo hinh"; }),
       "sheet \"Mo hinh\": another sheet's name reads the same without case and diacritics"},
      {"a character Excel refuses", with([](auto* s) { (*s)[1].name = "Kết quả 1/2"; }),
       "sheet \"Kết quả 1/2\": Worksheet name cannot contain invalid characters: "
       "'[ ] : * ? / \\'"},
      {"a name too long", with([](auto* s) { (*s)[1].name = std::string(32, 'x'); }),
       "sheet \"" + std::string(32, 'x') +
           "\": Worksheet name exceeds Excel's limit of 31 characters."},
      {"an empty list", with([](auto* s) { (*s)[0].columns[1].list.clear(); }),
       "sheet \"Mô hình\", column \"Lĩnh vực\": a list check needs at least one value"},
      {"a prompt too long", with([](auto* s) {
         (*s)[0].columns[0].prompt = std::string(128, 'x') + std::string(128, 'y');
       }),
       "sheet \"Mô hình\", column \"Mã mô hình\": a message is longer than Excel's 255 characters"},
      {"bad UTF-8", with([](auto* s) { (*s)[0].rows[0][0] = "\xC3"; }),
       "sheet \"Mô hình\": an example cell is not valid UTF-8"},
      {"a sheet without columns", with([](auto* s) { (*s)[1].columns.clear(); }),
       "sheet \"Kết quả\": it has no columns"},
      {"bounds upside down", with([](auto* s) { (*s)[0].columns[3].minimum = 5e6; }),
       "sheet \"Mô hình\", column \"Số người tham gia\": the minimum is above the maximum"},
      {"a folder that does not exist", SampleTemplate(),
       "/nonexistent-folder/t.xlsx: Error creating output xlsx file. Usually a permissions error.",
       "/nonexistent-folder/t.xlsx"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string error;
    EXPECT_FALSE(WriteXlsxTemplate(c.path, c.sheets, &error));
    EXPECT_EQ(error, c.error);
    EXPECT_FALSE(std::ifstream(c.path).good());
  }
}

// ---------------------------------------------------------------------------------------------
// Workbooks saved by LibreOffice Calc 7.4 (tests/fixtures/xlsx/README.md says how).

const std::string kXlsxFixtures = std::string(DVK_SOURCE_DIR) + "/tests/fixtures/xlsx/";

TEST(ReadXlsxTest, LibreOfficeModels) {
  XlsxSheet sheet = MustRead(ReadAll(kXlsxFixtures + "models-libreoffice.xlsx"));
  ASSERT_EQ(sheet.rows.size(), 3u);
  EXPECT_EQ(sheet.rows[0].cells.size(), 24u);
  EXPECT_EQ(sheet.rows[0].cells[0].text, "Mã mô hình");
  EXPECT_EQ(sheet.rows[0].cells[23].text, "Tóm tắt");
  std::vector<std::string> second;
  for (const XlsxCell& c : sheet.rows[2].cells) second.push_back(Show(c));
  EXPECT_EQ(
      second,
      (std::vector<std::string>{
          "kString 'xa-son-duong-2026-hien-dat-lam-duong'",
          "kNumber '2026' 2026",
          "kString 'Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn'",
          "kString 'Kinh tế'",
          "kString 'Tập thể'",
          "kString 'Ban Thường trực Ủy ban MTTQ xã Sơn Dương và Ban Công tác Mặt trận các thôn'",
          "kString 'mới'",
          "kDate '16/02/2026' 46069 2026-02-16",
          "kDate '05/03/2026' 46086 2026-03-05",
          "kNumber '1240' 1240",
          "kNumber '386' 386",
          "kNumber '2150000000' 2150000000",
          "kNumber '3200' 3200",
          "kString 'tỉnh'",
          "kString 'x'",
          "kNumber '10' 10",
          "kNumber '8.5' 8.5",
          "kNumber '10' 10",
          "kNumber '12.5' 12.5",
          "kNumber '14' 14",
          "kNumber '15' 15",
          "kNumber '12.5' 12.5",
          "kNumber '8.5' 8.5",
          "kString 'Vận động 386 hộ hiến hơn 12.600 m² đất, góp 3.200 ngày công mở rộng "
          "9,4 km đường liên thôn; tổng kinh phí huy động 2,15 tỷ đồng, trong đó Nhân dân "
          "đóng góp 1,3 tỷ đồng.'"}));
}

TEST(ReadXlsxTest, ZipWrittenAsAStream) {
  // The same parts with sizes and CRCs in data descriptors after the data, as writers that
  // stream (Java's, Go's, Python's to a pipe) make them.
  std::string streamed = ReadAll(kXlsxFixtures + "models-streamed.xlsx");
  ASSERT_EQ(streamed[6] & 8, 8);  // general purpose flag bit 3 of the first local header
  EXPECT_EQ(ShowRows(MustRead(streamed)),
            ShowRows(MustRead(ReadAll(kXlsxFixtures + "models-libreoffice.xlsx"))));
}

TEST(ReadXlsxTest, LibreOfficeTemplateRoundTrip) {
  // SampleTemplate() written by WriteXlsxTemplate, opened and saved again by LibreOffice.
  std::string bytes = ReadAll(kXlsxFixtures + "template-libreoffice.xlsx");
  XlsxSheet models = MustRead(bytes, "mo hinh");
  EXPECT_EQ(models.sheet_count, 3);
  EXPECT_EQ(ShowRows(models),
            (std::vector<std::string>{
                "1: Mã mô hình|Lĩnh vực|Ngày ra mắt|Số người tham gia|TC1|Cấp công nhận",
                "2: xa-son-duong-2026-hien-dat|Kinh tế|05/03/2026|1240|8,5|tỉnh",
                "3: xa-son-duong-2025-dan-chu|||630"}));
  EXPECT_EQ(
      ShowRows(MustRead(bytes, "danh muc")),
      (std::vector<std::string>{"1: Mô hình – Lĩnh vực|Mô hình – Cấp công nhận", "2: Kinh tế|xã",
                                "3: Văn hoá – xã hội|huyện", "4: Quốc phòng, an ninh|tỉnh"}));
}

TEST(ReadXlsxTest, LibreOfficeXls) {
  XlsxSheet sheet;
  std::string detail;
  EXPECT_EQ(ReadXlsx(ReadAll(kXlsxFixtures + "models-libreoffice.xls"), "", &sheet, &detail),
            XlsxProblem::kOldXls);
}

}  // namespace
}  // namespace dvk
