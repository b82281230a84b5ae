#include "base/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>

namespace dvk {

namespace fs = std::filesystem;

long long MtimeNs(const struct stat& st) {
  return static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

std::string JoinPath(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (b.empty()) return a;
  return a.back() == '/' ? a + b : a + "/" + b;
}

namespace {

// The bytes of a regular file, at most `limit` of them: one open, one fstat, then reads until the
// end (a file that grows while it is read is read to its new end).
std::optional<std::string> ReadRegular(const std::string& path, size_t limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes(std::min(static_cast<size_t>(st.st_size), limit), '\0');
  size_t got = 0;
  while (true) {
    if (got == bytes.size()) {
      if (got >= limit) break;
      bytes.resize(std::min(bytes.size() + 65536, limit));  // the file grew
    }
    ssize_t n = ::read(fd, &bytes[got], bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  bytes.resize(got);
  return bytes;
}

}  // namespace

std::optional<std::string> DiskFileSystem::ReadFile(const std::string& path) const {
  return ReadRegular(path, std::numeric_limits<size_t>::max());
}

std::optional<std::string> DiskFileSystem::ReadHead(const std::string& path, size_t n) const {
  return ReadRegular(path, n);
}

std::vector<DirEntry> DiskFileSystem::ListDir(const std::string& path) const {
  std::vector<DirEntry> out;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    out.push_back({it->path().filename().string(), it->is_directory(ec2)});
  }
  std::sort(out.begin(), out.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

bool DiskFileSystem::IsFile(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

std::optional<std::string> DiskFileSystem::RealPath(const std::string& path) const {
  char* real = ::realpath(path.c_str(), nullptr);
  if (!real) return std::nullopt;
  std::string out = real;
  std::free(real);
  return out;
}

std::string MemoryFileSystem::Normalize(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream ss(path);
  std::string part;
  while (std::getline(ss, part, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::optional<std::string> MemoryFileSystem::ReadFile(const std::string& path) const {
  auto it = files_.find(Normalize(path));
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<DirEntry> MemoryFileSystem::ListDir(const std::string& path) const {
  std::string prefix = Normalize(path);
  if (!prefix.empty()) prefix += "/";
  std::set<std::string> files, dirs;
  for (const auto& [p, content] : files_) {
    if (p.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = p.substr(prefix.size());
    size_t slash = rest.find('/');
    if (slash == std::string::npos)
      files.insert(rest);
    else
      dirs.insert(rest.substr(0, slash));
  }
  std::vector<DirEntry> out;
  for (const std::string& d : dirs) out.push_back({d, true});
  for (const std::string& f : files) out.push_back({f, false});
  std::sort(out.begin(), out.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

bool MemoryFileSystem::IsFile(const std::string& path) const {
  return files_.count(Normalize(path)) > 0;
}

std::optional<std::string> MemoryFileSystem::RealPath(const std::string& path) const {
  std::string n = Normalize(path);
  if (files_.count(n)) return "/" + n;
  for (const auto& [p, content] : files_)
    if (p.compare(0, n.size() + 1, n + "/") == 0) return "/" + n;
  return std::nullopt;
}

bool HasExtension(const std::string& file, const std::string& ext) {
  if (file.size() < ext.size()) return false;
  for (size_t i = 0; i < ext.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(file[file.size() - ext.size() + i])) !=
        std::tolower(static_cast<unsigned char>(ext[i])))
      return false;
  return true;
}

}  // namespace dvk
