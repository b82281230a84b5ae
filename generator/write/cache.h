// The build cache (.dvk-cache/ in the site folder): outputs that are costly to make (share cards,
// photo thumbnails) kept under a hash of everything they are made from, so an unchanged one is
// not made again. Safe to delete; a file that cannot be read or written, or whose checksum does not
// match its bytes (cut short, edited), is simply made again.
#ifndef DVK_WRITE_CACHE_H_
#define DVK_WRITE_CACHE_H_

#include <atomic>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace dvk {

// The SHA-256 of `bytes` in lower-case hex.
std::string Sha256Hex(std::string_view bytes);

// Builds a key from the parts of what an output shows: each part is length-prefixed, so
// ("ab","c") and ("a","bc") differ.
class CacheKey {
 public:
  explicit CacheKey(std::string_view kind) { Add(kind); }
  CacheKey& Add(std::string_view part);
  CacheKey& Add(long long number) { return Add(std::to_string(number)); }
  // Adds the bytes of the file at `path` (or a mark that it could not be read).
  CacheKey& AddFile(const std::string& path);
  std::string Hex() const { return Sha256Hex(parts_); }

 private:
  std::string parts_;
};

class BuildCache {
 public:
  // `dir` empty: no cache (every Get misses, Put does nothing).
  explicit BuildCache(std::string dir = "") : dir_(std::move(dir)) {}
  bool enabled() const { return !dir_.empty(); }
  // The path of the entry `key` of `kind` ("<dir>/<kind>/<2 hex>/<key>.<ext>"), whether it exists
  // or not; "" without a cache.
  std::string PathOf(const std::string& kind, const std::string& key, const std::string& ext) const;
  // The entry when it is there, readable and whole (its checksum matches the bytes).
  std::optional<std::string> Get(const std::string& kind, const std::string& key,
                                 const std::string& ext) const;
  // Stores an entry (written aside, then renamed, so a reader never sees half a file). Thread-safe;
  // a failure is not an error, the output is only made again next time.
  void Put(const std::string& kind, const std::string& key, const std::string& ext,
           std::string_view bytes) const;

  // Removes the entries of `kind` whose key is not in `keep`: entries of inputs that are no longer
  // there (an older state of a unit's folder), which nothing would ever ask for again, so the
  // folder does not grow with every edit. Best effort, like Put.
  void Prune(const std::string& kind, const std::set<std::string>& keep) const;

  // Removes the entries of every kind that no build has asked for in `days` days (Get refreshes
  // an entry's modification time, Put sets it), and the temporary files of builds killed more
  // than a day ago. An output carried over from the previous one (write/output.h) asks for no
  // entry, so an entry outlives its last use by that long, to serve the output again if it is
  // deleted; a card of an older state of the data goes then, so the folder does not grow with
  // every edit. Best effort, like Put. Sweeps at most once an hour (kSweptMarker's time says
  // when it last did).
  void PruneUnused(int days) const;
  static constexpr std::string_view kSweptMarker = "da-don-dep";
  static constexpr long kSweepEverySeconds = 3600;

  // Counts for the build's summary: outputs made and outputs taken from the cache.
  mutable std::atomic<int> made{0};
  mutable std::atomic<int> reused{0};

 private:
  std::string dir_;
};

}  // namespace dvk

#endif  // DVK_WRITE_CACHE_H_
