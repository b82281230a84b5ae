// End to end: the bundled example site builds into a temporary folder; every page kind exists and
// every internal link and image resolves.
#include "site.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include "test_util.h"
#include "write/cache.h"
#include "write/link_check.h"
#include "write/output.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

class ExampleSiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = fs::temp_directory_path() / ("dvk-example-" + std::to_string(getpid()));
    fs::remove_all(out_);
    BuildOptions options;
    options.site_dir = DVK_SOURCE_DIR;
    options.out_dir = out_.string();
    options.jobs = 2;
    status_ = BuildSite(options, diags_, &stats_);
  }
  static void TearDownTestSuite() { fs::remove_all(out_); }

  static fs::path out_;
  static int status_;
  static Diagnostics diags_;
  static BuildStats stats_;
};

fs::path ExampleSiteTest::out_;
int ExampleSiteTest::status_ = -1;
Diagnostics ExampleSiteTest::diags_;
BuildStats ExampleSiteTest::stats_;

TEST_F(ExampleSiteTest, BuildsWithoutErrors) {
  ASSERT_EQ(status_, 0);
  // The example is clean data: no row is left out.
  for (const Diagnostic& d : diags_.all())
    EXPECT_NE(d.severity, Severity::kError) << FormatDiagnostic(d);
  EXPECT_GE(stats_.models, 400);
  EXPECT_GE(stats_.units, 124 + 6);
}

TEST_F(ExampleSiteTest, EveryPageKindExists) {
  ASSERT_EQ(status_, 0);
  for (const char* page : {// The configured year (2026) at the root, every other year under
                           // nam/<year>/, the period on its own.
                           "index.html",
                           "nam/2025/index.html",
                           "giai-doan/index.html",
                           "nam/2025/linh-vuc/kinh-te/index.html",
                           "nam/2025/don-vi/xa-son-duong/index.html",
                           "nam/2025/don-vi/index.html",
                           "nam/2025/chi-tieu/index.html",
                           "nam/2025/xep-hang/index.html",
                           "chi-tieu/giam-sat/index.html",
                           "xep-hang/nhom-6/index.html",
                           "linh-vuc/kinh-te/index.html",
                           "linh-vuc/van-hoa-xa-hoi/index.html",
                           "linh-vuc/quoc-phong-an-ninh/index.html",
                           "linh-vuc/xay-dung-dang/index.html",
                           "don-vi/index.html",
                           "don-vi/mttq-tinh/index.html",
                           "don-vi/xa-son-duong/index.html",
                           "mo-hinh/xa-son-duong/xa-son-duong-2026-hien-dat-lam-duong/index.html",
                           "tieu-bieu/index.html",
                           "chi-tieu/index.html",
                           "xep-hang/index.html",
                           "404.html",
                           "assets/css/site.css",
                           "assets/js/site.js",
                           "trang/gioi-thieu/index.html"}) {
    EXPECT_TRUE(fs::is_regular_file(out_ / page)) << page;
  }
  // No page for the configured year under nam/: its pages are at the root.
  EXPECT_FALSE(fs::exists(out_ / "nam/2026"));
}

TEST_F(ExampleSiteTest, EveryInternalLinkAndImageResolves) {
  ASSERT_EQ(status_, 0);
  std::vector<LinkProblem> problems = CheckLinks(out_.string());
  for (const LinkProblem& p : problems)
    ADD_FAILURE() << p.page << ": " << p.url << ": " << p.reason;
  EXPECT_TRUE(problems.empty());
}

TEST_F(ExampleSiteTest, ModelPageShowsWriteUpPhotosAndChart) {
  ASSERT_EQ(status_, 0);
  std::string html =
      ReadAll(out_ / "mo-hinh/xa-son-duong/xa-son-duong-2026-hien-dat-lam-duong/index.html");
  EXPECT_NE(html.find("<html lang=\"vi\""), std::string::npos);
  EXPECT_NE(html.find("Thực trạng"), std::string::npos);
  EXPECT_NE(html.find("../../anh/xa-son-duong/images/xa-son-duong-2026-hien-dat-lam-duong-2.png"),
            std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("dvk-root:"), std::string::npos);
  EXPECT_EQ(html.find("href=\"/"), std::string::npos);
}

