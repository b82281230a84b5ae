// Tests of the page builders (render/views/): the small fixture site, sometimes changed in
// memory, built into memory; every figure checked on the page is worked out by hand here.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "render/views/view.h"
#include "site.h"
#include "test_util.h"
#include "write/sink.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

// The fixture's files by site-relative path, with `changes` over them ("" removes a file).
std::map<std::string, std::string> Files(const std::map<std::string, std::string>& changes = {}) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(kFixture))
    if (e.is_regular_file())
      files[fs::relative(e.path(), kFixture).generic_string()] = ReadAll(e.path());
  for (const auto& [path, bytes] : changes) {
    if (bytes.empty())
      files.erase(path);
    else
      files[path] = bytes;
  }
  return files;
}

// Builds the site into memory; the pages by output path.
std::map<std::string, std::string> Build(const std::map<std::string, std::string>& files) {
  MemoryFileSystem memory;
  for (const auto& [path, bytes] : files) memory.Add("site/" + path, bytes);
  BuildOptions options;
  options.site_dir = "site";
  options.jobs = 2;
  Diagnostics diags;
  Loaded loaded;
  EXPECT_EQ(Load(memory, options, diags, &loaded), kBuilt);
  MemorySink sink(&memory);
  EXPECT_TRUE(Build(memory, options, loaded, sink, diags, nullptr));
  return sink.files();
}

// The text of a page with tags taken out and blanks folded, to look for what a reader sees.
std::string Text(const std::string& html) {
  std::string out;
  bool tag = false, blank = false;
  for (char c : html) {
    if (c == '<') tag = true;
    if (!tag) {
      bool is_blank = c == ' ' || c == '\n' || c == '\t';
      if (is_blank && !blank) out += ' ';
      if (!is_blank) out += c;
      blank = is_blank;
    }
    if (c == '>') {
      tag = false;
      if (!blank) out += ' ';
      blank = true;
    }
  }
  return out;
}

class ViewsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pages_ = new std::map<std::string, std::string>(Build(Files())); }
  static void TearDownTestSuite() { delete pages_; }
  static std::string Page(const std::string& path) {
    auto it = pages_->find(path);
    EXPECT_NE(it, pages_->end()) << path;
    return it == pages_->end() ? "" : Text(it->second);
  }
  static std::map<std::string, std::string>* pages_;
};
std::map<std::string, std::string>* ViewsTest::pages_ = nullptr;

TEST_F(ViewsTest, ModelsOverEveryYearCountOnceOnUnitPages) {
  // tinh's one model, Vườn cây mẫu, has rows in 2025 and 2026 and is typical in 2026: one model,
  // one typical model, however many years.
  std::string tinh = Page("don-vi/tinh/index.html");
  EXPECT_TRUE(Contains(tinh, "Mô hình (mọi năm) 1 "));
  EXPECT_TRUE(Contains(tinh, "Mô hình tiêu biểu (mọi năm) 1 "));
  // Its yearly flows add up: 100 + 120 people, 300 + 335,5 triệu đồng.
  EXPECT_TRUE(Contains(tinh, "Lượt người tham gia (cộng các năm) 220 "));
  EXPECT_TRUE(Contains(tinh, "Kinh phí huy động (cộng các năm) 635,5 triệu đồng "));
}

TEST_F(ViewsTest, ListsOfUnitsShowTheSubtreeWithTheUnitsOwnBesideIt) {
  // 2026: xa-an's subtree (xa-an, nd-an, pn-an) meets 3+4+3 of 6+5+5 = 62,5%; xa-an alone 3 of 6.
  std::string index = Page("don-vi/index.html");
  EXPECT_TRUE(Contains(index,
                       "Ủy ban MTTQ xã An Phú Ủy ban MTTQ 62,5% Cả 3 đơn vị trên địa bàn "
                       "Riêng đơn vị: 50%"));
  // The root: 20 of 33 over the whole tree, 6 of 6 alone.
  EXPECT_TRUE(Contains(index, "60,6% Cả 6 đơn vị trên địa bàn Riêng đơn vị: 100%"));
  // On tinh's own page, its children the same way.
  std::string tinh = Page("don-vi/tinh/index.html");
  EXPECT_TRUE(Contains(tinh, "62,5% Cả 3 đơn vị trên địa bàn Riêng đơn vị: 50%"));
  // A leaf shows one figure.
  EXPECT_TRUE(Contains(index, "Hội Nông dân xã An Phú Hội Nông dân 80% 2 "));
}

TEST_F(ViewsTest, ComputedIndicatorsOfAUnitThatSentNoModelsAreNotReported) {
  // xa-binh sent nothing: "Tổ chức đăng ký" is not reported, never a 0 that is "Chưa đạt".
  std::string binh = Page("don-vi/xa-binh/index.html");
  EXPECT_TRUE(Contains(binh, "Đăng ký mô hình Chưa báo cáo — ≥ 1 mô hình"));
  EXPECT_FALSE(Contains(binh, "Đăng ký mô hình Chưa đạt"));
}

