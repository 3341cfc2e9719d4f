// The _socket module, under interp/lib/socket.py: the `socket` type over a descriptor, as
// CPython 3.11's _socket.socket, with its timeouts (socket_wait.h), its addresses and name
// lookups (socket_address.h), socketpair, dup, close, the default timeout and the constants.
//
//   socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)
//     bind listen _accept connect connect_ex recv recv_into recvfrom recvfrom_into send sendall
//     sendto shutdown close detach fileno getsockname getpeername getsockopt setsockopt
//     settimeout gettimeout setblocking getblocking; family type proto timeout
//
// Every call that may block (accept, connect, recv*, send*) gives the GIL up, reason `io`, and
// ends on Ctrl-C; sends and receives are charged as I/O (Machine::ioDone), as os.read and
// os.write are. Under --sim no socket can be made: the simulated machine has no network.
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "interp/modules/native_modules.h"
#include "interp/modules/socket_address.h"
#include "interp/modules/socket_wait.h"
#include "interp/objects/builtin_methods.h"
#include "interp/objects/bytearray_object.h"
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

// A socket's timeout in seconds; negative: None (blocking).
constexpr double kNoTimeout = -1.0;
constexpr const char* kNoSockets =
    "the simulated machine has no network, and a socket's waits would run on real time";
// setdefaulttimeout's value, process-wide as in CPython.
std::atomic<double> gDefaultTimeout{kNoTimeout};
// A wait that has no timeout but must poll (a connect that EINTR interrupted): ~3 years.
constexpr Nanos kPollForever = Nanos{1} << 56;

class SocketObject : public Object {
 public:
  SocketObject(TypeObject* t, int fd, int family, int kind, int proto)
      : Object(t), fd(fd), family(family), kind(kind), proto(proto) {}
  ~SocketObject() override {
    if (fd >= 0) ::close(fd);
  }
  int fd;
  int family;
  int kind;  // SOCK_STREAM, ..., without SOCK_NONBLOCK and SOCK_CLOEXEC
  int proto;
  double timeout = kNoTimeout;

  Nanos timeoutNanos() const {
    if (timeout < 0) return kBlocking;
    // Rounded up, as CPython's timeouts are, so that a wait never ends early.
    return static_cast<Nanos>(std::ceil(std::min(timeout, 1e9) * 1e9));
  }
};

TypeObject* socketType();

SocketObject* self(const CallArgs& args, const char* method) {
  if (args.count == 0 || !args[0].isObject() || args[0].object()->type() != socketType())
    raiseTypeError("descriptor '{}' for '_socket.socket' objects doesn't apply to a '{}' object",
                   method, args.count ? typeName(args[0]) : std::string("NoneType"));
  return args[0].as<SocketObject>();
}

int intArgument(const Value& v) {
  int64_t n;
  if (intFitsInt64(v, &n) && n >= INT32_MIN && n <= INT32_MAX) return static_cast<int>(n);
  if (isInt(v)) raiseOverflowError("Python int too large to convert to C int");
  raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
}

// A timeout in seconds as settimeout and setdefaulttimeout take it.
double timeoutArgument(const Value& v) {
  if (v.isNone()) return kNoTimeout;
  double seconds;
  if (v.isFloat())
    seconds = v.real();
  else if (isInt(v))
    seconds = intToDouble(v);
  else
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  if (std::isnan(seconds)) raiseValueError("Invalid value NaN (not a number)");
  if (seconds < 0) raiseValueError("Timeout value out of range");
  return seconds;
}

Value timeoutValue(double seconds) {
  return seconds < 0 ? Value::none() : Value::real(seconds);
}

// The bytes to send: a bytes object is read in place (immutable, kept alive by the caller); a
// bytearray or memoryview is copied, since another thread may change it while the GIL is given up.
std::string_view sendData(const Value& v, std::string* copy) {
  if (isBytes(v)) return v.as<BytesObject>()->data();
  if (const std::string* data = bytesLikeData(v)) return *copy = *data;
  raiseTypeError("a bytes-like object is required, not '{}'", typeName(v));
}

void setBlocking(int fd, bool blocking) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) raiseOsError(errno);
  int wanted = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (wanted != flags && ::fcntl(fd, F_SETFL, wanted) < 0) raiseOsError(errno);
}

