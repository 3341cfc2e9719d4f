// Signals that arrived and wait for the main thread: a C signal handler may only set flags, so it
// marks its signal here and sets kSignalRequest on the main thread's eval breaker; the main
// thread runs the Python handler at its next check point (VM::dispatchSignals), as CPython's
// trip_signal and PyErr_CheckSignals do.
#pragma once

#include <vector>

namespace gilsim {

// Async-signal-safe: one atomic store.
void markSignalPending(int signum);
// The signals marked since the last call, in ascending order, their marks cleared.
std::vector<int> takePendingSignals();

}  // namespace gilsim
