// Tests of read/site_reader.h: the fixture site tests/fixtures/small read from disk, and reader
// diagnostics on small sites held in memory.
#include "read/site_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/file_system.h"
#include "compute/report.h"
#include "test_util.h"

namespace dvk {
namespace {

std::string Describe(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += FormatDiagnostic(d) + "\n";
  return out;
}

std::vector<const Diagnostic*> WithCode(const Diagnostics& diags, Code code) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : diags.all())
    if (d.code == code) out.push_back(&d);
  return out;
}

const Model* FindModel(const Site& site, const std::string& id) {
  for (const Model& m : site.models)
    if (m.id == id) return &m;
  return nullptr;
}

int FieldIndex(const Site& site, const std::string& id) {
  for (size_t i = 0; i < site.fields.size(); ++i)
    if (site.fields[i].id == id) return static_cast<int>(i);
  return -1;
}

class FixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bool fatal = true;
    site_ = ReadSite(fs_, kFixture, diags_, &fatal);
    ASSERT_FALSE(fatal) << Describe(diags_);
  }
  DiskFileSystem fs_;
  Diagnostics diags_;
  Site site_;
};

TEST_F(FixtureTest, Config) {
  const SiteConfig& c = site_.config;
  EXPECT_EQ(c.title, "Phong trào thi đua \"Dân vận khéo\" – bộ dữ liệu thử nhỏ");
  EXPECT_EQ(c.period_from, 2025);
  EXPECT_EQ(c.period_to, 2026);
  EXPECT_EQ(c.year, 2026);
  EXPECT_EQ(c.root, "tinh");
  EXPECT_EQ(c.theme, "default");
  ASSERT_EQ(c.ratings.size(), 5u);
  const std::pair<double, const char*> kBands[] = {
      {90, "Xuất sắc"}, {75, "Tốt"}, {60, "Khá"}, {50, "Đạt"}, {0, "Chưa đạt"}};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(c.ratings[i].min, kBands[i].first) << i;
    EXPECT_EQ(c.ratings[i].label, kBands[i].second) << i;
  }
  EXPECT_EQ(site_.Years(), (std::vector<int>{2025, 2026}));
}

TEST_F(FixtureTest, UnitTree) {
  struct Expected {
    const char* id;
    const char* name;
    const char* kind;
    int parent_index;
    int depth;
    std::vector<int> children;
    int line;
  };
  const Expected kUnits[] = {
      {"tinh", "Ủy ban MTTQ tỉnh", "Ủy ban MTTQ", -1, 0, {1, 2}, 2},
      {"xa-an", "Ủy ban MTTQ xã An Phú", "Ủy ban MTTQ", 0, 1, {3, 4}, 3},
      {"xa-binh", "Ủy ban MTTQ xã Bình Minh", "Ủy ban MTTQ", 0, 1, {5}, 4},
      {"nd-an", "Hội Nông dân xã An Phú", "Hội Nông dân", 1, 2, {}, 5},
      {"pn-an", "Hội LHPN xã An Phú", "Hội LHPN", 1, 2, {}, 6},
      {"dtn-binh", "Đoàn Thanh niên xã Bình Minh", "Đoàn Thanh niên", 2, 2, {}, 7},
  };
  ASSERT_EQ(site_.units.size(), 6u);
  EXPECT_EQ(site_.root, 0);
  for (size_t i = 0; i < 6; ++i) {
    const Expected& e = kUnits[i];
    SCOPED_TRACE(e.id);
    const Unit& u = site_.units[i];
    EXPECT_EQ(u.id, e.id);
    EXPECT_EQ(u.name, e.name);
    EXPECT_EQ(u.kind, e.kind);
    EXPECT_EQ(u.parent_index, e.parent_index);
    EXPECT_EQ(u.depth, e.depth);
    EXPECT_EQ(u.children, e.children);
    EXPECT_EQ(u.line, e.line);
    EXPECT_EQ(site_.UnitIndex(e.id), static_cast<int>(i));
  }
  EXPECT_EQ(site_.units[3].area, "xã An Phú");
  EXPECT_EQ(site_.UnitIndex("khong-co"), -1);
}

