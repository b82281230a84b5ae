#include "base/pool.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace dvk {

int WorkerCount(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn,
                 const std::atomic<bool>* stop) {
  ParallelFor(
      n, jobs, [&](size_t i, int) { fn(i); }, stop);
}

void ParallelFor(size_t n, int jobs, const std::function<void(size_t i, int worker)>& fn,
                 const std::atomic<bool>* stop) {
  std::atomic<size_t> next{0};
  auto worker = [&](int w) {
    for (size_t i; !(stop && *stop) && (i = next++) < n;) fn(i, w);
  };
  int threads = static_cast<int>(std::min<size_t>(static_cast<size_t>(std::max(jobs, 1)), n));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (std::thread& t : pool) t.join();
}

}  // namespace dvk
