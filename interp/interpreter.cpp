#include "interp/interpreter.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "interp/builtins.h"
#include "interp/class_object.h"
#include "interp/code.h"
#include "interp/compiler.h"
#include "interp/containers.h"
#include "interp/dict_object.h"
#include "interp/errors.h"
#include "interp/int_object.h"
#include "interp/native_modules.h"
#include "interp/operators.h"
#include "interp/parser.h"
#include "interp/run_aborted.h"
#include "interp/str_object.h"
#include "interp/syntax_error.h"
#include "interp/vm.h"

namespace gilsim {

Interpreter::Interpreter(InterpreterConfig config) : config_(std::move(config)) {
  ensureBuiltinTypes();
  heap_ = std::make_unique<Heap>();
  heapScope_ = std::make_unique<Heap::Scope>(heap_.get());
  builtins_ = makeDict();
  populateBuiltins(builtins_.as<DictObject>());
  modules_ = makeDict();
  mainVM_ = std::make_unique<VM>(*this);
}

Interpreter::~Interpreter() {
  flushOut();
  {
    VM::Scope scope(mainVM_.get());
    // Break the module <-> function cycles first, as CPython's finalisation does, then free the
    // rest (including user-made cycles) through the heap.
    for (const auto& e : modules_.as<DictObject>()->entries())
      if (!e.value.isNull() && e.value.type()->layout() == Layout::Module)
        e.value.as<ModuleObject>()->dict()->clear();
    modules_ = Value();
    builtins_ = Value();
    mainVM_->handledException = Value();
    heap_->collectAll();
  }
  mainVM_.reset();
  heapScope_.reset();
  heap_.reset();
}

DictObject* Interpreter::builtins() const {
  return builtins_.as<DictObject>();
}
DictObject* Interpreter::modules() const {
  return modules_.as<DictObject>();
}

void Interpreter::writeOut(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), config_.out);
}
void Interpreter::writeErr(std::string_view text) {
  flushOut();
  std::fwrite(text.data(), 1, text.size(), config_.err);
  std::fflush(config_.err);
}
void Interpreter::flushOut() {
  std::fflush(config_.out);
}

namespace {

bool readFile(const std::string& path, std::string* out, std::string* error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    *error = "can't open file '" + path + "': [Errno 2] No such file or directory";
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = "can't open file '" + path + "': [Errno 21] Is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "can't open file '" + path + "': [Errno 13] Permission denied";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string directoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

}  // namespace

std::string Interpreter::sourceLine(const std::string& filename, int line) {
  auto it = sourceCache_.find(filename);
  if (it == sourceCache_.end()) {
    std::string text, error;
    std::vector<std::string> lines;
    if (readFile(filename, &text, &error)) {
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
      for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
        out += fmt::format("  File \"{}\", line {}, in {}\n", it->filename, it->line, it->function);
        std::string src = sourceLine(it->filename, it->line);
        if (!src.empty()) out += "    " + src + "\n";
      }
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
  (void)vm;
  writeErr(out);
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

int Interpreter::runSource(const std::string& source, const std::string& filename) {
  VM& vm = *mainVM_;
  VM::Scope vmScope(&vm);
  Value codeValue;
  try {
    codeValue = compileSource(source, filename);
  } catch (const SyntaxError& e) {
    writeErr(formatSyntaxError(e, filename, source));
    return kExitException;
  }
  auto module = new ModuleObject("__main__");
  Value moduleValue = Value::steal(module);
  module->dict()->setStr("__file__", makeStr(filename));
  module->dict()->setStr("__builtins__", builtins_);
  modules()->setStr("__main__", moduleValue);
  try {
    vm.runCode(codeValue.as<CodeObject>(), module->dict(), Value::borrow(module->dict()));
  } catch (PyException& e) {
    if (isInstance(e.exception, builtinTypes().SystemExit)) return exitStatusFor(vm, e.exception);
    printException(vm, e.exception);
    return kExitException;
  } catch (RunAborted& e) {
    writeErr("gilsim: run stopped: " + e.reason + "\n");
    return kExitException;
  }
  flushOut();
  return kExitOk;
}

bool Interpreter::readScript(const std::string& path, std::string* sourceOut, int* status) {
  std::string& source = *sourceOut;
  std::string error;
  if (!readFile(path, &source, &error)) {
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
  scriptDirectory = directoryOf(path);
  return runSource(source, path);
}

Value Interpreter::loadSourceModule(VM& vm, const std::string& name, const std::string& path) {
  std::string source, error;
  if (!readFile(path, &source, &error)) raiseImportError("{}", error);
  Value codeValue;
  try {
    codeValue = compileSource(source, path);
  } catch (const SyntaxError& e) {
    raiseSyntaxError("{}", formatSyntaxError(e, path, source));
  }
  auto module = new ModuleObject(name);
  Value moduleValue = Value::steal(module);
  module->dict()->setStr("__file__", makeStr(path));
  module->dict()->setStr("__builtins__", builtins_);
  modules()->setStr(name, moduleValue);
  try {
    vm.runCode(codeValue.as<CodeObject>(), module->dict(), Value::borrow(module->dict()));
  } catch (...) {
    modules()->remove(makeStr(name));
    throw;
  }
  return moduleValue;
}

Value Interpreter::importModule(VM& vm, const std::string& name) {
  Value cached = modules()->getStr(name);
  if (!cached.isNull()) return cached;
  if (NativeModuleInit init = findNativeModule(name)) {
    auto module = new ModuleObject(name);
    Value moduleValue = Value::steal(module);
    init(vm, module);
    modules()->setStr(name, moduleValue);
    return moduleValue;
  }
  if (name.find('.') == std::string::npos && !name.empty()) {
    std::string path = (scriptDirectory.empty() ? "." : scriptDirectory) + "/" + name + ".py";
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      return loadSourceModule(vm, name, path);
  }
  Value exc = newException(builtinTypes().ModuleNotFoundError, "No module named '" + name + "'");
  raiseException(std::move(exc));
}

}  // namespace gilsim
