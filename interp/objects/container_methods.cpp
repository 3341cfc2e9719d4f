// Methods of list, tuple, dict and set.
#include <algorithm>
#include <bit>

#include "interp/objects/builtin_methods.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/guarded_sort.h"
#include "interp/objects/native_args.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/vm/vm.h"  // upward: sort's key function runs Python code

namespace gilsim {

namespace {

ListObject* selfList(const CallArgs& args, const char* name) {
  if (args.count == 0 || !isList(args[0]))
    raiseTypeError("descriptor '{}' for 'list' objects doesn't apply to a '{}' object", name,
                   args.count ? typeName(args[0]) : "NoneType");
  return args[0].as<ListObject>();
}

Value listAppend(VM&, CallArgs args) {
  ListObject* l = selfList(args, "append");
  expectMethodArgs("append", args, 1, 1);
  l->items().push_back(args[1]);
  return Value::none();
}

Value listExtend(VM&, CallArgs args) {
  ListObject* l = selfList(args, "extend");
  expectMethodArgs("extend", args, 1, 1);
  std::vector<Value> extra = toVector(args[1]);
  l->items().insert(l->items().end(), extra.begin(), extra.end());
  return Value::none();
}

Value listInsert(VM&, CallArgs args) {
  ListObject* l = selfList(args, "insert");
  expectMethodArgs("insert", args, 2, 2);
  int64_t n = static_cast<int64_t>(l->size());
  int64_t i = toIndex(args[1], "index");
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  l->items().insert(l->items().begin() + i, args[2]);
  return Value::none();
}

Value listPop(VM&, CallArgs args) {
  ListObject* l = selfList(args, "pop");
  expectMethodArgs("pop", args, 0, 1);
  int64_t n = static_cast<int64_t>(l->size());
  if (n == 0) raiseIndexError("pop from empty list");
  int64_t i = args.count > 1 ? toIndex(args[1], "index") : -1;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raiseIndexError("pop index out of range");
  Value v = std::move(l->items()[i]);
  l->items().erase(l->items().begin() + i);
  return v;
}

Value listRemove(VM&, CallArgs args) {
  ListObject* l = selfList(args, "remove");
  expectMethodArgs("remove", args, 1, 1);
  // Each item held while compared, the size re-read: __eq__ may shrink the list (CPython's
  // list_remove deletes at the index found, if the list still reaches it).
  for (size_t i = 0; i < l->size(); ++i) {
    Value candidate = l->items()[i];
    if (equals(candidate, args[1])) {
      if (i < l->size()) {
        Value old = std::move(l->items()[i]);
        l->items().erase(l->items().begin() + static_cast<int64_t>(i));
      }
      return Value::none();
    }
  }
  raiseValueError("list.remove(x): x not in list");
}

Value sequenceIndex(const std::vector<Value>& items, const CallArgs& args, const char* what) {
  int64_t n = static_cast<int64_t>(items.size());
  int64_t start = args.count > 2 ? toIndex(args[2], "start") : 0;
  int64_t stop = args.count > 3 ? toIndex(args[3], "stop") : n;
  if (start < 0) start = std::max<int64_t>(0, start + n);
  if (stop < 0) stop = std::max<int64_t>(0, stop + n);
  // The live items, the size re-read and each item held: __eq__ may shrink a list under us.
  for (int64_t i = start; i < std::min(stop, static_cast<int64_t>(items.size())); ++i) {
    Value candidate = items[i];
    if (equals(candidate, args[1])) return Value::integer(i);
  }
  if (std::string_view(what) == "list") raiseValueError("{} is not in list", repr(args[1]));
  raiseValueError("tuple.index(x): x not in tuple");
}

Value listIndex(VM&, CallArgs args) {
  ListObject* l = selfList(args, "index");
  expectMethodArgs("index", args, 1, 3);
  return sequenceIndex(l->items(), args, "list");
}

Value listCount(VM&, CallArgs args) {
  ListObject* l = selfList(args, "count");
  expectMethodArgs("count", args, 1, 1);
  int64_t n = 0;
  for (size_t i = 0; i < l->size(); ++i) {  // live, as CPython counts: __eq__ may shrink it
    Value candidate = l->items()[i];
    n += equals(candidate, args[1]);
  }
  return Value::integer(n);
}

Value listSort(VM& vm, CallArgs args) {
  ListObject* l = selfList(args, "sort");
  Value key;
  bool reverse = false;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "key")
      key = v;
    else if (name == "reverse")
      reverse = truthy(v);
    else
      raiseTypeError("sort() got an unexpected keyword argument '{}'", name);
  });
  if (npos > 1) raiseTypeError("sort() takes no positional arguments");
  // As CPython does, the list is empty while it sorts (a key or __lt__ sees len 0, and whatever
  // it adds lands in a fresh buffer, never in the one being sorted); a list that grew a buffer
  // meanwhile, or filled or replaced the stand-in, was modified: the sorted items are put back
  // and ValueError raised. A raising key
  // or comparison puts the items back as they were (CPython leaves some permutation; unchanged
  // is the friendlier choice).
  std::vector<Value> items = std::move(l->items());
  // The stand-in buffer: any append lands in it, a clear or growth replaces it.
  l->items() = std::vector<Value>();
  l->items().reserve(1);
  const Value* standIn = l->items().data();
  std::vector<Value> sorted;
  try {
    std::vector<std::pair<Value, size_t>> keyed;
    keyed.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i)
      keyed.emplace_back(key.isNull() || key.isNone() ? items[i] : vm.call(key, {items[i]}), i);
    if (nativeWorkIsCharged() && keyed.size() > 1)
      chargeNativeWork(NativeCosts::kSortPerCompare * static_cast<int64_t>(keyed.size()) *
                       static_cast<int64_t>(std::bit_width(keyed.size())));
    // Not std::stable_sort: a hostile __lt__ is no strict weak order (guarded_sort.h).
    guardedStableSort(keyed, [&](const auto& a, const auto& b) {
      return reverse ? lessThan(b.first, a.first) : lessThan(a.first, b.first);
    });
    sorted.reserve(items.size());
    for (auto& k : keyed)
      sorted.push_back(items[k.second]);
  } catch (...) {
    std::vector<Value> meanwhile = std::move(l->items());
    l->items() = std::move(items);
    throw;
  }
  bool modified = !l->items().empty() || l->items().data() != standIn;
  std::vector<Value> meanwhile = std::move(l->items());
  l->items() = std::move(sorted);
  if (modified) raiseValueError("list modified during sort");
  return Value::none();
}

