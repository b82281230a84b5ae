#include "read/unit_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "read/site_reader.h"
#include "read/stamp.h"
#include "site.h"
#include "test_util.h"
#include "write/sink.h"

namespace dvk {
namespace {

namespace fs = std::filesystem;

// A store in memory that counts what it gave back.
class MemoryStore : public UnitReadStore {
 public:
  std::optional<std::string> Get(const std::string& key) const override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    ++hits_;
    return it->second;
  }
  void Put(const std::string& key, std::string_view bytes) const override {
    std::lock_guard<std::mutex> lock(mu_);
    entries_[key] = std::string(bytes);
  }
  int hits() const { return hits_; }
  size_t size() const { return entries_.size(); }
  std::map<std::string, std::string>& entries() { return entries_; }

 private:
  mutable std::mutex mu_;
  mutable std::map<std::string, std::string> entries_;
  mutable int hits_ = 0;
};

// Everything read from the units of a site, with every diagnostic (all of its fields), as bytes:
// two readings are the same when these are.
std::string AllOf(const Site& site, const Diagnostics& diags) {
  UnitRead all;
  all.models = site.models;
  all.results = site.results;
  all.files = site.files_to_copy;
  for (const Diagnostic& d : diags.all()) all.diags.Add(d);
  std::string bytes = SerializeUnitRead(all);
  for (const Submission& s : site.submissions) {
    bytes += s.models_file ? "M" : "m";
    bytes += s.results_file ? "R" : "r";
    for (int y : s.dropped_model_years) bytes += std::to_string(y) + ",";
  }
  return bytes;
}

class UnitCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dvk-unit-cache-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // The small site: five units with tables, a write-up with pictures.
    fs::copy(kFixture, dir_, fs::copy_options::recursive);
    fs::remove_all(dir_ / ".dvk-cache");
    // And what units get wrong, so their readings carry diagnostics: a write-up of a model the
    // table does not have, one with a key no one knows and a date that does not exist.
    std::ofstream(dir_ / "content/xa-an/khong-co.md") << "---\nmodel: MH-99\n---\nBài.\n";
    const fs::path writeup = dir_ / "content/tinh/vuon-cay-mau.md";
    std::string text = ReadAll(writeup);
    text.replace(text.find("---\n"), 4, "---\ntac gia chinh: Ai đó\nngay: 31/02/2026\n");
    std::ofstream(writeup, std::ios::trunc) << text;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Read(const MemoryStore* store) {
    Diagnostics diags;
    bool fatal = false;
    Site site = ReadSite(DiskFileSystem(), dir_.string(), diags, &fatal, 2, store);
    EXPECT_FALSE(fatal);
    units_ = site.units.size();
    return AllOf(site, diags);
  }

  fs::path dir_;
  size_t units_ = 0;
};

TEST_F(UnitCacheTest, AReadingTakenFromTheStoreIsTheReadingItself) {
  const std::string fresh = Read(nullptr);
  MemoryStore store;
  EXPECT_EQ(Read(&store), fresh);
  EXPECT_EQ(store.hits(), 0);
  const int read_units = static_cast<int>(store.size());
  EXPECT_EQ(read_units, 5);
  EXPECT_EQ(Read(&store), fresh);  // every unit from the store
  EXPECT_EQ(store.hits(), read_units);

  // A write-up of one unit edited: that unit alone is read again, and reads as without a store.
  const fs::path writeup = dir_ / "content/tinh/vuon-cay-mau.md";
  std::ofstream(writeup, std::ios::app) << "\nMột câu thêm.\n";
  const std::string edited = Read(nullptr);
  EXPECT_NE(edited, fresh);
  EXPECT_EQ(Read(&store), edited);
  EXPECT_EQ(store.hits(), read_units + read_units - 1);

  // The site copied elsewhere with its cache: the readings name the files of the copy, so none is
  // taken from the store.
  const fs::path copy = dir_.string() + "-ban-sao";
  fs::remove_all(copy);
  // As cp -a copies: the files keep their times, so only the place tells the copy apart.
  ASSERT_EQ(std::system(("cp -a '" + dir_.string() + "' '" + copy.string() + "'").c_str()), 0);
  {
    Diagnostics diags;
    bool fatal = false;
    Site site = ReadSite(DiskFileSystem(), copy.string(), diags, &fatal, 2, &store);
    ASSERT_FALSE(site.files_to_copy.empty());
    for (const Image& img : site.files_to_copy)
      EXPECT_EQ(img.source.rfind(copy.string(), 0), 0u) << img.source;
  }
  fs::remove_all(copy);
  EXPECT_EQ(store.hits(), read_units + read_units - 1);

  // A catalogue changes every unit's reading: none is taken.
  std::ofstream(dir_ / "data/fields.csv", std::ios::app) << "\n";
  Read(&store);
  EXPECT_EQ(store.hits(), read_units + read_units - 1);
}

