#include "interp/vm/interpreter.h"

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "gil/gil_policy.h"
#include "gil/policy_table.h"
#include "gil/sim/sim_machine.h"
#include "gil/trace_recorder.h"

#include "interp/common/opcodes.h"
#include "interp/common/stack_budget.h"
#include "interp/compiler/compiler.h"
#include "interp/compiler/disassembler.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/interned_names.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/syntax/parser.h"
#include "interp/syntax/syntax_error.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/import_system.h"
#include "interp/vm/output_buffer.h"
#include "interp/vm/run_aborted.h"
#include "interp/vm/thread_registry.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {
std::unique_ptr<GilPolicy> makeGilPolicy(const InterpreterConfig& config, SyncPlatform& platform) {
  std::string error;
  const GilPolicyInfo* policy = resolveGilPolicy(config.gilPolicy, error);
  if (!policy) throw std::invalid_argument(error);
  return policy->create(platform, config.gil);
}

}  // namespace

Interpreter::Interpreter(InterpreterConfig config, const ModuleCatalog& modules)
    : config_(std::move(config)),
      catalog_(modules),
      recursionLimit_(config_.recursionLimit),
      out_(std::make_unique<OutputBuffer>(config_.out)) {
  ensureBuiltinTypes();
  if (config_.simulate) {
    auto sim = std::make_unique<SimMachine>(config_.sim);
    simMachine_ = sim.get();
    simMachine_->setFiberLocalHooks(VM::saveCurrent, VM::restoreCurrent);
    machine_ = std::move(sim);
  } else {
    machine_ = makeRealMachine();
  }
  gil_ = makeGilPolicy(config_, machine_->platform());
  recorder_ = std::make_unique<TraceRecorder>(gil_->platform());
  gil_->setRecorder(recorder_.get());
  if (config_.recordTrace)
    recorder_->start(config_.traceCapacity);
  else
    recorder_->adoptFromEnvironment(config_.traceCapacity);  // a spawned child of a traced run
  heap_ = std::make_unique<Heap>();
  heapScope_ = std::make_unique<Heap::Scope>(heap_.get());
  builtins_ = makeDict();
  catalog_.populateBuiltins(builtins_.as<DictObject>());
  modules_ = makeDict();
  searchPath_ = makeList({makeStr(".")});
  threads_ = std::make_unique<ThreadRegistry>(*this, gil_->platform());
  mainThread_ = &threads_->create(/*isMain=*/true);
  mainThread_->ident = machine_->threadIdent();
  mainThread_->nativeId = machine_->nativeThreadId();
  mainThread_->name = "MainThread";
  // The main thread's stack bounds come from /proc/self/maps (slow): looked up once, here.
  mainThread_->vm().adoptCurrentThreadStack();
  recorder_->nameThread(mainThread_->gil().serial, mainThread_->name);
  recordProcessStart(*mainThread_);
  gil_->take(mainThread_->gil());
}

Interpreter::~Interpreter() {
  flushOutQuietly();
  VM& vm = mainVM();
  {
    VM::Scope scope(&vm);
    // Break the module <-> function cycles first, as CPython's finalisation does, then free the
    // rest (including user-made cycles) through the heap.
    for (const auto& e : modules_.as<DictObject>()->entries())
      if (!e.value.isNull() && e.value.type()->layout() == Layout::Module)
        e.value.as<ModuleObject>()->dict()->clear();
    modules_ = Value();
    builtins_ = Value();
    searchPath_ = Value();
    mainThread_->sentinels.clear();
    vm.releaseValues();
    releaseInternedNames(heap_.get());
    heap_->collectAll();
  }
  gil_->drop(mainThread_->gil(), DropReason::Exit);
  threads_.reset();
  gil_.reset();
  heapScope_.reset();
  heap_.reset();
}

void Interpreter::afterForkInChild(ThreadState& survivor) {
  // The settings may have changed since start (sys.setswitchinterval): carry them over.
  Nanos interval = gil_->switchInterval();
  int ticks = gil_->checkInterval();
  // Another thread may have held the old policy's mutex at the fork: abandon the object whole.
  keepAbandonedAfterFork(gil_.release());
  recorder_->afterForkInChild(survivor.gil().serial);
  gil_ = makeGilPolicy(config_, machine_->platform());
  gil_->setRecorder(recorder_.get());
  gil_->setSwitchInterval(interval);
  gil_->setCheckInterval(ticks);
  threads_->keepOnlyAfterFork(survivor, !machine_->simulated());
  survivor.resetAfterFork();
  recordProcessStart(survivor);
  gil_->take(survivor.gil());
}

