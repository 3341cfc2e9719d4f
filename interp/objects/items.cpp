// Subscription (obj[key]) and iteration.
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/generator_object.h"  // upward: a generator as an iterator resumes its frame
#include "interp/vm/interpreter.h"       // upward: the run's largest sequence (InterpreterConfig)
#include "interp/vm/vm.h"  // upward: __getitem__ and __next__ of classes run Python code

namespace gilsim {

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

bool isSlice(const Value& v) {
  return v.isObject() && v.object()->type() == T().slice;
}
bool isUserObject(const Value& v) {
  return v.isObject() && !v.object()->type()->isBuiltin();
}

// Resolves a possibly negative index; false if out of range.
bool resolveIndex(const Value& key, int64_t size, int64_t* out, const char* what) {
  if (!isInt(key)) {
    if (isUserObject(key) && !lookupSpecial(key, "__index__").isNull()) {
      return resolveIndex(callSpecial(key, "__index__", {}), size, out, what);
    }
    raiseTypeError("{} indices must be integers or slices, not {}", what, typeName(key));
  }
  int64_t i;
  if (!intFitsInt64(key, &i)) raiseIndexError("cannot fit 'int' into an index-sized integer");
  if (i < 0) i += size;
  if (i < 0 || i >= size) return false;
  *out = i;
  return true;
}

template <class Vec>
Vec sliceOf(const Vec& items, const SliceObject* slice) {
  int64_t start, stop, step, count;
  slice->indices(static_cast<int64_t>(items.size()), &start, &stop, &step, &count);
  Vec out;
  out.reserve(count);
  for (int64_t i = 0, k = start; i < count; ++i, k += step)
    out.push_back(items[k]);
  return out;
}

std::string sliceString(const StrObject* s, const SliceObject* slice) {
  int64_t start, stop, step, count;
  slice->indices(static_cast<int64_t>(s->length()), &start, &stop, &step, &count);
  if (s->isAscii()) {
    if (step == 1) return s->str().substr(start, count);
    std::string out;
    for (int64_t i = 0, k = start; i < count; ++i, k += step)
      out += s->str()[k];
    return out;
  }
  std::string out;
  for (int64_t i = 0, k = start; i < count; ++i, k += step)
    out += s->codePointAt(k);
  return out;
}

// What __iter__ returned, when it is an iterator (a generator is one: a class's __iter__ is often
// written as one).
Value checkedIterator(Value r) {
  Layout layout = r.type()->layout();
  if (r.type()->lookup("__next__").isNull() && layout != Layout::Iterator &&
      layout != Layout::Generator && !r.type()->iterNextSlot)
    raiseTypeError("iter() returned non-iterator of type '{}'", typeName(r));
  return r;
}

}  // namespace

