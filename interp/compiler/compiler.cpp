#include "interp/compiler/compiler.h"

#include <algorithm>
#include <cassert>

#include "interp/common/opcodes.h"
#include "interp/compiler/assembler.h"
#include "interp/compiler/scope.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/int_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/syntax/syntax_error.h"

namespace gilsim {

namespace {

[[noreturn]] void syntaxError(const std::string& message, const SourceRange& r) {
  throw SyntaxError(message, r.line, r.col);
}

// What a `break`, `continue` or `return` must clean up on its way out.
enum class BlockKind { WhileLoop, ForLoop, TryFinally, ExceptBody, With };

struct Block {
  BlockKind kind;
  int continueLabel = -1;
  int breakLabel = -1;
  const Body* finalBody = nullptr;  // TryFinally
  size_t handlerDepth = 0;          // handler-stack size outside this block
  std::string exceptName;           // ExceptBody: the `as` name to unbind on the way out
};

class CodeCompiler {
 public:
  CodeCompiler(const ScopeTable& scopes, Scope* scope, std::string filename, std::string name,
               std::string qualname, int firstLine)
      : scopes_(scopes),
        scope_(scope),
        assembler_(std::move(filename), std::move(name), std::move(qualname), firstLine) {
    varnames_ = scope->varnames();
    cellvars_ = scope->cellvars();
    freevars_ = scope->freevars();
  }

  Value compileModuleBody(const Body& body) {
    code()->flags |= kCodeModule;
    for (size_t i = 0; i < body.size(); ++i)
      compileStmt(*body[i]);
    emitConst(Value::none());
    emit(Opcode::RETURN_VALUE);
    return finish();
  }

  Value compileFunctionBody(const Stmt* def, const Body& body) {
    (void)def;
    emit(Opcode::RESUME);
    for (const StmtPtr& s : body)
      compileStmt(*s);
    if (assembler_.reachable()) {
      emitConst(Value::none());
      emit(Opcode::RETURN_VALUE);
    }
    return finish();
  }

  Value compileLambdaBody(const Expr& body) {
    emit(Opcode::RESUME);
    compileExpr(body);
    emit(Opcode::RETURN_VALUE);
    return finish();
  }

  Value compileClassBody(const Body& body, const std::string& qualname) {
    code()->flags |= kCodeClassBody;
    emitLoadName("__name__");
    emitStoreName("__module__");
    emitConst(makeStr(qualname));
    emitStoreName("__qualname__");
    for (const StmtPtr& s : body)
      compileStmt(*s);
    if (assembler_.reachable()) {
      if (scope_->needsClassCell) {
        emitArg(Opcode::LOAD_CLOSURE, derefIndex("__class__"));
      } else {
        emitConst(Value::none());
      }
      emit(Opcode::RETURN_VALUE);
    }
    return finish();
  }

  Value compileComprehension(const Expr& e) {
    code()->flags |= kCodeComprehension;
    emit(Opcode::RESUME);
    int depthOfResult = 1;
    switch (e.kind) {
      case ExprKind::GeneratorExp:
        code()->flags |= kCodeGenerator;
        break;
      case ExprKind::ListComp:
        emitArg(Opcode::BUILD_LIST, 0);
        break;
      case ExprKind::SetComp:
        emitArg(Opcode::BUILD_SET, 0);
        break;
      case ExprKind::DictComp:
        emitArg(Opcode::BUILD_MAP, 0);
        break;
      default:
        break;
    }
    (void)depthOfResult;
    compileGenerators(e, 0);
    if (e.kind == ExprKind::GeneratorExp) emitConst(Value::none());
    emit(Opcode::RETURN_VALUE);
    return finish();
  }

  CodeObject* code() { return assembler_.code(); }

 private:
  // ---- emission ----
  // The instruction vocabulary the AST walk below is written in; the assembler does the work.
  int newLabel() { return assembler_.newLabel(); }
  void emitArg(Opcode op, uint32_t arg) { assembler_.emitArg(op, arg); }
  void emit(Opcode op) { assembler_.emit(op); }
  void emitJump(Opcode op, int label) { assembler_.emitJump(op, label); }
  void bind(int label) { assembler_.bind(label); }
  void emitJumpBackward(int label) { assembler_.emitJumpBackward(label); }
  int addConst(const Value& v) { return assembler_.addConst(v); }
  void emitConst(const Value& v) { assembler_.emitConst(v); }
  int addName(const std::string& name) { return assembler_.addName(name); }
  int pushHandler(int depth) { return assembler_.pushHandler(depth); }
  void popHandler() { assembler_.popHandler(); }
  void bindHandler(int id) { assembler_.bindHandler(id); }

