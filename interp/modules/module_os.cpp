// The os module, the part the workloads need: pipes and raw reads and writes on file descriptors
// (blocking calls that give the GIL up, reason `io`), the process id and the core count.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <thread>

#include "gil/machine.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

int fdArgument(const Value& v) {
  if (!isInt(v)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  int64_t fd = toIndex(v, "fd");
  if (fd < 0 || fd > INT32_MAX) raiseOsError(EBADF);
  return static_cast<int>(fd);
}

Value osPipe(VM&, CallArgs args) {
  expectArgs("pipe", args, 0, 0);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) raiseOsError(errno);
  return makeTuple({Value::integer(fds[0]), Value::integer(fds[1])});
}

// A blocking write on the simulated machine: what fits now, then a park until the descriptor
// takes more (its reader may be another of the machine's threads), until all of it is written.
ssize_t writeWithoutBlocking(Machine& machine, const EvalBreaker& breaker, int fd,
                             const std::string& data) {
  int flags = ::fcntl(fd, F_GETFL);
  bool wasBlocking = flags >= 0 && !(flags & O_NONBLOCK);
  if (wasBlocking) ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  size_t done = 0;
  ssize_t result = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (!wasBlocking && done == 0) {
        result = -1;  // a non-blocking descriptor reports EAGAIN, as it would anywhere
        break;
      }
      if (!wasBlocking) break;
      machine.waitForFd(fd, /*forWrite=*/true, -1, breaker);
    } else {
      result = -1;
      break;
    }
  }
  int saved = errno;
  if (wasBlocking) ::fcntl(fd, F_SETFL, flags);
  errno = saved;
  return done > 0 ? static_cast<ssize_t>(done) : result;
}

Value osRead(VM& vm, CallArgs args) {
  expectArgs("read", args, 2, 2);
  int fd = fdArgument(args[0]);
  int64_t size = toIndex(args[1], "length");
  if (size < 0) raiseValueError("negative buffersize in read");
  std::string buffer(static_cast<size_t>(std::min<int64_t>(size, int64_t{1} << 30)), '\0');
  ssize_t got;
  int error = 0;
  {
    GilReleased released(vm, DropReason::Io);
    Machine& machine = vm.interp().machine();
    // The simulated machine must not block its OS thread: it parks the thread until the
    // descriptor has data (another of its threads may be the writer).
    if (!machine.blockingIoAllowed()) machine.waitForFd(fd, /*forWrite=*/false, -1, vm.breaker());
    do {
      got = ::read(fd, buffer.data(), buffer.size());
    } while (got < 0 && errno == EINTR && !vm.signalPending());
    if (got < 0) error = errno;
    if (got > 0) machine.ioDone(static_cast<size_t>(got));
  }
  vm.checkSignals();
  if (got < 0) raiseOsError(error);
  buffer.resize(static_cast<size_t>(got));
  return makeBytes(std::move(buffer));
}

Value osWrite(VM& vm, CallArgs args) {
  expectArgs("write", args, 2, 2);
  int fd = fdArgument(args[0]);
  if (!isBytes(args[1]))
    raiseTypeError("a bytes-like object is required, not '{}'", typeName(args[1]));
  // The bytes object stays alive in the caller's frame and is immutable: read it unlocked.
  const std::string& data = args[1].as<BytesObject>()->data();
  ssize_t wrote;
  int error = 0;
  {
    GilReleased released(vm, DropReason::Io);
    Machine& machine = vm.interp().machine();
    if (machine.blockingIoAllowed()) {
      do {
        wrote = ::write(fd, data.data(), data.size());
      } while (wrote < 0 && errno == EINTR && !vm.signalPending());
    } else {
      wrote = writeWithoutBlocking(machine, vm.breaker(), fd, data);
    }
    if (wrote < 0) error = errno;
    if (wrote > 0) machine.ioDone(static_cast<size_t>(wrote));
  }
  // Ctrl-C that interrupted the write is raised here; after a write that went through, at the
  // next check point (what was written is not lost).
  if (wrote < 0) {
    vm.checkSignals();
    raiseOsError(error);
  }
  return Value::integer(wrote);
}

Value osClose(VM&, CallArgs args) {
  expectArgs("close", args, 1, 1);
  if (::close(fdArgument(args[0])) != 0) raiseOsError(errno);
  return Value::none();
}

Value osGetpid(VM&, CallArgs args) {
  expectArgs("getpid", args, 0, 0);
  return Value::integer(::getpid());
}

Value osCpuCount(VM&, CallArgs args) {
  expectArgs("cpu_count", args, 0, 0);
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? Value::integer(n) : Value::none();
}

}  // namespace

void initOsModule(VM& vm, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("pipe", makeNative("pipe", osPipe));
  d->setStr("read", makeNative("read", osRead));
  d->setStr("write", makeNative("write", osWrite));
  d->setStr("close", makeNative("close", osClose));
  d->setStr("getpid", makeNative("getpid", osGetpid));
  d->setStr("cpu_count", makeNative("cpu_count", osCpuCount));
  if (vm.interp().config().processControl) addOsProcessFunctions(d);
  d->setStr("sep", makeStr("/"));
  d->setStr("name", makeStr("posix"));
}

}  // namespace gilsim
