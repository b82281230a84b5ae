#include "write/output.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "test_util.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

class OutputTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("dvk-out-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(base_);
    fs::create_directories(base_);
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_;
};

TEST_F(OutputTreeTest, NothingAppearsBeforeCommit) {
  std::string error;
  {
    OutputTree out;
    ASSERT_TRUE(out.Begin((base_ / "site").string(), &error)) << error;
    ASSERT_TRUE(out.Write("a/index.html", "x", &error)) << error;
    EXPECT_FALSE(fs::exists(base_ / "site"));
  }  // abandoned: the staging folder goes
  EXPECT_TRUE(fs::is_empty(base_));
}

TEST_F(OutputTreeTest, CommitSwapsAndMarks) {
  std::string error;
  {
    OutputTree out;
    ASSERT_TRUE(out.Begin((base_ / "site").string(), &error));
    ASSERT_TRUE(out.Write("old.html", "old", &error));
    ASSERT_TRUE(out.Commit(&error)) << error;
  }
  OutputTree out;
  ASSERT_TRUE(out.Begin((base_ / "site").string(), &error)) << error;
  ASSERT_TRUE(out.Write("new.html", "new", &error));
  EXPECT_EQ(ReadAll(base_ / "site/old.html"), "old");  // untouched until commit
  ASSERT_TRUE(out.Commit(&error)) << error;
  EXPECT_FALSE(fs::exists(base_ / "site/old.html"));
  EXPECT_EQ(ReadAll(base_ / "site/new.html"), "new");
  EXPECT_TRUE(fs::exists(base_ / "site" / kOutputMarker));
  // Only the output folder is left beside it.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(base_))
    entries += e.path().filename() == "site" ? 0 : 1;
  EXPECT_EQ(entries, 0);
}

// ext2/3/4's flags of a folder (chattr's), or nullopt where the file system has none.
std::optional<int> FolderFlags(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  int flags = 0;
  bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  ::close(fd);
  return ok ? std::optional<int>(flags) : std::nullopt;
}

TEST_F(OutputTreeTest, TheOutputAndItsFirstFoldersAskExt4ToSpreadTheirSubfolders) {
  std::string error;
  OutputTree out;
  ASSERT_TRUE(out.Begin((base_ / "site").string(), &error)) << error;
  ASSERT_TRUE(out.Write("mo-hinh/xa-a/mh-01/index.html", "x", &error)) << error;
  ASSERT_TRUE(out.Write("index.html", "x", &error)) << error;
  ASSERT_TRUE(out.Commit(&error)) << error;
  std::optional<int> root = FolderFlags(base_ / "site");
  if (!root || !(*root & FS_TOPDIR_FL))
    GTEST_SKIP() << "the file system of " << base_ << " has no top-directory flag";
  EXPECT_TRUE(*FolderFlags(base_ / "site/mo-hinh") & FS_TOPDIR_FL);
  // Deeper folders are placed beside their parent, as usual.
  EXPECT_FALSE(*FolderFlags(base_ / "site/mo-hinh/xa-a") & FS_TOPDIR_FL);
  EXPECT_FALSE(*FolderFlags(base_ / "site/mo-hinh/xa-a/mh-01") & FS_TOPDIR_FL);
}

TEST_F(OutputTreeTest, RefusesAForeignFolderAndCleansKilledBuilds) {
  fs::create_directories(base_ / "docs");
  std::ofstream(base_ / "docs/report.docx") << "keep";
  std::string error;
  OutputTree out;
  EXPECT_FALSE(out.Begin((base_ / "docs").string(), &error));
  EXPECT_EQ(ReadAll(base_ / "docs/report.docx"), "keep");
  // A staging folder left by a killed build (it carries the marker) is removed by the next build.
  fs::create_directories(base_ / ".site.dvk-tmp-99999");
  std::ofstream(base_ / ".site.dvk-tmp-99999" / kOutputMarker) << "dvk";
  OutputTree next;
  ASSERT_TRUE(next.Begin((base_ / "site").string(), &error)) << error;
  EXPECT_FALSE(fs::exists(base_ / ".site.dvk-tmp-99999"));
}