TEST_F(FixtureTest, Catalogues) {
  // Fields, read through headers written without diacritics.
  ASSERT_EQ(site_.fields.size(), 4u);
  EXPECT_EQ(site_.fields[0].id, "kinh-te");
  EXPECT_EQ(site_.fields[1].name, "Văn hóa – xã hội");
  EXPECT_EQ(site_.fields[2].aliases, (std::vector<std::string>{"Dân tộc – tôn giáo"}));
  EXPECT_EQ(site_.fields[3].color, "#6a3d9a");

  struct ExpectedIndicator {
    const char* id;
    IndicatorType type;
    double target;
    std::vector<std::string> applies_to;
    bool reported;
  };
  const ExpectedIndicator kIndicators[] = {
      {"ke-hoach", IndicatorType::kYesNo, 1, {}, true},
      {"giam-sat", IndicatorType::kCount, 2, {}, true},
      {"bao-cao-nam", IndicatorType::kDeadline, 0, {}, true},
      {"dang-ky", IndicatorType::kModels, 1, {}, false},
      {"de-nghi", IndicatorType::kRecognized, 1, {}, false},
      {"phan-bien", IndicatorType::kCount, 3, {"Ủy ban MTTQ"}, true},
  };
  ASSERT_EQ(site_.indicators.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    const ExpectedIndicator& e = kIndicators[i];
    SCOPED_TRACE(e.id);
    const Indicator& ind = site_.indicators[i];
    EXPECT_EQ(ind.id, e.id);
    EXPECT_EQ(ind.type, e.type);
    EXPECT_EQ(ind.target, e.target);
    EXPECT_EQ(ind.applies_to, e.applies_to);
    EXPECT_EQ(ind.Reported(), e.reported);
    EXPECT_EQ(ind.source, "Kế hoạch 01");
  }
  EXPECT_EQ(site_.indicators[2].deadline_day, 25);
  EXPECT_EQ(site_.indicators[2].deadline_month, 11);

  // No "Điểm đạt" column: the pass mark is half the maximum.
  ASSERT_EQ(site_.criteria.size(), 3u);
  const double kMax[] = {40, 30, 30}, kPass[] = {20, 15, 15};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(site_.criteria[i].id, "TC" + std::to_string(i + 1));
    EXPECT_EQ(site_.criteria[i].max, kMax[i]) << i;
    EXPECT_EQ(site_.criteria[i].pass, kPass[i]) << i;
  }
}

TEST_F(FixtureTest, ModelsByUnitInRegisterOrderThenById) {
  std::vector<std::string> ids;
  for (const Model& m : site_.models) ids.push_back(m.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"tinh-vuon-cay-mau", "xa-an-anh-sang", "xa-an-dan-giau",
                                           "nd-an-canh-dong", "nd-an-duong-lang",
                                           "bep-an-yeu-thuong",  // derived: the row has no code
                                           "pn-an-em-den-truong", "dtn-binh-binh-yen"}));
}

TEST_F(FixtureTest, ModelRows) {
  struct Expected {
    const char* id;
    int year;
    const char* unit;
    const char* name;
    const char* field;
    Subject subject;
    ModelKind kind;
    const char* launched_on;
    std::optional<double> participants;
    std::optional<double> funds;
    Recognition recognition;
    bool typical;
    std::vector<std::optional<double>> points;
    const char* file;
    int line;
  };
  const Expected kRows[] = {
      // UTF-8 with BOM, comma; "300 triệu" and "335,5 triệu" are money.
      {"tinh-vuon-cay-mau",
       2025,
       "tinh",
       "Vườn cây mẫu",
       "kinh-te",
       Subject::kCollective,
       ModelKind::kNew,
       "2025-03-15",
       100,
       300e6,
       Recognition::kNone,
       false,
       {30, 20, 20},
       "content/tinh/models.csv",
       2},
      {"tinh-vuon-cay-mau",
       2026,
       "tinh",
       "Vườn cây mẫu",
       "kinh-te",
       Subject::kCollective,
       ModelKind::kContinuing,
       "none",
       120,
       335.5e6,
       Recognition::kProvince,
       true,
       {40, 25, 25},
       "content/tinh/models.csv",
       3},
      // "sep=;" first line, CRLF: the header is line 2. "kinh te" and "Văn hoá - xã hội" are
      // matched by folding; "1.250" is Vietnamese thousands; "1,5 tỷ" money; "24,5" points.
      {"xa-an-dan-giau",
       2026,
       "xa-an",
       "Dân giàu làng vui",
       "kinh-te",
       Subject::kCollective,
       ModelKind::kNew,
       "2026-02-10",
       1250,
       1.5e9,
       Recognition::kNone,
       true,
       {40, 30, 10},
       "content/xa-an/models.csv",
       3},
      {"xa-an-anh-sang",
       2026,
       "xa-an",
       "Ánh sáng đường quê",
       "van-hoa",
       Subject::kCollective,
       ModelKind::kNew,
       "2026-04-08",
       45,
       12e6,
       Recognition::kNone,
       false,
       {30, 24.5, 20},
       "content/xa-an/models.csv",
       4},
      // Windows-1258.
      {"nd-an-duong-lang",
       2026,
       "nd-an",
       "Đường làng xanh",
       "kinh-te",
       Subject::kCollective,
       ModelKind::kContinuing,
       "none",
       80,
       200e6,
       Recognition::kCommune,
       false,
       {35, 25, 20},
       "content/nd-an/models.csv",
       2},
      {"nd-an-canh-dong",
       2026,
       "nd-an",
       "Cánh đồng lớn",
       "kinh-te",
       Subject::kCollective,
       ModelKind::kNew,
       "2026-03-01",
       30,
       std::nullopt,
       Recognition::kNone,
       false,
       {20, 20, 20},
       "content/nd-an/models.csv",
       3},
      // Tab-separated; "5 000 000" space thousands.
      {"pn-an-em-den-truong",
       2026,
       "pn-an",
       "Em đến trường",
       "kinh-te",
       Subject::kIndividual,
       ModelKind::kNew,
       "none",
       25,
       5e6,
       Recognition::kNone,
       false,
       {30, 25, 25},
       "content/pn-an/models.csv",
       2},
      {"bep-an-yeu-thuong",
       2026,
       "pn-an",
       "Bếp ăn yêu thương",
       "van-hoa",
       Subject::kCollective,
       ModelKind::kNew,
       "2026-01-20",
       40,
       50e6,
       Recognition::kNone,
       false,
       {34.5, 20, 20},
       "content/pn-an/models.csv",
       3},
      // Field by alias; ISO date; "1" typical; TC3 empty = not evaluated.
      {"dtn-binh-binh-yen",
       2026,
       "dtn-binh",
       "Bình yên xóm nhỏ",
       "an-ninh",
       Subject::kCollective,
       ModelKind::kNew,
       "2026-03-26",
       60,
       std::nullopt,
       Recognition::kNone,
       true,
       {30, 20, std::nullopt},
       "content/dtn-binh/models.csv",
       2},
  };
  for (const Expected& e : kRows) {
    std::string name = std::string(e.id) + " " + std::to_string(e.year);
    SCOPED_TRACE(name);
    const Model* m = FindModel(site_, e.id);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->unit, site_.UnitIndex(e.unit)) << name;
    const ModelYear* y = m->InYear(e.year);
    ASSERT_NE(y, nullptr) << name;
    EXPECT_EQ(y->name, e.name) << name;
    EXPECT_EQ(y->field, FieldIndex(site_, e.field)) << name;
    EXPECT_EQ(y->subject, e.subject) << name;
    EXPECT_EQ(y->kind, e.kind) << name;
    EXPECT_EQ(ShowDate(y->launched_on), e.launched_on) << name;
    EXPECT_EQ(y->participants, e.participants) << name;
    EXPECT_EQ(y->funds, e.funds) << name;
    EXPECT_EQ(y->recognition, e.recognition) << name;
    EXPECT_EQ(y->typical, e.typical) << name;
    EXPECT_EQ(y->points, e.points) << name;
    EXPECT_EQ(y->file, e.file) << name;
    EXPECT_EQ(y->line, e.line) << name;
  }
  const Model* vuon = FindModel(site_, "tinh-vuon-cay-mau");
  ASSERT_NE(vuon, nullptr);
  ASSERT_EQ(vuon->years.size(), 2u);
  EXPECT_EQ(vuon->years[0].year, 2025);
  EXPECT_EQ(vuon->Latest()->year, 2026);

  // The column the template does not know is not read: sheets carry private data, and site.yaml
  // lists no extra_columns.
  const Model* duong = FindModel(site_, "nd-an-duong-lang");
  ASSERT_NE(duong, nullptr);
  using Extras = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(duong->years[0].extras, Extras{});
  EXPECT_EQ(FindModel(site_, "nd-an-canh-dong")->years[0].extras, Extras{});
}

