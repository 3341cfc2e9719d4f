#include "interp/vm/generator_object.h"

#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"
#include "interp/vm/vm_inline.h"

namespace gilsim {

GeneratorObject::GeneratorObject(Value function, std::vector<Value> s)
    : TrackedObject(builtinTypes().generator),
      functionValue(std::move(function)),
      slots(std::move(s)) {}

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
  auto* gen = new GeneratorObject(fnValue, std::move(slots));
  gen->stackDepth = static_cast<uint32_t>(code->localsPlus());
  return Value::steal(gen);
}

bool resumeGenerator(VM& vm, GeneratorObject* gen, const Value& sent, Value* out) {
  if (gen->finished) return false;
  if (gen->running) raiseValueError("generator already executing");
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
  if (gen->started) *f->sp++ = sent;
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
    return false;
  } catch (...) {
    gen->running = false;
    gen->finished = true;
    gen->slots.clear();
    throw;
  }
}

}  // namespace gilsim
