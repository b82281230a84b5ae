#include "write/output.h"

#include <fcntl.h>
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

}  // namespace

OutputTree::~OutputTree() {
  if (!committed_ && !staging_.empty()) {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }
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
  // Leftovers of killed builds: staging folders carrying our marker.
  std::string prefix = "." + target.filename().string() + ".dvk-";
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) == 0 && HasMarker(it->path())) {
      std::error_code ec2;
      fs::remove_all(it->path(), ec2);
    }
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
    fs::remove_all(staging_, ec);
  } else if (std::rename(staging_.c_str(), dir_.c_str()) != 0) {
    *error = dir_ + ": " + std::strerror(errno);
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace dvk
