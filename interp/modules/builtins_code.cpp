#include "interp/modules/builtins_code.h"

#include <algorithm>
#include <set>

#include "interp/common/unicode.h"
#include "interp/compiler/compiler.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/syntax/parser.h"
#include "interp/syntax/syntax_error.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

// __import__(name, globals=None, locals=None, fromlist=(), level=0), as importlib's.
Value builtinImport(VM& vm, CallArgs args) {
  static constexpr std::string_view kNames[] = {"name", "globals", "locals", "fromlist", "level"};
  Value values[5];
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    for (size_t i = 0; i < 5; ++i)
      if (kNames[i] == name) {
        values[i] = v;
        return;
      }
    raiseTypeError("'{}' is an invalid keyword argument for __import__()", name);
  });
  if (npos > 5) raiseTypeError("__import__() takes at most 5 arguments ({} given)", npos);
  for (size_t i = 0; i < npos; ++i)
    values[i] = args[i];
  if (values[0].isNull()) raiseTypeError("__import__() missing required argument 'name' (pos 1)");
  if (!isStr(values[0]))
    raiseTypeError("__import__() argument 1 must be str, not {}", typeName(values[0]));
  DictObject* globals = nullptr;
  if (!values[1].isNull() && !values[1].isNone()) {
    if (values[1].type()->layout() != Layout::Dict) raiseTypeError("globals must be a dict");
    globals = values[1].as<DictObject>();
  }
  int64_t level = 0;
  if (!values[4].isNull() && !intFitsInt64(values[4], &level))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(values[4]));
  return vm.interp().importName(vm, asStr(values[0])->str(), globals, values[3],
                                static_cast<int>(level));
}

Frame* callerFrame(VM& vm, const char* function) {
  Frame* frame = vm.currentFrame();
  if (!frame || !frame->code || !frame->globals)
    raiseRuntimeError("{}(): no current frame", function);
  return frame;
}

// locals(): the namespace of a module or class body, or a snapshot of a function's variables
// (writing to it changes nothing, as in CPython 3.11).
Value callerLocals(VM& vm, const char* function) {
  Frame* frame = callerFrame(vm, function);
  if (!frame->locals.isNull()) return frame->locals;
  CodeObject* code = frame->code;
  Value snapshot = makeDict();
  auto* d = snapshot.as<DictObject>();
  size_t nvars = code->varnames.size();
  for (size_t i = 0; i < nvars; ++i) {
    const Value& v = frame->base[i];
    if (!v.isNull() && !(v.isObject() && v.object()->type() == builtinTypes().cell))
      d->setStr(code->varnames[i], v);
  }
  auto cellValue = [&](size_t slot, const std::string& name) {
    const Value& cell = frame->base[slot];
    if (cell.isObject() && cell.object()->type() == builtinTypes().cell &&
        !cell.as<CellObject>()->value.isNull())
      d->setStr(name, cell.as<CellObject>()->value);
  };
  for (size_t i = 0; i < code->cellvars.size(); ++i)
    cellValue(nvars + i, code->cellvars[i]);
  for (size_t i = 0; i < code->freevars.size(); ++i)
    cellValue(nvars + code->cellvars.size() + i, code->freevars[i]);
  return snapshot;
}

Value builtinGlobals(VM& vm, CallArgs args) {
  expectArgs("globals", args, 0, 0);
  return Value::borrow(callerFrame(vm, "globals")->globals);
}

Value builtinLocals(VM& vm, CallArgs args) {
  expectArgs("locals", args, 0, 0);
  return callerLocals(vm, "locals");
}

Value builtinVars(VM& vm, CallArgs args) {
  expectArgs("vars", args, 0, 1);
  if (args.count == 0) return callerLocals(vm, "vars");
  Value dict = getAttrOrNull(args[0], asStr(makeStr("__dict__")));
  if (dict.isNull()) raiseTypeError("vars() argument must have __dict__ attribute");
  return dict;
}

void addKeys(std::set<std::string>& names, DictObject* dict) {
  if (!dict) return;
  for (const auto& e : dict->entries())
    if (!e.key.isNull() && isStr(e.key)) names.insert(asStr(e.key)->str());
}

Value sortedNames(const std::set<std::string>& names) {
  std::vector<Value> out;
  out.reserve(names.size());
  for (const std::string& n : names)
    out.push_back(makeStr(n));
  return makeList(std::move(out));
}

