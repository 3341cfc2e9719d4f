// Weak references: weakref.ReferenceType (CPython's weakref.ref) and the registry that finds an
// object's weak references when it dies.
//
// The registry maps a referent to its weak references, in CPython's order: the reusable one
// without a callback first, then those with callbacks, newest first. It is one process-wide
// table under a mutex (several interpreters may run in one process; weak references are made
// and die rarely), and an object's header flag (Object::weaklyReferenced) keeps every other
// object off it.
//
// A dying referent's callbacks cannot run inside destroyObject: that runs from any decref, in
// the middle of native code that holds borrowed pointers (a list being cleared) and may not
// throw or drop the GIL. They are queued, per interpreter (per Heap), and the thread that
// dropped the reference is asked (kWeakrefCallbackRequest on its eval breaker) to run them at its
// next check point; the eval loop also serves that request right after the instructions that
// commonly drop a last reference (del, a store, before a native call), so that `del x;
// print("after")` prints the callback's output first, as CPython does.
#pragma once

#include <vector>

#include "interp/objects/class_object.h"
#include "interp/objects/object.h"

namespace gilsim {

// An InstanceObject, so that an instance of a user subclass (WeakMethod, KeyedRef) is what the
// attribute paths expect of a Layout::Object class's instance, with its __dict__ or __slots__;
// a plain ref has neither (ReferenceType's instancesHaveDict is false).
class WeakrefObject : public InstanceObject {
 public:
  // `referent` must be weakly referenceable (checkWeaklyReferenceable).
  WeakrefObject(TypeObject* type, Object* referent, Value callback);
  ~WeakrefObject() override;
  // Null once the referent has died.
  Object* referent() const { return referent_; }
  // Null when there is none, and after the referent died.
  const Value& callback() const { return callback_; }
  void clearReferences() override {
    InstanceObject::clearReferences();
    callback_ = Value();
  }

  // CPython caches the referent's hash: a dead reference keeps the one it had.
  bool hashKnown = false;
  uint64_t hash = 0;

 private:
  friend void clearWeakrefsOf(Object* object);
  Object* referent_;
  Value callback_;
};

// weakref.ReferenceType (a process-wide native type that user classes may extend).
TypeObject* weakrefType();
// TypeError "cannot create weak reference to 'T' object" unless `v` may be weakly referenced.
void checkWeaklyReferenceable(const Value& v);
// weakref.ref(obj, callback) for `type` (ReferenceType or a subclass): a callback-less plain
// ref is shared, as CPython's is.
Value makeWeakref(TypeObject* type, const Value& referent, const Value& callback);
// The live weak references to `referent`, in the registry's order.
std::vector<Value> weakrefsTo(const Value& referent);

// Called by destroyObject for an object whose weaklyReferenced flag is set: its weak references
// die (they return None) and their callbacks are queued.
void clearWeakrefsOf(Object* object);
// Runs the callbacks queued for the current interpreter; an exception one raises is reported on
// stderr ("Exception ignored in: ...") and not propagated. Called at check points.
void runPendingWeakrefCallbacks();
// Drops the callbacks queued for `heap` without running them (interpreter teardown).
void discardPendingWeakrefCallbacks(Heap* heap);

}  // namespace gilsim
