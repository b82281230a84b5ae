// Watching a site folder for changes (dvk serve): the kernel tells of each change (inotify) in
// every folder of the site and in folders made later, so a served site of 10,000 models costs
// nothing while no one edits; looking at every file four times a second took a third of a core.
// Where the kernel cannot watch (no inotify, or its limit of watches reached) the site's inputs
// are looked at every quarter second, by the names, sizes and times of their files.
#ifndef DVK_WATCH_H_
#define DVK_WATCH_H_

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace dvk {

class SiteWatcher {
 public:
  // Watches `site_dir`, but not what a build or a check makes in it: output/, kiem-tra/, build/
  // at the top, and any folder whose name starts with '.' (.dvk-cache/, .git/).
  explicit SiteWatcher(std::string site_dir);
  ~SiteWatcher();
  SiteWatcher(const SiteWatcher&) = delete;
  SiteWatcher& operator=(const SiteWatcher&) = delete;

  // Waits until something in the site changed and then stayed still for `settle` (an editor
  // saving a file in steps, a unit's folder copied in), or until `stop` returns true, which is
  // asked about every quarter second. True when something changed.
  bool WaitForChange(const std::function<bool()>& stop,
                     std::chrono::milliseconds settle = std::chrono::milliseconds(150));

  // Whether the kernel tells of changes (else the folder is looked at every quarter second).
  bool notified() const { return fd_ >= 0; }

 private:
  // Watches `dir` and its folders; false when the kernel refuses a watch.
  bool WatchTree(const std::string& dir, int depth);
  // Reads the events waiting; true when one was about the site's inputs.
  bool Drain();
  // A fingerprint of every input file (read/stamp's TreeFingerprints), for looking without the
  // kernel.
  std::string Look() const;
  bool Skipped(const std::string& parent, const std::string& name) const;

  // Goes on by looking (the kernel refused a watch for a folder made since the start).
  void LookInstead();

  struct Folder {
    std::string path;
    std::pair<dev_t, ino_t> id;
  };
  std::string site_dir_;
  int fd_ = -1;
  std::unordered_map<int, Folder> folders_;  // watch → folder
  std::set<std::pair<dev_t, ino_t>> seen_;   // folders watched (links may lead back up)
  std::string last_;                         // Look() when looking without the kernel
};

}  // namespace dvk

#endif  // DVK_WATCH_H_
