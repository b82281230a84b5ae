#include "base/file_system.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

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

// A file's first bytes, and the whole of it, from the disk; a folder or nothing gives nothing.
TEST(DiskFileSystemTest, ReadsTheHeadOrTheWholeFile) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dvk-fs-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string bytes(100000, 'x');
  std::ofstream((dir / "a.bin").string(), std::ios::binary) << bytes;
  DiskFileSystem disk;
  EXPECT_EQ(disk.ReadHead((dir / "a.bin").string(), 12), std::string(12, 'x'));
  EXPECT_EQ(disk.ReadHead((dir / "a.bin").string(), 200000), bytes);
  EXPECT_EQ(disk.ReadFile((dir / "a.bin").string()), bytes);
  EXPECT_FALSE(disk.ReadHead(dir.string(), 12));
  EXPECT_FALSE(disk.ReadFile((dir / "none").string()));
  fs::remove_all(dir);
}

TEST(JoinPathTest, Joins) {
  EXPECT_EQ(JoinPath(".", "a"), "a");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
}

}  // namespace
}  // namespace dvk
