#include "write/sink.h"

namespace dvk {

bool MemorySink::Write(const std::string& rel, std::string_view bytes, std::string*) {
  auto shared = std::make_shared<const std::string>(bytes);
  std::lock_guard<std::mutex> lock(mu_);
  files_[rel] = std::move(shared);
  return true;
}

std::map<std::string, std::string> MemorySink::files() const {
  std::map<std::string, std::string> out;
  for (const auto& [rel, bytes] : files_) out.emplace(rel, *bytes);
  return out;
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

bool MemorySink::KeepUnchanged(const std::string& rel, const std::string& key) {
  if (key.empty() || !previous_files_ || !previous_keys_) return false;
  auto previous_key = previous_keys_->find(rel);
  auto previous_file = previous_files_->find(rel);
  if (previous_key == previous_keys_->end() || previous_key->second != key ||
      previous_file == previous_files_->end())
    return false;
  std::lock_guard<std::mutex> lock(mu_);
  files_[rel] = previous_file->second;  // shared, not copied
  keys_[rel] = key;
  return true;
}

void MemorySink::NoteKey(const std::string& rel, const std::string& key) {
  if (key.empty()) return;
  std::lock_guard<std::mutex> lock(mu_);
  keys_[rel] = key;
}

}  // namespace dvk
