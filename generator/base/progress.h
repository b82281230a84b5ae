// Progress of a long build on a terminal: one line per stage with a count and a bar, redrawn in
// place at most ten times a second. Nothing is drawn when the stream is not a terminal.
#ifndef DVK_BASE_PROGRESS_H_
#define DVK_BASE_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace dvk {

class Progress {
 public:
  // A stage named `label` (Vietnamese) of `total` steps, drawn on `out` when it is a terminal.
  Progress(std::string label, size_t total, FILE* out = stdout);
  ~Progress();  // draws the finished line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  // One step done. Thread-safe and cheap.
  void Step();

 private:
  void Draw(size_t done);
  std::string label_;
  size_t total_;
  FILE* out_;
  bool enabled_;
  std::atomic<size_t> done_{0};
  std::atomic<long long> next_draw_ms_{0};
  std::mutex draw_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace dvk

#endif  // DVK_BASE_PROGRESS_H_
