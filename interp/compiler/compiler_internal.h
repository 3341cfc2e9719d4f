// The compiler's working parts, shared by the files that implement them: compiler.cpp (code
// objects, names, functions, classes and comprehensions), compile_statements.cpp and
// compile_expressions.cpp. Only compiler.h is for the rest of the interpreter.
#pragma once

#include <string>
#include <vector>

#include "interp/common/opcodes.h"
#include "interp/common/stack_budget.h"
#include "interp/compiler/assembler.h"
#include "interp/compiler/scope.h"
#include "interp/objects/object.h"
#include "interp/syntax/ast.h"
#include "interp/syntax/syntax_error.h"

namespace gilsim::detail {

[[noreturn]] inline void syntaxError(const std::string& message, const SourceRange& r,
                                     const char* kind = "SyntaxError") {
  throw SyntaxError(message, r.line, r.col, kind);
}

// Expressions nested deeper than CPython's compiler takes (its recursion limit times
// COMPILER_STACK_FRAME_SCALE) are a RecursionError, as there.
inline constexpr int kMaxExprDepth = 3000;

// Display and call items beyond this many are built a chunk at a time (BUILD_LIST then
// LIST_EXTEND, SET_UPDATE, DICT_UPDATE, CALL_EX), so that a literal of millions of items needs
// a few hundred value-stack slots, not millions (CPython 3.12 builds them in chunks too).
inline constexpr size_t kLiteralChunk = 256;

// The stack budget of the compile running on this thread (interp/common/stack_budget.h), set by
// compileModule: nested definitions have compilers of their own, the stack is one.
extern constinit thread_local const StackBudget* tlsCompileStack;
inline bool compileStackExhausted() {
  return tlsCompileStack && tlsCompileStack->exhausted();
}

// What a `break`, `continue` or `return` must clean up on its way out.
enum class BlockKind { WhileLoop, ForLoop, TryFinally, ExceptBody, With, AsyncWith };

struct Block {
  BlockKind kind;
  int continueLabel = -1;
  int breakLabel = -1;
  const Body* finalBody = nullptr;  // TryFinally
  size_t handlerDepth = 0;          // handler-stack size outside this block
  std::string exceptName;           // ExceptBody: the `as` name to unbind on the way out
};

// Compiles one code object (a module, function, class body, lambda or comprehension) from the
// AST; nested definitions get a CodeCompiler of their own.
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
  Value compileModuleBody(const Body& body);
  Value compileEvalBody(const Expr& expression);  // compile(..., "eval")
  // compile(..., "single"): the module's expression statements call `hook` with their value.
  void setDisplayHook(const Value& hook) { displayHook_ = hook; }
  Value compileFunctionBody(const Stmt* def, const Body& body);
  Value compileLambdaBody(const Expr& body);
  Value compileClassBody(const Body& body, const std::string& qualname);
  Value compileComprehension(const Expr& e);
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
  int localIndex(const std::string& name);
  int derefIndex(const std::string& name);
  void emitLoadName(const std::string& name) { emitName(name, ExprContext::Load); }
  void emitStoreName(const std::string& name) { emitName(name, ExprContext::Store); }
  void emitName(const std::string& name, ExprContext ctx);
  Value finish();
  // ---- statements ----
  void setLine(const SourceRange& r);
  void compileBody(const Body& body);
  void compileStmt(const Stmt& s);
  void compileAugAssign(const Stmt& s);
  void compileStore(const Expr& t);
  void compileDelete(const Expr& t);
  // Compiles a condition and jumps to `label` when it is `jumpIf`.
  void compileCondition(const Expr& e, int label, bool jumpIf);
  void compileIf(const Stmt& s);
  bool isConstantTrue(const Expr& e);
  void compileWhile(const Stmt& s);
  void compileFor(const Stmt& s);
  // Emits the clean-up of one block on the way out of it; `preserveTop` keeps a return value.
  void unwindBlock(const Block& b, bool preserveTop);
  void compileBreakContinue(const Stmt& s, bool isBreak);
  void leaveHandlersOf(const Block& b);
  void compileReturn(const Stmt& s);
  void compileAssert(const Stmt& s);
  void compileImport(const Stmt& s);
  void compileImportFrom(const Stmt& s);
  void emitUnbind(const std::string& name);
  // Calls the __exit__ on top of the stack with (None, None, None) and drops the result.
  // __exit__(None, None, None) of the with block on the stack top; awaited for async with.
  void emitExitCall(bool awaited = false);
  // `await` of the stack top: CPython 3.11's GET_AWAITABLE, then the delegation of yield from.
  // `where` is GET_AWAITABLE's arg (0 an await, 1 __aenter__'s result, 2 __aexit__'s).
  void emitAwait(uint32_t where);
  void compileAsyncFor(const Stmt& s);
  // The code flags of what calling a function of `scope` makes: a generator, a coroutine or an
  // async generator (none for a plain function).
  static uint32_t generatorFlags(const Scope& scope);
  // Shared by every handler that must restore the previous exception and re-raise:
  // stack [..., prev, exc] -> restore prev, re-raise exc.
  void emitCleanupHandler(int id);
  void compileWith(const Stmt& s, size_t item);
  void compileTry(const Stmt& s);
  void compileTryExcept(const Stmt& s);
  std::string childQualname(const std::string& name);
  // Pushes the closure tuple for a child scope, if it has free variables; returns the flag.
  uint32_t emitClosure(Scope* child);
  uint32_t emitDefaults(const Arguments& a);
  uint32_t emitAnnotations(const Arguments& a);
  void setSignature(CodeObject* code, const Arguments& a);
  void compileFunctionDef(const Stmt& s);
  void compileClassDef(const Stmt& s);
  void compileLambda(const Expr& e);
  void compileComprehensionCall(const Expr& e);
  void compileGenerators(const Expr& e, size_t index);
  Value constantValue(const Expr& e);
  bool isSmallIntConstant(const Expr& e);
  bool hasStarred(const std::vector<ExprPtr>& items);
  // Builds a list from items that may contain *starred parts.
  void compileStarredList(const std::vector<ExprPtr>& items);
  void compileCall(const Expr& e);
  void compileCompare(const Expr& e);
  void compileBinary(BinaryOperator op);
  void compileExpr(const Expr& e);
  const ScopeTable& scopes_;
  Scope* scope_;
  Assembler assembler_;
  Value displayHook_;  // compile(..., "single") only
  std::vector<std::string> varnames_, cellvars_, freevars_;
  std::vector<Block> blocks_;
  int exprDepth_ = 0;
};

}  // namespace gilsim::detail
