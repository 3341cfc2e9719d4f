// Calls: argument binding, frame set-up, and VM::call for native code calling back into Python.
#include <algorithm>
#include <cstdlib>

#include <pthread.h>

#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_constructors.h"
#include "interp/vm/generator_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"
#include "interp/vm/vm_inline.h"

namespace gilsim {

namespace {
thread_local VM* tlsCurrentVM = nullptr;
// Value-stack capacity per thread, in slots (16 bytes each); reserved, touched only as used.
constexpr size_t kValueStackSlots = size_t{1} << 20;
// Keep this much C++ stack in reserve when native code re-enters the eval loop.
constexpr size_t kCStackReserve = 256 * 1024;

std::string joinNames(const std::vector<std::string>& names) {
  // CPython: 'a', 'a' and 'b', 'a', 'b', and 'c'
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}
}  // namespace

VM* VM::current() {
  return tlsCurrentVM;
}
VM::Scope::Scope(VM* vm) : previous_(tlsCurrentVM) {
  tlsCurrentVM = vm;
}
VM::Scope::~Scope() {
  tlsCurrentVM = previous_;
}

VM::VM(Interpreter& interp, ThreadState& thread)
    : interp_(interp), thread_(thread), sim_(interp.simMachine()), builtins_(interp.builtins()) {
  stackMemory_ = static_cast<Value*>(std::malloc(kValueStackSlots * sizeof(Value)));
  if (!stackMemory_) throw std::bad_alloc();
  stackLimit_ = stackMemory_ + kValueStackSlots;
  highWater_ = stackMemory_;
}

void VM::adoptCurrentThreadStack() {
  // The lowest usable address of this thread's C++ stack, as the machine knows it.
  uintptr_t stackLow = interp_.machine().currentStack().low;
  if (stackLow == 0)  // unknown: assume 8 MiB below the current frame
    stackLow = reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) - (8u << 20);
  cStackLimit_ = stackLow + kCStackReserve;
}

void* VM::saveCurrent() {
  return tlsCurrentVM;
}

void VM::restoreCurrent(void* vm) {
  tlsCurrentVM = static_cast<VM*>(vm);
}

void VM::releaseValues() {
  handledException = Value();
  for (Value* p = stackMemory_; p < highWater_; ++p)
    *p = Value();
}

VM::~VM() {
  frameChunks_.clear();
  for (Value* p = stackMemory_; p < highWater_; ++p)
    p->~Value();
  std::free(stackMemory_);
}

void VM::checkCStack() {
  if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < cStackLimit_)
    raiseRecursionError("maximum recursion depth exceeded");
}

void VM::enterNativeRecursion(const char* where) {
  if (depth_ + nativeDepth_ >= interp_.recursionLimit())
    raiseRecursionError("maximum recursion depth exceeded{}", where);
  checkNativeStack(where);
  ++nativeDepth_;
}

void VM::checkNativeStack(const char* where) {
  if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < cStackLimit_)
    raiseRecursionError("maximum recursion depth exceeded{}", where);
}

