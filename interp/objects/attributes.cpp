// Attribute access: getattr/setattr/delattr and the method lookup behind LOAD_METHOD.
#include <algorithm>

#include "interp/objects/attribute_cache.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/descriptors.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_constructors.h"
#include "interp/vm/generator_object.h"  // upward: a generator is named after its code
#include "interp/vm/vm.h"  // upward: property getters, __getattr__ and __setattr__ run Python code

namespace gilsim {

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

bool hasInstanceDict(const Value& obj) {
  return obj.isObject() && obj.object()->instanceDict() != nullptr;
}

bool isClassObject(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Type;
}

bool isMemberDescriptor(const Value& v) {
  return v.isObject() && v.object()->type() == T().memberDescriptor;
}

// The __slots__ storage of `obj` for the member descriptor `member`, or null when `obj` is not
// an instance of the member's class.
Value* slotOf(const Value& obj, const Value& member) {
  if (!obj.isObject() || obj.object()->type()->layout() != Layout::Object ||
      obj.type()->isBuiltin())
    return nullptr;
  auto* instance = obj.as<InstanceObject>();
  int index = obj.type()->slotIndex(asStr(member.as<WrapperObject>()->wrapped)->view());
  if (index < 0 || static_cast<size_t>(index) >= instance->slots.size()) return nullptr;
  return &instance->slots[index];
}

bool isPlainFunction(const Value& v) {
  return v.isObject() && v.object()->type() == T().function;
}
bool isNativeMethod(const Value& v) {
  return v.isObject() && v.object()->type() == T().builtinFunction &&
         v.as<NativeFunctionObject>()->isMethod();
}

// A user class's descriptor hook (__get__, __set__, __delete__) on `attribute`'s type, or Null.
// Built-in types answer through bind() and the property/slot cases below.
Value descriptorHook(const Value& attribute, std::string_view hook) {
  if (!attribute.isObject()) return Value();
  TypeObject* t = attribute.object()->type();
  if (t->isBuiltin() || t->layout() == Layout::Type) return Value();
  return t->lookup(hook);
}

// A data descriptor (one defining __set__ or __delete__) wins over the instance's dict.
bool isDataDescriptor(const Value& attribute) {
  return !descriptorHook(attribute, "__set__").isNull() ||
         !descriptorHook(attribute, "__delete__").isNull();
}

Value callGet(const Value& hook, const Value& attribute, const Value& obj, TypeObject* type) {
  return VM::current()->call(hook, {attribute, obj, Value::borrow(type)});
}

Value bind(const Value& attribute, const Value& obj, TypeObject* type) {
  if (isPlainFunction(attribute) || isNativeMethod(attribute))
    return Value::steal(new BoundMethodObject(obj, attribute));
  if (attribute.isObject()) {
    TypeObject* t = attribute.object()->type();
    if (t == T().staticMethod) return attribute.as<WrapperObject>()->wrapped;
    if (t == T().classMethod)
      return Value::steal(
          new BoundMethodObject(Value::borrow(type), attribute.as<WrapperObject>()->wrapped));
    if (t == T().property) {
      Value getter = attribute.as<WrapperObject>()->wrapped;
      if (getter.isNull() || getter.isNone()) raiseAttributeError("unreadable attribute");
      return VM::current()->call(getter, {obj});
    }
    if (t == T().memberDescriptor) {
      Value* slot = slotOf(obj, attribute);
      return slot ? *slot : Value();  // an unset slot: no attribute
    }
  }
  return attribute;
}

// Attributes that live in C++ fields rather than dicts.
Value specialAttribute(const Value& obj, std::string_view name) {
  if (name == "__class__") return Value::borrow(obj.type());
  if (!obj.isObject()) return Value();
  Object* o = obj.object();
  switch (o->type()->layout()) {
    case Layout::Type: {
      auto* t = static_cast<TypeObject*>(o);
      if (name == "__name__" || name == "__qualname__") return makeStr(t->name());
      if (name == "__base__") return t->base() ? Value::borrow(t->base()) : Value::none();
      if (name == "__bases__") {
        std::vector<Value> bases;
        for (TypeObject* b : t->bases())
          bases.push_back(Value::borrow(b));
        return makeTuple(std::move(bases));
      }
      if (name == "__mro__") {
        std::vector<Value> mro;
        for (TypeObject* x : t->mro())
          mro.push_back(Value::borrow(x));
        return makeTuple(std::move(mro));
      }
      if (name == "__module__") return makeStr(t->moduleName);
      if (name == "__doc__") {  // the class body stored its docstring, if any
        Value doc = t->dict()->getStr("__doc__");
        return doc.isNull() ? Value::none() : doc;
      }
      if (name == "__dict__") return Value::borrow(t->dict());
      break;
    }
    case Layout::Function: {
      auto* f = static_cast<FunctionObject*>(o);
      if (name == "__name__") return makeStr(f->name);
      if (name == "__qualname__") return makeStr(f->qualname);
      if (name == "__module__") return f->module.isNull() ? Value::none() : f->module;
      if (name == "__defaults__") return f->defaults.isNull() ? Value::none() : f->defaults;
      if (name == "__kwdefaults__") return f->kwdefaults.isNull() ? Value::none() : f->kwdefaults;
      if (name == "__annotations__") {
        if (f->annotations.isNull()) f->annotations = makeDict();
        return f->annotations;
      }
      if (name == "__code__") return f->code_;
      if (name == "__doc__") {  // one set by assignment (functools.wraps) wins over the source's
        if (!f->dict.isNull())
          if (Value set = f->dict.as<DictObject>()->getStr("__doc__"); !set.isNull()) return set;
        const Value& doc = f->code_.as<CodeObject>()->doc;
        return doc.isNull() ? Value::none() : doc;
      }
      if (name == "__globals__") return f->globals_;
      break;
    }
    case Layout::NativeFunction: {
      auto* f = static_cast<NativeFunctionObject*>(o);
      if (name == "__name__" || name == "__qualname__") return makeStr(f->name());
      break;
    }
    case Layout::BoundMethod: {
      auto* m = static_cast<BoundMethodObject*>(o);
      if (name == "__self__") return m->self;
      if (name == "__func__") return m->function;
      if (name == "__name__" || name == "__doc__" || name == "__qualname__")
        return getAttr(m->function, name);
      break;
    }
    case Layout::Exception: {
      auto* e = static_cast<ExceptionObject*>(o);
      if (name == "args") return e->args;
      if (name == "__cause__") return e->cause.isNull() ? Value::none() : e->cause;
      if (name == "__context__") return e->context.isNull() ? Value::none() : e->context;
      if (name == "__suppress_context__") return Value::boolean(e->suppressContext);
      if (name == "__traceback__") return Value::none();
      // StopIteration.value: a generator's return value (PEP 380).
      if (name == "value" && o->type()->isSubtypeOf(T().StopIteration)) {
        const auto& args = e->args.as<TupleObject>()->items();
        return args.empty() ? Value::none() : args[0];
      }
      // SystemExit.code: the exit status or message (None without arguments, the tuple with
      // several), as sys.exit's caller sees it.
      if (name == "code" && o->type()->isSubtypeOf(T().SystemExit)) {
        const auto& args = e->args.as<TupleObject>()->items();
        return args.empty() ? Value::none() : args.size() == 1 ? args[0] : e->args;
      }
      break;
    }
    case Layout::Module:
      if (name == "__dict__") return static_cast<ModuleObject*>(o)->dictValue();
      break;
    case Layout::Generator:
    case Layout::Other:
      if (o->type() == T().property || o->type() == T().classMethod ||
          o->type() == T().staticMethod) {
        Value v = descriptorAttribute(obj, name);
        if (!v.isNull()) return v;
      }
      // Generators, coroutines and async generators: named after their code.
      if (GeneratorObject* g = asGeneratorObject(obj); g && !g->functionValue.isNull()) {
        if (name == "__name__") return makeStr(g->code()->name);
        if (name == "__qualname__") return makeStr(g->code()->qualname);
      }
      break;
    case Layout::Code: {
      auto* c = static_cast<CodeObject*>(o);
      if (name == "co_name") return makeStr(c->name);
      if (name == "co_filename") return makeStr(c->filename);
      if (name == "co_firstlineno") return Value::integer(c->firstLine);
      if (name == "co_flags") {  // CPython's bits, for inspect-style tests of what a call makes
        int64_t flags = 0;
        if (!(c->flags & (kCodeModule | kCodeClassBody)))
          flags |= 0x01 | 0x02;  // OPTIMIZED, NEWLOCALS
        if (c->flags & kCodeVarargs) flags |= 0x04;
        if (c->flags & kCodeVarKeywords) flags |= 0x08;
        if (c->flags & kCodeCoroutine)
          flags |= 0x80;
        else if (c->flags & kCodeAsyncGenerator)
          flags |= 0x200;
        else if (c->flags & kCodeGenerator)
          flags |= 0x20;
        return Value::integer(flags);
      }
      break;
    }
    case Layout::Range: {
      auto* r = static_cast<RangeObject*>(o);
      if (name == "start") return Value::integer(r->start);
      if (name == "stop") return Value::integer(r->stop);
      if (name == "step") return Value::integer(r->step);
      break;
    }
    case Layout::Slice: {
      auto* s = static_cast<SliceObject*>(o);
      if (name == "start") return s->start;
      if (name == "stop") return s->stop;
      if (name == "step") return s->step;
      break;
    }
    default:
      break;
  }
  if (name == "__dict__" && o->instanceDict()) return Value::borrow(o->instanceDict());
  return Value();
}

[[noreturn]] void noAttribute(const Value& obj, std::string_view name) {
  if (obj.isObject() && obj.object()->type()->layout() == Layout::Module)
    raiseAttributeError("module '{}' has no attribute '{}'", obj.as<ModuleObject>()->name(), name);
  if (obj.isObject() && obj.object()->type()->layout() == Layout::Type)
    raiseAttributeError("type object '{}' has no attribute '{}'", obj.as<TypeObject>()->name(),
                        name);
  raiseAttributeError("'{}' object has no attribute '{}'", typeName(obj), name);
}

// The attribute, or Null; with `getattrHook`, a user class's __getattr__ answers a miss.
Value attributeOrNull(const Value& obj, StrObject* name, bool getattrHook) {
  TypeObject* type = obj.type();
  Layout layout = type->layout();
  if (type == T().superType) {
    auto* proxy = obj.as<SuperObject>();
    if (!isClassObject(proxy->type)) raiseTypeError("super() argument 1 must be a type");
    // The classes after super()'s first argument in the MRO of the object's own class (of the
    // object itself when it is a class): with several bases, a sibling may come next.
    auto* after = proxy->type.as<TypeObject>();
    bool isClass = isClassObject(proxy->obj);
    TypeObject* owner = isClass && proxy->obj.as<TypeObject>()->isSubtypeOf(after)
                            ? proxy->obj.as<TypeObject>()
                        : proxy->obj.type()->isSubtypeOf(after) ? proxy->obj.type()
                                                                : after;
    std::vector<TypeObject*> order = owner->mro();
    // type's chain is not linked to object (builtin_types.cpp), but a metaclass's super()
    // reaches object's methods (super().__setattr__) as in CPython.
    if (order.back() != T().object) order.push_back(T().object);
    auto from = std::find(order.begin(), order.end(), after);
    for (auto it = from == order.end() ? from : from + 1; it != order.end(); ++it) {
      TypeObject* t = *it;
      if (!t->dict()) continue;
      Value v = t->dict()->getStr(name);
      if (v.isNull()) continue;
      if (isClass) {
        if (v.isObject() && v.object()->type() == T().classMethod)
          return Value::steal(new BoundMethodObject(proxy->obj, v.as<WrapperObject>()->wrapped));
        if (v.isObject() && v.object()->type() == T().staticMethod)
          return v.as<WrapperObject>()->wrapped;
        // A metaclass's super(): type's methods bind to the class (super().__call__(*args)).
        if (isNativeMethod(v) && proxy->type.as<TypeObject>()->isSubtypeOf(T().type))
          return Value::steal(new BoundMethodObject(proxy->obj, v));
        return v;
      }
      return bind(v, proxy->obj, proxy->obj.type());
    }
    return specialAttribute(obj, name->view());
  }
  if (layout == Layout::Module) {
    Value v = obj.as<ModuleObject>()->dict()->getStr(name);
    if (!v.isNull()) return v;
    return specialAttribute(obj, name->view());
  }
  if (layout == Layout::Type) {
    auto* cls = obj.as<TypeObject>();
    Value v = cls->lookup(name);
    if (!v.isNull()) {
      if (v.isObject()) {
        TypeObject* t = v.object()->type();
        if (t == T().staticMethod) return v.as<WrapperObject>()->wrapped;
        if (t == T().classMethod)
          return Value::steal(new BoundMethodObject(obj, v.as<WrapperObject>()->wrapped));
        if (Value get = descriptorHook(v, "__get__"); !get.isNull())
          return callGet(get, v, Value::none(), cls);
      }
      return v;
    }
    Value special = specialAttribute(obj, name->view());
    if (!special.isNull()) return special;
    // Then the metaclass: methods a metaclass defines (EnumMeta.__iter__, ABCMeta.register)
    // and type's own (mro), bound to the class.
    Value meta = type->lookup(name);
    if (!meta.isNull()) return bind(meta, obj, type);
    return Value();
  }
  Value classAttribute = type->lookup(name);
  if (!classAttribute.isNull() && classAttribute.isObject() &&
      classAttribute.object()->type() == T().property) {
    if (classAttribute.as<WrapperObject>()->wrapped.isNull())
      raiseAttributeError("property '{}' of '{}' object has no getter", name->view(),
                          typeName(obj));
    return bind(classAttribute, obj, type);
  }
  if (isMemberDescriptor(classAttribute)) return bind(classAttribute, obj, type);
  Value get = descriptorHook(classAttribute, "__get__");
  if (!get.isNull() && isDataDescriptor(classAttribute))
    return callGet(get, classAttribute, obj, type);
  if (hasInstanceDict(obj)) {
    Value v = obj.object()->instanceDict()->getStr(name);
    if (!v.isNull()) return v;
  } else if (layout == Layout::Function) {
    auto* f = obj.as<FunctionObject>();
    if (!f->dict.isNull()) {
      Value v = f->dict.as<DictObject>()->getStr(name);
      if (!v.isNull()) return v;
    }
  }
  Value special = specialAttribute(obj, name->view());
  if (!special.isNull()) return special;
  if (!get.isNull()) return callGet(get, classAttribute, obj, type);
  if (!classAttribute.isNull()) return bind(classAttribute, obj, type);
  if (getattrHook && !type->isBuiltin()) {
    Value hook = type->lookup("__getattr__");
    if (!hook.isNull()) return VM::current()->call(hook, {obj, Value::borrow(name)});
  }
  return Value();
}

}  // namespace

