// The select module, as CPython 3.11's on Linux: select.select over poll(2) (so any descriptor
// works, though CPython's FD_SETSIZE limit and errors are kept) and poll objects. The waits give
// the GIL up (reason `io`) and end on Ctrl-C, through the machine's pollFds.
//
//   select(rlist, wlist, xlist, timeout=None)   objects with fileno() or ints; three lists back
//   poll()                                      register(fd, eventmask), modify, unregister,
//                                               poll(timeout_ms=None) -> [(fd, revents)]
//   POLL* constants, PIPE_BUF, error (OSError)
//
// Under --sim both waits are refused (socket_wait.h says why).
#include <limits.h>
#include <poll.h>
#include <sys/select.h>

#include <cerrno>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "gil/machine.h"
#include "interp/modules/native_modules.h"
#include "interp/modules/socket_wait.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

constexpr const char* kRealTime =
    "its wait would run on real time, which a simulated run cannot replay";

// The descriptor of an int or of an object with fileno(), with CPython's errors.
int descriptorOf(VM& vm, const Value& v) {
  Value number = v;
  if (!isInt(v)) {
    Value name = makeStr("fileno");
    Value method = getAttrOrNull(v, asStr(name));
    if (method.isNull()) raiseTypeError("argument must be an int, or have a fileno() method.");
    number = vm.call(method, std::initializer_list<Value>{});
    if (!isInt(number)) raiseTypeError("fileno() returned a non-integer");
  }
  int64_t fd;
  if (!intFitsInt64(number, &fd) || fd > INT_MAX)
    raiseOverflowError("Python int too large to convert to C int");
  if (fd < 0) raiseValueError("file descriptor cannot be a negative integer ({})", fd);
  return static_cast<int>(fd);
}

// Waits on `fds` (revents filled) until one is ready, `timeout` passed (kBlocking: never) or a
// signal raises; returns how many are ready.
int waitOn(VM& vm, std::vector<pollfd>& fds, Nanos timeout) {
  Machine& machine = vm.interp().machine();
  Nanos deadline = timeout > 0 ? machine.monotonicTime() + timeout : 0;
  for (;;) {
    Nanos left = timeout;
    if (timeout > 0) left = std::max<Nanos>(deadline - machine.monotonicTime(), 0);
    int ready, error;
    {
      GilReleased released(vm, DropReason::Io);
      ready = machine.pollFds(fds, left, vm.breaker());
      error = errno;
    }
    if (ready >= 0) return ready;
    if (error != EINTR) raiseOsError(error);
    vm.checkSignals();  // a handler that returns: wait on, for what is left (PEP 475)
  }
}

std::vector<Value> sequenceItems(const Value& v) {
  if (isList(v)) return v.as<ListObject>()->items();
  if (isTuple(v)) return v.as<TupleObject>()->items();
  Value iterator;
  try {
    iterator = getIter(v);
  } catch (const PyException& e) {
    if (!isInstance(e.exception, builtinTypes().TypeError)) throw;
    raiseTypeError("arguments 1-3 must be sequences");
  }
  return toVector(iterator);
}

Nanos selectTimeout(const Value& v) {
  if (v.isNone()) return kBlocking;
  double seconds;
  if (v.isFloat())
    seconds = v.real();
  else if (isInt(v))
    seconds = intToDouble(v);
  else
    raiseTypeError("timeout must be a float or None");
  if (std::isnan(seconds)) raiseValueError("Invalid value NaN (not a number)");
  if (seconds < 0) raiseValueError("timeout must be non-negative");
  return static_cast<Nanos>(std::ceil(std::min(seconds, 1e9) * 1e9));
}

// What makes a descriptor ready for each list, as Linux's select(2) counts poll's events.
constexpr short kReadReady = POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR;
constexpr short kWriteReady = POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR;
constexpr short kExceptReady = POLLPRI;

Value selectSelect(VM& vm, CallArgs args) {
  expectArgs("select", args, 3, 4);
  Nanos timeout = args.count == 4 ? selectTimeout(args[3]) : kBlocking;
  static constexpr short kAsked[3] = {POLLIN, POLLOUT, POLLPRI};
  static constexpr short kReady[3] = {kReadReady, kWriteReady, kExceptReady};
  std::vector<Value> objects[3];
  std::vector<pollfd> fds;
  for (int list = 0; list < 3; ++list) {
    objects[list] = sequenceItems(args[list]);
    for (const Value& object : objects[list]) {
      int fd = descriptorOf(vm, object);
      if (fd >= FD_SETSIZE) raiseValueError("filedescriptor out of range in select()");
      fds.push_back(pollfd{fd, kAsked[list], 0});
    }
  }
  refuseUnderSim(vm, "select.select() is", kRealTime);
  int ready = waitOn(vm, fds, timeout);
  std::vector<Value> results[3];
  size_t next = 0;
  for (int list = 0; list < 3; ++list)
    for (const Value& object : objects[list]) {
      short revents = ready > 0 ? fds[next].revents : 0;
      ++next;
      if (revents & POLLNVAL) raiseOsError(EBADF);  // select(2)'s answer to a closed descriptor
      if (revents & kReady[list]) results[list].push_back(object);
    }
  return makeTuple({makeList(std::move(results[0])), makeList(std::move(results[1])),
                    makeList(std::move(results[2]))});
}

class PollObject : public Object {
 public:
  explicit PollObject(TypeObject* type) : Object(type) {}
  std::vector<std::pair<int, short>> registered;  // in the order of registration, as a dict
  bool polling = false;

  std::pair<int, short>* find(int fd) {
    for (auto& entry : registered)
      if (entry.first == fd) return &entry;
    return nullptr;
  }
};

