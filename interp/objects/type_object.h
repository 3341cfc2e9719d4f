// Classes. Built-in types are immortal objects built once per process and never written to after
// that (like CPython's static types): every interpreter shares them, so nothing in them may count
// references or change. User classes are ordinary counted objects of their interpreter.
#pragma once

#include <string>
#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class DictObject;
class VM;
struct CallArgs;

// The C++ layout of a type's instances; user classes inherit their base's layout.
enum class Layout : uint8_t {
  Object,  // plain `object()` and user-class instances (InstanceObject)
  Exception,
  NoneType,
  Bool,
  Int,
  Float,
  Str,
  Bytes,
  Tuple,
  List,
  Dict,
  Set,
  Range,
  Slice,
  Function,
  NativeFunction,
  BoundMethod,
  Code,
  Cell,
  Type,
  Module,
  Iterator,
  Generator,
  DictView,
  Other,
};

class TypeObject : public TrackedObject {
 public:
  TypeObject(std::string name, TypeObject* base, Layout layout);
  ~TypeObject() override;
  void clearReferences() override;

  const std::string& name() const { return name_; }
  // The base whose instance layout this type extends (CPython's __base__): the first base, or
  // with several, the first whose built-in part is not plain object.
  TypeObject* base() const { return base_; }
  // Every base in the order the class statement named them (CPython's __bases__).
  const std::vector<TypeObject*>& bases() const { return bases_; }
  // The method resolution order, this type first (CPython's __mro__): the base chain for one
  // base, C3 linearization for several. Lookups, isinstance and super() walk it.
  const std::vector<TypeObject*>& mro() const { return mro_; }
  // A class with several bases (type_creation.cpp): their C3 linearization, or a TypeError
  // naming the bases when there is none. Called once, before the class is used.
  void setBases(std::vector<TypeObject*> bases);
  Layout layout() const { return layout_; }
  DictObject* dict() const { return dict_; }
  void createDict();  // built-in types get theirs once every type exists
  void fixMetatype(TypeObject* metatype) {
    if (!type()) setType(metatype);
  }
  // A class made by a metaclass (class C(metaclass=M)): its type is M, kept alive by it.
  void setMetatype(TypeObject* metatype);
  bool isBuiltin() const { return builtin_; }
  void markBuiltin() { builtin_ = true; }
  bool acceptsSubclasses() const { return subclassable_; }
  void setSubclassable(bool v) { subclassable_ = v; }

  bool isSubtypeOf(const TypeObject* other) const;
  // Looks a name up along the inheritance chain; Null if absent. No descriptors, no binding.
  Value lookup(std::string_view name) const;
  Value lookup(StrObject* name) const;
  // `name` as defined by a user class between this one and its built-in base (a list subclass's
  // own __getitem__), or Null: what the built-in operations on such an instance must call first.
  Value lookupOverride(std::string_view name) const;

  // __slots__: the slot names of this class and its bases (an instance's InstanceObject::slots
  // in this order), and whether instances get a __dict__ (no __slots__ along the chain, or
  // "__dict__" among them). Set once when the class is made.
  std::vector<std::string> slotNames;
  bool instancesHaveDict = true;
  int slotIndex(std::string_view name) const;

  // Constructor hook of built-in types: `int(x)`, `list(it)`, ... Null for classes built by users.
  using NewFn = Value (*)(VM& vm, TypeObject* type, CallArgs args);
  NewFn newFn = nullptr;
  // Native behaviour of the types that layers above this one build (files, say), as CPython's
  // tp_repr and tp_iternext: repr() and next() call them when set. Null for every other type.
  std::string (*reprSlot)(const Value& self) = nullptr;
  bool (*iterNextSlot)(const Value& self, Value* out) = nullptr;  // false when exhausted
  std::string moduleName = "builtins";

 private:
  std::string name_;
  TypeObject* base_;
  std::vector<TypeObject*> bases_;  // each holds a reference
  std::vector<TypeObject*> mro_;    // kept alive through bases_
  Layout layout_;
  DictObject* dict_ = nullptr;
  Value metatypeRef_;
  bool builtin_ = false;
  bool subclassable_ = true;
};

// An instance of a user subclass of a built-in type whose class redefines `name` (a list
// subclass's own __getitem__): the method a built-in operation must call instead of its fast
// path over the built-in layout, or Null (also for every plain built-in object).
namespace detail {
// The object whose built-in part a built-in type's own dunder (list.__getitem__, reached by
// super() from an override) is working on: its overrides are skipped for that call.
inline thread_local const Object* tlsBuiltinPartOf = nullptr;
}  // namespace detail

inline Value builtinOverride(const Value& v, std::string_view name) {
  if (!v.isObject()) return Value();
  TypeObject* type = v.object()->type();
  if (type->isBuiltin() || type->layout() == Layout::Object) return Value();
  if (v.object() == detail::tlsBuiltinPartOf) return Value();
  return type->lookupOverride(name);
}

// Marks `self`'s built-in part as the one being worked on, for one native dunder call.
class BuiltinPartScope {
 public:
  explicit BuiltinPartScope(const Value& self) : previous_(detail::tlsBuiltinPartOf) {
    detail::tlsBuiltinPartOf = self.isObject() ? self.object() : nullptr;
  }
  ~BuiltinPartScope() { detail::tlsBuiltinPartOf = previous_; }
  BuiltinPartScope(const BuiltinPartScope&) = delete;
  BuiltinPartScope& operator=(const BuiltinPartScope&) = delete;

 private:
  const Object* previous_;
};