TEST_F(ExampleSiteTest, NotFoundPageLinksThroughTheBaseUrl) {
  ASSERT_EQ(status_, 0);
  // 404.html is served at any depth, so its links cannot be relative.
  std::string html = ReadAll(out_ / "404.html");
  EXPECT_NE(html.find("href=\"https://example.gov.vn/dan-van-kheo/index.html\""),
            std::string::npos);
  EXPECT_EQ(html.find("href=\"index.html"), std::string::npos);
  // Self-contained: its style inline, no style sheet, script or picture to load from elsewhere.
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

TEST_F(ExampleSiteTest, NumbersAreInVietnameseFormat) {
  ASSERT_EQ(status_, 0);
  std::string html = ReadAll(out_ / "index.html");
  // Visible text only: CSS widths inside attributes legitimately use a dot.
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') in_tag = false;
  }
  EXPECT_EQ(text.find("NaN"), std::string::npos);
  int percents = 0;
  for (size_t pos = 0; (pos = text.find('%', pos)) != std::string::npos; ++pos) {
    ++percents;
    if (pos >= 3 && isdigit(static_cast<unsigned char>(text[pos - 1])) && text[pos - 2] == '.' &&
        isdigit(static_cast<unsigned char>(text[pos - 3])))
      ADD_FAILURE() << "English decimal point before %: " << text.substr(pos - 10, 12);
  }
  EXPECT_GT(percents, 5);
  EXPECT_NE(text.find(","), std::string::npos);
}

TEST_F(ExampleSiteTest, SecondBuildReplacesTheFirstAndKeepsHandAddedFiles) {
  ASSERT_EQ(status_, 0);
  // A page the first build wrote (its marker lists it) that the second does not make, and a file
  // someone put in the output by hand.
  std::ofstream(out_ / "old-page.html") << "old";
  std::ofstream(out_ / kOutputMarker, std::ios::app) << "old-page.html\n";
  std::ofstream(out_ / "lien-he.html") << "contact";
  BuildOptions options;
  options.site_dir = DVK_SOURCE_DIR;
  options.out_dir = out_.string();
  options.jobs = 1;
  Diagnostics diags;
  ASSERT_EQ(BuildSite(options, diags, nullptr), 0);
  EXPECT_FALSE(fs::exists(out_ / "old-page.html"));
  EXPECT_TRUE(fs::is_regular_file(out_ / "index.html"));
  EXPECT_EQ(ReadAll(out_ / "lien-he.html"), "contact");
  int carried = 0;
  for (const Diagnostic& d : diags.all()) {
    if (d.code != Code::kOutputCarriedOver) continue;
    ++carried;
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_TRUE(Contains(d.message, "lien-he.html")) << d.message;
    EXPECT_TRUE(Contains(d.hint, "static/")) << d.hint;
  }
  EXPECT_EQ(carried, 1);
  // The third build carries it again, still as a file dvk did not make.
  Diagnostics again;
  ASSERT_EQ(BuildSite(options, again, nullptr), 0);
  EXPECT_EQ(ReadAll(out_ / "lien-he.html"), "contact");
  EXPECT_EQ(again.Count(Severity::kWarning), diags.Count(Severity::kWarning));
  fs::remove(out_ / "lien-he.html");  // the other tests see the example's output only
}

TEST_F(ExampleSiteTest, AHandAddedFileWherePageGoesStopsTheBuild) {
  ASSERT_EQ(status_, 0);
  fs::path index = out_ / "tieu-bieu" / "index.html";
  std::string before = ReadAll(index);
  // Someone replaced a page's file by their own, then took it off the marker's list.
  std::ofstream(index) << "my own showcase";
  const std::string original = ReadAll(out_ / kOutputMarker);
  std::string marker = original;
  size_t at = marker.find("\ntieu-bieu/index.html\t");
  ASSERT_NE(at, std::string::npos);
  marker.erase(at + 1, marker.find('\n', at + 1) - at);
  std::ofstream(out_ / kOutputMarker, std::ios::trunc) << marker;
  BuildOptions options;
  options.site_dir = DVK_SOURCE_DIR;
  options.out_dir = out_.string();
  options.jobs = 1;
  Diagnostics diags;
  EXPECT_EQ(BuildSite(options, diags, nullptr), 1);
  EXPECT_EQ(ReadAll(index), "my own showcase");  // nothing published, nothing lost
  bool conflict = false;
  for (const Diagnostic& d : diags.all())
    conflict |=
        d.code == Code::kOutputHandFileConflict && Contains(d.message, "tieu-bieu/index.html");
  EXPECT_TRUE(conflict);
  std::ofstream(index, std::ios::trunc) << before;  // as it was, for the other tests
  std::ofstream(out_ / kOutputMarker, std::ios::trunc) << original;
}