void VM::bindArguments(FunctionObject* fn, Value* locals, CallArgs args) {
  CodeObject* code = fn->code();
  const std::string& name = fn->qualname;
  size_t nkw = args.keywordCount();
  size_t npos = args.count - nkw;
  std::vector<Value> given(args.args, args.args + args.count);
  size_t argCount = static_cast<size_t>(code->argCount);
  size_t kwOnly = static_cast<size_t>(code->keywordOnlyCount);
  bool varargs = code->flags & kCodeVarargs;
  bool varkw = code->flags & kCodeVarKeywords;
  size_t varargsSlot = argCount + kwOnly;
  size_t varkwSlot = varargsSlot + (varargs ? 1 : 0);
  // Bind into a scratch array first: a TypeError must leave the value stack untouched.
  std::vector<Value> bound(varkwSlot + (varkw ? 1 : 0));
  if (npos > argCount && !varargs) {
    size_t defaults = fn->defaults.isNull() ? 0 : fn->defaults.as<TupleObject>()->size();
    std::string takes = defaults ? fmt::format("from {} to {}", argCount - defaults, argCount)
                                 : std::to_string(argCount);
    raiseTypeError("{}() takes {} positional argument{} but {} {} given", name, takes,
                   argCount == 1 && !defaults ? "" : "s", npos, npos == 1 ? "was" : "were");
  }
  for (size_t i = 0; i < std::min(npos, argCount); ++i)
    bound[i] = given[i];
  if (varargs) {
    std::vector<Value> extra;
    for (size_t i = argCount; i < npos; ++i)
      extra.push_back(given[i]);
    bound[varargsSlot] = makeTuple(std::move(extra));
  }
  Value kwdict;
  if (varkw) {
    kwdict = makeDict();
    bound[varkwSlot] = kwdict;
  }
  for (size_t k = 0; k < nkw; ++k) {
    StrObject* key = asStr(args.kwnames->items()[k]);
    size_t slot = SIZE_MAX;
    for (size_t i = static_cast<size_t>(code->positionalOnlyCount); i < argCount + kwOnly; ++i) {
      if (code->varnames[i] == key->view()) {
        slot = i;
        break;
      }
    }
    if (slot == SIZE_MAX) {
      if (varkw) {
        kwdict.as<DictObject>()->set(Value::borrow(key), given[npos + k]);
        continue;
      }
      for (int i = 0; i < code->positionalOnlyCount; ++i)
        if (code->varnames[i] == key->view())
          raiseTypeError(
              "{}() got some positional-only arguments passed as keyword arguments: '{}'", name,
              key->view());
      raiseTypeError("{}() got an unexpected keyword argument '{}'", name, key->view());
    }
    if (!bound[slot].isNull())
      raiseTypeError("{}() got multiple values for argument '{}'", name, key->view());
    bound[slot] = given[npos + k];
  }
  // Defaults for missing positional parameters.
  std::vector<std::string> missing;
  size_t ndefaults = fn->defaults.isNull() ? 0 : fn->defaults.as<TupleObject>()->size();
  size_t firstDefault = argCount - ndefaults;
  for (size_t i = 0; i < argCount; ++i) {
    if (!bound[i].isNull()) continue;
    if (i >= firstDefault)
      bound[i] = fn->defaults.as<TupleObject>()->items()[i - firstDefault];
    else
      missing.push_back(code->varnames[i]);
  }
  if (!missing.empty())
    raiseTypeError("{}() missing {} required positional argument{}: {}", name, missing.size(),
                   missing.size() == 1 ? "" : "s", joinNames(missing));
  for (size_t i = argCount; i < argCount + kwOnly; ++i) {
    if (!bound[i].isNull()) continue;
    Value dflt = fn->kwdefaults.isNull()
                     ? Value()
                     : fn->kwdefaults.as<DictObject>()->getStr(code->varnames[i]);
    if (dflt.isNull())
      missing.push_back(code->varnames[i]);
    else
      bound[i] = dflt;
  }
  if (!missing.empty())
    raiseTypeError("{}() missing {} required keyword-only argument{}: {}", name, missing.size(),
                   missing.size() == 1 ? "" : "s", joinNames(missing));
  for (size_t i = 0; i < args.count; ++i)
    args.args[i] = Value();
  for (size_t i = 0; i < bound.size(); ++i)
    locals[i] = std::move(bound[i]);
}

Value* VM::freeStackStart() const {
  return frame_ ? frame_->base + frame_->code->frameSize() : stackMemory_;
}

void VM::reserveStack(Value* from, Value* to) {
  if (to > stackLimit_ || from > stackLimit_)
    raiseRecursionError("maximum recursion depth exceeded (value stack exhausted)");
  while (highWater_ < to)
    new (highWater_++) Value();
}

namespace {
void initCells(CodeObject* code, Value* base, const Value& closure) {
  size_t nvars = code->varnames.size();
  for (size_t i = 0; i < code->cellvars.size(); ++i) {
    int param = code->cellParameterIndex[i];
    Value initial = param >= 0 ? base[param] : Value();
    base[nvars + i] = Value::steal(new CellObject(std::move(initial)));
  }
  if (!code->freevars.empty()) {
    const auto& cells = closure.as<TupleObject>()->items();
    for (size_t j = 0; j < code->freevars.size(); ++j)
      base[nvars + code->cellvars.size() + j] = cells[j];
  }
}
}  // namespace

Frame* VM::setupCall(FunctionObject* fn, Value* base, CallArgs args, Value* resultSlot) {
  CodeObject* code = fn->code();
  if (depth_ + nativeDepth_ >= interp_.recursionLimit())
    raiseRecursionError("maximum recursion depth exceeded");
  Value* end = base + code->frameSize();
  if (end > stackLimit_ || base + args.count > stackLimit_)
    raiseRecursionError("maximum recursion depth exceeded (value stack exhausted)");
  while (highWater_ < end)
    new (highWater_++) Value();
  bool simple = !args.kwnames && args.count == static_cast<size_t>(code->argCount) &&
                (code->flags & (kCodeVarargs | kCodeVarKeywords)) == 0 &&
                code->keywordOnlyCount == 0;
  if (!simple) bindArguments(fn, base, args);
  if (!(code->flags & kCodeNoFreeOrCells)) initCells(code, base, fn->closure);
  Frame* f = pushFrame(code, fn, fn->globals(), base);
  f->resultSlot = resultSlot;
  return f;
}

