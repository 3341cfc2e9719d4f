#include "interp/vm/coroutine_object.h"

#include <fmt/format.h>

#include "interp/common/opcodes.h"
#include "interp/objects/builtin_methods.h"
#include "interp/objects/code.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/vm/generator_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

const BuiltinTypes& T() {
  return builtinTypes();
}

TypeObject* coroutineWrapperType();
TypeObject* asyncGenAwaitableType(bool forThrow);
TypeObject* wrappedValueType();

// What coroutine.__await__() returns: an iterator over the coroutine (CPython's
// coroutine_wrapper). GET_AWAITABLE unwraps it, so only explicit calls of its methods see it.
class CoroutineWrapperObject : public TrackedObject {
 public:
  explicit CoroutineWrapperObject(Value c) : TrackedObject(coroutineWrapperType()), coroutine(c) {}
  Value coroutine;
  void clearReferences() override { coroutine = Value(); }
};

// A value an async generator yields itself (ASYNC_GEN_WRAP), as opposed to one its awaits pass
// through.
class WrappedValueObject : public TrackedObject {
 public:
  explicit WrappedValueObject(Value v) : TrackedObject(wrappedValueType()), value(std::move(v)) {}
  Value value;
  void clearReferences() override { value = Value(); }
};

// The awaitable of __anext__()/asend(v) (Send) and of athrow(exc)/aclose() (Throw, Close): one
// step of the async generator per await, as CPython's async_generator_asend/athrow.
class AsyncGenAwaitableObject : public TrackedObject {
 public:
  enum class Op : uint8_t { Send, Throw, Close };
  enum class State : uint8_t { Init, Iter, Closed };
  AsyncGenAwaitableObject(Value g, Op o, Value arg)
      : TrackedObject(asyncGenAwaitableType(o != Op::Send)),
        generator(std::move(g)),
        argument(std::move(arg)),
        op(o) {}
  Value generator;
  Value argument;  // the value sent (Send) or the exception thrown (Throw)
  Op op;
  State state = State::Init;
  void clearReferences() override {
    generator = Value();
    argument = Value();
  }
  GeneratorObject* gen() const { return generator.as<GeneratorObject>(); }
  const char* reuseMessage() const {
    return op == Op::Send ? "cannot reuse already awaited __anext__()/asend()"
                          : "cannot reuse already awaited aclose()/athrow()";
  }
};

GeneratorObject* selfOf(const CallArgs& args, TypeObject* type, const char* method) {
  if (args.count == 0 || args[0].type() != type)
    raiseTypeError("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", method,
                   type->name(), args.count ? typeName(args[0]) : std::string("nothing"));
  return args[0].as<GeneratorObject>();
}

bool isIterator(const Value& v) {
  TypeObject* type = v.type();
  return type == T().generator || type->layout() == Layout::Iterator || type->iterNextSlot ||
         !type->lookup("__next__").isNull();
}

// --- coroutine -------------------------------------------------------------------------------

Value coroutineSend(VM& vm, CallArgs args) {
  expectMethodArgs("send", args, 1, 1);
  GeneratorObject* c = selfOf(args, coroutineType(), "send");
  if (!c->started && !args[1].isNone())
    raiseTypeError("can't send non-None value to a just-started coroutine");
  Value out;
  if (resumeGenerator(vm, c, args[1], &out)) return out;
  raiseStopIteration(out);
}

Value coroutineThrow(VM& vm, CallArgs args) {
  GeneratorObject* c = selfOf(args, coroutineType(), "throw");
  Value exception = exceptionFromThrowArguments(vm, args);
  Value out;
  if (throwIntoGenerator(vm, c, exception, &out)) return out;
  raiseStopIteration(out);
}

Value coroutineClose(VM& vm, CallArgs args) {
  expectMethodArgs("close", args, 0, 0);
  closeGenerator(vm, selfOf(args, coroutineType(), "close"));
  return Value::none();
}

Value coroutineAwait(VM&, CallArgs args) {
  expectMethodArgs("__await__", args, 0, 0);
  selfOf(args, coroutineType(), "__await__");
  return Value::steal(new CoroutineWrapperObject(args[0]));
}

Value coroutineRunning(VM&, CallArgs args) {
  return Value::boolean(selfOf(args, coroutineType(), "cr_running")->running);
}

std::string coroutineRepr(const Value& self) {
  return fmt::format("<coroutine object {} at 0x{:012x}>",
                     self.as<GeneratorObject>()->code()->qualname,
                     reinterpret_cast<uintptr_t>(self.object()));
}

// --- coroutine_wrapper -----------------------------------------------------------------------