TEST(BuildSiteTest, RefusesAFolderItDidNotMake) {
  fs::path dir = fs::temp_directory_path() / ("dvk-foreign-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "precious.txt") << "keep me";
  BuildOptions options;
  options.site_dir = DVK_SOURCE_DIR;
  options.out_dir = dir.string();
  Diagnostics diags;
  EXPECT_EQ(BuildSite(options, diags, nullptr), 1);
  EXPECT_EQ(ReadAll(dir / "precious.txt"), "keep me");
  bool reported = false;
  for (const Diagnostic& d : diags.all()) reported |= d.code == Code::kOutputNotOurs;
  EXPECT_TRUE(reported);
  fs::remove_all(dir);
}

TEST(BuildSiteTest, StaticFolderIsCopiedAsIsAndCannotTakeAPagesPlace) {
  fs::path dir = fs::temp_directory_path() / ("dvk-static-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::path site = dir / "site";
  fs::create_directories(dir);
  fs::copy(kFixture, site, fs::copy_options::recursive);
  fs::remove_all(site / "kiem-tra");
  fs::create_directories(site / "static" / "lien-he");
  fs::create_directories(site / "static" / "tai-lieu");
  const std::string htaccess = "ErrorDocument 404 /404.html\n";
  const std::string contact = "<!doctype html><p>Liên hệ: 0203 3825 000</p>\r\n";
  static const char kPdfBytes[] = "%PDF-1.4\n\0\x01\xff binary";
  const std::string pdf(kPdfBytes, sizeof kPdfBytes - 1);
  std::ofstream(site / "static" / ".htaccess") << htaccess;
  std::ofstream(site / "static" / "lien-he" / "index.html") << contact;
  std::ofstream(site / "static" / "tai-lieu" / "ke-hoach.pdf", std::ios::binary) << pdf;
  // A file where dvk writes the home page.
  std::ofstream(site / "static" / "index.html") << "not the home page";

  BuildOptions options;
  options.site_dir = site.string();
  options.out_dir = (dir / "out").string();
  Diagnostics diags;
  ASSERT_EQ(BuildSite(options, diags, nullptr), 0);
  EXPECT_EQ(ReadAll(dir / "out" / ".htaccess"), htaccess);
  EXPECT_EQ(ReadAll(dir / "out" / "lien-he" / "index.html"), contact);
  EXPECT_EQ(ReadAll(dir / "out" / "tai-lieu" / "ke-hoach.pdf"), pdf);
  EXPECT_TRUE(Contains(ReadAll(dir / "out" / "index.html"), "<!doctype html>"));
  EXPECT_FALSE(Contains(ReadAll(dir / "out" / "index.html"), "not the home page"));
  int collisions = 0;
  for (const Diagnostic& d : diags.all()) {
    if (d.code != Code::kOutputCollision) continue;
    ++collisions;
    EXPECT_EQ(d.severity, Severity::kError);
    EXPECT_TRUE(Contains(d.message, "index.html")) << d.message;
    EXPECT_TRUE(Contains(d.message, "static/")) << d.message;
  }
  EXPECT_EQ(collisions, 1);
  // Copied files are dvk's: a second build replaces them without a carried-over warning.
  Diagnostics again;
  ASSERT_EQ(BuildSite(options, again, nullptr), 0);
  for (const Diagnostic& d : again.all()) EXPECT_NE(d.code, Code::kOutputCarriedOver) << d.file;
  fs::remove_all(dir);
}

// Every file of a folder by relative path, with its bytes.
std::map<std::string, std::string> TreeOf(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).generic_string()] = ReadAll(e.path());
  return files;
}

// Every file of a folder by relative path, with its modification time (ns): a file kept from the
// previous output (or the spare the build starts from) keeps its time, a file written anew gets
// the time of its writing. (Inodes cannot tell: a file replaced in the spare frees its inode,
// which the new file often gets back.)
std::map<std::string, long long> TimesOf(const fs::path& dir) {
  std::map<std::string, long long> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st {};
    if (e.is_regular_file() && ::stat(e.path().c_str(), &st) == 0)
      out[fs::relative(e.path(), dir).generic_string()] =
          st.st_mtim.tv_sec * 1'000'000'000LL + st.st_mtim.tv_nsec;
  }
  return out;
}

class RebuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dvk-rebuild-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    site_ = dir_ / "site";
    fs::copy(kFixture, site_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The fixture's build options: output into `out` under the test's folder (none when empty), with
  // or without the build cache, two threads.
  BuildOptions Options(const std::string& out, bool cache) const {
    BuildOptions options;
    options.site_dir = site_.string();
    if (!out.empty()) options.out_dir = (dir_ / out).string();
    if (cache) options.cache_dir = (site_ / ".dvk-cache").string();
    options.jobs = 2;
    return options;
  }

  // Builds into out/ and returns the files written anew (those modified during the build; a file
  // kept from the previous output or from the spare the build starts from is older), checking
  // that they are exactly the files whose bytes changed, and that the stats count them.
  std::set<std::string> Rebuild(bool cache = true, bool exact = true,
                                BuildStats* stats_out = nullptr) {
    std::map<std::string, std::string> before_bytes;
    std::map<std::string, long long> before;
    if (fs::exists(dir_ / "out"))
      before_bytes = TreeOf(dir_ / "out"), before = TimesOf(dir_ / "out");
    // A file made now, after a pause longer than the file system's clock tick: every file the
    // build writes is at least as recent, every file it keeps older.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::ofstream(dir_ / "now") << "";
    struct stat now {};
    ::stat((dir_ / "now").c_str(), &now);
    const long long start = now.st_mtim.tv_sec * 1'000'000'000LL + now.st_mtim.tv_nsec;
    BuildOptions options = Options("out", cache);
    Diagnostics diags;
    BuildStats stats;
    EXPECT_EQ(BuildSite(options, diags, &stats), 0);
    std::map<std::string, std::string> after_bytes = TreeOf(dir_ / "out");
    std::map<std::string, long long> after = TimesOf(dir_ / "out");
    std::set<std::string> written, changed;
    for (const auto& [path, time] : after) {
      if (path == kOutputMarker) continue;
      if (time >= start) written.insert(path);
      auto old_bytes = before_bytes.find(path);
      if (old_bytes == before_bytes.end() || old_bytes->second != after_bytes[path])
        changed.insert(path);
    }
    if (cache && exact) EXPECT_EQ(written, changed);
    for (const std::string& f : changed) EXPECT_EQ(written.count(f), 1u) << f;
    EXPECT_EQ(stats.files_written, static_cast<int>(written.size()));
    EXPECT_EQ(stats.files_kept + stats.files_written, static_cast<int>(after.size()) - 1);
    after_bytes.erase(kOutputMarker);
    last_tree_ = std::move(after_bytes);
    if (stats_out) *stats_out = stats;
    marker_kept_ = before.count(kOutputMarker) && before[kOutputMarker] == after[kOutputMarker];
    return written;
  }

  // The site built afresh elsewhere, without the cache or a previous output: what every
  // rebuild must equal.
  std::map<std::string, std::string> Uncached() {
    fs::remove_all(dir_ / "fresh");
    BuildOptions options = Options("fresh", /*cache=*/false);
    Diagnostics diags;
    EXPECT_EQ(BuildSite(options, diags, nullptr), 0);
    std::map<std::string, std::string> tree = TreeOf(dir_ / "fresh");
    tree.erase(kOutputMarker);
    return tree;
  }

  void Edit(const std::string& rel, const std::string& from, const std::string& to) {
    std::string text = ReadAll(site_ / rel);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << rel << ": " << from;
    text.replace(at, from.size(), to);
    std::ofstream(site_ / rel, std::ios::binary | std::ios::trunc) << text;
  }

  fs::path dir_, site_;
  std::map<std::string, std::string> last_tree_;
  bool marker_kept_ = false;
};

