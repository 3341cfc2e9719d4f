// An interpreter: the modules, the builtins, the heap and the settings that the threads running
// in it share. Nothing here is global: a process may hold several interpreters under test.
#pragma once

#include <atomic>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "gil/eval_breaker.h"
#include "gil/sync.h"
#include "interp/objects/object.h"
#include "interp/vm/interpreter_config.h"
#include "interp/vm/module_catalog.h"

namespace gilsim {

class CodeObject;
class DictObject;
class ListObject;
class GilPolicy;
class Machine;
class SimMachine;
class ThreadRegistry;
class ThreadState;
class TraceRecorder;
class ModuleObject;
class OutputBuffer;
class VM;
struct SyntaxError;

// Exit statuses of `gilsim run`.
inline constexpr int kExitOk = 0;
inline constexpr int kExitException = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitDeadlock = 3;  // every thread blocked forever (CPython would hang)
// stdout could not be flushed at exit (a closed pipe, a full disk): CPython's Py_FinalizeEx
// failure status.
inline constexpr int kExitFlushFailed = 120;

class Interpreter {
 public:
  // `modules`: what `import` finds (interp/modules/standard_modules.h); it outlives the
  // interpreter.
  Interpreter(InterpreterConfig config, const ModuleCatalog& modules);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs a script as __main__ on the calling thread. Prints syntax errors and tracebacks to the
  // configured stderr and returns the process exit status.
  int runFile(const std::string& path);
  int runSource(const std::string& source, const std::string& filename);
  // The child of multiprocessing's spawn start method (`gilsim run --mp-spawn FD FILE`): runs
  // the script as __mp_main__ (also registered as __main__, as CPython does), then
  // multiprocessing._spawn_main(FD), which reads the Process from FD, runs it and exits.
  int runSpawnedChild(const std::string& path, int fd);
  // Reads a script for running or listing: prints the error (missing, a directory, not UTF-8)
  // and sets *status to the exit status when it cannot.
  bool readScript(const std::string& path, std::string* source, int* status);
  // Prints `file:line:col: Kind: message`, the source line and a caret.
  static std::string formatSyntaxError(const SyntaxError& e, const std::string& filename,
                                       const std::string& source);

  // Compiles a source file (raising SyntaxError as a C++ SyntaxError).
  Value compileSource(const std::string& source, const std::string& filename);

  // The import system (interp/vm/import_system.h). importName is IMPORT_NAME and __import__:
  // imports `name` (relative to the package of `globals` when `level` > 0) and returns the
  // top-level package when `fromlist` is empty, else the module itself with the submodules
  // named in `fromlist` imported. importModule imports an absolute dotted name and returns it.
  Value importName(VM& vm, const std::string& name, DictObject* globals, const Value& fromlist,
                   int level);
  Value importModule(VM& vm, const std::string& name);
  // sys.path: the folders searched for top-level modules, the script's folder first.
  ListObject* searchPath() const;

  // In the child of fork(), called by the thread that forked (`survivor`, which held the GIL):
  // a fresh GIL of the same policy and settings, taken by the survivor, and a thread registry
  // holding the survivor alone. See ThreadRegistry::keepOnlyAfterFork for what is abandoned.
  void afterForkInChild(ThreadState& survivor);
  DictObject* builtins() const;
  DictObject* modules() const;

  // The process is about to end with `status`, by any route (the end of the script, an uncaught
  // exception, Ctrl-C, os._exit, a deadlock): a child process leaves its trace for the root, the
  // root runs the end-of-run hook (the CLI's exports). Runs once; `caller` may be null.
  void processEnding(int status, ThreadState* caller);
  std::function<void(int status)> endOfRunHook;

  // Compiles `source` and returns its bytecode listing, as `gilsim dis` prints it (raising
  // SyntaxError as a C++ SyntaxError).
  std::string disassemble(const std::string& source, const std::string& filename);
  // The main thread's eval breaker: a SIGINT handler sets kSignalRequest on it (an atomic
  // store, async-signal-safe) and the main thread raises KeyboardInterrupt at its next check.
  EvalBreaker& interruptTarget();

  // What the run was started with; a child process starts with the same.
  const InterpreterConfig& config() const { return config_; }
  // The settings in force now, as the script sees them (the interval and check interval as the
  // GIL keeps them, the recursion limit as sys has it): what gilsim.settings() returns and what
  // --trace and --stats-json record.
  nlohmann::ordered_json runSettings();
  // sys.getrecursionlimit / setrecursionlimit: starts at config().recursionLimit. Under the GIL.
  int recursionLimit() const { return recursionLimit_; }
  void setRecursionLimit(int limit) { recursionLimit_ = limit; }
  // sys.get_int_max_str_digits / set_int_max_str_digits (objects/int_str_limit.h); 0 = none.
  int intMaxStrDigits() const { return intMaxStrDigits_; }
  void setIntMaxStrDigits(int digits) { intMaxStrDigits_ = digits; }
  VM& mainVM();
  ThreadState& mainThread() { return *mainThread_; }
  GilPolicy& gil() { return *gil_; }
  // Where the run's threads execute: the real machine or the simulated one (gil/machine.h).
  Machine& machine() { return *machine_; }
  SimMachine* simMachine() { return simMachine_; }  // null on the real machine
  TraceRecorder& recorder() { return *recorder_; }
  ThreadRegistry& threads() { return *threads_; }
  Heap* heap() { return heap_.get(); }

