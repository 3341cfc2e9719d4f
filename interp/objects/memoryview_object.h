// memoryview: a window onto the bytes of a bytes or bytearray object, one-dimensional with
// one-byte items (formats 'B', 'b' and 'c'), as CPython 3.11's. A view reads and writes its
// exporter's bytes in place: slicing makes a new view of the same bytes, and a write through a
// view over a bytearray is a write to the bytearray. While a view over a bytearray is unreleased
// it counts as an export of it, which forbids resizing it (ByteArrayObject::exports).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "interp/objects/object.h"

namespace gilsim {

class MemoryViewObject : public Object {
 public:
  // A view over bytes is read-only whatever `readonly` says.
  MemoryViewObject(Value exporter, int64_t start, int64_t length, int64_t step, char format,
                   bool readonly);
  ~MemoryViewObject() override;

  bool released() const { return exporter_.isNull(); }
  // Ends the export: the exporter is dropped, and every later use raises ValueError.
  void release();
  // The exporter (bytes or bytearray); raises ValueError once released.
  const Value& exporter() const;
  bool readonly() const { return readonly_; }
  // The whole of the exporter's bytes (a view reads them afresh: a bytearray may change).
  const std::string& base() const;
  // True when the items are adjacent in order (a step of 1, or at most one item).
  bool contiguous() const { return length == 0 || length == 1 || step == 1; }
  // The byte of item i, 0 <= i < length.
  char at(int64_t i) const { return base()[static_cast<size_t>(start + i * step)]; }
  // The items' bytes, in order (tobytes).
  std::string copy() const;

  const int64_t start;   // offset of the first item in the exporter
  const int64_t length;  // number of items
  const int64_t step;    // stride in bytes, negative for a reversed view
  const char format;     // 'B', 'b' or 'c'
  // The bytes handed out by bytesLikeData for a view that is not the whole of its exporter:
  // callers take a `const std::string*`, so a part has to be laid out somewhere that lives as
  // long as the view.
  std::string scratch;
  bool hashed = false;
  uint64_t hash = 0;

 private:
  bool readonly_;
  Value exporter_;  // Null once released
};

TypeObject* memoryViewType();
bool isMemoryView(const Value& v);
// The bytes of a memoryview for a bytes-like argument: the exporter's own string when the view
// covers all of it, else a copy kept in the view. Raises ValueError for a released view and
// BufferError for a non-contiguous one, as CPython's PyObject_GetBuffer(PyBUF_SIMPLE) does.
const std::string* memoryViewBytes(const Value& v);
// The hash of a read-only view: that of its bytes, kept from the first call (so a released view
// still has it). The protocol's hashValue reduces what a __hash__ method returns as an int's
// hash, so the hash of the same bytes needs hashValue to call this directly.
uint64_t memoryViewHash(const Value& v);
// The bytes of a writable, contiguous view over a bytearray, in place; false for anything else.
// Valid only until the bytearray or the view changes: re-fetch after giving the GIL up.
bool memoryViewWritable(const Value& v, std::span<char>* out);

}  // namespace gilsim
