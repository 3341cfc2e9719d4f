// Socket addresses between Python and C for the _socket module (module_socket.cpp), as CPython
// 3.11 spells them: AF_INET ('host', port), AF_INET6 ('host', port, flowinfo, scope_id), AF_UNIX a
// path (str, or bytes for Linux's abstract namespace); and the name lookups under them
// (getaddrinfo, gethostbyname, the inet_* conversions), which raise socket.gaierror.
#pragma once

#include <sys/socket.h>

#include <string_view>

#include "interp/objects/object.h"

namespace gilsim {

class DictObject;
class VM;

struct SocketAddress {
  sockaddr_storage storage{};
  socklen_t length = 0;
  sockaddr* get() { return reinterpret_cast<sockaddr*>(&storage); }
  const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};

// The C address of `address` for a socket of `family`; `caller` names the method in CPython's
// errors ("bind(): AF_INET address must be tuple, not str"). A host name is resolved with the GIL
// given up.
SocketAddress parseSocketAddress(VM& vm, int family, const Value& address, std::string_view caller);
// The Python value of a C address (None when `length` is 0).
Value socketAddressValue(const sockaddr* address, socklen_t length);

// socket.gaierror (made by addSocketNameFunctions) for getaddrinfo's error `code`.
[[noreturn]] void raiseGaiError(VM& vm, int code);

// getaddrinfo, gethostbyname, gethostname, inet_aton/ntoa/pton/ntop, hton*/ntoh*, and the
// gaierror and herror classes, into the _socket module's namespace.
void addSocketNameFunctions(DictObject* module);

}  // namespace gilsim