Value VM::runCode(CodeObject* code, DictObject* globals, const Value& locals,
                  const Value& closure) {
  checkCStack();
  if (depth_ + nativeDepth_ >= interp_.recursionLimit())
    raiseRecursionError("maximum recursion depth exceeded");
  Value* base = frame_ ? frame_->base + frame_->code->frameSize() : stackMemory_;
  Value* end = base + code->frameSize();
  if (end > stackLimit_)
    raiseRecursionError("maximum recursion depth exceeded (value stack exhausted)");
  while (highWater_ < end)
    new (highWater_++) Value();
  initCells(code, base, closure);
  Frame* f = pushFrame(code, nullptr, globals, base);
  f->locals = locals;
  f->entry = true;
  return run(f);
}

Value VM::call(const Value& callable, CallArgs args) {
  if (!callable.isObject()) raiseTypeError("'{}' object is not callable", typeName(callable));
  Object* o = callable.object();
  TypeObject* type = o->type();
  const BuiltinTypes& t = builtinTypes();
  if (type == t.function) {
    checkCStack();
    auto* fn = static_cast<FunctionObject*>(o);
    if (fn->code()->flags & kCodeGenerator) return makeGenerator(*this, fn, callable, args);
    Value keepAlive = callable;
    Value* base = frame_ ? frame_->base + frame_->code->frameSize() : stackMemory_;
    if (base + args.count + 1 > stackLimit_)
      raiseRecursionError("maximum recursion depth exceeded");
    while (highWater_ < base + args.count)
      new (highWater_++) Value();
    for (size_t i = 0; i < args.count; ++i)
      base[i] = args.args[i];
    Frame* f;
    try {
      f = setupCall(fn, base, CallArgs{base, args.count, args.kwnames}, nullptr);
    } catch (...) {
      for (size_t i = 0; i < args.count; ++i)
        base[i] = Value();
      throw;
    }
    f->entry = true;
    return run(f);
  }
  if (type == t.method) {
    auto* m = static_cast<BoundMethodObject*>(o);
    std::vector<Value> all;
    all.reserve(args.count + 1);
    all.push_back(m->self);
    all.insert(all.end(), args.args, args.args + args.count);
    Value fn = m->function;
    return call(fn, CallArgs{all.data(), all.size(), args.kwnames});
  }
  if (type == t.builtinFunction) {
    auto* nf = static_cast<NativeFunctionObject*>(o);
    Value keepAlive = callable;
    chargeNativeWork(NativeCosts::kNativeCall);
    return nf->fn()(*this, args);
  }
  if (type == t.type || (type->layout() == Layout::Type)) {
    // A metaclass's own __call__ (a singleton, say) runs instead of type.__call__.
    if (!type->isBuiltin()) {
      Value hook = type->lookupOverride("__call__");
      if (!hook.isNull()) {
        std::vector<Value> all;
        all.reserve(args.count + 1);
        all.push_back(callable);
        all.insert(all.end(), args.args, args.args + args.count);
        return call(hook, CallArgs{all.data(), all.size(), args.kwnames});
      }
    }
    return callType(*this, static_cast<TypeObject*>(o), args);
  }
  if (type == t.staticMethod || type == t.classMethod) {
    raiseTypeError("'{}' object is not callable", type->name());
  }
  Value hook = type->lookup("__call__");
  if (!hook.isNull() && !type->isBuiltin()) {
    std::vector<Value> all;
    all.reserve(args.count + 1);
    all.push_back(callable);
    all.insert(all.end(), args.args, args.args + args.count);
    return call(hook, CallArgs{all.data(), all.size(), args.kwnames});
  }
  raiseTypeError("'{}' object is not callable", type->name());
}

Value VM::call(const Value& callable, std::initializer_list<Value> args) {
  std::vector<Value> v(args);
  return call(callable, CallArgs{v.data(), v.size(), nullptr});
}

Value VM::callWithKeywords(const Value& callable, std::vector<Value> positional,
                           std::vector<std::pair<std::string, Value>> keywords) {
  std::vector<Value> names;
  for (auto& [name, value] : keywords) {
    names.push_back(makeStr(name));
    positional.push_back(value);
  }
  Value kwnames = makeTuple(std::move(names));
  return call(callable, CallArgs{positional.data(), positional.size(),
                                 keywords.empty() ? nullptr : kwnames.as<TupleObject>()});
}

}  // namespace gilsim
