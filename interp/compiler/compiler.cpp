// Code objects: module, function, class, lambda and comprehension bodies, name resolution to
// load/store instructions, and the definitions (def, class, lambda, closures, defaults).
#include "interp/compiler/compiler.h"

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

namespace {

// The docstring: a body whose first statement is a str literal on its own (CPython's rule; an
// f-string or a parenthesized concatenation of literals with an f-string is not one).
const std::string* docstringOf(const Body& body) {
  if (body.empty() || body[0]->kind != StmtKind::Expr || !body[0]->value) return nullptr;
  const Expr& e = *body[0]->value;
  if (e.kind != ExprKind::Constant || e.constant.kind != ConstantKind::Str) return nullptr;
  return &e.constant.text;
}

}  // namespace

Value CodeCompiler::compileModuleBody(const Body& body) {
  code()->flags |= kCodeModule;
  if (const std::string* doc = docstringOf(body)) {  // CPython stores it before the body runs
    emitConst(makeStr(*doc));
    emitStoreName("__doc__");
  }
  for (size_t i = 0; i < body.size(); ++i)
    compileStmt(*body[i]);
  emitConst(Value::none());
  emit(Opcode::RETURN_VALUE);
  return finish();
}

Value CodeCompiler::compileEvalBody(const Expr& expression) {
  code()->flags |= kCodeModule;
  setLine(expression.range);
  compileExpr(expression);
  emit(Opcode::RETURN_VALUE);
  return finish();
}

Value CodeCompiler::compileFunctionBody(const Stmt* def, const Body& body) {
  (void)def;
  if (const std::string* doc = docstringOf(body)) code()->doc = makeStr(*doc);
  emit(Opcode::RESUME);
  for (const StmtPtr& s : body)
    compileStmt(*s);
  if (assembler_.reachable()) {
    emitConst(Value::none());
    emit(Opcode::RETURN_VALUE);
  }
  return finish();
}

Value CodeCompiler::compileLambdaBody(const Expr& body) {
  emit(Opcode::RESUME);
  compileExpr(body);
  emit(Opcode::RETURN_VALUE);
  return finish();
}

