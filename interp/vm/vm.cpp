// The eval loop. One body builds either as computed goto (GCC/Clang) or as a switch
// (GILSIM_SWITCH_DISPATCH); CI tests both. Hot state lives in locals: pc, sp, the frame's
// locals base and its constants; anything uncommon is out of line in the operators library.
#include <csignal>
#include <cstring>

#include "gil/gil_policy.h"
#include "gil/sim/sim_machine.h"
#include "interp/objects/attribute_cache_hits.h"
#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/formatting.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_cost.h"
#include "interp/objects/operators.h"
#include "interp/objects/set_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_creation.h"
#include "interp/objects/weakref_object.h"
#include "interp/vm/coroutine_object.h"
#include "interp/vm/generator_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/pending_signals.h"
#include "interp/vm/run_aborted.h"
#include "interp/vm/vm.h"

#include "gil/gil_policy.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm_inline.h"

#if defined(__GNUC__) && !defined(GILSIM_SWITCH_DISPATCH)
#define GILSIM_COMPUTED_GOTO 1
#else
#define GILSIM_COMPUTED_GOTO 0
#endif

namespace gilsim {

namespace {

// A plain Python function whose frame the eval loop can push itself for a call with `argc`
// positional arguments (the conditions of CALL's fast path).
FunctionObject* inlinableCallee(const Value& v, int argc) {
  if (!v.isObject() || v.object()->type() != builtinTypes().function) return nullptr;
  auto* fn = static_cast<FunctionObject*>(v.object());
  const CodeObject* c = fn->code();
  constexpr uint32_t kSlowFlags = kCodeGenerator | kCodeVarargs | kCodeVarKeywords;
  if ((c->flags & (kSlowFlags | kCodeNoFreeOrCells)) != kCodeNoFreeOrCells || c->argCount != argc ||
      c->keywordOnlyCount != 0)
    return nullptr;
  return fn;
}

// Float arithmetic without the generic dispatch: both operands floats, or a float and an int of
// the inline kind (converted as CPython's float_add and friends convert, correctly rounded).
// False for any other operands or operator, and for a division by zero, whose error the generic
// path raises.
inline bool floatArithmetic(BinaryOperator op, const Value& a, const Value& b, double* out) {
  if (!a.isFloat() && !b.isFloat()) return false;
  if ((!a.isFloat() && !a.isSmallInt()) || (!b.isFloat() && !b.isSmallInt())) return false;
  const double x = a.isFloat() ? a.real() : static_cast<double>(a.smallInt());
  const double y = b.isFloat() ? b.real() : static_cast<double>(b.smallInt());
  switch (op) {
    case BinaryOperator::Add:
      *out = x + y;
      return true;
    case BinaryOperator::Sub:
      *out = x - y;
      return true;
    case BinaryOperator::Mul:
      *out = x * y;
      return true;
    case BinaryOperator::TrueDiv:
      if (y == 0.0) return false;
      *out = x / y;
      return true;
    default:
      return false;
  }
}

// "__getitem__" as a str shared by every interpreter: immortal, its hash computed up front.
StrObject* getItemName() {
  static StrObject* const name = [] {
    Value v = makeStr("__getitem__");
    StrObject* s = asStr(v);
    s->hash();
    s->makeImmortal();
    v.release();
    return s;
  }();
  return name;
}

const BuiltinTypes& T() {
  return builtinTypes();
}

// Check points run housekeeping (budgets, later the tick-based GIL) every this many ticks even
// when no request is pending.
constexpr int64_t kTicksPerHousekeeping = 1 << 16;

[[noreturn]] void unboundLocal(CodeObject* code, uint32_t index) {
  raiseUnboundLocalError(
      "cannot access local variable '{}' where it is not associated with a value",
      code->varnames[index]);
}

[[noreturn]] void unboundDeref(CodeObject* code, uint32_t index) {
  size_t ncells = code->cellvars.size();
  if (index < ncells)
    raiseUnboundLocalError(
        "cannot access local variable '{}' where it is not associated with a value",
        code->cellvars[index]);
  raiseNameError(
      "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
      code->freevars[index - ncells]);
}

[[noreturn]] void nameNotDefined(const Value& name) {
  raiseNameError("name '{}' is not defined", asStr(name)->view());
}

Value makeFunction(CodeObject* code, const Value& codeValue, DictObject* globals) {
  auto* fn = new FunctionObject(codeValue, Value::borrow(globals), code->qualname);
  Value result = Value::steal(fn);
  fn->module = globals->getStr("__name__");
  return result;
}

Value raiseTarget(VM& vm, const Value& value) {
  if (value.isObject() && value.object()->type()->layout() == Layout::Type) {
    auto* cls = value.as<TypeObject>();
    if (!cls->isSubtypeOf(T().BaseException))
      raiseTypeError("exceptions must derive from BaseException");
    return vm.call(value, {});
  }
  if (!isExceptionInstance(value)) raiseTypeError("exceptions must derive from BaseException");
  return value;
}

bool exceptionMatches(const Value& exc, const Value& type) {
  if (isTuple(type)) {
    for (const Value& t : type.as<TupleObject>()->items())
      if (exceptionMatches(exc, t)) return true;
    return false;
  }
  if (!isExceptionClass(type))
    raiseTypeError("catching classes that do not inherit from BaseException is not allowed");
  return isInstance(exc, type.as<TypeObject>());
}

std::vector<Value> unpackItems(const Value& seq) {
  if (isTuple(seq)) return seq.as<TupleObject>()->items();
  if (isList(seq)) return seq.as<ListObject>()->items();
  Value iterator;
  try {
    iterator = getIter(seq);
  } catch (PyException& e) {
    if (!isInstance(e.exception, T().TypeError)) throw;
    raiseTypeError("cannot unpack non-iterable {} object", typeName(seq));
  }
  return toVector(iterator);
}

// Weak reference callbacks a decref queued (interp/objects/weakref_object.h), run by the
// instructions that commonly drop a last reference (del, name stores, a native call's start) as
// well as at check points, so that `del x; print("after")` prints the callback's output first.
__attribute__((noinline, cold)) void serveWeakrefCallbacks(EvalBreaker& breaker) {
  if (!(breaker.load() & kWeakrefCallbackRequest)) return;
  breaker.clear(kWeakrefCallbackRequest);
  runPendingWeakrefCallbacks();
}

Value buildString(Value* items, uint32_t n) {
  size_t total = 0;
  for (uint32_t i = 0; i < n; ++i)
    total += asStr(items[i])->str().size();
  std::string out;
  out.reserve(total);
  for (uint32_t i = 0; i < n; ++i)
    out += asStr(items[i])->str();
  return makeStr(std::move(out));
}

}  // namespace

void VM::handleBreaker() {
  // The simulated clock ran up to an event (another thread's wake-up, a time slice's end): let
  // it happen first, so that what it does (a drop request, say) is seen below.
  if (sim_ && *sim_->clock() >= *sim_->nextEvent()) sim_->reachEvents();
  uint64_t budget = interp_.config().checkPointBudget;
  bool ticksRanOut = ticksUntilHousekeeping <= 0;
  // The counter may have gone past zero while a request was being served: count what ran.
  checkPointsExecuted +=
      static_cast<uint64_t>(std::max<int64_t>(ticksPeriod - ticksUntilHousekeeping, 0));
  int64_t next = kTicksPerHousekeeping;
  if (budget) {
    if (checkPointsExecuted > budget) throw RunAborted{"check-point budget exhausted"};
    uint64_t left = budget - checkPointsExecuted + 1;
    if (left < static_cast<uint64_t>(next)) next = static_cast<int64_t>(left);
  }
  GilPolicy& gil = interp_.gil();
  int64_t gilTicks = gil.tickPeriod();
  if (gilTicks > 0) next = std::min(next, gilTicks);
  ticksUntilHousekeeping = ticksPeriod = next;
  if (ticksRanOut) interp_.restoreMemoryReserve();  // spent by a MemoryError since
  uint32_t bits = breaker_.load();
  // Before the GIL may go: the thread that dropped the reference runs the callbacks.
  if (bits & kWeakrefCallbackRequest) serveWeakrefCallbacks(breaker_);
  if ((bits & kDropGilRequest) || (ticksRanOut && gilTicks > 0)) gil.checkPoint(thread_.gil());
  if (!bits) return;
  if (bits & kStopRequest) throw RunAborted{"stopped"};
  if (bits & kSignalRequest) {
    breaker_.clear(kSignalRequest);
    dispatchSignals();
  }
}

void VM::nativeCheckPointSlow() {
  // On the simulated machine only a due event (or a request, or the budget) needs the slow path.
  if (ticksUntilHousekeeping <= 0 || breaker_.any() || *sim_->clock() >= *sim_->nextEvent())
    handleBreaker();
}

void VM::checkSignals() {
  if (breaker_.load() & kSignalRequest) {
    breaker_.clear(kSignalRequest);
    dispatchSignals();
  }
}

void VM::dispatchSignals() {
  std::vector<int> pending = takePendingSignals();
  // A request with no signal marked is Ctrl-C from an embedder that only sets the bit.
  if (pending.empty()) pending.push_back(SIGINT);
  // One signal now; the rest at the next check point, should its handler raise.
  int signum = pending.front();
  if (pending.size() > 1) {
    for (size_t i = 1; i < pending.size(); ++i)
      markSignalPending(pending[i]);
    breaker_.set(kSignalRequest);
  }
  // The handlers signal.signal() installed (interp/modules/module_signal.cpp keeps them).
  Value handler;
  Value module = interp_.modules()->getStr("signal");
  if (module.isObject() && module.type()->layout() == Layout::Module) {
    Value handlers = module.as<ModuleObject>()->dict()->getStr("_handlers");
    if (handlers.isObject() && handlers.type() == T().dict)
      handler = handlers.as<DictObject>()->get(Value::integer(signum));
  }
  if (!handler.isNull() && !handler.isNone()) {
    call(handler, {Value::integer(signum), Value::none()});  // no frame objects: None
    return;
  }
  if (signum == SIGINT) raiseException(newException(T().KeyboardInterrupt, std::vector<Value>{}));
}

bool VM::unwind(Frame*& frame, Value& exception, Frame* entry) {
  auto* exc = exception.as<ExceptionObject>();
  bool reraise = reraising_;
  reraising_ = false;
  for (;;) {
    CodeObject* code = frame->code;
    size_t index = static_cast<size_t>(frame->pc - code->code.data()) - 1;
    if (!reraise)
      exc->traceback.push_back(TracebackEntry{Value::borrow(code), code->lineOf(index)});
    reraise = false;
    for (const ExceptionTableEntry& e : code->exceptionTable) {
      if (index >= e.start && index < e.end) {
        Value* target = frame->base + code->localsPlus() + e.depth;
        for (Value* p = frame->sp; p > target;)
          (--p)->operator=(Value());
        *target = exception;
        frame->sp = target + 1;
        frame->pc = code->code.data() + e.target;
        return true;
      }
    }
    for (Value* p = frame->base; p < frame->sp; ++p)
      *p = Value();
    bool wasEntry = frame == entry;
    popFrame();
    if (wasEntry) return false;
    frame = frame_;
  }
}

// The loop is compiled twice: kCosted = false for the real machine, untouched by the simulation,
// and kCosted = true for the simulated one, which adds each instruction's cost (the table in
// interp/common/opcodes.h) to a local count, moves it to the virtual clock wherever the frame is
// saved for native code and at check points, and at a check point lets the events that are due
// happen (gil/sim/sim_machine.h).
template <bool kCosted>
Value VM::runLoop(Frame* entry) {
  Frame* frame = entry;
  Nanos pending = 0;
  Nanos* const simClock = kCosted ? sim_->clock() : nullptr;
  const Nanos* const simNext = kCosted ? sim_->nextEvent() : nullptr;
  const uint32_t* pc = nullptr;
  Value* sp = nullptr;
  Value* fp = nullptr;
  CodeObject* code = nullptr;
  const Value* consts = nullptr;
  const bool everyInstruction = interp_.config().checkPoints == CheckPointMode::Every;
  int64_t& ticks = ticksUntilHousekeeping;

#define LOAD_FRAME()              \
  do {                            \
    code = frame->code;           \
    pc = frame->pc;               \
    sp = frame->sp;               \
    fp = frame->base;             \
    consts = code->consts.data(); \
  } while (0)
// The cost table counts 1/16 ns (interp/common/opcodes.h); what is left below 1 ns carries on.
#define FLUSH_COST()                                                \
  (kCosted ? (void)(*simClock += pending >> kCostFractionBits,      \
                    pending &= (Nanos{1} << kCostFractionBits) - 1) \
           : (void)0)
#define SAVE_FRAME() (frame->pc = pc, frame->sp = sp, FLUSH_COST())
#define CHECK_POINT()                                                                          \
  do {                                                                                         \
    FLUSH_COST();                                                                              \
    if (__builtin_expect(--ticks <= 0 || breaker_.any() || (kCosted && *simClock >= *simNext), \
                         0)) {                                                                 \
      SAVE_FRAME();                                                                            \
      handleBreaker();                                                                         \
    }                                                                                          \
  } while (0)
#define CHARGE_INSTRUCTION() (kCosted ? (void)(pending += kOpcodeCosts[word & 0xff]) : (void)0)
// Weak reference callbacks queued by the instruction so far (see serveWeakrefCallbacks).
#define SERVE_WEAKREF_CALLBACKS()              \
  do {                                         \
    if (__builtin_expect(breaker_.any(), 0)) { \
      SAVE_FRAME();                            \
      serveWeakrefCallbacks(breaker_);         \
    }                                          \
  } while (0)
// Slots above sp hold Null, so a push constructs in place without releasing anything.
#define PUSH(v) (::new (static_cast<void*>(sp++)) Value(v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define DROP() ((--sp)->operator=(Value()))
#define NAME(i) (code->names[i])
// A raise that a frame of this run handles skips C++'s unwinder (a throw through a function this
// size costs about a microsecond): unwind() runs here and the loop resumes at the handler.
#define RAISE_IN_LOOP(exceptionValue)    \
  do {                                   \
    Value raised = (exceptionValue);     \
    frame->pc = pc;                      \
    frame->sp = sp;                      \
    if (!unwind(frame, raised, entry)) { \
      escaping = std::move(raised);      \
      goto propagate;                    \
    }                                    \
    goto resume;                         \
  } while (0)
  TypeObject* const intType = T().int_;
  // An int operand of either representation (bools take the generic path).
#define INT_LIKE(v) ((v).isSmallInt() || ((v).isObject() && (v).object()->type() == intType))

  Value escaping;  // an exception leaving this run (RAISE_IN_LOOP)
  for (;;) {
    try {
    resume:
      LOAD_FRAME();
      // A generator resumed by throw(): the exception is raised where it is suspended.
      if (__builtin_expect(!pendingThrow_.isNull(), 0)) throw PyException{std::move(pendingThrow_)};
#if GILSIM_COMPUTED_GOTO
      static void* const kDispatch[kOpcodeCount] = {
#define GILSIM_LABEL_ADDRESS(name, operand, effect, jumpEffect, checkPoint, cost, doc) &&L_##name,
          GILSIM_OPCODES(GILSIM_LABEL_ADDRESS)
#undef GILSIM_LABEL_ADDRESS
      };
      static void* const kDispatchEvery[kOpcodeCount] = {
#define GILSIM_EVERY_ADDRESS(name, operand, effect, jumpEffect, checkPoint, cost, doc) &&L_every,
          GILSIM_OPCODES(GILSIM_EVERY_ADDRESS)
#undef GILSIM_EVERY_ADDRESS
      };
      void* const* table = everyInstruction ? kDispatchEvery : kDispatch;
      uint32_t word;
      uint32_t arg;
#define TARGET(name) L_##name:
      // Handlers leave through a plain goto to this one dispatch point: unlike `goto *`, a plain
      // goto out of a block runs the destructors of the handler's locals (a computed goto from
      // inside a handler leaked the references its temporaries held). GCC duplicates the
      // indirect jump back into each handler, so the threaded dispatch is kept.
#define DISPATCH() goto dispatch
    dispatch:
      word = *pc++;
      arg = argOf(word);
      CHARGE_INSTRUCTION();
      goto* table[word & 0xff];
    L_every:
      CHECK_POINT();
      goto* kDispatch[word & 0xff];
#else
      uint32_t word;
      uint32_t arg;
#define TARGET(name) case Opcode::name:
#define DISPATCH() continue
      for (;;) {
        word = *pc++;
        arg = argOf(word);
        CHARGE_INSTRUCTION();
        if (everyInstruction) CHECK_POINT();
        switch (opOf(word)) {
#endif
      TARGET(NOP) {
        DISPATCH();
      }
      TARGET(RESUME) {
        CHECK_POINT();
        DISPATCH();
      }
      TARGET(POP_TOP) {
        DROP();
        DISPATCH();
      }
      TARGET(PUSH_NULL) {
        PUSH(Value());
        DISPATCH();
      }
      TARGET(DUP_TOP) {
        Value v = TOP();
        PUSH(std::move(v));
        DISPATCH();
      }
      TARGET(DUP_TOP_TWO) {
        Value a = sp[-2], b = sp[-1];
        PUSH(std::move(a));
        PUSH(std::move(b));
        DISPATCH();
      }
      TARGET(ROT_TWO) {
        std::swap(sp[-1], sp[-2]);
        DISPATCH();
      }
      TARGET(ROT_THREE) {
        Value top = std::move(sp[-1]);
        sp[-1] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-3]);
        sp[-3] = std::move(top);
        DISPATCH();
      }
      TARGET(ROT_FOUR) {
        Value top = std::move(sp[-1]);
        sp[-1] = std::move(sp[-2]);
        sp[-2] = std::move(sp[-3]);
        sp[-3] = std::move(sp[-4]);
        sp[-4] = std::move(top);
        DISPATCH();
      }
      TARGET(LOAD_CONST) {
        PUSH(consts[arg]);
        DISPATCH();
      }
      TARGET(LOAD_FAST) {
        const Value& v = fp[arg];
        if (__builtin_expect(v.isNull(), 0)) {
          SAVE_FRAME();
          unboundLocal(code, arg);
        }
        PUSH(v);
        DISPATCH();
      }
      TARGET(STORE_FAST) {
        fp[arg] = POP();
        DISPATCH();
      }
      TARGET(DELETE_FAST) {
        if (fp[arg].isNull()) unboundLocal(code, arg);
        fp[arg] = Value();
        SERVE_WEAKREF_CALLBACKS();
        DISPATCH();
      }
      TARGET(LOAD_DEREF) {
        const Value& cell = fp[code->varnames.size() + arg];
        const Value& v = cell.as<CellObject>()->value;
        if (v.isNull()) unboundDeref(code, arg);
        PUSH(v);
        DISPATCH();
      }
      TARGET(STORE_DEREF) {
        fp[code->varnames.size() + arg].as<CellObject>()->value = POP();
        DISPATCH();
      }
      TARGET(DELETE_DEREF) {
        Value& v = fp[code->varnames.size() + arg].as<CellObject>()->value;
        if (v.isNull()) unboundDeref(code, arg);
        v = Value();
        DISPATCH();
      }
      TARGET(LOAD_CLOSURE) {
        PUSH(fp[code->varnames.size() + arg]);
        DISPATCH();
      }
      TARGET(LOAD_GLOBAL) {
        GlobalCache& cache = code->globalCaches[pc - code->code.data() - 1];
        DictObject* globals = frame->globals;
        DictObject* builtins = frame->builtins;
        if (cache.globalsVersion == globals->version()) {
          if (!cache.fromBuiltins) {
            PUSH(globals->entryAt(static_cast<size_t>(cache.slot)).value);
            DISPATCH();
          }
          if (cache.builtinsVersion == builtins->version()) {
            PUSH(builtins->entryAt(static_cast<size_t>(cache.slot)).value);
            DISPATCH();
          }
        }
        const Value& name = NAME(arg);
        uint64_t hash = asStr(name)->hash();
        int64_t slot = globals->findSlot(name, hash);
        if (slot >= 0) {
          cache = GlobalCache{globals->version(), 0, slot, false};
          PUSH(globals->entryAt(static_cast<size_t>(slot)).value);
          DISPATCH();
        }
        slot = builtins->findSlot(name, hash);
        if (slot < 0) nameNotDefined(name);
        cache = GlobalCache{globals->version(), builtins->version(), slot, true};
        PUSH(builtins->entryAt(static_cast<size_t>(slot)).value);
        DISPATCH();
      }
      TARGET(STORE_GLOBAL) {
        frame->globals->set(NAME(arg), POP());
        SERVE_WEAKREF_CALLBACKS();
        DISPATCH();
      }
      TARGET(DELETE_GLOBAL) {
        if (!frame->globals->remove(NAME(arg))) nameNotDefined(NAME(arg));
        SERVE_WEAKREF_CALLBACKS();
        DISPATCH();
      }
      TARGET(LOAD_NAME) {
        const Value& name = NAME(arg);
        Value v;
        if (!frame->locals.isNull()) v = frame->locals.as<DictObject>()->getStr(asStr(name));
        if (v.isNull()) v = frame->globals->getStr(asStr(name));
        if (v.isNull()) v = frame->builtins->getStr(asStr(name));
        if (v.isNull()) nameNotDefined(name);
        PUSH(std::move(v));
        DISPATCH();
      }
      TARGET(STORE_NAME) {
        DictObject* ns = frame->locals.isNull() ? frame->globals : frame->locals.as<DictObject>();
        Value v = POP();
        if (ns->type()->isBuiltin()) {
          ns->set(NAME(arg), std::move(v));
        } else {
          // A class body's namespace from __prepare__ may be a dict subclass (enum's).
          SAVE_FRAME();
          setItem(frame->locals, NAME(arg), v);
        }
        SERVE_WEAKREF_CALLBACKS();
        DISPATCH();
      }
      TARGET(DELETE_NAME) {
        DictObject* ns = frame->locals.isNull() ? frame->globals : frame->locals.as<DictObject>();
        if (!ns->remove(NAME(arg))) nameNotDefined(NAME(arg));
        SERVE_WEAKREF_CALLBACKS();
        DISPATCH();
      }
      TARGET(LOAD_ATTR) {
        AttrCache& cache = code->attrCacheAt(pc - code->code.data() - 1);
        if (TOP().isObject()) {
          Object* o = TOP().object();
          if (const AttrCacheWay* way = cache.find(o->type(), typeEpoch())) {
            if (const Value* v = cachedAttribute(*way, o, asStr(NAME(arg)))) {
              TOP() = *v;
              DISPATCH();
            }
          }
        }
        SAVE_FRAME();
        Value owner = TOP();
        TOP() = getAttr(owner, asStr(NAME(arg)));
        specializeLoadAttr(cache, owner, asStr(NAME(arg)));
        DISPATCH();
      }
      TARGET(STORE_ATTR) {
        AttrCache& cache = code->attrCacheAt(pc - code->code.data() - 1);
        SAVE_FRAME();
        if (sp[-1].isObject()) {
          Object* o = sp[-1].object();
          AttrCacheWay* way = cache.find(o->type(), typeEpoch());
          if (way && storeCachedAttribute(*way, o, asStr(NAME(arg)), sp[-2])) {
            DROP();
            DROP();
            DISPATCH();
          }
        }
        setAttr(sp[-1], asStr(NAME(arg)), sp[-2]);
        specializeStoreAttr(cache, sp[-1], asStr(NAME(arg)));
        DROP();
        DROP();
        DISPATCH();
      }
      TARGET(DELETE_ATTR) {
        SAVE_FRAME();
        delAttr(sp[-1], asStr(NAME(arg)));
        DROP();
        DISPATCH();
      }
      TARGET(LOAD_METHOD) {
        AttrCache& cache = code->attrCacheAt(pc - code->code.data() - 1);
        if (TOP().isObject()) {
          Object* o = TOP().object();
          const AttrCacheWay* way = cache.find(o->type(), typeEpoch());
          if (way && cachedMethodApplies(*way, o, asStr(NAME(arg)))) {
            Value self = std::move(TOP());
            TOP() = Value::borrow(way->owner);
            PUSH(std::move(self));
            DISPATCH();
          }
        }
        SAVE_FRAME();
        bool unbound = false;
        specializeLoadMethod(cache, TOP(), asStr(NAME(arg)));
        Value method = lookupMethod(TOP(), asStr(NAME(arg)), &unbound);
        if (unbound) {
          Value self = std::move(TOP());
          TOP() = std::move(method);
          PUSH(std::move(self));
        } else {
          TOP() = std::move(method);
          PUSH(Value());
        }
        DISPATCH();
      }
      TARGET(BINARY_ADD) {
        Value& a = sp[-2];
        const Value& b = sp[-1];
        int64_t r;
        if (a.isSmallInt() && b.isSmallInt() &&
            !__builtin_add_overflow(a.smallInt(), b.smallInt(), &r)) {
          a = Value::integer(r);
        } else if (double f; floatArithmetic(BinaryOperator::Add, a, b, &f)) {
          a = Value::real(f);
        } else if (INT_LIKE(a) && INT_LIKE(b)) {
          a = intAdd(a, b);
        } else {
          SAVE_FRAME();
          a = binaryOp(BinaryOperator::Add, a, b);
        }
        DROP();
        DISPATCH();
      }
      TARGET(BINARY_SUB) {
        Value& a = sp[-2];
        const Value& b = sp[-1];
        int64_t r;
        if (a.isSmallInt() && b.isSmallInt() &&
            !__builtin_sub_overflow(a.smallInt(), b.smallInt(), &r)) {
          a = Value::integer(r);
        } else if (double f; floatArithmetic(BinaryOperator::Sub, a, b, &f)) {
          a = Value::real(f);
        } else if (INT_LIKE(a) && INT_LIKE(b)) {
          a = intSub(a, b);
        } else {
          SAVE_FRAME();
          a = binaryOp(BinaryOperator::Sub, a, b);
        }
        DROP();
        DISPATCH();
      }
      TARGET(BINARY_MUL) {
        Value& a = sp[-2];
        const Value& b = sp[-1];
        int64_t r;
        if (a.isSmallInt() && b.isSmallInt() &&
            !__builtin_mul_overflow(a.smallInt(), b.smallInt(), &r)) {
          a = Value::integer(r);
        } else if (double f; floatArithmetic(BinaryOperator::Mul, a, b, &f)) {
          a = Value::real(f);
        } else if (INT_LIKE(a) && INT_LIKE(b)) {
          a = intMul(a, b);
        } else {
          SAVE_FRAME();
          a = binaryOp(BinaryOperator::Mul, a, b);
        }
        DROP();
        DISPATCH();
      }
      TARGET(BINARY_MOD) {
        Value& a = sp[-2];
        const Value& b = sp[-1];
        if (a.isSmallInt() && b.isSmallInt() && a.smallInt() >= 0 && b.smallInt() > 0) {
          a = Value::integer(a.smallInt() % b.smallInt());
        } else {
          SAVE_FRAME();
          a = INT_LIKE(a) && INT_LIKE(b) ? intMod(a, b) : binaryOp(BinaryOperator::Mod, a, b);
        }
        DROP();
        DISPATCH();
      }
      TARGET(BINARY_FLOOR_DIV) {
        Value& a = sp[-2];
        const Value& b = sp[-1];
        if (a.isSmallInt() && b.isSmallInt() && a.smallInt() >= 0 && b.smallInt() > 0) {
          a = Value::integer(a.smallInt() / b.smallInt());
        } else {
          SAVE_FRAME();
          a = INT_LIKE(a) && INT_LIKE(b) ? intFloorDiv(a, b)
                                         : binaryOp(BinaryOperator::FloorDiv, a, b);
        }
        DROP();
        DISPATCH();
      }
      TARGET(BINARY_OP) {
        if (double f; floatArithmetic(static_cast<BinaryOperator>(arg), sp[-2], sp[-1], &f)) {
          sp[-2] = Value::real(f);
          DROP();
          DISPATCH();
        }
        SAVE_FRAME();
        sp[-2] = binaryOp(static_cast<BinaryOperator>(arg), sp[-2], sp[-1]);
        DROP();
        DISPATCH();
      }
#define GILSIM_ARITH_CONST(opname, intFn, bop, builtinOverflow)               \
  TARGET(opname) {                                                            \
    Value& a = TOP();                                                         \
    const Value& b = consts[arg];                                             \
    int64_t r;                                                                \
    if (a.isSmallInt() && !builtinOverflow(a.smallInt(), b.smallInt(), &r)) { \
      a.setSmallIntUnchecked(r);                                              \
    } else if (INT_LIKE(a)) {                                                 \
      a = intFn(a, b);                                                        \
    } else {                                                                  \
      SAVE_FRAME();                                                           \
      a = binaryOp(BinaryOperator::bop, a, b);                                \
    }                                                                         \
    DISPATCH();                                                               \
  }
      GILSIM_ARITH_CONST(BINARY_ADD_CONST, intAdd, Add, __builtin_add_overflow)
      GILSIM_ARITH_CONST(BINARY_SUB_CONST, intSub, Sub, __builtin_sub_overflow)
      GILSIM_ARITH_CONST(BINARY_MUL_CONST, intMul, Mul, __builtin_mul_overflow)
#undef GILSIM_ARITH_CONST
      TARGET(BINARY_MOD_CONST) {
        Value& a = TOP();
        const Value& b = consts[arg];
        if (a.isSmallInt() && a.smallInt() >= 0 && b.smallInt() > 0) {
          a.setSmallIntUnchecked(a.smallInt() % b.smallInt());
        } else {
          SAVE_FRAME();
          a = INT_LIKE(a) ? intMod(a, b) : binaryOp(BinaryOperator::Mod, a, b);
        }
        DISPATCH();
      }
#define GILSIM_COMPARE_CONST(opname, cmpop, symbol)                                \
  TARGET(opname) {                                                                 \
    Value& a = TOP();                                                              \
    const Value& b = consts[arg];                                                  \
    if (a.isSmallInt()) {                                                          \
      bool result = a.smallInt() symbol b.smallInt();                              \
      /* Fused with a following conditional jump: no bool is pushed and popped. */ \
      Opcode next = opOf(*pc);                                                     \
      if (next == Opcode::POP_JUMP_IF_FALSE || next == Opcode::POP_JUMP_IF_TRUE) { \
        a.clearUnchecked();                                                        \
        --sp;                                                                      \
        if (result == (next == Opcode::POP_JUMP_IF_TRUE))                          \
          pc = code->code.data() + argOf(*pc);                                     \
        else                                                                       \
          ++pc;                                                                    \
        DISPATCH();                                                                \
      }                                                                            \
      a = Value::boolean(result);                                                  \
    } else {                                                                       \
      SAVE_FRAME();                                                                \
      a = compare(CompareOperator::cmpop, a, b);                                   \
    }                                                                              \
    DISPATCH();                                                                    \
  }
      GILSIM_COMPARE_CONST(COMPARE_LT_CONST, Lt, <)
      GILSIM_COMPARE_CONST(COMPARE_LE_CONST, LtE, <=)
      GILSIM_COMPARE_CONST(COMPARE_EQ_CONST, Eq, ==)
      GILSIM_COMPARE_CONST(COMPARE_NE_CONST, NotEq, !=)
      GILSIM_COMPARE_CONST(COMPARE_GT_CONST, Gt, >)
      GILSIM_COMPARE_CONST(COMPARE_GE_CONST, GtE, >=)
#undef GILSIM_COMPARE_CONST
      TARGET(INPLACE_ADD) {
        Value& a = sp[-2];
        const Value& b = sp[-1];
        int64_t r;
        if (a.isSmallInt() && b.isSmallInt() &&
            !__builtin_add_overflow(a.smallInt(), b.smallInt(), &r)) {
          a = Value::integer(r);
        } else if (double f; floatArithmetic(BinaryOperator::Add, a, b, &f)) {
          a = Value::real(f);
        } else if (INT_LIKE(a) && INT_LIKE(b)) {
          a = intAdd(a, b);
        } else {
          SAVE_FRAME();
          a = inplaceOp(BinaryOperator::Add, a, b);
        }
        DROP();
        DISPATCH();
      }
      TARGET(INPLACE_SUB) {
        Value& a = sp[-2];
        const Value& b = sp[-1];
        int64_t r;
        if (a.isSmallInt() && b.isSmallInt() &&
            !__builtin_sub_overflow(a.smallInt(), b.smallInt(), &r)) {
          a = Value::integer(r);
        } else if (double f; floatArithmetic(BinaryOperator::Sub, a, b, &f)) {
          a = Value::real(f);
        } else if (INT_LIKE(a) && INT_LIKE(b)) {
          a = intSub(a, b);
        } else {
          SAVE_FRAME();
          a = inplaceOp(BinaryOperator::Sub, a, b);
        }
        DROP();
        DISPATCH();
      }
      TARGET(INPLACE_OP) {
        if (double f; floatArithmetic(static_cast<BinaryOperator>(arg), sp[-2], sp[-1], &f)) {
          sp[-2] = Value::real(f);
          DROP();
          DISPATCH();
        }
        SAVE_FRAME();
        sp[-2] = inplaceOp(static_cast<BinaryOperator>(arg), sp[-2], sp[-1]);
        DROP();
        DISPATCH();
      }
#define GILSIM_COMPARE(opname, cmpop, symbol)                                      \
  TARGET(opname) {                                                                 \
    Value& a = sp[-2];                                                             \
    const Value& b = sp[-1];                                                       \
    if (a.isSmallInt() && b.isSmallInt()) {                                        \
      bool result = a.smallInt() symbol b.smallInt();                              \
      Opcode next = opOf(*pc);                                                     \
      if (next == Opcode::POP_JUMP_IF_FALSE || next == Opcode::POP_JUMP_IF_TRUE) { \
        sp[-1].clearUnchecked();                                                   \
        sp[-2].clearUnchecked();                                                   \
        sp -= 2;                                                                   \
        if (result == (next == Opcode::POP_JUMP_IF_TRUE))                          \
          pc = code->code.data() + argOf(*pc);                                     \
        else                                                                       \
          ++pc;                                                                    \
        DISPATCH();                                                                \
      }                                                                            \
      a = Value::boolean(result);                                                  \
    } else if (a.isFloat() && b.isFloat()) {                                       \
      a = Value::boolean(a.real() symbol b.real());                                \
    } else {                                                                       \
      SAVE_FRAME();                                                                \
      a = compare(CompareOperator::cmpop, a, b);                                   \
    }                                                                              \
    DROP();                                                                        \
    DISPATCH();                                                                    \
  }
      GILSIM_COMPARE(COMPARE_LT, Lt, <)
      GILSIM_COMPARE(COMPARE_LE, LtE, <=)
      GILSIM_COMPARE(COMPARE_EQ, Eq, ==)
      GILSIM_COMPARE(COMPARE_NE, NotEq, !=)
      GILSIM_COMPARE(COMPARE_GT, Gt, >)
      GILSIM_COMPARE(COMPARE_GE, GtE, >=)
#undef GILSIM_COMPARE
      TARGET(IS_OP) {
        bool same = sp[-2].identical(sp[-1]);
        sp[-2] = Value::boolean(arg ? !same : same);
        DROP();
        DISPATCH();
      }
      TARGET(CONTAINS_OP) {
        SAVE_FRAME();
        bool in = contains(sp[-1], sp[-2]);
        sp[-2] = Value::boolean(arg ? !in : in);
        DROP();
        DISPATCH();
      }
      TARGET(UNARY_NEGATIVE) {
        SAVE_FRAME();
        TOP() = unaryOp(UnaryOperator::Negate, TOP());
        DISPATCH();
      }
      TARGET(UNARY_POSITIVE) {
        SAVE_FRAME();
        TOP() = unaryOp(UnaryOperator::Plus, TOP());
        DISPATCH();
      }
      TARGET(UNARY_NOT) {
        SAVE_FRAME();
        TOP() = Value::boolean(!truthy(TOP()));
        DISPATCH();
      }
      TARGET(UNARY_INVERT) {
        SAVE_FRAME();
        TOP() = unaryOp(UnaryOperator::Invert, TOP());
        DISPATCH();
      }
      TARGET(BINARY_SUBSCR) {
        SAVE_FRAME();
        Value& container = sp[-2];
        const Value& key = sp[-1];
        if (key.isSmallInt() && container.isObject() && container.object()->type() == T().list) {
          auto& items = container.as<ListObject>()->items();
          int64_t i = key.smallInt();
          if (i < 0) i += static_cast<int64_t>(items.size());
          if (i >= 0 && i < static_cast<int64_t>(items.size())) {
            container = Value(items[static_cast<size_t>(i)]);
            DROP();
            DISPATCH();
          }
        }
        // An instance of a user class whose __getitem__ is a plain Python function: its frame
        // runs in this loop (CPython 3.11's BINARY_SUBSCR_GETITEM), so a KeyError it raises for
        // the caller's `except` never goes through C++'s unwinder.
        if (container.isObject() && !container.object()->type()->isBuiltin() &&
            container.object()->type()->layout() == Layout::Object) {
          Value getitem = container.object()->type()->lookup(getItemName());
          FunctionObject* fn = inlinableCallee(getitem, 2);
          if (fn && depth_ + nativeDepth_ < interp_.recursionLimit() &&
              sp + 1 + fn->code()->frameSize() <= stackLimit_) {
            // [container key] becomes [__getitem__ container key], the layout of a CALL; the
            // compiler leaves one slot spare above the deepest stack.
            ::new (static_cast<void*>(sp)) Value(std::move(sp[-1]));
            sp[-1] = std::move(sp[-2]);
            sp[-2] = std::move(getitem);
            ++sp;
            SAVE_FRAME();
            Value* callableSlot = sp - 3;
            Value* end = callableSlot + 1 + fn->code()->frameSize();
            while (highWater_ < end)
              new (highWater_++) Value();
            frame = pushFrame(fn->code(), fn, fn->globals_.as<DictObject>(), callableSlot + 1);
            frame->resultSlot = callableSlot;
            LOAD_FRAME();
            DISPATCH();
          }
        }
        container = getItem(container, key);
        DROP();
        DISPATCH();
      }
      TARGET(STORE_SUBSCR) {
        SAVE_FRAME();
        setItem(sp[-2], sp[-1], sp[-3]);
        DROP();
        DROP();
        DROP();
        DISPATCH();
      }
      TARGET(DELETE_SUBSCR) {
        SAVE_FRAME();
        delItem(sp[-2], sp[-1]);
        DROP();
        DROP();
        SERVE_WEAKREF_CALLBACKS();
        DISPATCH();
      }
      TARGET(BUILD_SLICE) {
        Value step = arg == 3 ? POP() : Value::none();
        Value stop = POP();
        Value start = POP();
        PUSH(Value::steal(new SliceObject(std::move(start), std::move(stop), std::move(step))));
        DISPATCH();
      }
      TARGET(JUMP_FORWARD) {
        pc = code->code.data() + arg;
        DISPATCH();
      }
      TARGET(JUMP_BACKWARD) {
        CHECK_POINT();
        pc = code->code.data() + arg;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        bool t = v.isBool() ? v.boolean() : (SAVE_FRAME(), truthy(v));
        if (!t) pc = code->code.data() + arg;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        bool t = v.isBool() ? v.boolean() : (SAVE_FRAME(), truthy(v));
        if (t) pc = code->code.data() + arg;
        DISPATCH();
      }
      TARGET(JUMP_IF_FALSE_OR_POP) {
        SAVE_FRAME();
        if (!truthy(TOP()))
          pc = code->code.data() + arg;
        else
          DROP();
        DISPATCH();
      }
      TARGET(JUMP_IF_TRUE_OR_POP) {
        SAVE_FRAME();
        if (truthy(TOP()))
          pc = code->code.data() + arg;
        else
          DROP();
        DISPATCH();
      }
      TARGET(GET_ITER) {
        SAVE_FRAME();
        TOP() = getIter(TOP());
        DISPATCH();
      }
      TARGET(FOR_ITER) {
        Value& iterator = TOP();
        Object* it = iterator.object();
        Value next;
        if (it->type() == T().rangeIterator) {
          auto* r = static_cast<RangeIteratorObject*>(it);
          if (r->remaining > 0) {
            int64_t v = r->next;
            r->next += r->step;
            --r->remaining;
            // Superinstruction: FOR_ITER followed by STORE_FAST stores without a dispatch.
            if (opOf(*pc) == Opcode::STORE_FAST) {
              fp[argOf(*pc)] = Value::integer(v);
              ++pc;
            } else {
              PUSH(Value::integer(v));
            }
            DISPATCH();
          }
        } else {
          SAVE_FRAME();
          if (iterNext(iterator, &next)) {
            if (opOf(*pc) == Opcode::STORE_FAST) {
              fp[argOf(*pc)] = std::move(next);
              ++pc;
            } else {
              PUSH(std::move(next));
            }
            DISPATCH();
          }
        }
        DROP();
        pc = code->code.data() + arg;
        DISPATCH();
      }
      TARGET(BUILD_TUPLE) {
        std::vector<Value> items(std::make_move_iterator(sp - arg), std::make_move_iterator(sp));
        for (uint32_t i = 0; i < arg; ++i)
          DROP();
        PUSH(makeTuple(std::move(items)));
        DISPATCH();
      }
      TARGET(BUILD_LIST) {
        std::vector<Value> items(std::make_move_iterator(sp - arg), std::make_move_iterator(sp));
        for (uint32_t i = 0; i < arg; ++i)
          DROP();
        PUSH(makeList(std::move(items)));
        DISPATCH();
      }
      TARGET(BUILD_SET) {
        SAVE_FRAME();
        Value set = makeSet();
        for (uint32_t i = arg; i > 0; --i)
          set.as<SetObject>()->add(sp[-static_cast<int64_t>(i)]);
        for (uint32_t i = 0; i < arg; ++i)
          DROP();
        PUSH(std::move(set));
        DISPATCH();
      }
      TARGET(BUILD_MAP) {
        SAVE_FRAME();
        Value dict = makeDict();
        for (uint32_t i = arg; i > 0; --i)
          dict.as<DictObject>()->set(sp[-2 * static_cast<int64_t>(i)],
                                     sp[-2 * static_cast<int64_t>(i) + 1]);
        for (uint32_t i = 0; i < 2 * arg; ++i)
          DROP();
        PUSH(std::move(dict));
        DISPATCH();
      }
      TARGET(BUILD_STRING) {
        Value s = buildString(sp - arg, arg);
        for (uint32_t i = 0; i < arg; ++i)
          DROP();
        PUSH(std::move(s));
        DISPATCH();
      }
      TARGET(FORMAT_VALUE) {
        SAVE_FRAME();
        std::string spec;
        if (arg & 4) {
          Value s = POP();
          spec = asStr(s)->str();
        }
        Value v = POP();
        switch (arg & 3) {
          case 1:
            v = makeStr(str(v));
            break;
          case 2:
            v = makeStr(repr(v));
            break;
          case 3:
            v = makeStr(ascii(v));
            break;
          default:
            break;
        }
        if (isStr(v) && spec.empty())
          PUSH(std::move(v));
        else
          PUSH(makeStr(formatValue(v, spec)));
        DISPATCH();
      }
      TARGET(LIST_APPEND) {
        Value item = POP();
        sp[-static_cast<int64_t>(arg)].as<ListObject>()->items().push_back(std::move(item));
        DISPATCH();
      }
      TARGET(SET_ADD) {
        SAVE_FRAME();
        Value item = POP();
        sp[-static_cast<int64_t>(arg)].as<SetObject>()->add(item);
        DISPATCH();
      }
      TARGET(MAP_ADD) {
        SAVE_FRAME();
        Value value = POP();
        Value key = POP();
        sp[-static_cast<int64_t>(arg)].as<DictObject>()->set(key, std::move(value));
        DISPATCH();
      }
      TARGET(LIST_EXTEND) {
        SAVE_FRAME();
        std::vector<Value> items = toVector(sp[-1]);
        auto& list = sp[-1 - static_cast<int64_t>(arg)].as<ListObject>()->items();
        list.insert(list.end(), items.begin(), items.end());
        DROP();
        DISPATCH();
      }
      TARGET(SET_UPDATE) {
        SAVE_FRAME();
        std::vector<Value> items = toVector(sp[-1]);
        auto* set = sp[-1 - static_cast<int64_t>(arg)].as<SetObject>();
        for (const Value& v : items)
          set->add(v);
        DROP();
        DISPATCH();
      }
      TARGET(DICT_UPDATE) {
        SAVE_FRAME();
        auto* dict = sp[-1 - static_cast<int64_t>(arg)].as<DictObject>();
        if (!isDict(sp[-1])) raiseTypeError("'{}' object is not a mapping", typeName(sp[-1]));
        dict->mergeFrom(*sp[-1].as<DictObject>());  // stored hashes, as CPython's PyDict_Update
        DROP();
        DISPATCH();
      }
      TARGET(DICT_MERGE) {
        SAVE_FRAME();
        auto* dict = sp[-1 - static_cast<int64_t>(arg)].as<DictObject>();
        if (!isDict(sp[-1]))
          raiseTypeError("argument after ** must be a mapping, not {}", typeName(sp[-1]));
        std::vector<DictObject::Entry> entries = sp[-1].as<DictObject>()->entries();
        for (const auto& e : entries) {
          if (e.key.isNull()) continue;
          if (!isStr(e.key)) raiseTypeError("keywords must be strings");
          if (dict->contains(e.key))
            raiseTypeError("got multiple values for keyword argument '{}'", asStr(e.key)->view());
          dict->set(e.key, e.value);
        }
        DROP();
        DISPATCH();
      }
      TARGET(LIST_TO_TUPLE) {
        TOP() = makeTuple(TOP().as<ListObject>()->items());
        DISPATCH();
      }
      TARGET(UNPACK_SEQUENCE) {
        SAVE_FRAME();
        std::vector<Value> items = unpackItems(TOP());
        if (items.size() != arg) {
          if (items.size() > arg) raiseValueError("too many values to unpack (expected {})", arg);
          raiseValueError("not enough values to unpack (expected {}, got {})", arg, items.size());
        }
        DROP();
        for (size_t i = items.size(); i > 0; --i)
          PUSH(std::move(items[i - 1]));
        DISPATCH();
      }
      TARGET(UNPACK_EX) {
        SAVE_FRAME();
        size_t before = arg & 0xff, after = arg >> 8;
        std::vector<Value> items = unpackItems(TOP());
        if (items.size() < before + after)
          raiseValueError("not enough values to unpack (expected at least {}, got {})",
                          before + after, items.size());
        DROP();
        for (size_t i = 0; i < after; ++i)
          PUSH(std::move(items[items.size() - 1 - i]));
        std::vector<Value> middle(
            std::make_move_iterator(items.begin() + static_cast<int64_t>(before)),
            std::make_move_iterator(items.end() - static_cast<int64_t>(after)));
        PUSH(makeList(std::move(middle)));
        for (size_t i = before; i > 0; --i)
          PUSH(std::move(items[i - 1]));
        DISPATCH();
      }
      TARGET(CALL) {
        Value* callableSlot = sp - arg - 2;
        Value* args = callableSlot + 2;
        size_t count = arg;
        if (!callableSlot[1].isNull()) {
          args = callableSlot + 1;
          ++count;
        }
        Object* callee = callableSlot->isObject() ? callableSlot->object() : nullptr;
        if (callee && callee->type() == T().method && callableSlot[1].isNull()) {
          // Unpack a bound method into the [function, self] slots: no argument copying.
          auto* m = static_cast<BoundMethodObject*>(callee);
          Value self = m->self;
          Value function = m->function;
          callableSlot[1] = std::move(self);
          callableSlot[0] = std::move(function);
          args = callableSlot + 1;
          ++count;
          callee = callableSlot->object();
        }
        SAVE_FRAME();
        if (callee && callee->type() == T().function) {
          auto* fn = static_cast<FunctionObject*>(callee);
          CodeObject* calleeCode = fn->code_.as<CodeObject>();
          constexpr uint32_t kSlowFlags = kCodeGenerator | kCodeVarargs | kCodeVarKeywords;
          Value* end = args + calleeCode->frameSize();
          // The common call: exact positional arguments, no cells, room on the stack.
          if ((calleeCode->flags & (kSlowFlags | kCodeNoFreeOrCells)) == kCodeNoFreeOrCells &&
              count == static_cast<size_t>(calleeCode->argCount) &&
              calleeCode->keywordOnlyCount == 0 &&
              depth_ + nativeDepth_ < interp_.recursionLimit() && end <= stackLimit_) {
            while (highWater_ < end)
              new (highWater_++) Value();
            frame = pushFrame(calleeCode, fn, fn->globals_.as<DictObject>(), args);
            frame->resultSlot = callableSlot;
            LOAD_FRAME();
            DISPATCH();
          }
        }
        if (callee && callee->type() == T().function &&
            !(static_cast<FunctionObject*>(callee)->code()->flags & kCodeGenerator)) {
          frame = setupCall(static_cast<FunctionObject*>(callee), args,
                            CallArgs{args, count, nullptr}, callableSlot);
          LOAD_FRAME();
          DISPATCH();
        }
        // Cls(...) where construction is object.__new__ and a Python __init__: the object is
        // made here and __init__ runs as a frame of this loop; [Cls, Null, args] becomes
        // [__init__, obj, args], and RETURN_VALUE answers obj.
        if (callee && callee->type() == T().type && callableSlot[1].isNull()) {
          auto* cls = static_cast<TypeObject*>(callee);
          FunctionObject* init = plainConstructorInit(cls);
          if (init && !(init->code()->flags & kCodeGenerator)) {
            Value object = Value::steal(new InstanceObject(cls));
            callableSlot[1] = object;
            callableSlot[0] = Value::borrow(init);  // the class lives on in the object
            frame = setupCall(init, callableSlot + 1,
                              CallArgs{callableSlot + 1, count + 1, nullptr}, callableSlot);
            frame->constructed = std::move(object);
            LOAD_FRAME();
            DISPATCH();
          }
        }
        SERVE_WEAKREF_CALLBACKS();  // before print() et al. show what happened
        Value result;
        if (callee && callee->type() == T().builtinFunction) {
          if constexpr (kCosted) pending += scaledCost(NativeCosts::kNativeCall);
          result = static_cast<NativeFunctionObject*>(callee)->fn()(*this,
                                                                    CallArgs{args, count, nullptr});
        } else {
          result = call(*callableSlot, CallArgs{args, count, nullptr});
        }
        while (sp > callableSlot)
          DROP();
        PUSH(std::move(result));
        // A native callee's check point comes after it returns (CPython 3.11 tests the breaker
        // at the end of CALL; a Python callee tests it at its RESUME). A check before the call
        // would let `with lock:` switch threads between the body and __exit__, lock held.
        CHECK_POINT();
        DISPATCH();
      }
      TARGET(CALL_KW) {
        Value kwnames = POP();
        Value* callableSlot = sp - arg - 2;
        Value* args = callableSlot + 2;
        size_t count = arg;
        if (!callableSlot[1].isNull()) {
          args = callableSlot + 1;
          ++count;
        }
        SAVE_FRAME();
        auto* names = kwnames.as<TupleObject>();
        Object* callee = callableSlot->isObject() ? callableSlot->object() : nullptr;
        if (callee && callee->type() == T().function &&
            !(static_cast<FunctionObject*>(callee)->code()->flags & kCodeGenerator)) {
          frame = setupCall(static_cast<FunctionObject*>(callee), args,
                            CallArgs{args, count, names}, callableSlot);
          LOAD_FRAME();
          DISPATCH();
        }
        SERVE_WEAKREF_CALLBACKS();
        Value result = call(*callableSlot, CallArgs{args, count, names});
        while (sp > callableSlot)
          DROP();
        PUSH(std::move(result));
        CHECK_POINT();  // after a native callee returns, as in CALL
        DISPATCH();
      }
      TARGET(CALL_EX) {
        SAVE_FRAME();
        Value kwargs = (arg & 1) ? POP() : Value();
        Value positional = POP();
        DROP();  // the Null slot
        Value callable = POP();
        std::vector<Value> all = positional.as<TupleObject>()->items();
        std::vector<Value> names;
        if (!kwargs.isNull()) {
          for (const auto& e : kwargs.as<DictObject>()->entries()) {
            if (e.key.isNull()) continue;
            names.push_back(e.key);
            all.push_back(e.value);
          }
        }
        Value kwnames = makeTuple(std::move(names));
        Value result =
            call(callable,
                 CallArgs{all.data(), all.size(),
                          kwnames.as<TupleObject>()->size() ? kwnames.as<TupleObject>() : nullptr});
        PUSH(std::move(result));
        CHECK_POINT();  // after the callee returns, as in CALL
        DISPATCH();
      }
      TARGET(MAKE_FUNCTION) {
        Value codeValue = POP();
        Value closure = (arg & 8) ? POP() : Value();
        Value annotations = (arg & 4) ? POP() : Value();
        Value kwdefaults = (arg & 2) ? POP() : Value();
        Value defaults = (arg & 1) ? POP() : Value();
        Value fn = makeFunction(codeValue.as<CodeObject>(), codeValue, frame->globals);
        auto* f = fn.as<FunctionObject>();
        f->closure = std::move(closure);
        f->kwdefaults = std::move(kwdefaults);
        f->defaults = std::move(defaults);
        f->annotations = std::move(annotations);
        PUSH(std::move(fn));
        DISPATCH();
      }
      TARGET(RETURN_VALUE) {
        Value result = POP();
        Frame* done = frame;
        for (Value* p = done->base; p < sp; ++p)
          *p = Value();
        if (done->entry) {
          popFrame();
          return result;
        }
        Value* slot = done->resultSlot;
        for (Value* p = slot + 1; p < done->base; ++p)
          *p = Value();
        if (__builtin_expect(!done->constructed.isNull(), 0)) {
          Value initResult = std::move(result);
          *slot = std::move(done->constructed);
          popFrame();
          frame = frame_;
          LOAD_FRAME();
          sp = slot + 1;
          if (!initResult.isNone()) {
            SAVE_FRAME();
            raiseTypeError("__init__() should return None, not '{}'", typeName(initResult));
          }
          // Where a constructor called natively would have passed the check point after CALL.
          CHECK_POINT();
          DISPATCH();
        }
        *slot = std::move(result);
        popFrame();
        frame = frame_;
        LOAD_FRAME();
        sp = slot + 1;
        DISPATCH();
      }
      TARGET(YIELD_VALUE) {
        // Generator frames are always entry frames (see resumeGenerator): save and leave.
        Value yielded = POP();
        GeneratorObject* gen = frame->generator;
        uint32_t depth = static_cast<uint32_t>(sp - fp);
        gen->slots.resize(std::max<size_t>(gen->slots.size(), depth));
        for (uint32_t i = 0; i < depth; ++i)
          gen->slots[i] = std::move(fp[i]);
        gen->stackDepth = depth;
        gen->resumeAt = static_cast<uint32_t>(pc - code->code.data());
        popFrame();
        yielded_ = true;
        return yielded;
      }
      TARGET(GET_YIELD_FROM_ITER) {
        SAVE_FRAME();
        if (TOP().type() == coroutineType()) {
          // Only a generator marked by types.coroutine may delegate to a coroutine.
          if (!(code->flags & kCodeCoroutine))
            raiseTypeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
        } else if (TOP().type() != T().generator) {
          TOP() = getIter(TOP());
        }
        DISPATCH();
      }
      TARGET(YIELD_FROM) {
        SAVE_FRAME();
        Value sent = POP();
        Value produced;
        if (sendToIterator(*this, TOP(), sent, &produced)) {
          // Suspend at this instruction: resuming runs it again with the value sent.
          GeneratorObject* gen = frame->generator;
          uint32_t depth = static_cast<uint32_t>(sp - fp);
          gen->slots.resize(std::max<size_t>(gen->slots.size(), depth));
          for (uint32_t i = 0; i < depth; ++i)
            gen->slots[i] = std::move(fp[i]);
          gen->stackDepth = depth;
          gen->resumeAt = static_cast<uint32_t>(pc - 1 - code->code.data());
          popFrame();
          yielded_ = true;
          return produced;
        }
        TOP() = produced.isNull() ? Value::none() : std::move(produced);
        DISPATCH();
      }
      TARGET(LOAD_BUILD_CLASS) {
        Value v = frame->builtins->getStr("__build_class__");
        if (v.isNull()) raiseNameError("__build_class__ not found");
        PUSH(std::move(v));
        DISPATCH();
      }
      TARGET(IMPORT_NAME) {
        SAVE_FRAME();
        Value fromlist = POP();
        int64_t level = 0;
        if (!intFitsInt64(TOP(), &level)) level = 0;
        Value module = interp_.importName(*this, std::string(asStr(NAME(arg))->view()),
                                          frame->globals, fromlist, static_cast<int>(level));
        TOP() = std::move(module);
        DISPATCH();
      }
      TARGET(IMPORT_FROM) {
        SAVE_FRAME();
        const Value& module = TOP();
        Value v = getAttrOrNull(module, asStr(NAME(arg)));
        if (v.isNull() && module.type()->layout() == Layout::Module) {
          // A submodule still being imported (a circular import) is in sys.modules but not yet
          // bound on its parent: CPython 3.7+ looks there too.
          v = interp_.modules()->getStr(module.as<ModuleObject>()->name() + "." +
                                        std::string(asStr(NAME(arg))->view()));
        }
        if (v.isNull()) {
          std::string moduleName =
              module.type()->layout() == Layout::Module ? module.as<ModuleObject>()->name() : "?";
          Value file = module.type()->layout() == Layout::Module
                           ? module.as<ModuleObject>()->dict()->getStr("__file__")
                           : Value();
          std::string where = file.isNull() ? "unknown location" : asStr(file)->str();
          raiseImportError("cannot import name '{}' from '{}' ({})", asStr(NAME(arg))->view(),
                           moduleName, where);
        }
        PUSH(std::move(v));
        DISPATCH();
      }
      TARGET(IMPORT_STAR) {
        SAVE_FRAME();
        Value module = POP();
        DictObject* ns = frame->locals.isNull() ? frame->globals : frame->locals.as<DictObject>();
        std::vector<DictObject::Entry> entries = module.as<ModuleObject>()->dict()->entries();
        for (const auto& e : entries)
          if (!e.key.isNull() && asStr(e.key)->view().substr(0, 1) != "_") ns->set(e.key, e.value);
        DISPATCH();
      }
      TARGET(RAISE_VARARGS) {
        SAVE_FRAME();
        if (arg == 0) {
          if (handledException.isNull()) raiseRuntimeError("No active exception to reraise");
          reraising_ = true;
          RAISE_IN_LOOP(handledException);
        }
        Value cause = arg == 2 ? POP() : Value();
        Value exc = raiseTarget(*this, TOP());
        DROP();
        auto* e = exc.as<ExceptionObject>();
        if (arg == 2) {
          if (cause.isNone()) {
            e->cause = Value();
          } else {
            Value c = raiseTarget(*this, cause);
            e->cause = c;
          }
          e->suppressContext = true;
        }
        if (!handledException.isNull() && !handledException.identical(exc) && e->context.isNull())
          e->context = handledException;
        RAISE_IN_LOOP(std::move(exc));
      }
      TARGET(RERAISE) {
        SAVE_FRAME();
        Value exc = POP();
        reraising_ = true;
        RAISE_IN_LOOP(std::move(exc));
      }
      TARGET(PUSH_EXC_INFO) {
        Value exc = POP();
        PUSH(handledException.isNull() ? Value::none() : handledException);
        handledException = exc;
        PUSH(std::move(exc));
        DISPATCH();
      }
      TARGET(POP_EXCEPT) {
        Value previous = POP();
        handledException = previous.isNone() ? Value() : std::move(previous);
        DISPATCH();
      }
      TARGET(CHECK_EXC_MATCH) {
        SAVE_FRAME();
        Value type = POP();
        bool match = exceptionMatches(TOP(), type);
        PUSH(Value::boolean(match));
        DISPATCH();
      }
      TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Value::borrow(T().AssertionError));
        DISPATCH();
      }
      TARGET(BEFORE_WITH) {
        SAVE_FRAME();
        Value manager = TOP();
        Value enter = lookupSpecial(manager, "__enter__");
        Value exit = lookupSpecial(manager, "__exit__");
        if (enter.isNull() || exit.isNull())
          raiseTypeError("'{}' object does not support the context manager protocol",
                         typeName(manager));
        Value boundExit = Value::steal(new BoundMethodObject(manager, exit));
        Value entered = call(enter, {manager});
        TOP() = std::move(boundExit);
        PUSH(std::move(entered));
        DISPATCH();
      }
      TARGET(WITH_EXCEPT_START) {
        SAVE_FRAME();
        const Value& exc = sp[-1];
        Value result = call(sp[-3], {Value::borrow(exc.type()), exc, Value::none()});
        PUSH(Value::boolean(truthy(result)));
        DISPATCH();
      }
      TARGET(BEFORE_ASYNC_WITH) {
        SAVE_FRAME();
        Value manager = TOP();
        Value enter = lookupSpecial(manager, "__aenter__");
        Value exit = lookupSpecial(manager, "__aexit__");
        if (enter.isNull() || exit.isNull())
          raiseTypeError("'{}' object does not support the asynchronous context manager protocol",
                         typeName(manager));
        Value boundExit = Value::steal(new BoundMethodObject(manager, exit));
        Value entered = call(enter, {manager});
        TOP() = std::move(boundExit);
        PUSH(std::move(entered));
        DISPATCH();
      }
      TARGET(ASYNC_WITH_EXCEPT_START) {
        SAVE_FRAME();
        const Value& exc = sp[-1];
        Value result = call(sp[-3], {Value::borrow(exc.type()), exc, Value::none()});
        PUSH(std::move(result));
        DISPATCH();
      }
      TARGET(GET_AWAITABLE) {
        SAVE_FRAME();
        TOP() = getAwaitable(*this, TOP(), arg);
        DISPATCH();
      }
      TARGET(GET_AITER) {
        SAVE_FRAME();
        TOP() = getAsyncIterator(*this, TOP());
        DISPATCH();
      }
      TARGET(GET_ANEXT) {
        SAVE_FRAME();
        Value awaitable = getAsyncNext(*this, TOP());
        PUSH(std::move(awaitable));
        DISPATCH();
      }
      TARGET(END_ASYNC_FOR) {
        SAVE_FRAME();
        if (!isInstance(TOP(), T().StopAsyncIteration)) {
          Value exc = POP();
          reraising_ = true;
          RAISE_IN_LOOP(std::move(exc));
        }
        DROP();
        DROP();
        DISPATCH();
      }
      TARGET(ASYNC_GEN_WRAP) {
        TOP() = wrapAsyncGeneratorValue(std::move(TOP()));
        DISPATCH();
      }
#if !GILSIM_COMPUTED_GOTO
    }
  }