Value listReverse(VM&, CallArgs args) {
  ListObject* l = selfList(args, "reverse");
  expectMethodArgs("reverse", args, 0, 0);
  std::reverse(l->items().begin(), l->items().end());
  return Value::none();
}

Value listCopy(VM&, CallArgs args) {
  ListObject* l = selfList(args, "copy");
  expectMethodArgs("copy", args, 0, 0);
  return makeList(l->items());
}

Value listClear(VM&, CallArgs args) {
  ListObject* l = selfList(args, "clear");
  expectMethodArgs("clear", args, 0, 0);
  // An empty list keeps its buffer: a key function clearing the list being sorted (empty while
  // it sorts) is no modification, as in CPython.
  if (l->size() == 0) return Value::none();
  std::vector<Value> old = std::move(l->items());
  l->items().clear();
  return Value::none();
}

Value tupleIndex(VM&, CallArgs args) {
  if (args.count == 0 || !isTuple(args[0])) raiseTypeError("descriptor 'index' requires a tuple");
  expectMethodArgs("index", args, 1, 3);
  return sequenceIndex(args[0].as<TupleObject>()->items(), args, "tuple");
}

Value tupleCount(VM&, CallArgs args) {
  if (args.count == 0 || !isTuple(args[0])) raiseTypeError("descriptor 'count' requires a tuple");
  expectMethodArgs("count", args, 1, 1);
  int64_t n = 0;
  for (const Value& v : args[0].as<TupleObject>()->items())
    n += equals(v, args[1]);
  return Value::integer(n);
}

