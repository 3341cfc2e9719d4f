#include "interp/modules/socket_address.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include "interp/modules/socket_wait.h"
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

int64_t intArgument(const Value& v) {
  int64_t n;
  if (intFitsInt64(v, &n)) return n;
  if (isInt(v)) raiseOverflowError("Python int too large to convert to C long");
  raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
}

// A host as CPython takes it: str (its UTF-8; CPython IDNA-encodes), bytes or bytearray.
std::string hostArgument(const Value& v) {
  if (isStr(v)) return std::string(asStr(v)->view());
  if (const std::string* data = bytesLikeData(v)) return *data;
  raiseTypeError("str, bytes or bytearray expected, not {}", typeName(v));
}

const std::vector<Value>& tupleItems(const Value& v) {
  return v.as<TupleObject>()->items();
}

// getaddrinfo(3) with the GIL given up (a name may take the resolver a while); 0 or EAI_*.
int lookUp(VM& vm, const char* host, const char* service, const addrinfo& hints, addrinfo** result,
           int* savedErrno) {
  GilReleased released(vm, DropReason::Io);
  int code = ::getaddrinfo(host, service, &hints, result);
  *savedErrno = errno;
  return code;
}

// The address of `host` for `family` into `out` (whose family and length it sets), as CPython's
// setipaddr: '' is the any address, '<broadcast>' INADDR_BROADCAST, numeric addresses as they
// are, names through the resolver.
void resolveHost(VM& vm, const std::string& host, int family, SocketAddress* out) {
  if (family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(out->get());
    in->sin_family = AF_INET;
    out->length = sizeof(sockaddr_in);
    if (host.empty()) {
      in->sin_addr.s_addr = htonl(INADDR_ANY);
      return;
    }
    if (host == "<broadcast>" || host == "255.255.255.255") {
      in->sin_addr.s_addr = htonl(INADDR_BROADCAST);
      return;
    }
    if (::inet_pton(AF_INET, host.c_str(), &in->sin_addr) == 1) return;
  } else {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(out->get());
    in6->sin6_family = AF_INET6;
    out->length = sizeof(sockaddr_in6);
    if (host.empty()) {
      in6->sin6_addr = in6addr_any;
      return;
    }
    if (host == "<broadcast>") raiseOsErrorMessage("address family mismatched");
    if (::inet_pton(AF_INET6, host.c_str(), &in6->sin6_addr) == 1) return;
  }
  if (host.find('\0') != std::string::npos)
    raiseTypeError("host name must not contain null character");
  addrinfo hints{};
  hints.ai_family = family;
  addrinfo* result = nullptr;
  int savedErrno = 0;
  int code = lookUp(vm, host.c_str(), nullptr, hints, &result, &savedErrno);
  if (code != 0) {
    errno = savedErrno;
    raiseGaiError(vm, code);
  }
  if (family == AF_INET)
    reinterpret_cast<sockaddr_in*>(out->get())->sin_addr =
        reinterpret_cast<sockaddr_in*>(result->ai_addr)->sin_addr;
  else
    reinterpret_cast<sockaddr_in6*>(out->get())->sin6_addr =
        reinterpret_cast<sockaddr_in6*>(result->ai_addr)->sin6_addr;
  ::freeaddrinfo(result);
}

uint16_t portArgument(const Value& v, std::string_view caller) {
  int64_t port = intArgument(v);
  if (port < 0 || port > 65535) raiseOverflowError("{}(): port must be 0-65535.", caller);
  return static_cast<uint16_t>(port);
}

SocketAddress parseInet(VM& vm, const Value& address, std::string_view caller) {
  if (!isTuple(address))
    raiseTypeError("{}(): AF_INET address must be tuple, not {}", caller, typeName(address));
  const std::vector<Value>& items = tupleItems(address);
  if (items.size() != 2) raiseTypeError("AF_INET address must be a pair (host, port)");
  std::string host = hostArgument(items[0]);
  uint16_t port = portArgument(items[1], caller);
  SocketAddress out;
  resolveHost(vm, host, AF_INET, &out);
  reinterpret_cast<sockaddr_in*>(out.get())->sin_port = htons(port);
  return out;
}