// A new socket object over `fd` (which it owns from here on), its timeout the default one, as
// CPython's init_sockobject sets it.
Value wrapDescriptor(int fd, int family, int kindWithFlags, int proto) {
  auto* s = new SocketObject(socketType(), fd, family,
                             kindWithFlags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC), proto);
  Value result = Value::steal(s);
  if (kindWithFlags & SOCK_NONBLOCK) {
    s->timeout = 0.0;
  } else {
    s->timeout = gDefaultTimeout.load();
    if (s->timeout >= 0) setBlocking(fd, false);
  }
  return result;
}

int socketOption(int fd, int option) {
  int value = 0;
  socklen_t length = sizeof value;
  if (::getsockopt(fd, SOL_SOCKET, option, &value, &length) != 0) raiseOsError(errno);
  return value;
}

// socket(family=-1, type=-1, proto=-1, fileno=None): -1 is AF_INET, SOCK_STREAM, 0, or with a
// fileno what the descriptor says it is.
Value socketNew(VM& vm, TypeObject*, CallArgs args) {
  static constexpr const char* kNames[] = {"family", "type", "proto", "fileno"};
  Value values[4];
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    for (size_t i = 0; i < 4; ++i)
      if (name == kNames[i]) {
        values[i] = v;
        return;
      }
    raiseTypeError("socket() got an unexpected keyword argument '{}'", name);
  });
  if (positional > 4) raiseTypeError("socket() takes at most 4 arguments ({} given)", positional);
  for (size_t i = 0; i < positional; ++i)
    values[i] = args[i];
  int family = values[0].isNull() || values[0].isNone() ? -1 : intArgument(values[0]);
  int kind = values[1].isNull() || values[1].isNone() ? -1 : intArgument(values[1]);
  int proto = values[2].isNull() || values[2].isNone() ? -1 : intArgument(values[2]);
  refuseUnderSim(vm, "sockets are", kNoSockets);
  if (!values[3].isNull() && !values[3].isNone()) {
    int64_t fd;
    if (!intFitsInt64(values[3], &fd))
      raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(values[3]));
    if (fd < 0) raiseValueError("negative file descriptor");
    if (fd > INT32_MAX) raiseOverflowError("Python int too large to convert to C int");
    int descriptor = static_cast<int>(fd);
    if (family == -1) family = socketOption(descriptor, SO_DOMAIN);
    if (kind == -1) kind = socketOption(descriptor, SO_TYPE);
    if (proto == -1) proto = socketOption(descriptor, SO_PROTOCOL);
    return wrapDescriptor(descriptor, family, kind, proto);
  }
  if (family == -1) family = AF_INET;
  if (kind == -1) kind = SOCK_STREAM;
  if (proto == -1) proto = 0;
  int fd = ::socket(family, kind | SOCK_CLOEXEC, proto);
  if (fd < 0) raiseOsError(errno);
  return wrapDescriptor(fd, family, kind, proto);
}

Value sockBind(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "bind");
  expectMethodArgs("bind", args, 1, 1);
  SocketAddress address = parseSocketAddress(vm, s->family, args[1], "bind");
  if (::bind(s->fd, address.get(), address.length) != 0) raiseOsError(errno);
  return Value::none();
}

Value sockListen(VM&, CallArgs args) {
  SocketObject* s = self(args, "listen");
  expectMethodArgs("listen", args, 0, 1);
  int backlog = args.count > 1 ? intArgument(args[1]) : std::min(SOMAXCONN, 128);
  if (::listen(s->fd, std::max(backlog, 0)) != 0) raiseOsError(errno);
  return Value::none();
}

// _accept() -> (fd, address): socket.py's accept() makes the socket object.
Value sockAccept(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "_accept");
  expectMethodArgs("_accept", args, 0, 0);
  int fd = s->fd;
  SocketAddress peer;
  ssize_t newFd = socketCall(vm, fd, false, s->timeoutNanos(), false, [&] {
    socklen_t length = sizeof peer.storage;
    int r = ::accept4(fd, peer.get(), &length, SOCK_CLOEXEC);
    peer.length = length;
    return static_cast<ssize_t>(r);
  });
  return makeTuple({Value::integer(newFd), socketAddressValue(peer.get(), peer.length)});
}

