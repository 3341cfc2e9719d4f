#include "interp/objects/containers.h"

#include <algorithm>

#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/operators.h"
#include "interp/objects/type_object.h"

namespace gilsim {

TupleObject::TupleObject(std::vector<Value> items)
    : TrackedObject(builtinTypes().tuple), items_(std::move(items)) {}

ListObject::ListObject(std::vector<Value> items)
    : TrackedObject(builtinTypes().list), items_(std::move(items)) {}

RangeObject::RangeObject(int64_t start, int64_t stop, int64_t step)
    : Object(builtinTypes().range), start(start), stop(stop), step(step) {}

int64_t RangeObject::length() const {
  __int128 span =
      step > 0 ? static_cast<__int128>(stop) - start : static_cast<__int128>(start) - stop;
  if (span <= 0) return 0;
  __int128 s = step > 0 ? step : -static_cast<__int128>(step);
  return static_cast<int64_t>((span + s - 1) / s);
}

SliceObject::SliceObject(Value start, Value stop, Value step)
    : TrackedObject(builtinTypes().slice),
      start(std::move(start)),
      stop(std::move(stop)),
      step(std::move(step)) {}

void SliceObject::clearReferences() {
  start = Value();
  stop = Value();
  step = Value();
}

namespace {
int64_t clampIndex(const Value& v) {
  // Slice bounds beyond int64 behave as +-infinity.
  if (v.isSmallInt() || v.isBool()) return v.smallInt();
  if (isInstance(v, builtinTypes().int_)) return intSign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  if (lookupSpecial(v, "__index__").isNull())
    raiseTypeError("slice indices must be integers or None or have an __index__ method");
  return toIndex(callSpecial(v, "__index__", {}), "slice index");
}
}  // namespace

void SliceObject::indices(int64_t length, int64_t* startOut, int64_t* stopOut, int64_t* stepOut,
                          int64_t* countOut) const {
  int64_t stepValue = step.isNone() || step.isNull() ? 1 : clampIndex(step);
  if (stepValue == 0) raiseValueError("slice step cannot be zero");
  int64_t lower = stepValue < 0 ? -1 : 0;
  int64_t upper = stepValue < 0 ? length - 1 : length;
  auto resolve = [&](const Value& v, int64_t dflt) {
    if (v.isNone() || v.isNull()) return dflt;
    int64_t i = clampIndex(v);
    if (i < 0) {
      i += length;
      if (i < lower) i = lower;
    } else if (i > upper) {
      i = upper;
    }
    return i;
  };
  int64_t startValue = resolve(start, stepValue < 0 ? upper : lower);
  int64_t stopValue = resolve(stop, stepValue < 0 ? lower : upper);
  int64_t count = 0;
  if (stepValue < 0) {
    if (stopValue < startValue) count = (startValue - stopValue - 1) / (-stepValue) + 1;
  } else if (startValue < stopValue) {
    count = (stopValue - startValue - 1) / stepValue + 1;
  }
  *startOut = startValue;
  *stopOut = stopValue;
  *stepOut = stepValue;
  *countOut = count;
}

CellObject::CellObject(Value v) : TrackedObject(builtinTypes().cell), value(std::move(v)) {}

IteratorObject::IteratorObject(const char* typeName, Step step, Value keepAlive)
    : TrackedObject(builtinTypes().iterator),
      typeName_(typeName),
      step_(std::move(step)),
      keepAlive_(std::move(keepAlive)) {}

RangeIteratorObject::RangeIteratorObject(int64_t next, int64_t step, int64_t remaining)
    : Object(builtinTypes().rangeIterator), next(next), step(step), remaining(remaining) {}

ListIteratorObject::ListIteratorObject(Value seq)
    : TrackedObject(isTuple(seq) ? builtinTypes().tupleIterator : builtinTypes().listIterator),
      sequence(std::move(seq)) {}

Value makeTuple(std::vector<Value> items) {
  return Value::steal(new TupleObject(std::move(items)));
}
Value makeList(std::vector<Value> items) {
  return Value::steal(new ListObject(std::move(items)));
}
bool isTuple(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Tuple;
}
bool isList(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::List;
}
Value emptyTuple() {
  return makeTuple({});
}

}  // namespace gilsim
