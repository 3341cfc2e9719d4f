// The per-thread executor: a value stack, a chain of frames and the eval loop.
//
// Python-to-Python calls never recurse on the C++ stack: CALL pushes a frame and the same loop
// continues in it, and the callee's parameters are the caller's argument slots (no copying).
// Native code that calls back into Python (sorted's key, __init__ from a constructor, __eq__ from a
// dict lookup) enters the loop again through VM::call, which marks its frame as an entry frame.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <vector>

#include "gil/eval_breaker.h"
#include "interp/objects/function_object.h"
#include "interp/objects/object.h"

namespace gilsim {

class CodeObject;
class SimMachine;
class DictObject;
class Interpreter;
class GeneratorObject;
enum class ResumeMode : uint8_t;
class ThreadState;

struct Frame {
  CodeObject* code = nullptr;
  FunctionObject* function = nullptr;  // borrowed: the caller's slot keeps it alive
  DictObject* globals = nullptr;
  DictObject* builtins = nullptr;
  Value locals;                  // the namespace dict of module and class bodies, else Null
  const uint32_t* pc = nullptr;  // next instruction
  Value* base = nullptr;         // localsplus, then the value stack
  Value* sp = nullptr;
  Frame* back = nullptr;
  bool entry = false;                    // returning from it leaves VM::run
  GeneratorObject* generator = nullptr;  // set on a running generator's frame
  Value* resultSlot = nullptr;  // where the caller wants the return value (the callable's slot)
  Value constructed;            // a constructor's __init__ frame: the new object, the call's value
};

class VM {
 public:
  VM(Interpreter& interp, ThreadState& thread);
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  // The VM running on this OS thread (set by VM::Scope), as CPython's thread state is.
  static VM* current();
  // What follows a fiber of the simulated machine from switch to switch: VM::current().
  static void* saveCurrent();
  static void restoreCurrent(void* vm);
  class Scope {
   public:
    explicit Scope(VM* vm);
    ~Scope();

   private:
    VM* previous_;
  };

  Interpreter& interp() { return interp_; }
  ThreadState& thread() { return thread_; }
  EvalBreaker& breaker() { return breaker_; }
  // Ctrl-C arrived and has not been raised yet (readable without the GIL).
  bool signalPending() const { return breaker_.load() & kSignalRequest; }
  // Runs the Python handler of the first pending signal (KeyboardInterrupt for SIGINT without
  // one); called at check points of the main thread when kSignalRequest is set.
  void dispatchSignals();
  // Releases every value the VM still refers to; the thread must hold the GIL. Called before a
  // thread gives the GIL up for the last time.
  void releaseValues();
  // Guards the C++ stack of the calling thread (a VM is built on its parent thread).
  void adoptCurrentThreadStack();

  // Calls any callable (call.cpp, with the frame set-up of Python calls). May run Python code;
  // raises PyException.
  Value call(const Value& callable, CallArgs args);
  Value call(const Value& callable, std::initializer_list<Value> args);
  Value callWithKeywords(const Value& callable, std::vector<Value> positional,
                         std::vector<std::pair<std::string, Value>> keywords);
  // Runs a module or class body with a namespace dict.
  Value runCode(CodeObject* code, DictObject* globals, const Value& locals,
                const Value& closure = Value());

  Frame* currentFrame() const { return frame_; }
  // Whether `bytes` of C++ stack are left below the caller, beyond the reserve kept for
  // re-entering the eval loop (before a compile, which may use kFrontEndStackBytes).
  bool cStackLeft(size_t bytes) const {
    uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
    return here > cStackLimit_ && here - cStackLimit_ >= bytes;
  }
  // Raises KeyboardInterrupt if Ctrl-C arrived (for blocking calls that wake up on EINTR).
  void checkSignals();
  // A check point inside a native loop (sum, any, list(), `in` over an iterator): counts toward
  // --check-point-budget and serves the breaker as the eval loop's check points do, so that a
  // native loop over an endless iterator (`sum(iter(int, 1))`) stops as a Python loop would
  // (issue 15). May drop the GIL: callers hold no borrowed pointer into mutable objects across
  // it (as across any iterNext, which may run Python code).
  void nativeCheckPoint() {
    if (--ticksUntilHousekeeping <= 0 || breaker_.any() || sim_) nativeCheckPointSlow();
  }
  // First value-stack slot free for a new frame.
  Value* freeStackStart() const;
  // Makes sure [from, to) are constructed slots within the stack; raises RecursionError if not.
  void reserveStack(Value* from, Value* to);
  int depth() const { return depth_; }