TEST_F(FixtureTest, Results) {
  // tinh 5 rows, xa-an 3 (its empty phan-bien value is "not reported"), nd-an 3, pn-an 2,
  // dtn-binh 2; xa-binh sent nothing.
  ASSERT_EQ(site_.results.size(), 15u);
  struct Expected {
    const char* unit;
    const char* indicator;
    int year;
    const char* text;
    std::optional<double> number;
    std::optional<bool> yes;
    const char* date;
    int line;
  };
  const Expected kRows[] = {
      {"tinh", "ke-hoach", 2025, "có", std::nullopt, true, "none", 2},
      {"tinh", "bao-cao-nam", 2026, "25/11/2026", std::nullopt, std::nullopt, "2026-11-25", 5},
      {"xa-an", "giam-sat", 2026, "1", 1, std::nullopt, "none", 3},
      {"xa-an", "bao-cao-nam", 2026, "28/11/2026", std::nullopt, std::nullopt, "2026-11-28", 4},
      {"nd-an", "ke-hoach", 2026, "không", std::nullopt, false, "none", 2},
      {"pn-an", "bao-cao-nam", 2026, "ngày 24 tháng 11 năm 2026", std::nullopt, std::nullopt,
       "2026-11-24", 3},
      {"dtn-binh", "giam-sat", 2026, "4", 4, std::nullopt, "none", 3},
  };
  for (const Expected& e : kRows) {
    std::string name = std::string(e.unit) + " " + e.indicator + " " + std::to_string(e.year);
    SCOPED_TRACE(name);
    const Result* found = nullptr;
    for (const Result& r : site_.results)
      if (r.unit == site_.UnitIndex(e.unit) && site_.indicators[r.indicator].id == e.indicator &&
          r.year == e.year)
        found = &r;
    ASSERT_NE(found, nullptr) << name;
    EXPECT_EQ(found->text, e.text) << name;
    EXPECT_EQ(found->number, e.number) << name;
    EXPECT_EQ(found->yes, e.yes) << name;
    EXPECT_EQ(ShowDate(found->date), e.date) << name;
    EXPECT_EQ(found->line, e.line) << name;
    EXPECT_EQ(found->file, "content/" + std::string(e.unit) + "/results.csv") << name;
  }
  for (const Result& r : site_.results) {
    EXPECT_NE(r.unit, site_.UnitIndex("xa-binh"));
    EXPECT_FALSE(r.unit == site_.UnitIndex("xa-an") &&
                 site_.indicators[r.indicator].id == "phan-bien")
        << "an empty value is not a result";
  }
}

