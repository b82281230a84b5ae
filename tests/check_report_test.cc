// The check report: a copy of the small fixture site with problems planted in four units and in
// site.yaml is checked; the report has one section per unit with problems, each naming only that
// unit's files, and the same broken site still builds with every unit's good rows.
#include "render/check_report.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "read/site_reader.h"
#include "render/html.h"
#include "site.h"
#include "test_util.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

// Appends `line` as a new last line of `p`.
void AppendLine(const fs::path& p, const std::string& line) {
  std::string text = ReadAll(p);
  std::ofstream out(p, std::ios::binary | std::ios::app);
  if (!text.empty() && text.back() != '\n') out << "\n";
  out << line << "\n";
}

const char* const kUnits[] = {"tinh", "xa-an", "xa-binh", "nd-an", "pn-an", "dtn-binh"};

class CheckReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("dvk-check-report-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    site_ = base_ / "site";
    fs::create_directories(base_);
    fs::copy(kFixture, site_, fs::copy_options::recursive);
    // tinh: an impossible date in models.csv (the row is kept, the date left empty).
    AppendLine(site_ / "content/tinh/models.csv",
               "tinh-cho-phien,2026,Chợ phiên vùng cao,Kinh tế,Tập thể,Mới,31/11/2026,50,,,,30,20,"
               "20");
    // xa-an: an indicator the catalogue does not have.
    AppendLine(site_ / "content/xa-an/results.csv", "2026,chi-tieu-la,5");
    // dtn-binh: a write-up about a model the unit never registered.
    std::ofstream(site_ / "content/dtn-binh/bai-moi.md")
        << "---\nmodel: dtn-binh-khong-co\ntitle: Bài mới\n---\nNội dung.\n";
    // pn-an (tab-separated): markup in a field cell.
    AppendLine(
        site_ / "content/pn-an/models.csv",
        "pn-an-cho-que\t2026\tChợ quê\t<script>alert(1)</script>\tTập thể\tMới\t\t10\t\t\t\t\t\t");
    // Site-wide: an unknown key in site.yaml.
    AppendLine(site_ / "site.yaml", "tieu_de_phu: thử");
  }
  void TearDown() override { fs::remove_all(base_); }

  // Runs the check with the report in <site>/kiem-tra; returns the exit status.
  int Check() {
    CheckOptions options;
    options.site_dir = site_.string();
    return CheckSite(options, diags_, &index_);
  }

  const Diagnostic* Find(Code code, const std::string& unit) const {
    for (const Diagnostic& d : diags_.all())
      if (d.code == code && d.unit == unit) return &d;
    return nullptr;
  }

  // The units (and "" for site-wide) with at least one diagnostic.
  std::set<std::string> UnitsWithProblems() const {
    std::set<std::string> units;
    for (const Diagnostic& d : diags_.all()) units.insert(d.unit);
    return units;
  }

  fs::path base_, site_;
  Diagnostics diags_;
  std::string index_;
};

// The part of index.html from the section of `unit` to the next section.
std::string SectionOf(const std::string& html, const std::string& stem) {
  size_t start = html.find("<section class=\"unit\" id=\"dv-" + stem + "\">");
  if (start == std::string::npos) return "";
  size_t end = html.find("</section>", start);
  return html.substr(start, end - start);
}

std::string ExpectedCounts(const Diagnostics& diags, const std::string& unit) {
  int n[3] = {0, 0, 0};
  for (const Diagnostic& d : diags.all())
    if (d.unit == unit) ++n[static_cast<int>(d.severity)];
  return std::to_string(n[0]) + " lỗi · " + std::to_string(n[1]) + " cảnh báo · " +
         std::to_string(n[2]) + " ghi chú";
}