  int localIndex(const std::string& name) {
    auto it = std::find(varnames_.begin(), varnames_.end(), name);
    assert(it != varnames_.end());
    return static_cast<int>(it - varnames_.begin());
  }
  int derefIndex(const std::string& name) {
    auto c = std::find(cellvars_.begin(), cellvars_.end(), name);
    if (c != cellvars_.end()) return static_cast<int>(c - cellvars_.begin());
    auto f = std::find(freevars_.begin(), freevars_.end(), name);
    assert(f != freevars_.end());
    return static_cast<int>(cellvars_.size() + (f - freevars_.begin()));
  }

  void emitLoadName(const std::string& name) { emitName(name, ExprContext::Load); }
  void emitStoreName(const std::string& name) { emitName(name, ExprContext::Store); }

  void emitName(const std::string& name, ExprContext ctx) {
    NameScope where = scope_->resolve(name);
    Opcode fast[] = {Opcode::LOAD_FAST, Opcode::STORE_FAST, Opcode::DELETE_FAST};
    Opcode deref[] = {Opcode::LOAD_DEREF, Opcode::STORE_DEREF, Opcode::DELETE_DEREF};
    Opcode global[] = {Opcode::LOAD_GLOBAL, Opcode::STORE_GLOBAL, Opcode::DELETE_GLOBAL};
    Opcode byName[] = {Opcode::LOAD_NAME, Opcode::STORE_NAME, Opcode::DELETE_NAME};
    int i = static_cast<int>(ctx);
    switch (where) {
      case NameScope::Local:
        emitArg(fast[i], localIndex(name));
        break;
      case NameScope::Cell:
      case NameScope::Free:
        emitArg(deref[i], derefIndex(name));
        break;
      case NameScope::GlobalExplicit:
      case NameScope::GlobalImplicit:
        emitArg(global[i], addName(name));
        break;
      case NameScope::Name:
        emitArg(byName[i], addName(name));
        break;
    }
  }

  Value finish() {
    std::vector<int> cellParameterIndex;
    for (const std::string& cell : cellvars_) {
      auto it = std::find(scope_->parameters.begin(), scope_->parameters.end(), cell);
      cellParameterIndex.push_back(
          it == scope_->parameters.end() ? -1 : static_cast<int>(it - scope_->parameters.begin()));
    }
    return assembler_.finish(
        CodeVariables{varnames_, cellvars_, freevars_, std::move(cellParameterIndex)});
  }

  // ---- statements ----
  void setLine(const SourceRange& r) {
    if (r.line > 0) assembler_.setLine(r.line);
  }

  void compileBody(const Body& body) {
    for (const StmtPtr& s : body)
      compileStmt(*s);
  }

