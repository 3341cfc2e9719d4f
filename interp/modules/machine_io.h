// Reads and writes on a descriptor, as a blocking call, from a thread of either machine: the real
// one simply blocks; the simulated one must never block its one OS thread (the writer the reader
// waits for may be another of its threads, or another process waiting for its turn), so it parks
// the calling thread until the descriptor is ready. Called with the GIL given up.
#pragma once

#include <sys/types.h>

#include <cstddef>

namespace gilsim {

class Machine;
class EvalBreaker;

// One read of up to `size` bytes, as read(2); -1 with errno (EINTR after Ctrl-C).
ssize_t machineRead(Machine& machine, const EvalBreaker& breaker, int fd, void* data, size_t size);
// A blocking write(2): on the simulated machine all of it, in as many parts as the descriptor
// takes (fewer only on an error after some were written); -1 with errno.
ssize_t machineWrite(Machine& machine, const EvalBreaker& breaker, int fd, const void* data,
                     size_t size);

}  // namespace gilsim
