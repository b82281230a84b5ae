// `dvk new unit` and `dvk new model` on a temporary copy of the small fixture site: the templates
// open in Excel and read back with only the example-row notes, the unit is registered in the
// register's own conventions, and nothing that exists is ever overwritten.
#include "write/scaffold.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "compute/report.h"
#include "read/columns.h"
#include "read/csv.h"
#include "read/site_reader.h"
#include "read/table.h"
#include "read/text.h"
#include "read/xlsx.h"
#include "test_util.h"
#include "write/xlsx_template.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

const char kBom[] = "\xEF\xBB\xBF";

void WriteAll(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// Every file under `dir` with its bytes, to show a refused command changed nothing.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    out[e.path().string()] = e.is_regular_file() ? ReadAll(e.path()) : "<dir>";
  return out;
}

// UTF-16LE with BOM, as Excel's "Unicode text" writes; the text is ASCII and Vietnamese (BMP).
std::string Utf16Le(const std::string& utf8) {
  std::string out = "\xFF\xFE";
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    unsigned cp;
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
    cp = len == 1 ? c : len == 2 ? (c & 0x1F) : (c & 0x0F);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += len;
    out += static_cast<char>(cp & 0xFF);
    out += static_cast<char>(cp >> 8);
  }
  return out;
}

std::string Describe(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += FormatDiagnostic(d) + "\n";
  return out;
}

class ScaffoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("dvk-scaffold-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    site_ = base_ / "site";
    fs::create_directories(base_);
    fs::copy(kFixture, site_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(base_); }

  NewUnitOptions Options(const std::string& id) const {
    NewUnitOptions o;
    o.site_dir = site_.string();
    o.id = id;
    return o;
  }

  Site Read(Diagnostics& diags) const {
    DiskFileSystem disk;
    bool fatal = true;
    Site site = ReadSite(disk, site_.string(), diags, &fatal);
    EXPECT_FALSE(fatal) << Describe(diags);
    return site;
  }

  fs::path base_, site_;
};

