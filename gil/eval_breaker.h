// The eval breaker: one atomic word per running thread that ORs together every request the eval
// loop must notice. The loop reads it only at check points (see interp/common/opcodes.h), with a
// relaxed load: a request set by another thread is seen at the next check point after it becomes
// visible, and the handler re-reads the word with acquire ordering before acting on it.
#pragma once

#include <atomic>
#include <cstdint>

namespace gilsim {

enum BreakerRequest : uint32_t {
  kDropGilRequest = 1u << 0,          // another thread waits for the GIL: drop it
  kStopRequest = 1u << 1,             // the run is being stopped (instruction budget, shutdown)
  kTraceFlushRequest = 1u << 2,       // the trace recorder wants this thread's buffer flushed
  kAsyncExceptionRequest = 1u << 3,   // an exception was posted to this thread
  kSignalRequest = 1u << 4,           // a signal (Ctrl-C) arrived; the main thread raises it
  kWeakrefCallbackRequest = 1u << 5,  // a weak reference's callback waits to run on this thread
};

class EvalBreaker {
 public:
  bool any() const { return bits_.load(std::memory_order_relaxed) != 0; }
  uint32_t load() const { return bits_.load(std::memory_order_acquire); }
  // May be called from any thread, and from a signal handler (lock-free atomic).
  void set(uint32_t request) { bits_.fetch_or(request, std::memory_order_release); }
  void clear(uint32_t request) { bits_.fetch_and(~request, std::memory_order_acq_rel); }

 private:
  std::atomic<uint32_t> bits_{0};
};
static_assert(std::atomic<uint32_t>::is_always_lock_free, "set() must be async-signal-safe");

}  // namespace gilsim