Value getAttrOrNull(const Value& obj, StrObject* name) {
  return attributeOrNull(obj, name, true);
}

Value genericGetAttrOrNull(const Value& obj, StrObject* name) {
  return attributeOrNull(obj, name, false);
}

Value getAttr(const Value& obj, StrObject* name) {
  Value v = getAttrOrNull(obj, name);
  if (v.isNull()) noAttribute(obj, name->view());
  return v;
}

Value getAttr(const Value& obj, std::string_view name) {
  Value key = makeStr(name);
  return getAttr(obj, key.as<StrObject>());
}

Value lookupMethod(const Value& obj, StrObject* name, bool* unbound) {
  TypeObject* type = obj.type();
  Layout layout = type->layout();
  if (layout != Layout::Module && layout != Layout::Type && type != T().superType) {
    bool instanceDict = hasInstanceDict(obj);
    if (!instanceDict || !obj.object()->instanceDict()->contains(Value::borrow(name))) {
      Value v = type->lookup(name);
      if (isPlainFunction(v) || isNativeMethod(v)) {
        *unbound = true;
        return v;
      }
    }
  }
  *unbound = false;
  return getAttr(obj, name);
}

void setAttr(const Value& obj, StrObject* name, const Value& value) {
  TypeObject* type = obj.type();
  Layout layout = type->layout();
  if (!type->isBuiltin() && layout != Layout::Module) {  // a metaclass's hook too
    Value hook = type->lookup("__setattr__");
    if (!hook.isNull() && isPlainFunction(hook)) {
      VM::current()->call(hook, {obj, Value::borrow(name), value});
      return;
    }
  }
  genericSetAttr(obj, name, value);
}

