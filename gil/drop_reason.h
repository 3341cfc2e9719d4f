// Why a thread gave the GIL up. Declared once; the trace, the stats and the `gilsim` module derive
// their names from this table.
#pragma once

#include <cstdint>
#include <string_view>

namespace gilsim {

// X(Enumerator, name, voluntary blocking call?, what it means)
#define GILSIM_DROP_REASONS(X)                                                               \
  X(Forced, "forced", false, "a waiter asked for it (drop request after a switch interval)") \
  X(Tick, "tick", false, "the check interval ran out (cpython-old releases and retakes)")    \
  X(Sleep, "sleep", true, "time.sleep")                                                      \
  X(Io, "io", true, "a file or pipe read or write")                                          \
  X(Wait, "wait", true, "a lock, event, condition, queue or join wait")                      \
  X(Cext, "cext", true, "a C-extension call that releases the lock")                         \
  X(Exit, "exit", false, "the thread finished")

enum class DropReason : uint8_t {
#define GILSIM_DROP_REASON_ENUM(e, name, blocking, doc) e,
  GILSIM_DROP_REASONS(GILSIM_DROP_REASON_ENUM)
#undef GILSIM_DROP_REASON_ENUM
};

inline constexpr int kDropReasonCount = 0
#define GILSIM_DROP_REASON_COUNT(e, name, blocking, doc) +1
    GILSIM_DROP_REASONS(GILSIM_DROP_REASON_COUNT)
#undef GILSIM_DROP_REASON_COUNT
    ;

std::string_view dropReasonName(DropReason reason);
// A blocking call the thread chose to make (not a preemption, not the end of the thread).
bool isBlockingDrop(DropReason reason);

}  // namespace gilsim
