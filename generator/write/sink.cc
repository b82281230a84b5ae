#include "write/sink.h"


namespace dvk {

bool MemorySink::Write(const std::string& rel, std::string_view bytes, std::string*) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[rel] = std::string(bytes);
  return true;
}

bool MemorySink::Copy(const std::string& rel, const std::string& source, std::string* error) {
  DiskFileSystem disk;
  std::optional<std::string> bytes = (fs_ ? fs_ : &disk)->ReadFile(source);
  if (!bytes) {
    *error = source + ": không đọc được";
    return false;
  }
  return Write(rel, *bytes, error);
}

}  // namespace dvk