// connect() and connect_ex(): 0, an errno, or kTimedOut. A connect that is still under way (a
// timeout, or EINTR on a blocking socket) is waited for and its outcome read from SO_ERROR.
int connectSocket(VM& vm, SocketObject* s, const Value& target, const char* caller) {
  SocketAddress address = parseSocketAddress(vm, s->family, target, caller);
  int fd = s->fd;
  Nanos timeout = s->timeoutNanos();
  int r, error;
  {
    GilReleased released(vm, DropReason::Io);
    r = ::connect(fd, address.get(), address.length);
    error = errno;
  }
  if (r == 0) return 0;
  bool wait;
  if (error == EINTR) {
    vm.checkSignals();
    wait = timeout != 0;
  } else {
    wait = timeout > 0 && error == EINPROGRESS;
  }
  if (!wait) return error;
  int waitError = 0;
  ssize_t done = socketCallNoRaise(
      vm, fd, true, timeout > 0 ? timeout : kPollForever, false,
      [fd] {
        int outcome = 0;
        socklen_t length = sizeof outcome;
        if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &outcome, &length) != 0) return ssize_t{-1};
        if (outcome == 0 || outcome == EISCONN) return ssize_t{0};
        errno = outcome;
        return ssize_t{-1};
      },
      &waitError);
  return done == 0 ? 0 : waitError;
}

Value sockConnect(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "connect");
  expectMethodArgs("connect", args, 1, 1);
  int error = connectSocket(vm, s, args[1], "connect");
  if (error == kTimedOut) raiseSocketTimeout();
  if (error != 0) raiseOsError(error);
  return Value::none();
}

Value sockConnectEx(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "connect_ex");
  expectMethodArgs("connect_ex", args, 1, 1);
  int error = connectSocket(vm, s, args[1], "connect_ex");
  // A timeout is EWOULDBLOCK there, as CPython's SOCK_TIMEOUT_ERR.
  return Value::integer(error == kTimedOut ? EWOULDBLOCK : error);
}

size_t bufferSize(const Value& v, const char* method) {
  int64_t size;
  if (!intFitsInt64(v, &size))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  if (size < 0) raiseValueError("negative buffersize in {}", method);
  return static_cast<size_t>(size);
}

int flagsArgument(const CallArgs& args, size_t index) {
  return args.count > index ? intArgument(args[index]) : 0;
}

// One recv(2) or recvfrom(2) of up to buffer->size() bytes; the data is resized to what came.
ssize_t receive(VM& vm, SocketObject* s, std::string* buffer, int flags, SocketAddress* from) {
  int fd = s->fd;
  ssize_t n = socketCall(vm, fd, false, s->timeoutNanos(), true, [&] {
    if (!from) return ::recv(fd, buffer->data(), buffer->size(), flags);
    socklen_t length = sizeof from->storage;
    ssize_t r = ::recvfrom(fd, buffer->data(), buffer->size(), flags, from->get(), &length);
    from->length = length;
    return r;
  });
  buffer->resize(static_cast<size_t>(n));
  return n;
}

Value sockRecv(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "recv");
  expectMethodArgs("recv", args, 1, 2);
  std::string buffer(bufferSize(args[1], "recv"), '\0');
  receive(vm, s, &buffer, flagsArgument(args, 2), nullptr);
  return makeBytes(std::move(buffer));
}

Value sockRecvfrom(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "recvfrom");
  expectMethodArgs("recvfrom", args, 1, 2);
  std::string buffer(bufferSize(args[1], "recvfrom"), '\0');
  SocketAddress from;
  receive(vm, s, &buffer, flagsArgument(args, 2), &from);
  return makeTuple({makeBytes(std::move(buffer)), socketAddressValue(from.get(), from.length)});
}

