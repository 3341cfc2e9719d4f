// str and bytes. A str holds UTF-8 with its length in code points; an all-ASCII str (the common
// case) indexes in O(1), others decode on the fly.
#pragma once

#include <string>
#include <string_view>

#include "interp/common/unicode.h"  // UTF-8 for every user of str
#include "interp/objects/object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

class StrObject : public Object {
 public:
  explicit StrObject(std::string utf8);
  const std::string& str() const { return data_; }
  std::string_view view() const { return data_; }
  size_t length() const { return length_; }  // code points
  bool isAscii() const { return length_ == data_.size(); }
  // Inline: every attribute and global-name lookup hashes its (already hashed) name.
  uint64_t hash() const { return hashed_ ? hash_ : computeHash(); }
  // Byte offset of code point `index` (0 <= index <= length).
  size_t byteOffset(size_t index) const;
  std::string codePointAt(size_t index) const;

 private:
  uint64_t computeHash() const;
  std::string data_;
  size_t length_;
  mutable uint64_t hash_ = 0;
  mutable bool hashed_ = false;
};

class BytesObject : public Object {
 public:
  explicit BytesObject(std::string data);
  const std::string& data() const { return data_; }

 private:
  std::string data_;
};

Value makeStr(std::string utf8);
Value makeStr(std::string_view utf8);
Value makeStr(const char* utf8);
Value makeBytes(std::string data);
// Inline: dict probes test every stored key with it.
inline bool isStr(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Str;
}
bool isBytes(const Value& v);
inline StrObject* asStr(const Value& v) {
  return v.as<StrObject>();
}
uint64_t bytesHash(std::string_view s);

}  // namespace gilsim
