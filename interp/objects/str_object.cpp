#include "interp/objects/str_object.h"

#include "interp/objects/type_object.h"

namespace gilsim {

size_t utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    n += (c & 0xC0) != 0x80;
  return n;
}

bool utf8Valid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t decodeUtf8At(std::string_view s, size_t& pos) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  size_t len = (c & 0xE0) == 0xC0 ? 2 : ((c & 0xF0) == 0xE0 ? 3 : 4);
  uint32_t cp = c & (len == 2 ? 0x1F : (len == 3 ? 0x0F : 0x07));
  for (size_t k = 1; k < len && pos + k < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  pos += len;
  return cp;
}

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
    : Object(builtinTypes().str), data_(std::move(utf8)), length_(utf8Length(data_)) {}

uint64_t StrObject::hash() const {
  if (!hashed_) {
    hash_ = bytesHash(data_);
    hashed_ = true;
  }
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

BytesObject::BytesObject(std::string data) : Object(builtinTypes().bytes), data_(std::move(data)) {}

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

bool isStr(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Str;
}
bool isBytes(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Bytes;
}

}  // namespace gilsim