TEST_F(FixtureTest, WriteUp) {
  const Model* vuon = FindModel(site_, "tinh-vuon-cay-mau");
  ASSERT_NE(vuon, nullptr);
  ASSERT_TRUE(vuon->writeup.has_value());
  const WriteUp& w = *vuon->writeup;
  EXPECT_EQ(w.file, "content/tinh/vuon-cay-mau.md");
  EXPECT_EQ(w.title, "Vườn cây mẫu ở thôn Nà Héc");
  EXPECT_EQ(w.author, "Ban Thường trực");
  EXPECT_TRUE(Contains(w.html.Unpack(), "<h3>Cách làm</h3>"));  // "#" under the page's h1 and h2
  EXPECT_TRUE(Contains(w.html.Unpack(), "src=\"dvk-root:anh/tinh/images/vuon.jpg\""));
  ASSERT_EQ(site_.files_to_copy.size(), 1u);
  EXPECT_EQ(site_.files_to_copy[0].url, "anh/tinh/images/vuon.jpg");
  for (const Model& m : site_.models) {
    if (m.id != "tinh-vuon-cay-mau") {
      EXPECT_FALSE(m.writeup.has_value()) << m.id;
    }
  }
}

TEST_F(FixtureTest, ReadingDiagnostics) {
  // Reading the fixture gives exactly four notes and nothing worse: an unknown column, a derived
  // id, and two typical models (xa-an-dan-giau, dtn-binh-binh-yen) without a write-up.
  EXPECT_EQ(diags_.Count(Severity::kError), 0) << Describe(diags_);
  EXPECT_EQ(diags_.Count(Severity::kWarning), 0) << Describe(diags_);
  ASSERT_EQ(diags_.all().size(), 4u) << Describe(diags_);
  std::vector<const Diagnostic*> no_writeup = WithCode(diags_, Code::kTypicalWithoutWriteUp);
  ASSERT_EQ(no_writeup.size(), 2u);
  // Units in register order: xa-an before dtn-binh.
  EXPECT_EQ(no_writeup[0]->unit, "xa-an");
  EXPECT_EQ(no_writeup[0]->line, 3);
  EXPECT_EQ(no_writeup[1]->unit, "dtn-binh");

  std::vector<const Diagnostic*> unknown = WithCode(diags_, Code::kCsvUnknownColumn);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0]->file, "content/nd-an/models.csv");
  EXPECT_EQ(unknown[0]->unit, "nd-an");
  EXPECT_EQ(unknown[0]->line, 1);
  EXPECT_EQ(unknown[0]->column, 15);
  EXPECT_EQ(unknown[0]->text, "Địa chỉ");

  std::vector<const Diagnostic*> derived = WithCode(diags_, Code::kModelIdDerived);
  ASSERT_EQ(derived.size(), 1u);
  EXPECT_EQ(derived[0]->severity, Severity::kNote);
  EXPECT_EQ(derived[0]->file, "content/pn-an/models.csv");
  EXPECT_EQ(derived[0]->unit, "pn-an");
  EXPECT_EQ(derived[0]->line, 3);
  EXPECT_EQ(derived[0]->column, 1);
  EXPECT_TRUE(Contains(derived[0]->message, "bep-an-yeu-thuong"));
}

// ---- Sites in memory --------------------------------------------------------------------------

// A two-unit site under "site/"; tests add or replace files.
MemoryFileSystem SmallSite() {
  MemoryFileSystem fs;
  fs.Add("site/site.yaml", "title: Thử\nroot: tinh\n");
  fs.Add("site/data/units.csv",
         "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên,Loại đơn vị\n"
         "tinh,Ủy ban MTTQ tỉnh,,Ủy ban MTTQ\n"
         "xa-a,Ủy ban MTTQ xã A,tinh,Ủy ban MTTQ\n");
  fs.Add("site/data/fields.csv", "id,name,aliases\nkinh-te,Kinh tế,\nvan-hoa,Văn hóa – xã hội,\n");
  fs.Add("site/data/indicators.csv", "id,name,type,target\nke-hoach,Kế hoạch,yesno,1\n");
  fs.Add("site/data/criteria.csv", "id,name,max\nTC1,Một,50\nTC2,Hai,50\n");
  return fs;
}

struct ReaderCase {
  const char* name;
  std::vector<std::pair<std::string, std::string>> files;  // added to SmallSite()
  Code code;
  const char* file;
  int line;
  const char* unit;
  std::vector<std::string> in_message;
};

