// The output tree: a build is written aside and swapped in only when complete, so a failed or
// killed build leaves the previous output exactly as it was. dvk marks the folders it makes and
// never writes into a non-empty folder it did not make.
#ifndef DVK_WRITE_OUTPUT_H_
#define DVK_WRITE_OUTPUT_H_

#include <string>

namespace dvk {

// The marker file dvk leaves in every output folder it makes.
extern const char kOutputMarker[];

class OutputTree {
 public:
  OutputTree() = default;
  ~OutputTree();  // removes the staging folder when Commit was not reached
  OutputTree(const OutputTree&) = delete;
  OutputTree& operator=(const OutputTree&) = delete;

  // Prepares a staging folder beside `dir` and removes what killed builds left there. Fails when
  // `dir` exists, is not empty and has no marker (*error says why).
  bool Begin(const std::string& dir, std::string* error);
  // Writes `bytes` at `rel` (a '/'-separated path inside the output). Thread-safe.
  bool Write(const std::string& rel, const std::string& bytes, std::string* error) const;
  // Copies the file `source` to `rel`. Thread-safe.
  bool Copy(const std::string& source, const std::string& rel, std::string* error) const;
  // Swaps the staging folder in place of `dir` atomically and removes the previous output.
  bool Commit(std::string* error);
  const std::string& staging() const { return staging_; }

 private:
  std::string dir_;
  std::string staging_;
  bool committed_ = false;
};

}  // namespace dvk

#endif  // DVK_WRITE_OUTPUT_H_
