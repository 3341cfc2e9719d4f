// Statements: assignment, control flow, the block unwinding of break/continue/return, with, try.

#include <algorithm>
#include <cassert>

#include "interp/common/opcodes.h"
#include "interp/compiler/annotation_text.h"
#include "interp/compiler/compiler_internal.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/int_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim::detail {

void CodeCompiler::compileBody(const Body& body) {
  for (const StmtPtr& s : body)
    compileStmt(*s);
}

void CodeCompiler::compileStmt(const Stmt& s) {
  if (compileStackExhausted())  // an elif chain, nested blocks and definitions
    syntaxError("maximum recursion depth exceeded during compilation", s.range, "RecursionError");
  setLine(s.range);
  switch (s.kind) {
    case StmtKind::Expr:
      if (!displayHook_.isNull()) {
        emitConst(displayHook_);
        emit(Opcode::PUSH_NULL);
        compileExpr(*s.value);
        emitArg(Opcode::CALL, 1);
        emit(Opcode::POP_TOP);
        break;
      }
      compileExpr(*s.value);
      emit(Opcode::POP_TOP);
      break;
    case StmtKind::Assign:
      compileExpr(*s.value);
      for (size_t i = 0; i < s.targets.size(); ++i) {
        if (i + 1 < s.targets.size()) emit(Opcode::DUP_TOP);
        compileStore(*s.targets[i]);
      }
      break;
    case StmtKind::AugAssign:
      compileAugAssign(s);
      break;
    case StmtKind::AnnAssign:
      if (s.value) {
        compileExpr(*s.value);
        compileStore(*s.target);
      }
      if ((code()->flags & kCodeClassBody) && s.target->kind == ExprKind::Name) {
        // __annotations__[name] = "annotation text": the class's fields, in order, for
        // dataclasses and typing.NamedTuple (compileClassBody made the dict).
        emitConst(makeStr(annotationText(*s.test)));
        emitLoadName("__annotations__");
        emitConst(makeStr(s.target->name));
        emit(Opcode::STORE_SUBSCR);
      }
      break;
    case StmtKind::If:
      compileIf(s);
      break;
    case StmtKind::While:
      compileWhile(s);
      break;
    case StmtKind::For:
      compileFor(s);
      break;
    case StmtKind::Break:
      compileBreakContinue(s, true);
      break;
    case StmtKind::Continue:
      compileBreakContinue(s, false);
      break;
    case StmtKind::Pass:
      break;
    case StmtKind::Return:
      compileReturn(s);
      break;
    case StmtKind::FunctionDef:
      compileFunctionDef(s);
      break;
    case StmtKind::ClassDef:
      compileClassDef(s);
      break;
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      break;
    case StmtKind::Assert:
      compileAssert(s);
      break;
    case StmtKind::Delete:
      for (const ExprPtr& t : s.targets)
        compileDelete(*t);
      break;
    case StmtKind::Import:
      compileImport(s);
      break;
    case StmtKind::ImportFrom:
      compileImportFrom(s);
      break;
    case StmtKind::With:
      compileWith(s, 0);
      break;
    case StmtKind::Try:
      compileTry(s);
      break;
    case StmtKind::Raise:
      if (s.value) compileExpr(*s.value);
      if (s.cause) compileExpr(*s.cause);
      emitArg(Opcode::RAISE_VARARGS, s.value ? (s.cause ? 2 : 1) : 0);
      break;
  }
}

