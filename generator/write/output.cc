#include "write/output.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

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

}  // namespace

OutputTree::~OutputTree() {
  if (!committed_ && !staging_.empty()) RemoveMarkedTree(staging_);
}

bool OutputTree::Begin(const std::string& dir, std::string* error) {
  fs::path target = fs::absolute(fs::path(dir)).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  std::error_code ec;
  if (fs::exists(target, ec) && !fs::is_directory(target, ec)) {
    *error = target.string() + " không phải thư mục";
    return false;
  }
  if (fs::is_directory(target, ec) && !IsEmptyDir(target) && !HasMarker(target)) {
    *error = target.string();
    return false;
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
  fs::remove_all(staging_, ec);
  if (!fs::create_directories(staging_, ec)) {
    *error = staging_ + ": " + ec.message();
    return false;
  }
  return Write(kOutputMarker, "dvk\n", error);
}

bool OutputTree::Write(const std::string& rel, const std::string& bytes, std::string* error) const {
  fs::path path = fs::path(staging_) / rel;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    *error = rel + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool OutputTree::Copy(const std::string& source, const std::string& rel, std::string* error) const {
  fs::path path = fs::path(staging_) / rel;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::copy_file(source, path, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    *error = rel + ": " + ec.message();
    return false;
  }
  return true;
}

bool OutputTree::Commit(std::string* error) {
  std::error_code ec;
  if (fs::exists(dir_, ec)) {
    // Swap in one step: the old output takes the staging name, then goes.
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) != 0) {
      *error = dir_ + ": " + std::strerror(errno);
      return false;
    }
    // The old output (now at staging_) may have no marker if it was an empty folder.
    RemoveMarkedTree(staging_);
  } else if (std::rename(staging_.c_str(), dir_.c_str()) != 0) {
    *error = dir_ + ": " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace dvk
