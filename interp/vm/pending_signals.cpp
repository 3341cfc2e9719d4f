#include "interp/vm/pending_signals.h"

#include <atomic>
#include <csignal>

namespace gilsim {

namespace {

constexpr int kSignalCount = 65;  // Linux: 1..64 (NSIG is 65)
std::atomic<bool> gPending[kSignalCount];

}  // namespace

void markSignalPending(int signum) {
  if (signum > 0 && signum < kSignalCount) gPending[signum].store(true, std::memory_order_release);
}

std::vector<int> takePendingSignals() {
  std::vector<int> taken;
  for (int s = 1; s < kSignalCount; ++s)
    if (gPending[s].exchange(false, std::memory_order_acq_rel)) taken.push_back(s);
  return taken;
}

}  // namespace gilsim