void CodeCompiler::compileAugAssign(const Stmt& s) {
  const Expr& t = *s.target;
  auto inplace = [&] {
    if (s.augOp == BinaryOperator::Add)
      emit(Opcode::INPLACE_ADD);
    else if (s.augOp == BinaryOperator::Sub)
      emit(Opcode::INPLACE_SUB);
    else
      emitArg(Opcode::INPLACE_OP, static_cast<uint32_t>(s.augOp));
  };
  switch (t.kind) {
    case ExprKind::Name:
      emitLoadName(t.name);
      compileExpr(*s.value);
      inplace();
      emitStoreName(t.name);
      break;
    case ExprKind::Attribute:
      compileExpr(*t.a);
      emit(Opcode::DUP_TOP);
      emitArg(Opcode::LOAD_ATTR, addName(t.name));
      compileExpr(*s.value);
      inplace();
      emit(Opcode::ROT_TWO);
      emitArg(Opcode::STORE_ATTR, addName(t.name));
      break;
    case ExprKind::Subscript:
      compileExpr(*t.a);
      compileExpr(*t.b);
      emit(Opcode::DUP_TOP_TWO);
      emit(Opcode::BINARY_SUBSCR);
      compileExpr(*s.value);
      inplace();
      emit(Opcode::ROT_THREE);
      emit(Opcode::STORE_SUBSCR);
      break;
    default:
      syntaxError("'expression' is an illegal expression for augmented assignment", t.range);
  }
}

void CodeCompiler::compileStore(const Expr& t) {
  switch (t.kind) {
    case ExprKind::Name:
      emitStoreName(t.name);
      break;
    case ExprKind::Attribute:
      compileExpr(*t.a);
      emitArg(Opcode::STORE_ATTR, addName(t.name));
      break;
    case ExprKind::Subscript:
      compileExpr(*t.a);
      compileExpr(*t.b);
      emit(Opcode::STORE_SUBSCR);
      break;
    case ExprKind::Tuple:
    case ExprKind::List: {
      size_t star = t.items.size();
      for (size_t i = 0; i < t.items.size(); ++i) {
        if (t.items[i]->kind == ExprKind::Starred) {
          if (star != t.items.size())
            syntaxError("multiple starred expressions in assignment", t.items[i]->range);
          star = i;
        }
      }
      if (star == t.items.size()) {
        emitArg(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(t.items.size()));
      } else {
        size_t after = t.items.size() - star - 1;
        if (star > 255 || after > 0xffff)
          syntaxError("too many expressions in star-unpacking assignment", t.range);
        emitArg(Opcode::UNPACK_EX, static_cast<uint32_t>(star | (after << 8)));
      }
      for (const ExprPtr& item : t.items)
        compileStore(item->kind == ExprKind::Starred ? *item->a : *item);
      break;
    }
    case ExprKind::Starred:
      syntaxError("starred assignment target must be in a list or tuple", t.range);
    default:
      syntaxError("cannot assign to expression", t.range);
  }
}

void CodeCompiler::compileDelete(const Expr& t) {
  switch (t.kind) {
    case ExprKind::Name:
      emitName(t.name, ExprContext::Del);
      break;
    case ExprKind::Attribute:
      compileExpr(*t.a);
      emitArg(Opcode::DELETE_ATTR, addName(t.name));
      break;
    case ExprKind::Subscript:
      compileExpr(*t.a);
      compileExpr(*t.b);
      emit(Opcode::DELETE_SUBSCR);
      break;
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const ExprPtr& item : t.items)
        compileDelete(*item);
      break;
    default:
      syntaxError("cannot delete expression", t.range);
  }
}

