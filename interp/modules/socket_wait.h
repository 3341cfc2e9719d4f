// How the socket and select modules wait on descriptors: one system call at a time with the GIL
// given up (reason `io`), as CPython's sock_call runs it, so that other threads run meanwhile and
// Ctrl-C (the EvalBreaker's kSignalRequest, with the EINTR its signal brings) ends the wait.
//
// A socket's timeout decides how a call waits:
//   kBlocking   the descriptor blocks; the call is made as it is, again after an EINTR that was
//               not Ctrl-C;
//   0           the descriptor does not block; EAGAIN comes back as BlockingIOError;
//   > 0         the descriptor does not block; the machine polls it until it is ready, and the
//               call fails with `TimeoutError: timed out` once the timeout has passed.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>

#include "gil/sync.h"

namespace gilsim {

class VM;

inline constexpr Nanos kBlocking = -1;
// The error of a call whose timeout passed (no errno is negative).
inline constexpr int kTimedOut = -1;

// The system call, made without the GIL: -1 with errno, or its result. It may not touch a
// Python object.
using SocketOp = std::function<ssize_t()>;

// Runs `op` on `fd` under `timeout`, waiting for the descriptor to be ready for reading or for
// writing (`forWrite`). Returns the result; on failure -1 with *error set (an errno, or
// kTimedOut). A signal whose handler returns lets the call go on; one that raises (Ctrl-C's
// KeyboardInterrupt) raises here. With `countBytes` a positive result is I/O charged to the
// machine (Machine::ioDone).
ssize_t socketCallNoRaise(VM& vm, int fd, bool forWrite, Nanos timeout, bool countBytes,
                          const SocketOp& op, int* error);
// The same, raising OSError (the subclass errno picks) or TimeoutError('timed out').
ssize_t socketCall(VM& vm, int fd, bool forWrite, Nanos timeout, bool countBytes,
                   const SocketOp& op);

// socket.timeout's error: TimeoutError('timed out'), errno None.
[[noreturn]] void raiseSocketTimeout();
// An OSError with a message and no errno (CPython's `OSError: illegal IP address ...`).
[[noreturn]] void raiseOsErrorMessage(const std::string& message);

// Under --sim, an OSError "WHAT not supported under --sim: WHY": sockets and select wait on
// real time, which a simulated run cannot replay, and the simulated machine has no network.
void refuseUnderSim(VM& vm, const char* what, const char* why);

}  // namespace gilsim
