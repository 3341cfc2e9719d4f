#include "interp/vm/generator_object.h"

#include "interp/vm/coroutine_object.h"

#include "interp/common/opcodes.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"
#include "interp/vm/vm_inline.h"

namespace gilsim {

GeneratorObject::GeneratorObject(TypeObject* type, Value function, std::vector<Value> s)
    : TrackedObject(type), functionValue(std::move(function)), slots(std::move(s)) {}

GeneratorObject::~GeneratorObject() {
  if (!started && !finished && type() == coroutineType()) warnCoroutineNeverAwaited(this);
}

GeneratorObject* asGeneratorObject(const Value& v) {
  if (!v.isObject()) return nullptr;
  TypeObject* type = v.type();
  if (type == builtinTypes().generator || type == coroutineType() || type == asyncGeneratorType())
    return v.as<GeneratorObject>();
  return nullptr;
}

FunctionObject* GeneratorObject::function() const {
  return functionValue.as<FunctionObject>();
}
CodeObject* GeneratorObject::code() const {
  return function()->code();
}

void GeneratorObject::clearReferences() {
  slots.clear();
  functionValue = Value();
}

Value makeGenerator(VM& vm, FunctionObject* fn, const Value& fnValue, CallArgs args) {
  CodeObject* code = fn->code();
  std::vector<Value> slots(static_cast<size_t>(code->frameSize()));
  bool simple = !args.kwnames && args.count == static_cast<size_t>(code->argCount) &&
                (code->flags & (kCodeVarargs | kCodeVarKeywords)) == 0 &&
                code->keywordOnlyCount == 0;
  if (simple) {
    for (size_t i = 0; i < args.count; ++i)
      slots[i] = std::move(args.args[i]);
  } else {
    std::vector<Value> scratch(std::max<size_t>(slots.size(), args.count));
    std::vector<Value> given(args.args, args.args + args.count);
    vm.bindArguments(fn, scratch.data(), CallArgs{given.data(), given.size(), args.kwnames});
    for (size_t i = 0; i < slots.size(); ++i)
      slots[i] = std::move(scratch[i]);
  }
  size_t nvars = code->varnames.size();
  for (size_t i = 0; i < code->cellvars.size(); ++i) {
    int param = code->cellParameterIndex[i];
    Value initial = param >= 0 ? slots[param] : Value();
    slots[nvars + i] = Value::steal(new CellObject(std::move(initial)));
  }
  if (!code->freevars.empty()) {
    const auto& cells = fn->closure.as<TupleObject>()->items();
    for (size_t j = 0; j < code->freevars.size(); ++j)
      slots[nvars + code->cellvars.size() + j] = cells[j];
  }
  TypeObject* type = (code->flags & kCodeCoroutine)        ? coroutineType()
                     : (code->flags & kCodeAsyncGenerator) ? asyncGeneratorType()
                                                           : builtinTypes().generator;
  auto* gen = new GeneratorObject(type, fnValue, std::move(slots));
  gen->stackDepth = static_cast<uint32_t>(code->localsPlus());
  return Value::steal(gen);
}

bool resumeGenerator(VM& vm, GeneratorObject* gen, const Value& value, Value* out,
                     ResumeMode mode) {
  const bool coroutine = gen->type() == coroutineType();
  if (gen->finished) {
    // A coroutine runs once (CPython's gen_send_ex2): resuming it again is an error, but
    // GeneratorExit (close) is not.
    if (coroutine &&
        !(mode == ResumeMode::Throw && isInstance(value, builtinTypes().GeneratorExit)))
      raiseRuntimeError("cannot reuse already awaited coroutine");
    if (mode == ResumeMode::Throw) raiseException(value);
    return false;
  }
  if (gen->running) raiseValueError("{} already executing", coroutine ? "coroutine" : "generator");
  if (mode == ResumeMode::Throw && !gen->started) {
    // Thrown before it ran: it ends at once, with the exception.
    gen->finished = true;
    gen->slots.clear();
    raiseException(value);
  }
  vm.checkCStack();
  if (vm.depth_ + vm.nativeDepth_ >= vm.interp().recursionLimit())
    raiseRecursionError("maximum recursion depth exceeded");
  Value keepAlive = Value::borrow(gen);
  CodeObject* code = gen->code();
  Value* base = vm.freeStackStart();
  vm.reserveStack(base, base + code->frameSize() + 1);
  for (uint32_t i = 0; i < gen->stackDepth; ++i)
    base[i] = std::move(gen->slots[i]);
  Frame* f = vm.pushFrame(code, gen->function(), gen->function()->globals(), base);
  f->pc = code->code.data() + gen->resumeAt;
  f->sp = base + gen->stackDepth;
  f->entry = true;
  f->generator = gen;
  if (gen->started && mode == ResumeMode::Send) *f->sp++ = value;
  if (mode == ResumeMode::Throw) vm.pendingThrow_ = value;
  gen->started = true;
  gen->running = true;
  try {
    Value result = vm.run(f);
    gen->running = false;
    if (vm.yielded_) {
      vm.yielded_ = false;
      *out = std::move(result);
      return true;
    }
    gen->finished = true;
    gen->slots.clear();
    *out = std::move(result);
    return false;
  } catch (...) {
    vm.pendingThrow_ = Value();
    gen->running = false;
    gen->finished = true;
    gen->slots.clear();
    throw;
  }
}

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

}  // namespace

