// One thread running Python code in an interpreter: its VM (frames and value stack), what the GIL
// policy knows about it, and what the thread registry needs to park it and to report it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gil/gil_thread.h"
#include "interp/objects/object.h"

namespace gilsim {

class Interpreter;
class VM;

class ThreadState {
 public:
  ThreadState(Interpreter& interp, uint64_t serial, bool isMain);
  ~ThreadState();
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;

  Interpreter& interp() { return interp_; }
  VM& vm() { return *vm_; }
  GilThread& gil() { return *gil_; }
  bool isMain() const { return isMain_; }
  // In the child of fork(), for the thread that forked: a fresh GilThread (not holding the new
  // lock, counters at zero) and park condition, since the old ones may be mid-use by threads that
  // no longer exist.
  void resetAfterFork();

  // Set by the thread itself when it starts; read by any thread holding the GIL.
  uint64_t ident = 0;    // threading.get_ident(): the pthread_t
  int64_t nativeId = 0;  // threading.get_native_id(): the kernel's thread id

  // Guarded by the registry's mutex.
  std::string name;                 // threading's name, for reports
  const char* blockedIn = nullptr;  // what it is parked in ("Lock.acquire"), or nullptr
  bool parkedForever = false;       // parked with no timeout (counts toward deadlock)
  bool unparked = false;            // the wake-up it waits for has come
  bool finished = false;            // its Python code is done; it is about to go
  std::unique_ptr<SyncCondition> parkCondition;

  // Guarded by the GIL: locks released when the thread ends (_thread._set_sentinel).
  std::vector<Value> sentinels;

 private:
  Interpreter& interp_;
  const bool isMain_;
  std::unique_ptr<VM> vm_;
  std::unique_ptr<GilThread> gil_;
};

}  // namespace gilsim
