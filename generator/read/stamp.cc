#include "read/stamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <set>
#include <string_view>
#include <vector>

#include "base/file_system.h"

namespace dvk {

namespace fs = std::filesystem;

std::string FileFingerprint(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(st.st_size) + " " + std::to_string(MtimeNs(st));
}

namespace {

// Appends "relative path TAB fingerprint" for every file under `dir` (following folder links, as
// the reader does), skipping `skip`. False when the folder could not be walked to the end: a
// stamp of part of the inputs would let a changed page be kept.
bool AddTree(const std::string& site_dir, const std::string& top, const std::set<std::string>& skip,
             std::vector<std::string>* lines) {
  std::error_code ec;
  fs::path root = fs::path(site_dir) / top;
  fs::file_status status = fs::status(root, ec);
  if (ec || !fs::exists(status)) return true;  // absent: nothing to read
  if (fs::is_regular_file(status)) {
    lines->push_back(top + "\t" + FileFingerprint(root.string()));
    return true;
  }
  const size_t root_prefix = root.generic_string().size();
  fs::recursive_directory_iterator it(root, fs::directory_options::follow_directory_symlink, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() > 64) return false;  // a link back up the tree
    std::error_code file_ec;
    if (!it->is_regular_file(file_ec)) continue;
    // The walk's paths all start with root's own spelling: cut it, without fs::relative, which
    // resolves every path on disk again.
    std::string rel = top + it->path().generic_string().substr(root_prefix);
    if (skip.count(rel)) continue;
    lines->push_back(rel + "\t" + FileFingerprint(it->path().string()));
  }
  return !ec;
}

}  // namespace

bool TreeFingerprints(const std::string& site_dir, const std::string& top,
                      std::vector<std::string>* lines) {
  return AddTree(site_dir, top, {}, lines);
}

std::string InputStamp(const std::string& site_dir, const Site& site) {
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
    if (!AddTree(site_dir, top, writeups, &lines)) return "";
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