// recv_into / recvfrom_into(buffer, nbytes=0, flags=0): into a bytearray, through a copy (the
// bytearray may not be touched without the GIL).
Value receiveInto(VM& vm, CallArgs args, const char* method, bool withAddress) {
  SocketObject* s = self(args, method);
  static constexpr const char* kNames[] = {"buffer", "nbytes", "flags"};
  Value values[3];
  CallArgs rest{args.args + 1, args.count - 1, args.kwnames};
  size_t positional = forEachKeyword(rest, [&](std::string_view name, const Value& v) {
    for (size_t i = 0; i < 3; ++i)
      if (name == kNames[i]) {
        values[i] = v;
        return;
      }
    raiseTypeError("{}() got an unexpected keyword argument '{}'", method, name);
  });
  if (positional > 3)
    raiseTypeError("{}() takes at most 3 arguments ({} given)", method, positional);
  for (size_t i = 0; i < positional; ++i)
    values[i] = rest[i];
  if (values[0].isNull()) raiseTypeError("{}() missing required argument 'buffer' (pos 1)", method);
  std::span<char> target;
  if (!writableBytesLikeData(values[0], &target))
    raiseTypeError("{}() argument 1 must be read-write bytes-like object, not {}", method,
                   typeName(values[0]));
  size_t available = target.size();
  size_t wanted = values[1].isNull() ? 0 : bufferSize(values[1], method);
  if (wanted > available) raiseValueError("buffer too small for requested bytes");
  if (wanted == 0) wanted = available;
  int flags = values[2].isNull() ? 0 : intArgument(values[2]);
  std::string buffer(wanted, '\0');
  SocketAddress from;
  ssize_t n = receive(vm, s, &buffer, flags, withAddress ? &from : nullptr);
  // Afresh: the receive gave the GIL up, and the buffer may have changed meanwhile.
  if (writableBytesLikeData(values[0], &target))
    std::copy_n(buffer.begin(), std::min(buffer.size(), target.size()), target.begin());
  if (!withAddress) return Value::integer(n);
  return makeTuple({Value::integer(n), socketAddressValue(from.get(), from.length)});
}

Value sockRecvInto(VM& vm, CallArgs args) {
  return receiveInto(vm, args, "recv_into", false);
}

Value sockRecvfromInto(VM& vm, CallArgs args) {
  return receiveInto(vm, args, "recvfrom_into", true);
}

// MSG_NOSIGNAL: a peer that has gone is EPIPE (BrokenPipeError), never a SIGPIPE that kills.
ssize_t sendOnce(VM& vm, SocketObject* s, std::string_view data, int flags, Nanos timeout,
                 const SocketAddress* to) {
  int fd = s->fd;
  return socketCall(vm, fd, true, timeout, true, [&] {
    if (!to) return ::send(fd, data.data(), data.size(), flags | MSG_NOSIGNAL);
    return ::sendto(fd, data.data(), data.size(), flags | MSG_NOSIGNAL, to->get(), to->length);
  });
}

Value sockSend(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "send");
  expectMethodArgs("send", args, 1, 2);
  std::string copy;
  std::string_view data = sendData(args[1], &copy);
  return Value::integer(sendOnce(vm, s, data, flagsArgument(args, 2), s->timeoutNanos(), nullptr));
}

// All of it, in as many sends as the socket takes; the timeout bounds the whole (CPython 3.5+).
Value sockSendall(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "sendall");
  expectMethodArgs("sendall", args, 1, 2);
  std::string copy;
  std::string_view data = sendData(args[1], &copy);
  int flags = flagsArgument(args, 2);
  Nanos timeout = s->timeoutNanos();
  Machine& machine = vm.interp().machine();
  Nanos deadline = timeout > 0 ? machine.monotonicTime() + timeout : 0;
  size_t done = 0;
  do {
    Nanos left = timeout;
    if (timeout > 0) {
      left = deadline - machine.monotonicTime();
      if (left <= 0) raiseSocketTimeout();
    }
    done += static_cast<size_t>(sendOnce(vm, s, data.substr(done), flags, left, nullptr));
    vm.checkSignals();
  } while (done < data.size());
  return Value::none();
}

// sendto(data, address) or sendto(data, flags, address).
Value sockSendto(VM& vm, CallArgs args) {
  SocketObject* s = self(args, "sendto");
  if (args.keywordCount()) raiseTypeError("sendto() takes no keyword arguments");
  if (args.count != 3 && args.count != 4)
    raiseTypeError("sendto() takes 2 or 3 arguments ({} given)", args.count - 1);
  std::string copy;
  std::string_view data = sendData(args[1], &copy);
  int flags = args.count == 4 ? intArgument(args[2]) : 0;
  SocketAddress to = parseSocketAddress(vm, s->family, args[args.count - 1], "sendto");
  return Value::integer(sendOnce(vm, s, data, flags, s->timeoutNanos(), &to));
}

Value sockShutdown(VM&, CallArgs args) {
  SocketObject* s = self(args, "shutdown");
  expectMethodArgs("shutdown", args, 1, 1);
  if (::shutdown(s->fd, intArgument(args[1])) != 0) raiseOsError(errno);
  return Value::none();
}

