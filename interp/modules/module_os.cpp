// The os module, the part the workloads need: pipes and raw reads and writes on file descriptors
// (blocking calls that give the GIL up, reason `io`), the process id and the core count.
#include <fcntl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <thread>

#include "gil/machine.h"
#include "interp/modules/machine_io.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/struct_sequence.h"
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
    got = machineRead(machine, vm.breaker(), fd, buffer.data(), buffer.size());
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
    wrote = machineWrite(machine, vm.breaker(), fd, data.data(), data.size());
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

Value osGetpid(VM& vm, CallArgs args) {
  expectArgs("getpid", args, 0, 0);
  return Value::integer(vm.interp().machine().platform().processId());
}

Value osCpuCount(VM& vm, CallArgs args) {
  expectArgs("cpu_count", args, 0, 0);
  // A simulated run has the machine's virtual cores, whatever the host has.
  if (const SimSettings* sim = vm.interp().machine().simSettings())
    return Value::integer(sim->cores);
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? Value::integer(n) : Value::none();
}

// os.uname(): the host's, as CPython gives it (a struct sequence of five strings).
Value osUname(VM&, CallArgs args) {
  expectArgs("uname", args, 0, 0);
  static const StructSequenceType type("posix.uname_result",
                                       {"sysname", "nodename", "release", "version", "machine"});
  struct utsname u {};
  if (::uname(&u) != 0) raiseOsError(errno);
  return type.make({makeStr(u.sysname), makeStr(u.nodename), makeStr(u.release), makeStr(u.version),
                    makeStr(u.machine)});
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
  d->setStr("uname", makeNative("uname", osUname));
  if (vm.interp().config().processControl) addOsProcessFunctions(d);
  d->setStr("sep", makeStr("/"));
  d->setStr("name", makeStr("posix"));
  addOsFilesystemFunctions(vm, d);
}

}  // namespace gilsim