TEST_F(CheckReportTest, ProblemsOfEachUnitInItsOwnSection) {
  EXPECT_EQ(Check(), 1);  // there are errors
  ASSERT_EQ(index_, (site_ / "kiem-tra/index.html").string());
  std::string index = ReadAll(index_);
  ASSERT_FALSE(index.empty());

  // The planted problems, with their exact messages.
  struct Planted {
    std::string unit;
    Code code;
    std::string message;
  };
  const Planted planted[] = {
      {"tinh", Code::kBadDate,
       "Ô ở cột G “Ngày ra mắt” phải là một ngày có thật nhưng có “31/11/2026”; ô này bị bỏ "
       "qua."},
      {"xa-an", Code::kUnknownIndicator,
       "Chỉ tiêu “chi-tieu-la” không có trong danh mục; dòng này bị bỏ qua."},
      {"dtn-binh", Code::kWriteupUnknownModel,
       "Bài viết nói về mô hình “dtn-binh-khong-co” nhưng đơn vị không đăng ký mô hình này."},
      {"pn-an", Code::kUnknownField,
       "Lĩnh vực “<script>alert(1)</script>” không có trong danh mục; dòng này bị bỏ qua."},
      {"", Code::kSiteUnknownKey,
       "Khóa “tieu_de_phu” trong site.yaml không được dùng (có thể gõ nhầm). Có phải khóa "
       "“title”?"},
  };
  for (const Planted& p : planted) {
    SCOPED_TRACE(p.unit);
    const Diagnostic* d = Find(p.code, p.unit);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->message, p.message);
    std::string stem = p.unit.empty() ? "toan-trang" : p.unit;
    EXPECT_TRUE(Contains(SectionOf(index, stem), EscapeHtml(p.message)));
    EXPECT_TRUE(Contains(ReadAll(site_ / "kiem-tra" / (stem + ".html")), EscapeHtml(p.message)));
  }

  // One section per unit with problems, and one standalone file for each.
  std::set<std::string> units = UnitsWithProblems();
  size_t sections = 0;
  for (size_t pos = 0; (pos = index.find("<section class=\"unit\"", pos)) != std::string::npos;
       ++pos)
    ++sections;
  EXPECT_EQ(sections, units.size());
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(site_ / "kiem-tra"))
    files.insert(e.path().filename().string());
  std::set<std::string> expected_files = {"index.html", ".dvk-output"};
  for (const std::string& u : units)
    expected_files.insert((u.empty() ? "toan-trang" : u) + ".html");
  EXPECT_EQ(files, expected_files);

  // Sections with errors first (tinh's bad date), in register order, then those with only
  // warnings (the site-wide unknown key).
  EXPECT_LT(index.find("id=\"dv-tinh\""), index.find("id=\"dv-toan-trang\""));
  EXPECT_LT(index.find("id=\"dv-xa-an\""), index.find("id=\"dv-dtn-binh\""));
  EXPECT_LT(index.find("id=\"dv-dtn-binh\""), index.find("id=\"dv-toan-trang\""));
  EXPECT_TRUE(Contains(index, "Toàn trang (site.yaml, data/)"));
  EXPECT_TRUE(Contains(index, "Hội LHPN xã An Phú <span class=\"id\">(pn-an)</span>"));

  // Each section, in the index and standalone, names its own files only, with its counts.
  for (const std::string& unit : units) {
    SCOPED_TRACE(unit);
    std::string stem = unit.empty() ? "toan-trang" : unit;
    std::string section = SectionOf(index, stem);
    std::string standalone = ReadAll(site_ / "kiem-tra" / (stem + ".html"));
    ASSERT_FALSE(section.empty());
    for (const std::string& text : {section, standalone}) {
      for (const char* other : kUnits)
        if (other != unit) EXPECT_FALSE(Contains(text, "content/" + std::string(other) + "/"));
      EXPECT_TRUE(Contains(text, ExpectedCounts(diags_, unit)));
    }
    EXPECT_EQ(standalone.find("<section class=\"unit\""),
              standalone.rfind("<section class=\"unit\""));
    EXPECT_TRUE(Contains(standalone, "<html lang=\"vi\">"));
  }

  // Totals; a unit without a problem is listed as such.
  EXPECT_TRUE(Contains(index, "<strong>" + std::to_string(diags_.Count(Severity::kError)) +
                                  " lỗi · " + std::to_string(diags_.Count(Severity::kWarning)) +
                                  " cảnh báo · " + std::to_string(diags_.Count(Severity::kNote)) +
                                  " ghi chú</strong>"));
  EXPECT_EQ(diags_.Count(Severity::kError), 4);

  // Input never reaches the page as markup; no script, no external resource.
  for (const std::string& name : files) {
    std::string html = ReadAll(site_ / "kiem-tra" / name);
    EXPECT_EQ(html.find("<script"), std::string::npos) << name;
    EXPECT_EQ(html.find("http"), std::string::npos) << name;
  }
  EXPECT_TRUE(Contains(index, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(Contains(index, "break-before:page"));
  EXPECT_TRUE(Contains(index, "dòng 4, cột 7"));  // the bad date: line 4, column Ngày ra mắt
}

TEST_F(CheckReportTest, CleanUnitsAreListedAsSuch) {
  // The root unit without its planted problem: it has none in the fixture.
  fs::copy_file(fs::path(kFixture) / "content/tinh/models.csv", site_ / "content/tinh/models.csv",
                fs::copy_options::overwrite_existing);
  Check();
  std::string index = ReadAll(index_);
  std::set<std::string> units = UnitsWithProblems();
  for (const char* unit : kUnits) {
    if (units.count(unit)) continue;
    EXPECT_EQ(SectionOf(index, unit), "") << unit;
    EXPECT_FALSE(fs::exists(site_ / "kiem-tra" / (std::string(unit) + ".html"))) << unit;
  }
  size_t clean_rows = 0;
  for (size_t pos = 0; (pos = index.find("không có vấn đề</td>", pos)) != std::string::npos; ++pos)
    ++clean_rows;
  EXPECT_EQ(clean_rows, std::size(kUnits) + 1 - units.size());
  EXPECT_TRUE(
      Contains(index,
               "<tr class=\"clean\"><td>Ủy ban MTTQ tỉnh <span class=\"id\">(tinh)</span></td>"
               "<td colspan=\"3\">không có vấn đề</td></tr>"));
}

TEST_F(CheckReportTest, SameInputSameBytes) {
  Check();
  std::string first = ReadAll(index_);
  Diagnostics again;
  CheckOptions options;
  options.site_dir = site_.string();
  std::string index;
  CheckSite(options, again, &index);  // replaces the report it made before
  EXPECT_EQ(ReadAll(index), first);
}

TEST_F(CheckReportTest, BrokenSiteStillPublishesEveryUnitsGoodRows) {
  BuildOptions options;
  options.site_dir = site_.string();
  options.out_dir = (base_ / "output").string();
  options.jobs = 2;
  Diagnostics diags;
  ASSERT_EQ(BuildSite(options, diags, nullptr), 0);
  for (const char* model : {"tinh/tinh-vuon-cay-mau", "tinh/tinh-cho-phien", "xa-an/xa-an-dan-giau",
                            "xa-an/xa-an-anh-sang", "dtn-binh/dtn-binh-binh-yen",
                            "pn-an/pn-an-em-den-truong", "pn-an/bep-an-yeu-thuong"})
    EXPECT_TRUE(fs::is_regular_file(base_ / "output/mo-hinh" / model / "index.html")) << model;
  EXPECT_FALSE(fs::exists(base_ / "output/mo-hinh/pn-an/pn-an-cho-que"));
  // The check report is no part of the published site.
  Check();
  ASSERT_EQ(BuildSite(options, diags, nullptr), 0);
  for (const auto& e : fs::recursive_directory_iterator(base_ / "output")) {
    EXPECT_EQ(e.path().string().find("kiem-tra"), std::string::npos) << e.path();
    if (e.path().extension() == ".xml") EXPECT_FALSE(Contains(ReadAll(e.path()), "kiem-tra"));
  }
}

TEST_F(CheckReportTest, RefusesAFolderItDidNotMake) {
  fs::path dir = base_ / "thu-muc-rieng";
  fs::create_directories(dir);
  std::ofstream(dir / "precious.txt") << "keep me";
  CheckOptions options;
  options.site_dir = site_.string();
  options.report_dir = dir.string();
  std::string index;
  EXPECT_EQ(CheckSite(options, diags_, &index), 1);
  EXPECT_EQ(index, "");
  EXPECT_EQ(ReadAll(dir / "precious.txt"), "keep me");
  EXPECT_FALSE(fs::exists(dir / "index.html"));
  const Diagnostic* d = Find(Code::kOutputNotOurs, "");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(Contains(d->hint, "--report"));
}

TEST_F(CheckReportTest, CommandLinePrintsWhereTheReportIs) {
  fs::path out = base_ / "stdout.txt";
  std::string command = std::string(DVK_BINARY) + " check '" + site_.string() + "' > '" +
                        out.string() + "' 2> /dev/null";
  int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_TRUE(
      Contains(ReadAll(out), "Báo cáo kiểm tra: " + (site_ / "kiem-tra/index.html").string()));

  // A foreign folder: refused with exit status 1 and a message in Vietnamese.
  fs::create_directories(base_ / "la");
  std::ofstream(base_ / "la/x.txt") << "x";
  fs::path err = base_ / "stderr.txt";
  command = std::string(DVK_BINARY) + " check '" + site_.string() + "' --report '" +
            (base_ / "la").string() + "' > /dev/null 2> '" + err.string() + "'";
  status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_TRUE(Contains(ReadAll(err), "không do dvk tạo"));
}

}  // namespace
}  // namespace dvk