SocketAddress parseInet6(VM& vm, const Value& address, std::string_view caller) {
  if (!isTuple(address))
    raiseTypeError("{}(): AF_INET6 address must be tuple, not {}", caller, typeName(address));
  const std::vector<Value>& items = tupleItems(address);
  if (items.size() < 2 || items.size() > 4)
    raiseTypeError("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
  std::string host = hostArgument(items[0]);
  uint16_t port = portArgument(items[1], caller);
  int64_t flowinfo = items.size() > 2 ? intArgument(items[2]) : 0;
  int64_t scopeId = items.size() > 3 ? intArgument(items[3]) : 0;
  if (flowinfo < 0 || flowinfo > 0xfffff)
    raiseOverflowError("{}(): flowinfo must be 0-1048575.", caller);
  if (scopeId < 0 || scopeId > UINT32_MAX)
    raiseOverflowError("Python int too large to convert to C unsigned int");
  SocketAddress out;
  resolveHost(vm, host, AF_INET6, &out);
  auto* in6 = reinterpret_cast<sockaddr_in6*>(out.get());
  in6->sin6_port = htons(port);
  in6->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
  in6->sin6_scope_id = static_cast<uint32_t>(scopeId);
  return out;
}

SocketAddress parseUnix(const Value& address) {
  std::string path;
  if (isStr(address))
    path = std::string(asStr(address)->view());
  else if (const std::string* data = bytesLikeData(address))
    path = *data;
  else
    raiseTypeError("a bytes-like object is required, not '{}'", typeName(address));
  SocketAddress out;
  auto* un = reinterpret_cast<sockaddr_un*>(out.get());
  un->sun_family = AF_UNIX;
  // Linux's abstract namespace: a leading NUL, the name not NUL-terminated.
  bool abstract = !path.empty() && path[0] == '\0';
  if (abstract ? path.size() > sizeof(un->sun_path) : path.size() >= sizeof(un->sun_path))
    raiseOsErrorMessage("AF_UNIX path too long");
  std::memcpy(un->sun_path, path.data(), path.size());
  out.length =
      static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (abstract ? 0 : 1));
  return out;
}

std::string numericHost(const sockaddr* address, socklen_t length) {
  char text[NI_MAXHOST];
  if (::getnameinfo(address, length, text, sizeof text, nullptr, 0, NI_NUMERICHOST) != 0) return "";
  return text;
}

}  // namespace

SocketAddress parseSocketAddress(VM& vm, int family, const Value& address,
                                 std::string_view caller) {
  switch (family) {
    case AF_INET:
      return parseInet(vm, address, caller);
    case AF_INET6:
      return parseInet6(vm, address, caller);
    case AF_UNIX:
      return parseUnix(address);
    default:
      raiseOsErrorMessage(fmt::format("{}(): bad family", caller));
  }
}

Value socketAddressValue(const sockaddr* address, socklen_t length) {
  if (length == 0) return Value::none();
  switch (address->sa_family) {
    case AF_INET: {
      const auto* in = reinterpret_cast<const sockaddr_in*>(address);
      char text[INET_ADDRSTRLEN];
      ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
      return makeTuple({makeStr(text), Value::integer(ntohs(in->sin_port))});
    }
    case AF_INET6: {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
      return makeTuple(
          {makeStr(numericHost(address, length)), Value::integer(ntohs(in6->sin6_port)),
           Value::integer(ntohl(in6->sin6_flowinfo)), Value::integer(in6->sin6_scope_id)});
    }
    case AF_UNIX: {
      const auto* un = reinterpret_cast<const sockaddr_un*>(address);
      size_t offset = offsetof(sockaddr_un, sun_path);
      size_t size = length > offset ? length - offset : 0;
      if (size > 0 && un->sun_path[0] == '\0') return makeBytes(std::string(un->sun_path, size));
      return makeStr(std::string(un->sun_path, ::strnlen(un->sun_path, size)));
    }
    default:
      return makeTuple({Value::integer(address->sa_family),
                        makeBytes(std::string(address->sa_data, sizeof address->sa_data))});
  }
}

void raiseGaiError(VM& vm, int code) {
  if (code == EAI_SYSTEM) raiseOsError(errno);
  Value module = vm.interp().importModule(vm, "_socket");
  auto* type = module.as<ModuleObject>()->dict()->getStr("gaierror").as<TypeObject>();
  Value exc =
      newException(type, std::vector<Value>{Value::integer(code), makeStr(::gai_strerror(code))});
  DictObject* d = exc.as<ExceptionObject>()->dict();
  d->setStr("errno", Value::integer(code));
  d->setStr("strerror", makeStr(::gai_strerror(code)));
  d->setStr("filename", Value::none());
  raiseException(std::move(exc));
}

