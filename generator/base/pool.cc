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
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; !(stop && *stop) && (i = next++) < n;) fn(i);
  };
  size_t threads = std::min<size_t>(static_cast<size_t>(std::max(jobs, 1)), n);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

}  // namespace dvk