TypeObject* pollType();

PollObject* selfPoll(const CallArgs& args, const char* method) {
  if (args.count == 0 || !args[0].isObject() || args[0].object()->type() != pollType())
    raiseTypeError("descriptor '{}' requires a 'select.poll' object", method);
  return args[0].as<PollObject>();
}

short eventMask(const Value& v) {
  if (!isInt(v)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  if (intSign(v) < 0) raiseValueError("value must be positive");
  int64_t mask;
  if (!intFitsInt64(v, &mask) || mask > 0xffff)
    raiseOverflowError("Python int too large for C unsigned short");
  return static_cast<short>(static_cast<unsigned short>(mask));
}

Value pollRegister(VM& vm, CallArgs args) {
  PollObject* p = selfPoll(args, "register");
  expectMethodArgs("register", args, 1, 2);
  int fd = descriptorOf(vm, args[1]);
  short mask = args.count > 2 ? eventMask(args[2]) : static_cast<short>(POLLIN | POLLPRI | POLLOUT);
  if (auto* entry = p->find(fd))
    entry->second = mask;
  else
    p->registered.emplace_back(fd, mask);
  return Value::none();
}

Value pollModify(VM& vm, CallArgs args) {
  PollObject* p = selfPoll(args, "modify");
  expectMethodArgs("modify", args, 2, 2);
  int fd = descriptorOf(vm, args[1]);
  short mask = eventMask(args[2]);
  auto* entry = p->find(fd);
  if (!entry) raiseOsError(ENOENT);
  entry->second = mask;
  return Value::none();
}

Value pollUnregister(VM& vm, CallArgs args) {
  PollObject* p = selfPoll(args, "unregister");
  expectMethodArgs("unregister", args, 1, 1);
  int fd = descriptorOf(vm, args[1]);
  for (auto it = p->registered.begin(); it != p->registered.end(); ++it)
    if (it->first == fd) {
      p->registered.erase(it);
      return Value::none();
    }
  raiseException(newException(builtinTypes().KeyError, std::vector<Value>{Value::integer(fd)}));
}

// poll(timeout=None): milliseconds, None or negative for no limit.
Value pollPoll(VM& vm, CallArgs args) {
  PollObject* p = selfPoll(args, "poll");
  expectMethodArgs("poll", args, 0, 1);
  Nanos timeout = kBlocking;
  if (args.count > 1 && !args[1].isNone()) {
    double ms;
    if (args[1].isFloat())
      ms = args[1].real();
    else if (isInt(args[1]))
      ms = intToDouble(args[1]);
    else
      raiseTypeError("timeout must be an integer or None");
    if (std::isnan(ms)) raiseValueError("Invalid value NaN (not a number)");
    if (ms >= 0) timeout = static_cast<Nanos>(std::ceil(std::min(ms, 1e12) * 1e6));
  }
  if (p->polling) raiseRuntimeError("concurrent poll() invocation");
  refuseUnderSim(vm, "select.poll() is", kRealTime);
  // A copy: another thread may register or unregister while this one waits.
  std::vector<pollfd> fds;
  for (const auto& [fd, mask] : p->registered)
    fds.push_back(pollfd{fd, mask, 0});
  p->polling = true;
  int ready;
  try {
    ready = waitOn(vm, fds, timeout);
  } catch (...) {
    p->polling = false;
    throw;
  }
  p->polling = false;
  std::vector<Value> result;
  if (ready > 0)
    for (const pollfd& entry : fds)
      if (entry.revents != 0)
        result.push_back(makeTuple({Value::integer(entry.fd),
                                    Value::integer(static_cast<unsigned short>(entry.revents))}));
  return makeList(std::move(result));
}

TypeObject* pollType() {
  static TypeObject* type = makeNativeType("poll", "select",
                                           {{"register", pollRegister},
                                            {"modify", pollModify},
                                            {"unregister", pollUnregister},
                                            {"poll", pollPoll}});
  return type;
}

Value selectPoll(VM&, CallArgs args) {
  expectArgs("poll", args, 0, 0);
  return Value::steal(new PollObject(pollType()));
}

struct Constant {
  const char* name;
  int64_t value;
};

#define GILSIM_SELECT_CONSTANT(name) \
  { #name, name }
constexpr Constant kConstants[] = {
    GILSIM_SELECT_CONSTANT(POLLIN),     GILSIM_SELECT_CONSTANT(POLLPRI),
    GILSIM_SELECT_CONSTANT(POLLOUT),    GILSIM_SELECT_CONSTANT(POLLERR),
    GILSIM_SELECT_CONSTANT(POLLHUP),    GILSIM_SELECT_CONSTANT(POLLNVAL),
    GILSIM_SELECT_CONSTANT(POLLRDNORM), GILSIM_SELECT_CONSTANT(POLLRDBAND),
    GILSIM_SELECT_CONSTANT(POLLWRNORM), GILSIM_SELECT_CONSTANT(POLLWRBAND),
    GILSIM_SELECT_CONSTANT(POLLMSG),    GILSIM_SELECT_CONSTANT(POLLRDHUP),
    GILSIM_SELECT_CONSTANT(PIPE_BUF),
};
#undef GILSIM_SELECT_CONSTANT

}  // namespace

void initSelectModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("select", makeNative("select", selectSelect));
  d->setStr("poll", makeNative("poll", selectPoll));
  d->setStr("error", Value::borrow(builtinTypes().OSError));
  for (const Constant& c : kConstants)
    d->setStr(c.name, Value::integer(c.value));
}

}  // namespace gilsim