  // Writes to the interpreter's stdout / stderr. writeOut and flushOut raise OSError
  // (BrokenPipeError for a closed pipe) when the write fails, as sys.stdout does; stderr's
  // failures are ignored, as CPython can report them nowhere.
  void writeOut(std::string_view text);
  void writeErr(std::string_view text);
  void flushOut();
  // Flushes stdout without raising (before a fork, before stderr output); a failure keeps the
  // data for the flush at exit to report.
  void flushOutQuietly();
  // The flush at the end of the run: on failure prints CPython's "Exception ignored in:
  // <_io.TextIOWrapper name='<stdout>' ...>" report and returns false (exit kExitFlushFailed).
  bool finishOutput();

  // Prints an uncaught exception as CPython does: traceback, then `Type: message`.
  void printException(VM& vm, const Value& exception);
  // What printException writes: the chained exceptions, their tracebacks and source lines.
  std::string formatException(const Value& exception);  // may throw bad_alloc
  // Source line `line` of `filename` (for tracebacks), stripped; empty if unavailable.
  std::string sourceLine(const std::string& filename, int line);

  // Memory kept back for when an allocation fails: let go then, so that the MemoryError, its
  // traceback and its report can still be made (CPython keeps preallocated MemoryErrors for the
  // same reason; issue 15), and taken back at a later check point. Under the GIL.
  void releaseMemoryReserve() { memoryReserve_.reset(); }
  void restoreMemoryReserve() {
    if (!memoryReserve_) memoryReserve_.reset(new (std::nothrow) char[kMemoryReserveBytes]);
  }

  // A thread other than the main one was stopped (its check-point budget ran out): the run
  // then exits kExitException, as when the main thread's budget runs out. Any thread may call.
  void noteThreadStopped() { threadStopped_.store(true, std::memory_order_relaxed); }

  // Exit status requested by SystemExit, resolved by printException's caller.
  int exitStatusFor(VM& vm, const Value& exception);

  const std::string& scriptDirectory() const { return scriptDirectory_; }
  // Also sys.path[0].
  void setScriptDirectory(const std::string& folder);

 private:
  // A module for Python source run as NAME (`__main__`, `__mp_main__`, an imported file), with
  // __file__ and __builtins__ set; the caller registers it.
  Value makeSourceModule(const std::string& name, const std::string& filename);
  // The import system's steps (interp/vm/import_system.cpp). Each load returns Null when the
  // module is not there; a package gets __path__ = [*packagePath].
  Value loadModule(VM& vm, const std::string& fullName, const Value& parent);
  Value findAndLoad(VM& vm, const std::string& fullName, const Value& parent);
  Value loadFromLibrary(VM& vm, const std::string& fullName);
  Value loadFromFolder(VM& vm, const std::string& fullName, const std::string& folder,
                       const std::string& name, bool extensions);
  Value loadSourceModule(VM& vm, const std::string& name, const std::string& path,
                         const std::string* packagePath);
  Value runModuleSource(VM& vm, const std::string& name, const std::string& source,
                        const std::string& filename, const std::string* packagePath);
  // `moduleName.function(args)` when the program imported that module; what it raises is
  // printed, not propagated.
  void callExitHook(VM& vm, const char* moduleName, const char* function,
                    std::initializer_list<Value> args);
  // After __main__ ends: waits for non-daemon threads (threading._shutdown), as CPython does.
  void waitForThreads(VM& vm);
  // Then atexit's functions, when atexit was imported.
  void runAtexitHandlers(VM& vm);
  // Runs `body` as the process's first thread on the machine (a fiber under --sim).
  int onMainThread(const std::function<int()>& body);
  int runSourceOnMainThread(const std::string& source, const std::string& filename);
  int runSpawnedChildOnMainThread(const std::string& path, int fd);
  // Then, when multiprocessing was imported: its exit function (flush queues, join non-daemonic
  // children, terminate daemonic ones; terminate them all after Ctrl-C).
  void finishProcesses(VM& vm, bool interrupted);
  // The trace's first events of this process: `first` (the main thread, or the thread that
  // forked) starts, and in a child process the process starts.
  void recordProcessStart(ThreadState& first);
  std::optional<std::string_view> librarySourceByFilename(std::string_view filename);
  std::string sourceLineOrThrow(const std::string& filename, int line);  // may throw bad_alloc
  void formatAndPrintException(const Value& exception);                  // may throw bad_alloc
  InterpreterConfig config_;
  const ModuleCatalog& catalog_;
  int recursionLimit_;
  int intMaxStrDigits_ = 4300;  // CPython's default (kDefaultMaxStrDigits)
  std::unique_ptr<Heap> heap_;
  std::unique_ptr<Heap::Scope> heapScope_;
  std::unique_ptr<TraceRecorder> recorder_;  // outlives the GIL a fork replaces
  std::unique_ptr<Machine> machine_;         // before the GIL and the threads, which run on it
  SimMachine* simMachine_ = nullptr;
  std::unique_ptr<GilPolicy> gil_;
  std::unique_ptr<ThreadRegistry> threads_;
  std::atomic<bool> processEnded_{false};  // os._exit and a deadlock report may race
  std::atomic<bool> threadStopped_{false};
  ThreadState* mainThread_ = nullptr;
  Value builtins_;
  Value modules_;
  Value searchPath_;  // a list
  std::string scriptDirectory_;
  std::map<std::string, std::vector<std::string>> sourceCache_;
  std::unique_ptr<OutputBuffer> out_;
  static constexpr size_t kMemoryReserveBytes = size_t{4} << 20;
  std::unique_ptr<char[]> memoryReserve_{new (std::nothrow) char[kMemoryReserveBytes]};
};

}  // namespace gilsim