TEST_F(ScaffoldTest, NewUnitMakesTemplatesThatReadBackWithOnlyTheExampleNotes) {
  NewUnitOptions o = Options("hnd-moi");
  o.name = "Hội Nông dân xã Mới";
  o.parent = "xa-an";
  o.kind = "Hội Nông dân";
  o.csv = true;
  std::string units_before = ReadAll(site_ / "data/units.csv");
  NewUnitResult r;
  std::string error;
  ASSERT_EQ(NewUnit(o, &r, &error), 0) << error;
  EXPECT_EQ(r.created,
            (std::vector<std::string>{
                "content/hnd-moi/", "content/hnd-moi/models.csv", "content/hnd-moi/results.csv",
                "content/hnd-moi/_mau-bai-viet.md", "content/hnd-moi/images/"}));
  EXPECT_TRUE(fs::is_directory(site_ / "content/hnd-moi/images"));

  // Excel-ready: BOM, CRLF only, a header and one example row.
  for (const char* name : {"models.csv", "results.csv"}) {
    SCOPED_TRACE(name);
    std::string bytes = ReadAll(site_ / "content/hnd-moi" / name);
    EXPECT_EQ(bytes.compare(0, 3, kBom), 0);
    ASSERT_GE(bytes.size(), 2u);
    EXPECT_EQ(bytes.substr(bytes.size() - 2), "\r\n");
    int lines = 0;
    for (size_t i = 0; i < bytes.size(); ++i)
      if (bytes[i] == '\n') {
        ++lines;
        EXPECT_TRUE(i > 0 && bytes[i - 1] == '\r') << "bare LF at byte " << i;
      }
    EXPECT_EQ(lines, 2);
  }

  // The header row is exactly the first header of every column the reader knows.
  Diagnostics diags;
  Site site = Read(diags);
  std::vector<ColumnSpec> specs = ModelColumns(site.criteria);
  std::string models = ReadAll(site_ / "content/hnd-moi/models.csv");
  CsvTable csv = ParseCsv(*DecodeText(models));
  ASSERT_EQ(csv.header.size(), specs.size());
  for (size_t i = 0; i < specs.size(); ++i) EXPECT_EQ(csv.header[i], specs[i].headers.front());
  EXPECT_EQ(csv.header.back(), site.criteria.back().id);  // TC3
  ASSERT_EQ(csv.rows.size(), 1u);
  EXPECT_EQ(csv.rows[0].cells[2].rfind("(Ví dụ – xóa dòng này) ", 0), 0u);
  Diagnostics table_diags;
  Table table;
  EXPECT_TRUE(table.Load(models, "content/hnd-moi/models.csv", "hnd-moi", HeaderMatcher(specs),
                         table_diags));
  for (const Diagnostic& d : table_diags.all()) {
    EXPECT_NE(d.code, Code::kCsvUnknownColumn) << FormatDiagnostic(d);
    EXPECT_NE(d.code, Code::kCsvMissingColumn) << FormatDiagnostic(d);
    EXPECT_NE(d.code, Code::kCsvDuplicateColumn) << FormatDiagnostic(d);
  }

  // The whole site reads without an error; the unit gives the two example-row notes.
  EXPECT_EQ(diags.Count(Severity::kError), 0) << Describe(diags);
  std::vector<std::string> skipped;
  for (const Diagnostic& d : diags.all()) {
    if (d.unit != "hnd-moi") continue;
    EXPECT_NE(d.file, "content/hnd-moi/_mau-bai-viet.md") << FormatDiagnostic(d);
    if (d.code == Code::kExampleRowSkipped)
      skipped.push_back(d.file + ":" + std::to_string(d.line));
  }
  EXPECT_EQ(skipped, (std::vector<std::string>{"content/hnd-moi/models.csv:2",
                                               "content/hnd-moi/results.csv:2"}));

  // Registered at the end of data/units.csv, in its column order and line ends.
  EXPECT_EQ(r.registration, Registration::kAdded);
  EXPECT_EQ(ReadAll(site_ / "data/units.csv"),
            units_before + "hnd-moi,Hội Nông dân xã Mới,xa-an,Hội Nông dân,\n");
  int unit = site.UnitIndex("hnd-moi");
  ASSERT_GE(unit, 0);
  EXPECT_EQ(site.units[unit].name, "Hội Nông dân xã Mới");
  EXPECT_EQ(site.units[site.units[unit].parent_index].id, "xa-an");
  EXPECT_EQ(site.units[unit].kind, "Hội Nông dân");
}

TEST_F(ScaffoldTest, ResultsExampleIsAReportedIndicatorOfTheRightShape) {
  NewUnitResult r;
  std::string error;
  NewUnitOptions o = Options("xa-binh");
  o.csv = true;
  ASSERT_EQ(NewUnit(o, &r, &error), 0) << error;  // registered, no folder yet
  EXPECT_EQ(r.registration, Registration::kAlready);
  EXPECT_EQ(r.unit_name, "Ủy ban MTTQ xã Bình Minh");
  EXPECT_EQ(r.indicators,
            (std::vector<std::string>{"ke-hoach – Xây dựng kế hoạch năm",
                                      "giam-sat – Số cuộc giám sát", "bao-cao-nam – Báo cáo năm",
                                      "phan-bien – Số cuộc phản biện xã hội"}));
  EXPECT_EQ(ReadAll(site_ / "content/xa-binh/results.csv"),
            std::string(kBom) +
                "Năm,Chỉ tiêu,Kết quả,Ghi chú,Minh chứng\r\n"
                "2026,Xây dựng kế hoạch năm,có,(Ví dụ – xóa dòng này) Kế hoạch số 05/KH ngày "
                "10/01/2026,Kế hoạch số 05/KH\r\n");
  // The example model names the unit as its owner and the site's first field.
  std::string models = ReadAll(site_ / "content/xa-binh/models.csv");
  EXPECT_TRUE(
      Contains(models, ",Kinh tế,Tập thể,Ủy ban MTTQ xã Bình Minh,Mới,16/02/2026,05/03/2026,"));
}