// The pid of a process that has ended (so its staging folder is a leftover).
std::string DeadPid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return std::to_string(pid);
}

TEST_F(OutputTreeTest, CleansOnlyWhatKilledBuildsLeft) {
  const std::string empty = ".site.dvk-tmp-" + DeadPid(), marked = ".site.dvk-tmp-" + DeadPid(),
                    foreign = ".site.dvk-tmp-" + DeadPid();
  // Killed before the marker was written: an empty staging folder. Killed half-way through
  // removing an old output: the marker is removed last, so it is still there.
  fs::create_directories(base_ / empty);
  fs::create_directories(base_ / marked / "mo-hinh");
  std::ofstream(base_ / marked / kOutputMarker) << "dvk";
  // Not ours: no marker and not empty, or a name that only looks like ours.
  fs::create_directories(base_ / foreign);
  std::ofstream(base_ / foreign / "notes.txt") << "keep";
  fs::create_directories(base_ / ".site.dvk-tmp-abc");
  // The staging folder of a build still at work (our parent process is alive).
  std::string live = ".site.dvk-tmp-" + std::to_string(getppid());
  fs::create_directories(base_ / live);
  std::ofstream(base_ / live / kOutputMarker) << "dvk";

  std::string error;
  OutputTree out;
  ASSERT_TRUE(out.Begin((base_ / "site").string(), &error)) << error;
  EXPECT_FALSE(fs::exists(base_ / empty));
  EXPECT_FALSE(fs::exists(base_ / marked));
  EXPECT_EQ(ReadAll(base_ / foreign / "notes.txt"), "keep");
  EXPECT_TRUE(fs::exists(base_ / ".site.dvk-tmp-abc"));
  EXPECT_TRUE(fs::exists(base_ / live / kOutputMarker));
}

// The marker's lines with each file's path and size only ("index.html 2"): the hash after the
// size is checked by RebuildTest (site_test.cc), which rebuilds on it.
std::string MarkerLines(const std::string& marker) {
  std::istringstream in(marker);
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.rfind("\t+\t", 0) == 0) line = "\t+";  // the list's digest left out
    size_t tab = line.find('\t');
    out += tab == std::string::npos
               ? line
               : line.substr(0, tab) + " " + line.substr(tab + 1, line.find(' ', tab) - tab - 1);
    out += "\n";
  }
  return out;
}

TEST_F(OutputTreeTest, HandAddedFilesAreCarriedAndAPageInTheirPlaceIsAConflict) {
  std::string error;
  {
    OutputTree first;
    ASSERT_TRUE(first.Begin((base_ / "site").string(), &error));
    ASSERT_TRUE(first.Write("index.html", "v1", &error));
    ASSERT_TRUE(first.Write("a/page.html", "v1", &error));
    ASSERT_TRUE(first.Commit(&error)) << error;
  }
  // The marker lists what dvk wrote, then the hand-added files it carried (none yet), marked "+".
  EXPECT_EQ(MarkerLines(ReadAll(base_ / "site" / kOutputMarker)),
            "dvk\na/page.html 2\nindex.html 2\n +\n");
  std::ofstream(base_ / "site/.htaccess") << "Options -Indexes";
  fs::create_directories(base_ / "site/lien-he");
  std::ofstream(base_ / "site/lien-he/index.html") << "contact";
  std::ofstream(base_ / "site/a/extra.pdf") << "pdf";

  OutputTree second;
  ASSERT_TRUE(second.Begin((base_ / "site").string(), &error));
  ASSERT_TRUE(second.Write("index.html", "v2", &error));
  ASSERT_TRUE(second.Write("lien-he/index.html", "a page of the build", &error));
  OutputTree::CarryOver carried;
  ASSERT_TRUE(second.CarryHandAddedFiles(&carried, &error)) << error;
  EXPECT_EQ(carried.carried, (std::vector<std::string>{".htaccess", "a/extra.pdf"}));
  EXPECT_EQ(carried.conflicts, (std::vector<std::string>{"lien-he/index.html"}));
  ASSERT_TRUE(second.Commit(&error)) << error;
  EXPECT_EQ(ReadAll(base_ / "site/.htaccess"), "Options -Indexes");
  EXPECT_EQ(ReadAll(base_ / "site/a/extra.pdf"), "pdf");
  EXPECT_FALSE(fs::exists(base_ / "site/a/page.html"));  // dvk's, not made again
  EXPECT_EQ(MarkerLines(ReadAll(base_ / "site" / kOutputMarker)),
            "dvk\nindex.html 2\nlien-he/index.html 19\n.htaccess +\na/extra.pdf +\n +\n");
}

