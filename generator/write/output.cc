#include "write/output.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "base/file_system.h"

namespace dvk {

namespace fs = std::filesystem;

const char kOutputMarker[] = ".dvk-output";

namespace {

bool HasMarker(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kOutputMarker, ec);
}

bool IsEmptyDir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

// Removes a folder dvk made, its marker last: a removal cut short by a kill leaves a folder that
// still says it is ours, so the next build can finish the job.
void RemoveMarkedTree(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() == kOutputMarker) continue;
    std::error_code ec2;
    fs::remove_all(it->path(), ec2);
  }
  fs::remove_all(dir, ec);
}

// Removes `dir` in a detached process, so that no build waits for the previous output to go.
// REQUIRES: no other thread of this process is writing.
void RemoveInBackground(const std::string& dir) {
  pid_t child = fork();
  if (child == 0) {
    // A grandchild does the work: the child ends at once, so no zombie is left to reap.
    if (fork() == 0) {
      setsid();
      if (nice(10) == -1) {
      }
      RemoveMarkedTree(dir);
    }
    _exit(0);
  }
  if (child > 0) {
    waitpid(child, nullptr, 0);
  } else {
    RemoveMarkedTree(dir);  // no process to spare: remove it here
  }
}

using Manifest = OutputTree::Manifest;

// The line ending a marker that lists the hand-added files it carried ("path TAB +" each):
// kHandListed, then a digest of all the lines before it. A marker changed by hand no longer
// matches it, and is not trusted to list every file dvk did not write.
constexpr char kHandListed[] = "\t+\t";

std::string ListDigest(std::string_view lines) {
  char hex[24];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string_view>()(lines));
  return hex;
}

// The files a marker lists; false when it lists none (an older dvk wrote only "dvk", and every
// file of such a folder is taken for dvk's). A line is "path", a tab and what the file holds
// (WhatBytes, or a copy's size and source time), then, for a file a job made, a tab and the job's
// key (what it shows); or "path TAB +" for a hand-added file carried, and kHandListed.
bool ReadManifest(const fs::path& marker, Manifest* m) {
  std::optional<std::string> text = DiskFileSystem().ReadFile(marker.string());
  if (!text) return false;
  std::string_view all(*text);
  size_t lines = static_cast<size_t>(std::count(all.begin(), all.end(), '\n'));
  m->files.reserve(lines);
  m->what.reserve(lines);
  m->keys.reserve(lines);
  bool any = false;
  bool first = true;
  for (size_t start = 0; start < all.size();) {
    size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(start, end - start);
    size_t line_start = start;
    start = end + 1;
    if (first) {
      if (line != "dvk") return false;
      first = false;
      continue;
    }
    if (line.empty()) continue;
    if (line.compare(0, std::strlen(kHandListed), kHandListed) == 0) {
      m->hand_listed =
          line.substr(std::strlen(kHandListed)) == ListDigest(all.substr(0, line_start));
      continue;
    }
    size_t tab = line.find('\t');
    std::string path(line.substr(0, tab));
    any = true;
    if (tab != std::string_view::npos) {
      size_t key_tab = line.find('\t', tab + 1);
      std::string_view what = line.substr(
          tab + 1, key_tab == std::string_view::npos ? std::string_view::npos : key_tab - tab - 1);
      if (what == "+") {
        m->hand.insert(std::move(path));
        continue;
      }
      m->what.insert_or_assign(path, std::string(what));
      if (key_tab != std::string_view::npos)
        m->keys.insert_or_assign(path, std::string(line.substr(key_tab + 1)));
    }
    m->files.insert(std::move(path));
  }
  return any;
}

// Adds the folders `rel` is in ("a/b/c.html": "a", "a/b") to *folders.
void AddFolders(const std::string& rel, std::set<std::string>* folders) {
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1))
    folders->insert(rel.substr(0, slash));
}

