// bytearray: mutable bytes, a native type whose sequence protocol (len, indexing, slice
// assignment, iteration, +=, %, in, comparisons) is its dunder methods, with its mutating methods.
// The methods it shares with bytes are in bytes_methods.cpp, with CPython 3.11's results and
// errors.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "interp/objects/object.h"

namespace gilsim {

class ByteArrayObject : public Object {
 public:
  explicit ByteArrayObject(std::string bytes);
  std::string data;
  // The unreleased memoryviews over it. While there are any its size cannot change, as with
  // CPython's buffer exports: a view's offsets into `data` must stay valid.
  uint32_t exports = 0;
};

TypeObject* byteArrayType();
Value makeByteArray(std::string data);
bool isByteArray(const Value& v);
// The bytes of a bytes-like object (bytes, bytearray or a memoryview of them); nullptr for
// anything else. A part of a buffer seen through a memoryview is a copy that lives as long as the
// view; a released or non-contiguous view raises (memoryview_object.h).
const std::string* bytesLikeData(const Value& v);
// The bytes of a read-write bytes-like object (a bytearray, or a writable contiguous memoryview
// of one), in place, for recv_into, readinto and pack_into; false for anything else. Valid until
// the GIL is given up: fetch it again after.
bool writableBytesLikeData(const Value& v, std::span<char>* out);

}  // namespace gilsim