void genericSetAttr(const Value& obj, StrObject* name, const Value& value) {
  TypeObject* type = obj.type();
  Layout layout = type->layout();
  if (layout == Layout::Type) {
    auto* cls = obj.as<TypeObject>();
    if (cls->isBuiltin())
      raiseTypeError("cannot set '{}' attribute of immutable type '{}'", name->view(), cls->name());
    cls->dict()->set(Value::borrow(name), value);
    return;
  }
  if (layout == Layout::Module) {
    obj.as<ModuleObject>()->dict()->set(Value::borrow(name), value);
    return;
  }
  if (!type->isBuiltin()) {
    Value classAttribute = type->lookup(name);
    if (classAttribute.isObject() && classAttribute.object()->type() == T().property) {
      Value setter = classAttribute.as<WrapperObject>()->setter;
      if (setter.isNull())
        raiseAttributeError("property '{}' of '{}' object has no setter", name->view(),
                            typeName(obj));
      VM::current()->call(setter, {obj, value});
      return;
    }
    if (isMemberDescriptor(classAttribute)) {
      if (Value* slot = slotOf(obj, classAttribute)) {
        *slot = value;
        return;
      }
    }
    if (Value set = descriptorHook(classAttribute, "__set__"); !set.isNull()) {
      VM::current()->call(set, {classAttribute, obj, value});
      return;
    }
    if (!descriptorHook(classAttribute, "__delete__").isNull())
      raiseAttributeError("__set__");  // CPython: a descriptor with only __delete__
  }
  if (layout == Layout::Exception) {
    auto* e = obj.as<ExceptionObject>();
    if (name->view() == "args") {
      e->args = makeTuple(toVector(value));
      return;
    }
    if (name->view() == "__cause__") {
      e->cause = value.isNone() ? Value() : value;
      e->suppressContext = true;
      return;
    }
    if (name->view() == "__context__") {
      e->context = value.isNone() ? Value() : value;
      return;
    }
  }
  if (hasInstanceDict(obj)) {
    obj.object()->instanceDict()->set(Value::borrow(name), value);
    return;
  }
  if (layout == Layout::Function) {
    auto* f = obj.as<FunctionObject>();
    if (name->view() == "__name__" && isStr(value)) {
      f->name = asStr(value)->str();
      return;
    }
    if (name->view() == "__qualname__" && isStr(value)) {
      f->qualname = asStr(value)->str();
      return;
    }
    if (name->view() == "__annotations__" || name->view() == "__kwdefaults__") {
      if (!value.isNone() && !isDict(value))
        raiseTypeError("{} must be set to a dict object", name->view());
      (name->view() == "__annotations__" ? f->annotations : f->kwdefaults) =
          value.isNone() ? Value() : value;
      return;
    }
    if (name->view() == "__defaults__") {
      if (!value.isNone() && !isTuple(value))
        raiseTypeError("__defaults__ must be set to a tuple object");
      f->defaults = value.isNone() ? Value() : value;
      return;
    }
    if (f->dict.isNull()) f->dict = makeDict();
    f->dict.as<DictObject>()->set(Value::borrow(name), value);
    return;
  }
  raiseAttributeError("'{}' object has no attribute '{}'", typeName(obj), name->view());
}