long long LatestChangeNs(const struct stat& st) {
  return std::max(MtimeNs(st), st.st_ctim.tv_sec * 1'000'000'000LL + st.st_ctim.tv_nsec);
}

// The files under `root` that its marker `m` (written at `marker_ns`) does not list as dvk's: the
// hand-added ones, '/'-separated, sorted. When the marker lists the hand-added files it carried,
// only the folders changed since it was written are read (by modification or status-change time:
// a file added, removed or renamed changes its folder's, and no tool can set the second back),
// and whole the folders in them that dvk did not make; otherwise all of the tree.
std::vector<std::string> HandFiles(const fs::path& root, const Manifest& m, long long marker_ns) {
  std::set<std::string> found;
  std::error_code ec;
  auto walk_all = [&](const std::string& from) {
    fs::path top = from.empty() ? root : root / from;
    const size_t root_length = root.native().size() + 1;
    for (fs::recursive_directory_iterator it(top, fs::directory_options::none, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (fs::is_directory(it->symlink_status(ec))) continue;
      // The iterator's paths start with root's: the rest is the relative path (fs::relative
      // would resolve every component of both paths on the disk).
      std::string rel = it->path().generic_string().substr(root_length);
      if (rel != kOutputMarker && !m.files.count(rel)) found.insert(std::move(rel));
    }
  };
  if (!m.hand_listed || marker_ns == 0) {
    walk_all("");
    return {found.begin(), found.end()};
  }
  // The folders of the listed files, as views of their paths: a file's folder, then that
  // folder's own folders until one already known (12,000 paths at 10,000 models, most in a folder
  // of their own).
  std::unordered_set<std::string_view> folders{std::string_view()};
  auto add_folders = [&folders](std::string_view rel) {
    for (size_t slash = rel.rfind('/'); slash != std::string_view::npos && slash > 0;
         slash = rel.rfind('/', slash - 1)) {
      if (!folders.insert(rel.substr(0, slash)).second) break;
    }
  };
  for (const std::string& f : m.files) add_folders(f);
  // Looked at from the root's descriptor: only the relative path is walked for each.
  int root_fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (root_fd < 0) {
    walk_all("");
    return {found.begin(), found.end()};
  }
  struct stat st {};
  for (const std::string& f : m.hand) {
    add_folders(f);
    if (::fstatat(root_fd, f.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
      found.insert(f);
  }
  std::vector<std::string> changed;
  for (std::string_view view : folders) {
    std::string folder(view);
    if (::fstatat(root_fd, folder.empty() ? "." : folder.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISDIR(st.st_mode) || LatestChangeNs(st) < marker_ns)
      continue;
    changed.push_back(std::move(folder));
  }
  ::close(root_fd);
  for (const std::string& folder : changed) {
    fs::path path = folder.empty() ? root : root / folder;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      std::string rel = folder.empty() ? it->path().filename().string()
                                       : folder + "/" + it->path().filename().string();
      if (fs::is_directory(it->symlink_status(ec))) {
        if (!folders.count(std::string_view(rel))) walk_all(rel);
      } else if (rel != kOutputMarker && !m.files.count(rel)) {
        found.insert(std::move(rel));
      }
    }
  }
  return {found.begin(), found.end()};
}

// What a file written with `bytes` holds, for the marker: its size and a 64-bit hash.
std::string WhatBytes(std::string_view bytes) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%zu %016zx", bytes.size(), std::hash<std::string_view>()(bytes));
  return buf;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Asks ext2/3/4 to place the folders made in `dir` as it places top-level ones (the "top of a
// directory hierarchy" flag, chattr +T): spread over block groups with many free inodes, rather
// than next to `dir`. The previous output, or any tree deleted just before a build, leaves
// thousands of freed inodes next to it; on ext4 without a journal the allocator steps over every
// one of them freed in the last seconds for each new file, which made writing 12,000 files after
// deleting as many take 6.9 s instead of 1.6 s here (cp -r), and a build of 10,000 models right
// after deleting such a tree 13-21 s instead of 4.6-7.4 s. The staging folder and the folders
// made directly in it get the flag, so that the folders of units (mo-hinh/<unit>/) are spread too
// and their models' folders and pages kept beside them: copying 12,000 files so, after several
// trees had been deleted, took 4.4-6.1 s against 7.4-22.9 s with the flag on the staging folder
// alone, and 6.0-7.4 s with it on every folder. Best effort: other file systems refuse the flag
// and nothing changes.
void SpreadSubfolders(int at, const char* dir) {
  int fd = ::openat(at, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  int flags = 0;
  if (::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 && !(flags & FS_TOPDIR_FL)) {
    flags |= FS_TOPDIR_FL;
    ::ioctl(fd, FS_IOC_SETFLAGS, &flags);
  }
  ::close(fd);
}

// The output folder as Begin names it: absolute, without a trailing '/'.
fs::path TargetOf(const std::string& dir) {
  fs::path target = fs::absolute(fs::path(dir)).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  return target;
}

// Whether two looks at a marker saw the same file, unchanged.
bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
         MtimeNs(a) == MtimeNs(b);
}

}  // namespace

struct OutputTree::Survey {
  fs::path target;
  // The output's marker as read. (Its hand-added files are looked for when the build is done,
  // by CarryHandAddedFiles: one added while the site is read is carried too.)
  bool has_manifest = false;
  struct stat marker {};
  Manifest manifest;
  // The spare's marker as read, and its other files.
  bool has_spare = false;
  struct stat spare_marker {};
  Manifest spare;
  std::vector<std::string> spare_extra;
};

namespace {

fs::path SpareOf(const fs::path& target) {
  return target.parent_path() / ("." + target.filename().string() + ".dvk-spare");
}

}  // namespace

OutputTree::OutputTree() = default;

void OutputTree::LookAhead(const std::string& dir) {
  if (!reuse_) return;
  auto survey = std::make_unique<Survey>();
  survey->target = TargetOf(dir);
  Survey* s = survey.get();
  survey_ = std::move(survey);
  const bool spare = use_spare_;
  look_ = std::thread([s, spare] {
    fs::path marker = s->target / kOutputMarker;
    if (::stat(marker.c_str(), &s->marker) != 0 || !ReadManifest(marker, &s->manifest)) return;
    s->has_manifest = true;
    fs::path spare_dir = SpareOf(s->target);
    fs::path spare_marker = spare_dir / kOutputMarker;
    if (!spare || ::stat(spare_marker.c_str(), &s->spare_marker) != 0 ||
        !ReadManifest(spare_marker, &s->spare))
      return;
    s->spare_extra = HandFiles(spare_dir, s->spare, MtimeNs(s->spare_marker));
    s->has_spare = true;
  });
}

OutputTree::~OutputTree() {
  if (look_.joinable()) look_.join();
  for (int fd : {dir_fd_, staging_fd_})
    if (fd >= 0) ::close(fd);
  if (!committed_ && !staging_.empty()) RemoveMarkedTree(staging_);
}

bool OutputTree::OpenFolders(std::string* error) {
  dir_fd_ = had_manifest_ ? ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  staging_fd_ = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (staging_fd_ < 0) *error = staging_ + ": " + std::strerror(errno);
  return staging_fd_ >= 0;
}

bool OutputTree::Begin(const std::string& dir, std::string* error) {
  fs::path target = TargetOf(dir);
  if (look_.joinable()) look_.join();
  // What LookAhead found, where the markers it read are still there unchanged.
  Survey* survey = survey_ && survey_->target == target ? survey_.get() : nullptr;
  std::error_code ec;
  if (fs::exists(target, ec) && !fs::is_directory(target, ec)) {
    *error = target.string() + " không phải thư mục";
    return false;
  }
  if (fs::is_directory(target, ec) && !IsEmptyDir(target) && !HasMarker(target)) {
    *error = target.string();
    return false;
  }
  struct stat marker_stat {};
  if (survey && survey->has_manifest &&
      ::stat((target / kOutputMarker).c_str(), &marker_stat) == 0 &&
      SameFile(marker_stat, survey->marker)) {
    had_manifest_ = true;
    previous_ = std::move(survey->manifest);
    marker_time_ns_ = MtimeNs(marker_stat);
  } else {
    had_manifest_ = HasMarker(target) && ReadManifest(target / kOutputMarker, &previous_);
    if (had_manifest_ && ::stat((target / kOutputMarker).c_str(), &marker_stat) == 0)
      marker_time_ns_ = MtimeNs(marker_stat);
  }
  fs::path parent = target.parent_path();
  fs::create_directories(parent, ec);
  // Leftovers of killed builds: staging folders ".<name>.dvk-tmp-<pid>" of a process that is gone,
  // carrying our marker or still empty (killed before the marker was written).
  std::string prefix = "." + target.filename().string() + ".dvk-";
  std::string staging_prefix = prefix + "tmp-";
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.compare(0, staging_prefix.size(), staging_prefix) != 0) continue;
    std::string digits = name.substr(staging_prefix.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid != getpid() && kill(pid, 0) == 0) continue;  // another build still at work
    if (HasMarker(it->path()) || IsEmptyDir(it->path())) RemoveMarkedTree(it->path());
  }
  dir_ = target.string();
  staging_ = (parent / (prefix + "tmp-" + std::to_string(getpid()))).string();
  spare_ = (parent / (prefix + "spare")).string();
  fs::remove_all(staging_, ec);
  if (use_spare_ && fs::is_directory(spare_, ec) && (!reuse_ || !had_manifest_)) {
    // A spare goes with its output: when the output was deleted, the build starts from nothing.
    if (!had_manifest_ && (HasMarker(spare_) || IsEmptyDir(spare_))) RemoveMarkedTree(spare_);
  } else if (use_spare_ && fs::is_directory(spare_, ec)) {
    // The spare becomes the staging folder, by a rename, which only one build can win. A spare
    // whose marker cannot be read is removed (an empty one, or ours).
    Manifest spare;
    struct stat st {};
    fs::path marker = fs::path(spare_) / kOutputMarker;
    const bool surveyed = survey && survey->has_spare && ::stat(marker.c_str(), &st) == 0 &&
                          SameFile(st, survey->spare_marker);
    if (surveyed) spare = std::move(survey->spare);
    if ((surveyed ||
         (HasMarker(spare_) && ReadManifest(marker, &spare) && ::stat(marker.c_str(), &st) == 0)) &&
        ::rename(spare_.c_str(), staging_.c_str()) == 0) {
      staged_marker_ns_ = MtimeNs(st);
      staged_what_ = std::move(spare.what);
      // What else it holds, before this build changes its folders.
      std::vector<std::string> extra =
          surveyed ? std::move(survey->spare_extra) : HandFiles(staging_, spare, staged_marker_ns_);
      staged_extra_.insert(extra.begin(), extra.end());
      from_spare_ = true;
      return OpenFolders(error);
    }
    if (HasMarker(spare_) || IsEmptyDir(spare_)) RemoveMarkedTree(spare_);
  }
  if (!fs::create_directories(staging_, ec)) {
    *error = staging_ + ": " + ec.message();
    return false;
  }
  SpreadSubfolders(AT_FDCWD, staging_.c_str());
  // The marker first, so a killed build's staging folder is known to be ours.
  int fd = ::open((staging_ + "/" + kOutputMarker).c_str(),
                  O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0 && WriteAll(fd, "dvk\n");
  if (fd >= 0) ::close(fd);
  if (!ok) {
    *error = staging_ + ": " + std::strerror(errno);
    return false;
  }
  return OpenFolders(error);
}

bool OutputTree::MakeParents(const std::string& rel, std::string* error) {
  size_t slash = rel.rfind('/');
  if (slash == std::string::npos) return true;
  for (size_t end = rel.find('/'); end != std::string::npos && end <= slash;
       end = rel.find('/', end + 1)) {
    std::string part = rel.substr(0, end);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (dirs_.count(part)) continue;
    }
    std::string full = staging_ + "/" + part;
    if (::mkdirat(staging_fd_, part.c_str(), 0755) == 0) {
      if (part.find('/') == std::string::npos) SpreadSubfolders(staging_fd_, part.c_str());
    } else {
      bool made = false;
      if (errno == EEXIST && from_spare_) {
        // The spare may hold a file where this build needs a folder.
        struct stat st {};
        made = ::lstat(full.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        if (!made && ::unlink(full.c_str()) == 0) made = ::mkdir(full.c_str(), 0755) == 0;
      }
      if (!made && errno != EEXIST) {
        *error = part + ": " + std::strerror(errno);
        return false;
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    dirs_.insert(part);
  }
  return true;
}

bool OutputTree::Keep(const std::string& rel, const std::string& what) {
  if (!reuse_ || marker_time_ns_ == 0) return false;
  auto it = previous_.what.find(rel);
  if (it == previous_.what.end() || it->second != what) return false;
  if (dir_fd_ < 0) return false;
  struct stat st {};
  // A file changed after the marker was written (edited by hand in the output) is not ours to
  // trust: the new bytes are written.
  if (::fstatat(dir_fd_, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
      MtimeNs(st) > marker_time_ns_ || std::to_string(st.st_size) != what.substr(0, what.find(' ')))
    return false;
  Clear(rel);
  return ::linkat(dir_fd_, rel.c_str(), staging_fd_, rel.c_str(), 0) == 0;
}

bool OutputTree::Staged(const std::string& rel, const std::string& what) {
  if (!from_spare_) return false;
  auto it = staged_what_.find(rel);
  if (it == staged_what_.end() || it->second != what) return false;
  struct stat st {};
  return ::fstatat(staging_fd_, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
         S_ISREG(st.st_mode) && MtimeNs(st) <= staged_marker_ns_ &&
         std::to_string(st.st_size) == what.substr(0, what.find(' '));
}

void OutputTree::Clear(const std::string& rel) {
  if (!from_spare_) return;
  if (::unlinkat(staging_fd_, rel.c_str(), 0) != 0 && errno != ENOENT) {
    std::error_code ec;
    fs::remove_all(staging_ + "/" + rel, ec);  // a folder where this build puts a file
  }
}

bool OutputTree::RemoveStale(std::string* error) {
  std::set<std::string> folders;
  auto remove = [&](const std::string& rel) {
    if (rel == kOutputMarker || files_.count(rel) || carried_.count(rel)) return true;
    // A folder there now is one this build made (MakeParents): it stays.
    if (::unlink((staging_ + "/" + rel).c_str()) != 0 && errno != ENOENT && errno != EISDIR) {
      *error = rel + ": " + std::strerror(errno);
      return false;
    }
    AddFolders(rel, &folders);
    return true;
  };
  for (const auto& [rel, what] : staged_what_)
    if (!remove(rel)) return false;
  for (const std::string& rel : staged_extra_)
    if (!remove(rel)) return false;
  // The deepest first, so a folder whose subfolders went is empty in its turn; a folder that
  // still holds something stays (rmdir refuses it).
  std::vector<std::string> deepest(folders.begin(), folders.end());
  std::sort(deepest.begin(), deepest.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const std::string& rel : deepest) ::rmdir((staging_ + "/" + rel).c_str());
  return true;
}

void OutputTree::Record(const std::string& rel, std::string what, bool kept) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[rel] = std::move(what);
  ++(kept ? kept_ : written_);
}

bool OutputTree::KeepUnchanged(const std::string& rel, const std::string& key) {
  auto previous_key = previous_.keys.find(rel);
  auto what = previous_.what.find(rel);
  if (key.empty() || previous_key == previous_.keys.end() || previous_key->second != key ||
      what == previous_.what.end())
    return false;
  // A file the spare holds is in its folders already: no folder to make (12,000 syscalls of a
  // rebuild at 10,000 models).
  if (!Staged(rel, what->second)) {
    std::string error;
    if (!MakeParents(rel, &error) || !Keep(rel, what->second)) return false;
  }
  Record(rel, what->second, true);
  NoteKey(rel, key);
  return true;
}

void OutputTree::NoteKey(const std::string& rel, const std::string& key) {
  if (key.empty()) return;
  std::lock_guard<std::mutex> lock(mu_);
  keys_[rel] = key;
}

bool OutputTree::Write(const std::string& rel, std::string_view bytes, std::string* error) {
  std::string what = WhatBytes(bytes);
  if (Staged(rel, what)) {
    Record(rel, std::move(what), true);
    return true;
  }
  if (!MakeParents(rel, error)) return false;
  if (Keep(rel, what)) {
    Record(rel, std::move(what), true);
    return true;
  }
  Clear(rel);
  int fd = ::openat(staging_fd_, rel.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0 && WriteAll(fd, bytes);
  int saved = errno;
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) {
    *error = rel + ": " + std::strerror(saved ? saved : errno);
    return false;
  }
  Record(rel, std::move(what), false);
  return true;
}

bool OutputTree::Copy(const std::string& rel, const std::string& source, std::string* error) {
  if (!MakeParents(rel, error)) return false;
  int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    *error = rel + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  bool stated = ::fstat(in, &st) == 0;
  std::string what = stated ? std::to_string(st.st_size) + " c" + std::to_string(MtimeNs(st)) : "";
  if (stated && (Staged(rel, what) || Keep(rel, what))) {
    ::close(in);
    Record(rel, std::move(what), true);
    return true;
  }
  Clear(rel);
  std::string path = staging_ + "/" + rel;
  int out = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = out >= 0;
  if (ok && stated) {
    // In the kernel when it can; read and write when it cannot (another file system).
    off_t left = st.st_size;
    while (ok && left > 0) {
      ssize_t n = copy_file_range(in, nullptr, out, nullptr, static_cast<size_t>(left), 0);
      if (n > 0) {
        left -= n;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n == 0) break;  // the source shrank
      char buf[65536];
      ::lseek(in, st.st_size - left, SEEK_SET);
      for (ssize_t r; ok && (r = ::read(in, buf, sizeof buf)) != 0;) {
        if (r < 0) {
          ok = errno == EINTR;
          continue;
        }
        ok = WriteAll(out, std::string_view(buf, static_cast<size_t>(r)));
      }
      left = 0;
    }
  } else {
    ok = false;
  }
  int saved = errno;
  ::close(in);
  if (out >= 0 && ::close(out) != 0) ok = false;
  if (!ok) {
    *error = rel + ": " + std::strerror(saved ? saved : errno);
    return false;
  }
  Record(rel, std::move(what), false);
  return true;
}

bool OutputTree::CarryHandAddedFiles(CarryOver* result, std::string* error) {
  *result = CarryOver();
  std::error_code ec;
  if (!had_manifest_ || !fs::is_directory(dir_, ec)) return true;
  fs::path root(dir_);
  for (const std::string& rel : HandFiles(root, previous_, marker_time_ns_)) {
    if (files_.count(rel)) {
      result->conflicts.push_back(rel);
      continue;
    }
    if (!MakeParents(rel, error)) return false;
    fs::path from = root / rel, to = fs::path(staging_) / rel;
    carried_.insert(rel);
    result->carried.push_back(rel);
    if (from_spare_) {
      // Already there when the spare has the very file (the same inode) the output has.
      struct stat a {
      }, b{};
      if (::lstat(from.c_str(), &a) == 0 && ::lstat(to.c_str(), &b) == 0 && S_ISREG(a.st_mode) &&
          a.st_ino == b.st_ino && a.st_dev == b.st_dev)
        continue;
      Clear(rel);
    }
    fs::file_status st = fs::symlink_status(from, ec);
    if (fs::is_symlink(st)) {
      fs::copy_symlink(from, to, ec);
    } else if (::link(from.c_str(), to.c_str()) != 0) {
      fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    }
    if (ec) {
      *error = rel + ": " + ec.message();
      return false;
    }
  }
  return true;
}

bool OutputTree::Commit(std::string* error, bool background) {
  if (from_spare_ && !RemoveStale(error)) return false;
  // The marker with every file this build wrote; hand-added files are not dvk's to list.
  std::string manifest = "dvk\n";
  // In the order of the paths, so that equal builds write equal markers.
  std::vector<const std::pair<const std::string, std::string>*> listed;
  listed.reserve(files_.size());
  for (const auto& entry : files_) listed.push_back(&entry);
  std::sort(listed.begin(), listed.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* entry : listed) {
    manifest += entry->first + "\t" + entry->second;
    auto key = keys_.find(entry->first);
    if (key != keys_.end()) manifest += "\t" + key->second;
    manifest += "\n";
  }
  // The hand-added files carried, so the next build need read only the folders changed since.
  std::vector<std::string> carried(carried_.begin(), carried_.end());
  std::sort(carried.begin(), carried.end());
  for (const std::string& f : carried) manifest += f + "\t+\n";
  manifest += kHandListed + ListDigest(manifest) + "\n";
  std::string marker = staging_ + "/" + kOutputMarker;
  // Nothing changed: the previous marker is kept too, so such a build writes no file at all.
  // (Linked under another name, then renamed over the staging folder's own marker, so the folder
  // never is without one.)
  std::string kept = marker + ".kept";
  bool ok = reuse_ && marker_time_ns_ != 0 &&
            manifest == DiskFileSystem().ReadFile(dir_ + "/" + kOutputMarker).value_or("") &&
            ::link((dir_ + "/" + kOutputMarker).c_str(), kept.c_str()) == 0 &&
            ::rename(kept.c_str(), marker.c_str()) == 0;
  // When the staging folder's marker already is that file (a spare's, linked from the output),
  // rename leaves both names: the second goes.
  if (ok) ::unlink(kept.c_str());
  if (!ok) {
    // Written aside and renamed over: a marker of the spare may be the output's own (linked).
    std::string fresh = marker + ".new";
    int fd = ::open(fresh.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ok = fd >= 0 && WriteAll(fd, manifest);
    if (fd >= 0 && ::close(fd) != 0) ok = false;
    ok = ok && ::rename(fresh.c_str(), marker.c_str()) == 0;
  }
  if (!ok) {
    *error = marker + ": " + std::strerror(errno);
    return false;
  }
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    // Swap in one step: the old output takes the staging name, then goes.
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) != 0) {
      *error = dir_ + ": " + std::strerror(errno);
      return false;
    }
    committed_ = true;
    // The previous output becomes the spare the next build starts from; or goes.
    if (use_spare_ && reuse_ && !fs::exists(spare_, ec) &&
        ::rename(staging_.c_str(), spare_.c_str()) == 0)
      return true;
    if (background)
      RemoveInBackground(staging_);
    else
      RemoveMarkedTree(staging_);
  } else if (std::rename(staging_.c_str(), dir_.c_str()) != 0) {
    *error = dir_ + ": " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace dvk