#endif
}
catch (PyException& e) {
  frame->pc = pc;
  frame->sp = sp;
  if (!isExceptionInstance(e.exception)) throw;
  Value exception = std::move(e.exception);
  if (!unwind(frame, exception, entry)) throw PyException{std::move(exception)};
}
catch (std::bad_alloc&) {
  frame->pc = pc;
  frame->sp = sp;
  // The memory held back pays for the MemoryError, its traceback and its report.
  interp_.releaseMemoryReserve();
  Value exception = newException(T().MemoryError, std::vector<Value>{});
  if (!unwind(frame, exception, entry)) throw PyException{std::move(exception)};
}
catch (RunAborted&) {
  // Not catchable by Python code: unwind every frame of this run and let it through.
  frame->pc = pc;
  frame->sp = sp;
  for (;;) {
    for (Value* p = frame->base; p < frame->sp; ++p)
      *p = Value();
    bool wasEntry = frame == entry;
    popFrame();
    if (wasEntry) break;
    frame = frame_;
  }
  throw;
}
}
// Out of the try above, so that this run's own handler does not catch it again.
propagate : throw PyException{std::move(escaping)};
#undef LOAD_FRAME
#undef FLUSH_COST
#undef CHARGE_INSTRUCTION
#undef SAVE_FRAME
#undef RAISE_IN_LOOP
#undef CHECK_POINT
#undef SERVE_WEAKREF_CALLBACKS
#undef PUSH
#undef POP
#undef TOP
#undef DROP
#undef NAME
#undef INT_LIKE
#undef TARGET
#undef DISPATCH
}

template Value VM::runLoop<false>(Frame* entry);
template Value VM::runLoop<true>(Frame* entry);

}  // namespace gilsim