bool suspendedInYieldFrom(const GeneratorObject* gen) {
  if (!gen->started || gen->finished || gen->stackDepth == 0) return false;
  const auto& words = gen->code()->code;
  return gen->resumeAt < words.size() && opOf(words[gen->resumeAt]) == Opcode::YIELD_FROM;
}

Value stopIterationValue(const Value& exception) {
  const auto& args = exception.as<ExceptionObject>()->args.as<TupleObject>()->items();
  return args.empty() ? Value::none() : args[0];
}

[[noreturn]] void raiseStopIteration(const Value& returned) {
  std::vector<Value> args;
  if (!returned.isNull() && !returned.isNone()) args.push_back(returned);
  raiseException(newException(builtinTypes().StopIteration, std::move(args)));
}

void closeGenerator(VM& vm, GeneratorObject* gen) {
  if (gen->finished) return;
  if (!gen->started) {
    gen->finished = true;
    gen->slots.clear();
    return;
  }
  Value out;
  bool yielded;
  try {
    yielded =
        throwIntoGenerator(vm, gen, newException(T().GeneratorExit, std::vector<Value>{}), &out);
  } catch (PyException& e) {
    if (isInstance(e.exception, T().GeneratorExit) || isInstance(e.exception, T().StopIteration))
      return;
    throw;
  }
  if (yielded)
    raiseRuntimeError("{} ignored GeneratorExit",
                      gen->type() == coroutineType() ? "coroutine" : "generator");
}

Value exceptionFromThrowArguments(VM& vm, CallArgs args) {
  if (args.keywordCount()) raiseTypeError("throw() takes no keyword arguments");
  if (args.count < 2) raiseTypeError("throw expected at least 1 argument, got 0");
  if (args.count > 4) raiseTypeError("throw expected at most 3 arguments, got {}", args.count - 1);
  const Value& type = args[1];
  Value value = args.count > 2 ? args[2] : Value::none();
  if (args.count > 3 && !args[3].isNone())
    raiseTypeError("throw() third argument must be a traceback object");
  if (isExceptionClass(type)) {
    if (isExceptionInstance(value) && isInstance(value, type.as<TypeObject>())) return value;
    if (value.isNone()) return vm.call(type, {});
    if (isTuple(value))
      return vm.call(type, CallArgs{value.as<TupleObject>()->items().data(),
                                    value.as<TupleObject>()->size(), nullptr});
    return vm.call(type, {value});
  }
  if (isExceptionInstance(type)) {
    if (!value.isNone()) raiseTypeError("instance exception may not have a separate value");
    return type;
  }
  raiseTypeError("exceptions must be classes or instances deriving from BaseException, not {}",
                 typeName(type));
}

namespace {

GeneratorObject* selfGenerator(const CallArgs& args, const char* method) {
  if (args.count == 0 || args[0].type() != T().generator)
    raiseTypeError("descriptor '{}' for 'generator' objects doesn't apply to a '{}' object", method,
                   args.count ? typeName(args[0]) : std::string("nothing"));
  return args[0].as<GeneratorObject>();
}

Value generatorSend(VM& vm, CallArgs args) {
  expectMethodArgs("send", args, 1, 1);
  GeneratorObject* gen = selfGenerator(args, "send");
  if (!gen->started && !args[1].isNone())
    raiseTypeError("can't send non-None value to a just-started generator");
  Value out;
  if (resumeGenerator(vm, gen, args[1], &out)) return out;
  raiseStopIteration(out);
}

Value generatorNext(VM& vm, CallArgs args) {
  expectMethodArgs("__next__", args, 0, 0);
  GeneratorObject* gen = selfGenerator(args, "__next__");
  Value out;
  if (resumeGenerator(vm, gen, Value::none(), &out)) return out;
  raiseStopIteration(out);
}

// throw(value), or the deprecated throw(type[, value[, traceback]]).
Value generatorThrow(VM& vm, CallArgs args) {
  GeneratorObject* gen = selfGenerator(args, "throw");
  Value exception = exceptionFromThrowArguments(vm, args);
  Value out;
  if (throwIntoGenerator(vm, gen, exception, &out)) return out;
  raiseStopIteration(out);
}

Value generatorClose(VM& vm, CallArgs args) {
  expectMethodArgs("close", args, 0, 0);
  closeGenerator(vm, selfGenerator(args, "close"));
  return Value::none();
}

Value generatorIter(VM&, CallArgs args) {
  expectMethodArgs("__iter__", args, 0, 0);
  return args[0];
}

Value generatorRunning(VM&, CallArgs args) {
  return Value::boolean(selfGenerator(args, "gi_running")->running);
}

}  // namespace

