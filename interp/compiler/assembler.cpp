// The assembler (see assembler.h): instruction emission, labels and jump patching, the stack-depth
// checker, the line and exception tables, the constant and name pools, and the finished
// CodeObject. Taken out of the compiler, which keeps the AST walk.
#include "interp/compiler/assembler.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "interp/objects/containers.h"
#include "interp/objects/int_object.h"
#include "interp/objects/interned_names.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/syntax/syntax_error.h"

namespace gilsim {

Assembler::Assembler(std::string filename, std::string name, std::string qualname, int firstLine)
    : code_(new CodeObject()), codeValue_(Value::steal(code_)) {
  code_->filename = std::move(filename);
  code_->name = std::move(name);
  code_->qualname = std::move(qualname);
  code_->firstLine = firstLine;
  line_ = firstLine;
}

// ---- emission ----
int Assembler::newLabel() {
  labels_.push_back(Label{});
  return static_cast<int>(labels_.size()) - 1;
}

void Assembler::noteDepth(int depth) {
  depth_ = depth;
  maxDepth_ = std::max(maxDepth_, depth_);
}

void Assembler::emitArg(Opcode op, uint32_t arg) {
  if (!reachable_) return;
  if (arg > kMaxArg)
    throw SyntaxError("too many constants, names or instructions in one function", line_, 1);
  code_->code.push_back(encode(op, arg));
  code_->lines.push_back(line_);
  int handler = handlerStack_.empty() ? -1 : handlerStack_.back();
  handlerOf_.push_back(handler);
  if (handler >= 0) labels_[handlers_[handler].label].used = true;
  noteDepth(depth_ + stackEffect(op, arg, false));
  if (op == Opcode::RETURN_VALUE || op == Opcode::RAISE_VARARGS || op == Opcode::RERAISE ||
      op == Opcode::JUMP_FORWARD || op == Opcode::JUMP_BACKWARD)
    reachable_ = false;
}

void Assembler::emitJump(Opcode op, int label) {
  if (!reachable_) return;
  Label& l = labels_[label];
  int jumpDepth = depth_ + stackEffect(op, 0, true);
  if (l.depth < 0) l.depth = jumpDepth;
  assert(l.depth == jumpDepth && "stack-effect checker: inconsistent depth at a jump target");
  l.used = true;
  l.sites.push_back(code_->code.size());
  emitArg(op, 0);
}

void Assembler::bind(int label) {
  Label& l = labels_[label];
  l.target = static_cast<int>(code_->code.size());
  if (reachable_) {
    if (l.depth >= 0)
      assert(l.depth == depth_ && "stack-effect checker: depths disagree at a label");
    l.depth = depth_;
  } else if (l.used && l.depth >= 0) {
    reachable_ = true;
    noteDepth(l.depth);
  }
}

// Backward jumps go to an already-bound label.
void Assembler::emitJumpBackward(int label) {
  if (!reachable_) return;
  labels_[label].sites.push_back(code_->code.size());
  emitArg(Opcode::JUMP_BACKWARD, 0);
}

int Assembler::addConst(const Value& v) {
  std::string key;
  switch (v.tag()) {
    case Tag::None:
      key = "N";
      break;
    case Tag::Bool:
      key = v.boolean() ? "T" : "F";
      break;
    case Tag::Int:
      key = "i" + std::to_string(v.smallInt());
      break;
    case Tag::Float: {
      double d = v.real();
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      key = "f" + std::to_string(bits);
      break;
    }
    default:
      if (isStr(v))
        key = "s" + asStr(v)->str();
      else if (v.type()->layout() == Layout::Int)
        key = "I" + toBigInt(v).str();
      else if (isBytes(v))
        key = "b" + v.as<BytesObject>()->data();
      break;
  }
  if (!key.empty()) {
    auto it = constIndex_.find(key);
    if (it != constIndex_.end()) return it->second;
    constIndex_[key] = static_cast<int>(code_->consts.size());
  }
  code_->consts.push_back(v);
  return static_cast<int>(code_->consts.size()) - 1;
}

int Assembler::addName(const std::string& name) {
  auto it = nameIndex_.find(name);
  if (it != nameIndex_.end()) return it->second;
  int index = static_cast<int>(code_->names.size());
  code_->names.push_back(internedName(name));
  nameIndex_[name] = index;
  return index;
}

// ---- exception handlers ----
int Assembler::pushHandler(int depth) {
  int label = newLabel();
  labels_[label].depth = depth + 1;
  handlers_.push_back(Handler{label, depth});
  int id = static_cast<int>(handlers_.size()) - 1;
  handlerStack_.push_back(id);
  return id;
}

void Assembler::popHandler() {
  handlerStack_.pop_back();
}

void Assembler::bindHandler(int id) {
  Label& l = labels_[handlers_[id].label];
  l.target = static_cast<int>(code_->code.size());
  reachable_ = l.used;
  if (reachable_) noteDepth(l.depth);
}

Value Assembler::finish(CodeVariables variables) {
  for (Label& l : labels_)
    for (size_t site : l.sites)
      code_->code[site] = encode(opOf(code_->code[site]), static_cast<uint32_t>(l.target));
  // Exception table: runs of instructions sharing a handler, innermost handler per instruction.
  for (size_t i = 0; i < handlerOf_.size();) {
    int h = handlerOf_[i];
    size_t j = i;
    while (j < handlerOf_.size() && handlerOf_[j] == h)
      ++j;
    if (h >= 0) {
      const Handler& handler = handlers_[h];
      code_->exceptionTable.push_back(
          ExceptionTableEntry{static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                              static_cast<uint32_t>(labels_[handler.label].target),
                              static_cast<uint32_t>(handler.depth)});
    }
    i = j;
  }
  code_->maxStack = maxDepth_ + 1;
  code_->varnames = std::move(variables.varnames);
  code_->cellvars = std::move(variables.cellvars);
  code_->freevars = std::move(variables.freevars);
  code_->cellParameterIndex = std::move(variables.cellParameterIndex);
  if (code_->cellvars.empty() && code_->freevars.empty()) code_->flags |= kCodeNoFreeOrCells;
  code_->finishLayout();
  code_->globalCaches.resize(code_->code.size());
  size_t attrInstructions = 0;
  for (uint32_t word : code_->code) {
    Opcode op = opOf(word);
    if (op == Opcode::LOAD_ATTR || op == Opcode::STORE_ATTR || op == Opcode::LOAD_METHOD)
      ++attrInstructions;
  }
  if (attrInstructions > 0) {
    constexpr size_t kMaxSlots = UINT16_MAX + 1;
    code_->attrCaches.resize(std::min(attrInstructions, kMaxSlots));
    code_->attrCacheSlot.assign(code_->code.size(), 0);
    size_t next = 0;
    for (size_t i = 0; i < code_->code.size(); ++i) {
      Opcode op = opOf(code_->code[i]);
      if (op == Opcode::LOAD_ATTR || op == Opcode::STORE_ATTR || op == Opcode::LOAD_METHOD)
        code_->attrCacheSlot[i] = static_cast<uint16_t>(std::min(next++, kMaxSlots - 1));
    }
  }
  return codeValue_;
}

}  // namespace gilsim
