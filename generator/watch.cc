#include "watch.h"

#include <dirent.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <thread>
#include <vector>

#include "read/stamp.h"

namespace dvk {

namespace {

constexpr uint32_t kEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                             IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;
constexpr int kTick = 250;  // ms between looks at `stop` (and at the folder, without the kernel)

}  // namespace

SiteWatcher::SiteWatcher(std::string site_dir) : site_dir_(std::move(site_dir)) {
  while (site_dir_.size() > 1 && site_dir_.back() == '/') site_dir_.pop_back();
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ >= 0 && !WatchTree(site_dir_, 0)) LookInstead();
  if (fd_ < 0) last_ = Look();
}

void SiteWatcher::LookInstead() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  folders_.clear();
  seen_.clear();
  last_ = Look();
}

SiteWatcher::~SiteWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool SiteWatcher::Skipped(const std::string& parent, const std::string& name) const {
  if (!name.empty() && name[0] == '.') return true;
  return parent == site_dir_ && (name == "output" || name == "kiem-tra" || name == "build");
}

bool SiteWatcher::WatchTree(const std::string& dir, int depth) {
  struct stat st {};
  if (depth > 64 || ::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return true;
  std::pair<dev_t, ino_t> id{st.st_dev, st.st_ino};
  if (seen_.count(id)) return true;
  int wd = ::inotify_add_watch(fd_, dir.c_str(), kEvents);
  if (wd < 0) return errno != ENOSPC && errno != ENOMEM;  // gone already: nothing to watch
  seen_.insert(id);
  folders_[wd] = {dir, id};
  DIR* d = ::opendir(dir.c_str());
  if (!d) return true;
  bool ok = true;
  while (const struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == ".." || Skipped(dir, name)) continue;
    if (e->d_type != DT_DIR && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN) continue;
    if (!WatchTree(dir + "/" + name, depth + 1)) {
      ok = false;
      break;
    }
  }
  ::closedir(d);
  return ok;
}

bool SiteWatcher::Drain() {
  alignas(struct inotify_event) char buf[16384];
  bool changed = false;
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (char* p = buf; p < buf + n;) {
      const auto* e = reinterpret_cast<const struct inotify_event*>(p);
      p += sizeof(struct inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) {
        changed = true;  // events were lost: something changed
        continue;
      }
      auto folder = folders_.find(e->wd);
      if (folder == folders_.end()) continue;
      if (e->mask & IN_IGNORED) {
        seen_.erase(folder->second.id);
        folders_.erase(folder);
        continue;
      }
      const std::string parent = folder->second.path;
      std::string name = e->len ? e->name : "";
      if (!name.empty() && Skipped(parent, name)) continue;
      changed = true;
      // A folder made or moved in: watched with all it holds.
      if ((e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR) &&
          !WatchTree(parent + "/" + name, 1)) {
        LookInstead();
        return true;
      }
    }
  }
  return changed;
}

std::string SiteWatcher::Look() const {
  // The inputs as the build's stamp sees them (read/stamp.h): every file of the folders it reads.
  std::vector<std::string> lines;
  for (const char* top : {"site.yaml", "data", "content", "static", "themes"})
    TreeFingerprints(site_dir_, top, &lines);
  std::string out;
  for (const std::string& line : lines) out += line + '\n';
  return out;
}

bool SiteWatcher::WaitForChange(const std::function<bool()>& stop,
                                std::chrono::milliseconds settle) {
  if (fd_ < 0) {
    // Without the kernel: a change, then two looks that agree.
    while (!stop()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(kTick));
      std::string now = Look();
      if (now == last_) continue;
      for (int i = 0; i < 20 && !stop(); ++i) {
        std::this_thread::sleep_for(settle);
        std::string again = Look();
        if (again == now) break;
        now = std::move(again);
      }
      last_ = std::move(now);
      return true;
    }
    return false;
  }
  bool changed = false;
  auto first = std::chrono::steady_clock::now();
  while (!stop()) {
    // Until something changed: a tick at a time. Then until it has been still for `settle`, at
    // most 20 times `settle` in all (a folder copied in for long is built before it ends).
    if (changed && std::chrono::steady_clock::now() - first > 20 * settle) return true;
    struct pollfd p {
      fd_, POLLIN, 0
    };
    int ready = ::poll(&p, 1, changed ? static_cast<int>(settle.count()) : kTick);
    if (ready < 0 && errno != EINTR) return changed;
    if (ready > 0) {
      if (Drain()) {
        if (!changed) first = std::chrono::steady_clock::now();
        changed = true;
      }
      if (fd_ < 0) return true;  // looking from now on (LookInstead)
      continue;
    }
    if (changed) return true;
  }
  return false;
}

}  // namespace dvk