TEST_F(ScaffoldTest, WriteUpTemplateReadsOnceFilledIn) {
  NewUnitResult r;
  std::string error;
  ASSERT_EQ(NewUnit(Options("xa-binh"), &r, &error), 0) << error;
  std::string tmpl = ReadAll(site_ / "content/xa-binh/_mau-bai-viet.md");
  for (const char* key :
       {"\nmodel: \"", "\ntitle: \"", "\nsummary: \"", "\ncover: \"", "\nimages:\n  - src: \"",
        "\n    caption: \"", "\nauthor: \"", "\ndate: \"", "\n## Thực trạng\n", "\n## Cách làm\n",
        "\n## Kết quả\n", "\n## Bài học kinh nghiệm\n"})
    EXPECT_TRUE(Contains(tmpl, key));
  // A unit copies it under another name and points it at one of its models.
  size_t start = tmpl.find("\nmodel: \"") + 9;
  std::string filled =
      tmpl.substr(0, start) + "xa-an-dan-giau" + tmpl.substr(tmpl.find('"', start));
  WriteAll(site_ / "content/xa-an/dan-giau.md", filled);
  Diagnostics diags;
  Site site = Read(diags);
  for (const Diagnostic& d : diags.all()) {
    if (d.file != "content/xa-an/dan-giau.md") continue;
    EXPECT_EQ(d.code, Code::kImageMissing) << FormatDiagnostic(d);  // the photos are to add
  }
  const Model* model = nullptr;
  for (const Model& m : site.models)
    if (m.id == "xa-an-dan-giau") model = &m;
  ASSERT_NE(model, nullptr);
  ASSERT_TRUE(model->writeup.has_value());
  EXPECT_EQ(model->writeup->title, "Người dân hiến đất, góp công mở rộng đường liên thôn");
  EXPECT_EQ(model->writeup->author, "Ủy ban MTTQ xã Bình Minh");
  EXPECT_EQ(ShowDate(model->writeup->date), "2026-10-15");
  // Write-up headings sit under the model page's own: "##" is an h3.
  EXPECT_TRUE(Contains(model->writeup->html.Unpack(), "<h3>Thực trạng</h3>"));
  EXPECT_TRUE(Contains(model->writeup->html.Unpack(), "<table>"));
}

TEST_F(ScaffoldTest, RegistersInTheRegistersOwnConventions) {
  // Excel in a Vietnamese locale: BOM, semicolons, CRLF, no line end after the last row, and a
  // column order of its own.
  std::string units = std::string(kBom) +
                      "Tên đơn vị;Mã đơn vị;Loại đơn vị;Đơn vị cấp trên\r\n"
                      "Ủy ban MTTQ tỉnh;tinh;Ủy ban MTTQ;\r\n"
                      "Ủy ban MTTQ xã An Phú;xa-an;Ủy ban MTTQ;tinh";
  WriteAll(site_ / "data/units.csv", units);
  fs::remove_all(site_ / "content");
  fs::create_directories(site_ / "content");
  NewUnitOptions o = Options("cd-an");
  o.name = "Chi đoàn thôn 3; 4";
  o.parent = "xa-an";
  NewUnitResult r;
  std::string error;
  ASSERT_EQ(NewUnit(o, &r, &error), 0) << error;
  EXPECT_EQ(r.registration, Registration::kAdded);
  EXPECT_EQ(ReadAll(site_ / "data/units.csv"),
            units + "\r\n\"Chi đoàn thôn 3; 4\";cd-an;;xa-an\r\n");
  Diagnostics diags;
  Site site = Read(diags);
  EXPECT_EQ(diags.Count(Severity::kError), 0) << Describe(diags);
  ASSERT_GE(site.UnitIndex("cd-an"), 0);
  EXPECT_EQ(site.units[site.UnitIndex("cd-an")].name, "Chi đoàn thôn 3; 4");
}

