// Classes. Built-in types are immortal objects built once per process and never written to after
// that (like CPython's static types): every interpreter shares them, so nothing in them may count
// references or change. User classes are ordinary counted objects of their interpreter.
#pragma once

#include <string>

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
  TypeObject* base() const { return base_; }
  Layout layout() const { return layout_; }
  DictObject* dict() const { return dict_; }
  void createDict();  // built-in types get theirs once every type exists
  void fixMetatype(TypeObject* metatype) {
    if (!type()) setType(metatype);
  }
  bool isBuiltin() const { return builtin_; }
  void markBuiltin() { builtin_ = true; }
  bool acceptsSubclasses() const { return subclassable_; }
  void setSubclassable(bool v) { subclassable_ = v; }

  bool isSubtypeOf(const TypeObject* other) const;
  // Looks a name up along the inheritance chain; Null if absent. No descriptors, no binding.
  Value lookup(std::string_view name) const;
  Value lookup(StrObject* name) const;

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
  Layout layout_;
  DictObject* dict_ = nullptr;
  bool builtin_ = false;
  bool subclassable_ = true;
};

// The built-in exception hierarchy, declared once: X(Name, Base).
#define GILSIM_EXCEPTION_TYPES(X)       \
  X(BaseException, BaseException)       \
  X(SystemExit, BaseException)          \
  X(KeyboardInterrupt, BaseException)   \
  X(Exception, BaseException)           \
  X(StopIteration, Exception)           \
  X(ArithmeticError, Exception)         \
  X(OverflowError, ArithmeticError)     \
  X(ZeroDivisionError, ArithmeticError) \
  X(AssertionError, Exception)          \
  X(AttributeError, Exception)          \
  X(ImportError, Exception)             \
  X(ModuleNotFoundError, ImportError)   \
  X(LookupError, Exception)             \
  X(IndexError, LookupError)            \
  X(KeyError, LookupError)              \
  X(MemoryError, Exception)             \
  X(NameError, Exception)               \
  X(UnboundLocalError, NameError)       \
  X(EOFError, Exception)                \
  X(OSError, Exception)                 \
  X(FileNotFoundError, OSError)         \
  X(FileExistsError, OSError)           \
  X(IsADirectoryError, OSError)         \
  X(PermissionError, OSError)           \
  X(TimeoutError, OSError)              \
  X(ConnectionError, OSError)           \
  X(BrokenPipeError, ConnectionError)   \
  X(ChildProcessError, OSError)         \
  X(ProcessLookupError, OSError)        \
  X(InterruptedError, OSError)          \
  X(RuntimeError, Exception)            \
  X(NotImplementedError, RuntimeError)  \
  X(RecursionError, RuntimeError)       \
  X(SyntaxError, Exception)             \
  X(TypeError, Exception)               \
  X(ValueError, Exception)              \
  X(UnicodeError, ValueError)           \
  X(UnicodeDecodeError, UnicodeError)   \
  X(UnicodeEncodeError, UnicodeError)

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