CoroutineWrapperObject* selfWrapper(const CallArgs& args, const char* method) {
  if (args.count == 0 || args[0].type() != coroutineWrapperType())
    raiseTypeError("descriptor '{}' for 'coroutine_wrapper' objects doesn't apply to a '{}' object",
                   method, args.count ? typeName(args[0]) : std::string("nothing"));
  return args[0].as<CoroutineWrapperObject>();
}

// Each method is the coroutine's own, called on the coroutine.
Value forwardToCoroutine(VM& vm, CallArgs args, const char* method, NativeFn fn) {
  CoroutineWrapperObject* w = selfWrapper(args, method);
  std::vector<Value> forwarded(args.args, args.args + args.count);
  forwarded[0] = w->coroutine;
  return fn(vm, CallArgs{forwarded.data(), forwarded.size(), args.kwnames});
}

Value wrapperSend(VM& vm, CallArgs args) {
  return forwardToCoroutine(vm, args, "send", coroutineSend);
}
Value wrapperNext(VM& vm, CallArgs args) {
  expectMethodArgs("__next__", args, 0, 0);
  Value forwarded[2] = {selfWrapper(args, "__next__")->coroutine, Value::none()};
  return coroutineSend(vm, CallArgs{forwarded, 2, nullptr});
}
Value wrapperThrow(VM& vm, CallArgs args) {
  return forwardToCoroutine(vm, args, "throw", coroutineThrow);
}
Value wrapperClose(VM& vm, CallArgs args) {
  return forwardToCoroutine(vm, args, "close", coroutineClose);
}
Value wrapperIter(VM&, CallArgs args) {
  expectMethodArgs("__iter__", args, 0, 0);
  selfWrapper(args, "__iter__");
  return args[0];
}

// --- async_generator -------------------------------------------------------------------------

Value asyncGenAiter(VM&, CallArgs args) {
  expectMethodArgs("__aiter__", args, 0, 0);
  selfOf(args, asyncGeneratorType(), "__aiter__");
  return args[0];
}

Value asyncGenAnext(VM&, CallArgs args) {
  expectMethodArgs("__anext__", args, 0, 0);
  selfOf(args, asyncGeneratorType(), "__anext__");
  return Value::steal(
      new AsyncGenAwaitableObject(args[0], AsyncGenAwaitableObject::Op::Send, Value::none()));
}

Value asyncGenAsend(VM&, CallArgs args) {
  expectMethodArgs("asend", args, 1, 1);
  selfOf(args, asyncGeneratorType(), "asend");
  return Value::steal(
      new AsyncGenAwaitableObject(args[0], AsyncGenAwaitableObject::Op::Send, args[1]));
}

Value asyncGenAthrow(VM& vm, CallArgs args) {
  selfOf(args, asyncGeneratorType(), "athrow");
  Value exception = exceptionFromThrowArguments(vm, args);
  return Value::steal(
      new AsyncGenAwaitableObject(args[0], AsyncGenAwaitableObject::Op::Throw, exception));
}

Value asyncGenAclose(VM&, CallArgs args) {
  expectMethodArgs("aclose", args, 0, 0);
  selfOf(args, asyncGeneratorType(), "aclose");
  return Value::steal(
      new AsyncGenAwaitableObject(args[0], AsyncGenAwaitableObject::Op::Close, Value()));
}

Value asyncGenRunning(VM&, CallArgs args) {
  return Value::boolean(selfOf(args, asyncGeneratorType(), "ag_running")->running);
}

std::string asyncGenRepr(const Value& self) {
  return fmt::format("<async_generator object {} at 0x{:012x}>",
                     self.as<GeneratorObject>()->code()->qualname,
                     reinterpret_cast<uintptr_t>(self.object()));
}

// --- the awaitables of an async generator -------------------------------------------------------

using Awaitable = AsyncGenAwaitableObject;

// After one step of the generator (`more`: it yielded `produced`; else it returned): the value
// to pass on (true), or the end of the await with its value (false), or the error.
bool finishStep(Awaitable* a, bool more, Value produced, Value* out) {
  if (!more) {  // the generator returned
    a->state = Awaitable::State::Closed;
    if (a->op == Awaitable::Op::Close) {
      *out = Value::none();
      return false;
    }
    raiseException(newException(T().StopAsyncIteration, std::vector<Value>{}));
  }
  if (produced.isObject() && produced.type() == wrappedValueType()) {
    a->state = Awaitable::State::Closed;
    if (a->op == Awaitable::Op::Close) raiseRuntimeError("async generator ignored GeneratorExit");
    *out = produced.as<WrappedValueObject>()->value;
    return false;
  }
  *out = std::move(produced);
  return true;
}