// The built-in exception hierarchy, declared once: X(Name, Base).
#define GILSIM_EXCEPTION_TYPES(X)            \
  X(BaseException, BaseException)            \
  X(SystemExit, BaseException)               \
  X(KeyboardInterrupt, BaseException)        \
  X(GeneratorExit, BaseException)            \
  X(Exception, BaseException)                \
  X(StopIteration, Exception)                \
  X(ArithmeticError, Exception)              \
  X(OverflowError, ArithmeticError)          \
  X(ZeroDivisionError, ArithmeticError)      \
  X(AssertionError, Exception)               \
  X(AttributeError, Exception)               \
  X(ImportError, Exception)                  \
  X(ModuleNotFoundError, ImportError)        \
  X(LookupError, Exception)                  \
  X(IndexError, LookupError)                 \
  X(KeyError, LookupError)                   \
  X(MemoryError, Exception)                  \
  X(NameError, Exception)                    \
  X(UnboundLocalError, NameError)            \
  X(EOFError, Exception)                     \
  X(OSError, Exception)                      \
  X(FileNotFoundError, OSError)              \
  X(FileExistsError, OSError)                \
  X(IsADirectoryError, OSError)              \
  X(PermissionError, OSError)                \
  X(TimeoutError, OSError)                   \
  X(NotADirectoryError, OSError)             \
  X(BlockingIOError, OSError)                \
  X(ChildProcessError, OSError)              \
  X(InterruptedError, OSError)               \
  X(ProcessLookupError, OSError)             \
  X(ConnectionError, OSError)                \
  X(BrokenPipeError, ConnectionError)        \
  X(ConnectionAbortedError, ConnectionError) \
  X(ConnectionRefusedError, ConnectionError) \
  X(ConnectionResetError, ConnectionError)   \
  X(RuntimeError, Exception)                 \
  X(NotImplementedError, RuntimeError)       \
  X(RecursionError, RuntimeError)            \
  X(SyntaxError, Exception)                  \
  X(TypeError, Exception)                    \
  X(ValueError, Exception)                   \
  X(UnicodeError, ValueError)                \
  X(UnicodeDecodeError, UnicodeError)        \
  X(UnicodeEncodeError, UnicodeError)        \
  X(UnicodeTranslateError, UnicodeError)     \
  X(FloatingPointError, ArithmeticError)     \
  X(IndentationError, SyntaxError)           \
  X(TabError, IndentationError)              \
  X(BufferError, Exception)                  \
  X(ReferenceError, Exception)               \
  X(SystemError, Exception)                  \
  X(StopAsyncIteration, Exception)           \
  X(Warning, Exception)                      \
  X(UserWarning, Warning)                    \
  X(DeprecationWarning, Warning)             \
  X(PendingDeprecationWarning, Warning)      \
  X(SyntaxWarning, Warning)                  \
  X(RuntimeWarning, Warning)                 \
  X(FutureWarning, Warning)                  \
  X(ImportWarning, Warning)                  \
  X(UnicodeWarning, Warning)                 \
  X(BytesWarning, Warning)                   \
  X(ResourceWarning, Warning)                \
  X(EncodingWarning, Warning)

// The process-wide built-in types (immutable after construction; see the file comment).
struct BuiltinTypes {
  TypeObject* type;
  TypeObject* object;
  TypeObject* noneType;
  TypeObject* notImplementedType;
  TypeObject* ellipsisType;
  TypeObject* bool_;
  TypeObject* int_;
  TypeObject* float_;
  TypeObject* str;
  TypeObject* bytes;
  TypeObject* tuple;
  TypeObject* list;
  TypeObject* dict;
  TypeObject* set;
  TypeObject* frozenset;
  TypeObject* range;
  TypeObject* slice;
  TypeObject* function;
  TypeObject* builtinFunction;
  TypeObject* method;
  TypeObject* code;
  TypeObject* cell;
  TypeObject* module;
  TypeObject* iterator;  // the generic built-in iterator (IteratorObject), named per instance
  TypeObject* rangeIterator;
  TypeObject* listIterator;
  TypeObject* tupleIterator;
  TypeObject* generator;
  TypeObject* memberDescriptor;  // a __slots__ entry on its class: a WrapperObject of the name
  TypeObject* dictKeys;
  TypeObject* dictValues;
  TypeObject* dictItems;
  TypeObject* superType;
  TypeObject* property;
  TypeObject* staticMethod;
  TypeObject* classMethod;
#define GILSIM_EXCEPTION_FIELD(name, base) TypeObject* name;
  GILSIM_EXCEPTION_TYPES(GILSIM_EXCEPTION_FIELD)
#undef GILSIM_EXCEPTION_FIELD
  Object* notImplemented;  // the NotImplemented singleton
  Object* ellipsis;
};

// Built once per process by ensureBuiltinTypes() (every Interpreter calls it), read-only after.
void ensureBuiltinTypes();
namespace detail {
extern BuiltinTypes gBuiltinTypes;
}
inline const BuiltinTypes& builtinTypes() {
  return detail::gBuiltinTypes;
}

inline TypeObject* Value::type() const {
  const BuiltinTypes& t = builtinTypes();
  switch (tag_) {
    case Tag::None:
      return t.noneType;
    case Tag::Bool:
      return t.bool_;
    case Tag::Int:
      return t.int_;
    case Tag::Float:
      return t.float_;
    case Tag::Object:
    case Tag::Immortal:
      return object_->type();
    case Tag::Null:
      break;
  }
  return t.noneType;
}

}  // namespace gilsim
