// Where the build's outputs go: a folder on disk (write/output.h) or memory (tests, the preview
// server). Every builder writes through this interface and never touches the file system itself.
#ifndef DVK_WRITE_SINK_H_
#define DVK_WRITE_SINK_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/file_system.h"

namespace dvk {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Writes `bytes` at `rel` (a '/'-separated path inside the output). Thread-safe. Returns false
  // with *error set when the file cannot be written.
  virtual bool Write(const std::string& rel, std::string_view bytes, std::string* error) = 0;
  // Copies the file `source` (a path on disk) to `rel`. Thread-safe.
  virtual bool Copy(const std::string& rel, const std::string& source, std::string* error) = 0;
  // When the previous output holds `rel` as made by a job with the same `key` (a digest of what
  // the job shows), keeps it and returns true: the job need not run. Thread-safe. Sinks without
  // a previous output keep nothing.
  virtual bool KeepUnchanged(const std::string& /*rel*/, const std::string& /*key*/) {
    return false;
  }
  // Records the key of the job that just made `rel`, for the next build. Thread-safe.
  virtual void NoteKey(const std::string& /*rel*/, const std::string& /*key*/) {}
};

// Outputs held in memory by path; Copy reads the source through `fs` (the disk when none).
class MemorySink : public OutputSink {
 public:
  // Files by path, their bytes shared: a file kept from the previous build is not copied.
  using Files = std::unordered_map<std::string, std::shared_ptr<const std::string>>;
  using Keys = std::unordered_map<std::string, std::string>;  // file → key of the job that made it

  explicit MemorySink(const FileSystem* fs = nullptr) : fs_(fs) {}
  bool Write(const std::string& rel, std::string_view bytes, std::string* error) override;
  bool Copy(const std::string& rel, const std::string& source, std::string* error) override;
  // The previous build's files and the keys of the jobs that made them (the preview server's last
  // good site): a job with the same key takes its file from there instead of running.
  void SetPrevious(std::shared_ptr<const Files> files, std::shared_ptr<const Keys> keys) {
    previous_files_ = std::move(files);
    previous_keys_ = std::move(keys);
  }
  bool KeepUnchanged(const std::string& rel, const std::string& key) override;
  void NoteKey(const std::string& rel, const std::string& key) override;
  // REQUIRES: no Write or Copy running.
  const Files& shared_files() const { return files_; }
  const Keys& keys() const { return keys_; }
  // Every file's bytes, copied. REQUIRES: no Write or Copy running.
  std::map<std::string, std::string> files() const;
  // Gives up what was written. REQUIRES: no Write or Copy running.
  Files TakeFiles() { return std::move(files_); }
  Keys TakeKeys() { return std::move(keys_); }

 private:
  const FileSystem* fs_;
  std::mutex mu_;
  Files files_;
  Keys keys_;
  std::shared_ptr<const Files> previous_files_;
  std::shared_ptr<const Keys> previous_keys_;
};

}  // namespace dvk

#endif  // DVK_WRITE_SINK_H_