Value CodeCompiler::compileClassBody(const Body& body, const std::string& qualname) {
  code()->flags |= kCodeClassBody;
  emitLoadName("__name__");
  emitStoreName("__module__");
  emitConst(makeStr(qualname));
  emitStoreName("__qualname__");
  if (const std::string* doc = docstringOf(body)) {  // without one, type() stores None
    emitConst(makeStr(*doc));
    emitStoreName("__doc__");
  }
  if (annotatesNames(body)) {  // CPython's SETUP_ANNOTATIONS: the dict the annotated names go in
    emitArg(Opcode::BUILD_MAP, 0);
    emitStoreName("__annotations__");
  }
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

uint32_t CodeCompiler::generatorFlags(const Scope& scope) {
  if (!scope.isGenerator && !scope.isCoroutine) return 0;
  if (!scope.isCoroutine) return kCodeGenerator;
  return kCodeGenerator | (scope.isGenerator ? kCodeAsyncGenerator : kCodeCoroutine);
}

Value CodeCompiler::compileComprehension(const Expr& e) {
  code()->flags |= kCodeComprehension | generatorFlags(*scope_);
  emit(Opcode::RESUME);
  int depthOfResult = 1;
  switch (e.kind) {
    case ExprKind::GeneratorExp:
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

int CodeCompiler::localIndex(const std::string& name) {
  auto it = std::find(varnames_.begin(), varnames_.end(), name);
  assert(it != varnames_.end());
  return static_cast<int>(it - varnames_.begin());
}

int CodeCompiler::derefIndex(const std::string& name) {
  auto c = std::find(cellvars_.begin(), cellvars_.end(), name);
  if (c != cellvars_.end()) return static_cast<int>(c - cellvars_.begin());
  auto f = std::find(freevars_.begin(), freevars_.end(), name);
  assert(f != freevars_.end());
  return static_cast<int>(cellvars_.size() + (f - freevars_.begin()));
}

void CodeCompiler::emitName(const std::string& name, ExprContext ctx) {
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

Value CodeCompiler::finish() {
  std::vector<int> cellParameterIndex;
  for (const std::string& cell : cellvars_) {
    auto it = std::find(scope_->parameters.begin(), scope_->parameters.end(), cell);
    cellParameterIndex.push_back(
        it == scope_->parameters.end() ? -1 : static_cast<int>(it - scope_->parameters.begin()));
  }
  return assembler_.finish(
      CodeVariables{varnames_, cellvars_, freevars_, std::move(cellParameterIndex)});
}

void CodeCompiler::setLine(const SourceRange& r) {
  if (r.line > 0) assembler_.setLine(r.line);
}

std::string CodeCompiler::childQualname(const std::string& name) {
  if (scope_->kind == ScopeKind::Module) return name;
  if (scope_->kind == ScopeKind::Function) return code()->qualname + ".<locals>." + name;
  return code()->qualname + "." + name;
}

uint32_t CodeCompiler::emitClosure(Scope* child) {
  std::vector<std::string> frees = child->freevars();
  if (frees.empty()) return 0;
  for (const std::string& name : frees) {
    // A free name of the child is a cell or a free variable here.
    emitArg(Opcode::LOAD_CLOSURE, derefIndex(name));
  }
  emitArg(Opcode::BUILD_TUPLE, static_cast<uint32_t>(frees.size()));
  return 8;
}

uint32_t CodeCompiler::emitDefaults(const Arguments& a) {
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

// A def's annotations as a dict for MAKE_FUNCTION (flag 4), evaluated now as CPython 3.11
// does, or as their source text under `from __future__ import annotations`. 0 when none.
uint32_t CodeCompiler::emitAnnotations(const Arguments& a) {
  uint32_t count = 0;
  auto annotation = [&](const std::string& name, const Expr* e) {
    if (!e) return;
    emitConst(makeStr(name));
    if (scopes_.stringAnnotations())
      emitConst(makeStr(annotationText(*e)));
    else
      compileExpr(*e);
    ++count;
  };
  for (const Parameter& p : a.positional)
    annotation(p.name, p.annotation.get());
  if (a.varargs) annotation(a.varargs->name, a.varargs->annotation.get());
  for (const Parameter& p : a.keywordOnly)
    annotation(p.name, p.annotation.get());
  if (a.kwargs) annotation(a.kwargs->name, a.kwargs->annotation.get());
  annotation("return", a.returns.get());
  if (count == 0) return 0;
  emitArg(Opcode::BUILD_MAP, count);
  return 4;
}

void CodeCompiler::setSignature(CodeObject* code, const Arguments& a) {
  code->argCount = static_cast<int>(a.positional.size());
  code->positionalOnlyCount = a.positionalOnlyCount;
  code->keywordOnlyCount = static_cast<int>(a.keywordOnly.size());
  if (a.varargs) code->flags |= kCodeVarargs;
  if (a.kwargs) code->flags |= kCodeVarKeywords;
}

void CodeCompiler::compileFunctionDef(const Stmt& s) {
  for (const ExprPtr& d : s.decorators) {
    compileExpr(*d);
    emit(Opcode::PUSH_NULL);
  }
  Scope* child = scopes_.scopeOf(&s);
  uint32_t flags = emitDefaults(*s.arguments);
  flags |= emitAnnotations(*s.arguments);
  flags |= emitClosure(child);
  CodeCompiler inner(scopes_, child, code()->filename, s.name, childQualname(s.name), s.range.line);
  setSignature(inner.code(), *s.arguments);
  inner.code()->flags |= generatorFlags(*child);
  Value code = inner.compileFunctionBody(&s, s.body);
  setLine(s.range);
  emitConst(code);
  emitArg(Opcode::MAKE_FUNCTION, flags);
  for (size_t i = 0; i < s.decorators.size(); ++i)
    emitArg(Opcode::CALL, 1);
  emitStoreName(s.name);
}

void CodeCompiler::compileClassDef(const Stmt& s) {
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

void CodeCompiler::compileLambda(const Expr& e) {
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

void CodeCompiler::compileComprehensionCall(const Expr& e) {
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
  emit(e.generators[0].isAsync ? Opcode::GET_AITER : Opcode::GET_ITER);
  emitArg(Opcode::CALL, 1);
  // An asynchronous list, set or dict comprehension is a coroutine, awaited at once.
  if (child->isCoroutine && e.kind != ExprKind::GeneratorExp) emitAwait(0);
}

void CodeCompiler::compileGenerators(const Expr& e, size_t index) {
  const Comprehension& g = e.generators[index];
  if (index == 0) {
    emitArg(Opcode::LOAD_FAST, 0);  // the iterator argument .0
  } else {
    compileExpr(*g.iter);
    emit(g.isAsync ? Opcode::GET_AITER : Opcode::GET_ITER);
  }
  int top = newLabel();
  int end = newLabel();
  bind(top);
  int stop = -1;
  if (g.isAsync) {  // as compileAsyncFor: await __anext__(), ended by StopAsyncIteration
    stop = pushHandler(assembler_.depth());
    emit(Opcode::GET_ANEXT);
    emitConst(Value::none());
    emit(Opcode::YIELD_FROM);
    popHandler();
  } else {
    emitJump(Opcode::FOR_ITER, end);
  }
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
        if (code()->flags & kCodeAsyncGenerator) emit(Opcode::ASYNC_GEN_WRAP);
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
  if (stop >= 0) {
    bindHandler(stop);  // [aiter, exc]
    emit(Opcode::END_ASYNC_FOR);
  }
  bind(end);
}

}  // namespace gilsim::detail

namespace gilsim {

namespace detail {
constinit thread_local const StackBudget* tlsCompileStack = nullptr;
}  // namespace detail

Value compileModule(const Module& module, const std::string& filename, CompileMode mode,
                    const Value& displayHook) {
  StackBudget stack;
  struct Install {
    const StackBudget* saved = detail::tlsCompileStack;
    explicit Install(const StackBudget* budget) { detail::tlsCompileStack = budget; }
    ~Install() { detail::tlsCompileStack = saved; }
  } install(&stack);
  ScopeTable scopes(module);
  detail::CodeCompiler compiler(scopes, scopes.module(), filename, "<module>", "<module>", 1);
  if (mode == CompileMode::Eval) {
    if (module.body.size() != 1 || module.body[0]->kind != StmtKind::Expr)
      throw SyntaxError("invalid syntax", module.body.empty() ? 1 : module.body[0]->range.line,
                        module.body.empty() ? 1 : module.body[0]->range.col);
    return compiler.compileEvalBody(*module.body[0]->value);
  }
  if (mode == CompileMode::Single) {
    if (module.body.size() > 1)
      throw SyntaxError("multiple statements found while compiling a single statement",
                        module.body[1]->range.line, module.body[1]->range.col);
    compiler.setDisplayHook(displayHook);
  }
  return compiler.compileModuleBody(module.body);
}

}  // namespace gilsim
