#include "interp/objects/weakref_object.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "interp/objects/builtin_methods.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/protocol_internal.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/vm/interpreter.h"  // upward: a failing callback is reported on the run's stderr
#include "interp/vm/vm.h"           // upward: callbacks are Python code, run on the current VM

namespace gilsim {

namespace {

struct PendingCallback {
  Heap* heap;
  Value ref;
  Value callback;
};

// Process-wide, never destroyed: objects of a leaked interpreter may die after static teardown.
struct Registry {
  std::mutex mutex;
  std::unordered_map<Object*, std::vector<WeakrefObject*>> refs;
  std::deque<PendingCallback> pending;
};

Registry& registry() {
  static Registry* r = new Registry;
  return *r;
}

bool isPlainRef(const WeakrefObject* r) {
  return r->type() == weakrefType() && r->callback().isNull();
}

// A class's own __slots__ names '__weakref__' (only a str, tuple or list is looked at).
bool slotsNameWeakref(const Value& slots) {
  auto names = [&]() -> std::vector<Value> {
    if (isStr(slots)) return {slots};
    if (isTuple(slots) || isList(slots)) return toVector(slots);
    return {};
  }();
  for (const Value& n : names)
    if (isStr(n) && asStr(n)->view() == "__weakref__") return true;
  return false;
}

bool builtinWeaklyReferenceable(TypeObject* type) {
  switch (type->layout()) {
    case Layout::Function:
    case Layout::NativeFunction:
    case Layout::BoundMethod:
    case Layout::Set:
    case Layout::Generator:
    case Layout::Module:
    case Layout::Type:
    case Layout::Code:
      return true;
    default:
      return false;
  }
}

bool isTypeObject(const Value& v) {
  return v.isObject() && v.object()->type()->isSubtypeOf(T().type);
}

bool weaklyReferenceable(const Value& v) {
  if (!v.isObject()) return false;
  TypeObject* type = v.object()->type();
  // Built-in and native types are immortal; user classes are counted objects.
  if (type->isBuiltin() || type->immortal()) return builtinWeaklyReferenceable(type);
  if (type->layout() == Layout::Type) return true;  // a class made by a user metaclass
  // As CPython: the variable-sized built-ins cannot grow a weak reference list.
  switch (type->layout()) {
    case Layout::Int:
    case Layout::Tuple:
    case Layout::Bytes:
      return false;
    default:
      break;
  }
  // A user class gets __weakref__ unless every user class of its MRO has __slots__ without it.
  TypeObject* builtinPart = nullptr;
  for (TypeObject* c : type->mro()) {
    if (c->isBuiltin() || c->immortal()) {
      if (!builtinPart) builtinPart = c;
      continue;
    }
    Value slots = c->dict()->getStr("__slots__");
    if (slots.isNull() || slotsNameWeakref(slots)) return true;
  }
  return builtinPart && builtinWeaklyReferenceable(builtinPart);
}

WeakrefObject* selfRef(const CallArgs& args, const char* method) {
  if (args.count == 0 || !isInstance(args[0], weakrefType()))
    raiseTypeError("descriptor '{}' requires a 'weakref.ReferenceType' object", method);
  return args[0].as<WeakrefObject>();
}

Value referentOf(const WeakrefObject* r) {
  return r->referent() ? Value::borrow(r->referent()) : Value::none();
}

Value refCall(VM&, CallArgs args) {
  WeakrefObject* self = selfRef(args, "__call__");
  expectMethodArgs("weakref", args, 0, 0);
  return referentOf(self);
}

Value refHash(VM&, CallArgs args) {
  WeakrefObject* self = selfRef(args, "__hash__");
  if (!self->hashKnown) {
    if (!self->referent()) raiseTypeError("weak object has gone away");
    self->hash = hashValue(referentOf(self));
    self->hashKnown = true;
  }
  uint64_t h = self->hash;
  return Value::integer(static_cast<int64_t>(h));
}

// ==: the referents while both live, else identity; anything else than a reference: unknown.
Value refCompare(CallArgs args, bool equal) {
  WeakrefObject* self = selfRef(args, equal ? "__eq__" : "__ne__");
  if (args.count != 2 || !isInstance(args[1], weakrefType()))
    return Value::borrow(T().notImplemented);
  auto* other = args[1].as<WeakrefObject>();
  if (self->referent() && other->referent()) {
    Value a = referentOf(self);
    Value b = referentOf(other);
    return compare(equal ? CompareOperator::Eq : CompareOperator::NotEq, a, b);
  }
  return Value::boolean((self == other) == equal);
}

Value refEq(VM&, CallArgs args) {
  return refCompare(args, true);
}
Value refNe(VM&, CallArgs args) {
  return refCompare(args, false);
}

Value refCallback(VM&, CallArgs args) {
  WeakrefObject* self = selfRef(args, "__callback__");
  return self->callback().isNull() ? Value::none() : self->callback();
}

// ref(obj[, callback]), for ReferenceType and its subclasses (args[0] is the class).
Value refNew(VM&, CallArgs args) {
  if (args.count == 0 || !isTypeObject(args[0]) ||
      !args[0].as<TypeObject>()->isSubtypeOf(weakrefType()))
    raiseTypeError("ReferenceType.__new__(X): X is not a subtype of ReferenceType");
  // Keywords are a subclass's own __init__'s business, as in CPython.
  size_t n = args.positionalCount() - 1;
  if (n < 1) raiseTypeError("__new__ expected at least 1 argument, got 0");
  if (n > 2) raiseTypeError("__new__ expected at most 2 arguments, got {}", n);
  return makeWeakref(args[0].as<TypeObject>(), args[1], n == 2 ? args[2] : Value());
}

Value refTypeNew(VM&, TypeObject* type, CallArgs args) {
  expectArgs("__new__", args, 1, 2);
  return makeWeakref(type, args[0], args.count == 2 ? args[1] : Value());
}

// ref.__init__ takes what __new__ took, so a subclass's own __new__ may pass extra arguments on.
Value refInit(VM&, CallArgs) {
  return Value::none();
}

std::string refRepr(const Value& self) {
  auto* r = self.as<WeakrefObject>();
  if (!r->referent()) return fmt::format("<weakref at {}; dead>", fmt::ptr(r));
  Value obj = referentOf(r);
  Value name = getAttrOrNull(obj, asStr(makeStr("__name__")));
  std::string text = fmt::format("<weakref at {}; to '{}' at {}", fmt::ptr(r), typeName(obj),
                                 fmt::ptr(obj.object()));
  if (!name.isNull() && isStr(name)) text += fmt::format(" ({})", asStr(name)->str());
  return text + ">";
}

void report(VM& vm, const Value& callback, const Value& exception) {
  std::string what;
  try {
    what = repr(callback);
  } catch (PyException&) {
    what = "<callback>";
  }
  vm.interp().writeErr("Exception ignored in: " + what + "\n");
  vm.interp().printException(vm, exception);
}

}  // namespace

TypeObject* weakrefType() {
  static TypeObject* type = [] {
    // Outside any interpreter's heap: the type and what its dict holds outlive every interpreter.
    Heap::Scope noHeap(nullptr);
    TypeObject* t = makeNativeType("ReferenceType", "weakref",
                                   {{"__call__", refCall},
                                    {"__hash__", refHash},
                                    {"__eq__", refEq},
                                    {"__ne__", refNe},
                                    {"__init__", refInit}},
                                   NativeTypeSlots{refRepr, nullptr});
    t->newFn = refTypeNew;
    t->instancesHaveDict = false;
    t->setSubclassable(true);
    installStaticMethod(t, "__new__", refNew);
    installProperty(t, "__callback__", refCallback);
    return t;
  }();
  return type;
}

WeakrefObject::WeakrefObject(TypeObject* type, Object* referent, Value callback)
    : InstanceObject(type), referent_(referent), callback_(std::move(callback)) {}

WeakrefObject::~WeakrefObject() {
  if (!referent_) return;
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.mutex);
  auto it = reg.refs.find(referent_);
  if (it == reg.refs.end()) return;
  std::erase(it->second, this);
  if (it->second.empty()) reg.refs.erase(it);
}

