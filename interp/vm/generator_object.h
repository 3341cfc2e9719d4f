// Generators (generator expressions and functions containing `yield`). A suspended generator keeps
// its frame's slots (locals, cells and value stack) in a heap vector; resuming copies them onto
// the value stack, runs the frame as an entry frame until YIELD_VALUE or return, and copies back.
//
// The generator protocol, as CPython 3.11's: send(v) resumes with v as the yield's value (None
// before the first yield), throw(exc) raises exc at the yield, close() throws GeneratorExit and
// expects the generator to end; a return value travels as StopIteration(value). `yield from sub`
// (YIELD_FROM) stays suspended on its own instruction while sub yields, so send, throw and close
// reach sub first (PEP 380); its resumeAt then indexes the YIELD_FROM, with sub on the stack top.
#pragma once

#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class CodeObject;
class FunctionObject;
class VM;
struct CallArgs;

// Also the object of a coroutine and of an async generator (coroutine_object.h): the same frame
// machinery under another type.
class GeneratorObject : public TrackedObject {
 public:
  GeneratorObject(TypeObject* type, Value function, std::vector<Value> slots);
  ~GeneratorObject() override;
  FunctionObject* function() const;
  CodeObject* code() const;

  Value functionValue;
  std::vector<Value> slots;  // frame slots while suspended
  uint32_t resumeAt = 0;     // instruction index
  uint32_t stackDepth = 0;   // live slots (localsplus + stack) while suspended
  bool started = false, running = false, finished = false;
  void clearReferences() override;
};

// The generator, coroutine or async generator `v` is, else null.
GeneratorObject* asGeneratorObject(const Value& v);

// Creates the generator for a call of a generator function (binds the arguments, runs nothing):
// a coroutine or an async generator for an async def (the code's flags say which).
Value makeGenerator(VM& vm, FunctionObject* fn, const Value& fnValue, CallArgs args);

// How a suspended generator continues: with a value sent to its yield, with an exception raised
// at it (`value` is the exception), or as it stands (the stack already holds what it needs).
enum class ResumeMode : uint8_t { Send, Throw, Continue };
// Runs the generator to its next yield: true with *out set, false when it finished (*out is then
// its return value).
bool resumeGenerator(VM& vm, GeneratorObject* gen, const Value& value, Value* out,
                     ResumeMode mode = ResumeMode::Send);
// gen.throw(exc) after the arguments are checked: through a `yield from` to its subiterator
// first. true with the next yielded value, false with the return value.
bool throwIntoGenerator(VM& vm, GeneratorObject* gen, Value exception, Value* out);
// One step of YIELD_FROM: sends `sent` to `sub` (next() for None). true with the value it
// yielded; false when it ended, with its return value (Null when it has none).
bool sendToIterator(VM& vm, const Value& sub, const Value& sent, Value* out);
// The exception gen.throw(...) raises, from its arguments after self: throw(value), or the
// deprecated throw(type[, value[, traceback]]).
Value exceptionFromThrowArguments(VM& vm, CallArgs args);
// gen.close(): GeneratorExit thrown in; a RuntimeError when it yields instead of ending.
void closeGenerator(VM& vm, GeneratorObject* gen);
// StopIteration carrying a return value (none for None or Null, as CPython).
[[noreturn]] void raiseStopIteration(const Value& returned);
// Suspended in a `yield from` or an await, which send, throw and close reach first.
bool suspendedInYieldFrom(const GeneratorObject* gen);
// The value a StopIteration carries (None when it has none).
Value stopIterationValue(const Value& exception);
// send, throw, close, __next__, __iter__ and gi_running; once, as the built-in types are made.
void registerGeneratorMethods(TypeObject* generatorType);

}  // namespace gilsim
