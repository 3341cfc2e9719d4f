// Code objects: the compiler's output for one function, class body or module.
#pragma once

#include <string>
#include <vector>

#include "interp/common/opcodes.h"
#include "interp/objects/attribute_cache.h"
#include "interp/objects/object.h"

namespace gilsim {

// An exception-table entry: an exception raised by an instruction in [start, end) unwinds the
// value stack to `depth`, pushes the exception and jumps to `target`. Entries are ordered innermost
// first, so the first match wins.
struct ExceptionTableEntry {
  uint32_t start, end, target, depth;
};

enum CodeFlags : uint32_t {
  kCodeVarargs = 1,
  kCodeVarKeywords = 2,
  kCodeModule = 4,     // names resolve through LOAD_NAME / globals
  kCodeClassBody = 8,  // locals live in a dict
  kCodeComprehension = 16,
  kCodeNoFreeOrCells = 32,    // fast call path: no cell set-up on entry
  kCodeGenerator = 64,        // calling it makes a generator, coroutine or async generator
  kCodeCoroutine = 128,       // with kCodeGenerator: an async def (or async comprehension)
  kCodeAsyncGenerator = 256,  // with kCodeGenerator: an async def that yields
};

// Per-instruction cache of a global-name lookup (see the LOAD_GLOBAL handler).
struct GlobalCache {
  uint64_t globalsVersion = ~0ull;
  uint64_t builtinsVersion = ~0ull;
  int64_t slot = -1;  // in globals if fromBuiltins is false
  bool fromBuiltins = false;
};

class CodeObject : public TrackedObject {
 public:
  CodeObject();
  void clearReferences() override;

  std::string name;
  std::string qualname;
  std::string filename;
  int firstLine = 1;
  uint32_t flags = 0;
  Value doc;         // a function's docstring (a str), null when it has none
  int argCount = 0;  // positional parameters (including positional-only)
  int positionalOnlyCount = 0;
  int keywordOnlyCount = 0;
  std::vector<uint32_t> code;
  std::vector<int32_t> lines;  // source line of each instruction
  std::vector<Value> consts;
  std::vector<Value> names;             // StrObjects
  std::vector<std::string> varnames;    // locals: parameters first
  std::vector<std::string> cellvars;    // locals captured by inner functions
  std::vector<std::string> freevars;    // captured from outer functions
  std::vector<int> cellParameterIndex;  // for each cellvar, the parameter it copies or -1
  std::vector<ExceptionTableEntry> exceptionTable;
  int maxStack = 0;
  mutable std::vector<GlobalCache> globalCaches;  // one per instruction index that is LOAD_GLOBAL
  // One per LOAD_ATTR, STORE_ATTR and LOAD_METHOD instruction, found through attrCacheSlot (an
  // entry per instruction index): the entries are large, the instructions few. A code object
  // with more than 65,535 of them shares the last entry among the rest.
  mutable std::vector<AttrCache> attrCaches;
  std::vector<uint16_t> attrCacheSlot;
  AttrCache& attrCacheAt(size_t instructionIndex) const {
    return attrCaches[attrCacheSlot[instructionIndex]];
  }

  // Slot counts, fixed by finishLayout() once the compiler is done (read on every call).
  int localsPlusCount = 0;
  int frameSlots = 0;
  void finishLayout() {
    localsPlusCount = static_cast<int>(varnames.size() + cellvars.size() + freevars.size());
    frameSlots = localsPlusCount + maxStack;
  }
  int localsPlus() const { return localsPlusCount; }
  int frameSize() const { return frameSlots; }
  int lineOf(size_t instructionIndex) const {
    return instructionIndex < lines.size() ? lines[instructionIndex] : firstLine;
  }
};

}  // namespace gilsim
