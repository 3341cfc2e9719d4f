// Memory shared between a process and its children, for multiprocessing's Lock, Semaphore, Event,
// Value and Array.
//
// Every block is a memfd mapped MAP_SHARED: a forked child inherits the mapping itself, and a
// spawned child inherits the descriptor (the serializer lists it, see serialize.h) and maps it
// again. A semaphore is a POSIX sem_t initialised process-shared inside such a block; waits on it
// give the GIL up (reason `wait`) and do not park in the thread registry, since another process
// may release it: they never count toward a deadlock.
#pragma once

#include <semaphore.h>

#include <cstddef>
#include <memory>

#include "interp/modules/lock_objects.h"
#include "interp/objects/object.h"

namespace gilsim {

class VM;

class SharedRegion {
 public:
  // A new zeroed block (raises OSError).
  static std::shared_ptr<SharedRegion> create(size_t size);
  // Maps an inherited block; the region owns a duplicate of `fd` (raises OSError).
  static std::shared_ptr<SharedRegion> attach(int fd, size_t size);
  ~SharedRegion();
  SharedRegion(const SharedRegion&) = delete;
  SharedRegion& operator=(const SharedRegion&) = delete;

  void* data() const { return data_; }
  size_t size() const { return size_; }
  int fd() const { return fd_; }

 private:
  SharedRegion(int fd, void* data, size_t size) : fd_(fd), data_(data), size_(size) {}
  int fd_;
  void* data_;
  size_t size_;
};

// What the serializer writes after `M`, and reads back to re-create the object.
enum class SharedKind : char { Semaphore = 's', Array = 'a' };

class SharedSemaphoreObject : public Object {
 public:
  // value: the initial count; maxValue: release() past it raises ValueError (a Lock is 1).
  SharedSemaphoreObject(std::shared_ptr<SharedRegion> region, bool initialise, int64_t value,
                        int64_t maxValue);
  // Raises KeyboardInterrupt if Ctrl-C ends the wait.
  bool acquire(VM& vm, LockTimeout timeout);
  void release(VM& vm);
  int64_t value() const;
  int64_t maxValue() const { return maxValue_; }
  const SharedRegion& region() const { return *region_; }

 private:
  bool acquireSimulated(VM& vm, LockTimeout timeout);
  sem_t* sem() const { return static_cast<sem_t*>(region_->data()); }
  std::shared_ptr<SharedRegion> region_;
  int64_t maxValue_;
};

// A fixed-length array of C numbers: 'b' (signed char), 'c' (a byte), 'i' (int), 'l' and 'q'
// (64-bit), 'f' (float), 'd' (double).
class SharedArrayObject : public Object {
 public:
  SharedArrayObject(std::shared_ptr<SharedRegion> region, char typecode, size_t length);
  static size_t itemSize(char typecode);  // 0 for an unknown typecode
  Value get(size_t index) const;
  void set(size_t index, const Value& value);  // TypeError for a value of the wrong kind
  size_t length() const { return length_; }
  char typecode() const { return typecode_; }
  const SharedRegion& region() const { return *region_; }

 private:
  std::shared_ptr<SharedRegion> region_;
  char typecode_;
  size_t length_;
};

TypeObject* sharedSemaphoreType();
TypeObject* sharedArrayType();

}  // namespace gilsim