bool throwIntoGenerator(VM& vm, GeneratorObject* gen, Value exception, Value* out) {
  if (suspendedInYieldFrom(gen)) {
    Value sub = gen->slots[gen->stackDepth - 1];
    bool closing = isInstance(exception, T().GeneratorExit);
    try {
      Value produced;
      bool delegated = false, more = false;
      if (GeneratorObject* subGen = sub.type() == T().generator || sub.type() == coroutineType()
                                        ? sub.as<GeneratorObject>()
                                        : nullptr) {
        if (closing) {
          closeGenerator(vm, subGen);
        } else {
          delegated = true;
          more = throwIntoGenerator(vm, subGen, exception, &produced);
        }
      } else {
        Value method = getAttrOrNull(sub, asStr(makeStr(closing ? "close" : "throw")));
        if (closing) {
          if (!method.isNull()) vm.call(method, {});
        } else if (!method.isNull()) {
          delegated = true;
          try {
            produced = vm.call(method, {exception});
            more = true;
          } catch (PyException& e) {
            if (!isInstance(e.exception, T().StopIteration)) throw;
            produced = stopIterationValue(e.exception);
          }
        }
      }
      if (delegated) {
        if (more) {
          *out = std::move(produced);
          return true;
        }
        // The subiterator ended: its return value is the value of the `yield from`.
        gen->slots[gen->stackDepth - 1] = produced.isNull() ? Value::none() : produced;
        gen->resumeAt += 1;
        return resumeGenerator(vm, gen, Value(), out, ResumeMode::Continue);
      }
    } catch (PyException& e) {
      exception = e.exception;  // raised in the delegating generator instead
    }
    gen->resumeAt += 1;  // raised just past the YIELD_FROM, inside its handlers
  }
  return resumeGenerator(vm, gen, exception, out, ResumeMode::Throw);
}

bool sendToIterator(VM& vm, const Value& sub, const Value& sent, Value* out) {
  *out = Value();
  if (sub.type() == T().generator || sub.type() == coroutineType()) {
    auto* gen = sub.as<GeneratorObject>();
    if (!gen->started && !sent.isNone())
      raiseTypeError("can't send non-None value to a just-started {}",
                     sub.type() == T().generator ? "generator" : "coroutine");
    return resumeGenerator(vm, gen, sent, out);
  }
  if (isAsyncGeneratorAwaitable(sub)) return sendToAsyncGeneratorAwaitable(vm, sub, sent, out);
  try {
    if (sent.isNone()) {
      if (!sub.type()->isBuiltin()) {
        Value next = sub.type()->lookup("__next__");
        if (next.isNull()) raiseTypeError("'{}' object is not an iterator", typeName(sub));
        *out = vm.call(next, {sub});
        return true;
      }
      return iterNext(sub, out);
    }
    *out = vm.call(getAttr(sub, "send"), {sent});
    return true;
  } catch (PyException& e) {
    if (!isInstance(e.exception, T().StopIteration)) throw;
    *out = stopIterationValue(e.exception);
    return false;
  }
}

void registerGeneratorMethods(TypeObject* type) {
  DictObject* d = type->dict();
  d->setStr("send", makeNativeMethod("send", generatorSend, "generator"));
  d->setStr("throw", makeNativeMethod("throw", generatorThrow, "generator"));
  d->setStr("close", makeNativeMethod("close", generatorClose, "generator"));
  d->setStr("__next__", makeNativeMethod("__next__", generatorNext, "generator"));
  d->setStr("__iter__", makeNativeMethod("__iter__", generatorIter, "generator"));
  d->setStr("gi_running", Value::steal(new WrapperObject(
                              T().property, makeNative("gi_running", generatorRunning))));
}

}  // namespace gilsim
