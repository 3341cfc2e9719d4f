// Sequences and the small fixed-shape objects: tuple, list, range, slice, cell, and the built-in
// iterators.
#pragma once

#include <functional>
#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class TupleObject : public TrackedObject {
 public:
  explicit TupleObject(std::vector<Value> items);
  std::vector<Value>& items() { return items_; }
  const std::vector<Value>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  void clearReferences() override { items_.clear(); }

 private:
  std::vector<Value> items_;
};

class ListObject : public TrackedObject {
 public:
  explicit ListObject(std::vector<Value> items = {});
  std::vector<Value>& items() { return items_; }
  size_t size() const { return items_.size(); }
  void clearReferences() override { items_.clear(); }

 private:
  std::vector<Value> items_;
};

class RangeObject : public Object {
 public:
  RangeObject(int64_t start, int64_t stop, int64_t step);
  int64_t start, stop, step;
  int64_t length() const;
  // Ranges whose bounds do not fit 64 bits keep them here (ints) and iterate slowly; the int64
  // fields are unused then.
  bool big = false;
  Value bigStart, bigStop, bigStep;
};

class SliceObject : public TrackedObject {
 public:
  SliceObject(Value start, Value stop, Value step);
  Value start, stop, step;
  // Resolves against a sequence length the way CPython's PySlice_GetIndicesEx does.
  void indices(int64_t length, int64_t* startOut, int64_t* stopOut, int64_t* stepOut,
               int64_t* countOut) const;
  void clearReferences() override;
};

class CellObject : public TrackedObject {
 public:
  explicit CellObject(Value v = Value());
  Value value;
  void clearReferences() override { value = Value(); }
};

// One type for the built-in iterators: each carries a `next` step. Returning false ends it.
class IteratorObject : public TrackedObject {
 public:
  using Step = std::function<bool(Value* out)>;
  IteratorObject(const char* typeName, Step step, Value keepAlive = Value());
  bool next(Value* out) { return step_ && step_(out); }
  const char* typeName() const { return typeName_; }
  void clearReferences() override {
    step_ = nullptr;
    keepAlive_ = Value();
  }

 private:
  const char* typeName_;
  Step step_;
  Value keepAlive_;
};

// Fast-path iterators the eval loop recognises by their kind.
class RangeIteratorObject : public Object {
 public:
  RangeIteratorObject(int64_t next, int64_t step, int64_t remaining);
  int64_t next, step, remaining;
};

class ListIteratorObject : public TrackedObject {
 public:
  explicit ListIteratorObject(Value sequence);  // a list or a tuple
  Value sequence;
  size_t index = 0;
  void clearReferences() override { sequence = Value(); }
};

Value makeTuple(std::vector<Value> items);
Value makeList(std::vector<Value> items = {});
bool isTuple(const Value& v);
bool isList(const Value& v);
Value emptyTuple();

}  // namespace gilsim