  void compileStmt(const Stmt& s) {
    setLine(s.range);
    switch (s.kind) {
      case StmtKind::Expr:
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

  void compileAugAssign(const Stmt& s) {
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

  void compileStore(const Expr& t) {
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

  void compileDelete(const Expr& t) {
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

  // Compiles a condition and jumps to `label` when it is `jumpIf`.
  void compileCondition(const Expr& e, int label, bool jumpIf) {
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

  void compileIf(const Stmt& s) {
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

  bool isConstantTrue(const Expr& e) {
    return e.kind == ExprKind::Constant &&
           (e.constant.kind == ConstantKind::True ||
            (e.constant.kind == ConstantKind::Int && e.constant.text != "0"));
  }

  void compileWhile(const Stmt& s) {
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

  void compileFor(const Stmt& s) {
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

  // Emits the clean-up of one block on the way out of it; `preserveTop` keeps a return value.
  void unwindBlock(const Block& b, bool preserveTop) {
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
      case BlockKind::With: {
        std::vector<int> saved = assembler_.handlerStack();
        assembler_.truncateHandlerStack(b.handlerDepth);
        if (preserveTop) emit(Opcode::ROT_TWO);
        emitExitCall();
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

  void compileBreakContinue(const Stmt& s, bool isBreak) {
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

  void leaveHandlersOf(const Block& b) {
    if (assembler_.handlerStackSize() > b.handlerDepth)
      assembler_.truncateHandlerStack(b.handlerDepth);
  }

  void compileReturn(const Stmt& s) {
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

  void compileAssert(const Stmt& s) {
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

  void compileImport(const Stmt& s) {
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

  void compileImportFrom(const Stmt& s) {
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

  void emitUnbind(const std::string& name) {
    emitConst(Value::none());
    emitStoreName(name);
    emitName(name, ExprContext::Del);
  }

  // Calls the __exit__ on top of the stack with (None, None, None) and drops the result.
  void emitExitCall() {
    emit(Opcode::PUSH_NULL);
    emitConst(Value::none());
    emitConst(Value::none());
    emitConst(Value::none());
    emitArg(Opcode::CALL, 3);
    emit(Opcode::POP_TOP);
  }

  // Shared by every handler that must restore the previous exception and re-raise:
  // stack [..., prev, exc] -> restore prev, re-raise exc.
  void emitCleanupHandler(int id) {
    bindHandler(id);
    emit(Opcode::ROT_TWO);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::RERAISE);
  }

  void compileWith(const Stmt& s, size_t item) {
    if (item >= s.withItems.size()) {
      compileBody(s.body);
      return;
    }
    const WithItem& w = s.withItems[item];
    compileExpr(*w.context);
    setLine(s.range);
    emit(Opcode::BEFORE_WITH);  // [exit, value]
    int depthWithExit = assembler_.depth() - 1;
    int handler = pushHandler(depthWithExit);
    size_t handlerDepthOutside = assembler_.handlerStackSize() - 1;
    if (w.target)
      compileStore(*w.target);
    else
      emit(Opcode::POP_TOP);
    blocks_.push_back(Block{BlockKind::With, -1, -1, nullptr, handlerDepthOutside, {}});
    compileWith(s, item + 1);
    blocks_.pop_back();
    popHandler();
    int end = newLabel();
    setLine(s.range);
    emitExitCall();
    emitJump(Opcode::JUMP_FORWARD, end);
    // Exceptional exit: [exit, exc]
    bindHandler(handler);
    emit(Opcode::PUSH_EXC_INFO);  // [exit, prev, exc]
    int cleanup = pushHandler(assembler_.depth() - 1);
    emit(Opcode::WITH_EXCEPT_START);  // [exit, prev, exc, result]
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

  void compileTry(const Stmt& s) {
    if (!s.finalBody.empty()) {
      int handler = pushHandler(assembler_.depth());
      blocks_.push_back(Block{
          BlockKind::TryFinally, -1, -1, &s.finalBody, assembler_.handlerStackSize() - 1, {}});
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

  void compileTryExcept(const Stmt& s) {
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

  // ---- functions and classes ----

  std::string childQualname(const std::string& name) {
    if (scope_->kind == ScopeKind::Module) return name;
    if (scope_->kind == ScopeKind::Function) return code()->qualname + ".<locals>." + name;
    return code()->qualname + "." + name;
  }

  // Pushes the closure tuple for a child scope, if it has free variables; returns the flag.
  uint32_t emitClosure(Scope* child) {
    std::vector<std::string> frees = child->freevars();
    if (frees.empty()) return 0;
    for (const std::string& name : frees) {
      // A free name of the child is a cell or a free variable here.
      emitArg(Opcode::LOAD_CLOSURE, derefIndex(name));
    }
    emitArg(Opcode::BUILD_TUPLE, static_cast<uint32_t>(frees.size()));
    return 8;
  }

  uint32_t emitDefaults(const Arguments& a) {
    uint32_t flags = 0;
    if (!a.defaults.empty()) {
      for (const ExprPtr& d : a.defaults)
        compileExpr(*d);
      emitArg(Opcode::BUILD_TUPLE, static_cast<uint32_t>(a.defaults.size()));
      flags |= 1;
    }
    size_t kwCount = 0;
    for (size_t i = 0; i < a.keywordOnly.size(); ++i) {
      if (!a.keywordDefaults[i]) continue;
      emitConst(makeStr(a.keywordOnly[i].name));
      compileExpr(*a.keywordDefaults[i]);
      ++kwCount;
    }
    if (kwCount) {
      emitArg(Opcode::BUILD_MAP, static_cast<uint32_t>(kwCount));
      flags |= 2;
    }
    return flags;
  }

  void setSignature(CodeObject* code, const Arguments& a) {
    code->argCount = static_cast<int>(a.positional.size());
    code->positionalOnlyCount = a.positionalOnlyCount;
    code->keywordOnlyCount = static_cast<int>(a.keywordOnly.size());
    if (a.varargs) code->flags |= kCodeVarargs;
    if (a.kwargs) code->flags |= kCodeVarKeywords;
  }

  void compileFunctionDef(const Stmt& s) {
    for (const ExprPtr& d : s.decorators) {
      compileExpr(*d);
      emit(Opcode::PUSH_NULL);
    }
    Scope* child = scopes_.scopeOf(&s);
    uint32_t flags = emitDefaults(*s.arguments);
    flags |= emitClosure(child);
    CodeCompiler inner(scopes_, child, code()->filename, s.name, childQualname(s.name),
                       s.range.line);
    setSignature(inner.code(), *s.arguments);
    if (child->isGenerator) inner.code()->flags |= kCodeGenerator;
    Value code = inner.compileFunctionBody(&s, s.body);
    setLine(s.range);
    emitConst(code);
    emitArg(Opcode::MAKE_FUNCTION, flags);
    for (size_t i = 0; i < s.decorators.size(); ++i)
      emitArg(Opcode::CALL, 1);
    emitStoreName(s.name);
  }

  void compileClassDef(const Stmt& s) {
    for (const ExprPtr& d : s.decorators) {
      compileExpr(*d);
      emit(Opcode::PUSH_NULL);
    }
    Scope* child = scopes_.scopeOf(&s);
    emit(Opcode::LOAD_BUILD_CLASS);
    emit(Opcode::PUSH_NULL);
    uint32_t flags = emitClosure(child);
    std::string qualname = childQualname(s.name);
    CodeCompiler inner(scopes_, child, code()->filename, s.name, qualname, s.range.line);
    Value code = inner.compileClassBody(s.body, qualname);
    setLine(s.range);
    emitConst(code);
    emitArg(Opcode::MAKE_FUNCTION, flags);
    emitConst(makeStr(s.name));
    for (const ExprPtr& b : s.bases)
      compileExpr(*b);
    uint32_t argc = static_cast<uint32_t>(2 + s.bases.size());
    if (!s.keywords.empty()) {
      std::vector<Value> names;
      for (const Keyword& k : s.keywords) {
        if (k.name.empty()) syntaxError("**kwargs in a class definition is not supported", k.range);
        compileExpr(*k.value);
        names.push_back(makeStr(k.name));
      }
      emitConst(makeTuple(std::move(names)));
      emitArg(Opcode::CALL_KW, argc + static_cast<uint32_t>(s.keywords.size()));
    } else {
      emitArg(Opcode::CALL, argc);
    }
    for (size_t i = 0; i < s.decorators.size(); ++i)
      emitArg(Opcode::CALL, 1);
    emitStoreName(s.name);
  }

  void compileLambda(const Expr& e) {
    Scope* child = scopes_.scopeOf(&e);
    uint32_t flags = emitDefaults(*e.arguments);
    flags |= emitClosure(child);
    CodeCompiler inner(scopes_, child, code()->filename, "<lambda>", childQualname("<lambda>"),
                       e.range.line);
    setSignature(inner.code(), *e.arguments);
    Value code = inner.compileLambdaBody(*e.a);
    emitConst(code);
    emitArg(Opcode::MAKE_FUNCTION, flags);
  }

  void compileComprehensionCall(const Expr& e) {
    Scope* child = scopes_.scopeOf(&e);
    uint32_t flags = emitClosure(child);
    const char* name = child->name.c_str();
    CodeCompiler inner(scopes_, child, code()->filename, name, childQualname(name), e.range.line);
    inner.code()->argCount = 1;
    Value code = inner.compileComprehension(e);
    emitConst(code);
    emitArg(Opcode::MAKE_FUNCTION, flags);
    emit(Opcode::PUSH_NULL);
    compileExpr(*e.generators[0].iter);
    emit(Opcode::GET_ITER);
    emitArg(Opcode::CALL, 1);
  }

  void compileGenerators(const Expr& e, size_t index) {
    const Comprehension& g = e.generators[index];
    if (index == 0)
      emitArg(Opcode::LOAD_FAST, 0);  // the iterator argument .0
    else {
      compileExpr(*g.iter);
      emit(Opcode::GET_ITER);
    }
    int top = newLabel();
    int end = newLabel();
    bind(top);
    emitJump(Opcode::FOR_ITER, end);
    compileStore(*g.target);
    int skip = newLabel();
    for (const ExprPtr& cond : g.ifs)
      compileCondition(*cond, skip, false);
    if (index + 1 < e.generators.size()) {
      compileGenerators(e, index + 1);
    } else {
      uint32_t depth = static_cast<uint32_t>(index + 2);  // iterators + the result below the item
      switch (e.kind) {
        case ExprKind::GeneratorExp:
          compileExpr(*e.a);
          emit(Opcode::YIELD_VALUE);
          emit(Opcode::POP_TOP);
          break;
        case ExprKind::ListComp:
          compileExpr(*e.a);
          emitArg(Opcode::LIST_APPEND, depth);
          break;
        case ExprKind::SetComp:
          compileExpr(*e.a);
          emitArg(Opcode::SET_ADD, depth);
          break;
        case ExprKind::DictComp:
          compileExpr(*e.a);
          compileExpr(*e.b);
          emitArg(Opcode::MAP_ADD, depth);
          break;
        default:
          break;
      }
    }
    bind(skip);
    emitJumpBackward(top);
    bind(end);
  }

  // ---- expressions ----

  Value constantValue(const Expr& e) {
    const Constant& c = e.constant;
    switch (c.kind) {
      case ConstantKind::None:
        return Value::none();
      case ConstantKind::True:
        return Value::boolean(true);
      case ConstantKind::False:
        return Value::boolean(false);
      case ConstantKind::Ellipsis:
        return Value::borrow(builtinTypes().ellipsis);
      case ConstantKind::Int: {
        Value v;
        if (!parseInt(c.text, 0, &v)) syntaxError("invalid integer literal", e.range);
        return v;
      }
      case ConstantKind::Float:
        return Value::real(c.number);
      case ConstantKind::Imaginary:
        syntaxError("complex numbers are not supported by gilsim", e.range);
      case ConstantKind::Str:
        return makeStr(c.text);
      case ConstantKind::Bytes:
        return makeBytes(c.text);
    }
    return Value::none();
  }

  bool isSmallIntConstant(const Expr& e) {
    if (e.kind != ExprKind::Constant || e.constant.kind != ConstantKind::Int) return false;
    Value v;
    return parseInt(e.constant.text, 0, &v) && v.isSmallInt();
  }

  bool hasStarred(const std::vector<ExprPtr>& items) {
    return std::any_of(items.begin(), items.end(),
                       [](const ExprPtr& x) { return x->kind == ExprKind::Starred; });
  }

  // Builds a list from items that may contain *starred parts.
  void compileStarredList(const std::vector<ExprPtr>& items) {
    size_t plain = 0;
    bool built = false;
    for (const ExprPtr& item : items) {
      if (item->kind == ExprKind::Starred) {
        if (!built) {
          emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
          built = true;
        } else if (plain) {
          emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
          emitArg(Opcode::LIST_EXTEND, 1);
        }
        plain = 0;
        compileExpr(*item->a);
        emitArg(Opcode::LIST_EXTEND, 1);
      } else {
        compileExpr(*item);
        ++plain;
      }
    }
    if (!built) {
      emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
    } else if (plain) {
      emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
      emitArg(Opcode::LIST_EXTEND, 1);
    }
  }

  void compileCall(const Expr& e) {
    const Expr& f = *e.a;
    bool simpleArgs =
        !hasStarred(e.items) && std::none_of(e.keywords.begin(), e.keywords.end(),
                                             [](const Keyword& k) { return k.name.empty(); });
    if (f.kind == ExprKind::Attribute && simpleArgs) {
      compileExpr(*f.a);
      setLine(f.range);
      emitArg(Opcode::LOAD_METHOD, addName(f.name));
    } else {
      compileExpr(f);
      emit(Opcode::PUSH_NULL);
    }
    setLine(e.range);
    if (simpleArgs) {
      for (const ExprPtr& a : e.items)
        compileExpr(*a);
      uint32_t argc = static_cast<uint32_t>(e.items.size() + e.keywords.size());
      if (e.keywords.empty()) {
        setLine(e.range);
        emitArg(Opcode::CALL, argc);
        return;
      }
      std::vector<Value> names;
      for (const Keyword& k : e.keywords) {
        compileExpr(*k.value);
        names.push_back(makeStr(k.name));
      }
      emitConst(makeTuple(std::move(names)));
      setLine(e.range);
      emitArg(Opcode::CALL_KW, argc);
      return;
    }
    compileStarredList(e.items);
    emit(Opcode::LIST_TO_TUPLE);
    uint32_t flags = 0;
    if (!e.keywords.empty()) {
      emitArg(Opcode::BUILD_MAP, 0);
      for (const Keyword& k : e.keywords) {
        if (k.name.empty()) {
          compileExpr(*k.value);
          emitArg(Opcode::DICT_MERGE, 1);
        } else {
          emitConst(makeStr(k.name));
          compileExpr(*k.value);
          emitArg(Opcode::BUILD_MAP, 1);
          emitArg(Opcode::DICT_MERGE, 1);
        }
      }
      flags = 1;
    }
    setLine(e.range);
    emitArg(Opcode::CALL_EX, flags);
  }

  void compileCompare(const Expr& e) {
    auto emitOp = [&](CompareOperator op) {
      switch (op) {
        case CompareOperator::Lt:
          emit(Opcode::COMPARE_LT);
          break;
        case CompareOperator::LtE:
          emit(Opcode::COMPARE_LE);
          break;
        case CompareOperator::Eq:
          emit(Opcode::COMPARE_EQ);
          break;
        case CompareOperator::NotEq:
          emit(Opcode::COMPARE_NE);
          break;
        case CompareOperator::Gt:
          emit(Opcode::COMPARE_GT);
          break;
        case CompareOperator::GtE:
          emit(Opcode::COMPARE_GE);
          break;
        case CompareOperator::Is:
          emitArg(Opcode::IS_OP, 0);
          break;
        case CompareOperator::IsNot:
          emitArg(Opcode::IS_OP, 1);
          break;
        case CompareOperator::In:
          emitArg(Opcode::CONTAINS_OP, 0);
          break;
        case CompareOperator::NotIn:
          emitArg(Opcode::CONTAINS_OP, 1);
          break;
      }
    };
    compileExpr(*e.a);
    if (e.items.size() == 1) {
      Opcode constOp = Opcode::NOP;
      switch (e.compareOps[0]) {
        case CompareOperator::Lt:
          constOp = Opcode::COMPARE_LT_CONST;
          break;
        case CompareOperator::LtE:
          constOp = Opcode::COMPARE_LE_CONST;
          break;
        case CompareOperator::Eq:
          constOp = Opcode::COMPARE_EQ_CONST;
          break;
        case CompareOperator::NotEq:
          constOp = Opcode::COMPARE_NE_CONST;
          break;
        case CompareOperator::Gt:
          constOp = Opcode::COMPARE_GT_CONST;
          break;
        case CompareOperator::GtE:
          constOp = Opcode::COMPARE_GE_CONST;
          break;
        default:
          break;
      }
      if (constOp != Opcode::NOP && isSmallIntConstant(*e.items[0])) {
        emitArg(constOp, addConst(constantValue(*e.items[0])));
        return;
      }
      compileExpr(*e.items[0]);
      emitOp(e.compareOps[0]);
      return;
    }
    int cleanup = newLabel();
    int end = newLabel();
    for (size_t i = 0; i + 1 < e.items.size(); ++i) {
      compileExpr(*e.items[i]);
      emit(Opcode::DUP_TOP);
      emit(Opcode::ROT_THREE);
      emitOp(e.compareOps[i]);
      emitJump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compileExpr(*e.items.back());
    emitOp(e.compareOps.back());
    emitJump(Opcode::JUMP_FORWARD, end);
    bind(cleanup);
    emit(Opcode::ROT_TWO);
    emit(Opcode::POP_TOP);
    bind(end);
  }

  void compileBinary(BinaryOperator op) {
    switch (op) {
      case BinaryOperator::Add:
        emit(Opcode::BINARY_ADD);
        break;
      case BinaryOperator::Sub:
        emit(Opcode::BINARY_SUB);
        break;
      case BinaryOperator::Mul:
        emit(Opcode::BINARY_MUL);
        break;
      case BinaryOperator::Mod:
        emit(Opcode::BINARY_MOD);
        break;
      case BinaryOperator::FloorDiv:
        emit(Opcode::BINARY_FLOOR_DIV);
        break;
      default:
        emitArg(Opcode::BINARY_OP, static_cast<uint32_t>(op));
        break;
    }
  }

  void compileExpr(const Expr& e) {
    if (++exprDepth_ > 400) syntaxError("too many nested expressions", e.range);
    struct DepthGuard {
      int& d;
      ~DepthGuard() { --d; }
    } guard{exprDepth_};
    switch (e.kind) {
      case ExprKind::Name:
        emitLoadName(e.name);
        break;
      case ExprKind::Constant:
        emitConst(constantValue(e));
        break;
      case ExprKind::JoinedStr: {
        if (e.items.empty()) {
          emitConst(makeStr(""));
          break;
        }
        for (const ExprPtr& part : e.items)
          compileExpr(*part);
        if (e.items.size() > 1)
          emitArg(Opcode::BUILD_STRING, static_cast<uint32_t>(e.items.size()));
        else if (e.items[0]->kind == ExprKind::Constant) {
        }
        break;
      }
      case ExprKind::FormattedValue: {
        compileExpr(*e.a);
        uint32_t flags = e.conversion == 's'   ? 1
                         : e.conversion == 'r' ? 2
                         : e.conversion == 'a' ? 3
                                               : 0;
        if (e.b) {
          compileExpr(*e.b);
          flags |= 4;
        }
        emitArg(Opcode::FORMAT_VALUE, flags);
        break;
      }
      case ExprKind::BinOp: {
        compileExpr(*e.a);
        // `x op <small int literal>`: one instruction with the constant as operand.
        Opcode constOp = Opcode::NOP;
        switch (e.binaryOp) {
          case BinaryOperator::Add:
            constOp = Opcode::BINARY_ADD_CONST;
            break;
          case BinaryOperator::Sub:
            constOp = Opcode::BINARY_SUB_CONST;
            break;
          case BinaryOperator::Mul:
            constOp = Opcode::BINARY_MUL_CONST;
            break;
          case BinaryOperator::Mod:
            constOp = Opcode::BINARY_MOD_CONST;
            break;
          default:
            break;
        }
        if (constOp != Opcode::NOP && isSmallIntConstant(*e.b)) {
          setLine(e.range);
          emitArg(constOp, addConst(constantValue(*e.b)));
          break;
        }
        compileExpr(*e.b);
        setLine(e.range);
        compileBinary(e.binaryOp);
        break;
      }
      case ExprKind::UnaryOp:
        compileExpr(*e.a);
        switch (e.unaryOp) {
          case UnaryOperator::Not:
            emit(Opcode::UNARY_NOT);
            break;
          case UnaryOperator::Negate:
            emit(Opcode::UNARY_NEGATIVE);
            break;
          case UnaryOperator::Plus:
            emit(Opcode::UNARY_POSITIVE);
            break;
          case UnaryOperator::Invert:
            emit(Opcode::UNARY_INVERT);
            break;
        }
        break;
      case ExprKind::BoolOp: {
        int end = newLabel();
        Opcode jump = e.boolOp == BoolOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP
                                                    : Opcode::JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i < e.items.size(); ++i) {
          compileExpr(*e.items[i]);
          if (i + 1 < e.items.size()) emitJump(jump, end);
        }
        bind(end);
        break;
      }
      case ExprKind::Compare:
        compileCompare(e);
        break;
      case ExprKind::Call:
        compileCall(e);
        break;
      case ExprKind::Attribute:
        compileExpr(*e.a);
        setLine(e.range);
        emitArg(Opcode::LOAD_ATTR, addName(e.name));
        break;
      case ExprKind::Subscript:
        compileExpr(*e.a);
        compileExpr(*e.b);
        setLine(e.range);
        emit(Opcode::BINARY_SUBSCR);
        break;
      case ExprKind::Slice:
        if (e.a)
          compileExpr(*e.a);
        else
          emitConst(Value::none());
        if (e.b)
          compileExpr(*e.b);
        else
          emitConst(Value::none());
        if (e.c) {
          compileExpr(*e.c);
          emitArg(Opcode::BUILD_SLICE, 3);
        } else {
          emitArg(Opcode::BUILD_SLICE, 2);
        }
        break;
      case ExprKind::List:
        if (hasStarred(e.items))
          compileStarredList(e.items);
        else {
          for (const ExprPtr& x : e.items)
            compileExpr(*x);
          emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(e.items.size()));
        }
        break;
      case ExprKind::Tuple:
        if (hasStarred(e.items)) {
          compileStarredList(e.items);
          emit(Opcode::LIST_TO_TUPLE);
        } else {
          for (const ExprPtr& x : e.items)
            compileExpr(*x);
          emitArg(Opcode::BUILD_TUPLE, static_cast<uint32_t>(e.items.size()));
        }
        break;
      case ExprKind::Set:
        if (hasStarred(e.items)) {
          emitArg(Opcode::BUILD_SET, 0);
          for (const ExprPtr& x : e.items) {
            if (x->kind == ExprKind::Starred) {
              compileExpr(*x->a);
              emitArg(Opcode::SET_UPDATE, 1);
            } else {
              compileExpr(*x);
              emitArg(Opcode::BUILD_SET, 1);
              emitArg(Opcode::SET_UPDATE, 1);
            }
          }
        } else {
          for (const ExprPtr& x : e.items)
            compileExpr(*x);
          emitArg(Opcode::BUILD_SET, static_cast<uint32_t>(e.items.size()));
        }
        break;
      case ExprKind::Dict: {
        bool anyUnpack =
            std::any_of(e.items.begin(), e.items.end(), [](const ExprPtr& k) { return !k; });
        if (!anyUnpack) {
          for (size_t i = 0; i < e.items.size(); ++i) {
            compileExpr(*e.items[i]);
            compileExpr(*e.values[i]);
          }
          emitArg(Opcode::BUILD_MAP, static_cast<uint32_t>(e.items.size()));
          break;
        }
        emitArg(Opcode::BUILD_MAP, 0);
        for (size_t i = 0; i < e.items.size(); ++i) {
          if (!e.items[i]) {
            compileExpr(*e.values[i]);
          } else {
            compileExpr(*e.items[i]);
            compileExpr(*e.values[i]);
            emitArg(Opcode::BUILD_MAP, 1);
          }
          emitArg(Opcode::DICT_UPDATE, 1);
        }
        break;
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        compileComprehensionCall(e);
        break;
      case ExprKind::Lambda:
        compileLambda(e);
        break;
      case ExprKind::IfExp: {
        int orelse = newLabel();
        int end = newLabel();
        compileCondition(*e.a, orelse, false);
        compileExpr(*e.b);
        emitJump(Opcode::JUMP_FORWARD, end);
        bind(orelse);
        compileExpr(*e.c);
        bind(end);
        break;
      }
      case ExprKind::Starred:
        syntaxError("can't use starred expression here", e.range);
      case ExprKind::NamedExpr:
        compileExpr(*e.b);
        emit(Opcode::DUP_TOP);
        if (scope_->isComprehension) {
          NameScope where = scope_->resolve(e.a->name);
          if (where == NameScope::Free)
            emitArg(Opcode::STORE_DEREF, derefIndex(e.a->name));
          else
            emitArg(Opcode::STORE_GLOBAL, addName(e.a->name));
        } else {
          emitStoreName(e.a->name);
        }
        break;
      case ExprKind::Yield:
        if (e.a)
          compileExpr(*e.a);
        else
          emitConst(Value::none());
        emit(Opcode::YIELD_VALUE);
        break;
    }
  }

  const ScopeTable& scopes_;
  Scope* scope_;
  Assembler assembler_;
  std::vector<std::string> varnames_, cellvars_, freevars_;
  std::vector<Block> blocks_;
  int exprDepth_ = 0;
};

}  // namespace

Value compileModule(const Module& module, const std::string& filename) {
  ScopeTable scopes(module);
  CodeCompiler compiler(scopes, scopes.module(), filename, "<module>", "<module>", 1);
  return compiler.compileModuleBody(module.body);
}

}  // namespace gilsim
