// The command line as a clerk meets it: every exit status of SPEC section 6, each with the
// Vietnamese message that says what to do, and nothing written when the command line is wrong.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_util.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs the dvk binary with `args` (already quoted for the shell).
Outcome Dvk(const std::string& args) {
  std::string command = std::string(DVK_BINARY) + " " + args + " 2>&1";
  Outcome run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.output.append(buffer.data(), n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string Quote(const fs::path& p) { return "'" + p.string() + "'"; }

// A copy of the small fixture in a temporary folder, removed after the test.
class CommandLineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dvk-cli-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    site_ = dir_ / "site";
    fs::copy(kFixture, site_, fs::copy_options::recursive);
    fs::remove_all(site_ / "kiem-tra");
    fs::remove_all(site_ / "output");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_, site_;
};

TEST_F(CommandLineTest, ABuildThatPublishesExitsZeroAndSaysWhatItMadeInVietnamese) {
  Outcome run = Dvk("build " + Quote(site_) + " -o " + Quote(dir_ / "out"));
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_TRUE(Contains(run.output, "Đã tạo ")) << run.output;
  EXPECT_TRUE(Contains(run.output, " mô hình; ")) << run.output;
  EXPECT_TRUE(fs::is_regular_file(dir_ / "out" / "index.html"));
}

TEST_F(CommandLineTest, StrictWithAnErrorPublishesNothingAndExitsOne) {
  // A count that is not a number: an error for that cell, the rest of the site still builds.
  fs::path results = site_ / "content" / "nd-an" / "results.csv";
  ASSERT_TRUE(fs::exists(results));
  std::string text = ReadAll(results);
  size_t last_comma = text.rfind(',', text.find_last_not_of("\r\n"));
  ASSERT_NE(last_comma, std::string::npos);
  text.replace(last_comma + 1, text.find_first_of("\r\n", last_comma) - last_comma - 1, "nhiều");
  std::ofstream(results, std::ios::trunc) << text;

  Outcome lenient = Dvk("build " + Quote(site_) + " -o " + Quote(dir_ / "out"));
  EXPECT_EQ(lenient.status, 0) << lenient.output;
  EXPECT_TRUE(Contains(lenient.output, "“nhiều”")) << lenient.output;
  Outcome strict = Dvk("build " + Quote(site_) + " --strict -o " + Quote(dir_ / "strict"));
  EXPECT_EQ(strict.status, 1) << strict.output;
  EXPECT_TRUE(Contains(strict.output, "Không xuất bản được")) << strict.output;
  EXPECT_FALSE(fs::exists(dir_ / "strict"));
  Outcome check = Dvk("check " + Quote(site_) + " --report " + Quote(dir_ / "report"));
  EXPECT_EQ(check.status, 1) << check.output;
}

TEST_F(CommandLineTest, AFolderWithoutSiteYamlIsABadCommandLine) {
  fs::path empty = dir_ / "trong";
  fs::create_directories(empty);
  for (const std::string& command : {"build", "check"}) {
    Outcome run = Dvk(command + " " + Quote(empty));
    EXPECT_EQ(run.status, 2) << run.output;
    EXPECT_TRUE(Contains(run.output, empty.string() + ": lỗi: Không phải thư mục trang"))
        << run.output;
    EXPECT_TRUE(Contains(run.output, "site.yaml")) << run.output;
    EXPECT_TRUE(Contains(run.output, "dvk " + command + " --help")) << run.output;
  }
  EXPECT_TRUE(fs::is_empty(empty));  // neither output/ nor kiem-tra/ made
  Outcome missing = Dvk("build " + Quote(dir_ / "khong-co"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(Contains(missing.output, "không có thư mục này")) << missing.output;
  Outcome file = Dvk("build " + Quote(site_ / "site.yaml"));
  EXPECT_EQ(file.status, 2);
  EXPECT_TRUE(Contains(file.output, "đây là một tệp")) << file.output;
}

TEST_F(CommandLineTest, AnOutputInsideTheInputsIsABadCommandLine) {
  for (const std::string& input : {"content", "data"}) {
    fs::path out = site_ / input / "ket-qua";
    Outcome run = Dvk("build " + Quote(site_) + " -o " + Quote(out));
    EXPECT_EQ(run.status, 2) << run.output;
    EXPECT_TRUE(Contains(run.output, "nằm trong thư mục " + input + "/")) << run.output;
    EXPECT_FALSE(fs::exists(out));
  }
  // The same folder reached through "..": still inside content/.
  Outcome dotted = Dvk("build " + Quote(site_) + " -o " + Quote(site_ / "data" / ".." / "content"));
  EXPECT_EQ(dotted.status, 2) << dotted.output;
  // Beside the inputs is fine.
  Outcome beside = Dvk("build " + Quote(site_) + " -o " + Quote(site_ / "ket-qua"));
  EXPECT_EQ(beside.status, 0) << beside.output;
}

TEST_F(CommandLineTest, AYearOutsideThePeriodAndTheDataIsABadCommandLine) {
  // The fixture's period is 2025–2026.
  Outcome far = Dvk("build " + Quote(site_) + " --year 1999 -o " + Quote(dir_ / "out"));
  EXPECT_EQ(far.status, 2) << far.output;
  EXPECT_TRUE(Contains(far.output, "Năm 1999 nằm ngoài giai đoạn 2025–2026")) << far.output;
  EXPECT_TRUE(Contains(far.output, "2025, 2026")) << far.output;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
  Outcome in_period = Dvk("build " + Quote(site_) + " --year 2025 -o " + Quote(dir_ / "out"));
  EXPECT_EQ(in_period.status, 0) << in_period.output;
}

TEST_F(CommandLineTest, TheParserSpeaksVietnamese) {
  struct Case {
    std::string args, says;
  } cases[] = {
      {"", "Cách dùng: dvk"},
      {"xay-dung", "không hiểu lệnh “xay-dung”; các lệnh: build, check, pdf, serve, new"},
      {"build --khong-co", "không hiểu “--khong-co”"},
      {"build --jobs 0", "--jobs: cần số nguyên từ 1 đến 256, không phải “0”"},
      {"build --jobs nhieu", "không phải “nhieu”"},
      {"build --year", "--year cần một giá trị"},
      {"new", "thiếu lệnh (unit, model)"},
      {"new unit", "thiếu ID (Mã đơn vị"},
  };
  for (const Case& c : cases) {
    Outcome run = Dvk(c.args);
    EXPECT_EQ(run.status, 2) << c.args << "\n" << run.output;
    EXPECT_TRUE(Contains(run.output, c.says)) << c.args;
    // Nothing of the parser's English gets through.
    for (const char* english : {"Usage", "required", "expected", "OPTIONS", "Outcome with"})
      EXPECT_FALSE(Contains(run.output, english)) << c.args << ": " << english;
  }
  Outcome help = Dvk("build --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_TRUE(Contains(help.output, "Cách dùng: dvk build [TÙY_CHỌN] [SITE]")) << help.output;
  EXPECT_TRUE(Contains(help.output, "--strict")) << help.output;
  EXPECT_FALSE(Contains(help.output, "Options")) << help.output;
}

TEST_F(CommandLineTest, VersionAndLinksFolder) {
  Outcome version = Dvk("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.output.rfind("dvk ", 0), 0u) << version.output;
  EXPECT_GT(version.output.size(), 6u);
  Outcome links = Dvk("check --links " + Quote(dir_ / "khong-co"));
  EXPECT_EQ(links.status, 2) << links.output;
  EXPECT_TRUE(Contains(links.output, "Không có thư mục này")) << links.output;
  ASSERT_EQ(Dvk("build " + Quote(site_) + " -o " + Quote(dir_ / "out")).status, 0);
  Outcome good = Dvk("check --links " + Quote(dir_ / "out"));
  EXPECT_EQ(good.status, 0) << good.output;
  EXPECT_TRUE(Contains(good.output, "0 liên kết hỏng")) << good.output;
}

}  // namespace
}  // namespace dvk