void CodeCompiler::compileCondition(const Expr& e, int label, bool jumpIf) {
  if (e.kind == ExprKind::UnaryOp && e.unaryOp == UnaryOperator::Not) {
    compileCondition(*e.a, label, !jumpIf);
    return;
  }
  if (e.kind == ExprKind::BoolOp) {
    bool isAnd = e.boolOp == BoolOperator::And;
    if (isAnd != jumpIf) {
      // and/jump-if-false or or/jump-if-true: any operand decides.
      for (const ExprPtr& v : e.items)
        compileCondition(*v, label, jumpIf);
    } else {
      int skip = newLabel();
      for (size_t i = 0; i + 1 < e.items.size(); ++i)
        compileCondition(*e.items[i], skip, !jumpIf);
      compileCondition(*e.items.back(), label, jumpIf);
      bind(skip);
    }
    return;
  }
  compileExpr(e);
  emitJump(jumpIf ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
}

void CodeCompiler::compileIf(const Stmt& s) {
  int elseLabel = newLabel();
  int end = newLabel();
  compileCondition(*s.test, elseLabel, false);
  compileBody(s.body);
  if (!s.orelse.empty()) {
    emitJump(Opcode::JUMP_FORWARD, end);
    bind(elseLabel);
    compileBody(s.orelse);
  } else {
    bind(elseLabel);
  }
  bind(end);
}

bool CodeCompiler::isConstantTrue(const Expr& e) {
  return e.kind == ExprKind::Constant &&
         (e.constant.kind == ConstantKind::True ||
          (e.constant.kind == ConstantKind::Int && e.constant.text != "0"));
}

void CodeCompiler::compileWhile(const Stmt& s) {
  int top = newLabel();
  int orelse = newLabel();
  int end = newLabel();
  bind(top);
  if (!isConstantTrue(*s.test)) compileCondition(*s.test, orelse, false);
  blocks_.push_back(
      Block{BlockKind::WhileLoop, top, end, nullptr, assembler_.handlerStackSize(), {}});
  compileBody(s.body);
  blocks_.pop_back();
  emitJumpBackward(top);
  bind(orelse);
  compileBody(s.orelse);
  bind(end);
}

void CodeCompiler::compileFor(const Stmt& s) {
  if (s.isAsync) {
    compileAsyncFor(s);
    return;
  }
  compileExpr(*s.iter);
  emit(Opcode::GET_ITER);
  int top = newLabel();
  int orelse = newLabel();
  int end = newLabel();
  bind(top);
  setLine(s.range);
  emitJump(Opcode::FOR_ITER, orelse);
  compileStore(*s.target);
  blocks_.push_back(
      Block{BlockKind::ForLoop, top, end, nullptr, assembler_.handlerStackSize(), {}});
  compileBody(s.body);
  blocks_.pop_back();
  emitJumpBackward(top);
  bind(orelse);
  compileBody(s.orelse);
  bind(end);
}

// As CPython 3.11: each __anext__() is awaited inside a handler whose END_ASYNC_FOR ends the loop
// on StopAsyncIteration; the body runs outside that handler. The async iterator stays on the stack
// as a for loop's iterator does, so break, continue and return unwind it the same way.
void CodeCompiler::compileAsyncFor(const Stmt& s) {
  compileExpr(*s.iter);
  setLine(s.range);
  emit(Opcode::GET_AITER);
  int top = newLabel();
  int end = newLabel();
  bind(top);
  int stop = pushHandler(assembler_.depth());
  setLine(s.range);
  emit(Opcode::GET_ANEXT);
  emitConst(Value::none());
  emit(Opcode::YIELD_FROM);
  popHandler();
  compileStore(*s.target);
  blocks_.push_back(
      Block{BlockKind::ForLoop, top, end, nullptr, assembler_.handlerStackSize(), {}});
  compileBody(s.body);
  blocks_.pop_back();
  emitJumpBackward(top);
  bindHandler(stop);  // [aiter, exc]
  setLine(s.range);
  emit(Opcode::END_ASYNC_FOR);
  compileBody(s.orelse);
  bind(end);
}

void CodeCompiler::emitAwait(uint32_t where) {
  emitArg(Opcode::GET_AWAITABLE, where);
  emitConst(Value::none());
  emit(Opcode::YIELD_FROM);
}

void CodeCompiler::unwindBlock(const Block& b, bool preserveTop) {
  switch (b.kind) {
    case BlockKind::WhileLoop:
      break;
    case BlockKind::ForLoop:
      if (preserveTop) emit(Opcode::ROT_TWO);
      emit(Opcode::POP_TOP);
      break;
    case BlockKind::ExceptBody: {
      std::vector<int> saved = assembler_.handlerStack();
      assembler_.truncateHandlerStack(b.handlerDepth);
      if (!b.exceptName.empty()) emitUnbind(b.exceptName);
      if (preserveTop) emit(Opcode::ROT_TWO);
      emit(Opcode::POP_EXCEPT);
      assembler_.restoreHandlerStack(saved);
      break;
    }
    case BlockKind::With:
    case BlockKind::AsyncWith: {
      std::vector<int> saved = assembler_.handlerStack();
      assembler_.truncateHandlerStack(b.handlerDepth);
      if (preserveTop) emit(Opcode::ROT_TWO);
      emitExitCall(b.kind == BlockKind::AsyncWith);
      assembler_.restoreHandlerStack(saved);
      break;
    }
    case BlockKind::TryFinally: {
      std::vector<int> savedHandlers = assembler_.handlerStack();
      assembler_.truncateHandlerStack(b.handlerDepth);
      // The finally body runs outside the try: hide the blocks it is nested in from it.
      std::vector<Block> savedBlocks = blocks_;
      auto self =
          std::find_if(blocks_.begin(), blocks_.end(), [&](const Block& x) { return &x == &b; });
      blocks_.erase(self, blocks_.end());
      const Body* body = b.finalBody;
      compileBody(*body);
      blocks_ = savedBlocks;
      assembler_.restoreHandlerStack(savedHandlers);
      break;
    }
  }
}

void CodeCompiler::compileBreakContinue(const Stmt& s, bool isBreak) {
  int loop = -1;
  for (int i = static_cast<int>(blocks_.size()) - 1; i >= 0; --i) {
    if (blocks_[i].kind == BlockKind::WhileLoop || blocks_[i].kind == BlockKind::ForLoop) {
      loop = i;
      break;
    }
  }
  if (loop < 0)
    syntaxError(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s.range);
  std::vector<Block> snapshot = blocks_;
  std::vector<int> savedHandlers = assembler_.handlerStack();
  for (int i = static_cast<int>(snapshot.size()) - 1; i > loop; --i) {
    blocks_.assign(snapshot.begin(), snapshot.begin() + i + 1);
    setLine(s.range);
    unwindBlock(blocks_.back(), false);
    leaveHandlersOf(snapshot[i]);
  }
  blocks_ = snapshot;
  const Block& target = snapshot[loop];
  // The jump itself is outside every block it left: an exception at its check point must not
  // run a `finally` that already ran inline.
  leaveHandlersOf(target);
  setLine(s.range);
  if (isBreak) {
    if (target.kind == BlockKind::ForLoop) emit(Opcode::POP_TOP);
    emitJump(Opcode::JUMP_FORWARD, target.breakLabel);
  } else {
    emitJumpBackward(target.continueLabel);
  }
  assembler_.restoreHandlerStack(savedHandlers);
}

void CodeCompiler::leaveHandlersOf(const Block& b) {
  if (assembler_.handlerStackSize() > b.handlerDepth)
    assembler_.truncateHandlerStack(b.handlerDepth);
}

void CodeCompiler::compileReturn(const Stmt& s) {
  if (scope_->kind != ScopeKind::Function) syntaxError("'return' outside function", s.range);
  if (s.value)
    compileExpr(*s.value);
  else
    emitConst(Value::none());
  std::vector<Block> snapshot = blocks_;
  std::vector<int> savedHandlers = assembler_.handlerStack();
  for (int i = static_cast<int>(snapshot.size()) - 1; i >= 0; --i) {
    blocks_.assign(snapshot.begin(), snapshot.begin() + i + 1);
    setLine(s.range);  // clean-up after an inlined finally belongs to the return
    unwindBlock(blocks_.back(), true);
    leaveHandlersOf(snapshot[i]);
  }
  blocks_ = snapshot;
  setLine(s.range);
  emit(Opcode::RETURN_VALUE);
  assembler_.restoreHandlerStack(savedHandlers);
}

void CodeCompiler::compileAssert(const Stmt& s) {
  int end = newLabel();
  compileCondition(*s.test, end, true);
  emit(Opcode::LOAD_ASSERTION_ERROR);
  if (s.cause) {
    emit(Opcode::PUSH_NULL);
    compileExpr(*s.cause);
    emitArg(Opcode::CALL, 1);
  }
  emitArg(Opcode::RAISE_VARARGS, 1);
  bind(end);
}

void CodeCompiler::compileImport(const Stmt& s) {
  for (const Alias& a : s.aliases) {
    setLine(a.range);
    emitConst(Value::integer(0));
    emitConst(Value::none());
    emitArg(Opcode::IMPORT_NAME, addName(a.name));
    if (!a.asName.empty()) {
      // import a.b as c binds the submodule: walk the attributes.
      size_t dot = a.name.find('.');
      while (dot != std::string::npos) {
        size_t next = a.name.find('.', dot + 1);
        emitArg(Opcode::IMPORT_FROM, addName(a.name.substr(dot + 1, next - dot - 1)));
        emit(Opcode::ROT_TWO);
        emit(Opcode::POP_TOP);
        dot = next;
      }
      emitStoreName(a.asName);
    } else {
      emitStoreName(a.name.substr(0, a.name.find('.')));
    }
  }
}

void CodeCompiler::compileImportFrom(const Stmt& s) {
  std::vector<Value> names;
  for (const Alias& a : s.aliases)
    names.push_back(makeStr(a.name));
  emitConst(Value::integer(s.level));
  emitConst(makeTuple(std::move(names)));
  emitArg(Opcode::IMPORT_NAME, addName(s.module));
  if (s.aliases.size() == 1 && s.aliases[0].name == "*") {
    emit(Opcode::IMPORT_STAR);
    return;
  }
  for (const Alias& a : s.aliases) {
    emitArg(Opcode::IMPORT_FROM, addName(a.name));
    emitStoreName(a.asName.empty() ? a.name : a.asName);
  }
  emit(Opcode::POP_TOP);
}

void CodeCompiler::emitUnbind(const std::string& name) {
  emitConst(Value::none());
  emitStoreName(name);
  emitName(name, ExprContext::Del);
}

void CodeCompiler::emitExitCall(bool awaited) {
  emit(Opcode::PUSH_NULL);
  emitConst(Value::none());
  emitConst(Value::none());
  emitConst(Value::none());
  emitArg(Opcode::CALL, 3);
  if (awaited) emitAwait(2);
  emit(Opcode::POP_TOP);
}

void CodeCompiler::emitCleanupHandler(int id) {
  bindHandler(id);
  emit(Opcode::ROT_TWO);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE);
}

