// The object model: Value (an inline-or-heap tagged cell), Object (the reference-counted heap
// header) and TypeObject (classes, built-in and user-defined).
//
// Reference counts are plain integers, not atomics. That is the whole reason a GIL exists: two
// threads running bytecode at once would corrupt counts. A future free-threaded mode must pay for
// atomic or biased counts instead.
//
// Layout of a Value (16 bytes):
//
//   +--------+---------------------------------------+
//   | tag(1) | payload(8): int64 | double | Object*  |
//   +--------+---------------------------------------+
//
//   Null     "no value": an unbound local, an empty stack slot, a missing argument
//   None     the None singleton, no payload
//   Bool     payload 0/1
//   Int      a 64-bit int; larger ints live in a heap IntObject (always normalised back)
//   Float    a double
//   Object   a counted heap object
//   Immortal a heap object that is never counted (built-in types, their methods, interned names of
//            built-in types): shared by every interpreter in the process, so never written to.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace gilsim {

class Object;
class TypeObject;
class StrObject;
class DictObject;

enum class Tag : uint8_t { Null, None, Bool, Int, Float, Object, Immortal };

void destroyObject(Object* object);  // refcount reached zero; defined in object.cpp

class Object {
 public:
  explicit Object(TypeObject* type) : type_(type) {}
  virtual ~Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  TypeObject* type() const { return type_; }
  bool immortal() const { return immortal_; }
  void makeImmortal() { immortal_ = true; }
  uint32_t refcount() const { return refcount_; }
  // Set when the first weak reference to the object is made, and never cleared: destroyObject
  // then clears the object's weak references (interp/objects/weakref_object.h) before freeing it.
  bool weaklyReferenced() const { return weaklyReferenced_; }
  void markWeaklyReferenced() { weaklyReferenced_ = true; }

  void incref() {
    if (!immortal_) ++refcount_;
  }
  void decref() {
    if (!immortal_ && --refcount_ == 0) destroyObject(this);
  }

  // Drops every reference this object holds to others (used when the interpreter tears down, to
  // free reference cycles). Containers override it.
  virtual void clearReferences() {}
  // The instance __dict__ of user-class instances (and of instances of user subclasses of
  // built-in types); null for every other object, and for classes with __slots__.
  virtual DictObject* instanceDict() const { return nullptr; }

 protected:
  void setType(TypeObject* type) { type_ = type; }

 private:
  uint32_t refcount_ = 1;
  bool immortal_ = false;

 protected:
  bool tracked_ = false;

 private:
  bool weaklyReferenced_ = false;  // in the padding before type_: the header stays 24 bytes
  TypeObject* type_;
  friend class Heap;
  friend class TrackedObject;
};

class Value {
 public:
  Value() : tag_(Tag::Null), int_(0) {}
  // Forced inline: the eval loop, instantiated twice (real and costed), outgrows GCC's inlining
  // budget, and an out-of-line ~Value cost the integer loop 8 %.
  __attribute__((always_inline)) Value(const Value& other) : tag_(other.tag_), int_(other.int_) {
    if (tag_ == Tag::Object) object_->incref();
  }
  Value(Value&& other) noexcept : tag_(other.tag_), int_(other.int_) { other.tag_ = Tag::Null; }
  __attribute__((always_inline)) ~Value() {
    if (tag_ == Tag::Object) object_->decref();
  }
  __attribute__((always_inline)) Value& operator=(const Value& other) {
    if (other.tag_ == Tag::Object) other.object_->incref();
    Tag oldTag = tag_;
    Object* oldObject = object_;
    tag_ = other.tag_;
    int_ = other.int_;
    if (oldTag == Tag::Object) oldObject->decref();
    return *this;
  }
  __attribute__((always_inline)) Value& operator=(Value&& other) noexcept {
    if (this == &other) return *this;
    Tag oldTag = tag_;
    Object* oldObject = object_;
    tag_ = other.tag_;
    int_ = other.int_;
    other.tag_ = Tag::Null;
    if (oldTag == Tag::Object) oldObject->decref();
    return *this;
  }