// Runs `step` (a resume of the generator), ending the awaitable on any exception; aclose()
// takes the generator's end (StopAsyncIteration or GeneratorExit) as success.
template <typename Step>
bool runStep(Awaitable* a, Value* out, Step step) {
  Value produced;
  bool more;
  try {
    more = step(&produced);
  } catch (PyException& e) {
    a->state = Awaitable::State::Closed;
    if (a->op == Awaitable::Op::Close && (isInstance(e.exception, T().StopAsyncIteration) ||
                                          isInstance(e.exception, T().GeneratorExit))) {
      *out = Value::none();
      return false;
    }
    throw;
  }
  return finishStep(a, more, std::move(produced), out);
}

Awaitable* selfAwaitable(const CallArgs& args, const char* method) {
  if (args.count == 0 || !isAsyncGeneratorAwaitable(args[0]))
    raiseTypeError("descriptor '{}' doesn't apply to a '{}' object", method,
                   args.count ? typeName(args[0]) : std::string("nothing"));
  return args[0].as<Awaitable>();
}

Value awaitableSend(VM& vm, CallArgs args) {
  expectMethodArgs("send", args, 1, 1);
  selfAwaitable(args, "send");
  Value out;
  if (sendToAsyncGeneratorAwaitable(vm, args[0], args[1], &out)) return out;
  raiseStopIteration(out);
}

Value awaitableNext(VM& vm, CallArgs args) {
  expectMethodArgs("__next__", args, 0, 0);
  selfAwaitable(args, "__next__");
  Value out;
  if (sendToAsyncGeneratorAwaitable(vm, args[0], Value::none(), &out)) return out;
  raiseStopIteration(out);
}

// An exception thrown into the await (a task cancelled, say) goes into the generator.
Value awaitableThrow(VM& vm, CallArgs args) {
  Awaitable* a = selfAwaitable(args, "throw");
  Value exception = exceptionFromThrowArguments(vm, args);
  if (a->state == Awaitable::State::Closed) raiseRuntimeError("{}", a->reuseMessage());
  a->state = Awaitable::State::Iter;
  Value out;
  bool more = runStep(a, &out, [&](Value* produced) {
    return throwIntoGenerator(vm, a->gen(), exception, produced);
  });
  if (more) return out;
  raiseStopIteration(out);
}

Value awaitableClose(VM&, CallArgs args) {
  expectMethodArgs("close", args, 0, 0);
  selfAwaitable(args, "close")->state = Awaitable::State::Closed;
  return Value::none();
}

Value awaitableSelf(VM&, CallArgs args) {
  selfAwaitable(args, "__await__");
  return args[0];
}

TypeObject* coroutineWrapperType() {
  static TypeObject* type = makeNativeType("coroutine_wrapper", "builtins",
                                           {{"send", wrapperSend},
                                            {"throw", wrapperThrow},
                                            {"close", wrapperClose},
                                            {"__next__", wrapperNext},
                                            {"__iter__", wrapperIter}});
  return type;
}

TypeObject* asyncGenAwaitableType(bool forThrow) {
  auto make = [](const char* name) {
    return makeNativeType(name, "builtins",
                          {{"send", awaitableSend},
                           {"throw", awaitableThrow},
                           {"close", awaitableClose},
                           {"__next__", awaitableNext},
                           {"__iter__", awaitableSelf},
                           {"__await__", awaitableSelf}});
  };
  static TypeObject* asend = make("async_generator_asend");
  static TypeObject* athrow = make("async_generator_athrow");
  return forThrow ? athrow : asend;
}

TypeObject* wrappedValueType() {
  static TypeObject* type = makeNativeType("async_generator_wrapped_value", "builtins", {});
  return type;
}

}  // namespace

TypeObject* coroutineType() {
  static TypeObject* type = [] {
    TypeObject* t = makeNativeType("coroutine", "builtins",
                                   {{"send", coroutineSend},
                                    {"throw", coroutineThrow},
                                    {"close", coroutineClose},
                                    {"__await__", coroutineAwait}},
                                   NativeTypeSlots{coroutineRepr, nullptr});
    installProperty(t, "cr_running", coroutineRunning);
    return t;
  }();
  return type;
}

TypeObject* asyncGeneratorType() {
  static TypeObject* type = [] {
    TypeObject* t = makeNativeType("async_generator", "builtins",
                                   {{"__aiter__", asyncGenAiter},
                                    {"__anext__", asyncGenAnext},
                                    {"asend", asyncGenAsend},
                                    {"athrow", asyncGenAthrow},
                                    {"aclose", asyncGenAclose}},
                                   NativeTypeSlots{asyncGenRepr, nullptr});
    installProperty(t, "ag_running", asyncGenRunning);
    return t;
  }();
  return type;
}

