#include "write/link_check.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dvk {
namespace {

namespace fs = std::filesystem;

TEST(LinkCheckTest, FindsBrokenAbsoluteAndEscapingLinks) {
  fs::path dir = fs::temp_directory_path() / ("dvk-links-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "a");
  std::ofstream(dir / "index.html")
      << "<a href=\"a/index.html\">ok</a><img src=\"a/x%20y.png\">"
         "<a href=\"https://example.org/\">ext</a><a href=\"#top\">t</a>";
  std::ofstream(dir / "a/x y.png") << "png";
  std::ofstream(dir / "a/index.html")
      << "<a href=\"../index.html#x\">up</a><a href=\"/abs.html\">abs</a>"
         "<a href=\"missing.html\">m</a><a href=\"../../out.html\">o</a>";
  std::vector<LinkProblem> p = CheckLinks(dir.string());
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].page, "a/index.html");
  EXPECT_EQ(p[0].url, "/abs.html");
  EXPECT_EQ(p[1].url, "missing.html");
  EXPECT_EQ(p[2].url, "../../out.html");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dvk
