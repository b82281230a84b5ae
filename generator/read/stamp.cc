#include "read/stamp.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <functional>
#include <set>
#include <string_view>
#include <vector>

#include "base/file_system.h"

namespace dvk {

std::string FileFingerprint(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(st.st_size) + " " + std::to_string(MtimeNs(st));
}

namespace {

std::string Fingerprint(const struct stat& st) {
  return std::to_string(st.st_size) + " " + std::to_string(MtimeNs(st));
}

// Appends a line for every file of the folder open as `fd` (`rel` from the site folder) and of
// its subfolders, links followed, taking lines of `walked` for the folders in it; closes `fd`.
// Each entry is looked at through its folder's descriptor, not by its whole path again (at
// 10,000 models the path walks were most of stamping 11,000 files).
bool AddFolder(int fd, const std::string& rel, int depth, const std::set<std::string>& skip,
               const FolderFingerprints& walked, std::vector<std::string>* lines) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    ::close(fd);
    return false;
  }
  bool ok = true;
  for (;;) {
    errno = 0;
    const struct dirent* e = ::readdir(dir);
    if (!e) {
      ok = errno == 0;
      break;
    }
    std::string_view name(e->d_name);
    if (name == "." || name == "..") continue;
    std::string path = rel + "/" + e->d_name;
    struct stat st {};
    // Gone since it was listed, or a link to nothing: not an input.
    if (::fstatat(::dirfd(dir), e->d_name, &st, 0) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      auto known = walked.find(path);
      if (known != walked.end()) {
        for (const std::string& line : known->second)
          if (!skip.count(line.substr(0, line.find('\t')))) lines->push_back(line);
        continue;
      }
      // Deeper than any site: a link back up the tree.
      int sub =
          depth >= 64 ? -1 : ::openat(::dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (sub < 0 || !AddFolder(sub, path, depth + 1, skip, walked, lines)) {
        ok = false;
        break;
      }
    } else if (S_ISREG(st.st_mode) && !skip.count(path)) {
      lines->push_back(path + "\t" + Fingerprint(st));
    }
  }
  ::closedir(dir);
  return ok;
}

// Appends "relative path TAB fingerprint" for every file under site_dir/top (following folder
// links, as the reader does), skipping `skip`. False when the folder could not be walked to the
// end: a stamp of part of the inputs would let a changed page be kept.
bool AddTree(const std::string& site_dir, const std::string& top, const std::set<std::string>& skip,
             const FolderFingerprints& walked, std::vector<std::string>* lines) {
  std::string root = site_dir + "/" + top;
  struct stat st {};
  if (::stat(root.c_str(), &st) != 0) return errno == ENOENT || errno == ENOTDIR;  // absent
  if (S_ISREG(st.st_mode)) {
    lines->push_back(top + "\t" + Fingerprint(st));
    return true;
  }
  if (!S_ISDIR(st.st_mode)) return true;
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  return fd >= 0 && AddFolder(fd, top, 0, skip, walked, lines);
}

}  // namespace

bool TreeFingerprints(const std::string& site_dir, const std::string& top,
                      std::vector<std::string>* lines) {
  return AddTree(site_dir, top, {}, {}, lines);
}

std::string InputStamp(const std::string& site_dir, const Site& site,
                       const FolderFingerprints& walked) {
  std::set<std::string> writeups;
  std::vector<std::string> lines;
  for (const Model& m : site.models) {
    if (!m.writeup) continue;
    const WriteUp& w = *m.writeup;
    writeups.insert(w.file);
    std::string line = "writeup\t" + w.file + "\t" + std::to_string(w.front_digest);
    for (const std::string& img : w.body_images) line += "\t" + img;
    lines.push_back(std::move(line));
  }
  for (const char* top : {"site.yaml", "data", "content", "static", "themes"})
    if (!AddTree(site_dir, top, writeups, walked, &lines)) return "";
  // The pictures published, some of which only a body names.
  for (const Image& img : site.files_to_copy)
    lines.push_back("copy\t" + img.source + "\t" + img.url);
  // The running dvk: another build of it may draw pages differently.
  lines.push_back("dvk\t" + FileFingerprint("/proc/self/exe"));
  lines.push_back("year\t" + std::to_string(site.config.year));
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const std::string& line : lines) all += line + "\n";
  // 64 bits of digest: two states of a site that collide would have to differ and hash alike.
  char hex[40];
  std::snprintf(hex, sizeof hex, "%016zx-%zx", std::hash<std::string_view>()(all), all.size());
  return hex;
}

}  // namespace dvk