TEST(ReadSiteTest, Diagnostics) {
  const ReaderCase kCases[] = {
      {"unknown field value",
       {{"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\n"
         "xa-a-mot,2026,Mô hình một,Nông nghiệp\n"
         "xa-a-hai,2026,Mô hình hai,van hoa - xa hoi\n"}},
       Code::kUnknownField,
       "content/xa-a/models.csv",
       2,
       "xa-a",
       {"Nông nghiệp"}},
      {"unit folder not in the register",
       {{"site/content/xa-z/models.csv", "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\n"}},
       Code::kUnitFolderNotRegistered,
       "content/xa-z",
       0,
       "xa-z",
       {"xa-z"}},
      {"duplicate unit id",
       {{"site/data/units.csv",
         "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên\n"
         "tinh,Tỉnh,\n"
         "xa-a,Xã A,tinh\n"
         "xa-a,Xã A mới,tinh\n"}},
       Code::kDuplicateUnit,
       "data/units.csv",
       4,
       "",
       {"xa-a", "3"}},
      {"unknown parent",
       {{"site/data/units.csv",
         "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên\n"
         "tinh,Tỉnh,\n"
         "xa-a,Xã A,tinh\n"
         "xa-b,Xã B,huyen-cu\n"}},
       Code::kUnknownParent,
       "data/units.csv",
       4,
       "",
       {"huyen-cu"}},
      {"parent cycle",
       {{"site/data/units.csv",
         "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên\n"
         "tinh,Tỉnh,\n"
         "xa-a,Xã A,xa-b\n"
         "xa-b,Xã B,xa-a\n"}},
       Code::kUnitCycle,
       "data/units.csv",
       3,
       "",
       {"xa-a"}},
      {"unit that is its own parent",
       {{"site/data/units.csv",
         "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên\n"
         "tinh,Tỉnh,\n"
         "xa-a,Xã A,tinh\n"
         "xa-b,Xã B,xa-b\n"}},
       Code::kUnitCycle,
       "data/units.csv",
       4,
       "",
       {"xa-b"}},
      {"models table saved under another name",
       {{"site/content/xa-a/models (1).csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n"}},
       Code::kTableFileIgnored,
       "content/xa-a/models (1).csv",
       0,
       "xa-a",
       {"models (1).csv"}},
      {"results table named in Vietnamese",
       {{"site/content/xa-a/Kết quả.xlsx", "PK"}},
       Code::kTableFileIgnored,
       "content/xa-a/Kết quả.xlsx",
       0,
       "xa-a",
       {"Kết quả.xlsx"}},
      {"quoted title whose closing quote is missing",
       {{"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n"},
        {"site/content/xa-a/bai-viet.md",
         "---\nmodel: xa-a-mot\ntitle: \"Hũ gạo: mỗi ngày một nắm\ncover: "
         "images/a.png\n---\nBài.\n"}},
       Code::kFrontMatterYaml,
       "content/xa-a/bai-viet.md",
       3,
       "xa-a",
       {"không đóng"}},
      {"cover that is not a picture",
       {{"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n"},
        {"site/content/xa-a/images/anh.jpg", "<html>Trang web lưu thành .jpg</html>"},
        {"site/content/xa-a/bai-viet.md",
         "---\nmodel: xa-a-mot\ntitle: Bài\ncover: images/anh.jpg\n---\nBài.\n"}},
       Code::kImageNotPicture,
       "content/xa-a/bai-viet.md",
       4,
       "xa-a",
       {"images/anh.jpg", ".jpg"}},
      {"model year after the period",
       {{"site/site.yaml", "title: Thử\nroot: tinh\nperiod: {from: 2026, to: 2030}\n"},
        {"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n"
         "xa-a-hai,2031,Mô hình hai,Kinh tế\n"}},
       Code::kYearAfterPeriod,
       "content/xa-a/models.csv",
       3,
       "xa-a",
       {"2031", "2026–2030"}},
      {"empty year cell",
       {{"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n"
         "xa-a-hai,,Mô hình hai,Kinh tế\n"}},
       Code::kYearEmpty,
       "content/xa-a/models.csv",
       3,
       "xa-a",
       {"để trống"}},
      {"link to a document that is not there",
       {{"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n"},
        {"site/content/xa-a/bai-viet.md",
         "---\nmodel: xa-a-mot\ntitle: Bài\n---\nXem [kế hoạch](tai-lieu/ke-hoach.pdf).\n"}},
       Code::kFileMissing,
       "content/xa-a/bai-viet.md",
       5,
       "xa-a",
       {"tai-lieu/ke-hoach.pdf", "tệp"}},
      {"write-up for an unknown model",
       {{"site/content/xa-a/bai-viet.md", "---\nmodel: khong-co\ntitle: Bài\n---\nNội dung.\n"}},
       Code::kWriteupUnknownModel,
       "content/xa-a/bai-viet.md",
       2,
       "xa-a",
       {"khong-co"}},
      {"write-up of another unit's model",
       {{"site/content/tinh/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\ntinh-mot,2026,Của tỉnh,Kinh tế\n"},
        {"site/content/xa-a/bai-viet.md", "---\ntitle: Bài\nmodel: tinh-mot\n---\nNội dung.\n"}},
       Code::kWriteupUnknownModel,
       "content/xa-a/bai-viet.md",
       3,
       "xa-a",
       {"tinh-mot"}},
      {"impossible date in a model row",
       {{"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực,Ngày ra mắt\n"
         "xa-a-mot,2026,Mô hình một,Kinh tế,31/11/2026\n"}},
       Code::kBadDate,
       "content/xa-a/models.csv",
       2,
       "xa-a",
       {"Ngày ra mắt", "31/11/2026"}},
      {"unknown indicator in results",
       {{"site/content/xa-a/results.csv",
         "Năm,Chỉ tiêu,Kết quả\n2026,ke-hoach,có\n2026,khong-ro,3\n"}},
       Code::kUnknownIndicator,
       "content/xa-a/results.csv",
       3,
       "xa-a",
       {"khong-ro"}},
      {"unknown key in site.yaml",
       {{"site/site.yaml", "title: Thử\nroot: tinh\nthem: default\n"}},
       Code::kSiteUnknownKey,
       "site.yaml",
       3,
       "",
       {"them"}},
      {"a theme with no folder",
       {{"site/site.yaml", "title: Thử\nroot: tinh\ntheme: xanh-la\n"},
        {"site/themes/xanh-lam/static/site.css", "body{}"},
        {"site/themes/do/templates/home.mustache", "x"}},
       Code::kThemeMissing,
       "site.yaml",
       3,
       "",
       {"“xanh-la”", "themes/xanh-la/", "có: do, xanh-lam"}},
      {"points over the maximum",
       {{"site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực,TC1,TC2\nxa-a-mot,2026,Một,Kinh tế,60,10\n"}},
       Code::kPointsOverMax,
       "content/xa-a/models.csv",
       2,
       "xa-a",
       {"TC1", "60", "50"}},
  };
  for (const ReaderCase& c : kCases) {
    SCOPED_TRACE(c.name);
    MemoryFileSystem fs = SmallSite();
    for (const auto& [path, content] : c.files) fs.Add(path, content);
    Diagnostics diags;
    bool fatal = true;
    Site site = ReadSite(fs, "site", diags, &fatal);
    EXPECT_FALSE(fatal) << c.name << "\n" << Describe(diags);
    std::vector<const Diagnostic*> found = WithCode(diags, c.code);
    ASSERT_EQ(found.size(), 1u) << c.name << "\n" << Describe(diags);
    const Diagnostic& d = *found[0];
    EXPECT_EQ(d.file, c.file) << c.name;
    EXPECT_EQ(d.line, c.line) << c.name;
    EXPECT_EQ(d.unit, c.unit) << c.name;
    for (const std::string& part : c.in_message) EXPECT_TRUE(Contains(d.message, part)) << c.name;
  }
}