TEST_F(OutputTreeTest, ThePreviousOutputIsRemovedInTheBackground) {
  std::string error;
  for (int i = 0; i < 2; ++i) {
    OutputTree out;
    ASSERT_TRUE(out.Begin((base_ / "site").string(), &error));
    for (int f = 0; f < 200; ++f)
      ASSERT_TRUE(out.Write("p/" + std::to_string(f) + "/index.html", "x", &error));
    ASSERT_TRUE(out.Commit(&error, /*background=*/true)) << error;
  }
  EXPECT_TRUE(fs::exists(base_ / "site/p/199/index.html"));
  // The old tree goes on its own; wait for it (a removal never takes seconds here).
  int left = 1;
  for (int tries = 0; tries < 200 && left > 0; ++tries) {
    left = 0;
    for (const auto& e : fs::directory_iterator(base_))
      left += e.path().filename() == "site" ? 0 : 1;
    if (left > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(left, 0);
}

// With the spare on, the output a commit replaces is kept beside it, and the next build is made
// in it: what it already holds is left alone, what differs is linked from the output or written
// (never through a file the output shares), what the build no longer makes goes with its folder,
// and the output is untouched until the swap.
TEST_F(OutputTreeTest, ABuildMadeInTheSpareEqualsABuildFromNothing) {
  std::string error;
  const fs::path site = base_ / "site", spare = base_ / ".site.dvk-spare";
  auto build = [&](const std::map<std::string, std::string>& files, int* written, int* kept,
                   const std::function<void()>& before_commit = {}) {
    OutputTree out;
    out.set_spare(true);
    ASSERT_TRUE(out.Begin(site.string(), &error)) << error;
    for (const auto& [rel, bytes] : files) ASSERT_TRUE(out.Write(rel, bytes, &error)) << error;
    OutputTree::CarryOver carried;
    ASSERT_TRUE(out.CarryHandAddedFiles(&carried, &error)) << error;
    if (before_commit) before_commit();
    ASSERT_TRUE(out.Commit(&error)) << error;
    *written = out.files_written();
    *kept = out.files_kept();
  };
  int written = 0, kept = 0;
  build({{"a/x.html", "1"}, {"b/y.html", "1"}, {"c/z.html", "1"}}, &written, &kept);
  EXPECT_FALSE(fs::exists(spare));  // nothing was replaced
  build({{"a/x.html", "1"}, {"b/y.html", "2"}, {"c/z.html", "1"}, {"d/w.html", "2"}}, &written,
        &kept);
  EXPECT_EQ(written, 2);
  ASSERT_TRUE(fs::exists(spare / "c/z.html"));  // the first output, kept as the spare
  std::ofstream(site / "hand.txt") << "by hand";

  // Made in the spare (the first output): a/x.html is there already, b/y.html and d/w.html
  // come from the output, c/ is no longer made, hand.txt is carried.
  build({{"a/x.html", "1"}, {"b/y.html", "2"}, {"d/w.html", "2"}}, &written, &kept, [&] {
    EXPECT_FALSE(fs::exists(spare));             // taken by this build
    EXPECT_EQ(ReadAll(site / "c/z.html"), "1");  // the output as it was
  });
  EXPECT_EQ(written, 0);
  EXPECT_EQ(kept, 3);
  EXPECT_EQ(ReadAll(site / "a/x.html"), "1");
  EXPECT_EQ(ReadAll(site / "b/y.html"), "2");
  EXPECT_EQ(ReadAll(site / "d/w.html"), "2");
  EXPECT_EQ(ReadAll(site / "hand.txt"), "by hand");
  EXPECT_FALSE(fs::exists(site / "c"));
  EXPECT_EQ(MarkerLines(ReadAll(site / kOutputMarker)),
            "dvk\na/x.html 1\nb/y.html 1\nd/w.html 1\nhand.txt +\n +\n");

  // Made in the second output, which has a file c/z.html where a folder is wanted now.
  const std::map<std::string, std::string> folder = {
      {"a/x.html", "1"}, {"b/y.html", "2"}, {"d/w.html", "2"}, {"c/z.html/e.html", "6"}};
  build(folder, &written, &kept);
  EXPECT_EQ(written, 1);
  EXPECT_EQ(ReadAll(site / "c/z.html/e.html"), "6");
  // Nothing changed: nothing written, the marker is the output's own again.
  build(folder, &written, &kept);
  EXPECT_EQ(written, 0);
  // A file the spare shares with the output is replaced, not written through: the output keeps
  // its bytes until the swap.
  std::map<std::string, std::string> changed = folder;
  changed["a/x.html"] = "5";
  build(changed, &written, &kept, [&] { EXPECT_EQ(ReadAll(site / "a/x.html"), "1"); });
  EXPECT_EQ(written, 1);
  EXPECT_EQ(ReadAll(site / "a/x.html"), "5");
  EXPECT_EQ(ReadAll(spare / "a/x.html"), "1");
  for (const fs::path& tree : {site, spare})
    for (const auto& e : fs::recursive_directory_iterator(tree))
      EXPECT_EQ(e.path().filename().string().find(".dvk-output."), std::string::npos) << e.path();
  // A spare someone changed by hand is not trusted: the file comes from the output again.
  // (A pause past the file system's clock tick, as any edit by a person is.)
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::ofstream(spare / "b/y.html", std::ios::trunc) << "9";  // same size, later time
  build(changed, &written, &kept);
  EXPECT_EQ(ReadAll(site / "b/y.html"), "2");
  // The output deleted: the spare goes too, and the build starts from nothing.
  fs::remove_all(site);
  build(changed, &written, &kept, [&] { EXPECT_FALSE(fs::exists(spare)); });
  EXPECT_EQ(written, 4);
  EXPECT_FALSE(fs::exists(spare));
}

// A build reads only the folders changed since the marker was written, and the hand-added files
// the marker lists; a hand-added file is found however it came, even into a folder whose time was
// set back (its status-change time cannot be), and a file put into the spare by hand goes.
TEST_F(OutputTreeTest, HandAddedFilesAreFoundWithoutReadingEveryFolder) {
  std::string error;
  const fs::path site = base_ / "site", spare = base_ / ".site.dvk-spare";
  const std::vector<std::string> pages = {"a/1/index.html", "a/2/index.html", "b/index.html"};
  auto build = [&](std::vector<std::string>* carried) {
    OutputTree out;
    out.set_spare(true);
    ASSERT_TRUE(out.Begin(site.string(), &error)) << error;
    for (const std::string& rel : pages) ASSERT_TRUE(out.Write(rel, rel, &error)) << error;
    OutputTree::CarryOver result;
    ASSERT_TRUE(out.CarryHandAddedFiles(&result, &error)) << error;
    ASSERT_TRUE(out.Commit(&error)) << error;
    *carried = result.carried;
  };
  std::vector<std::string> carried;
  build(&carried);
  build(&carried);
  ASSERT_TRUE(fs::exists(spare));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // past the clock's tick
  std::ofstream(site / "a/1/ghi-chu.txt") << "note";
  fs::create_directories(site / "b/tai-lieu/2026");
  std::ofstream(site / "b/tai-lieu/2026/bao-cao.pdf") << "pdf";
  // A copy that keeps times (cp -p, rsync -a) sets the folder's modification time back.
  std::ofstream(site / "a/2/anh.jpg") << "jpg";
  fs::last_write_time(site / "a/2", fs::file_time_type::clock::now() - std::chrono::hours(24));
  std::ofstream(spare / "a/1/rac.html") << "put into the spare by hand";
  build(&carried);
  EXPECT_EQ(carried, (std::vector<std::string>{"a/1/ghi-chu.txt", "a/2/anh.jpg",
                                               "b/tai-lieu/2026/bao-cao.pdf"}));
  EXPECT_FALSE(fs::exists(site / "a/1/rac.html"));
  // Carried again by the builds after, from the marker's list, with nothing changed around them.
  build(&carried);
  build(&carried);
  EXPECT_EQ(carried.size(), 3u);
  EXPECT_EQ(ReadAll(site / "b/tai-lieu/2026/bao-cao.pdf"), "pdf");
  // One removed by hand is no longer carried.
  fs::remove(site / "a/1/ghi-chu.txt");
  build(&carried);
  EXPECT_EQ(carried, (std::vector<std::string>{"a/2/anh.jpg", "b/tai-lieu/2026/bao-cao.pdf"}));
  build(&carried);
  EXPECT_FALSE(fs::exists(site / "a/1/ghi-chu.txt"));
  EXPECT_FALSE(fs::exists(spare / "a/1/rac.html"));
  // A marker changed by hand (a page taken off its list) is not trusted to tell what is whose:
  // every folder is read, and the page is someone's.
  std::string marker = ReadAll(site / kOutputMarker);
  size_t at = marker.find("\na/2/index.html\t");
  ASSERT_NE(at, std::string::npos);
  marker.erase(at + 1, marker.find('\n', at + 1) - at);
  std::ofstream(site / kOutputMarker, std::ios::trunc) << marker;
  OutputTree out;
  ASSERT_TRUE(out.Begin(site.string(), &error)) << error;
  ASSERT_TRUE(out.Write("a/1/index.html", "a/1/index.html", &error));
  OutputTree::CarryOver result;
  ASSERT_TRUE(out.CarryHandAddedFiles(&result, &error)) << error;
  EXPECT_EQ(result.carried, (std::vector<std::string>{"a/2/anh.jpg", "a/2/index.html",
                                                      "b/tai-lieu/2026/bao-cao.pdf"}));
}

// What LookAhead saw of the output and its spare is taken only while their markers are the ones
// it read: another build that swapped in between makes Begin look again.
TEST_F(OutputTreeTest, WhatLookAheadSawIsTakenOnlyWhileTheMarkersAreTheSame) {
  std::string error;
  const fs::path site = base_ / "site";
  auto build = [&](const std::map<std::string, std::string>& files,
                   const std::function<void()>& between = {}) {
    OutputTree out;
    out.set_spare(true);
    out.LookAhead(site.string());
    if (between) between();
    ASSERT_TRUE(out.Begin(site.string(), &error)) << error;
    for (const auto& [rel, bytes] : files) ASSERT_TRUE(out.Write(rel, bytes, &error)) << error;
    OutputTree::CarryOver carried;
    ASSERT_TRUE(out.CarryHandAddedFiles(&carried, &error)) << error;
    ASSERT_TRUE(out.Commit(&error)) << error;
  };
  auto files = [&] {
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(site))
      if (e.is_regular_file() && e.path().filename() != kOutputMarker)
        found.push_back(fs::relative(e.path(), site).generic_string());
    std::sort(found.begin(), found.end());
    return found;
  };
  build({{"a.html", "1"}, {"b/b.html", "1"}, {"c/c.html", "1"}});
  build({{"a.html", "1"}, {"b/b.html", "2"}, {"d/d.html", "1"}});
  // Seen as it is: made in the spare (the first output).
  build({{"a.html", "1"}, {"e/e.html", "1"}});
  EXPECT_EQ(files(), (std::vector<std::string>{"a.html", "e/e.html"}));
  // Another build swaps in after the look: both markers changed, and the spare holds d/ now.
  build({{"a.html", "1"}, {"f/f.html", "1"}}, [&] {
    build({{"a.html", "1"}, {"b/b.html", "3"}, {"d/d.html", "1"}, {"g/g.html", "1"}});
  });
  EXPECT_EQ(files(), (std::vector<std::string>{"a.html", "f/f.html"}));
  EXPECT_EQ(MarkerLines(ReadAll(site / kOutputMarker)), "dvk\na.html 1\nf/f.html 1\n +\n");
}

}  // namespace
}  // namespace dvk
