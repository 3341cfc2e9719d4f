// Scope analysis: decides, for every name in every function, class and module body, whether it
// is a fast local, a cell (captured by an inner function), a free variable (captured from an outer
// function), a global, or a namespace-dict name. Runs once over the AST before code generation,
// the way CPython's symtable.c does.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "interp/syntax/ast.h"

namespace gilsim {

enum class ScopeKind { Module, Class, Function };

enum class NameScope {
  Local,           // fast local slot (functions)
  Cell,            // local captured by an inner function
  Free,            // captured from an enclosing function
  GlobalExplicit,  // declared `global`
  GlobalImplicit,  // function reads a name bound nowhere around it
  Name,            // module and class bodies: the namespace dict
};

struct Scope {
  ScopeKind kind;
  std::string name;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  // Per-name flags collected from the AST.
  std::map<std::string, unsigned> symbols;
  std::vector<std::string> parameters;  // in order
  std::vector<std::string> localOrder;  // first-assignment order (after parameters)
  std::set<std::string> cells, frees;
  std::map<std::string, SourceRange> declarations;  // where each global/nonlocal was declared
  bool needsClassCell = false;                      // class whose methods use super() or __class__
  bool isComprehension = false;
  bool isGenerator = false;  // contains yield, or is a generator expression
  // async def, or a comprehension with `async for` or `await` (CPython's ste_coroutine): with
  // isGenerator an asynchronous generator, else calling it makes a coroutine.
  bool isCoroutine = false;
  const SourceRange* returnWithValue = nullptr;  // the first `return x`, for async generators
  bool hasVarargs = false, hasKwargs = false;

  NameScope resolve(const std::string& name) const;
  // varnames (parameters first, then the other fast locals), cellvars, freevars, in slot order.
  std::vector<std::string> varnames() const;
  std::vector<std::string> cellvars() const;
  std::vector<std::string> freevars() const;
};

class ScopeTable {
 public:
  // Throws SyntaxError for misplaced global/nonlocal declarations.
  explicit ScopeTable(const Module& module);
  Scope* module() const { return root_.get(); }
  Scope* scopeOf(
      const void* node) const;  // a FunctionDef/ClassDef Stmt, Lambda or comprehension Expr
  // `from __future__ import annotations` (PEP 563): a def's annotations are kept as text.
  bool stringAnnotations() const { return stringAnnotations_; }

 private:
  std::unique_ptr<Scope> root_;
  std::unordered_map<const void*, Scope*> byNode_;
  bool stringAnnotations_ = false;
  friend class ScopeBuilder;
};

}  // namespace gilsim