void checkWeaklyReferenceable(const Value& v) {
  if (weaklyReferenceable(v)) return;
  // CPython names a native type with its module ('weakref.ReferenceType'), a built-in without.
  TypeObject* type = v.type();
  std::string name = type->immortal() && !type->isBuiltin() && type->moduleName != "builtins"
                         ? type->moduleName + "." + type->name()
                         : typeName(v);
  raiseTypeError("cannot create weak reference to '{}' object", name);
}

Value makeWeakref(TypeObject* type, const Value& referent, const Value& callback) {
  checkWeaklyReferenceable(referent);
  Object* obj = referent.object();
  Value cb = callback.isNone() ? Value() : callback;
  // An immortal referent (a built-in type or function, shared by every interpreter) never dies
  // and its references may belong to any interpreter: they stay off the registry, unshared.
  if (obj->immortal()) return Value::steal(new WeakrefObject(type, obj, std::move(cb)));
  bool plain = type == weakrefType() && cb.isNull();
  Registry& reg = registry();
  if (plain && obj->weaklyReferenced()) {
    std::lock_guard<std::mutex> lock(reg.mutex);
    auto it = reg.refs.find(obj);
    // (A reference whose free is deferred, count zero, is not handed out again.)
    if (it != reg.refs.end() && !it->second.empty() && isPlainRef(it->second.front()) &&
        it->second.front()->refcount() > 0)
      return Value::borrow(it->second.front());
  }
  auto* r = new WeakrefObject(type, obj, std::move(cb));
  Value result = Value::steal(r);
  std::lock_guard<std::mutex> lock(reg.mutex);
  std::vector<WeakrefObject*>& list = reg.refs[obj];
  // CPython's order: the shared plain ref first, then the others, newest first.
  auto at = list.begin();
  if (!plain && at != list.end() && isPlainRef(*at)) ++at;
  list.insert(at, r);
  obj->markWeaklyReferenced();
  return result;
}

