// Generators (generator expressions and functions containing `yield`). A suspended generator keeps
// its frame's slots (locals, cells and value stack) in a heap vector; resuming copies them onto
// the value stack, runs the frame as an entry frame until YIELD_VALUE or return, and copies back.
#pragma once

#include <vector>

#include "interp/objects/object.h"

namespace gilsim {

class CodeObject;
class FunctionObject;
class VM;
struct CallArgs;

class GeneratorObject : public TrackedObject {
 public:
  GeneratorObject(Value function, std::vector<Value> slots);
  FunctionObject* function() const;
  CodeObject* code() const;

  Value functionValue;
  std::vector<Value> slots;  // frame slots while suspended
  uint32_t resumeAt = 0;     // instruction index
  uint32_t stackDepth = 0;   // live slots (localsplus + stack) while suspended
  bool started = false, running = false, finished = false;
  void clearReferences() override;
};

// Creates the generator for a call of a generator function (binds the arguments, runs nothing).
Value makeGenerator(VM& vm, FunctionObject* fn, const Value& fnValue, CallArgs args);
// Runs the generator to its next yield: true with *out set, false when it finished.
bool resumeGenerator(VM& vm, GeneratorObject* gen, const Value& sent, Value* out);

}  // namespace gilsim
