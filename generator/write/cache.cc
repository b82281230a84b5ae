#include "write/cache.h"

#include <fcntl.h>
#include <glib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace dvk {

std::string Sha256Hex(std::string_view bytes) {
  gchar* hex = g_compute_checksum_for_data(
      G_CHECKSUM_SHA256, reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string out(hex);
  g_free(hex);
  return out;
}

CacheKey& CacheKey::Add(std::string_view part) {
  parts_ += std::to_string(part.size());
  parts_ += ':';
  parts_ += part;
  return *this;
}

CacheKey& CacheKey::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Add("\x01unreadable:" + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return Add(Sha256Hex(bytes.str()));
}

std::string BuildCache::PathOf(const std::string& kind, const std::string& key,
                               const std::string& ext) const {
  if (dir_.empty() || key.size() < 3) return "";
  return dir_ + "/" + kind + "/" + key.substr(0, 2) + "/" + key + "." + ext;
}

std::optional<std::string> BuildCache::Get(const std::string& kind, const std::string& key,
                                           const std::string& ext) const {
  std::string path = PathOf(kind, key, ext);
  if (path.empty()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) return std::nullopt;
  std::string out = bytes.str();
  if (out.empty()) return std::nullopt;
  return out;
}

void BuildCache::Put(const std::string& kind, const std::string& key, const std::string& ext,
                     std::string_view bytes) const {
  std::string path = PathOf(kind, key, ext);
  if (path.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  std::ostringstream tid;
  tid << std::this_thread::get_id();
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + tid.str();
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bool ok = done == bytes.size();
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

}  // namespace dvk