// ---- dict ----

DictObject* selfDict(const CallArgs& args, const char* name) {
  if (args.count == 0 || !isDict(args[0]))
    raiseTypeError("descriptor '{}' for 'dict' objects doesn't apply to a '{}' object", name,
                   args.count ? typeName(args[0]) : "NoneType");
  return args[0].as<DictObject>();
}

Value dictGet(VM&, CallArgs args) {
  DictObject* d = selfDict(args, "get");
  expectMethodArgs("get", args, 1, 2);
  Value v = d->get(args[1]);
  if (v.isNull()) return args.count > 2 ? args[2] : Value::none();
  return v;
}

Value dictView(const CallArgs& args, const char* name, DictViewKind kind) {
  selfDict(args, name);
  expectMethodArgs(name, args, 0, 0);
  return Value::steal(new DictViewObject(args[0], kind));
}
Value dictKeys(VM&, CallArgs args) {
  return dictView(args, "keys", DictViewKind::Keys);
}
Value dictValues(VM&, CallArgs args) {
  return dictView(args, "values", DictViewKind::Values);
}
Value dictItems(VM&, CallArgs args) {
  return dictView(args, "items", DictViewKind::Items);
}

Value dictPop(VM&, CallArgs args) {
  DictObject* d = selfDict(args, "pop");
  expectMethodArgs("pop", args, 1, 2);
  Value removed;
  if (d->remove(args[1], &removed)) return removed;
  if (args.count > 2) return args[2];
  raiseException(newException(builtinTypes().KeyError, std::vector<Value>{args[1]}));
}

Value dictPopitem(VM&, CallArgs args) {
  DictObject* d = selfDict(args, "popitem");
  expectMethodArgs("popitem", args, 0, 0);
  if (d->size() == 0) raiseKeyError("popitem(): dictionary is empty");
  const auto& entries = d->entries();
  for (size_t i = entries.size(); i-- > 0;) {
    if (entries[i].key.isNull()) continue;
    Value key = entries[i].key;
    Value value;
    d->remove(key, &value);
    return makeTuple({key, value});
  }
  raiseKeyError("popitem(): dictionary is empty");
}

Value dictSetdefault(VM&, CallArgs args) {
  DictObject* d = selfDict(args, "setdefault");
  expectMethodArgs("setdefault", args, 1, 2);
  Value v = d->get(args[1]);
  if (!v.isNull()) return v;
  Value dflt = args.count > 2 ? args[2] : Value::none();
  d->set(args[1], dflt);
  return dflt;
}

void updateFrom(DictObject* d, const Value& other) {
  if (isDict(other)) {
    d->mergeFrom(*other.as<DictObject>());
    return;
  }
  if (other.isObject() && !other.object()->type()->isBuiltin() &&
      !lookupSpecial(other, "keys").isNull()) {
    for (const Value& k : toVector(callSpecial(other, "keys", {})))
      d->set(k, getItem(other, k));
    return;
  }
  size_t index = 0;
  for (const Value& item : toVector(other)) {
    std::vector<Value> pair;
    if (isTuple(item) || isList(item))
      pair = toVector(item);
    else
      raiseTypeError("cannot convert dictionary update sequence element #{} to a sequence", index);
    if (pair.size() != 2)
      raiseValueError("dictionary update sequence element #{} has length {}; 2 is required", index,
                      pair.size());
    d->set(pair[0], pair[1]);
    ++index;
  }
}

Value dictUpdate(VM&, CallArgs args) {
  DictObject* d = selfDict(args, "update");
  size_t npos = args.positionalCount();
  if (npos > 2) raiseTypeError("update expected at most 1 argument, got {}", npos - 1);
  if (npos == 2) updateFrom(d, args[1]);
  forEachKeyword(args, [&](std::string_view name, const Value& v) { d->set(makeStr(name), v); });
  return Value::none();
}

