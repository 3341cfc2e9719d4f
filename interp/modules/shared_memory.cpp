#include "interp/modules/shared_memory.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>

#include "gil/machine.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

std::shared_ptr<SharedRegion> SharedRegion::create(size_t size) {
  if (size == 0) size = 1;
  int fd = ::memfd_create("gilsim-mp", MFD_CLOEXEC);
  if (fd < 0) raiseOsError(errno);
  if (::ftruncate(fd, static_cast<off_t>(size)) != 0) {
    int error = errno;
    ::close(fd);
    raiseOsError(error);
  }
  void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED) {
    int error = errno;
    ::close(fd);
    raiseOsError(error);
  }
  return std::shared_ptr<SharedRegion>(new SharedRegion(fd, data, size));
}

std::shared_ptr<SharedRegion> SharedRegion::attach(int fd, size_t size) {
  // Only a memfd (which has seals) is a block: never map some other file a number names.
  if (::fcntl(fd, F_GET_SEALS) < 0) raiseOsError(errno == EINVAL ? EBADF : errno);
  // The block must be at least as large as the message says, or the mapping would fault.
  off_t actual = ::lseek(fd, 0, SEEK_END);
  if (actual < 0) raiseOsError(errno);
  if (size == 0 || static_cast<size_t>(actual) < size) raiseOsError(EINVAL);
  int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (own < 0) raiseOsError(errno);
  void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, own, 0);
  if (data == MAP_FAILED) {
    int error = errno;
    ::close(own);
    raiseOsError(error);
  }
  return std::shared_ptr<SharedRegion>(new SharedRegion(own, data, size));
}

SharedRegion::~SharedRegion() {
  ::munmap(data_, size_);
  ::close(fd_);
}

// --- Semaphore ------------------------------------------------------------------------------

SharedSemaphoreObject::SharedSemaphoreObject(std::shared_ptr<SharedRegion> region, bool initialise,
                                             int64_t value, int64_t maxValue)
    : Object(sharedSemaphoreType()), region_(std::move(region)), maxValue_(maxValue) {
  if (initialise && ::sem_init(sem(), /*pshared=*/1, static_cast<unsigned>(value)) != 0)
    raiseOsError(errno);
}

// The simulated machine's processes take turns, so a waiter may not block in sem_wait (the
// holder could never run): it tries again each time another process may have released.
bool SharedSemaphoreObject::acquireSimulated(VM& vm, LockTimeout timeout) {
  Machine& machine = vm.interp().machine();
  Nanos deadline = kForever;
  if (timeout.seconds >= 0)
    deadline = machine.monotonicTime() + static_cast<Nanos>(timeout.seconds * 1e9);
  bool acquired = false;
  {
    GilReleased released(vm, DropReason::Wait);
    for (;;) {
      if (::sem_trywait(sem()) == 0) {
        acquired = true;
        break;
      }
      if (vm.signalPending()) break;
      if (deadline != kForever && machine.monotonicTime() >= deadline) break;
      machine.awaitOtherProcesses(deadline);
    }
  }
  vm.checkSignals();
  return acquired;
}

bool SharedSemaphoreObject::acquire(VM& vm, LockTimeout timeout) {
  if (::sem_trywait(sem()) == 0) return true;
  if (!timeout.blocking || timeout.seconds == 0) return false;
  Machine& machine = vm.interp().machine();
  if (!machine.blockingIoAllowed()) return acquireSimulated(vm, timeout);
  int rc;
  int error = 0;
  {
    GilReleased released(vm, DropReason::Wait);
    if (timeout.seconds < 0) {
      do {
        rc = ::sem_wait(sem());
      } while (rc != 0 && errno == EINTR && !vm.signalPending());
    } else {
      // sem_timedwait takes a CLOCK_REALTIME deadline.
      timespec deadline;
      ::clock_gettime(CLOCK_REALTIME, &deadline);
      double whole = std::floor(timeout.seconds);
      deadline.tv_sec += static_cast<time_t>(whole);
      deadline.tv_nsec += static_cast<long>((timeout.seconds - whole) * 1e9);
      if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000L;
      }
      do {
        rc = ::sem_timedwait(sem(), &deadline);
      } while (rc != 0 && errno == EINTR && !vm.signalPending());
    }
    if (rc != 0) error = errno;
  }
  vm.checkSignals();
  if (rc == 0) return true;
  if (error == ETIMEDOUT || error == EINTR) return false;
  raiseOsError(error);
}

void SharedSemaphoreObject::release(VM& vm) {
  // Checked and then posted: two processes releasing at once may both pass, as CPython's check is.
  if (maxValue_ > 0 && value() >= maxValue_)
    raiseValueError("semaphore or lock released too many times");
  if (::sem_post(sem()) != 0) raiseOsError(errno);
  vm.interp().machine().noteSharedChange();
}

int64_t SharedSemaphoreObject::value() const {
  int v = 0;
  ::sem_getvalue(sem(), &v);
  return v;
}

// --- Array ----------------------------------------------------------------------------------

SharedArrayObject::SharedArrayObject(std::shared_ptr<SharedRegion> region, char typecode,
                                     size_t length)
    : Object(sharedArrayType()), region_(std::move(region)), typecode_(typecode), length_(length) {}

size_t SharedArrayObject::itemSize(char typecode) {
  switch (typecode) {
    case 'b':
    case 'c':
      return 1;
    case 'i':
    case 'f':
      return 4;
    case 'l':
    case 'q':
    case 'd':
      return 8;
    default:
      return 0;
  }
}