// A CSV row's message names the row Excel shows too, where it differs from the line: after a
// "sep=" line and a cell over two lines, line 5 is Excel's row 3.
TEST(ReadSiteTest, CsvMessagesNameTheRowExcelShows) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/content/xa-a/models.csv",
         "sep=,\nMã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,\"Một\nhai\",Kinh tế\n"
         "xa-a-ba,2026,Ba,Không có\n");
  Diagnostics diags;
  bool fatal = true;
  ReadSite(fs, "site", diags, &fatal);
  ASSERT_FALSE(fatal);
  std::vector<const Diagnostic*> found = WithCode(diags, Code::kUnknownField);
  ASSERT_EQ(found.size(), 1u) << Describe(diags);
  EXPECT_EQ(found[0]->line, 5);
  EXPECT_EQ(found[0]->excel_row, 3);
  EXPECT_TRUE(Contains(FormatDiagnostic(*found[0]),
                       "content/xa-a/models.csv:5:4 (hàng 3 khi mở bằng Excel): "));
}

// A write-up refused before its model is known (its front matter) is one message: no "typical
// model without a write-up" notice besides, since the refused one may be that model's. Once it
// reads, a typical model it is not about gets the notice again.
TEST(ReadSiteTest, ARefusedWriteUpIsOneMessage) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực,Tiêu biểu\nxa-a-mot,2026,Một,Kinh tế,có\n"
         "xa-a-hai,2026,Hai,Kinh tế,có\n");
  fs.Add("site/content/xa-a/mot.md", "---\nmodel: xa-a-mot\ntitle: [Một\n---\nBài.\n");
  auto read = [&](Diagnostics& diags) {
    bool fatal = true;
    ReadSite(fs, "site", diags, &fatal);
    EXPECT_FALSE(fatal);
  };
  Diagnostics refused;
  read(refused);
  EXPECT_EQ(WithCode(refused, Code::kFrontMatterYaml).size(), 1u) << Describe(refused);
  EXPECT_TRUE(WithCode(refused, Code::kTypicalWithoutWriteUp).empty()) << Describe(refused);

  fs.Add("site/content/xa-a/mot.md", "---\nmodel: xa-a-mot\ntitle: Một\n---\nBài.\n");
  Diagnostics fixed;
  read(fixed);
  std::vector<const Diagnostic*> notes = WithCode(fixed, Code::kTypicalWithoutWriteUp);
  ASSERT_EQ(notes.size(), 1u) << Describe(fixed);
  EXPECT_TRUE(Contains(notes[0]->message, "Hai"));
}