TEST_F(ViewsTest, EveryYearHasItsPagesAndTheYearBarSwitchesTheYearOfThePage) {
  ASSERT_TRUE(pages_->count("nam/2025/don-vi/tinh/index.html"));
  const std::string& html = pages_->at("nam/2025/don-vi/tinh/index.html");
  // From nam/2025/don-vi/tinh/ the 2026 link is tinh's page of 2026, the current one is 2025.
  EXPECT_TRUE(Contains(html, "<a href=\"../../../../don-vi/tinh/index.html\">2026</a>"));
  EXPECT_TRUE(Contains(html,
                       "<a href=\"../../../../nam/2025/don-vi/tinh/index.html\" "
                       "aria-current=\"page\">2025</a>"));
  // The period's dashboard closes the bar.
  EXPECT_TRUE(Contains(html, "giai-doan/index.html\" title=\"Cả giai đoạn 2025–2026\""));
  // Only one entry of the year bar is current on a page of one year.
  const std::string& unit2026 = pages_->at("don-vi/tinh/index.html");
  size_t bar = unit2026.find("class=\"year-list\"");
  std::string year_list = unit2026.substr(bar, unit2026.find("</ul>", bar) - bar);
  size_t current = 0;
  for (size_t at = 0; (at = year_list.find("aria-current", at)) != std::string::npos; ++at)
    ++current;
  EXPECT_EQ(current, 1u);
  EXPECT_TRUE(Contains(year_list, "index.html\" aria-current=\"page\">2026</a>"));
}

TEST_F(ViewsTest, ThePeriodDashboardCountsEachModelOnce) {
  // 2025–2026: 2 of 33 met in 2025 and 20 of 33 in 2026 = 22 of 66; eight distinct models.
  std::string period = Page("giai-doan/index.html");
  EXPECT_TRUE(Contains(period, "Hoàn thành chỉ tiêu 33,3% 22/66 lượt chỉ tiêu đạt"));
  EXPECT_TRUE(Contains(period, "Mô hình 8 mỗi mô hình tính một lần"));
  EXPECT_TRUE(Contains(period, "Mô hình tiêu biểu 3 "));
}

TEST(ViewsChangedSiteTest, AnIndicatorThatAppliesToNoUnitIsNotApplicable) {
  std::string indicators = ReadAll(fs::path(kFixture) / "data/indicators.csv");
  indicators += "cong-doan-rieng,Chỉ tiêu riêng của Công đoàn,count,1,Công đoàn,Thử\n";
  auto pages = Build(Files({{"data/indicators.csv", indicators}}));
  std::string home = Text(pages.at("index.html"));
  EXPECT_TRUE(Contains(home,
                       "Chỉ tiêu riêng của Công đoàn Không áp dụng Không đơn vị nào phải "
                       "thực hiện chỉ tiêu này."));
  EXPECT_FALSE(Contains(home, "0/0"));
  std::string page = Text(pages.at("chi-tieu/index.html"));
  EXPECT_TRUE(Contains(page,
                       "Không áp dụng Không đơn vị nào phải thực hiện chỉ tiêu này năm "
                       "2026."));
  EXPECT_FALSE(Contains(page, "Tất cả đơn vị phải thực hiện đã đạt chỉ tiêu này. Chỉ tiêu riêng"));
}

TEST(ViewsChangedSiteTest, ValuesAreShownAsReported) {
  std::string indicators = ReadAll(fs::path(kFixture) / "data/indicators.csv");
  indicators += "ty-le,Tỷ lệ hộ tham gia,percent,\"92,5\",,Thử\n";
  std::string results = ReadAll(fs::path(kFixture) / "content/tinh/results.csv");
  results += "2026,ty-le,\"92,49%\"\n";
  auto pages =
      Build(Files({{"data/indicators.csv", indicators}, {"content/tinh/results.csv", results}}));
  std::string tinh = Text(pages.at("don-vi/tinh/index.html"));
  // 92,49% against 92,5%: never "92,5%" read as met.
  EXPECT_TRUE(Contains(tinh, "Tỷ lệ hộ tham gia Chưa đạt 92,49% "));
  EXPECT_TRUE(Contains(tinh, "≥ 92,5%"));
}

TEST(ViewsChangedSiteTest, WorkdaysKeepTheirDecimals) {
  std::string models =
      "Mã mô hình,Năm,Tên mô hình,Lĩnh vực,Ngày công,TC1,TC2,TC3\n"
      "xa-an-cong,2026,Góp công làm đường,Kinh tế,\"120,5\",30,20,20\n";
  auto pages = Build(Files({{"content/xa-an/models.csv", models}}));
  std::string model = Text(pages.at("mo-hinh/xa-an/xa-an-cong/index.html"));
  EXPECT_TRUE(Contains(model, "Ngày công 120,5 "));
  std::string unit = Text(pages.at("don-vi/xa-an/index.html"));
  EXPECT_TRUE(Contains(unit, "Ngày công (cộng các năm) 120,5 "));
}