void Interpreter::recordProcessStart(ThreadState& first) {
  recorder_->record(first.gil(), TraceEventKind::ThreadStart);
  if (recorder_->isChild())
    recorder_->record(first.gil(), TraceEventKind::ProcessStart, DropReason::Exit,
                      static_cast<uint32_t>(machine_->platform().parentProcessId()));
}

void Interpreter::processEnding(int status, ThreadState* caller) {
  if (processEnded_.exchange(true)) return;
  if (recorder_->isChild()) {
    if (caller)
      recorder_->record(caller->gil(), TraceEventKind::ProcessExit, DropReason::Exit,
                        static_cast<uint32_t>(status));
    recorder_->finishChildProcess();
  } else if (endOfRunHook) {
    flushOutQuietly();
    endOfRunHook(status);
  }
}

VM& Interpreter::mainVM() {
  return mainThread_->vm();
}

DictObject* Interpreter::builtins() const {
  return builtins_.as<DictObject>();
}
DictObject* Interpreter::modules() const {
  return modules_.as<DictObject>();
}

void Interpreter::writeOut(std::string_view text) {
  if (int error = out_->write(text)) raiseOsError(error);
}
void Interpreter::writeErr(std::string_view text) {
  flushOutQuietly();
  std::fwrite(text.data(), 1, text.size(), config_.err);
  std::fflush(config_.err);
  std::clearerr(config_.err);
}
void Interpreter::flushOut() {
  if (int error = out_->flush()) raiseOsError(error);
}
void Interpreter::flushOutQuietly() {
  out_->flush();
}
bool Interpreter::finishOutput() {
  int error = out_->flush();
  if (!error) return true;
  // CPython's words (flush_std_files at finalisation); its text stream's repr.
  const char* type = error == EPIPE ? "BrokenPipeError" : "OSError";
  writeErr(
      fmt::format("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                  "encoding='utf-8'>\n{}: [Errno {}] {}\n",
                  type, error, std::strerror(error)));
  return false;
}

std::optional<std::string_view> Interpreter::librarySourceByFilename(std::string_view filename) {
  std::string_view name = libraryModuleFromFilename(filename);
  if (name.empty()) return std::nullopt;
  std::optional<LibrarySource> library = catalog_.findLibrarySource(name);
  if (!library) return std::nullopt;
  return library->source;
}

std::string Interpreter::sourceLine(const std::string& filename, int line) {
  // The traceback of a MemoryError is printed when memory is short: without the line, then.
  try {
    return sourceLineOrThrow(filename, line);
  } catch (const std::bad_alloc&) {
    return "";
  }
}

std::string Interpreter::sourceLineOrThrow(const std::string& filename, int line) {
  auto it = sourceCache_.find(filename);
  if (it == sourceCache_.end()) {
    std::string text, error;
    std::vector<std::string> lines;
    if (std::optional<std::string_view> library = librarySourceByFilename(filename)) {
      std::istringstream in{std::string(*library)};
      std::string l;
      while (std::getline(in, l))
        lines.push_back(l);
    } else if (readSourceFile(filename, &text, &error)) {
      std::istringstream in(text);
      std::string l;
      while (std::getline(in, l))
        lines.push_back(l);
    }
    it = sourceCache_.emplace(filename, std::move(lines)).first;
  }
  if (line < 1 || static_cast<size_t>(line) > it->second.size()) return "";
  std::string l = it->second[line - 1];
  size_t b = l.find_first_not_of(" \t\f");
  size_t e = l.find_last_not_of(" \t\r\n\f");
  return b == std::string::npos ? "" : l.substr(b, e - b + 1);
}

Value Interpreter::compileSource(const std::string& source, const std::string& filename) {
  if (!utf8Valid(source)) throw SyntaxError("source is not valid UTF-8", 1, 1);
  // The front end may use this much stack (an import deep in a recursion has less left).
  if (VM* vm = VM::current(); vm && !vm->cStackLeft(kFrontEndStackBytes))
    raiseRecursionError("maximum recursion depth exceeded during compilation");
  Module module = parse(source);
  return compileModule(module, filename);
}

