// The worker pool every stage uses: a loop over independent items run on several threads.
#ifndef DVK_BASE_POOL_H_
#define DVK_BASE_POOL_H_

#include <atomic>
#include <cstddef>
#include <functional>

namespace dvk {

// The number of worker threads to use for `requested` (0 = every core).
int WorkerCount(int requested);

// Calls fn(i) for every i in [0, n) on `jobs` threads, the calling thread included, and returns
// when all calls are done. Items are taken in order, one at a time, so the cost of one item does
// not hold up the others. fn must be safe to call concurrently for different i. When `stop` is
// given and becomes true, no further item is started.
void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn,
                 const std::atomic<bool>* stop = nullptr);

// The same, telling fn which worker runs it (0 ≤ worker < jobs), for per-thread state.
void ParallelFor(size_t n, int jobs, const std::function<void(size_t i, int worker)>& fn,
                 const std::atomic<bool>* stop = nullptr);

}  // namespace dvk

#endif  // DVK_BASE_POOL_H_
