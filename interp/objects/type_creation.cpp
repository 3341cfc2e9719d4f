#include "interp/objects/type_creation.h"

#include <utility>
#include <vector>

#include "interp/common/unicode.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/interned_names.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_constructors.h"
#include "interp/vm/vm.h"  // upward: __prepare__, __init__, __set_name__ run Python code

namespace gilsim {

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

bool isClass(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Type;
}

bool isNativeFn(const Value& v, NativeFn fn) {
  return v.isObject() && v.object()->type() == T().builtinFunction &&
         v.as<NativeFunctionObject>()->fn() == fn;
}

Value unwrapStaticMethod(const Value& v) {
  if (v.isObject() && v.object()->type() == T().staticMethod) return v.as<WrapperObject>()->wrapped;
  return v;
}

CallArgs dropFirst(CallArgs args) {
  return CallArgs{args.args + 1, args.count - 1, args.kwnames};
}

Value callPrefixed(VM& vm, const Value& fn, const Value& first, CallArgs args) {
  std::vector<Value> all;
  all.reserve(args.count + 1);
  all.push_back(first);
  all.insert(all.end(), args.args, args.args + args.count);
  return vm.call(fn, CallArgs{all.data(), all.size(), args.kwnames});
}

std::vector<std::pair<std::string, Value>> keywordsOf(CallArgs args) {
  std::vector<std::pair<std::string, Value>> out;
  size_t npos = args.positionalCount();
  for (size_t i = 0; i < args.keywordCount(); ++i)
    out.emplace_back(asStr(args.kwnames->items()[i])->str(), args.args[npos + i]);
  return out;
}

// The layouts whose built-in types a class may extend.
bool extensible(Layout layout) {
  switch (layout) {
    case Layout::Object:
    case Layout::Exception:
    case Layout::List:
    case Layout::Dict:
    case Layout::Set:
    case Layout::Tuple:
    case Layout::Int:
    case Layout::Str:
    case Layout::Bytes:
    case Layout::Type:
      return true;
    default:
      return false;
  }
}

// The metaclass of a class with `bases` asked for `requested`: the most derived of it and the
// bases' metaclasses, as CPython's _PyType_CalculateMetaclass.
TypeObject* mostDerivedMetaclass(TypeObject* requested, const std::vector<Value>& bases) {
  TypeObject* winner = requested;
  for (const Value& b : bases) {
    TypeObject* meta = b.type();
    if (winner->isSubtypeOf(meta)) continue;
    if (meta->isSubtypeOf(winner)) {
      winner = meta;
      continue;
    }
    raiseTypeError(
        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of "
        "the metaclasses of all its bases");
  }
  return winner;
}

Value objectInit(VM&, CallArgs) {
  return Value::none();
}
Value objectNew(VM& vm, CallArgs args);

Value objectInitSubclass(VM&, CallArgs args) {
  if (args.keywordCount())
    raiseTypeError("{}.__init_subclass__() takes no keyword arguments",
                   isClass(args[0]) ? args[0].as<TypeObject>()->name() : typeName(args[0]));
  return Value::none();
}

// The base whose instance layout a class with these bases extends (its __base__): the one
// whose built-in part is not plain object, or with __slots__, else the first. Two such bases
// with different layouts cannot share one C++ object, as in CPython.
TypeObject* layoutBase(const std::vector<Value>& bases) {
  if (bases.empty()) return T().object;
  TypeObject* chosen = bases[0].as<TypeObject>();
  auto solid = [](TypeObject* t) {
    return builtinBase(t)->layout() != Layout::Object || !t->slotNames.empty();
  };
  for (const Value& b : bases) {
    TypeObject* t = b.as<TypeObject>();
    if (!solid(t)) continue;
    if (!solid(chosen)) {
      chosen = t;
      continue;
    }
    bool sameLayout = builtinBase(t)->layout() == builtinBase(chosen)->layout();
    bool sameSlots = t->slotNames.empty() || chosen->slotNames.empty() || t->isSubtypeOf(chosen) ||
                     chosen->isSubtypeOf(t);
    if (!sameLayout || !sameSlots) raiseTypeError("multiple bases have instance lay-out conflict");
    if (t->isSubtypeOf(chosen)) chosen = t;
  }
  return chosen;
}

// __slots__ of a new class: its member descriptors, the slot names (the base's first) and
// whether its instances still get a __dict__.
void applySlots(TypeObject* cls, TypeObject* base, const Value& declared) {
  cls->slotNames = base->isBuiltin() ? std::vector<std::string>{} : base->slotNames;
  if (declared.isNull()) {
    cls->instancesHaveDict = true;
    return;
  }
  cls->instancesHaveDict = !base->isBuiltin() && base->instancesHaveDict;
  std::vector<Value> names = isStr(declared) ? std::vector<Value>{declared} : toVector(declared);
  if (builtinBase(cls)->layout() != Layout::Object && !names.empty())
    raiseTypeError("nonempty __slots__ not supported for subtype of '{}' by gilsim",
                   builtinBase(cls)->name());
  for (const Value& n : names) {
    if (!isStr(n)) raiseTypeError("__slots__ items must be strings, not '{}'", typeName(n));
    std::string name = asStr(n)->str();
    if (!isIdentifier(name)) raiseTypeError("__slots__ must be identifiers");
    if (name == "__dict__") {
      cls->instancesHaveDict = true;
      continue;
    }
    if (name == "__weakref__") continue;
    if (!cls->dict()->getStr(name).isNull())
      raiseValueError("'{}' in __slots__ conflicts with class variable", name);
    if (cls->slotIndex(name) < 0) cls->slotNames.push_back(name);
    cls->dict()->setStr(name, Value::steal(new WrapperObject(T().memberDescriptor, n)));
  }
}

// type.__new__(metatype, name, bases, namespace, **keywords).
Value typeNew(VM& vm, TypeObject* metatype, CallArgs args) {
  if (args.positionalCount() != 3) {
    if (args.positionalCount() == 1 && !args.keywordCount() && metatype == T().type)
      return Value::borrow(args[0].type());
    raiseTypeError("type.__new__() takes exactly 3 arguments ({} given)", args.positionalCount());
  }
  if (!isStr(args[0]))
    raiseTypeError("type.__new__() argument 1 must be str, not {}", typeName(args[0]));
  if (!isTuple(args[1]))
    raiseTypeError("type.__new__() argument 2 must be tuple, not {}", typeName(args[1]));
  if (!isDict(args[2]))
    raiseTypeError("type.__new__() argument 3 must be dict, not {}", typeName(args[2]));
  std::vector<Value> bases = args[1].as<TupleObject>()->items();
  for (const Value& b : bases)
    if (!isClass(b)) raiseTypeError("bases must be types");
  for (size_t i = 0; i < bases.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (bases[i].object() == bases[j].object())
        raiseTypeError("duplicate base class {}", bases[i].as<TypeObject>()->name());
  for (const Value& b : bases) {
    TypeObject* t = b.as<TypeObject>();
    if (!t->acceptsSubclasses())
      raiseTypeError("type '{}' is not an acceptable base type", t->name());
    if (!extensible(builtinBase(t)->layout()))
      raiseTypeError("subclassing the built-in type '{}' is not supported by gilsim",
                     builtinBase(t)->name());
  }
  TypeObject* base = layoutBase(bases);
  TypeObject* builtin = builtinBase(base);
  TypeObject* meta = mostDerivedMetaclass(metatype, bases);
  auto* cls = new TypeObject(asStr(args[0])->str(), base, builtin->layout());
  Value result = Value::steal(cls);
  cls->setMetatype(meta);
  if (bases.size() > 1) {
    std::vector<TypeObject*> all;
    for (const Value& b : bases)
      all.push_back(b.as<TypeObject>());
    cls->setBases(std::move(all));
  }
  DictObject* ns = args[2].as<DictObject>();
  Value module = ns->getStr("__module__");
  if (!module.isNull() && isStr(module)) {
    cls->moduleName = asStr(module)->str();
  } else if (Frame* frame = vm.currentFrame(); frame && frame->globals) {
    Value name = frame->globals->getStr("__name__");
    if (!name.isNull() && isStr(name)) cls->moduleName = asStr(name)->str();
  }
  Value declaredSlots;
  for (const auto& e : ns->entries()) {
    if (e.key.isNull()) continue;
    std::string_view key = isStr(e.key) ? asStr(e.key)->view() : std::string_view();
    Value value = e.value;
    // CPython makes these implicitly class- and static methods.
    bool plainFunction = value.isObject() && value.object()->type() == T().function;
    if (plainFunction && (key == "__init_subclass__" || key == "__class_getitem__"))
      value = Value::steal(new WrapperObject(T().classMethod, value));
    else if (plainFunction && key == "__new__")
      value = Value::steal(new WrapperObject(T().staticMethod, value));
    if (key == "__slots__") declaredSlots = value;
    // Honouring it would cost a lookup on every attribute load of every instance; refused
    // rather than silently ignored.
    if (key == "__getattribute__" && plainFunction)
      raiseTypeError(
          "a class's own __getattribute__ is not supported by gilsim (define "
          "__getattr__, which runs when the normal lookup fails)");
    cls->dict()->set(e.key, std::move(value));
  }
  // As CPython's type(): a class without a docstring has __doc__ None of its own, so that its
  // instances do not find a base's.
  if (cls->dict()->getStr("__doc__").isNull()) cls->dict()->setStr("__doc__", Value::none());
  // A class defining __eq__ but not __hash__ becomes unhashable, as in CPython.
  if (!cls->dict()->getStr("__eq__").isNull() && cls->dict()->getStr("__hash__").isNull())
    cls->dict()->setStr("__hash__", Value::none());
  applySlots(cls, base, declaredSlots);
  for (TypeObject* b : cls->bases())
    if (!b->isBuiltin() && b->instancesHaveDict) cls->instancesHaveDict = true;
  // __set_name__ on each attribute that has one, in definition order.
  for (const auto& e : ns->entries()) {
    if (e.key.isNull() || !e.value.isObject() || e.value.type()->isBuiltin()) continue;
    Value hook = e.value.type()->lookup("__set_name__");
    if (!hook.isNull()) vm.call(hook, {e.value, result, e.key});
  }
  // The base's __init_subclass__, with the class statement's keywords.
  // (type's own base is not linked to object here: its classes reach object's hook directly.)
  // The next __init_subclass__ after cls in its MRO, as super().__init_subclass__ would find.
  Value hook;
  for (size_t i = 1; i < cls->mro().size() && hook.isNull(); ++i)
    hook = cls->mro()[i]->dict()->getStr("__init_subclass__");
  if (hook.isNull()) hook = T().object->lookup("__init_subclass__");
  if (hook.isObject() && hook.object()->type() == T().classMethod)
    hook = hook.as<WrapperObject>()->wrapped;
  std::vector<Value> all = {result};
  std::vector<Value> names;
  size_t npos = args.positionalCount();
  for (size_t i = 0; i < args.keywordCount(); ++i) {
    names.push_back(args.kwnames->items()[i]);
    all.push_back(args.args[npos + i]);
  }
  Value kwnames = makeTuple(std::move(names));
  vm.call(hook, CallArgs{all.data(), all.size(),
                         args.keywordCount() ? kwnames.as<TupleObject>() : nullptr});
  return result;
}

// The instance of user class `cls` whose built-in part is the built-in value `v`.
Value subclassInstanceOf(TypeObject* cls, const Value& v) {
  switch (builtinBase(cls)->layout()) {
    case Layout::Tuple:
      return Value::steal(new SubclassInstance<TupleObject>(cls, v.as<TupleObject>()->items()));
    case Layout::Int: {
      // Always a heap IntObject, whatever its size: the subclass is its type.
      __int128 narrow;
      if (intFitsInt128(v, &narrow))
        return Value::steal(new SubclassInstance<IntObject>(cls, narrow));
      return Value::steal(new SubclassInstance<IntObject>(cls, toBigInt(v)));
    }
    case Layout::Str:
      return Value::steal(new SubclassInstance<StrObject>(cls, asStr(v)->str()));
    case Layout::Bytes:
      return Value::steal(new SubclassInstance<BytesObject>(cls, v.as<BytesObject>()->data()));
    case Layout::Set: {
      auto* set = new SubclassInstance<SetObject>(cls, true);
      Value result = Value::steal(set);
      for (const Value& item : v.as<SetObject>()->items())
        set->add(item);
      return result;
    }
    default:
      raiseTypeError("subclassing the built-in type '{}' is not supported by gilsim",
                     builtinBase(cls)->name());
  }
}

// object.__new__(cls, *args), also the __new__ of every built-in type a class may extend: makes
// the instance of cls's built-in layout.
Value objectNew(VM& vm, CallArgs args) {
  if (args.count == 0) raiseTypeError("object.__new__(): not enough arguments");
  if (!isClass(args[0]))
    raiseTypeError("object.__new__(X): X is not a type object ({})", typeName(args[0]));
  auto* cls = args[0].as<TypeObject>();
  TypeObject* builtin = builtinBase(cls);
  CallArgs rest = dropFirst(args);
  switch (builtin->layout()) {
    case Layout::Object:
      if (rest.count) {
        if (!isNativeFn(unwrapStaticMethod(cls->lookup("__new__")), objectNew))
          raiseTypeError("object.__new__() takes exactly one argument (the type to instantiate)");
        if (isNativeFn(cls->lookup("__init__"), objectInit))
          raiseTypeError("{}() takes no arguments", cls->name());
      }
      return Value::steal(new InstanceObject(cls));
    case Layout::Exception: {
      auto* e = new ExceptionObject(cls);
      Value result = Value::steal(e);
      e->args = makeTuple(std::vector<Value>(rest.args, rest.args + rest.positionalCount()));
      return result;
    }
    case Layout::List:
      if (cls->isBuiltin()) return makeList();
      return Value::steal(new SubclassInstance<ListObject>(cls));
    case Layout::Dict:
      if (cls->isBuiltin()) return makeDict();
      return Value::steal(new SubclassInstance<DictObject>(cls));
    case Layout::Set:
      if (builtin == T().set) {
        if (cls->isBuiltin()) return Value::steal(new SetObject(false));
        return Value::steal(new SubclassInstance<SetObject>(cls, false));
      }
      break;
    case Layout::Type:
      return typeNew(vm, cls, rest);
    default:
      break;
  }
  if (!builtin->newFn) raiseTypeError("cannot create '{}' instances", cls->name());
  Value v = builtin->newFn(vm, builtin, rest);
  return cls->isBuiltin() ? v : subclassInstanceOf(cls, v);
}

// list.__init__, dict.__init__, set.__init__: (re)fill self as the constructor would.
Value listInit(VM& vm, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("list() takes no keyword arguments");
  if (args.count > 2) raiseTypeError("list expected at most 1 argument, got {}", args.count - 1);
  if (!isList(args[0])) raiseTypeError("descriptor '__init__' requires a 'list' object");
  std::vector<Value> items = args.count == 2 ? toVector(args[1]) : std::vector<Value>{};
  args[0].as<ListObject>()->items() = std::move(items);
  (void)vm;
  return Value::none();
}

Value dictInit(VM& vm, CallArgs args) {
  if (!isDict(args[0])) raiseTypeError("descriptor '__init__' requires a 'dict' object");
  Value update = T().dict->dict()->getStr("update");
  vm.call(update, args);
  return Value::none();
}

Value setInit(VM& vm, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("set() takes no keyword arguments");
  if (args.count > 2) raiseTypeError("set expected at most 1 argument, got {}", args.count - 1);
  if (!isSet(args[0])) raiseTypeError("descriptor '__init__' requires a 'set' object");
  auto* set = args[0].as<SetObject>();
  if (set->frozen()) return Value::none();
  std::vector<Value> items = args.count == 2 ? toVector(args[1]) : std::vector<Value>{};
  set->clear();
  for (const Value& item : items)
    set->add(item);
  (void)vm;
  return Value::none();
}

Value typeInit(VM&, CallArgs) {
  return Value::none();
}

Value typeCall(VM& vm, CallArgs args) {
  if (args.count == 0 || !isClass(args[0]))
    raiseTypeError("descriptor '__call__' requires a 'type' object");
  return callType(vm, args[0].as<TypeObject>(), dropFirst(args));
}

}  // namespace

FunctionObject* plainConstructorInit(TypeObject* cls) {
  if (cls->isBuiltin() || cls->newFn || cls->layout() != Layout::Object) return nullptr;
  static StrObject* const newName = sharedName("__new__");
  static StrObject* const initName = sharedName("__init__");
  if (!isNativeFn(unwrapStaticMethod(cls->lookup(newName)), objectNew)) return nullptr;
  Value init = cls->lookup(initName);
  if (!init.isObject() || init.object()->type() != T().function) return nullptr;
  return static_cast<FunctionObject*>(init.object());
}

Value callType(VM& vm, TypeObject* cls, CallArgs args) {
  // Built-in and native types with a constructor (complex, bytearray, ...) are built by it; a
  // class statement's type has none of its own.
  if (cls->isBuiltin() || cls->newFn) {
    if (cls == T().type) {
      if (args.count == 1 && !args.keywordCount()) return Value::borrow(args[0].type());
      if (args.positionalCount() != 3) raiseTypeError("type() takes 1 or 3 arguments");
      std::vector<Value> bases =
          isTuple(args[1]) ? args[1].as<TupleObject>()->items() : std::vector<Value>{};
      for (const Value& b : bases)
        if (!isClass(b)) raiseTypeError("bases must be types");
      TypeObject* meta = mostDerivedMetaclass(T().type, bases);
      if (meta != T().type) return vm.call(Value::borrow(meta), args);
      return typeNew(vm, T().type, args);
    }
    if (!cls->newFn) raiseTypeError("cannot create '{}' instances", cls->name());
    return cls->newFn(vm, cls, args);
  }
  Value newMethod = unwrapStaticMethod(cls->lookup("__new__"));
  Value clsValue = Value::borrow(cls);
  Value instance;
  if (isNativeFn(newMethod, objectNew) && cls->layout() == Layout::Object)
    instance = Value::steal(new InstanceObject(cls));  // the common case, without a call
  else
    instance = callPrefixed(vm, newMethod, clsValue, args);
  if (!isInstance(instance, cls)) return instance;
  Value init = cls->lookup("__init__");
  if (isNativeFn(init, objectInit)) {
    if (args.count && cls->layout() == Layout::Object && isNativeFn(newMethod, objectNew))
      raiseTypeError("{}() takes no arguments", cls->name());
    return instance;
  }
  Value r = callPrefixed(vm, init, instance, args);
  if (!r.isNone()) raiseTypeError("__init__() should return None, not '{}'", typeName(r));
  return instance;
}

Value buildClass(VM& vm, CallArgs args) {
  if (args.positionalCount() < 2) raiseTypeError("__build_class__: not enough arguments");
  const Value& body = args[0];
  if (!body.isObject() || body.object()->type() != T().function)
    raiseTypeError("__build_class__: func must be a function");
  if (!isStr(args[1])) raiseTypeError("__build_class__: name is not a string");
  std::vector<Value> bases(args.args + 2, args.args + args.positionalCount());
  Value metaclass;
  std::vector<std::pair<std::string, Value>> keywords;
  for (auto& [name, value] : keywordsOf(args)) {
    if (name == "metaclass")
      metaclass = value;
    else
      keywords.emplace_back(name, value);
  }
  if (metaclass.isNull()) metaclass = Value::borrow(bases.empty() ? T().type : bases[0].type());
  if (isClass(metaclass)) {
    for (const Value& b : bases)
      if (!isClass(b)) raiseTypeError("bases must be types");
    metaclass = Value::borrow(mostDerivedMetaclass(metaclass.as<TypeObject>(), bases));
  }
  Value basesTuple = makeTuple(bases);
  Value ns;
  Value prepare = getAttrOrNull(metaclass, asStr(makeStr("__prepare__")));
  if (!prepare.isNull()) {
    ns = vm.callWithKeywords(prepare, {args[1], basesTuple}, keywords);
    if (!isDict(ns))
      raiseTypeError("{}.__prepare__() must return a mapping, not {}",
                     isClass(metaclass) ? metaclass.as<TypeObject>()->name() : "<metaclass>",
                     typeName(ns));
  } else {
    ns = makeDict();
  }
  auto* fn = body.as<FunctionObject>();
  Value cell = vm.runCode(fn->code(), fn->globals(), ns, fn->closure);
  Value cls = vm.callWithKeywords(metaclass, {args[1], basesTuple, ns}, keywords);
  if (cell.isObject() && cell.object()->type() == T().cell) cell.as<CellObject>()->value = cls;
  return cls;
}

// type.mro(cls): the linearization __mro__ holds, as a list.
Value typeMro(VM&, CallArgs args) {
  if (args.count != 1 || !isClass(args[0]))
    raiseTypeError("descriptor 'mro' of 'type' object needs an argument");
  std::vector<Value> order;
  for (TypeObject* t : args[0].as<TypeObject>()->mro())
    order.push_back(Value::borrow(t));
  return makeList(std::move(order));
}

void registerTypeCreationMethods(BuiltinTypes& t) {
  Value objectNewFn = makeNative("__new__", objectNew);
  for (TypeObject* type :
       {t.object, t.list, t.dict, t.set, t.frozenset, t.tuple, t.str, t.bytes, t.type})
    type->dict()->setStr("__new__", Value::steal(new WrapperObject(t.staticMethod, objectNewFn)));
  t.object->dict()->setStr("__init__", makeNativeMethod("__init__", objectInit, "object"));
  t.object->dict()->setStr(
      "__init_subclass__",
      Value::steal(
          new WrapperObject(t.classMethod, makeNative("__init_subclass__", objectInitSubclass))));
  t.list->dict()->setStr("__init__", makeNativeMethod("__init__", listInit, "list"));
  t.dict->dict()->setStr("__init__", makeNativeMethod("__init__", dictInit, "dict"));
  t.set->dict()->setStr("__init__", makeNativeMethod("__init__", setInit, "set"));
  t.type->dict()->setStr("__init__", makeNativeMethod("__init__", typeInit, "type"));
  t.type->dict()->setStr("__call__", makeNativeMethod("__call__", typeCall, "type"));
  t.type->dict()->setStr("mro", makeNativeMethod("mro", typeMro, "type"));
}

}  // namespace gilsim