  // Native code that recurses over user data (repr, comparison, pickling) counts against the
  // recursion limit as Python calls do (CPython 3.11's Py_EnterRecursiveCall and Python frames
  // share one counter), and stops before the C++ stack runs out: a list nested 20,000 deep raises
  // RecursionError("maximum recursion depth exceeded" + where) instead of overflowing. Pair each
  // enter with a leave (objects/native_recursion.h does, as a guard).
  void enterNativeRecursion(const char* where);
  void leaveNativeRecursion() { --nativeDepth_; }
  // The C++ stack alone, for native recursion CPython does not count (the hash of nested tuples).
  void checkNativeStack(const char* where);

  // The exception being handled (what a bare `raise` re-raises), or Null.
  Value handledException;

  // Check-point ticks left before the slow path runs for housekeeping (instruction budgets).
  // Starts at 1 so the first check point sets the real period (and the budget) up.
  int64_t ticksUntilHousekeeping = 1;
  int64_t ticksPeriod = 1;  // what ticksUntilHousekeeping was last set to
  uint64_t checkPointsExecuted = 0;

 private:
  // The eval loop, for the real machine or (counting each instruction's cost) the simulated one.
  Value run(Frame* entry) { return sim_ ? runLoop<true>(entry) : runLoop<false>(entry); }
  template <bool kCosted>
  Value runLoop(Frame* entry);
  Frame* pushFrame(CodeObject* code, FunctionObject* fn, DictObject* globals,
                   Value* base);  // vm_inline.h
  void popFrame() {
    Frame* f = frame_;
    frame_ = f->back;
    if (!f->locals.isNull()) f->locals = Value();
    if (__builtin_expect(!f->constructed.isNull(), 0)) f->constructed = Value();
    --depth_;
  }
  // Binds a call's arguments into a fresh frame's locals; raises TypeError like CPython.
  void bindArguments(FunctionObject* fn, Value* locals, CallArgs args);
  Frame* setupCall(FunctionObject* fn, Value* base, CallArgs args, Value* resultSlot);
  void handleBreaker();
  void nativeCheckPointSlow();
  void checkCStack();
  bool unwind(Frame*& frame, Value& exception, Frame* entry);

  Interpreter& interp_;
  ThreadState& thread_;
  SimMachine* sim_ = nullptr;       // the simulated machine the run is on, or null
  DictObject* builtins_ = nullptr;  // the interpreter's builtins dict, cached for frame set-up
  EvalBreaker breaker_;
  // Raw storage for the value stack; slots below highWater_ are constructed Values (Null when
  // unused), so frames are set up without touching memory a run never reaches.
  Value* stackMemory_ = nullptr;
  Value* stackLimit_ = nullptr;
  Value* highWater_ = nullptr;
  // Frames live in fixed chunks that are never freed while the VM lives: a frame's address is
  // stable, and a call allocates nothing (a std::deque here cost a malloc/free per 512 calls
  // at the chunk edge, measurable on fib).
  static constexpr size_t kFramesPerChunk = 256;
  std::vector<std::unique_ptr<Frame[]>> frameChunks_;
  Frame* frame_ = nullptr;
  int depth_ = 0;
  int nativeDepth_ = 0;     // native recursion levels entered (enterNativeRecursion), not frames
  bool reraising_ = false;  // the exception being unwound was re-raised: no new traceback entry
  uintptr_t cStackLimit_ = 0;
  friend class Interpreter;
  friend Value makeGenerator(VM&, FunctionObject*, const Value&, CallArgs);
  friend bool resumeGenerator(VM&, GeneratorObject*, const Value&, Value*, ResumeMode);
  bool yielded_ = false;  // run() returned because the generator frame yielded
  // gen.throw(): raised by the loop as it enters the resumed generator frame, at its yield.
  Value pendingThrow_;
};

}  // namespace gilsim
