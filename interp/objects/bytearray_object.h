// bytearray: mutable bytes, a native type whose sequence protocol (len, indexing, slice
// assignment, iteration, +=, %, in, comparisons) is its dunder methods, with its mutating methods.
// The methods it shares with bytes are in bytes_methods.cpp, with CPython 3.11's results and
// errors.
#pragma once

#include <string>

#include "interp/objects/object.h"

namespace gilsim {

class ByteArrayObject : public Object {
 public:
  explicit ByteArrayObject(std::string bytes);
  std::string data;
};

TypeObject* byteArrayType();
Value makeByteArray(std::string data);
bool isByteArray(const Value& v);
// The bytes of a bytes or bytearray value (a bytes-like object); nullptr for anything else.
const std::string* bytesLikeData(const Value& v);

}  // namespace gilsim