Value getItem(const Value& obj, const Value& key) {
  if (Value method = builtinOverride(obj, "__getitem__"); !method.isNull())
    return VM::current()->call(method, {obj, key});
  Layout layout = obj.type()->layout();
  int64_t i;
  switch (layout) {
    case Layout::List: {
      auto& items = obj.as<ListObject>()->items();
      if (isSlice(key)) return makeList(sliceOf(items, key.as<SliceObject>()));
      if (!resolveIndex(key, static_cast<int64_t>(items.size()), &i, "list"))
        raiseIndexError("list index out of range");
      return items[i];
    }
    case Layout::Tuple: {
      auto& items = obj.as<TupleObject>()->items();
      if (isSlice(key)) return makeTuple(sliceOf(items, key.as<SliceObject>()));
      if (!resolveIndex(key, static_cast<int64_t>(items.size()), &i, "tuple"))
        raiseIndexError("tuple index out of range");
      return items[i];
    }
    case Layout::Str: {
      auto* s = asStr(obj);
      if (isSlice(key)) return makeStr(sliceString(s, key.as<SliceObject>()));
      if (!isInt(key)) raiseTypeError("string indices must be integers, not '{}'", typeName(key));
      if (!resolveIndex(key, static_cast<int64_t>(s->length()), &i, "string"))
        raiseIndexError("string index out of range");
      return makeStr(s->codePointAt(i));
    }
    case Layout::Bytes: {
      const std::string& b = obj.as<BytesObject>()->data();
      if (isSlice(key)) {
        std::string out;
        int64_t start, stop, step, count;
        key.as<SliceObject>()->indices(static_cast<int64_t>(b.size()), &start, &stop, &step,
                                       &count);
        for (int64_t n = 0, k = start; n < count; ++n, k += step)
          out += b[k];
        return makeBytes(std::move(out));
      }
      if (!resolveIndex(key, static_cast<int64_t>(b.size()), &i, "byte"))
        raiseIndexError("index out of range");
      return Value::integer(static_cast<unsigned char>(b[i]));
    }
    case Layout::Range: {
      auto* r = obj.as<RangeObject>();
      if (isSlice(key)) {
        int64_t start, stop, step, count;
        key.as<SliceObject>()->indices(r->length(), &start, &stop, &step, &count);
        int64_t first = r->start + start * r->step;
        return Value::steal(new RangeObject(first, first + count * step * r->step, step * r->step));
      }
      if (!resolveIndex(key, r->length(), &i, "range"))
        raiseIndexError("range object index out of range");
      return Value::integer(r->start + i * r->step);
    }
    case Layout::Dict: {
      Value v = obj.as<DictObject>()->get(key);
      if (v.isNull()) {
        if (isUserObject(obj)) {
          Value r = callSpecial(obj, "__missing__", {key});
          if (!r.isNull()) return r;
        }
        raiseException(newException(T().KeyError, std::vector<Value>{key}));
      }
      return v;
    }
    default:
      break;
  }
  if (isUserObject(obj)) {
    Value r = callSpecial(obj, "__getitem__", {key});
    if (!r.isNull()) return r;
  }
  if (layout == Layout::Type) {
    Value hook = obj.as<TypeObject>()->lookup("__class_getitem__");
    if (hook.isObject() && hook.object()->type() == T().classMethod)
      return VM::current()->call(hook.as<WrapperObject>()->wrapped, {obj, key});
    if (!hook.isNull()) return VM::current()->call(hook, {obj, key});
    auto* cls = obj.as<TypeObject>();
    for (TypeObject* generic : {T().list, T().dict, T().tuple, T().set, T().frozenset, T().type}) {
      if (cls->isSubtypeOf(generic)) {  // list[int]: a types.GenericAlias, as CPython's
        VM& vm = *VM::current();
        Value types = vm.interp().importModule(vm, "types");
        return vm.call(getAttr(types, "GenericAlias"), {obj, key});
      }
    }
    if (cls->isBuiltin()) raiseTypeError("type '{}' is not subscriptable", cls->name());
    // A library or user class without __class_getitem__ (CPython: TypeError). The library's
    // generic classes (deque, Queue, the ABCs) rely on this until they define the hook.
    return obj;
  }
  raiseTypeError("'{}' object is not subscriptable", typeName(obj));
}

void setItem(const Value& obj, const Value& key, const Value& value) {
  if (Value method = builtinOverride(obj, "__setitem__"); !method.isNull()) {
    VM::current()->call(method, {obj, key, value});
    return;
  }
  Layout layout = obj.type()->layout();
  if (layout == Layout::List) {
    auto& items = obj.as<ListObject>()->items();
    if (isSlice(key)) {
      std::vector<Value> replacement = toVector(value);
      int64_t start, stop, step, count;
      key.as<SliceObject>()->indices(static_cast<int64_t>(items.size()), &start, &stop, &step,
                                     &count);
      if (step == 1) {
        if (stop < start) stop = start;
        items.erase(items.begin() + start, items.begin() + stop);
        items.insert(items.begin() + start, replacement.begin(), replacement.end());
        return;
      }
      if (static_cast<int64_t>(replacement.size()) != count)
        raiseValueError("attempt to assign sequence of size {} to extended slice of size {}",
                        replacement.size(), count);
      for (int64_t n = 0, k = start; n < count; ++n, k += step)
        items[k] = replacement[n];
      return;
    }
    int64_t i;
    if (!resolveIndex(key, static_cast<int64_t>(items.size()), &i, "list"))
      raiseIndexError("list assignment index out of range");
    items[i] = value;
    return;
  }
  if (layout == Layout::Dict && !isUserObject(obj)) {
    obj.as<DictObject>()->set(key, value);
    return;
  }
  if (isUserObject(obj)) {
    Value r = callSpecial(obj, "__setitem__", {key, value});
    if (!r.isNull()) return;
    if (layout == Layout::Dict) {
      obj.as<DictObject>()->set(key, value);
      return;
    }
  }
  raiseTypeError("'{}' object does not support item assignment", typeName(obj));
}