TEST_F(ScaffoldTest, AnotherEncodingIsNotRewrittenButTheRowIsGiven) {
  std::string units = Utf16Le(
      "Mã đơn vị\tTên đơn vị\tĐơn vị cấp trên\tLoại đơn vị\r\n"
      "tinh\tỦy ban MTTQ tỉnh\t\tỦy ban MTTQ\r\n");
  WriteAll(site_ / "data/units.csv", units);
  fs::remove_all(site_ / "content");
  NewUnitOptions o = Options("cd-an");
  o.name = "Chi đoàn thôn 3";
  NewUnitResult r;
  std::string error;
  ASSERT_EQ(NewUnit(o, &r, &error), 0) << error;
  EXPECT_EQ(r.registration, Registration::kByHand);
  EXPECT_EQ(r.units_row, "cd-an\tChi đoàn thôn 3\ttinh\t");
  EXPECT_EQ(ReadAll(site_ / "data/units.csv"), units);
}

TEST_F(ScaffoldTest, WithoutANameTheRowIsGivenToAddByHand) {
  std::string units = ReadAll(site_ / "data/units.csv");
  NewUnitResult r;
  std::string error;
  ASSERT_EQ(NewUnit(Options("hnd-moi"), &r, &error), 0) << error;
  EXPECT_EQ(r.registration, Registration::kByHand);
  EXPECT_EQ(r.units_row, "hnd-moi,Tên đơn vị,tinh,Loại đơn vị,");
  EXPECT_EQ(ReadAll(site_ / "data/units.csv"), units);
  EXPECT_TRUE(fs::is_regular_file(site_ / "content/hnd-moi/models.xlsx"));
}