Value getAwaitable(VM& vm, const Value& v, uint32_t where) {
  if (v.type() == coroutineType()) {
    if (suspendedInYieldFrom(v.as<GeneratorObject>()))
      raiseRuntimeError("coroutine is being awaited already");
    return v;
  }
  if (isAsyncGeneratorAwaitable(v)) return v;
  Value method = lookupSpecial(v, "__await__");
  if (method.isNull()) {
    if (where == 1)
      raiseTypeError(
          "'async with' received an object from __aenter__ that does not implement __await__: {}",
          typeName(v));
    if (where == 2)
      raiseTypeError(
          "'async with' received an object from __aexit__ that does not implement __await__: {}",
          typeName(v));
    raiseTypeError("object {} can't be used in 'await' expression", typeName(v));
  }
  Value awaitable = vm.call(method, {v});
  if (awaitable.type() == coroutineWrapperType())
    return awaitable.as<CoroutineWrapperObject>()->coroutine;
  if (awaitable.type() == coroutineType()) raiseTypeError("__await__() returned a coroutine");
  if (!isIterator(awaitable))
    raiseTypeError("__await__() returned non-iterator of type '{}'", typeName(awaitable));
  return awaitable;
}

Value getAsyncIterator(VM& vm, const Value& v) {
  if (v.type() == asyncGeneratorType()) return v;
  Value method = lookupSpecial(v, "__aiter__");
  if (method.isNull())
    raiseTypeError("'async for' requires an object with __aiter__ method, got {}", typeName(v));
  Value iterator = vm.call(method, {v});
  if (lookupSpecial(iterator, "__anext__").isNull())
    raiseTypeError(
        "'async for' received an object from __aiter__ that does not implement "
        "__anext__: {}",
        typeName(iterator));
  return iterator;
}

Value getAsyncNext(VM& vm, const Value& asyncIterator) {
  if (asyncIterator.type() == asyncGeneratorType())
    return Value::steal(new AsyncGenAwaitableObject(
        asyncIterator, AsyncGenAwaitableObject::Op::Send, Value::none()));
  Value method = lookupSpecial(asyncIterator, "__anext__");
  if (method.isNull())
    raiseTypeError("'async for' requires an iterator with __anext__ method, got {}",
                   typeName(asyncIterator));
  Value next = vm.call(method, {asyncIterator});
  if (next.type() != coroutineType() && !isAsyncGeneratorAwaitable(next) &&
      lookupSpecial(next, "__await__").isNull())
    raiseTypeError("'async for' received an invalid object from __anext__: {}", typeName(next));
  return getAwaitable(vm, next, 0);
}

Value wrapAsyncGeneratorValue(Value v) {
  return Value::steal(new WrappedValueObject(std::move(v)));
}

bool isAsyncGeneratorAwaitable(const Value& v) {
  return v.isObject() &&
         (v.type() == asyncGenAwaitableType(false) || v.type() == asyncGenAwaitableType(true));
}

bool sendToAsyncGeneratorAwaitable(VM& vm, const Value& awaitable, const Value& sent, Value* out) {
  auto* a = awaitable.as<Awaitable>();
  if (a->state == Awaitable::State::Closed) raiseRuntimeError("{}", a->reuseMessage());
  GeneratorObject* gen = a->gen();
  if (a->state == Awaitable::State::Iter)
    return runStep(a, out,
                   [&](Value* produced) { return resumeGenerator(vm, gen, sent, produced); });
  a->state = Awaitable::State::Iter;
  if (a->op == Awaitable::Op::Send) {
    Value value = sent.isNone() ? a->argument : sent;
    if (!gen->started && !value.isNone())
      raiseTypeError("can't send non-None value to a just-started async generator");
    return runStep(a, out,
                   [&](Value* produced) { return resumeGenerator(vm, gen, value, produced); });
  }
  if (!sent.isNone()) raiseRuntimeError("can't send non-None value to a just-started coroutine");
  if (gen->finished) {
    a->state = Awaitable::State::Closed;
    if (a->op == Awaitable::Op::Close) {
      *out = Value::none();
      return false;
    }
    raiseException(newException(T().StopAsyncIteration, std::vector<Value>{}));
  }
  Value exception = a->op == Awaitable::Op::Close
                        ? newException(T().GeneratorExit, std::vector<Value>{})
                        : a->argument;
  return runStep(a, out,
                 [&](Value* produced) { return throwIntoGenerator(vm, gen, exception, produced); });
}

void warnCoroutineNeverAwaited(GeneratorObject* coroutine) {
  VM* vm = VM::current();
  if (!vm || coroutine->functionValue.isNull()) return;
  std::string where = "sys:1";
  if (Frame* f = vm->currentFrame(); f && f->code && f->pc) {
    size_t index = static_cast<size_t>(f->pc - f->code->code.data());
    where = fmt::format("{}:{}", f->code->filename, f->code->lineOf(index > 0 ? index - 1 : 0));
  }
  vm->interp().writeErr(fmt::format("{}: RuntimeWarning: coroutine '{}' was never awaited\n", where,
                                    coroutine->code()->qualname));
}

}  // namespace gilsim