std::string Interpreter::formatSyntaxError(const SyntaxError& e, const std::string& filename,
                                           const std::string& source) {
  std::string out = fmt::format("{}:{}:{}: {}: {}\n", filename, e.line, e.col, e.kind, e.what());
  std::istringstream in(source);
  std::string line;
  for (int i = 1; std::getline(in, line); ++i) {
    if (i != e.line) continue;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out += "    " + line + "\n";
    std::string caret = "    ";
    size_t pos = 0;
    for (int col = 1; col < e.col && pos < line.size(); ++col) {
      caret += line[pos] == '\t' ? '\t' : ' ';
      decodeUtf8At(line, pos);
    }
    out += caret + "^\n";
    break;
  }
  return out;
}

void Interpreter::printException(VM& vm, const Value& exception) {
  try {
    formatAndPrintException(exception);
    return;
  } catch (const std::bad_alloc&) {
  }
  releaseMemoryReserve();
  try {
    formatAndPrintException(exception);
  } catch (const std::bad_alloc&) {
    // No memory left to format it: the type alone, as CPython's last resort prints.
    writeErr("MemoryError (while printing an exception)\n");
  }
  (void)vm;
}

void Interpreter::formatAndPrintException(const Value& exception) {
  writeErr(formatException(exception));
}

std::string Interpreter::formatException(const Value& exception) {
  std::string out;
  std::function<void(const Value&, int)> print = [&](const Value& exc, int depth) {
    auto* e = exc.as<ExceptionObject>();
    if (depth < 20) {
      if (!e->cause.isNull() && isExceptionInstance(e->cause)) {
        print(e->cause, depth + 1);
        out += "\nThe above exception was the direct cause of the following exception:\n\n";
      } else if (!e->context.isNull() && !e->suppressContext && isExceptionInstance(e->context)) {
        print(e->context, depth + 1);
        out += "\nDuring handling of the above exception, another exception occurred:\n\n";
      }
    }
    if (!e->traceback.empty()) {
      out += "Traceback (most recent call last):\n";
      // As CPython's traceback: past three identical entries in a row (a runaway recursion),
      // the rest are counted, not printed.
      constexpr int kShownRepeats = 3;
      const TracebackEntry* last = nullptr;
      int repeats = 0;
      auto flushRepeats = [&] {
        if (repeats > kShownRepeats)
          out += fmt::format("  [Previous line repeated {} more time{}]\n", repeats - kShownRepeats,
                             repeats - kShownRepeats == 1 ? "" : "s");
      };
      for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
        if (last && last->line == it->line && last->filename() == it->filename() &&
            last->function() == it->function()) {
          if (++repeats > kShownRepeats) continue;
        } else {
          flushRepeats();
          repeats = 1;
        }
        last = &*it;
        out += fmt::format("  File \"{}\", line {}, in {}\n", it->filename(), it->line,
                           it->function());
        std::string src = sourceLine(it->filename(), it->line);
        if (!src.empty()) out += "    " + src + "\n";
      }
      flushRepeats();
    }
    std::string message;
    try {
      message = str(exc);
    } catch (PyException&) {
      message = "<exception str() failed>";
    }
    TypeObject* type = exc.type();
    std::string name = type->moduleName == "builtins" || type->moduleName == "__main__"
                           ? type->name()
                           : type->moduleName + "." + type->name();
    out += message.empty() ? name + "\n" : name + ": " + message + "\n";
  };
  print(exception, 0);
  return out;
}

int Interpreter::exitStatusFor(VM& vm, const Value& exception) {
  auto* e = exception.as<ExceptionObject>();
  const auto& args = e->args.as<TupleObject>()->items();
  Value code = args.empty() ? Value::none() : (args.size() == 1 ? args[0] : e->args);
  if (code.isNone()) return kExitOk;
  if (isInt(code)) {
    int64_t status;
    if (intFitsInt64(code, &status)) return static_cast<int>(status & 0xff);
    return kExitException;
  }
  writeErr(str(code) + "\n");
  (void)vm;
  return kExitException;
}

Value Interpreter::makeSourceModule(const std::string& name, const std::string& filename) {
  Value module = Value::steal(new ModuleObject(name));
  DictObject* dict = module.as<ModuleObject>()->dict();
  dict->setStr("__file__", makeStr(filename));
  dict->setStr("__builtins__", builtins_);
  // A script run as __main__ has no package; runModuleSource sets an imported module's.
  dict->setStr("__package__", Value::none());
  dict->setStr("__spec__", Value::none());
  return module;
}

int Interpreter::onMainThread(const std::function<int()>& body) {
  return machine_->run([&] {
    // On the simulated machine the first thread runs on a fiber's stack, not on this one, and
    // native work charges the machine's clock (interp/objects/native_cost.h).
    if (simMachine_) {
      mainThread_->vm().adoptCurrentThreadStack();
      detail::tlsNativeCostClock = simMachine_->clock();
    }
    return body();
  });
}

