// The read cache: what was read from a unit's folder (read/unit_reader.h), kept under a digest of
// everything the reading depends on, so that a build reads again only the units whose files
// changed. At 10,000 models reading every write-up (YAML, Markdown, packing) was most of a
// rebuild after one edit.
//
// What a unit's reading depends on: the files of its folder (by path, size and modification time,
// as the input stamp sees them, read/stamp.h), the catalogues and site.yaml, the unit's place in
// the register, and the running dvk. All of it is in UnitReadKey.
#ifndef DVK_READ_UNIT_CACHE_H_
#define DVK_READ_UNIT_CACHE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "read/unit_reader.h"

namespace dvk {

// Where entries are kept (the build cache, write/cache.h, behind this interface so that reading
// depends on no writer). Get gives only whole entries; Put may fail silently.
class UnitReadStore {
 public:
  virtual ~UnitReadStore() = default;
  virtual std::optional<std::string> Get(const std::string& key) const = 0;
  virtual void Put(const std::string& key, std::string_view bytes) const = 0;
  // A store that also keeps readings as they are, in memory between the builds of one process
  // (the preview server), gives them back without reading or unpacking bytes. Thread-safe.
  virtual std::shared_ptr<const UnitRead> Find(const std::string& /*key*/) const { return nullptr; }
  virtual void Keep(const std::string& /*key*/, const UnitRead& /*read*/) const {}
};

// Readings kept in memory by key between builds (UnitReadStore::Find, Keep): each build keeps
// those it asked for or made, and the next one forgets the rest. Thread-safe.
class UnitReadMemo {
 public:
  std::shared_ptr<const UnitRead> Find(const std::string& key);
  void Keep(const std::string& key, const UnitRead& read);
  // Ends a build: what it neither found nor kept is forgotten.
  void EndBuild();

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const UnitRead>> held_, used_;
};

// The part of every unit's key that all units share: site.yaml, data/ and the running dvk, by
// path, size and modification time, and where the site is (the paths a reading keeps lead
// there). "" when it cannot be taken (nothing is then cached).
std::string SharedReadKey(const std::string& site_dir);

// The key of the reading of `folder` (content/<folder>/) as unit `unit` of `site`; "" when the
// folder cannot be walked to the end (a link back up the tree): such a unit is always read.
// *lines (when given) gets the folder's files as read/stamp's TreeFingerprints gives them.
std::string UnitReadKey(const std::string& shared, const std::string& site_dir, const Site& site,
                        int unit, const std::string& folder,
                        std::vector<std::string>* lines = nullptr);

// A unit's reading as bytes, and back; nullopt for bytes that are not one (another version's,
// or damaged).
std::string SerializeUnitRead(const UnitRead& read);
std::optional<UnitRead> DeserializeUnitRead(std::string_view bytes);

}  // namespace dvk

#endif  // DVK_READ_UNIT_CACHE_H_