namespace {

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0): (family, type, proto, canonname,
// sockaddr) tuples, as plain ints (socket.py makes the enums).
Value socketGetaddrinfo(VM& vm, CallArgs args) {
  static constexpr const char* kNames[] = {"host", "port", "family", "type", "proto", "flags"};
  Value values[6];
  size_t positional = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    for (size_t i = 0; i < 6; ++i)
      if (name == kNames[i]) {
        values[i] = v;
        return;
      }
    raiseTypeError("getaddrinfo() got an unexpected keyword argument '{}'", name);
  });
  if (positional > 6)
    raiseTypeError("getaddrinfo() takes at most 6 arguments ({} given)", positional);
  for (size_t i = 0; i < positional; ++i)
    values[i] = args[i];
  if (values[0].isNull() || values[1].isNull())
    raiseTypeError("getaddrinfo() missing required argument '{}' (pos {})",
                   values[0].isNull() ? "host" : "port", values[0].isNull() ? 1 : 2);
  std::string host, service;
  bool hasHost = !values[0].isNone(), hasService = !values[1].isNone();
  if (hasHost) {
    if (isStr(values[0]))
      host = std::string(asStr(values[0])->view());
    else if (isBytes(values[0]))
      host = values[0].as<BytesObject>()->data();
    else
      raiseTypeError("getaddrinfo() argument 1 must be string or None");
  }
  if (hasService) {
    if (isInt(values[1]))
      service = std::to_string(intArgument(values[1]));
    else if (isStr(values[1]))
      service = std::string(asStr(values[1])->view());
    else if (isBytes(values[1]))
      service = values[1].as<BytesObject>()->data();
    else
      raiseOsErrorMessage("Int or String expected");
  }
  addrinfo hints{};
  hints.ai_family = values[2].isNull() ? 0 : static_cast<int>(intArgument(values[2]));
  hints.ai_socktype = values[3].isNull() ? 0 : static_cast<int>(intArgument(values[3]));
  hints.ai_protocol = values[4].isNull() ? 0 : static_cast<int>(intArgument(values[4]));
  hints.ai_flags = values[5].isNull() ? 0 : static_cast<int>(intArgument(values[5]));
  addrinfo* result = nullptr;
  int savedErrno = 0;
  int code = lookUp(vm, hasHost ? host.c_str() : nullptr, hasService ? service.c_str() : nullptr,
                    hints, &result, &savedErrno);
  if (code != 0) {
    errno = savedErrno;
    raiseGaiError(vm, code);
  }
  std::vector<Value> entries;
  for (addrinfo* a = result; a; a = a->ai_next)
    entries.push_back(
        makeTuple({Value::integer(a->ai_family), Value::integer(a->ai_socktype),
                   Value::integer(a->ai_protocol), makeStr(a->ai_canonname ? a->ai_canonname : ""),
                   socketAddressValue(a->ai_addr, a->ai_addrlen)}));
  ::freeaddrinfo(result);
  return makeList(std::move(entries));
}

Value socketGethostbyname(VM& vm, CallArgs args) {
  expectArgs("gethostbyname", args, 1, 1);
  if (!isStr(args[0]))
    raiseTypeError("gethostbyname() argument 1 must be str, not {}", typeName(args[0]));
  SocketAddress address;
  resolveHost(vm, std::string(asStr(args[0])->view()), AF_INET, &address);
  char text[INET_ADDRSTRLEN];
  ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(address.get())->sin_addr, text, sizeof text);
  return makeStr(text);
}

Value socketGethostname(VM&, CallArgs args) {
  expectArgs("gethostname", args, 0, 0);
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) raiseOsError(errno);
  return makeStr(name);
}

Value socketInetAton(VM&, CallArgs args) {
  expectArgs("inet_aton", args, 1, 1);
  if (!isStr(args[0]))
    raiseTypeError("inet_aton() argument 1 must be str, not {}", typeName(args[0]));
  in_addr address{};
  if (::inet_aton(std::string(asStr(args[0])->view()).c_str(), &address) == 0)
    raiseOsErrorMessage("illegal IP address string passed to inet_aton");
  return makeBytes(std::string(reinterpret_cast<const char*>(&address), sizeof address));
}

const std::string& packedArgument(const Value& v) {
  const std::string* data = bytesLikeData(v);
  if (!data) raiseTypeError("a bytes-like object is required, not '{}'", typeName(v));
  return *data;
}

Value socketInetNtoa(VM&, CallArgs args) {
  expectArgs("inet_ntoa", args, 1, 1);
  const std::string& packed = packedArgument(args[0]);
  if (packed.size() != sizeof(in_addr)) raiseOsErrorMessage("packed IP wrong length for inet_ntoa");
  char text[INET_ADDRSTRLEN];
  ::inet_ntop(AF_INET, packed.data(), text, sizeof text);
  return makeStr(text);
}

