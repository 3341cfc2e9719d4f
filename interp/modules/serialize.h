// The serialization that carries values between processes (multiprocessing's arguments, results,
// Queue and Pipe messages): pickle's role, in a compact format of gilsim's own.
//
// A message is the two bytes "G1" and then one value:
//
//   N | T | F                     None, True, False
//   i zigzag-varint               an int that fits 64 bits
//   I sign(1) varint n, n bytes   any other int: its magnitude, most significant byte first
//   f 8 bytes                     a float, bit for bit (little-endian IEEE 754)
//   s | b varint n, n bytes       str (UTF-8), bytes
//   l | t | S | z varint n, items list, tuple, set, frozenset
//   d varint n, n key-value pairs dict, in insertion order
//   g module qualname             a function or class, by name (both as `s` payloads)
//   o g-payload state             an instance of a module-level class: its class and __dict__
//                                 (or what its __getstate__ returns, given to __setstate__)
//   e g-payload tuple             an exception: its class and args
//   M kind(1) varint fd, varint size, extra   shared memory (see shared_memory.h)
//
// Functions and classes travel by name, so the receiver must be able to import them: a lambda or
// a nested function fails to serialize with pickle's errors and types (`_pickle.PicklingError`).
// Loading resolves `__main__` to the receiver's main module (`__mp_main__` in a spawned child
// is registered under both names). Bad input raises `_pickle.UnpicklingError`; it never crashes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class VM;

// The file descriptors a message refers to (shared memory), which a spawned child must inherit.
using FdList = std::vector<int>;

std::string serializeValue(VM& vm, const Value& value, FdList* fds = nullptr);
Value deserializeValue(VM& vm, std::string_view data);

// _pickle.PicklingError and _pickle.UnpicklingError of this interpreter (made on first use).
TypeObject* picklingErrorType(VM& vm);
TypeObject* unpicklingErrorType(VM& vm);

}  // namespace gilsim