void CodeCompiler::compileWith(const Stmt& s, size_t item) {
  if (item >= s.withItems.size()) {
    compileBody(s.body);
    return;
  }
  const bool async = s.isAsync;
  const WithItem& w = s.withItems[item];
  compileExpr(*w.context);
  setLine(s.range);
  if (async) {
    emit(Opcode::BEFORE_ASYNC_WITH);  // [aexit, aenter()]
    emitAwait(1);                     // [aexit, value]
  } else {
    emit(Opcode::BEFORE_WITH);  // [exit, value]
  }
  int depthWithExit = assembler_.depth() - 1;
  int handler = pushHandler(depthWithExit);
  size_t handlerDepthOutside = assembler_.handlerStackSize() - 1;
  if (w.target)
    compileStore(*w.target);
  else
    emit(Opcode::POP_TOP);
  blocks_.push_back(Block{
      async ? BlockKind::AsyncWith : BlockKind::With, -1, -1, nullptr, handlerDepthOutside, {}});
  compileWith(s, item + 1);
  blocks_.pop_back();
  popHandler();
  int end = newLabel();
  setLine(s.range);
  emitExitCall(async);
  emitJump(Opcode::JUMP_FORWARD, end);
  // Exceptional exit: [exit, exc]
  bindHandler(handler);
  emit(Opcode::PUSH_EXC_INFO);  // [exit, prev, exc]
  int cleanup = pushHandler(assembler_.depth() - 1);
  if (async) {
    emit(Opcode::ASYNC_WITH_EXCEPT_START);  // [exit, prev, exc, awaitable]
    emitAwait(2);                           // [exit, prev, exc, result]
  } else {
    emit(Opcode::WITH_EXCEPT_START);  // [exit, prev, exc, result]
  }
  int suppress = newLabel();
  emitJump(Opcode::POP_JUMP_IF_TRUE, suppress);
  emit(Opcode::RERAISE);
  bind(suppress);
  popHandler();
  emit(Opcode::POP_TOP);     // exc
  emit(Opcode::POP_EXCEPT);  // prev
  emit(Opcode::POP_TOP);     // exit
  emitJump(Opcode::JUMP_FORWARD, end);
  emitCleanupHandler(cleanup);
  bind(end);
}