int Interpreter::runSource(const std::string& source, const std::string& filename) {
  return onMainThread([&] { return runSourceOnMainThread(source, filename); });
}

int Interpreter::runSourceOnMainThread(const std::string& source, const std::string& filename) {
  VM& vm = mainVM();
  VM::Scope vmScope(&vm);
  Value codeValue;
  try {
    codeValue = compileSource(source, filename);
  } catch (const SyntaxError& e) {
    writeErr(formatSyntaxError(e, filename, source));
    processEnding(kExitException, mainThread_);
    return kExitException;
  } catch (const std::bad_alloc&) {
    writeErr("MemoryError\n");  // CPython's words when its parser runs out of memory
    processEnding(kExitException, mainThread_);
    return kExitException;
  }
  Value moduleValue = makeSourceModule("__main__", filename);
  auto* module = moduleValue.as<ModuleObject>();
  modules()->setStr("__main__", moduleValue);
  int status = kExitOk;
  bool interrupted = false;
  bool aborted = false;
  try {
    vm.runCode(codeValue.as<CodeObject>(), module->dict(), Value::borrow(module->dict()));
  } catch (PyException& e) {
    if (isInstance(e.exception, builtinTypes().SystemExit)) {
      status = exitStatusFor(vm, e.exception);
    } else {
      interrupted = isInstance(e.exception, builtinTypes().KeyboardInterrupt);
      printException(vm, e.exception);
      status = kExitException;
    }
  } catch (RunAborted& e) {
    writeErr("gilsim: run stopped: " + e.reason + "\n");
    status = kExitException;
    interrupted = true;
    aborted = true;
  }
  // Ctrl-C or a stopped run ends the program without waiting for the other threads (CPython
  // waits, and a second Ctrl-C is needed).
  if (!interrupted) waitForThreads(vm);
  // As CPython: atexit's functions after the threads are joined, multiprocessing's clean-up
  // (registered first in CPython, so run last) after them.
  if (!aborted) runAtexitHandlers(vm);
  finishProcesses(vm, interrupted);
  if (status == kExitOk && threadStopped_.load(std::memory_order_relaxed)) status = kExitException;
  if (!finishOutput()) status = kExitFlushFailed;
  // Joined threads may still be tidying up (they need the GIL for it): let them go, so that the
  // interpreter is torn down normally (and leak-checked) whenever no thread is left running.
  for (int spins = 0; spins < 1000 && threads_->count() > 1 && threads_->unfinishedCount() == 1;
       ++spins) {
    GilReleased released(vm, DropReason::Wait);
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  processEnding(status, mainThread_);
  if (threads_->count() > 1) {
    // Daemon threads (or the workers of an interrupted run) are still running Python code: end
    // the process here, as CPython ends daemon threads, rather than free what they are using.
    std::fflush(config_.err);
    std::_Exit(status);
  }
  return status;
}

void Interpreter::callExitHook(VM& vm, const char* moduleName, const char* function,
                               std::initializer_list<Value> args) {
  Value module = modules()->getStr(moduleName);
  if (module.isNull() || module.type()->layout() != Layout::Module) return;
  Value hook = module.as<ModuleObject>()->dict()->getStr(function);
  if (hook.isNull()) return;
  try {
    vm.call(hook, args);
  } catch (PyException& e) {
    printException(vm, e.exception);
  } catch (RunAborted& e) {
    writeErr("gilsim: run stopped: " + e.reason + "\n");
  }
}

void Interpreter::waitForThreads(VM& vm) {
  callExitHook(vm, "threading", "_shutdown", {});
}

void Interpreter::runAtexitHandlers(VM& vm) {
  callExitHook(vm, "atexit", "_run_exitfuncs", {});
}

void Interpreter::finishProcesses(VM& vm, bool interrupted) {
  callExitHook(vm, "multiprocessing", "_exit_function", {Value::boolean(interrupted)});
}

int Interpreter::runSpawnedChild(const std::string& path, int fd) {
  return onMainThread([&] { return runSpawnedChildOnMainThread(path, fd); });
}

int Interpreter::runSpawnedChildOnMainThread(const std::string& path, int fd) {
  std::string source;
  int status = kExitOk;
  if (!readScript(path, &source, &status)) return status;
  setScriptDirectory(directoryOf(path));
  VM& vm = mainVM();
  VM::Scope vmScope(&vm);
  try {
    Value multiprocessing = importModule(vm, "multiprocessing");
    DictObject* mp = multiprocessing.as<ModuleObject>()->dict();
    vm.call(mp->getStr("_spawn_prepare"), {});
    Value codeValue;
    try {
      codeValue = compileSource(source, path);
    } catch (const SyntaxError& e) {
      writeErr(formatSyntaxError(e, path, source));
      processEnding(kExitException, mainThread_);
      std::_Exit(kExitException);
    }
    Value moduleValue = makeSourceModule("__mp_main__", path);
    auto* module = moduleValue.as<ModuleObject>();
    modules()->setStr("__mp_main__", moduleValue);
    modules()->setStr("__main__", moduleValue);
    vm.runCode(codeValue.as<CodeObject>(), module->dict(), Value::borrow(module->dict()));
    vm.call(mp->getStr("_spawn_main"), {Value::integer(fd)});
  } catch (PyException& e) {
    int code = kExitException;
    if (isInstance(e.exception, builtinTypes().SystemExit))
      code = exitStatusFor(vm, e.exception);
    else
      printException(vm, e.exception);
    if (!finishOutput()) code = kExitFlushFailed;
    processEnding(code, mainThread_);
    std::_Exit(code);
  } catch (RunAborted& e) {
    writeErr("gilsim: run stopped: " + e.reason + "\n");
  }
  // _spawn_main ends the process itself; reaching here means it could not run.
  flushOutQuietly();
  processEnding(kExitException, mainThread_);
  std::_Exit(kExitException);
}

bool Interpreter::readScript(const std::string& path, std::string* sourceOut, int* status) {
  std::string& source = *sourceOut;
  std::string error;
  if (!readSourceFile(path, &source, &error)) {
    writeErr("gilsim: " + error + "\n");
    *status = kExitUsage;
    return false;
  }
  if (!utf8Valid(source)) {
    // CPython: SyntaxError: (unicode error) 'utf-8' codec can't decode byte ...
    size_t pos = 0;
    int line = 1;
    while (pos < source.size()) {
      size_t probe = pos;
      unsigned char c = static_cast<unsigned char>(source[pos]);
      if (c == '\n') ++line;
      if (c < 0x80) {
        ++pos;
        continue;
      }
      std::string_view rest(source.data() + pos, std::min<size_t>(4, source.size() - pos));
      size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
      if (len == 0 || !utf8Valid(rest.substr(0, std::min(len, rest.size())))) break;
      pos = probe + len;
    }
    writeErr(fmt::format(
        "{}:{}:1: SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} "
        "(the file is not valid UTF-8)\n",
        path, line, static_cast<unsigned char>(source[pos < source.size() ? pos : 0]), path));
    *status = kExitException;
    return false;
  }
  return true;
}

int Interpreter::runFile(const std::string& path) {
  std::string source;
  int status = kExitOk;
  if (!readScript(path, &source, &status)) return status;
  setScriptDirectory(directoryOf(path));
  return runSource(source, path);
}

nlohmann::ordered_json Interpreter::runSettings() {
  return {
      {"gil", config_.gilPolicy},
      {"switch_interval_s", static_cast<double>(gil_->switchInterval()) / 1e9},
      {"check_interval", gil_->checkInterval()},
      {"check_points", config_.checkPoints == CheckPointMode::Every ? "every" : "branches"},
      {"recursion_limit", recursionLimit_},
      {"recording", recorder_->enabled()},
      {"trace_buffer", config_.traceCapacity},
      {"check_point_budget", config_.checkPointBudget},
      {"backend", config_.simulate ? "sim" : "real"},
      {"cores", config_.simulate ? nlohmann::ordered_json(config_.sim.cores) : nullptr},
      {"seed", config_.simulate ? nlohmann::ordered_json(config_.sim.seed) : nullptr},
      {"wake_latency_s",
       config_.simulate ? nlohmann::ordered_json(static_cast<double>(config_.sim.wakeLatency) / 1e9)
                        : nullptr},
      {"jitter", config_.simulate ? nlohmann::ordered_json(config_.sim.jitter) : nullptr},
      {"cost_table_version",
       config_.simulate ? nlohmann::ordered_json(kCostTableVersion) : nullptr}};
}

std::string Interpreter::disassemble(const std::string& source, const std::string& filename) {
  Value code = compileSource(source, filename);
  return gilsim::disassemble(*code.as<CodeObject>());
}

EvalBreaker& Interpreter::interruptTarget() {
  return mainVM().breaker();
}

}  // namespace gilsim