  static Value none() { return Value(Tag::None, 0); }
  static Value boolean(bool b) { return Value(Tag::Bool, b ? 1 : 0); }
  static Value integer(int64_t i) { return Value(Tag::Int, i); }
  static Value real(double d) {
    Value v(Tag::Float, 0);
    v.float_ = d;
    return v;
  }
  // Takes over a reference the caller owns.
  static Value steal(Object* object) {
    Value v(object->immortal() ? Tag::Immortal : Tag::Object, 0);
    v.object_ = object;
    return v;
  }
  // Adds a reference.
  static Value borrow(Object* object) {
    object->incref();
    return steal(object);
  }

  Tag tag() const { return tag_; }
  bool isNull() const { return tag_ == Tag::Null; }
  bool isNone() const { return tag_ == Tag::None; }
  bool isBool() const { return tag_ == Tag::Bool; }
  bool isSmallInt() const { return tag_ == Tag::Int; }
  bool isFloat() const { return tag_ == Tag::Float; }
  bool isObject() const { return tag_ == Tag::Object || tag_ == Tag::Immortal; }

  int64_t smallInt() const { return int_; }
  bool boolean() const { return int_ != 0; }
  double real() const { return float_; }
  Object* object() const { return object_; }
  template <class T>
  T* as() const {
    return static_cast<T*>(object_);
  }

  TypeObject* type() const;  // the Python type, for every tag but Null

  // Same object / same inline bits: Python's `is`.
  bool identical(const Value& other) const {
    if (isObject() && other.isObject()) return object_ == other.object_;
    return tag_ == other.tag_ && int_ == other.int_;
  }

  // Eval-loop fast paths: only valid when the value is known not to be a counted object.
  void setSmallIntUnchecked(int64_t i) {
    tag_ = Tag::Int;
    int_ = i;
  }
  void clearUnchecked() { tag_ = Tag::Null; }

  // Gives up ownership without a decref (for handing a reference to a raw Object* owner).
  Object* release() {
    Object* o = object_;
    tag_ = Tag::Null;
    return o;
  }

 private:
  Value(Tag tag, int64_t bits) : tag_(tag), int_(bits) {}
  Tag tag_;
  union {
    int64_t int_;
    double float_;
    Object* object_;
  };
};

// Containers that can take part in reference cycles register with the interpreter's heap, so a
// torn-down interpreter frees everything it allocated even when user code built a cycle.
class Heap;
class TrackedObject : public Object {
 public:
  explicit TrackedObject(TypeObject* type);
  ~TrackedObject() override;

 private:
  Heap* heap_ = nullptr;
  TrackedObject* prev_ = nullptr;
  TrackedObject* next_ = nullptr;
  friend class Heap;
};

// The per-interpreter registry of tracked containers. The thread running an interpreter's code
// installs its heap as the thread's current one (a context pointer, as CPython's thread state is;
// no state lives in it).
class Heap {
 public:
  Heap() = default;
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  static Heap* current();
  // Installs a heap as the current one for the lifetime of the scope.
  class Scope {
   public:
    explicit Scope(Heap* heap);
    ~Scope();

   private:
    Heap* previous_;
  };

  // Frees every tracked object, breaking cycles first.
  void collectAll();
  size_t trackedCount() const { return count_; }
  // From the start of the teardown's collectAll on: weak reference callbacks no longer run.
  bool tearingDown() const { return tearingDown_; }

 private:
  void add(TrackedObject* object);
  void remove(TrackedObject* object);
  TrackedObject* head_ = nullptr;
  size_t count_ = 0;
  bool tearingDown_ = false;
  friend class TrackedObject;
};

// Helpers for raw owning pointers held inside objects.
inline void increfRaw(Object* o) {
  if (o) o->incref();
}
inline void decrefRaw(Object* o) {
  if (o) o->decref();
}

}  // namespace gilsim