TEST_F(RebuildTest, WritesExactlyTheFilesThatChange) {
  std::set<std::string> first = Rebuild();
  EXPECT_GT(first.size(), 50u);
  std::map<std::string, std::string> fresh = last_tree_;

  // Nothing changed: no file written, not even the marker, and no job run.
  BuildStats same;
  EXPECT_EQ(Rebuild(/*cache=*/true, /*exact=*/true, &same), std::set<std::string>{});
  EXPECT_TRUE(marker_kept_);
  EXPECT_EQ(same.jobs_made, 0);

  // A sentence added to a write-up: its model page and what quotes the body, nothing else; only
  // the jobs that show the body run (its page, the printed compendium of each year).
  Edit("content/tinh/vuon-cay-mau.md", "\n# Cách làm", "\nMột câu mới thêm vào bài.\n\n# Cách làm");
  BuildStats body;
  std::set<std::string> writeup = Rebuild(/*cache=*/true, /*exact=*/true, &body);
  EXPECT_FALSE(writeup.empty());
  EXPECT_LT(writeup.size(), first.size() / 4);
  EXPECT_FALSE(marker_kept_);
  EXPECT_GE(body.jobs_made, static_cast<int>(writeup.size()));
  EXPECT_LE(body.jobs_made, 4);
  EXPECT_EQ(last_tree_, Uncached());
  // Its front matter (the summary that lists, cards and search show): every job runs again.
  Edit("content/tinh/vuon-cay-mau.md", "summary: Mỗi hộ", "summary: Từ năm 2025, mỗi hộ");
  BuildStats front;
  std::set<std::string> title = Rebuild(/*cache=*/true, /*exact=*/true, &front);
  EXPECT_GT(title.size(), writeup.size());
  EXPECT_EQ(front.jobs_made, front.files);
  EXPECT_EQ(last_tree_, Uncached());

  // A figure in one row of a unit's models table.
  Edit("content/xa-an/models.csv", ";1.250;", ";1.300;");
  std::set<std::string> row = Rebuild();
  EXPECT_FALSE(row.empty());
  EXPECT_LT(row.size(), first.size() / 2);
  EXPECT_EQ(last_tree_, Uncached());

  // A target of the indicator catalogue changes every unit's figures: many pages, not all files.
  Edit("data/indicators.csv", "giam-sat,Số cuộc giám sát,count,2,",
       "giam-sat,Số cuộc giám sát,count,3,");
  std::set<std::string> catalogue = Rebuild();
  EXPECT_GT(catalogue.size(), row.size());
  EXPECT_LT(catalogue.size(), first.size());
  EXPECT_EQ(last_tree_, Uncached());

  // A theme file the site overrides: that file alone.
  fs::create_directories(site_ / "themes/default/static/js");
  std::ofstream(site_ / "themes/default/static/js/tim.js")
      << ReadAll(fs::path(DVK_SOURCE_DIR) / "themes/default/static/js/tim.js") << "\n// sửa\n";
  std::set<std::string> theme = Rebuild();
  EXPECT_EQ(theme.size(), 1u);
  EXPECT_EQ(last_tree_, Uncached());

  // Without the cache every file is written, with the same bytes.
  std::map<std::string, std::string> cached = last_tree_;
  EXPECT_EQ(Rebuild(/*cache=*/false).size(), cached.size());
  for (const auto& [path, bytes] : cached) EXPECT_EQ(last_tree_[path], bytes) << path;
  EXPECT_EQ(last_tree_.size(), cached.size());

  // The cache deleted, the output kept: nothing to make, the same bytes. (The build without the
  // cache above kept no keys: one build with it first.)
  Rebuild();
  fs::remove_all(site_ / ".dvk-cache");
  BuildStats kept_stats;
  Rebuild(/*cache=*/true, /*exact=*/true, &kept_stats);
  EXPECT_EQ(last_tree_, cached);
  EXPECT_EQ(kept_stats.jobs_made, 0);
  // The output deleted too: every image made again, the same bytes.
  fs::remove_all(dir_ / "out");
  BuildStats fresh_stats;
  Rebuild(/*cache=*/true, /*exact=*/true, &fresh_stats);
  EXPECT_EQ(last_tree_, cached);
  EXPECT_GT(fresh_stats.images_made, 3);
  EXPECT_EQ(fresh_stats.images_reused, 0);
  // A cache entry edited, one cut short and one emptied are made again, never published: the
  // bytes are those of the build without the cache, and only those three images are made. So are
  // the units' readings kept there (doc-don-vi/), one edited, one cut short: read again.
  // And the search index's list of files (ke-hoach-tim-kiem/), edited: made again.
  std::vector<fs::path> entries, reads, plans;
  for (const auto& e : fs::recursive_directory_iterator(site_ / ".dvk-cache")) {
    if (!e.is_regular_file() || e.path().filename() == BuildCache::kSweptMarker) continue;
    const std::string path = e.path().string();
    if (path.find("/doc-don-vi/") != std::string::npos)
      reads.push_back(e.path());
    else if (path.find("/ke-hoach-tim-kiem/") != std::string::npos)
      plans.push_back(e.path());
    else
      entries.push_back(e.path());
  }
  ASSERT_EQ(plans.size(), 1u);
  {
    std::string bytes = ReadAll(plans[0]);
    bytes[bytes.size() / 2] ^= 0x01;
    std::ofstream(plans[0], std::ios::binary | std::ios::trunc) << bytes;
  }
  std::sort(entries.begin(), entries.end());
  ASSERT_EQ(entries.size(), static_cast<size_t>(fresh_stats.images_made));
  ASSERT_GE(reads.size(), 2u);
  {
    std::string bytes = ReadAll(reads[0]);
    bytes[bytes.size() / 3] ^= 0x21;
    std::ofstream(reads[0], std::ios::binary | std::ios::trunc) << bytes;
    bytes = ReadAll(reads[1]);
    std::ofstream(reads[1], std::ios::binary | std::ios::trunc)
        << bytes.substr(0, bytes.size() - 9);
  }
  {
    std::string bytes = ReadAll(entries[0]);
    bytes[bytes.size() / 2] ^= 0x5a;
    std::ofstream(entries[0], std::ios::binary | std::ios::trunc) << bytes;
    bytes = ReadAll(entries[1]);
    std::ofstream(entries[1], std::ios::binary | std::ios::trunc)
        << bytes.substr(0, bytes.size() / 2);
    std::ofstream(entries[2], std::ios::binary | std::ios::trunc);
  }
  fs::remove_all(dir_ / "out");
  BuildStats mended_stats;
  Rebuild(/*cache=*/true, /*exact=*/true, &mended_stats);
  EXPECT_EQ(last_tree_, cached);
  EXPECT_EQ(mended_stats.images_made, 3);
  EXPECT_EQ(mended_stats.images_reused, fresh_stats.images_made - 3);

  // A marker whose lines lie (a hash that is not the file's, a key no job has) only costs a
  // rewrite. A line: path, tab, size and hash, tab, key.
  std::string marker = ReadAll(dir_ / "out" / kOutputMarker);
  size_t start = marker.find("\nindex.html\t");
  ASSERT_NE(start, std::string::npos);
  size_t key_tab = marker.find('\t', marker.find('\t', start) + 1);
  size_t end = marker.find('\n', start + 1);
  ASSERT_LT(key_tab, end);
  marker.replace(key_tab - 4, 4, "0000");
  marker.replace(end - 4, 4, "0000");
  std::ofstream(dir_ / "out" / kOutputMarker, std::ios::binary | std::ios::trunc) << marker;
  std::set<std::string> lied = Rebuild(/*cache=*/true, /*exact=*/false);
  EXPECT_EQ(lied.count("index.html"), 1u);
  EXPECT_EQ(last_tree_, cached);
  // So does a page edited by hand in the output: it is written again, not kept.
  std::ofstream(dir_ / "out" / "index.html", std::ios::app) << "<!-- sửa tay -->";
  std::set<std::string> hand = Rebuild(/*cache=*/true, /*exact=*/false);
  EXPECT_EQ(hand.count("index.html"), 1u);
  EXPECT_EQ(last_tree_, cached);
  // The output deleted, the cache whole: the search index is planned from the cache and built
  // when its files are made; every file as before.
  fs::remove_all(dir_ / "out");
  Rebuild();
  EXPECT_EQ(last_tree_, cached);
}