// Seen from outside, with nothing of the cache's own code: every file the site publishes and every
// field of every diagnostic are the same whether the units were read or taken from the cache.
TEST_F(UnitCacheTest, ASiteBuiltFromTheCacheIsTheSiteReadAgain) {
  auto build = [&](bool cache, std::string* said) {
    BuildOptions options;
    options.site_dir = dir_.string();
    options.jobs = 2;
    if (cache) options.cache_dir = (dir_ / ".dvk-cache").string();
    DiskFileSystem disk;
    Diagnostics diags;
    Loaded loaded;
    EXPECT_EQ(Load(disk, options, diags, &loaded), 0);
    MemorySink sink(&disk);
    EXPECT_TRUE(Build(disk, options, loaded, sink, diags, nullptr));
    for (const Diagnostic& d : diags.Sorted())
      *said += std::to_string(static_cast<int>(d.severity)) + "|" +
               std::to_string(static_cast<int>(d.code)) + "|" + d.file + "|" +
               std::to_string(d.line) + "|" + std::to_string(d.column) + "|" + d.text + "|" +
               d.message + "|" + d.hint + "|" + d.unit + "|" + d.sheet + "\n";
    return sink.files();
  };
  std::string fresh_said, first_said, kept_said;
  const std::map<std::string, std::string> fresh = build(false, &fresh_said);
  EXPECT_EQ(build(true, &first_said), fresh);
  ASSERT_TRUE(fs::is_directory(dir_ / ".dvk-cache/doc-don-vi"));
  EXPECT_EQ(build(true, &kept_said), fresh);
  EXPECT_EQ(first_said, fresh_said);
  EXPECT_EQ(kept_said, fresh_said);

  // One reading per unit is kept: the reading of a folder as it was before an edit goes.
  auto entries = [&] {
    int n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir_ / ".dvk-cache/doc-don-vi"))
      n += e.is_regular_file();
    return n;
  };
  EXPECT_EQ(entries(), 5);
  std::ofstream(dir_ / "content/tinh/vuon-cay-mau.md", std::ios::app) << "\nMột câu thêm.\n";
  std::string edited_said;
  build(true, &edited_said);
  EXPECT_EQ(entries(), 5);
  EXPECT_GT(std::count(fresh_said.begin(), fresh_said.end(), '\n'), 3);
}

TEST_F(UnitCacheTest, BytesThatAreNotAReadingGiveNothing) {
  MemoryStore store;
  Read(&store);
  ASSERT_FALSE(store.entries().empty());
  const std::string bytes = store.entries().begin()->second;
  ASSERT_TRUE(DeserializeUnitRead(bytes));
  EXPECT_EQ(SerializeUnitRead(*DeserializeUnitRead(bytes)), bytes);
  for (size_t keep = 0; keep < bytes.size(); keep += 1 + keep / 8)
    EXPECT_FALSE(DeserializeUnitRead(bytes.substr(0, keep))) << keep;
  EXPECT_FALSE(DeserializeUnitRead(bytes + "x"));
  // Damaged anywhere: never a crash (the store's checksum is what refuses such an entry).
  for (size_t at = 0; at < bytes.size(); at += 13) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0xff);
    DeserializeUnitRead(bad);
  }
  // Every entry taken from the store is refused when its bytes are another's kind.
  for (auto& [key, entry] : store.entries()) entry = "dvk-unit-read 0\n" + entry;
  const std::string fresh = Read(nullptr);
  EXPECT_EQ(Read(&store), fresh);
}

// The input stamp takes the reader's look at each unit folder instead of walking it again: the
// same stamp as a walk of every folder, in every state of the site below.
TEST_F(UnitCacheTest, TheStampFromTheReadersLookIsTheStampOfAWalk) {
  MemoryStore store;
  auto stamps = [&] {
    Diagnostics diags;
    bool fatal = false;
    FolderFingerprints walked;
    Site site = ReadSite(DiskFileSystem(), dir_.string(), diags, &fatal, 2, &store, &walked);
    EXPECT_FALSE(fatal);
    EXPECT_EQ(walked.size(), 5u);  // every unit folder, with or without a kept reading
    EXPECT_TRUE(walked.count("content/tinh"));
    std::string from_reader = InputStamp(dir_.string(), site, walked);
    EXPECT_EQ(from_reader, InputStamp(dir_.string(), site)) << "walked folders differ";
    EXPECT_FALSE(from_reader.empty());
    return from_reader;
  };
  const std::string first = stamps();
  EXPECT_EQ(stamps(), first);  // readings now from the store

  // The body of a write-up is not in the stamp (its model page keys on it), front matter is.
  const fs::path writeup = dir_ / "content/tinh/vuon-cay-mau.md";
  std::ofstream(writeup, std::ios::app) << "\nMột câu thêm.\n";
  EXPECT_EQ(stamps(), first);
  // A table of a unit, a file added to a unit folder, a picture: the stamp changes.
  std::ofstream(dir_ / "content/tinh/ghi-chu.txt") << "x";
  const std::string added = stamps();
  EXPECT_NE(added, first);
  std::ofstream(dir_ / "content/xa-an/models.csv", std::ios::app) << "\n";
  EXPECT_NE(stamps(), added);
}

}  // namespace
}  // namespace dvk