// ---- Inline caches (attribute_cache.h): what the generic paths above would do, decided once.

namespace {

// Instances of user classes laid out as InstanceObject, under the generic attribute protocol.
bool cacheableInstanceType(const TypeObject* type) {
  return !type->isBuiltin() && type->layout() == Layout::Object;
}

// A class attribute that decides a load or store ahead of the instance's dict.
bool overridesInstanceDict(const Value& classAttribute) {
  if (!classAttribute.isObject()) return false;
  const TypeObject* t = classAttribute.object()->type();
  return t == T().property || t == T().memberDescriptor || isDataDescriptor(classAttribute);
}

// A class attribute that loads as itself: no binding, no descriptor.
bool loadsAsItself(const Value& v) {
  if (!v.isObject()) return !v.isNull();
  const TypeObject* t = v.object()->type();
  return t == T().str || t == T().int_ || t == T().float_ || t == T().tuple || t == T().bytes;
}

// Names that specialAttribute() answers ahead of the class.
bool isSpecialName(const StrObject* name) {
  return name->view() == "__class__" || name->view() == "__dict__";
}

int64_t slotIn(const DictObject* dict, StrObject* name) {
  return dict->findSlot(Value::borrow(name), name->hash());
}

AttrCacheWay way(const TypeObject* type, AttrCacheKind kind, int64_t index, Object* owner = nullptr,
                 bool instanceDict = false) {
  AttrCacheWay w;
  w.type = type;
  w.owner = owner;
  w.index = static_cast<uint32_t>(index);
  w.kind = kind;
  w.instanceDict = instanceDict;
  return w;
}

}  // namespace

