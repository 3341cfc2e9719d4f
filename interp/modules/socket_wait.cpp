#include "interp/modules/socket_wait.h"

#include <poll.h>

#include <cerrno>
#include <vector>

#include "gil/machine.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

bool interrupted(const EvalBreaker& breaker) {
  return (breaker.load() & kSignalRequest) != 0;
}

// One try of the call, without the GIL: until it succeeds, fails, times out or Ctrl-C arrives.
ssize_t attempt(Machine& machine, const EvalBreaker& breaker, int fd, bool forWrite, Nanos timeout,
                Nanos deadline, const SocketOp& op, int* error) {
  for (;;) {
    if (timeout > 0) {
      Nanos left = deadline - machine.monotonicTime();
      std::vector<pollfd> polled{pollfd{fd, static_cast<short>(forWrite ? POLLOUT : POLLIN), 0}};
      int ready = left > 0 ? machine.pollFds(polled, left, breaker) : 0;
      if (ready == 0) {
        *error = kTimedOut;
        return -1;
      }
      if (ready < 0) {
        *error = errno;
        return -1;
      }
      // Ready, or in error (POLLERR, POLLHUP): the call itself reports which.
    }
    ssize_t result = op();
    if (result >= 0) return result;
    int e = errno;
    if (e == EINTR && !interrupted(breaker)) continue;
    // Another thread may have taken what poll saw ready: wait again.
    if (timeout > 0 && (e == EAGAIN || e == EWOULDBLOCK)) continue;
    *error = e;
    return -1;
  }
}

}  // namespace

ssize_t socketCallNoRaise(VM& vm, int fd, bool forWrite, Nanos timeout, bool countBytes,
                          const SocketOp& op, int* error) {
  if (fd < 0) {  // closed: poll(2) would skip it and wait out the timeout
    *error = EBADF;
    return -1;
  }
  Machine& machine = vm.interp().machine();
  // The deadline is the call's, across signals whose handlers return (as in CPython).
  Nanos deadline = timeout > 0 ? machine.monotonicTime() + timeout : 0;
  for (;;) {
    int e = 0;
    ssize_t result;
    {
      GilReleased released(vm, DropReason::Io);
      result = attempt(machine, vm.breaker(), fd, forWrite, timeout, deadline, op, &e);
      if (result > 0 && countBytes) machine.ioDone(static_cast<size_t>(result));
    }
    if (result >= 0) return result;
    if (e != EINTR) {
      *error = e;
      return -1;
    }
    vm.checkSignals();  // raises KeyboardInterrupt, or runs a handler that returns: go on
  }
}

ssize_t socketCall(VM& vm, int fd, bool forWrite, Nanos timeout, bool countBytes,
                   const SocketOp& op) {
  int error = 0;
  ssize_t result = socketCallNoRaise(vm, fd, forWrite, timeout, countBytes, op, &error);
  if (result >= 0) return result;
  if (error == kTimedOut) raiseSocketTimeout();
  raiseOsError(error);
}

namespace {

[[noreturn]] void raiseWithoutErrno(TypeObject* type, const std::string& message) {
  Value exc = newException(type, message);
  DictObject* d = exc.as<ExceptionObject>()->dict();
  d->setStr("errno", Value::none());
  d->setStr("strerror", Value::none());
  d->setStr("filename", Value::none());
  raiseException(std::move(exc));
}

}  // namespace

void raiseSocketTimeout() {
  raiseWithoutErrno(builtinTypes().TimeoutError, "timed out");
}

void raiseOsErrorMessage(const std::string& message) {
  raiseWithoutErrno(builtinTypes().OSError, message);
}

void refuseUnderSim(VM& vm, const char* what, const char* why) {
  if (vm.interp().machine().simulated())
    raiseOsErrorMessage(fmt::format("{} not supported under --sim: {}", what, why));
}

}  // namespace gilsim
