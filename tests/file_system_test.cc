#include "base/file_system.h"

#include <gtest/gtest.h>

namespace dvk {
namespace {

TEST(MemoryFileSystemTest, ListsFoldersAndFilesSorted) {
  MemoryFileSystem fs;
  fs.Add("site/content/b/models.csv", "x");
  fs.Add("site/content/a/results.csv", "y");
  fs.Add("site/content/readme.md", "z");
  std::vector<DirEntry> entries = fs.ListDir("site/content");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "a");
  EXPECT_TRUE(entries[0].is_dir);
  EXPECT_EQ(entries[1].name, "b");
  EXPECT_EQ(entries[2].name, "readme.md");
  EXPECT_FALSE(entries[2].is_dir);
  EXPECT_EQ(fs.ReadFile("site/content/./a/../a/results.csv").value_or(""), "y");
  EXPECT_FALSE(fs.ReadFile("site/content/c.csv").has_value());
  EXPECT_EQ(fs.RealPath("site/content/a/../b/models.csv").value_or(""),
            "/site/content/b/models.csv");
}

TEST(JoinPathTest, Joins) {
  EXPECT_EQ(JoinPath(".", "a"), "a");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
}

}  // namespace
}  // namespace dvk