Value builtinDir(VM& vm, CallArgs args) {
  expectArgs("dir", args, 0, 1);
  std::set<std::string> names;
  if (args.count == 0) {
    addKeys(names, callerLocals(vm, "dir").as<DictObject>());
    return sortedNames(names);
  }
  const Value& obj = args[0];
  if (!obj.type()->isBuiltin()) {
    Value hook = obj.type()->lookup("__dir__");
    if (!hook.isNull()) {
      std::vector<Value> items = toVector(vm.call(hook, {obj}));
      std::vector<Value> result(items);
      std::sort(result.begin(), result.end(),
                [](const Value& a, const Value& b) { return lessThan(a, b); });
      return makeList(std::move(result));
    }
  }
  if (obj.isObject() && obj.type()->layout() == Layout::Module) {
    addKeys(names, obj.as<ModuleObject>()->dict());
    return sortedNames(names);
  }
  if (obj.isObject() && obj.type()->layout() == Layout::Type) {
    for (TypeObject* t : obj.as<TypeObject>()->mro())
      addKeys(names, t->dict());
    if (obj.as<TypeObject>() != builtinTypes().object)
      addKeys(names, builtinTypes().object->dict());
    for (const char* n : {"__class__", "__doc__", "__module__", "__dict__"})
      names.insert(n);
    return sortedNames(names);
  }
  if (obj.isObject()) addKeys(names, obj.object()->instanceDict());
  for (TypeObject* t : obj.type()->mro())
    addKeys(names, t->dict());
  names.insert("__class__");
  names.insert("__doc__");
  if (!obj.type()->isBuiltin()) names.insert("__module__");
  return sortedNames(names);
}

// The source of eval/exec/compile: a str, or UTF-8 bytes.
std::string sourceText(const Value& source, const char* function) {
  if (isStr(source)) return asStr(source)->str();
  if (isBytes(source)) {
    const std::string& data = source.as<BytesObject>()->data();
    if (!utf8Valid(data)) raiseSyntaxError("source code is not valid UTF-8");
    return data;
  }
  raiseTypeError("{}() arg 1 must be a string, bytes or code object", function);
}

// SyntaxError as CPython raises it from compile(): "msg (filename, line N)", with the details
// as attributes.
[[noreturn]] void raiseCompileError(const SyntaxError& e, const std::string& filename,
                                    const std::string& source) {
  TypeObject* type = builtinTypes().SyntaxError;
  if (e.kind == "IndentationError") type = builtinTypes().IndentationError;
  if (e.kind == "TabError") type = builtinTypes().TabError;
  Value exception = newException(type, fmt::format("{} ({}, line {})", e.what(), filename, e.line));
  DictObject* d = exception.as<ExceptionObject>()->dict();
  std::string text;
  size_t start = 0;
  for (int line = 1; line < e.line && start != std::string::npos; ++line) {
    start = source.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start != std::string::npos && start <= source.size())
    text = source.substr(start, source.find('\n', start) - start);
  d->setStr("msg", makeStr(e.what()));
  d->setStr("filename", makeStr(filename));
  d->setStr("lineno", Value::integer(e.line));
  d->setStr("offset", Value::integer(e.col));
  d->setStr("text", makeStr(text));
  raiseException(std::move(exception));
}

Value displayHook(VM& vm, CallArgs args) {
  expectArgs("displayhook", args, 1, 1);
  if (args[0].isNone()) return Value::none();
  vm.interp().builtins()->setStr("_", args[0]);
  vm.interp().writeOut(repr(args[0]) + "\n");
  return Value::none();
}

Value compileText(const std::string& text, const std::string& filename, CompileMode mode) {
  std::string source = text;
  if (mode == CompileMode::Eval) {
    // eval() ignores leading blanks, as CPython's does.
    size_t first = source.find_first_not_of(" \t");
    source = first == std::string::npos ? "" : source.substr(first);
  }
  try {
    Module module = parse(source);
    static const Value hook = [] {
      Value fn = makeNative("displayhook", displayHook);
      fn.object()->makeImmortal();
      return fn;
    }();
    return compileModule(module, filename, mode, hook);
  } catch (const SyntaxError& e) {
    raiseCompileError(e, filename, source);
  }
}

bool isCode(const Value& v) {
  return v.isObject() && v.type()->layout() == Layout::Code;
}

// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)
Value builtinCompile(VM&, CallArgs args) {
  static constexpr std::string_view kNames[] = {
      "source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"};
  Value values[7];
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    for (size_t i = 0; i < 7; ++i)
      if (kNames[i] == name) {
        values[i] = v;
        return;
      }
    raiseTypeError("compile() got an unexpected keyword argument '{}'", name);
  });
  if (npos > 6) raiseTypeError("compile() takes at most 6 arguments ({} given)", npos);
  for (size_t i = 0; i < npos; ++i)
    values[i] = args[i];
  for (size_t i = 0; i < 3; ++i)
    if (values[i].isNull())
      raiseTypeError("compile() missing required argument '{}' (pos {})", kNames[i], i + 1);
  if (isCode(values[0])) return values[0];
  if (!isStr(values[1]) && !isBytes(values[1]))
    raiseTypeError("compile() argument 'filename' must be str, not {}", typeName(values[1]));
  if (!isStr(values[2]))
    raiseTypeError("compile() argument 'mode' must be str, not {}", typeName(values[2]));
  int64_t flags = 0;
  if (!values[3].isNull() && (!intFitsInt64(values[3], &flags) || flags != 0))
    raiseValueError(
        "compile() flags are not supported by gilsim (ast.PyCF_* and __future__ "
        "flags)");
  std::string mode = asStr(values[2])->str();
  CompileMode compileMode;
  if (mode == "exec")
    compileMode = CompileMode::Exec;
  else if (mode == "eval")
    compileMode = CompileMode::Eval;
  else if (mode == "single")
    compileMode = CompileMode::Single;
  else
    raiseValueError("compile() mode must be 'exec', 'eval' or 'single'");
  std::string filename =
      isStr(values[1]) ? asStr(values[1])->str() : values[1].as<BytesObject>()->data();
  return compileText(sourceText(values[0], "compile"), filename, compileMode);
}

// eval/exec(source, globals=None, locals=None): the caller's namespaces by default.
Value runSource(VM& vm, CallArgs args, const char* function, CompileMode mode) {
  Value source, globals, locals;
  size_t npos = forEachKeyword(args, [&](std::string_view name, const Value& v) {
    if (name == "globals")
      globals = v;
    else if (name == "locals")
      locals = v;
    else
      raiseTypeError("{}() got an unexpected keyword argument '{}'", function, name);
  });
  if (npos < 1) raiseTypeError("{}() missing required argument 'source' (pos 1)", function);
  if (npos > 3) raiseTypeError("{} expected at most 3 arguments, got {}", function, npos);
  source = args[0];
  if (npos > 1) globals = args[1];
  if (npos > 2) locals = args[2];
  if (!globals.isNull() && !globals.isNone() && !isDict(globals))
    raiseTypeError("{}() globals must be a dict, not {}", function, typeName(globals));
  if (!locals.isNull() && !locals.isNone() && !isDict(locals))
    raiseTypeError("locals must be a mapping");
  if (globals.isNull() || globals.isNone()) {
    globals = Value::borrow(callerFrame(vm, function)->globals);
    if (locals.isNull() || locals.isNone()) locals = callerLocals(vm, function);
  } else if (locals.isNull() || locals.isNone()) {
    locals = globals;
  }
  auto* globalsDict = globals.as<DictObject>();
  if (globalsDict->getStr("__builtins__").isNull())
    globalsDict->setStr("__builtins__", Value::borrow(vm.interp().builtins()));
  Value code =
      isCode(source) ? source : compileText(sourceText(source, function), "<string>", mode);
  Value result = vm.runCode(code.as<CodeObject>(), globalsDict, locals);
  return mode == CompileMode::Eval ? result : Value::none();
}

Value builtinEval(VM& vm, CallArgs args) {
  return runSource(vm, args, "eval", CompileMode::Eval);
}

Value builtinExec(VM& vm, CallArgs args) {
  return runSource(vm, args, "exec", CompileMode::Exec);
}

}  // namespace

void populateCodeBuiltins(DictObject* d) {
  d->setStr("__import__", makeNative("__import__", builtinImport));
  struct Fn {
    const char* name;
    NativeFn fn;
  };
  for (const Fn& f : {Fn{"globals", builtinGlobals}, Fn{"locals", builtinLocals},
                      Fn{"vars", builtinVars}, Fn{"dir", builtinDir}, Fn{"compile", builtinCompile},
                      Fn{"eval", builtinEval}, Fn{"exec", builtinExec}})
    d->setStr(f.name, makeNative(f.name, f.fn));
}

}  // namespace gilsim
