#include "interp/objects/str_object.h"
#include "interp/objects/native_cost.h"

#include "interp/objects/type_object.h"

namespace gilsim {

uint64_t bytesHash(std::string_view s) {
  // FNV-1a; CPython randomises str hashes per process, so no script can depend on the values.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  if (h == ~0ull) h = ~1ull;  // -1 is reserved as an error marker in CPython's C API
  return h;
}

StrObject::StrObject(std::string utf8)
    : Object(builtinTypes().str), data_(std::move(utf8)), length_(utf8Length(data_)) {
  chargeNativeWork(NativeCosts::kStrCreate +
                   NativeCosts::kStrPerEightBytes * static_cast<int64_t>(data_.size() / 8));
}

uint64_t StrObject::computeHash() const {
  hash_ = bytesHash(data_);
  hashed_ = true;
  return hash_;
}

size_t StrObject::byteOffset(size_t index) const {
  if (isAscii()) return index;
  size_t pos = 0;
  for (size_t i = 0; i < index && pos < data_.size(); ++i)
    decodeUtf8At(data_, pos);
  return pos;
}

std::string StrObject::codePointAt(size_t index) const {
  if (isAscii()) return std::string(1, data_[index]);
  size_t start = byteOffset(index);
  size_t end = start;
  decodeUtf8At(data_, end);
  return data_.substr(start, end - start);
}

BytesObject::BytesObject(std::string data) : Object(builtinTypes().bytes), data_(std::move(data)) {
  chargeNativeWork(NativeCosts::kStrCreate +
                   NativeCosts::kStrPerEightBytes * static_cast<int64_t>(data_.size() / 8));
}

Value makeStr(std::string utf8) {
  return Value::steal(new StrObject(std::move(utf8)));
}
Value makeStr(std::string_view utf8) {
  return makeStr(std::string(utf8));
}
Value makeStr(const char* utf8) {
  return makeStr(std::string(utf8));
}
Value makeBytes(std::string data) {
  return Value::steal(new BytesObject(std::move(data)));
}

bool isBytes(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Bytes;
}

}  // namespace gilsim
