// The assembler: the compiler's back end for one code object. The compiler walks the AST and
// tells the assembler what to emit; the assembler keeps everything about the instruction stream
// and turns it into a CodeObject.
//
// What it takes:
// - Instructions, in order: an opcode and an argument of at most kMaxArg (24 bits; more is a
//   SyntaxError at the current line). Each is stamped with the current line (setLine) and with
//   the innermost exception handler active when it is emitted.
// - Labels (newLabel): forward jumps name a label that is bound later (emitJump, then bind);
//   backward jumps name one already bound (bind, then emitJumpBackward).
// - Exception handlers (pushHandler/popHandler): a stack of handlers, the innermost active one
//   covering every instruction emitted meanwhile; bindHandler places the handler's code.
// - Constants and names, deduplicated into the code object's pools (addConst, addName).
//
// What it produces (finish):
// - code: one 32-bit word per instruction, encode(op, arg). A jump's argument is the absolute
//   index of its target instruction (the label's position when it was bound), patched in at
//   finish() for forward and backward jumps alike.
// - lines: the source line of each instruction, one entry per instruction.
// - exceptionTable: one entry per maximal run of consecutive instructions that share their
//   innermost handler, in instruction order, so entries never overlap: [start, end) in
//   instruction indices, target = where the handler was bound, depth = the value-stack depth the
//   unwinder cuts back to before it pushes the exception (the depth given to pushHandler; the
//   handler's code starts at depth + 1). Instructions outside every handler have no entry.
// - maxStack: the deepest value stack reached, plus one. The depth is followed while emitting:
//   each instruction adds stackEffect(op, arg, false); a jump records at its label the depth on
//   its taken path, stackEffect(op, 0, true); binding a label checks (assert) that the paths
//   into it agree. After an unconditional transfer (RETURN_VALUE, RAISE_VARARGS, RERAISE,
//   JUMP_FORWARD, JUMP_BACKWARD) the code is unreachable and emission is dropped, until a label
//   that some jump reaches is bound (at that label's depth) or a handler that covers some
//   instruction is bound (at its depth + 1).
// - The frame's variables as given to finish() (CodeVariables), kCodeNoFreeOrCells when there
//   are no cells and no free variables, the frame layout (CodeObject::finishLayout) and one
//   global-lookup cache per instruction.
// The compiler fills in the rest of the code object (flags, signature) through code().
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "interp/common/opcodes.h"
#include "interp/objects/code.h"
#include "interp/objects/object.h"

namespace gilsim {

// The variables of a code object's frame, decided by scope analysis.
struct CodeVariables {
  std::vector<std::string> varnames;    // locals: parameters first
  std::vector<std::string> cellvars;    // locals captured by inner functions
  std::vector<std::string> freevars;    // captured from outer functions
  std::vector<int> cellParameterIndex;  // for each cellvar, the parameter it copies or -1
};

class Assembler {
 public:
  Assembler(std::string filename, std::string name, std::string qualname, int firstLine);

  // The code object being built; finish() completes it.
  CodeObject* code() { return code_; }

  // The line given to the instructions emitted from now on (initially firstLine).
  void setLine(int line) { line_ = line; }

  // ---- instructions ----
  void emitArg(Opcode op, uint32_t arg);
  void emit(Opcode op) { emitArg(op, 0); }
  void emitConst(const Value& v) { emitArg(Opcode::LOAD_CONST, addConst(v)); }
  int addConst(const Value& v);  // index in consts; equal None/bool/int/float/str/bytes share one
  int addName(const std::string& name);  // index in names

  // ---- labels and jumps ----
  int newLabel();
  void emitJump(Opcode op, int label);  // a forward jump: `label` is bound later
  void emitJumpBackward(int label);     // JUMP_BACKWARD to an already-bound label
  void bind(int label);                 // `label` is the next instruction

  // ---- stack depth and reachability ----
  int depth() const { return depth_; }
  bool reachable() const { return reachable_; }

  // ---- exception handlers ----
  // A new innermost handler: an exception in what follows unwinds to `depth`, pushes the
  // exception and goes to where bindHandler(id) is called. Returns the handler's id.
  int pushHandler(int depth);
  void popHandler();
  void bindHandler(int id);
  // The stack of active handlers, for code that runs outside some of them (an inlined
  // `finally`, the clean-up on the way out of a block): save it, truncate it, restore it.
  const std::vector<int>& handlerStack() const { return handlerStack_; }
  size_t handlerStackSize() const { return handlerStack_.size(); }
  void truncateHandlerStack(size_t size) { handlerStack_.resize(size); }
  void restoreHandlerStack(std::vector<int> saved) { handlerStack_ = std::move(saved); }

  // Patches the jumps, builds the exception table, records the variables and the frame layout;
  // returns the code object.
  Value finish(CodeVariables variables);

 private:
  void noteDepth(int depth);

  struct Label {
    int target = -1;
    int depth = -1;
    bool used = false;
    std::vector<size_t> sites;
  };
  struct Handler {
    int label;
    int depth;
  };

  CodeObject* code_;
  Value codeValue_;
  std::vector<Label> labels_;
  std::vector<Handler> handlers_;
  std::vector<int> handlerStack_;
  std::vector<int> handlerOf_;
  std::map<std::string, int> constIndex_;
  std::map<std::string, int> nameIndex_;
  int depth_ = 0, maxDepth_ = 0;
  bool reachable_ = true;
  int line_ = 1;
};

}  // namespace gilsim
