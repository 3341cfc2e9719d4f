// The _gilsim_mp module: the native half of multiprocessing (interp/lib/multiprocessing/).
//
//   dumps(obj) / loads(data)        the serialization of serialize.h
//   dumps_fds(obj)                  (data, fds): also the descriptors a spawned child must inherit
//   send_bytes(fd, data)            one framed message on a pipe (8-byte length, then the data)
//   recv_bytes(fd)                  the next framed message; EOFError at a clean end of the pipe
//   wait_readable(fds, timeout)     the descriptors ready to read (or at end of file), after
//                                   waiting up to `timeout` seconds (None: forever)
//   Semaphore(value, maxvalue)      a process-shared semaphore (shared_memory.h)
//   SharedArray(typecode, length)   a zeroed array of C numbers in shared memory
//   spawn(data_fd, script, keep_fds)
//                                   start `gilsim run OPTIONS --mp-spawn DATA_FD SCRIPT`, the
//                                   running binary with this run's settings
//                                   (InterpreterConfig::runOptions); only `keep_fds` (and 0-2)
//                                   stay open in it
//   PickleError, PicklingError, UnpicklingError
//                                   pickle's exception types, named `_pickle.*` as CPython's are
//
// Every blocking call gives the GIL up: reads and writes with reason `io`, waits with `wait`.
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>

#include "gil/machine.h"
#include "gil/trace_recorder.h"
#include "interp/modules/machine_io.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/serialize.h"
#include "interp/modules/shared_memory.h"
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

constexpr size_t kFrameHeader = 8;
// A message longer than this is refused on receipt: a corrupt header must not allocate wildly.
constexpr uint64_t kMaxMessage = uint64_t{1} << 32;

