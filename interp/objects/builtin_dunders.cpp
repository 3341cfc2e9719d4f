#include "interp/objects/builtin_dunders.h"

#include "interp/objects/dict_object.h"
#include "interp/objects/function_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

namespace {

Value dunderGetItem(VM&, CallArgs args) {
  expectMethodArgs("__getitem__", args, 1, 1);
  BuiltinPartScope scope(args[0]);
  return getItem(args[0], args[1]);
}

Value dunderSetItem(VM&, CallArgs args) {
  expectMethodArgs("__setitem__", args, 2, 2);
  BuiltinPartScope scope(args[0]);
  setItem(args[0], args[1], args[2]);
  return Value::none();
}

Value dunderDelItem(VM&, CallArgs args) {
  expectMethodArgs("__delitem__", args, 1, 1);
  BuiltinPartScope scope(args[0]);
  delItem(args[0], args[1]);
  return Value::none();
}

Value dunderLen(VM&, CallArgs args) {
  expectMethodArgs("__len__", args, 0, 0);
  BuiltinPartScope scope(args[0]);
  return Value::integer(length(args[0]));
}

Value dunderContains(VM&, CallArgs args) {
  expectMethodArgs("__contains__", args, 1, 1);
  BuiltinPartScope scope(args[0]);
  return Value::boolean(contains(args[0], args[1]));
}

Value dunderIter(VM&, CallArgs args) {
  expectMethodArgs("__iter__", args, 0, 0);
  BuiltinPartScope scope(args[0]);
  return getIter(args[0]);
}

Value dunderRepr(VM&, CallArgs args) {
  expectMethodArgs("__repr__", args, 0, 0);
  BuiltinPartScope scope(args[0]);
  return makeStr(repr(args[0]));
}

}  // namespace

void registerBuiltinDunders(BuiltinTypes& t) {
  struct Dunder {
    const char* name;
    NativeFn fn;
    bool mutableOnly;  // only list and dict
    bool subscriptable;
  };
  static constexpr Dunder kDunders[] = {
      {"__getitem__", dunderGetItem, false, true},    {"__setitem__", dunderSetItem, true, true},
      {"__delitem__", dunderDelItem, true, true},     {"__len__", dunderLen, false, false},
      {"__contains__", dunderContains, false, false}, {"__iter__", dunderIter, false, false},
      {"__repr__", dunderRepr, false, false},
  };
  for (TypeObject* type : {t.list, t.dict, t.tuple, t.str, t.bytes, t.set, t.frozenset}) {
    bool isMutableMapping = type == t.list || type == t.dict;
    bool isSubscriptable = type != t.set && type != t.frozenset;
    for (const Dunder& d : kDunders) {
      if (d.mutableOnly && !isMutableMapping) continue;
      if (d.subscriptable && !isSubscriptable) continue;
      if (!type->dict()->getStr(d.name).isNull()) continue;  // a method of its own already
      type->dict()->setStr(d.name, makeNativeMethod(d.name, d.fn, type->name()));
    }
  }
}

}  // namespace gilsim
