#include "write/sink.h"

#include <fstream>
#include <sstream>

namespace dvk {

bool MemorySink::Write(const std::string& rel, std::string_view bytes, std::string*) {
  std::lock_guard<std::mutex> lock(mu_);
  files_[rel] = std::string(bytes);
  return true;
}

bool MemorySink::Copy(const std::string& rel, const std::string& source, std::string* error) {
  std::ifstream in(source, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    *error = source + ": không đọc được";
    return false;
  }
  return Write(rel, bytes.str(), error);
}

}  // namespace dvk