Value socketInetPton(VM&, CallArgs args) {
  expectArgs("inet_pton", args, 2, 2);
  int family = static_cast<int>(intArgument(args[0]));
  if (!isStr(args[1]))
    raiseTypeError("inet_pton() argument 2 must be str, not {}", typeName(args[1]));
  if (family != AF_INET && family != AF_INET6) raiseOsError(EAFNOSUPPORT);
  unsigned char packed[sizeof(in6_addr)];
  if (::inet_pton(family, std::string(asStr(args[1])->view()).c_str(), packed) != 1)
    raiseOsErrorMessage("illegal IP address string passed to inet_pton");
  return makeBytes(std::string(reinterpret_cast<const char*>(packed),
                               family == AF_INET ? sizeof(in_addr) : sizeof(in6_addr)));
}

Value socketInetNtop(VM&, CallArgs args) {
  expectArgs("inet_ntop", args, 2, 2);
  int family = static_cast<int>(intArgument(args[0]));
  const std::string& packed = packedArgument(args[1]);
  if (family != AF_INET && family != AF_INET6) raiseValueError("unknown address family {}", family);
  if (packed.size() != (family == AF_INET ? sizeof(in_addr) : sizeof(in6_addr)))
    raiseValueError("invalid length of packed IP address string");
  char text[INET6_ADDRSTRLEN];
  ::inet_ntop(family, packed.data(), text, sizeof text);
  return makeStr(text);
}

uint16_t shortArgument(const Value& v, const char* name) {
  if (!isInt(v)) raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  if (intSign(v) < 0)
    raiseOverflowError("{}: can't convert negative Python int to C 16-bit unsigned integer", name);
  int64_t n;
  if (!intFitsInt64(v, &n) || n > 0xffff)
    raiseOverflowError("{}: Python int too large to convert to C 16-bit unsigned integer", name);
  return static_cast<uint16_t>(n);
}

uint32_t longArgument(const Value& v) {
  if (!isInt(v)) raiseTypeError("expected int, {} found", typeName(v));
  if (intSign(v) < 0) raiseOverflowError("can't convert negative value to unsigned int");
  int64_t n;
  if (!intFitsInt64(v, &n) || n > 0xffffffff) raiseOverflowError("int larger than 32 bits");
  return static_cast<uint32_t>(n);
}

Value socketHtons(VM&, CallArgs args) {
  expectArgs("htons", args, 1, 1);
  return Value::integer(htons(shortArgument(args[0], "htons")));
}

Value socketNtohs(VM&, CallArgs args) {
  expectArgs("ntohs", args, 1, 1);
  return Value::integer(ntohs(shortArgument(args[0], "ntohs")));
}

Value socketHtonl(VM&, CallArgs args) {
  expectArgs("htonl", args, 1, 1);
  return Value::integer(htonl(longArgument(args[0])));
}

Value socketNtohl(VM&, CallArgs args) {
  expectArgs("ntohl", args, 1, 1);
  return Value::integer(ntohl(longArgument(args[0])));
}

void addErrorClass(DictObject* module, const char* name) {
  auto* type = new TypeObject(name, builtinTypes().OSError, Layout::Exception);
  type->moduleName = "socket";
  module->setStr(name, Value::steal(type));
}

}  // namespace

void addSocketNameFunctions(DictObject* d) {
  addErrorClass(d, "gaierror");
  addErrorClass(d, "herror");
  d->setStr("getaddrinfo", makeNative("getaddrinfo", socketGetaddrinfo));
  d->setStr("gethostbyname", makeNative("gethostbyname", socketGethostbyname));
  d->setStr("gethostname", makeNative("gethostname", socketGethostname));
  d->setStr("inet_aton", makeNative("inet_aton", socketInetAton));
  d->setStr("inet_ntoa", makeNative("inet_ntoa", socketInetNtoa));
  d->setStr("inet_pton", makeNative("inet_pton", socketInetPton));
  d->setStr("inet_ntop", makeNative("inet_ntop", socketInetNtop));
  d->setStr("htons", makeNative("htons", socketHtons));
  d->setStr("ntohs", makeNative("ntohs", socketNtohs));
  d->setStr("htonl", makeNative("htonl", socketHtonl));
  d->setStr("ntohl", makeNative("ntohl", socketNtohl));
}

}  // namespace gilsim
