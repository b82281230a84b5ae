#include "base/progress.h"

#include <unistd.h>

#include <cstdlib>

namespace dvk {
namespace {

// "1.234" for 1234: counts in Vietnamese format.
std::string Count(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

Progress::Progress(std::string label, size_t total, FILE* out)
    : label_(std::move(label)),
      total_(total),
      out_(out),
      enabled_(out && isatty(fileno(out)) && !std::getenv("DVK_NO_PROGRESS")),
      start_(std::chrono::steady_clock::now()) {
  if (enabled_) Draw(0);
}

Progress::~Progress() {
  if (!enabled_) return;
  Draw(done_.load());
  std::fputc('\n', out_);
  std::fflush(out_);
}

void Progress::Step() {
  size_t done = ++done_;
  if (!enabled_) return;
  long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start_)
                      .count();
  long long next = next_draw_ms_.load(std::memory_order_relaxed);
  if (now < next || !next_draw_ms_.compare_exchange_strong(next, now + 100)) return;
  std::unique_lock<std::mutex> lock(draw_, std::try_to_lock);
  if (lock) Draw(done);
}

void Progress::Draw(size_t done) {
  const int kWidth = 24;
  int filled = total_ ? static_cast<int>(kWidth * std::min(done, total_) / total_) : kWidth;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  // The label padded to 12 characters (not bytes: Vietnamese letters take two or three).
  size_t chars = 0;
  for (char c : label_) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  std::string label = label_ + std::string(chars < 12 ? 12 - chars : 1, ' ');
  std::fprintf(out_, "\r%s[%s] %s/%s", label.c_str(), bar.c_str(), Count(done).c_str(),
               Count(total_).c_str());
  std::fflush(out_);
}

}  // namespace dvk