void specializeLoadAttr(AttrCache& cache, const Value& obj, StrObject* name) {
  const uint64_t epoch = typeEpoch();
  if (!obj.isObject()) return;
  Object* o = obj.object();
  TypeObject* type = o->type();
  if (type == T().module) {
    int64_t slot = slotIn(static_cast<ModuleObject*>(o)->dict(), name);
    if (slot >= 0) cache.install(way(type, AttrCacheKind::ModuleValue, slot), epoch);
    return;
  }
  if (!cacheableInstanceType(type)) return;
  Value classAttribute = type->lookup(name);
  if (isMemberDescriptor(classAttribute)) {
    int index = type->slotIndex(name->view());
    if (index >= 0) cache.install(way(type, AttrCacheKind::Slot, index), epoch);
    return;
  }
  if (overridesInstanceDict(classAttribute)) return;
  DictObject* dict = static_cast<InstanceObject*>(o)->dict();
  if (dict) {
    int64_t slot = slotIn(dict, name);
    if (slot >= 0) {
      cache.install(way(type, AttrCacheKind::InstanceValue, slot), epoch);
      return;
    }
  }
  if (!loadsAsItself(classAttribute) || isSpecialName(name)) return;
  for (TypeObject* t : type->mro()) {
    if (!t->dict()) continue;
    int64_t slot = slotIn(t->dict(), name);
    if (slot < 0) continue;
    cache.install(way(type, AttrCacheKind::ClassValue, slot, t->dict(), dict != nullptr), epoch);
    return;
  }
}

