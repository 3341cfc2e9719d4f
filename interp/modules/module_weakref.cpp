// _weakref: the native core of the weakref module (interp/lib/weakref.py builds the rest on it).
//
//   ref                  weakref.ReferenceType (interp/objects/weakref_object.h)
//   getweakrefcount(o)   how many live weak references o has
//   getweakrefs(o)       them, as a list, in CPython's order
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/function_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/weakref_object.h"

namespace gilsim {

namespace {

Value weakrefGetweakrefcount(VM&, CallArgs args) {
  expectArgs("getweakrefcount", args, 1, 1);
  return Value::integer(static_cast<int64_t>(weakrefsTo(args[0]).size()));
}

Value weakrefGetweakrefs(VM&, CallArgs args) {
  expectArgs("getweakrefs", args, 1, 1);
  return makeList(weakrefsTo(args[0]));
}

}  // namespace

void initWeakrefModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("ref", Value::borrow(weakrefType()));
  d->setStr("ReferenceType", Value::borrow(weakrefType()));
  d->setStr("getweakrefcount", makeNative("getweakrefcount", weakrefGetweakrefcount));
  d->setStr("getweakrefs", makeNative("getweakrefs", weakrefGetweakrefs));
}

}  // namespace gilsim
