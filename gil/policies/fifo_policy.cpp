// `fifo`: Ruby's GVL (thread_pthread.c). Waiters queue first in, first out; a holder that has run
// a whole quantum (the switch interval; the `ruby` preset uses Ruby's 100 ms) while someone waits
// is asked to yield, hands the lock to the head of the queue and joins the tail. No thread waits
// behind more than the threads already queued: fair, at the price of a full quantum of latency
// for an I/O-bound thread queued behind CPU-bound ones.
#include "gil/policies/handoff_policy.h"
#include "gil/policies/policies.h"

namespace gilsim {

std::unique_ptr<GilPolicy> makeFifoPolicy(SyncPlatform& platform, const GilSettings& settings) {
  return std::make_unique<HandoffPolicy>(platform, settings);
}

}  // namespace gilsim