Value SharedArrayObject::get(size_t index) const {
  const char* at = static_cast<const char*>(region_->data()) + index * itemSize(typecode_);
  switch (typecode_) {
    case 'b':
      return Value::integer(static_cast<int8_t>(*at));
    case 'c':
      return makeBytes(std::string(1, *at));
    case 'i': {
      int32_t v;
      std::memcpy(&v, at, sizeof v);
      return Value::integer(v);
    }
    case 'f': {
      float v;
      std::memcpy(&v, at, sizeof v);
      return Value::real(v);
    }
    case 'd': {
      double v;
      std::memcpy(&v, at, sizeof v);
      return Value::real(v);
    }
    default: {
      int64_t v;
      std::memcpy(&v, at, sizeof v);
      return Value::integer(v);
    }
  }
}

void SharedArrayObject::set(size_t index, const Value& value) {
  char* at = static_cast<char*>(region_->data()) + index * itemSize(typecode_);
  if (typecode_ == 'c') {
    if (!isBytes(value) || value.as<BytesObject>()->data().size() != 1)
      raiseTypeError("one character bytes, bytearray or integer expected");
    *at = value.as<BytesObject>()->data()[0];
    return;
  }
  if (typecode_ == 'f' || typecode_ == 'd') {
    if (!isInt(value) && !value.isFloat())
      raiseTypeError("must be real number, not {}", typeName(value));
    double v = toDouble(value);
    if (typecode_ == 'd') {
      std::memcpy(at, &v, sizeof v);
    } else {
      float f = static_cast<float>(v);
      std::memcpy(at, &f, sizeof f);
    }
    return;
  }
  if (!isInt(value))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(value));
  int64_t v;
  if (!intFitsInt64(value, &v)) raiseOverflowError("int too long to convert");
  // C integers wrap, as ctypes' do.
  switch (typecode_) {
    case 'b':
      *at = static_cast<char>(static_cast<int8_t>(v));
      return;
    case 'i': {
      auto narrow = static_cast<int32_t>(v);
      std::memcpy(at, &narrow, sizeof narrow);
      return;
    }
    default:
      std::memcpy(at, &v, sizeof v);
  }
}

// --- Methods --------------------------------------------------------------------------------

namespace {

template <class T>
T* self(const CallArgs& args, TypeObject* type) {
  if (args.count == 0 || args[0].type() != type)
    raiseTypeError("descriptor requires a '{}' object", type->name());
  return static_cast<T*>(args[0].object());
}

// acquire(block, timeout): timeout None or negative waits forever (multiprocessing's Lock and
// Semaphore parse their keyword arguments in Python and pass both).
Value semaphoreAcquire(VM& vm, CallArgs args) {
  expectMethodArgs("acquire", args, 0, 2);
  auto* sem = self<SharedSemaphoreObject>(args, sharedSemaphoreType());
  LockTimeout timeout;
  if (args.count > 1) timeout.blocking = truthy(args[1]);
  if (args.count > 2 && !args[2].isNone()) timeout.seconds = std::max(0.0, toDouble(args[2]));
  if (std::isnan(timeout.seconds)) raiseValueError("Invalid value NaN (not a number)");
  if (timeout.seconds > 1e9) timeout.seconds = -1;
  return Value::boolean(sem->acquire(vm, timeout));
}

Value semaphoreRelease(VM& vm, CallArgs args) {
  expectMethodArgs("release", args, 0, 0);
  self<SharedSemaphoreObject>(args, sharedSemaphoreType())->release(vm);
  return Value::none();
}

Value semaphoreValue(VM&, CallArgs args) {
  expectMethodArgs("get_value", args, 0, 0);
  return Value::integer(self<SharedSemaphoreObject>(args, sharedSemaphoreType())->value());
}

size_t arrayIndex(const SharedArrayObject& array, const Value& index) {
  if (!isInt(index)) raiseTypeError("array indices must be integers, not {}", typeName(index));
  int64_t i = toIndex(index, "index");
  int64_t n = static_cast<int64_t>(array.length());
  if (i < 0) i += n;
  if (i < 0 || i >= n) raiseIndexError("invalid index");
  return static_cast<size_t>(i);
}

Value arrayGet(VM&, CallArgs args) {
  expectMethodArgs("get", args, 1, 1);
  auto* array = self<SharedArrayObject>(args, sharedArrayType());
  return array->get(arrayIndex(*array, args[1]));
}

Value arraySet(VM& vm, CallArgs args) {
  expectMethodArgs("set", args, 2, 2);
  auto* array = self<SharedArrayObject>(args, sharedArrayType());
  array->set(arrayIndex(*array, args[1]), args[2]);
  vm.interp().machine().noteSharedChange();
  return Value::none();
}

Value arrayLength(VM&, CallArgs args) {
  expectMethodArgs("length", args, 0, 0);
  return Value::integer(
      static_cast<int64_t>(self<SharedArrayObject>(args, sharedArrayType())->length()));
}

Value arrayTypecode(VM&, CallArgs args) {
  expectMethodArgs("typecode", args, 0, 0);
  return makeStr(std::string(1, self<SharedArrayObject>(args, sharedArrayType())->typecode()));
}

}  // namespace

TypeObject* sharedSemaphoreType() {
  static TypeObject* type = makeNativeType("Semaphore", "_gilsim_mp",
                                           {{"acquire", semaphoreAcquire},
                                            {"release", semaphoreRelease},
                                            {"get_value", semaphoreValue}});
  return type;
}

TypeObject* sharedArrayType() {
  static TypeObject* type = makeNativeType(
      "SharedArray", "_gilsim_mp",
      {{"get", arrayGet}, {"set", arraySet}, {"length", arrayLength}, {"typecode", arrayTypecode}});
  return type;
}

}  // namespace gilsim