Value sockClose(VM&, CallArgs args) {
  SocketObject* s = self(args, "close");
  expectMethodArgs("close", args, 0, 0);
  int fd = s->fd;
  if (fd < 0) return Value::none();
  s->fd = -1;
  // A reset peer is no error of the close (CPython ignores ECONNRESET too).
  if (::close(fd) != 0 && errno != ECONNRESET) raiseOsError(errno);
  return Value::none();
}

Value sockDetach(VM&, CallArgs args) {
  SocketObject* s = self(args, "detach");
  expectMethodArgs("detach", args, 0, 0);
  int fd = s->fd;
  s->fd = -1;
  return Value::integer(fd);
}

Value sockFileno(VM&, CallArgs args) {
  SocketObject* s = self(args, "fileno");
  expectMethodArgs("fileno", args, 0, 0);
  return Value::integer(s->fd);
}

Value socketName(CallArgs args, const char* method, bool peer) {
  SocketObject* s = self(args, method);
  expectMethodArgs(method, args, 0, 0);
  SocketAddress address;
  address.length = sizeof address.storage;
  int r = peer ? ::getpeername(s->fd, address.get(), &address.length)
               : ::getsockname(s->fd, address.get(), &address.length);
  if (r != 0) raiseOsError(errno);
  return socketAddressValue(address.get(), address.length);
}

Value sockGetsockname(VM&, CallArgs args) {
  return socketName(args, "getsockname", false);
}

Value sockGetpeername(VM&, CallArgs args) {
  return socketName(args, "getpeername", true);
}

// setsockopt(level, optname, value: int | bytes) or setsockopt(level, optname, None, optlen).
Value sockSetsockopt(VM&, CallArgs args) {
  SocketObject* s = self(args, "setsockopt");
  expectMethodArgs("setsockopt", args, 3, 4);
  int level = intArgument(args[1]);
  int option = intArgument(args[2]);
  int r;
  if (args.count == 5) {
    if (!args[3].isNone())
      raiseTypeError("setsockopt() argument 3 must be NoneType, not {}", typeName(args[3]));
    r = ::setsockopt(s->fd, level, option, nullptr, static_cast<socklen_t>(intArgument(args[4])));
  } else if (isInt(args[3])) {
    int value = intArgument(args[3]);
    r = ::setsockopt(s->fd, level, option, &value, sizeof value);
  } else {
    const std::string* data = bytesLikeData(args[3]);
    if (!data) raiseTypeError("a bytes-like object is required, not '{}'", typeName(args[3]));
    r = ::setsockopt(s->fd, level, option, data->data(), static_cast<socklen_t>(data->size()));
  }
  if (r != 0) raiseOsError(errno);
  return Value::none();
}

// getsockopt(level, optname) an int; getsockopt(level, optname, buflen) the raw bytes.
Value sockGetsockopt(VM&, CallArgs args) {
  SocketObject* s = self(args, "getsockopt");
  expectMethodArgs("getsockopt", args, 2, 3);
  int level = intArgument(args[1]);
  int option = intArgument(args[2]);
  if (args.count == 3) {
    int value = 0;
    socklen_t length = sizeof value;
    if (::getsockopt(s->fd, level, option, &value, &length) != 0) raiseOsError(errno);
    return Value::integer(value);
  }
  int size = intArgument(args[3]);
  if (size <= 0 || size > 1024) raiseOsErrorMessage("getsockopt buflen out of range");
  std::string buffer(static_cast<size_t>(size), '\0');
  socklen_t length = static_cast<socklen_t>(size);
  if (::getsockopt(s->fd, level, option, buffer.data(), &length) != 0) raiseOsError(errno);
  buffer.resize(length);
  return makeBytes(std::move(buffer));
}

// The timeout is kept even when the descriptor refuses the mode (a closed socket), as CPython.
void applyTimeout(SocketObject* s, double timeout) {
  s->timeout = timeout;
  setBlocking(s->fd, timeout < 0);
}

Value sockSettimeout(VM&, CallArgs args) {
  SocketObject* s = self(args, "settimeout");
  expectMethodArgs("settimeout", args, 1, 1);
  applyTimeout(s, timeoutArgument(args[1]));
  return Value::none();
}

Value sockGettimeout(VM&, CallArgs args) {
  SocketObject* s = self(args, "gettimeout");
  expectMethodArgs("gettimeout", args, 0, 0);
  return timeoutValue(s->timeout);
}