void CodeCompiler::compileTry(const Stmt& s) {
  if (!s.finalBody.empty()) {
    int handler = pushHandler(assembler_.depth());
    blocks_.push_back(
        Block{BlockKind::TryFinally, -1, -1, &s.finalBody, assembler_.handlerStackSize() - 1, {}});
    if (!s.handlers.empty())
      compileTryExcept(s);
    else
      compileBody(s.body);
    blocks_.pop_back();
    popHandler();
    int end = newLabel();
    compileBody(s.finalBody);
    emitJump(Opcode::JUMP_FORWARD, end);
    bindHandler(handler);
    emit(Opcode::PUSH_EXC_INFO);  // [prev, exc]
    int cleanup = pushHandler(assembler_.depth() - 1);
    compileBody(s.finalBody);
    emit(Opcode::RERAISE);
    popHandler();
    emitCleanupHandler(cleanup);
    bind(end);
    return;
  }
  compileTryExcept(s);
}

void CodeCompiler::compileTryExcept(const Stmt& s) {
  int handler = pushHandler(assembler_.depth());
  compileBody(s.body);
  popHandler();
  int end = newLabel();
  compileBody(s.orelse);
  emitJump(Opcode::JUMP_FORWARD, end);
  bindHandler(handler);
  emit(Opcode::PUSH_EXC_INFO);  // [prev, exc]
  int cleanup = pushHandler(assembler_.depth() - 1);
  size_t outside = assembler_.handlerStackSize() - 1;
  for (const ExceptHandler& h : s.handlers) {
    setLine(h.range);
    int next = newLabel();
    if (h.type) {
      compileExpr(*h.type);
      emit(Opcode::CHECK_EXC_MATCH);
      emitJump(Opcode::POP_JUMP_IF_FALSE, next);
    }
    if (!h.name.empty())
      emitStoreName(h.name);
    else
      emit(Opcode::POP_TOP);
    // [prev]. The `as` name is unbound however the clause is left (CPython deletes it so the
    // exception does not keep the frame alive): normally, by break/continue/return, or by an
    // exception, for which a handler around the body unbinds it and re-raises.
    int unbindHandler = h.name.empty() ? -1 : pushHandler(assembler_.depth());
    blocks_.push_back(Block{BlockKind::ExceptBody, -1, -1, nullptr, outside, h.name});
    compileBody(h.body);
    blocks_.pop_back();
    if (unbindHandler >= 0) {
      popHandler();
      emitUnbind(h.name);
    }
    {
      // After POP_EXCEPT the stack no longer holds `prev`: leave the cleanup handler's range.
      std::vector<int> saved = assembler_.handlerStack();
      assembler_.truncateHandlerStack(outside);
      emit(Opcode::POP_EXCEPT);
      emitJump(Opcode::JUMP_FORWARD, end);
      assembler_.restoreHandlerStack(saved);
    }
    if (unbindHandler >= 0) {
      bindHandler(unbindHandler);  // [prev, exc]
      emitUnbind(h.name);
      emit(Opcode::RERAISE);  // to the cleanup handler, which restores prev
    }
    bind(next);
  }
  emit(Opcode::RERAISE);  // no clause matched; the cleanup handler restores and re-raises
  popHandler();
  emitCleanupHandler(cleanup);
  bind(end);
}

}  // namespace gilsim::detail