// The part `name` of the zip `bytes` ("" when absent).
std::string ZipPart(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  std::string out;
  if (zip_file_t* f = archive ? zip_fopen(archive, name, 0) : nullptr) {
    char buffer[4096];
    for (zip_int64_t n; (n = zip_fread(f, buffer, sizeof buffer)) > 0;) out.append(buffer, n);
    zip_fclose(f);
  }
  if (archive)
    zip_discard(archive);
  else if (source)
    zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(ScaffoldTest, WorkbookTemplatesCheckThemselvesAndReadBack) {
  NewUnitOptions o = Options("hnd-moi");
  o.name = "Hội Nông dân xã Mới";
  o.parent = "xa-an";
  o.kind = "Hội Nông dân";
  NewUnitResult r;
  std::string error;
  ASSERT_EQ(NewUnit(o, &r, &error), 0) << error;
  EXPECT_EQ(r.created,
            (std::vector<std::string>{
                "content/hnd-moi/", "content/hnd-moi/models.xlsx", "content/hnd-moi/results.xlsx",
                "content/hnd-moi/_mau-bai-viet.md", "content/hnd-moi/images/"}));
  EXPECT_FALSE(fs::exists(site_ / "content/hnd-moi/models.csv"));

  Diagnostics diags;
  Site site = Read(diags);
  std::string models = ReadAll(site_ / "content/hnd-moi/models.xlsx");
  XlsxSheet sheet;
  ASSERT_EQ(ReadXlsx(models, "models", &sheet, nullptr), XlsxProblem::kNone);
  EXPECT_EQ(sheet.name, "models");
  ASSERT_EQ(sheet.rows.size(), 2u);  // the header and the example row
  std::vector<ColumnSpec> specs = ModelColumns(site.criteria);
  ASSERT_EQ(sheet.rows[0].cells.size(), specs.size());
  for (size_t i = 0; i < specs.size(); ++i)
    EXPECT_EQ(sheet.rows[0].cells[i].text, specs[i].headers.front());
  EXPECT_EQ(sheet.rows[1].cells[2].text.rfind("(Ví dụ – xóa dòng này) ", 0), 0u);

  // What Excel checks: a drop-down for field, subject, kind, recognition and typical; dates on
  // the two date columns; whole numbers on year, participants and beneficiaries; decimals on
  // funds, workdays and every criterion (TC1–TC3, at most their points). Frozen header row.
  std::string xml = ZipPart(models, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(Count(xml, "type=\"list\""), 5) << xml;
  EXPECT_EQ(Count(xml, "type=\"date\""), 2);
  EXPECT_EQ(Count(xml, "type=\"whole\""), 3);
  EXPECT_EQ(Count(xml, "type=\"decimal\""), 2 + static_cast<int>(site.criteria.size()));
  EXPECT_NE(xml.find("state=\"frozen\""), std::string::npos);
  // The lists are on a hidden sheet, the fields taken from data/fields.csv.
  std::string workbook = ZipPart(models, "xl/workbook.xml");
  EXPECT_NE(workbook.find("state=\"hidden\""), std::string::npos) << workbook;
  XlsxSheet lists;
  ASSERT_EQ(ReadXlsx(models, kTemplateListSheet, &lists, nullptr), XlsxProblem::kNone);
  std::string list_text;
  for (const XlsxRow& row : lists.rows)
    for (const XlsxCell& c : row.cells) list_text += c.text + "\n";
  for (const Field& f : site.fields) EXPECT_NE(list_text.find(f.name + "\n"), std::string::npos);
  // results.xlsx lists the indicators a farmers' association reports.
  XlsxSheet result_lists;
  ASSERT_EQ(ReadXlsx(ReadAll(site_ / "content/hnd-moi/results.xlsx"), kTemplateListSheet,
                     &result_lists, nullptr),
            XlsxProblem::kNone);
  std::string indicator_text;
  for (const XlsxRow& row : result_lists.rows)
    for (const XlsxCell& c : row.cells) indicator_text += c.text + "\n";
  for (const std::string& line : r.indicators)
    EXPECT_NE(indicator_text.find(line.substr(line.find(" – ") + 5) + "\n"), std::string::npos)
        << line;

  // The site reads with only the two example-row notes from the new unit.
  EXPECT_EQ(diags.Count(Severity::kError), 0) << Describe(diags);
  std::vector<std::string> from_unit;
  for (const Diagnostic& d : diags.all())
    if (d.unit == "hnd-moi" && d.code != Code::kUnitWithoutModel)
      from_unit.push_back(DiagnosticLocation(d) + " " + std::to_string(static_cast<int>(d.code)));
  std::string skipped = " " + std::to_string(static_cast<int>(Code::kExampleRowSkipped));
  EXPECT_EQ(from_unit, (std::vector<std::string>{"content/hnd-moi/models.xlsx!2:2" + skipped,
                                                 "content/hnd-moi/results.xlsx!2:2" + skipped}));
  // "No model yet" names the unit's own table, the workbook it was sent.
  Diagnostics computed;
  ComputeReport(site, computed);
  int without = 0;
  for (const Diagnostic& d : computed.all()) {
    if (d.unit != "hnd-moi" || d.code != Code::kUnitWithoutModel) continue;
    ++without;
    EXPECT_EQ(d.file, "content/hnd-moi/models.xlsx");
    EXPECT_TRUE(Contains(d.hint, "(models.xlsx)")) << d.hint;
  }
  EXPECT_GE(without, 1);

  // Filled in: the same sheet with a real row in place of the example reads with no diagnostic.
  TemplateSheet filled;
  filled.name = "models";
  for (const ColumnSpec& spec : specs) filled.columns.push_back({spec.headers.front()});
  std::vector<std::string> row(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    const std::string& k = specs[i].key;
    row[i] = k == "id"             ? "MH-01"
             : k == "year"         ? "2026"
             : k == "name"         ? "Đường hoa nông thôn"
             : k == "field"        ? site.fields.front().name
             : k == "kind"         ? "Mới"
             : k == "launched_on"  ? "05/03/2026"
             : k == "participants" ? "120"
                                   : "";
  }
  filled.rows = {row};
  fs::remove(site_ / "content/hnd-moi/models.xlsx");
  fs::remove(site_ / "content/hnd-moi/results.xlsx");
  ASSERT_TRUE(WriteXlsxTemplate((site_ / "content/hnd-moi/models.xlsx").string(), {filled}, &error))
      << error;
  Diagnostics again;
  Site reread = Read(again);
  std::string from_filled;
  for (const Diagnostic& d : again.all())
    if (d.unit == "hnd-moi" && d.code != Code::kUnitWithoutModel)
      from_filled += FormatDiagnostic(d) + "\n";
  EXPECT_EQ(from_filled, "");
  bool found = false;
  for (const Model& m : reread.models)
    found |= m.id == "mh-01" && m.unit == reread.UnitIndex("hnd-moi");
  EXPECT_TRUE(found);
}

TEST_F(ScaffoldTest, AnEmptyFolderIsFilled) {
  fs::create_directories(site_ / "content/xa-binh");
  NewUnitResult r;
  std::string error;
  ASSERT_EQ(NewUnit(Options("xa-binh"), &r, &error), 0) << error;
  EXPECT_EQ(r.created.front(), "content/xa-binh/models.xlsx");
}

TEST_F(ScaffoldTest, RefusesAFolderThatIsNotEmptyAndChangesNothing) {
  std::map<std::string, std::string> before = Snapshot(site_);
  for (const char* id : {"xa-an", "tinh"}) {
    NewUnitResult r;
    std::string error;
    EXPECT_EQ(NewUnit(Options(id), &r, &error), 1) << id;
    EXPECT_TRUE(Contains(error, "không trống; dvk không ghi đè")) << id;
  }
  EXPECT_EQ(Snapshot(site_), before);
  WriteAll(site_ / "content/hnd-moi", "một tệp, không phải thư mục");
  before = Snapshot(site_);
  NewUnitResult r;
  std::string error;
  EXPECT_EQ(NewUnit(Options("hnd-moi"), &r, &error), 1);
  EXPECT_EQ(Snapshot(site_), before);
}

TEST_F(ScaffoldTest, RejectsABadIdOrParent) {
  std::map<std::string, std::string> before = Snapshot(site_);
  // Ids are folded like the register's (“Hnd Moi” is hnd-moi); these fold to nothing usable.
  for (const char* id : {"", "--", "“”", "con", "pages", "Pages"}) {
    NewUnitResult r;
    std::string error;
    NewUnitOptions o = Options(id);
    o.name = "Hội Nông dân";
    EXPECT_EQ(NewUnit(o, &r, &error), 2) << id;
    EXPECT_TRUE(Contains(error, Slugify(id) == "pages" ? "trang tự do" : "không hợp lệ")) << id;
  }
  NewUnitOptions o = Options("hnd-moi");
  o.name = "Hội Nông dân";
  o.parent = "khong-co";
  NewUnitResult r;
  std::string error;
  EXPECT_EQ(NewUnit(o, &r, &error), 2);
  EXPECT_TRUE(Contains(error, "Đơn vị cấp trên “khong-co” không có trong data/units.csv"));
  EXPECT_EQ(Snapshot(site_), before);
}

TEST_F(ScaffoldTest, NewModelFillsInTheModelOfThatName) {
  NewModelOptions o;
  o.site_dir = site_.string();
  o.unit = "xa-an";
  o.name = "Dân giàu làng vui";
  std::string path, error;
  bool known = false;
  ASSERT_EQ(NewModel(o, &path, &known, &error), 0) << error;
  EXPECT_EQ(path, "content/xa-an/dan-giau-lang-vui.md");
  EXPECT_TRUE(known);
  std::string text = ReadAll(site_ / path);
  EXPECT_TRUE(Contains(text, "\nmodel: \"xa-an-dan-giau\"\n"));
  EXPECT_TRUE(Contains(text, "\ntitle: \"Dân giàu làng vui\"\n"));
  Diagnostics diags;
  Site site = Read(diags);
  for (const Model& m : site.models)
    if (m.id == "xa-an-dan-giau") EXPECT_TRUE(m.writeup.has_value());
  for (const Diagnostic& d : diags.all())
    if (d.file == path) EXPECT_EQ(d.code, Code::kImageMissing) << FormatDiagnostic(d);

  // Now it has a write-up: a second one is refused, and the first is left as it was.
  EXPECT_EQ(NewModel(o, &path, &known, &error), 1);
  EXPECT_TRUE(Contains(error, "đã có bài viết content/xa-an/dan-giau-lang-vui.md"));
  EXPECT_EQ(ReadAll(site_ / "content/xa-an/dan-giau-lang-vui.md"), text);

  // A name the unit has not registered: the first free code of the unit, MH-01.
  o.name = "Chợ quê";
  ASSERT_EQ(NewModel(o, &path, &known, &error), 0) << error;
  EXPECT_EQ(path, "content/xa-an/cho-que.md");
  EXPECT_TRUE(Contains(ReadAll(site_ / path), "\nmodel: \"MH-01\"\n"));
  EXPECT_FALSE(known);
  std::string second = ReadAll(site_ / path);
  EXPECT_EQ(NewModel(o, &path, &known, &error), 1);  // the file exists
  EXPECT_EQ(ReadAll(site_ / path), second);

  o.unit = "khong-co";
  EXPECT_EQ(NewModel(o, &path, &known, &error), 1);
  o.unit = "Khong Co";  // folds to khong-co: unknown, not a bad id
  EXPECT_EQ(NewModel(o, &path, &known, &error), 1);
  o.unit = "--";
  EXPECT_EQ(NewModel(o, &path, &known, &error), 2);
  // A folder without site.yaml is a bad command line, as for dvk build, and the message says why.
  o.unit = "xa-an";
  o.site_dir = base_.string();
  EXPECT_EQ(NewModel(o, &path, &known, &error), 2);
  EXPECT_NE(error.find("site.yaml"), std::string::npos) << error;
}

TEST_F(ScaffoldTest, CommandLine) {
  fs::path out = base_ / "out.txt";
  auto run = [&](const std::string& args) {
    std::string command = std::string(DVK_BINARY) + " " + args + " > '" + out.string() + "' 2>&1";
    int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  std::string site = "--site '" + site_.string() + "'";
  EXPECT_EQ(run("new unit '!!' " + site), 2);
  EXPECT_TRUE(Contains(ReadAll(out), "Mã đơn vị “!!” không hợp lệ"));
  // An id is folded like the register's: "HND Moi" is hnd-moi.
  EXPECT_EQ(
      run("new unit 'HND Moi' " + site + " --name 'Hội Nông dân xã Mới' --kind 'Hội Nông dân'"), 0);
  std::string printed = ReadAll(out);
  EXPECT_TRUE(Contains(printed, "  content/hnd-moi/models.xlsx\n"));
  EXPECT_TRUE(Contains(printed, "Điền models.xlsx"));
  EXPECT_TRUE(Contains(printed,
                       "Đã thêm đơn vị vào cuối data/units.csv:\n  "
                       "hnd-moi,Hội Nông dân xã Mới,tinh,Hội Nông dân,\n"));
  EXPECT_TRUE(Contains(printed, "dvk check " + site_.string()));
  EXPECT_EQ(run("new unit hnd-moi " + site), 1);
  EXPECT_TRUE(Contains(ReadAll(out), "không trống; dvk không ghi đè"));
  EXPECT_EQ(run("new model xa-an " + site + " --name 'Ánh sáng đường quê'"), 0);
  EXPECT_TRUE(Contains(ReadAll(out), "Đã tạo bài viết mẫu: content/xa-an/anh-sang-duong-que.md"));
  // --csv: the CSV templates instead of the workbooks.
  EXPECT_EQ(run("new unit xa-csv " + site + " --name 'Ủy ban MTTQ xã C' --csv"), 0);
  printed = ReadAll(out);
  EXPECT_TRUE(Contains(printed, "  content/xa-csv/models.csv\n")) << printed;
  EXPECT_TRUE(Contains(printed, "Điền models.csv"));
  EXPECT_FALSE(fs::exists(site_ / "content/xa-csv/models.xlsx"));
}

}  // namespace
}  // namespace dvk
