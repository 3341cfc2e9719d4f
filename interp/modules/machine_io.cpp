#include "interp/modules/machine_io.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "gil/machine.h"

namespace gilsim {

namespace {

bool interrupted(const EvalBreaker& breaker) {
  return (breaker.load() & kSignalRequest) != 0;
}

// One write that cannot block: O_NONBLOCK only around the call itself, never across a park, since
// the flag belongs to the open file, which other processes share and use while this one waits.
ssize_t writeOnceWithoutBlocking(int fd, const char* data, size_t size, bool wasBlocking,
                                 int flags) {
  if (wasBlocking) ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  ssize_t n = ::write(fd, data, size);
  int saved = errno;
  if (wasBlocking) ::fcntl(fd, F_SETFL, flags);
  errno = saved;
  return n;
}

}  // namespace

ssize_t machineRead(Machine& machine, const EvalBreaker& breaker, int fd, void* data, size_t size) {
  for (;;) {
    // Ready first (poll says so, or an error the read reports): the read then does not block.
    if (!machine.blockingIoAllowed()) machine.waitForFd(fd, /*forWrite=*/false, -1, breaker);
    ssize_t n = ::read(fd, data, size);
    if (n >= 0 || errno != EINTR || interrupted(breaker)) return n;
  }
}

ssize_t machineWrite(Machine& machine, const EvalBreaker& breaker, int fd, const void* data,
                     size_t size) {
  const char* bytes = static_cast<const char*>(data);
  if (machine.blockingIoAllowed()) {
    for (;;) {
      ssize_t n = ::write(fd, bytes, size);
      if (n >= 0 || errno != EINTR || interrupted(breaker)) return n;
    }
  }
  int flags = ::fcntl(fd, F_GETFL);
  bool wasBlocking = flags >= 0 && !(flags & O_NONBLOCK);
  size_t done = 0;
  while (done < size) {
    ssize_t n = writeOnceWithoutBlocking(fd, bytes + done, size - done, wasBlocking, flags);
    if (n > 0) {
      done += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR) && wasBlocking && !interrupted(breaker)) {
      machine.waitForFd(fd, /*forWrite=*/true, -1, breaker);
      continue;
    }
    // A descriptor the script made non-blocking reports EAGAIN as it would anywhere.
    if (done > 0) break;
    return -1;
  }
  return static_cast<ssize_t>(done);
}

}  // namespace gilsim