void delItem(const Value& obj, const Value& key) {
  if (Value method = builtinOverride(obj, "__delitem__"); !method.isNull()) {
    VM::current()->call(method, {obj, key});
    return;
  }
  Layout layout = obj.type()->layout();
  if (layout == Layout::List) {
    auto& items = obj.as<ListObject>()->items();
    if (isSlice(key)) {
      int64_t start, stop, step, count;
      key.as<SliceObject>()->indices(static_cast<int64_t>(items.size()), &start, &stop, &step,
                                     &count);
      std::vector<bool> drop(items.size(), false);
      for (int64_t n = 0, k = start; n < count; ++n, k += step)
        drop[k] = true;
      std::vector<Value> kept;
      for (size_t k = 0; k < items.size(); ++k)
        if (!drop[k]) kept.push_back(std::move(items[k]));
      items = std::move(kept);
      return;
    }
    int64_t i;
    if (!resolveIndex(key, static_cast<int64_t>(items.size()), &i, "list"))
      raiseIndexError("list assignment index out of range");
    Value old = std::move(items[i]);
    items.erase(items.begin() + i);
    return;
  }
  if (layout == Layout::Dict && !isUserObject(obj)) {
    if (!obj.as<DictObject>()->remove(key))
      raiseException(newException(T().KeyError, std::vector<Value>{key}));
    return;
  }
  if (isUserObject(obj)) {
    Value r = callSpecial(obj, "__delitem__", {key});
    if (!r.isNull()) return;
  }
  raiseTypeError("'{}' object doesn't support item deletion", typeName(obj));
}