// dict is Reversible since 3.8; collections.abc looks for the method itself.
Value dictReversed(VM&, CallArgs args) {
  selfDict(args, "__reversed__");
  expectMethodArgs("__reversed__", args, 0, 0);
  return reversedDict(args[0], DictViewKind::Keys);
}

Value dictCopy(VM&, CallArgs args) {
  DictObject* d = selfDict(args, "copy");
  Value out = makeDict();
  out.as<DictObject>()->mergeFrom(*d);
  return out;
}

Value dictClear(VM&, CallArgs args) {
  selfDict(args, "clear")->clear();
  return Value::none();
}

// ---- set ----

SetObject* selfSet(const CallArgs& args, const char* name) {
  if (args.count == 0 || !isSet(args[0]))
    raiseTypeError("descriptor '{}' for 'set' objects doesn't apply to a '{}' object", name,
                   args.count ? typeName(args[0]) : "NoneType");
  return args[0].as<SetObject>();
}

Value setAdd(VM&, CallArgs args) {
  SetObject* s = selfSet(args, "add");
  expectMethodArgs("add", args, 1, 1);
  s->add(args[1]);
  return Value::none();
}

Value setDiscard(VM&, CallArgs args) {
  SetObject* s = selfSet(args, "discard");
  expectMethodArgs("discard", args, 1, 1);
  s->discard(args[1]);
  return Value::none();
}

Value setRemove(VM&, CallArgs args) {
  SetObject* s = selfSet(args, "remove");
  expectMethodArgs("remove", args, 1, 1);
  if (!s->discard(args[1]))
    raiseException(newException(builtinTypes().KeyError, std::vector<Value>{args[1]}));
  return Value::none();
}

Value setPop(VM&, CallArgs args) {
  SetObject* s = selfSet(args, "pop");
  if (s->size() == 0) raiseKeyError("pop from an empty set");
  Value first = s->items().front();
  s->discard(first);
  return first;
}

Value setClear(VM&, CallArgs args) {
  selfSet(args, "clear")->clear();
  return Value::none();
}

Value setCopy(VM&, CallArgs args) {
  SetObject* s = selfSet(args, "copy");
  Value out = makeSet(s->frozen());
  s->forEach([&](const Value& v) { out.as<SetObject>()->add(v); });
  return out;
}

Value asSet(const Value& v) {
  if (isSet(v)) return v;
  Value s = makeSet();
  for (const Value& item : toVector(v))
    s.as<SetObject>()->add(item);
  return s;
}

Value setAlgebra(const CallArgs& args, const char* name, BinaryOperator op) {
  selfSet(args, name);
  Value result = args[0];
  bool first = true;
  for (size_t i = 1; i < args.count; ++i) {
    result = binaryOp(op, first ? Value(args[0]) : result, asSet(args[i]));
    first = false;
  }
  if (first) return setCopy(*VM::current(), args);
  return result;
}
Value setUnion(VM&, CallArgs args) {
  return setAlgebra(args, "union", BinaryOperator::BitOr);
}
Value setIntersection(VM&, CallArgs args) {
  return setAlgebra(args, "intersection", BinaryOperator::BitAnd);
}
Value setDifference(VM&, CallArgs args) {
  return setAlgebra(args, "difference", BinaryOperator::Sub);
}
Value setSymmetricDifference(VM&, CallArgs args) {
  return setAlgebra(args, "symmetric_difference", BinaryOperator::BitXor);
}

Value setUpdate(VM&, CallArgs args) {
  SetObject* s = selfSet(args, "update");
  for (size_t i = 1; i < args.count; ++i)
    for (const Value& v : toVector(args[i]))
      s->add(v);
  return Value::none();
}

