#include "watch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace dvk {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

class SiteWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dvk-watch-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "content/xa-an/anh");
    fs::create_directories(dir_ / "data");
    std::ofstream(dir_ / "site.yaml") << "title: x\n";
    std::ofstream(dir_ / "content/xa-an/models.csv") << "a\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Whether `watcher` tells of a change within `within`, after `change` is made from another
  // thread a little after the wait began.
  static bool Told(SiteWatcher& watcher, const std::function<void()>& change,
                   milliseconds within = milliseconds(3000)) {
    auto until = std::chrono::steady_clock::now() + within;
    std::thread maker([&] {
      std::this_thread::sleep_for(milliseconds(50));
      change();
    });
    bool told = watcher.WaitForChange([&] { return std::chrono::steady_clock::now() > until; },
                                      milliseconds(50));
    maker.join();
    return told;
  }

  fs::path dir_;
};

TEST_F(SiteWatcherTest, TellsOfEditsAnywhereInTheSiteAndNotOfWhatABuildMakes) {
  SiteWatcher watcher(dir_.string() + "/");
  ASSERT_TRUE(watcher.notified());  // inotify on this machine
  // An edit in a unit's folder.
  EXPECT_TRUE(Told(watcher, [&] { std::ofstream(dir_ / "content/xa-an/models.csv") << "b\n"; }));
  // A picture in a subfolder.
  EXPECT_TRUE(Told(watcher, [&] { std::ofstream(dir_ / "content/xa-an/anh/1.jpg") << "j"; }));
  // A unit's folder copied in, then a file deep in it changed: the new folders are watched too.
  EXPECT_TRUE(Told(watcher, [&] {
    fs::create_directories(dir_ / "content/xa-binh/anh/2026");
    std::ofstream(dir_ / "content/xa-binh/models.csv") << "a\n";
  }));
  EXPECT_TRUE(
      Told(watcher, [&] { std::ofstream(dir_ / "content/xa-binh/anh/2026/a.jpg") << "j"; }));
  // An editor's save: written aside, renamed over.
  EXPECT_TRUE(Told(watcher, [&] {
    std::ofstream(dir_ / "data/tmp.csv") << "x";
    fs::rename(dir_ / "data/tmp.csv", dir_ / "site.yaml");
  }));
  // A file removed.
  EXPECT_TRUE(Told(watcher, [&] { fs::remove(dir_ / "content/xa-an/anh/1.jpg"); }));

  // What builds and checks write, and hidden folders, are not inputs.
  EXPECT_FALSE(Told(
      watcher,
      [&] {
        for (const char* made : {"output", "kiem-tra", ".dvk-cache/doc-don-vi", ".git"}) {
          fs::create_directories(dir_ / made);
          std::ofstream(dir_ / made / "index.html") << "x";
        }
        std::ofstream(dir_ / "content/xa-an/.models.csv.swp") << "x";
      },
      milliseconds(600)));
  // A folder named "output" inside a unit's folder is the unit's.
  EXPECT_TRUE(Told(watcher, [&] {
    fs::create_directories(dir_ / "content/xa-an/output");
    std::ofstream(dir_ / "content/xa-an/output/x.md") << "x";
  }));
}

TEST_F(SiteWatcherTest, WaitsForAChangeToSettleAndStopsWhenAsked) {
  SiteWatcher watcher(dir_.string());
  // Six writes 30 ms apart are one change, told after the last.
  auto start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_write;
  std::thread writer([&] {
    for (int i = 0; i < 6; ++i) {
      std::this_thread::sleep_for(milliseconds(30));
      std::ofstream(dir_ / "content/xa-an/models.csv", std::ios::app) << i;
      last_write = std::chrono::steady_clock::now();
    }
  });
  bool told = watcher.WaitForChange(
      [&] { return std::chrono::steady_clock::now() - start > milliseconds(3000); },
      milliseconds(100));
  auto told_at = std::chrono::steady_clock::now();
  writer.join();
  EXPECT_TRUE(told);
  EXPECT_GE(told_at - last_write, milliseconds(100));
  // Nothing pending now: asked to stop, it returns false.
  EXPECT_FALSE(watcher.WaitForChange([] { return true; }));
}

}  // namespace
}  // namespace dvk
