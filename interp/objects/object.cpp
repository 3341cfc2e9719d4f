#include "interp/objects/object.h"

#include <vector>

#include "interp/objects/weakref_object.h"

namespace gilsim {

namespace {
thread_local Heap* tlsCurrentHeap = nullptr;

// Freeing a long chain (a list nested 100k deep) recursively would overflow the C++ stack, so past
// a depth the frees are queued and drained by the outermost call (CPython's "trashcan").
constexpr int kMaxDestroyDepth = 200;
thread_local int tlsDestroyDepth = 0;
thread_local std::vector<Object*>* tlsDeferredFrees = nullptr;

// The referent is still whole here: its weak references die before it does, as in CPython.
inline void freeObject(Object* object) {
  if (__builtin_expect(object->weaklyReferenced(), 0)) clearWeakrefsOf(object);
  delete object;
}
}  // namespace

void destroyObject(Object* object) {
  if (tlsDestroyDepth >= kMaxDestroyDepth) {
    if (!tlsDeferredFrees) tlsDeferredFrees = new std::vector<Object*>();
    tlsDeferredFrees->push_back(object);
    return;
  }
  ++tlsDestroyDepth;
  freeObject(object);
  --tlsDestroyDepth;
  if (tlsDestroyDepth == 0 && tlsDeferredFrees) {
    ++tlsDestroyDepth;
    while (!tlsDeferredFrees->empty()) {
      Object* next = tlsDeferredFrees->back();
      tlsDeferredFrees->pop_back();
      freeObject(next);
    }
    --tlsDestroyDepth;
    delete tlsDeferredFrees;
    tlsDeferredFrees = nullptr;
  }
}

TrackedObject::TrackedObject(TypeObject* type) : Object(type) {
  if (Heap* heap = Heap::current()) heap->add(this);
}

TrackedObject::~TrackedObject() {
  if (heap_) heap_->remove(this);
}

Heap* Heap::current() {
  return tlsCurrentHeap;
}

Heap::Scope::Scope(Heap* heap) : previous_(tlsCurrentHeap) {
  tlsCurrentHeap = heap;
}
Heap::Scope::~Scope() {
  tlsCurrentHeap = previous_;
}

void Heap::add(TrackedObject* object) {
  object->heap_ = this;
  object->tracked_ = true;
  object->next_ = head_;
  if (head_) head_->prev_ = object;
  head_ = object;
  ++count_;
}

void Heap::remove(TrackedObject* object) {
  if (object->prev_)
    object->prev_->next_ = object->next_;
  else
    head_ = object->next_;
  if (object->next_) object->next_->prev_ = object->prev_;
  object->heap_ = nullptr;
  --count_;
}

void Heap::collectAll() {
  // CPython does not run weak reference callbacks at teardown either: those queued are dropped,
  // and the objects freed from here on queue none.
  tearingDown_ = true;
  discardPendingWeakrefCallbacks(this);
  // Keep everything alive while every container drops its references, then release our holds:
  // whatever was only kept alive by a cycle is freed, in any order, without dangling pointers.
  for (int round = 0; round < 4 && head_; ++round) {
    std::vector<TrackedObject*> all;
    all.reserve(count_);
    for (TrackedObject* o = head_; o; o = o->next_) {
      if (o->immortal()) continue;
      o->incref();
      all.push_back(o);
    }
    for (TrackedObject* o : all)
      o->clearReferences();
    for (TrackedObject* o : all)
      o->decref();
  }
}

Heap::~Heap() {
  collectAll();
  // Anything still here is referenced from outside the heap (a leak elsewhere); detach it so its
  // eventual destruction does not touch this freed heap.
  while (head_) {
    TrackedObject* o = head_;
    head_ = o->next_;
    o->heap_ = nullptr;
    o->prev_ = o->next_ = nullptr;
  }
}

}  // namespace gilsim