Value sockSetblocking(VM&, CallArgs args) {
  SocketObject* s = self(args, "setblocking");
  expectMethodArgs("setblocking", args, 1, 1);
  applyTimeout(s, truthy(args[1]) ? kNoTimeout : 0.0);
  return Value::none();
}

Value sockGetblocking(VM&, CallArgs args) {
  SocketObject* s = self(args, "getblocking");
  expectMethodArgs("getblocking", args, 0, 0);
  return Value::boolean(s->timeout != 0.0);
}

Value sockFamily(VM&, CallArgs args) {
  return Value::integer(self(args, "family")->family);
}

Value sockType(VM&, CallArgs args) {
  return Value::integer(self(args, "type")->kind);
}

Value sockProto(VM&, CallArgs args) {
  return Value::integer(self(args, "proto")->proto);
}

Value sockTimeout(VM&, CallArgs args) {
  return timeoutValue(self(args, "timeout")->timeout);
}

std::string socketRepr(const Value& v) {
  auto* s = v.as<SocketObject>();
  return fmt::format("<socket object, fd={}, family={}, type={}, proto={}>", s->fd, s->family,
                     s->kind, s->proto);
}

TypeObject* socketType() {
  static TypeObject* type = [] {
    TypeObject* t = makeNativeType("socket", "_socket",
                                   {{"bind", sockBind},
                                    {"listen", sockListen},
                                    {"_accept", sockAccept},
                                    {"connect", sockConnect},
                                    {"connect_ex", sockConnectEx},
                                    {"recv", sockRecv},
                                    {"recv_into", sockRecvInto},
                                    {"recvfrom", sockRecvfrom},
                                    {"recvfrom_into", sockRecvfromInto},
                                    {"send", sockSend},
                                    {"sendall", sockSendall},
                                    {"sendto", sockSendto},
                                    {"shutdown", sockShutdown},
                                    {"close", sockClose},
                                    {"detach", sockDetach},
                                    {"fileno", sockFileno},
                                    {"getsockname", sockGetsockname},
                                    {"getpeername", sockGetpeername},
                                    {"setsockopt", sockSetsockopt},
                                    {"getsockopt", sockGetsockopt},
                                    {"settimeout", sockSettimeout},
                                    {"gettimeout", sockGettimeout},
                                    {"setblocking", sockSetblocking},
                                    {"getblocking", sockGetblocking}},
                                   {.repr = socketRepr});
    installProperty(t, "family", sockFamily);
    installProperty(t, "type", sockType);
    installProperty(t, "proto", sockProto);
    installProperty(t, "timeout", sockTimeout);
    t->newFn = socketNew;
    return t;
  }();
  return type;
}

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0): two connected socket objects.
Value socketSocketpair(VM& vm, CallArgs args) {
  expectArgs("socketpair", args, 0, 3);
  int family = args.count > 0 ? intArgument(args[0]) : AF_UNIX;
  int kind = args.count > 1 ? intArgument(args[1]) : SOCK_STREAM;
  int proto = args.count > 2 ? intArgument(args[2]) : 0;
  refuseUnderSim(vm, "sockets are", kNoSockets);
  int fds[2];
  if (::socketpair(family, kind | SOCK_CLOEXEC, proto, fds) != 0) raiseOsError(errno);
  Value first = wrapDescriptor(fds[0], family, kind, proto);
  Value second = wrapDescriptor(fds[1], family, kind, proto);
  return makeTuple({first, second});
}

Value socketDup(VM&, CallArgs args) {
  expectArgs("dup", args, 1, 1);
  int fd = ::fcntl(intArgument(args[0]), F_DUPFD_CLOEXEC, 0);
  if (fd < 0) raiseOsError(errno);
  return Value::integer(fd);
}

Value socketCloseFd(VM&, CallArgs args) {
  expectArgs("close", args, 1, 1);
  if (::close(intArgument(args[0])) != 0 && errno != ECONNRESET) raiseOsError(errno);
  return Value::none();
}

Value socketGetdefaulttimeout(VM&, CallArgs args) {
  expectArgs("getdefaulttimeout", args, 0, 0);
  return timeoutValue(gDefaultTimeout.load());
}

Value socketSetdefaulttimeout(VM&, CallArgs args) {
  expectArgs("setdefaulttimeout", args, 1, 1);
  gDefaultTimeout.store(timeoutArgument(args[0]));
  return Value::none();
}

struct Constant {
  const char* name;
  int64_t value;
};