void specializeStoreAttr(AttrCache& cache, const Value& obj, StrObject* name) {
  const uint64_t epoch = typeEpoch();
  if (!obj.isObject()) return;
  Object* o = obj.object();
  TypeObject* type = o->type();
  if (!cacheableInstanceType(type) || isPlainFunction(type->lookup("__setattr__"))) return;
  Value classAttribute = type->lookup(name);
  if (isMemberDescriptor(classAttribute)) {
    int index = type->slotIndex(name->view());
    if (index >= 0) cache.install(way(type, AttrCacheKind::Slot, index), epoch);
    return;
  }
  if (overridesInstanceDict(classAttribute)) return;
  DictObject* dict = static_cast<InstanceObject*>(o)->dict();
  if (!dict) return;
  int64_t slot = slotIn(dict, name);
  if (slot >= 0) cache.install(way(type, AttrCacheKind::InstanceValue, slot), epoch);
}

void specializeLoadMethod(AttrCache& cache, const Value& obj, StrObject* name) {
  const uint64_t epoch = typeEpoch();
  if (!obj.isObject()) return;
  Object* o = obj.object();
  TypeObject* type = o->type();
  Layout layout = type->layout();
  if (layout == Layout::Module || layout == Layout::Type || type == T().superType) return;
  DictObject* dict = o->instanceDict();
  if (dict && !dict->lacksStr(name, name->hash())) return;
  Value method = type->lookup(name);
  if (!isPlainFunction(method) && !isNativeMethod(method)) return;
  cache.install(way(type, AttrCacheKind::Method, 0, method.object(), dict != nullptr), epoch);
}

void delAttr(const Value& obj, StrObject* name) {
  TypeObject* type = obj.type();
  if (!type->isBuiltin() && type->layout() != Layout::Module) {
    Value hook = type->lookup("__delattr__");
    if (!hook.isNull() && isPlainFunction(hook)) {
      VM::current()->call(hook, {obj, Value::borrow(name)});
      return;
    }
  }
  genericDelAttr(obj, name);
}

void genericDelAttr(const Value& obj, StrObject* name) {
  Layout layout = obj.type()->layout();
  DictObject* dict = nullptr;
  if (layout == Layout::Module)
    dict = obj.as<ModuleObject>()->dict();
  else if (layout == Layout::Type && !obj.as<TypeObject>()->isBuiltin())
    dict = obj.as<TypeObject>()->dict();
  else if (hasInstanceDict(obj))
    dict = obj.object()->instanceDict();
  if (!obj.type()->isBuiltin() && layout != Layout::Type) {
    Value classAttribute = obj.type()->lookup(name);
    if (classAttribute.isObject() && classAttribute.object()->type() == T().property) {
      Value deleter = classAttribute.as<WrapperObject>()->deleter;
      if (deleter.isNull())
        raiseAttributeError("property '{}' of '{}' object has no deleter", name->view(),
                            typeName(obj));
      VM::current()->call(deleter, {obj});
      return;
    }
    if (isMemberDescriptor(classAttribute)) {
      Value* slot = slotOf(obj, classAttribute);
      if (slot && !slot->isNull()) {
        *slot = Value();
        return;
      }
      raiseAttributeError("{}", name->view());  // CPython's wording for an unset slot
    }
    if (Value del = descriptorHook(classAttribute, "__delete__"); !del.isNull()) {
      VM::current()->call(del, {classAttribute, obj});
      return;
    }
    if (!descriptorHook(classAttribute, "__set__").isNull()) raiseAttributeError("__delete__");
  }
  if (!dict || !dict->remove(Value::borrow(name))) noAttribute(obj, name->view());
}

}  // namespace gilsim