// A quoted value may go on over several lines when it closes before the next key; one that runs
// into the next key is refused (above), however yaml-cpp would take it.
TEST(ReadSiteTest, QuotedValueOverTwoLinesIsRead) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n");
  fs.Add("site/content/xa-a/bai-viet.md",
         "---\nmodel: xa-a-mot\ntitle: \"Hũ gạo: mỗi ngày\n  một nắm\"\nsummary: 'Nhà ''A'' góp'\n"
         "---\nBài.\n");
  // A quote inside a block scalar is text.
  fs.Add("site/content/xa-a/bai-hai.md",
         "---\nmodel: xa-a-hai\nname: Mô hình hai\nfield: Kinh tế\nyear: 2026\nsummary: |\n"
         "  Bà con nói: \"làm được\n\n  là nhờ dân\ntitle: Hai\n---\nBài.\n");
  Diagnostics diags;
  bool fatal = true;
  Site site = ReadSite(fs, "site", diags, &fatal);
  ASSERT_FALSE(fatal);
  EXPECT_TRUE(WithCode(diags, Code::kFrontMatterYaml).empty()) << Describe(diags);
  const Model* one = FindModel(site, "xa-a-mot");
  const Model* two = FindModel(site, "xa-a-hai");
  ASSERT_TRUE(one && one->writeup && two && two->writeup);
  EXPECT_EQ(one->writeup->title, "Hũ gạo: mỗi ngày một nắm");
  EXPECT_TRUE(Contains(two->writeup->summary, "Bà con nói: \"làm được")) << two->writeup->summary;
  EXPECT_TRUE(Contains(two->writeup->summary, "là nhờ dân")) << two->writeup->summary;
  EXPECT_EQ(two->writeup->title, "Hai");
}

// Two folders for one unit: the one named as the unit is read, whichever comes first.
TEST(ReadSiteTest, FolderNamedAsTheUnitWinsOverAnotherSpelling) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/content/Xa A/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nban-nhap,2026,Bản nháp,Kinh tế\n");
  fs.Add("site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nxa-a-mot,2026,Mô hình một,Kinh tế\n");
  Diagnostics diags;
  bool fatal = true;
  Site site = ReadSite(fs, "site", diags, &fatal);
  ASSERT_FALSE(fatal);
  ASSERT_EQ(site.models.size(), 1u);
  EXPECT_EQ(site.models[0].id, "xa-a-mot");
  std::vector<const Diagnostic*> twice = WithCode(diags, Code::kUnitFolderTwice);
  ASSERT_EQ(twice.size(), 1u);
  EXPECT_EQ(twice[0]->file, "content/Xa A");
}

// One cause, one message: a models table that cannot be read is reported once, not again on every
// write-up about one of its models.
TEST(ReadSiteTest, UnreadableModelsTableIsNotReportedAgainOnItsWriteUps) {
  for (const char* table : {"site/content/xa-a/models.xls", "site/content/xa-a/models.xlsx"}) {
    MemoryFileSystem fs = SmallSite();
    fs.Add(table, "not a workbook");
    fs.Add("site/content/xa-a/bai-viet.md", "---\nmodel: xa-a-mot\ntitle: Bài\n---\nNội dung.\n");
    Diagnostics diags;
    bool fatal = true;
    ReadSite(fs, "site", diags, &fatal);
    ASSERT_FALSE(fatal);
    EXPECT_EQ(diags.Count(Severity::kError), 1) << table << Describe(diags);
    EXPECT_TRUE(WithCode(diags, Code::kWriteupUnknownModel).empty()) << table << Describe(diags);
  }
}

// One cause, one message: a launch date or a criterion's points refused at the cell are not
// reported again by the checks of what a row lacks (a new model without its launch date, a typical
// model not fully evaluated).
TEST(ReadSiteTest, RefusedCellIsNotReportedAgainAsMissing) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực,Hình thức,Ngày ra mắt,Tiêu biểu,TC1,TC2\n"
         "xa-a-mot,2026,Mô hình một,Kinh tế,mới,31/02/2026,,,\n"
         "xa-a-hai,2026,Mô hình hai,Kinh tế,mới,01/03/2026,có,60,40\n"
         "xa-a-ba,2026,Mô hình ba,Kinh tế,mới,,có,,\n");
  Diagnostics diags;
  bool fatal = true;
  Site site = ReadSite(fs, "site", diags, &fatal);
  ASSERT_FALSE(fatal);
  ComputeReport(site, diags);
  EXPECT_EQ(WithCode(diags, Code::kBadDate).size(), 1u) << Describe(diags);
  EXPECT_EQ(WithCode(diags, Code::kPointsOverMax).size(), 1u) << Describe(diags);
  // Only the third model, which leaves both out, is told about them.
  std::vector<const Diagnostic*> no_launch = WithCode(diags, Code::kNewWithoutLaunch);
  ASSERT_EQ(no_launch.size(), 1u) << Describe(diags);
  EXPECT_EQ(no_launch[0]->line, 4);
  std::vector<const Diagnostic*> unevaluated = WithCode(diags, Code::kTypicalNotEvaluated);
  ASSERT_EQ(unevaluated.size(), 1u) << Describe(diags);
  EXPECT_EQ(unevaluated[0]->line, 4);
}