Value setIssubset(VM&, CallArgs args) {
  selfSet(args, "issubset");
  expectMethodArgs("issubset", args, 1, 1);
  return compare(CompareOperator::LtE, args[0], asSet(args[1]));
}
Value setIssuperset(VM&, CallArgs args) {
  selfSet(args, "issuperset");
  expectMethodArgs("issuperset", args, 1, 1);
  return compare(CompareOperator::GtE, args[0], asSet(args[1]));
}
Value setIsdisjoint(VM&, CallArgs args) {
  SetObject* s = selfSet(args, "isdisjoint");
  expectMethodArgs("isdisjoint", args, 1, 1);
  for (const Value& v : toVector(args[1]))
    if (s->contains(v)) return Value::boolean(false);
  return Value::boolean(true);
}

// slice.indices(length): (start, stop, step) resolved as slicing a sequence of that length does.
Value sliceIndices(VM&, CallArgs args) {
  expectMethodArgs("indices", args, 1, 1);
  if (!args[0].isObject() || args[0].object()->type() != builtinTypes().slice)
    raiseTypeError("descriptor 'indices' for 'slice' objects doesn't apply to a '{}' object",
                   typeName(args[0]));
  int64_t length = toIndex(args[1], "length");
  if (length < 0) raiseValueError("length should not be negative");
  int64_t start, stop, step, count;
  args[0].as<SliceObject>()->indices(length, &start, &stop, &step, &count);
  return makeTuple({Value::integer(start), Value::integer(stop), Value::integer(step)});
}

// dict.fromkeys(iterable, value=None), a classmethod: a subclass builds itself (cls()) and
// takes the keys through __setitem__, as CPython's does.
Value dictFromkeys(VM& vm, CallArgs args) {
  expectMethodArgs("fromkeys", args, 1, 2);
  Value value = args.count > 2 ? args[2] : Value::none();
  std::vector<Value> keys = toVector(args[1]);
  const Value& cls = args[0];
  if (cls.isObject() && cls.object() == builtinTypes().dict) {
    Value d = makeDict();
    for (const Value& key : keys)
      d.as<DictObject>()->set(key, value);
    return d;
  }
  Value d = vm.call(cls, {});
  for (const Value& key : keys)
    setItem(d, key, value);
  return d;
}

struct Method {
  const char* name;
  NativeFn fn;
};

void install(TypeObject* type, std::initializer_list<Method> methods) {
  for (const Method& m : methods)
    type->dict()->setStr(m.name, makeNativeMethod(m.name, m.fn, type->name()));
}

}  // namespace

void registerContainerMethods(BuiltinTypes& t) {
  install(t.list, {{"append", listAppend},
                   {"extend", listExtend},
                   {"insert", listInsert},
                   {"pop", listPop},
                   {"remove", listRemove},
                   {"index", listIndex},
                   {"count", listCount},
                   {"sort", listSort},
                   {"reverse", listReverse},
                   {"copy", listCopy},
                   {"clear", listClear}});
  install(t.tuple, {{"index", tupleIndex}, {"count", tupleCount}});
  install(t.slice, {{"indices", sliceIndices}});
  install(t.dict, {{"get", dictGet},
                   {"keys", dictKeys},
                   {"values", dictValues},
                   {"items", dictItems},
                   {"pop", dictPop},
                   {"popitem", dictPopitem},
                   {"setdefault", dictSetdefault},
                   {"update", dictUpdate},
                   {"copy", dictCopy},
                   {"clear", dictClear},
                   {"__reversed__", dictReversed}});
  installClassMethod(t.dict, "fromkeys", dictFromkeys);
  std::initializer_list<Method> common = {
      {"union", setUnion},           {"intersection", setIntersection},
      {"difference", setDifference}, {"symmetric_difference", setSymmetricDifference},
      {"issubset", setIssubset},     {"issuperset", setIssuperset},
      {"isdisjoint", setIsdisjoint}, {"copy", setCopy}};
  install(t.set, common);
  install(t.frozenset, common);
  install(t.set, {{"add", setAdd},
                  {"discard", setDiscard},
                  {"remove", setRemove},
                  {"pop", setPop},
                  {"clear", setClear},
                  {"update", setUpdate}});
}

}  // namespace gilsim
