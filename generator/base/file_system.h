// File access behind an interface, with an in-memory twin for tests (like ninja's DiskInterface).
#ifndef DVK_BASE_FILE_SYSTEM_H_
#define DVK_BASE_FILE_SYSTEM_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

struct stat;

namespace dvk {

struct DirEntry {
  std::string name;
  bool is_dir = false;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Whole file; nullopt when it cannot be read (absent, a folder, no permission).
  virtual std::optional<std::string> ReadFile(const std::string& path) const = 0;
  // The first `n` bytes of a file (fewer when it is shorter); nullopt as for ReadFile.
  virtual std::optional<std::string> ReadHead(const std::string& path, size_t n) const {
    std::optional<std::string> bytes = ReadFile(path);
    if (bytes && bytes->size() > n) bytes->resize(n);
    return bytes;
  }
  // Entries of a folder sorted by name; empty when it does not exist.
  virtual std::vector<DirEntry> ListDir(const std::string& path) const = 0;
  virtual bool IsFile(const std::string& path) const = 0;
  // The canonical path with symlinks resolved; nullopt when it does not exist.
  virtual std::optional<std::string> RealPath(const std::string& path) const = 0;
};

class DiskFileSystem : public FileSystem {
 public:
  std::optional<std::string> ReadFile(const std::string& path) const override;
  std::optional<std::string> ReadHead(const std::string& path, size_t n) const override;
  std::vector<DirEntry> ListDir(const std::string& path) const override;
  bool IsFile(const std::string& path) const override;
  std::optional<std::string> RealPath(const std::string& path) const override;
};

// Files held in memory by path ("site/data/units.csv"); folders exist implicitly.
class MemoryFileSystem : public FileSystem {
 public:
  void Add(const std::string& path, std::string content) {
    files_[Normalize(path)] = std::move(content);
  }
  std::optional<std::string> ReadFile(const std::string& path) const override;
  std::vector<DirEntry> ListDir(const std::string& path) const override;
  bool IsFile(const std::string& path) const override;
  std::optional<std::string> RealPath(const std::string& path) const override;

 private:
  static std::string Normalize(const std::string& path);
  std::map<std::string, std::string> files_;
};

// A file's modification time in nanoseconds since the epoch: with its size, how the output
// marker (write/output) and the input stamp (read/stamp) tell that a file changed.
long long MtimeNs(const struct stat& st);

// Joins two '/'-separated paths.
std::string JoinPath(const std::string& a, const std::string& b);

// True when the name `file` ends with `ext` (".xlsx"), ignoring ASCII case: units send
// "MODELS.XLSX".
bool HasExtension(const std::string& file, const std::string& ext);

}  // namespace dvk

#endif  // DVK_BASE_FILE_SYSTEM_H_