std::vector<Value> weakrefsTo(const Value& referent) {
  std::vector<Value> out;
  if (!referent.isObject()) return out;
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.mutex);
  auto it = reg.refs.find(referent.object());
  if (it == reg.refs.end()) return out;
  for (WeakrefObject* r : it->second)
    if (r->refcount() > 0) out.push_back(Value::borrow(r));
  return out;
}

void clearWeakrefsOf(Object* object) {
  std::vector<Value> dropped;  // released after the lock: a release may free more referents
  bool queued = false;
  Heap* heap = Heap::current();
  bool run = heap && !heap->tearingDown() && VM::current();
  {
    Registry& reg = registry();
    std::lock_guard<std::mutex> lock(reg.mutex);
    auto it = reg.refs.find(object);
    if (it == reg.refs.end()) return;
    std::vector<WeakrefObject*> refs = std::move(it->second);
    reg.refs.erase(it);
    for (WeakrefObject* r : refs) {
      r->referent_ = nullptr;
      if (r->callback_.isNull()) continue;
      // A reference already dying (its free deferred, its count zero) gets no callback.
      if (run && r->refcount() > 0) {
        reg.pending.push_back(PendingCallback{heap, Value::borrow(r), std::move(r->callback_)});
        queued = true;
      } else {
        dropped.push_back(std::move(r->callback_));
      }
      r->callback_ = Value();
    }
  }
  if (queued) VM::current()->breaker().set(kWeakrefCallbackRequest);
}

void runPendingWeakrefCallbacks() {
  Heap* heap = Heap::current();
  VM* vm = VM::current();
  if (!heap || !vm) return;
  Registry& reg = registry();
  for (;;) {
    PendingCallback next;
    {
      std::lock_guard<std::mutex> lock(reg.mutex);
      auto it = std::find_if(reg.pending.begin(), reg.pending.end(),
                             [&](const PendingCallback& p) { return p.heap == heap; });
      if (it == reg.pending.end()) return;
      next = std::move(*it);
      reg.pending.erase(it);
    }
    try {
      vm->call(next.callback, {next.ref});
    } catch (PyException& e) {
      report(*vm, next.callback, e.exception);
    }
  }
}

void discardPendingWeakrefCallbacks(Heap* heap) {
  Registry& reg = registry();
  for (;;) {
    std::vector<PendingCallback> mine;
    {
      std::lock_guard<std::mutex> lock(reg.mutex);
      for (auto it = reg.pending.begin(); it != reg.pending.end();) {
        if (it->heap == heap) {
          mine.push_back(std::move(*it));
          it = reg.pending.erase(it);
        } else {
          ++it;
        }
      }
    }
    if (mine.empty()) return;
  }
}

}  // namespace gilsim
