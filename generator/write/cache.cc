#include "write/cache.h"

#include <fcntl.h>
#include <glib.h>
#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <sstream>
#include <thread>
#include <vector>

#include "base/file_system.h"

namespace dvk {
namespace {

// Every entry ends in a trailer that vouches for the bytes before it: the magic "DVKC", then the
// bytes' count and their CRC-32, both 4 bytes little-endian. An entry cut short, edited or
// overwritten by something else fails the check and is made again, never published.
constexpr std::string_view kMagic = "DVKC";
constexpr size_t kTrailer = 12;

void AppendLe32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint32_t Le32(std::string_view b) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[i]);
  return v;
}

uint32_t Crc32(std::string_view bytes) { return libdeflate_crc32(0, bytes.data(), bytes.size()); }

}  // namespace

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
  std::optional<std::string> bytes = DiskFileSystem().ReadFile(path);
  if (!bytes) return Add("\x01unreadable:" + path);
  return Add(Sha256Hex(*bytes));
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
  std::optional<std::string> read = DiskFileSystem().ReadFile(path);
  if (!read) return std::nullopt;
  std::string out = std::move(*read);
  if (out.size() <= kTrailer) return std::nullopt;
  std::string_view trailer = std::string_view(out).substr(out.size() - kTrailer);
  size_t size = out.size() - kTrailer;
  std::string_view body = std::string_view(out).substr(0, size);
  if (trailer.substr(0, 4) != kMagic || Le32(trailer.substr(4)) != size ||
      Le32(trailer.substr(8)) != Crc32(body))
    return std::nullopt;
  out.resize(size);
  // Used now: kept by PruneUnused for another period.
  ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
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
  if (bytes.size() > UINT32_MAX) return;  // no output is that large; not kept
  std::string trailer(kMagic);
  AppendLe32(&trailer, static_cast<uint32_t>(bytes.size()));
  AppendLe32(&trailer, Crc32(bytes));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  bool ok = true;
  for (std::string_view part : {bytes, std::string_view(trailer)}) {
    size_t done = 0;
    while (done < part.size()) {
      ssize_t n = ::write(fd, part.data() + done, part.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ok = ok && done == part.size();
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

void BuildCache::Prune(const std::string& kind, const std::set<std::string>& keep) const {
  if (dir_.empty()) return;
  std::error_code ec;
  std::vector<std::filesystem::path> gone;
  for (std::filesystem::recursive_directory_iterator it(dir_ + "/" + kind, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    // "<key>.<ext>": the key is the name up to its first dot (a temporary file has more after).
    std::string name = it->path().filename().string();
    if (!keep.count(name.substr(0, name.find('.')))) gone.push_back(it->path());
  }
  for (const std::filesystem::path& p : gone) std::filesystem::remove(p, ec);
}

void BuildCache::PruneUnused(int days) const {
  if (dir_.empty()) return;
  const time_t now = std::time(nullptr);
  // At most once an hour: the sweep walks every entry, a tenth of a rebuild with nothing changed.
  const std::string swept = dir_ + "/" + std::string(kSweptMarker);
  struct stat marker {};
  if (::stat(swept.c_str(), &marker) == 0 && marker.st_mtime > now - kSweepEverySeconds &&
      marker.st_mtime <= now)
    return;
  int fd = ::open(swept.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0) {
    ::futimens(fd, nullptr);
    ::close(fd);
  }
  const time_t unused_since = now - static_cast<time_t>(days) * 86400;
  const time_t killed_since = now - 86400;
  std::error_code ec;
  std::vector<std::filesystem::path> gone;
  for (std::filesystem::recursive_directory_iterator it(dir_, ec), end; !ec && it != end;
       it.increment(ec)) {
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    bool temporary = it->path().filename().string().find(".tmp-") != std::string::npos;
    if (st.st_mtime < (temporary ? killed_since : unused_since)) gone.push_back(it->path());
  }
  for (const std::filesystem::path& p : gone) std::filesystem::remove(p, ec);
}

}  // namespace dvk