TEST(ViewsChangedSiteTest, TiesAreToldAsTies) {
  // Three communes, each meeting its only indicator: three tied at 100%, none "leading".
  std::map<std::string, std::string> files = {
      {"site.yaml", "title: Thử\nroot: tinh\nyear: 2026\n"},
      {"data/units.csv",
       "Mã đơn vị,Tên đơn vị,Đơn vị cấp trên,Loại đơn vị\ntinh,Tỉnh,,Ủy ban MTTQ\n"
       "xa-a,Xã A,tinh,Ủy ban MTTQ\nxa-b,Xã B,tinh,Ủy ban MTTQ\nxa-c,Xã C,tinh,Ủy ban MTTQ\n"
       "xa-d,Xã D,tinh,Ủy ban MTTQ\n"},
      {"data/fields.csv", "Mã,Tên\nkinh-te,Kinh tế\n"},
      {"data/indicators.csv", "Mã,Tên,Loại,Chỉ tiêu\nke-hoach,Kế hoạch,yesno,1\n"},
      {"data/criteria.csv", "Mã,Tên,Điểm tối đa\nTC1,Một,100\n"},
      {"content/xa-a/results.csv", "Năm,Chỉ tiêu,Kết quả\n2026,ke-hoach,có\n"},
      {"content/xa-b/results.csv", "Năm,Chỉ tiêu,Kết quả\n2026,ke-hoach,có\n"},
      {"content/xa-c/results.csv", "Năm,Chỉ tiêu,Kết quả\n2026,ke-hoach,có\n"},
      {"content/xa-d/results.csv", "Năm,Chỉ tiêu,Kết quả\n2026,ke-hoach,không\n"}};
  auto pages = Build(files);
  std::string home = Text(pages.at("index.html"));
  EXPECT_TRUE(Contains(home, "Ủy ban MTTQ (4 đơn vị) 3 đơn vị cùng đạt 100% "));
  EXPECT_TRUE(Contains(home, "Hạng 1 Xã A 100% Hạng 1 Xã B 100% Hạng 1 Xã C 100% "));
  EXPECT_FALSE(Contains(home, "Xã D"));  // only the tied leaders
  std::string rankings = Text(pages.at("xep-hang/index.html"));
  EXPECT_TRUE(Contains(rankings, "Hạng 1 Xã C 100% Hạng 4 Xã D 0%"));
}

TEST(ViewsChangedSiteTest, DeepTreesAndLongListsKeepPagesSmall) {
  // A chain of ten units under the province, the last with 130 models of 2026.
  std::string units = Files()["data/units.csv"];
  std::string parent = "dtn-binh";
  for (int i = 1; i <= 10; ++i) {
    std::string id = "chi-doan-" + std::to_string(i);
    units += id + ",Chi đoàn số " + std::to_string(i) + "," + parent + ",Đoàn Thanh niên,\n";
    parent = id;
  }
  std::string models = "Mã mô hình,Năm,Tên mô hình,Lĩnh vực\n";
  for (int i = 101; i <= 230; ++i)  // shown in the order of their names: 101 … 230
    models += "MH-" + std::to_string(i) + ",2026,Mô hình số " + std::to_string(i) + ",Kinh tế\n";
  auto pages =
      Build(Files({{"data/units.csv", units}, {"content/chi-doan-10/models.csv", models}}));

  // The root, the count of levels between, and the three nearest levels above.
  std::string deepest = Text(pages["don-vi/chi-doan-10/index.html"]);
  EXPECT_TRUE(Contains(deepest,
                       "Ủy ban MTTQ tỉnh … 8 cấp Chi đoàn số 7 Chi đoàn số 8 Chi đoàn số 9 "
                       "Chi đoàn số 10"))
      << deepest.substr(0, 600);
  EXPECT_FALSE(Contains(deepest, "Chi đoàn số 6 "));
  // A unit near the root shows its whole chain.
  EXPECT_TRUE(Contains(Text(pages["don-vi/chi-doan-1/index.html"]),
                       "Ủy ban MTTQ tỉnh Ủy ban MTTQ xã Bình Minh Đoàn Thanh niên xã Bình Minh "
                       "Chi đoàn số 1"));

  // 130 models, 60 to a page: three pages; the first has the figures, the others the rest.
  EXPECT_TRUE(Contains(deepest, "Mô hình năm 2026 (130)"));
  EXPECT_TRUE(Contains(deepest, "Hoàn thành chỉ tiêu năm 2026"));
  EXPECT_TRUE(Contains(deepest, "Mô hình số 160 "));
  EXPECT_FALSE(Contains(deepest, "Mô hình số 161 "));
  std::string third = Text(pages["don-vi/chi-doan-10/trang-3.html"]);
  EXPECT_TRUE(Contains(third, "Mô hình số 221 "));
  EXPECT_TRUE(Contains(third, "Mô hình số 230 "));
  EXPECT_FALSE(Contains(third, "Mô hình số 220 "));
  EXPECT_FALSE(Contains(third, "Hoàn thành chỉ tiêu năm 2026"));
  EXPECT_EQ(pages.count("don-vi/chi-doan-10/trang-4.html"), 0u);
  EXPECT_EQ(pages.count("don-vi/chi-doan-9/trang-2.html"), 0u);
}

}  // namespace
}  // namespace dvk