// The preview server's rebuilds: in memory, a job whose key is unchanged takes its file from the
// last good build instead of running, and the files equal those of a build from nothing.
// Entries of the build cache that no build asked for in 30 days go, with the temporary files of a
// build killed more than a day ago; an entry a build asks for is used again and stays.
TEST_F(RebuildTest, CacheEntriesUnusedForThirtyDaysGo) {
  const fs::path cache = site_ / ".dvk-cache";
  fs::remove_all(cache);  // only this build's entries
  Rebuild();
  std::vector<fs::path> cards;
  for (const auto& e : fs::recursive_directory_iterator(cache / "the-chia-se"))
    if (e.is_regular_file()) cards.push_back(e.path());
  ASSERT_GE(cards.size(), 2u);
  auto age = [](const fs::path& path, int days) {
    struct timespec times[2] = {{std::time(nullptr) - days * 86400L, 0},
                                {std::time(nullptr) - days * 86400L, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0) << path;
  };
  // A card of an older state of the data, one made four weeks ago, a killed build's leftover.
  const fs::path old_card = cache / "the-chia-se/00/00aa.png";
  const fs::path recent_card = cache / "the-chia-se/00/00bb.png";
  const fs::path leftover = cache / "the-chia-se/00/00cc.png.tmp-1-2";
  fs::create_directories(old_card.parent_path());
  for (const fs::path& p : {old_card, recent_card, leftover}) std::ofstream(p) << "card";
  age(old_card, 31);
  age(recent_card, 28);
  age(leftover, 2);
  for (const fs::path& card : cards) age(card, 40);
  // The first build swept less than an hour ago: the next one does not walk the cache again.
  const fs::path swept = cache / std::string(BuildCache::kSweptMarker);
  ASSERT_TRUE(fs::exists(swept));
  Rebuild();
  EXPECT_TRUE(fs::exists(old_card));
  EXPECT_TRUE(fs::exists(leftover));
  for (const fs::path& card : cards) age(card, 40);
  // An hour later: the output deleted, every card is asked for again, taken from the cache, and
  // stays; what went unused goes.
  auto an_hour_ago = [&] {
    struct timespec times[2] = {{std::time(nullptr) - BuildCache::kSweepEverySeconds - 60, 0},
                                {std::time(nullptr) - BuildCache::kSweepEverySeconds - 60, 0}};
    ASSERT_EQ(::utimensat(AT_FDCWD, swept.c_str(), times, 0), 0);
  };
  an_hour_ago();
  fs::remove_all(dir_ / "out");
  BuildStats stats;
  Rebuild(/*cache=*/true, /*exact=*/true, &stats);
  EXPECT_EQ(stats.images_made, 0);
  EXPECT_GT(stats.images_reused, 1);
  EXPECT_FALSE(fs::exists(old_card));
  EXPECT_TRUE(fs::exists(recent_card));
  EXPECT_FALSE(fs::exists(leftover));
  for (const fs::path& card : cards) EXPECT_TRUE(fs::exists(card)) << card;
  // Nothing changed: every output is carried over, no card is asked for, and those unused for
  // 40 days go; the output keeps them.
  std::map<std::string, std::string> before = last_tree_;
  for (const fs::path& card : cards) age(card, 40);
  an_hour_ago();
  BuildStats carried;
  Rebuild(/*cache=*/true, /*exact=*/true, &carried);
  EXPECT_EQ(carried.jobs_made, 0);
  EXPECT_EQ(last_tree_, before);
  for (const fs::path& card : cards) EXPECT_FALSE(fs::exists(card)) << card;
}

TEST_F(RebuildTest, InMemoryRebuildsRunOnlyTheJobsWhoseKeyChanged) {
  DiskFileSystem disk;
  BuildOptions options = Options("", /*cache=*/true);
  using Files = MemorySink::Files;
  using Keys = MemorySink::Keys;
  auto build = [&](std::shared_ptr<const Files> files, std::shared_ptr<const Keys> keys,
                   BuildStats* stats) {
    Diagnostics diags;
    Loaded loaded;
    EXPECT_EQ(Load(disk, options, diags, &loaded), kBuilt);
    MemorySink sink(&disk);
    sink.SetPrevious(std::move(files), std::move(keys));
    EXPECT_TRUE(Build(disk, options, loaded, sink, diags, stats));
    auto bytes = sink.files();
    return std::make_tuple(std::make_shared<const Files>(sink.TakeFiles()),
                           std::make_shared<const Keys>(sink.TakeKeys()), bytes);
  };
  BuildStats first_stats, same_stats, body_stats, fresh_stats;
  auto first = build(nullptr, nullptr, &first_stats);
  EXPECT_EQ(first_stats.jobs_made, first_stats.files);
  EXPECT_EQ(std::get<1>(first)->size(), std::get<0>(first)->size());  // every file has its key

  auto same = build(std::get<0>(first), std::get<1>(first), &same_stats);
  EXPECT_EQ(same_stats.jobs_made, 0);
  EXPECT_EQ(std::get<2>(same), std::get<2>(first));
  // A file kept is the previous build's, not a copy of it.
  for (const auto& [rel, bytes] : *std::get<0>(same))
    EXPECT_EQ(bytes.get(), std::get<0>(first)->at(rel).get()) << rel;

  Edit("content/tinh/vuon-cay-mau.md", "\n# Cách làm", "\nMột câu mới thêm vào bài.\n\n# Cách làm");
  auto body = build(std::get<0>(same), std::get<1>(same), &body_stats);
  EXPECT_GE(body_stats.jobs_made, 1);
  EXPECT_LE(body_stats.jobs_made, 4);
  auto fresh = build(nullptr, nullptr, &fresh_stats);
  EXPECT_EQ(std::get<2>(body), std::get<2>(fresh));
  EXPECT_NE(std::get<2>(body), std::get<2>(first));
}

TEST_F(RebuildTest, UnitsKeptInMemoryAreTakenOnlyWhileTheirFilesAreTheSame) {
  DiskFileSystem disk;
  BuildOptions options = Options("", /*cache=*/true);
  UnitReadMemo memo;
  options.unit_memo = &memo;
  const fs::path reads = site_ / ".dvk-cache/doc-don-vi";
  auto build = [&] {
    Diagnostics diags;
    Loaded loaded;
    EXPECT_EQ(Load(disk, options, diags, &loaded), kBuilt);
    MemorySink sink(&disk);
    BuildStats stats;
    EXPECT_TRUE(Build(disk, options, loaded, sink, diags, &stats));
    std::vector<std::string> messages;
    for (const Diagnostic& d : diags.Sorted()) messages.push_back(FormatDiagnostic(d));
    return std::make_pair(sink.files(), messages);
  };
  auto readings = [&] {
    size_t count = 0;
    if (fs::exists(reads))
      for (const auto& e : fs::recursive_directory_iterator(reads)) count += e.is_regular_file();
    return count;
  };
  auto first = build();
  ASSERT_GE(readings(), 2u);
  // The cache's readings gone: every unit is still in memory, and none is read again.
  fs::remove_all(reads);
  auto same = build();
  EXPECT_EQ(readings(), 0u);
  EXPECT_EQ(same, first);
  // One write-up edited: its unit alone is read again, and the pages show the edit.
  Edit("content/tinh/vuon-cay-mau.md", "summary: Mỗi hộ", "summary: Từ năm 2025, mỗi hộ");
  auto edited = build();
  EXPECT_EQ(readings(), 1u);
  EXPECT_NE(edited, first);
  options.unit_memo = nullptr;
  fs::remove_all(site_ / ".dvk-cache");
  EXPECT_EQ(edited, build());
}

TEST(BuildSiteTest, SameInputSameBytesWhateverTheThreads) {
  const std::string sites[] = {DVK_SOURCE_DIR,
                               std::string(DVK_SOURCE_DIR) + "/tests/fixtures/hostile"};
  for (const std::string& site : sites) {
    SCOPED_TRACE(site);
    std::map<std::string, std::string> first;
    int n = 0;
    for (int jobs : {1, 4, 3}) {
      fs::path out = fs::temp_directory_path() /
                     ("dvk-determinism-" + std::to_string(getpid()) + "-" + std::to_string(jobs));
      fs::remove_all(out);
      BuildOptions options;
      options.site_dir = site;
      options.out_dir = out.string();
      options.jobs = jobs;
      Diagnostics diags;
      ASSERT_EQ(BuildSite(options, diags, nullptr), 0);
      std::map<std::string, std::string> tree = TreeOf(out);
      fs::remove_all(out);
      if (n++ == 0) {
        first = std::move(tree);
        EXPECT_GT(first.size(), 10u);
        continue;
      }
      ASSERT_EQ(tree.size(), first.size()) << "jobs " << jobs;
      for (const auto& [path, bytes] : first) {
        auto it = tree.find(path);
        ASSERT_NE(it, tree.end()) << path << " missing with --jobs " << jobs;
        EXPECT_TRUE(it->second == bytes) << path << " differs between --jobs 1 and --jobs " << jobs;
      }
    }
  }
}

}  // namespace
}  // namespace dvk