#define GILSIM_SOCKET_CONSTANT(name) \
  { #name, name }
// The constants scripts use on Linux; socket.py makes AddressFamily, SocketKind, MsgFlag and
// AddressInfo enums of the AF_, SOCK_, MSG_ and AI_ ones.
constexpr Constant kConstants[] = {
    GILSIM_SOCKET_CONSTANT(AF_UNSPEC),
    GILSIM_SOCKET_CONSTANT(AF_UNIX),
    GILSIM_SOCKET_CONSTANT(AF_INET),
    GILSIM_SOCKET_CONSTANT(AF_INET6),
    GILSIM_SOCKET_CONSTANT(SOCK_STREAM),
    GILSIM_SOCKET_CONSTANT(SOCK_DGRAM),
    GILSIM_SOCKET_CONSTANT(SOCK_RAW),
    GILSIM_SOCKET_CONSTANT(SOCK_RDM),
    GILSIM_SOCKET_CONSTANT(SOCK_SEQPACKET),
    GILSIM_SOCKET_CONSTANT(SOCK_NONBLOCK),
    GILSIM_SOCKET_CONSTANT(SOCK_CLOEXEC),
    GILSIM_SOCKET_CONSTANT(SOL_SOCKET),
    GILSIM_SOCKET_CONSTANT(SO_DEBUG),
    GILSIM_SOCKET_CONSTANT(SO_ACCEPTCONN),
    GILSIM_SOCKET_CONSTANT(SO_REUSEADDR),
    GILSIM_SOCKET_CONSTANT(SO_REUSEPORT),
    GILSIM_SOCKET_CONSTANT(SO_KEEPALIVE),
    GILSIM_SOCKET_CONSTANT(SO_DONTROUTE),
    GILSIM_SOCKET_CONSTANT(SO_BROADCAST),
    GILSIM_SOCKET_CONSTANT(SO_LINGER),
    GILSIM_SOCKET_CONSTANT(SO_OOBINLINE),
    GILSIM_SOCKET_CONSTANT(SO_SNDBUF),
    GILSIM_SOCKET_CONSTANT(SO_RCVBUF),
    GILSIM_SOCKET_CONSTANT(SO_SNDLOWAT),
    GILSIM_SOCKET_CONSTANT(SO_RCVLOWAT),
    GILSIM_SOCKET_CONSTANT(SO_SNDTIMEO),
    GILSIM_SOCKET_CONSTANT(SO_RCVTIMEO),
    GILSIM_SOCKET_CONSTANT(SO_ERROR),
    GILSIM_SOCKET_CONSTANT(SO_TYPE),
    GILSIM_SOCKET_CONSTANT(SO_DOMAIN),
    GILSIM_SOCKET_CONSTANT(SO_PROTOCOL),
    GILSIM_SOCKET_CONSTANT(SOMAXCONN),
    GILSIM_SOCKET_CONSTANT(MSG_OOB),
    GILSIM_SOCKET_CONSTANT(MSG_PEEK),
    GILSIM_SOCKET_CONSTANT(MSG_DONTROUTE),
    GILSIM_SOCKET_CONSTANT(MSG_DONTWAIT),
    GILSIM_SOCKET_CONSTANT(MSG_EOR),
    GILSIM_SOCKET_CONSTANT(MSG_TRUNC),
    GILSIM_SOCKET_CONSTANT(MSG_CTRUNC),
    GILSIM_SOCKET_CONSTANT(MSG_WAITALL),
    GILSIM_SOCKET_CONSTANT(MSG_NOSIGNAL),
    GILSIM_SOCKET_CONSTANT(MSG_CMSG_CLOEXEC),
    GILSIM_SOCKET_CONSTANT(SHUT_RD),
    GILSIM_SOCKET_CONSTANT(SHUT_WR),
    GILSIM_SOCKET_CONSTANT(SHUT_RDWR),
    GILSIM_SOCKET_CONSTANT(IPPROTO_IP),
    GILSIM_SOCKET_CONSTANT(IPPROTO_TCP),
    GILSIM_SOCKET_CONSTANT(IPPROTO_UDP),
    GILSIM_SOCKET_CONSTANT(IPPROTO_IPV6),
    GILSIM_SOCKET_CONSTANT(IPPROTO_ICMP),
    GILSIM_SOCKET_CONSTANT(IPPROTO_RAW),
    GILSIM_SOCKET_CONSTANT(IP_TOS),
    GILSIM_SOCKET_CONSTANT(IP_TTL),
    GILSIM_SOCKET_CONSTANT(IP_MULTICAST_TTL),
    GILSIM_SOCKET_CONSTANT(IP_MULTICAST_LOOP),
    GILSIM_SOCKET_CONSTANT(IP_ADD_MEMBERSHIP),
    GILSIM_SOCKET_CONSTANT(IP_DROP_MEMBERSHIP),
    GILSIM_SOCKET_CONSTANT(IPV6_V6ONLY),
    GILSIM_SOCKET_CONSTANT(IPV6_UNICAST_HOPS),
    GILSIM_SOCKET_CONSTANT(TCP_NODELAY),
    GILSIM_SOCKET_CONSTANT(TCP_MAXSEG),
    GILSIM_SOCKET_CONSTANT(TCP_KEEPIDLE),
    GILSIM_SOCKET_CONSTANT(TCP_KEEPINTVL),
    GILSIM_SOCKET_CONSTANT(TCP_KEEPCNT),
    GILSIM_SOCKET_CONSTANT(TCP_QUICKACK),
    GILSIM_SOCKET_CONSTANT(AI_PASSIVE),
    GILSIM_SOCKET_CONSTANT(AI_CANONNAME),
    GILSIM_SOCKET_CONSTANT(AI_NUMERICHOST),
    GILSIM_SOCKET_CONSTANT(AI_NUMERICSERV),
    GILSIM_SOCKET_CONSTANT(AI_V4MAPPED),
    GILSIM_SOCKET_CONSTANT(AI_ALL),
    GILSIM_SOCKET_CONSTANT(AI_ADDRCONFIG),
    GILSIM_SOCKET_CONSTANT(NI_NUMERICHOST),
    GILSIM_SOCKET_CONSTANT(NI_NUMERICSERV),
    GILSIM_SOCKET_CONSTANT(NI_NOFQDN),
    GILSIM_SOCKET_CONSTANT(NI_NAMEREQD),
    GILSIM_SOCKET_CONSTANT(NI_DGRAM),
    GILSIM_SOCKET_CONSTANT(NI_MAXHOST),
    GILSIM_SOCKET_CONSTANT(NI_MAXSERV),
    GILSIM_SOCKET_CONSTANT(EAI_ADDRFAMILY),
    GILSIM_SOCKET_CONSTANT(EAI_AGAIN),
    GILSIM_SOCKET_CONSTANT(EAI_BADFLAGS),
    GILSIM_SOCKET_CONSTANT(EAI_FAIL),
    GILSIM_SOCKET_CONSTANT(EAI_FAMILY),
    GILSIM_SOCKET_CONSTANT(EAI_MEMORY),
    GILSIM_SOCKET_CONSTANT(EAI_NODATA),
    GILSIM_SOCKET_CONSTANT(EAI_NONAME),
    GILSIM_SOCKET_CONSTANT(EAI_OVERFLOW),
    GILSIM_SOCKET_CONSTANT(EAI_SERVICE),
    GILSIM_SOCKET_CONSTANT(EAI_SOCKTYPE),
    GILSIM_SOCKET_CONSTANT(EAI_SYSTEM),
    {"INADDR_ANY", INADDR_ANY},
    {"INADDR_BROADCAST", INADDR_BROADCAST},
    {"INADDR_LOOPBACK", INADDR_LOOPBACK},
    {"INADDR_NONE", INADDR_NONE},
};
#undef GILSIM_SOCKET_CONSTANT

}  // namespace

void initSocketModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("socket", Value::borrow(socketType()));
  d->setStr("SocketType", Value::borrow(socketType()));
  d->setStr("socketpair", makeNative("socketpair", socketSocketpair));
  d->setStr("dup", makeNative("dup", socketDup));
  d->setStr("close", makeNative("close", socketCloseFd));
  d->setStr("getdefaulttimeout", makeNative("getdefaulttimeout", socketGetdefaulttimeout));
  d->setStr("setdefaulttimeout", makeNative("setdefaulttimeout", socketSetdefaulttimeout));
  addSocketNameFunctions(d);
  d->setStr("error", Value::borrow(builtinTypes().OSError));
  d->setStr("timeout", Value::borrow(builtinTypes().TimeoutError));
  d->setStr("has_ipv6", Value::boolean(true));
  for (const Constant& c : kConstants)
    d->setStr(c.name, Value::integer(c.value));
}

}  // namespace gilsim