TEST(ReadSiteTest, BadRowsAreLeftOutTheRestKept) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/content/xa-a/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\n"
         "xa-a-mot,2026,Mô hình một,Nông nghiệp\n"
         "xa-a-hai,2026,Mô hình hai,van hoa - xa hoi\n");
  fs.Add("site/content/tinh/models.csv",
         "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nmo-hinh-chung,2026,Của tỉnh,Kinh tế\n");
  fs.Add("site/content/xa-z/models.csv", "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\nz,2026,Z,Kinh tế\n");
  Diagnostics diags;
  bool fatal = true;
  Site site = ReadSite(fs, "site", diags, &fatal);
  EXPECT_FALSE(fatal);
  std::vector<std::string> ids;
  for (const Model& m : site.models) ids.push_back(m.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"mo-hinh-chung", "xa-a-hai"}));
  EXPECT_EQ(site.models[1].years[0].field, 1);  // "van hoa - xa hoi" is Văn hóa – xã hội
}

TEST(ReadSiteTest, DuplicateUnitKeepsTheFirst) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/data/units.csv",
         "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên\ntinh,Tỉnh,\nxa-a,Xã A,tinh\nxa-a,Xã A mới,tinh\n"
         "xa-b,Xã B,huyen-cu\n");
  Diagnostics diags;
  bool fatal = true;
  Site site = ReadSite(fs, "site", diags, &fatal);
  ASSERT_FALSE(fatal);
  ASSERT_EQ(site.units.size(), 3u);
  EXPECT_EQ(site.units[1].name, "Xã A");
  // A unit whose parent is unknown still shows, under the root.
  EXPECT_EQ(site.units[2].id, "xa-b");
  EXPECT_EQ(site.units[2].parent_index, site.root);
}

// SPEC 2.2 gives kinds such as "Ủy ban MTTQ"; Excel users write the old tone placement "Uỷ ban"
// and any case. Like field names (SPEC 2.3), a kind in `applies_to` must match the unit's kind
// after folding, otherwise the unit's own result is refused as "not applicable to Ủy ban MTTQ".
TEST(ReadSiteTest, AppliesToMatchesKindsAfterFolding) {
  MemoryFileSystem fs = SmallSite();
  fs.Add("site/data/units.csv",
         "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên,Loại đơn vị\n"
         "tinh,Ủy ban MTTQ tỉnh,,Ủy ban MTTQ\n"
         "xa-a,Ủy ban MTTQ xã A,tinh,ủy ban mttq\n");
  fs.Add("site/data/indicators.csv",
         "id,name,type,target,applies_to\nphan-bien,Phản biện,count,3,Uỷ ban MTTQ\n");
  fs.Add("site/content/tinh/results.csv", "Năm,Chỉ tiêu,Kết quả\n2026,phan-bien,3\n");
  fs.Add("site/content/xa-a/results.csv", "Năm,Chỉ tiêu,Kết quả\n2026,phan-bien,1\n");
  Diagnostics diags;
  bool fatal = true;
  Site site = ReadSite(fs, "site", diags, &fatal);
  ASSERT_FALSE(fatal);
  EXPECT_TRUE(WithCode(diags, Code::kIndicatorNotApplicable).empty()) << Describe(diags);
  EXPECT_EQ(site.results.size(), 2u);
}

TEST(ReadSiteTest, FatalProblems) {
  struct Case {
    const char* name;
    std::vector<std::pair<std::string, std::string>> files;
    Code code;
  };
  const Case kCases[] = {
      {"no site.yaml", {{"site/site.yaml", ""}}, Code::kSiteMissing},
      {"no title", {{"site/site.yaml", "root: tinh\n"}}, Code::kSiteMissingTitle},
      {"root not in the register",
       {{"site/site.yaml", "title: Thử\nroot: huyen\n"}},
       Code::kNoRootUnit},
      {"no unit register", {{"site/data/units.csv", ""}}, Code::kFileUnreadable},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    MemoryFileSystem base = SmallSite();
    MemoryFileSystem fs;
    // Copy SmallSite() but drop the files the case empties.
    for (const char* path : {"site/site.yaml", "site/data/units.csv", "site/data/fields.csv",
                             "site/data/indicators.csv", "site/data/criteria.csv"}) {
      std::string content = *base.ReadFile(path);
      for (const auto& [p, replacement] : c.files)
        if (p == path) content = replacement;
      if (!content.empty()) fs.Add(path, content);
    }
    Diagnostics diags;
    bool fatal = false;
    ReadSite(fs, "site", diags, &fatal);
    EXPECT_TRUE(fatal) << c.name;
    std::vector<const Diagnostic*> found = WithCode(diags, c.code);
    ASSERT_EQ(found.size(), 1u) << c.name << "\n" << Describe(diags);
    EXPECT_EQ(found[0]->severity, Severity::kError) << c.name;
  }
}

}  // namespace
}  // namespace dvk