int fdArgument(const Value& v) {
  if (!isInt(v)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  int64_t fd = toIndex(v, "fd");
  if (fd < 0 || fd > INT32_MAX) raiseOsError(EBADF);
  return static_cast<int>(fd);
}

const std::string& bytesArgument(const Value& v) {
  if (!isBytes(v)) raiseTypeError("a bytes-like object is required, not '{}'", typeName(v));
  return v.as<BytesObject>()->data();
}

Value mpDumps(VM& vm, CallArgs args) {
  expectArgs("dumps", args, 1, 1);
  return makeBytes(serializeValue(vm, args[0]));
}

Value mpDumpsFds(VM& vm, CallArgs args) {
  expectArgs("dumps_fds", args, 1, 1);
  FdList fds;
  std::string data = serializeValue(vm, args[0], &fds);
  std::vector<Value> fdValues;
  for (int fd : fds)
    fdValues.push_back(Value::integer(fd));
  return makeTuple({makeBytes(std::move(data)), makeList(std::move(fdValues))});
}

Value mpLoads(VM& vm, CallArgs args) {
  expectArgs("loads", args, 1, 1);
  return deserializeValue(vm, bytesArgument(args[0]));
}

// Writes or reads all of `size` bytes with the GIL released; returns 0 or an errno. *done says
// how many moved: fewer than `size` (and 0 returned) when a read found the end of the pipe.
int transferAll(VM& vm, int fd, char* data, size_t size, bool writing, size_t* done) {
  GilReleased released(vm, DropReason::Io);
  Machine& machine = vm.interp().machine();
  *done = 0;
  int error = 0;
  while (*done < size) {
    ssize_t n = writing ? machineWrite(machine, vm.breaker(), fd, data + *done, size - *done)
                        : machineRead(machine, vm.breaker(), fd, data + *done, size - *done);
    if (n < 0) {
      if (errno == EINTR && !vm.signalPending()) continue;
      error = errno;
      break;
    }
    if (n == 0) break;  // end of file
    *done += static_cast<size_t>(n);
  }
  if (*done > 0) machine.ioDone(*done);
  return error;
}

Value mpSendBytes(VM& vm, CallArgs args) {
  expectArgs("send_bytes", args, 2, 2);
  int fd = fdArgument(args[0]);
  // The bytes object stays alive in the caller's frame and is immutable: read it unlocked.
  const std::string& data = bytesArgument(args[1]);
  std::string frame(kFrameHeader, '\0');
  uint64_t size = data.size();
  std::memcpy(frame.data(), &size, kFrameHeader);
  frame += data;
  size_t done;
  int error = transferAll(vm, fd, frame.data(), frame.size(), true, &done);
  vm.checkSignals();
  if (error) raiseOsError(error);
  return Value::none();
}

Value mpRecvBytes(VM& vm, CallArgs args) {
  expectArgs("recv_bytes", args, 1, 1);
  int fd = fdArgument(args[0]);
  char header[kFrameHeader];
  size_t done;
  int error = transferAll(vm, fd, header, kFrameHeader, false, &done);
  vm.checkSignals();
  if (error) raiseOsError(error);
  if (done < kFrameHeader)
    raiseException(newException(builtinTypes().EOFError, std::vector<Value>{}));
  uint64_t size;
  std::memcpy(&size, header, kFrameHeader);
  if (size > kMaxMessage) raiseOsError(EBADMSG);
  std::string data(static_cast<size_t>(size), '\0');
  error = transferAll(vm, fd, data.data(), data.size(), false, &done);
  vm.checkSignals();
  if (error) raiseOsError(error);
  if (done < data.size())
    raiseException(newException(builtinTypes().EOFError, std::vector<Value>{}));
  return makeBytes(std::move(data));
}

Value mpWaitReadable(VM& vm, CallArgs args) {
  expectArgs("wait_readable", args, 2, 2);
  std::vector<pollfd> polls;
  for (const Value& v : toVector(args[0]))
    polls.push_back(pollfd{fdArgument(v), POLLIN, 0});
  double seconds = -1;
  if (!args[1].isNone()) {
    seconds = std::max(0.0, toDouble(args[1]));
    if (std::isnan(seconds)) raiseValueError("Invalid value NaN (not a number)");
  }
  int ready;
  int error = 0;
  {
    GilReleased released(vm, DropReason::Wait);
    Nanos timeout = seconds < 0 ? -1 : static_cast<Nanos>(std::min(seconds, 1e9) * 1e9);
    do {
      ready = vm.interp().machine().pollFds(polls, timeout, vm.breaker());
    } while (ready < 0 && errno == EINTR && !vm.signalPending());
    if (ready < 0) error = errno;
  }
  vm.checkSignals();
  if (ready < 0) raiseOsError(error);
  std::vector<Value> result;
  for (const pollfd& p : polls)
    if (p.revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) result.push_back(Value::integer(p.fd));
  return makeList(std::move(result));
}

Value mpSemaphore(VM&, CallArgs args) {
  expectArgs("Semaphore", args, 2, 2);
  int64_t value = toIndex(args[0], "value");
  int64_t maxValue = toIndex(args[1], "maxvalue");
  if (value < 0) raiseValueError("semaphore initial value must be >= 0");
  if (value > INT32_MAX || maxValue > INT32_MAX) raiseOverflowError("value too large");
  auto region = SharedRegion::create(sizeof(sem_t));
  return Value::steal(new SharedSemaphoreObject(std::move(region), true, value, maxValue));
}

Value mpSharedArray(VM&, CallArgs args) {
  expectArgs("SharedArray", args, 2, 2);
  if (!isStr(args[0]) || asStr(args[0])->str().size() != 1)
    raiseTypeError("array item must be a one-character typecode");
  char typecode = asStr(args[0])->str()[0];
  size_t item = SharedArrayObject::itemSize(typecode);
  if (item == 0) raiseTypeError("bad typecode (must be b, c, i, l, q, f or d)");
  int64_t length = toIndex(args[1], "length");
  if (length < 0) raiseValueError("array length must be >= 0");
  if (static_cast<uint64_t>(length) > (uint64_t{1} << 32) / item) raiseMemoryError("");
  auto region = SharedRegion::create(static_cast<size_t>(length) * item);
  return Value::steal(
      new SharedArrayObject(std::move(region), typecode, static_cast<size_t>(length)));
}

// The running gilsim binary.
std::string executablePath() {
  char buffer[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n < 0) raiseOsError(errno);
  return std::string(buffer, static_cast<size_t>(n));
}

Value mpSpawn(VM& vm, CallArgs args) {
  expectArgs("spawn", args, 3, 3);
  int dataFd = fdArgument(args[0]);
  if (!isStr(args[1])) raiseTypeError("spawn() script must be str");
  std::string path = executablePath();
  std::vector<std::string> argv = {path, "run"};
  for (std::string& option : vm.interp().config().runOptions())
    argv.push_back(std::move(option));
  argv.insert(argv.end(), {"--mp-spawn", std::to_string(dataFd), asStr(args[1])->str()});
  std::vector<int> keep;
  for (const Value& v : toVector(args[2]))
    keep.push_back(fdArgument(v));
  // Everything the child needs is built before the fork: between fork and exec a child of a
  // threaded process may only make async-signal-safe calls.
  std::vector<char*> argvPointers;
  for (std::string& a : argv)
    argvPointers.push_back(a.data());
  argvPointers.push_back(nullptr);
  // A traced run tells the child where to leave its trace.
  std::string traceVariable = vm.interp().recorder().spawnEnvironment();
  std::vector<char*> environment;
  for (char** e = environ; *e; ++e)
    environment.push_back(*e);
  if (!traceVariable.empty()) environment.push_back(traceVariable.data());
  // The simulated machine adds its own entries and descriptors (the child's place in the run);
  // the room for them is made now, so that the child allocates nothing.
  Machine::ExecHandoff handoff;
  handoff.environment.reserve(4);
  handoff.keepFds.reserve(4);
  environment.reserve(environment.size() + 5);
  int64_t pid = vm.interp().machine().forkProcess(&handoff);
  if (pid < 0) raiseOsError(errno);
  if (pid == 0) {
    keep.insert(keep.end(), handoff.keepFds.begin(), handoff.keepFds.end());
    for (int fd : keep) {
      int flags = ::fcntl(fd, F_GETFD);
      if (flags >= 0) ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    for (std::string& entry : handoff.environment)
      environment.push_back(entry.data());
    environment.push_back(nullptr);
    ::execve(path.c_str(), argvPointers.data(), environment.data());
    ::_exit(127);
  }
  return Value::integer(pid);
}

Value makeErrorType(const char* name, TypeObject* base) {
  auto* type = new TypeObject(name, base, Layout::Exception);
  type->moduleName = "_pickle";
  return Value::steal(type);
}

}  // namespace

void initGilsimMpModule(VM& vm, ModuleObject* module) {
  // Its waits on other processes have no deadlock detection to end them: without process control
  // (the fuzzer) the module does not exist.
  if (!vm.interp().config().processControl)
    raiseImportError("_gilsim_mp is not available: process control is off");
  DictObject* d = module->dict();
  d->setStr("dumps", makeNative("dumps", mpDumps));
  d->setStr("dumps_fds", makeNative("dumps_fds", mpDumpsFds));
  d->setStr("loads", makeNative("loads", mpLoads));
  d->setStr("send_bytes", makeNative("send_bytes", mpSendBytes));
  d->setStr("recv_bytes", makeNative("recv_bytes", mpRecvBytes));
  d->setStr("wait_readable", makeNative("wait_readable", mpWaitReadable));
  d->setStr("Semaphore", makeNative("Semaphore", mpSemaphore));
  d->setStr("SharedArray", makeNative("SharedArray", mpSharedArray));
  d->setStr("spawn", makeNative("spawn", mpSpawn));
  // pickle's hierarchy: PickleError above both.
  Value base = makeErrorType("PickleError", builtinTypes().Exception);
  d->setStr("PickleError", base);
  d->setStr("PicklingError", makeErrorType("PicklingError", base.as<TypeObject>()));
  d->setStr("UnpicklingError", makeErrorType("UnpicklingError", base.as<TypeObject>()));
}

}  // namespace gilsim