namespace {

// Forward (iter) or backward (reversed, CPython's dict_reverse*iterator) over the entries.
Value dictIterator(const Value& dictValue, DictViewKind kind, bool backward) {
  auto* d = dictValue.as<DictObject>();
  size_t position = backward ? d->entries().size() : 0;  // backward: one past the next entry
  size_t initialSize = d->size();
  size_t remaining = initialSize;  // CPython's di_len: more entries than that means keys changed
  static constexpr const char* kNames[2][3] = {
      {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator"},
      {"dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"}};
  return Value::steal(new IteratorObject(
      kNames[backward][static_cast<int>(kind)],
      [d, position, initialSize, remaining, kind, backward](Value* out) mutable {
        if (d->size() != initialSize) {
          initialSize = SIZE_MAX;  // sticky, as CPython's di_used = -1
          raiseRuntimeError("dictionary changed size during iteration");
        }
        const auto& entries = d->entries();
        const DictObject::Entry* e = nullptr;
        if (backward) {
          position = std::min(position, entries.size());
          while (position > 0 && entries[position - 1].key.isNull())
            --position;
          if (position == 0) return false;
          e = &entries[--position];
        } else {
          while (position < entries.size() && entries[position].key.isNull())
            ++position;
          if (position >= entries.size()) return false;
          e = &entries[position++];
        }
        if (remaining == 0) {
          remaining = SIZE_MAX;  // sticky, as CPython's
          raiseRuntimeError("dictionary keys changed during iteration");
        }
        if (remaining != SIZE_MAX) --remaining;
        if (kind == DictViewKind::Keys)
          *out = e->key;
        else if (kind == DictViewKind::Values)
          *out = e->value;
        else
          *out = makeTuple({e->key, e->value});
        return true;
      },
      dictValue));
}

}  // namespace

Value reversedDict(const Value& dict, DictViewKind kind) {
  return dictIterator(dict, kind, /*backward=*/true);
}

Value getIter(const Value& v) {
  if (Value method = builtinOverride(v, "__iter__"); !method.isNull())
    return checkedIterator(VM::current()->call(method, {v}));
  Layout layout = v.type()->layout();
  switch (layout) {
    case Layout::List:
    case Layout::Tuple:
      return Value::steal(new ListIteratorObject(v));
    case Layout::Range: {
      auto* r = v.as<RangeObject>();
      if (r->big) {
        Value next = r->bigStart;
        return Value::steal(new IteratorObject(
            "range_iterator",
            [r, next](Value* out) mutable {
              int sign = intSign(r->bigStep);
              int c = intCompare(next, r->bigStop);
              if ((sign > 0 && c >= 0) || (sign < 0 && c <= 0)) return false;
              *out = next;
              next = intAdd(next, r->bigStep);
              return true;
            },
            v));
      }
      return Value::steal(new RangeIteratorObject(r->start, r->step, r->length()));
    }
    case Layout::Str: {
      size_t pos = 0;
      Value keep = v;
      const std::string* s = &asStr(v)->str();
      return Value::steal(new IteratorObject(
          "str_ascii_iterator",
          [s, pos](Value* out) mutable {
            if (pos >= s->size()) return false;
            size_t start = pos;
            decodeUtf8At(*s, pos);
            *out = makeStr(s->substr(start, pos - start));
            return true;
          },
          keep));
    }
    case Layout::Bytes: {
      size_t pos = 0;
      const std::string* s = &v.as<BytesObject>()->data();
      return Value::steal(new IteratorObject(
          "bytes_iterator",
          [s, pos](Value* out) mutable {
            if (pos >= s->size()) return false;
            *out = Value::integer(static_cast<unsigned char>((*s)[pos++]));
            return true;
          },
          v));
    }
    case Layout::Dict:
      return dictIterator(v, DictViewKind::Keys, false);
    case Layout::DictView: {
      auto* view = v.as<DictViewObject>();
      return dictIterator(view->dict, view->kind, false);
    }
    case Layout::Set: {
      auto items = std::make_shared<std::vector<Value>>(v.as<SetObject>()->items());
      auto* set = v.as<SetObject>();
      size_t initialSize = set->size();
      size_t pos = 0;
      return Value::steal(new IteratorObject(
          "set_iterator",
          [items, pos, set, initialSize](Value* out) mutable {
            if (set->size() != initialSize) raiseRuntimeError("Set changed size during iteration");
            if (pos >= items->size()) return false;
            *out = (*items)[pos++];
            return true;
          },
          v));
    }
    case Layout::Iterator:
    case Layout::Generator:
      return v;
    default:
      if (v.type()->iterNextSlot) return v;
      break;
  }
  if (isUserObject(v)) {
    Value r = callSpecial(v, "__iter__", {});
    if (!r.isNull()) return checkedIterator(std::move(r));
    if (!lookupSpecial(v, "__getitem__").isNull()) {
      int64_t index = 0;
      return Value::steal(new IteratorObject(
          "iterator",
          [v, index](Value* out) mutable {
            try {
              *out = getItem(v, Value::integer(index++));
              return true;
            } catch (PyException& e) {
              if (isInstance(e.exception, builtinTypes().IndexError) ||
                  isInstance(e.exception, builtinTypes().StopIteration))
                return false;
              throw;
            }
          },
          v));
    }
  }
  raiseTypeError("'{}' object is not iterable", typeName(v));
}

bool iterNext(const Value& iterator, Value* out) {
  if (iterator.isObject()) {
    Object* o = iterator.object();
    TypeObject* type = o->type();
    if (type == T().rangeIterator) {
      auto* r = static_cast<RangeIteratorObject*>(o);
      if (r->remaining <= 0) return false;
      *out = Value::integer(r->next);
      r->next += r->step;
      --r->remaining;
      return true;
    }
    if (type == T().listIterator || type == T().tupleIterator) {
      auto* it = static_cast<ListIteratorObject*>(o);
      if (it->sequence.isNull()) return false;
      const std::vector<Value>& items = type == T().listIterator
                                            ? it->sequence.as<ListObject>()->items()
                                            : it->sequence.as<TupleObject>()->items();
      if (it->index >= items.size()) {
        it->sequence = Value();
        return false;
      }
      *out = items[it->index++];
      return true;
    }
    if (type == T().iterator) return static_cast<IteratorObject*>(o)->next(out);
    if (type->iterNextSlot) return type->iterNextSlot(iterator, out);
    if (type == T().generator) {
      // A finished generator leaves its return value in `produced`: not for the caller's slot.
      Value produced;
      if (!resumeGenerator(*VM::current(), static_cast<GeneratorObject*>(o), Value::none(),
                           &produced))
        return false;
      *out = std::move(produced);
      return true;
    }
    if (!type->isBuiltin()) {
      Value next = type->lookup("__next__");
      if (!next.isNull()) {
        try {
          *out = VM::current()->call(next, {iterator});
          return true;
        } catch (PyException& e) {
          if (isInstance(e.exception, builtinTypes().StopIteration)) return false;
          throw;
        }
      }
    }
  }
  raiseTypeError("'{}' object is not an iterator", typeName(iterator));
}

bool iterNextInNativeLoop(const Value& iterator, Value* out) {
  if (VM* vm = VM::current()) vm->nativeCheckPoint();
  return iterNext(iterator, out);
}

std::vector<Value> toVector(const Value& iterable) {
  Layout layout = iterable.type()->layout();
  if (!isUserObject(iterable)) {
    if (layout == Layout::List) return iterable.as<ListObject>()->items();
    if (layout == Layout::Tuple) return iterable.as<TupleObject>()->items();
  }
  std::vector<Value> out;
  Value it = getIter(iterable);
  Value v;
  size_t limit = VM::current()->interp().config().maxSequenceLength;
  while (iterNextInNativeLoop(it, &v)) {
    out.push_back(std::move(v));
    if (out.size() > limit) raiseMemoryError("");
  }
  return out;
}

}  // namespace gilsim
