#include "interp/compiler/scope.h"

#include <algorithm>

#include "interp/compiler/compiler_internal.h"
#include "interp/syntax/syntax_error.h"

namespace gilsim {

namespace {
enum SymbolFlag : unsigned {
  kAssigned = 1,
  kGlobal = 2,
  kNonlocal = 4,
  kUsed = 8,
  kParameter = 16,
};
}  // namespace

NameScope Scope::resolve(const std::string& name) const {
  auto it = symbols.find(name);
  unsigned flags = it == symbols.end() ? 0 : it->second;
  if (flags & kGlobal) return NameScope::GlobalExplicit;
  if (cells.count(name) && kind != ScopeKind::Module) return NameScope::Cell;
  if (frees.count(name)) return NameScope::Free;
  if (kind == ScopeKind::Function) {
    if (flags & (kAssigned | kParameter)) return NameScope::Local;
    return NameScope::GlobalImplicit;
  }
  return NameScope::Name;
}

std::vector<std::string> Scope::varnames() const {
  std::vector<std::string> out = parameters;
  if (kind == ScopeKind::Function)
    for (const std::string& n : localOrder)
      if (std::find(out.begin(), out.end(), n) == out.end() && resolve(n) == NameScope::Local)
        out.push_back(n);
  return out;
}

std::vector<std::string> Scope::cellvars() const {
  return {cells.begin(), cells.end()};
}
std::vector<std::string> Scope::freevars() const {
  return {frees.begin(), frees.end()};
}

class ScopeBuilder {
 public:
  explicit ScopeBuilder(ScopeTable& table) : table_(table) {}

  void build(const Module& module) {
    table_.root_ = std::make_unique<Scope>();
    table_.root_->kind = ScopeKind::Module;
    table_.root_->name = "<module>";
    current_ = table_.root_.get();
    visitBody(module.body);
    analyze(table_.root_.get(), {});
  }

 private:
  Scope* push(ScopeKind kind, std::string name, const void* node) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->name = std::move(name);
    scope->parent = current_;
    Scope* raw = scope.get();
    current_->children.push_back(std::move(scope));
    table_.byNode_[node] = raw;
    current_ = raw;
    return raw;
  }
  void pop() { current_ = current_->parent; }

  void define(const std::string& name, const SourceRange& range) {
    unsigned& flags = current_->symbols[name];
    if ((flags & kGlobal) == 0 && (flags & kNonlocal) == 0 &&
        (flags & (kAssigned | kParameter)) == 0)
      current_->localOrder.push_back(name);
    flags |= kAssigned;
    (void)range;
  }
  void use(const std::string& name) {
    current_->symbols[name] |= kUsed;
    // super() and __class__ inside a method need the class cell.
    if ((name == "super" || name == "__class__") && current_->kind == ScopeKind::Function &&
        current_->parent && current_->parent->kind == ScopeKind::Class) {
      current_->symbols["__class__"] |= kUsed;
      current_->parent->needsClassCell = true;
    }
  }

  void declare(const Stmt& s, bool global) {
    for (const std::string& name : s.names) {
      unsigned& flags = current_->symbols[name];
      const char* what = global ? "global" : "nonlocal";
      if (flags & kParameter)
        throw SyntaxError("name '" + name + "' is parameter and " + what, s.range.line,
                          s.range.col);
      if (flags & kAssigned)
        throw SyntaxError(fmt(name, "is assigned to before ", what), s.range.line, s.range.col);
      if (flags & kUsed)
        throw SyntaxError(fmt(name, "is used prior to ", what), s.range.line, s.range.col);
      if (!global && current_->kind == ScopeKind::Module)
        throw SyntaxError("nonlocal declaration not allowed at module level", s.range.line,
                          s.range.col);
      flags |= global ? kGlobal : kNonlocal;
      current_->declarations.emplace(name, s.range);
    }
  }
  static std::string fmt(const std::string& name, const char* middle, const char* what) {
    return "name '" + name + "' " + middle + what + " declaration";
  }

  void visitBody(const Body& body) {
    for (const StmtPtr& s : body)
      visitStmt(*s);
  }

  // What a def evaluates in the enclosing scope: defaults, then annotations.
  void visitArguments(const Arguments& a) {
    for (const ExprPtr& d : a.defaults)
      visitExpr(*d);
    for (const ExprPtr& d : a.keywordDefaults)
      if (d) visitExpr(*d);
    auto annotation = [&](const Parameter* p) {
      if (p && p->annotation) visitExpr(*p->annotation);
    };
    for (const Parameter& p : a.positional)
      annotation(&p);
    annotation(a.varargs.get());
    for (const Parameter& p : a.keywordOnly)
      annotation(&p);
    annotation(a.kwargs.get());
    if (a.returns) visitExpr(*a.returns);
  }

  void defineParameters(const Arguments& a) {
    auto param = [&](const Parameter& p) {
      current_->parameters.push_back(p.name);
      current_->symbols[p.name] |= kParameter;
    };
    for (const Parameter& p : a.positional)
      param(p);
    for (const Parameter& p : a.keywordOnly)
      param(p);
    if (a.varargs) {
      param(*a.varargs);
      current_->hasVarargs = true;
    }
    if (a.kwargs) {
      param(*a.kwargs);
      current_->hasKwargs = true;
    }
  }

  void visitStmt(const Stmt& s) {
    if (detail::compileStackExhausted())  // an elif chain recurses here before the compiler does
      throw SyntaxError("maximum recursion depth exceeded during compilation", s.range.line,
                        s.range.col, "RecursionError");
    switch (s.kind) {
      case StmtKind::Expr:
        visitExpr(*s.value);
        break;
      case StmtKind::Assign:
        visitExpr(*s.value);
        for (const ExprPtr& t : s.targets)
          visitExpr(*t);
        break;
      case StmtKind::AugAssign:
        visitExpr(*s.value);
        if (s.target->kind == ExprKind::Name) use(s.target->name);
        visitExpr(*s.target);
        break;
      case StmtKind::AnnAssign:
        if (s.value) visitExpr(*s.value);
        visitExpr(*s.target);
        break;
      case StmtKind::If:
      case StmtKind::While:
        visitExpr(*s.test);
        visitBody(s.body);
        visitBody(s.orelse);
        break;
      case StmtKind::For:
        if (s.isAsync) requireAsyncFunction("'async for' outside async function", s.range);
        visitExpr(*s.iter);
        visitExpr(*s.target);
        visitBody(s.body);
        visitBody(s.orelse);
        break;
      case StmtKind::Return:
        if (s.value) {
          if (!current_->returnWithValue) current_->returnWithValue = &s.range;
          visitExpr(*s.value);
        }
        break;
      case StmtKind::FunctionDef: {
        for (const ExprPtr& d : s.decorators)
          visitExpr(*d);
        visitArguments(*s.arguments);
        define(s.name, s.range);
        push(ScopeKind::Function, s.name, &s);
        current_->isCoroutine = s.isAsync;
        defineParameters(*s.arguments);
        visitBody(s.body);
        if (current_->isCoroutine && current_->isGenerator && current_->returnWithValue) {
          const SourceRange& r = *current_->returnWithValue;
          throw SyntaxError("'return' with value in async generator", r.line, r.col);
        }
        pop();
        break;
      }
      case StmtKind::ClassDef: {
        for (const ExprPtr& d : s.decorators)
          visitExpr(*d);
        for (const ExprPtr& b : s.bases)
          visitExpr(*b);
        for (const Keyword& k : s.keywords)
          visitExpr(*k.value);
        define(s.name, s.range);
        push(ScopeKind::Class, s.name, &s);
        visitBody(s.body);
        pop();
        break;
      }
      case StmtKind::Global:
        declare(s, true);
        break;
      case StmtKind::Nonlocal:
        declare(s, false);
        break;
      case StmtKind::Assert:
        visitExpr(*s.test);
        if (s.cause) visitExpr(*s.cause);
        break;
      case StmtKind::Delete:
        for (const ExprPtr& t : s.targets)
          visitExpr(*t);
        break;
      case StmtKind::Import:
        for (const Alias& a : s.aliases) {
          std::string bound = a.asName.empty() ? a.name.substr(0, a.name.find('.')) : a.asName;
          define(bound, a.range);
        }
        break;
      case StmtKind::ImportFrom:
        for (const Alias& a : s.aliases) {
          if (a.name == "*") {
            if (current_->kind != ScopeKind::Module)
              throw SyntaxError("import * only allowed at module level", s.range.line, s.range.col);
            continue;
          }
          define(a.asName.empty() ? a.name : a.asName, a.range);
        }
        break;
      case StmtKind::With:
        if (s.isAsync) requireAsyncFunction("'async with' outside async function", s.range);
        for (const WithItem& w : s.withItems) {
          visitExpr(*w.context);
          if (w.target) visitExpr(*w.target);
        }
        visitBody(s.body);
        break;
      case StmtKind::Try:
        visitBody(s.body);
        for (const ExceptHandler& h : s.handlers) {
          if (h.type) visitExpr(*h.type);
          if (!h.name.empty()) define(h.name, h.range);
          visitBody(h.body);
        }
        visitBody(s.orelse);
        visitBody(s.finalBody);
        break;
      case StmtKind::Raise:
        if (s.value) visitExpr(*s.value);
        if (s.cause) visitExpr(*s.cause);
        break;
      case StmtKind::Break:
      case StmtKind::Continue:
      case StmtKind::Pass:
        break;
    }
  }

  void visitComprehension(const Expr& e) {
    // The first iterable is evaluated in the enclosing scope; everything else inside.
    visitExpr(*e.generators[0].iter);
    push(ScopeKind::Function,
         e.kind == ExprKind::ListComp   ? "<listcomp>"
         : e.kind == ExprKind::SetComp  ? "<setcomp>"
         : e.kind == ExprKind::DictComp ? "<dictcomp>"
                                        : "<genexpr>",
         &e);
    current_->isComprehension = true;
    current_->isGenerator = e.kind == ExprKind::GeneratorExp;
    current_->parameters.push_back(".0");
    current_->symbols[".0"] |= kParameter;
    for (size_t i = 0; i < e.generators.size(); ++i) {
      const Comprehension& g = e.generators[i];
      if (i > 0) visitExpr(*g.iter);
      visitExpr(*g.target);
      for (const ExprPtr& c : g.ifs)
        visitExpr(*c);
    }
    visitExpr(*e.a);
    if (e.b) visitExpr(*e.b);
    for (const Comprehension& g : e.generators)
      if (g.isAsync) current_->isCoroutine = true;
    // An asynchronous list, set or dict comprehension is awaited where it stands, which must be
    // an async function or another comprehension (then asynchronous too); an asynchronous
    // generator expression is an async generator, and may stand anywhere.
    if (current_->isCoroutine && e.kind != ExprKind::GeneratorExp) {
      Scope* outer = current_->parent;
      if (outer->isComprehension)
        outer->isCoroutine = true;
      else if (outer->kind != ScopeKind::Function || !outer->isCoroutine)
        throw SyntaxError("asynchronous comprehension outside of an asynchronous function",
                          e.range.line, e.range.col);
    }
    pop();
  }

  // async for / async with: only directly in an async def.
  void requireAsyncFunction(const char* message, const SourceRange& at) {
    if (current_->kind != ScopeKind::Function || !current_->isCoroutine ||
        current_->isComprehension)
      throw SyntaxError(message, at.line, at.col);
  }

  void visitExpr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        if (e.context == ExprContext::Load)
          use(e.name);
        else
          define(e.name, e.range);
        return;
      case ExprKind::Lambda:
        visitArguments(*e.arguments);
        push(ScopeKind::Function, "<lambda>", &e);
        defineParameters(*e.arguments);
        visitExpr(*e.a);
        pop();
        return;
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        visitComprehension(e);
        return;
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (current_->kind == ScopeKind::Function && !current_->isComprehension)
          current_->isGenerator = true;
        else
          throw SyntaxError("'yield' outside function", e.range.line, e.range.col);
        if (e.kind == ExprKind::YieldFrom && current_->isCoroutine)
          throw SyntaxError("'yield from' inside async function", e.range.line, e.range.col);
        if (e.a) visitExpr(*e.a);
        return;
      case ExprKind::Await:
        // In a comprehension it makes the comprehension asynchronous (checked as it ends).
        if (current_->kind != ScopeKind::Function)
          throw SyntaxError("'await' outside function", e.range.line, e.range.col);
        if (current_->isComprehension)
          current_->isCoroutine = true;
        else if (!current_->isCoroutine)
          throw SyntaxError("'await' outside async function", e.range.line, e.range.col);
        visitExpr(*e.a);
        return;
      case ExprKind::NamedExpr: {
        // The target binds in the nearest enclosing non-comprehension scope (PEP 572).
        visitExpr(*e.b);
        Scope* saved = current_;
        while (current_->isComprehension)
          current_ = current_->parent;
        define(e.a->name, e.a->range);
        current_ = saved;
        if (saved->isComprehension) use(e.a->name);
        return;
      }
      default:
        break;
    }
    if (e.a) visitExpr(*e.a);
    if (e.b) visitExpr(*e.b);
    if (e.c) visitExpr(*e.c);
    for (const ExprPtr& x : e.items)
      if (x) visitExpr(*x);
    for (const ExprPtr& x : e.values)
      if (x) visitExpr(*x);
    for (const Keyword& k : e.keywords)
      visitExpr(*k.value);
  }

  // Returns the names this scope needs from its enclosing functions.
  std::set<std::string> analyze(Scope* s, const std::set<std::string>& bound) {
    std::set<std::string> childBound;
    if (s->kind == ScopeKind::Function) {
      childBound = bound;
      for (const auto& [name, flags] : s->symbols)
        if ((flags & (kAssigned | kParameter)) && !(flags & (kGlobal | kNonlocal)))
          childBound.insert(name);
    } else if (s->kind == ScopeKind::Class) {
      childBound = bound;
      if (s->needsClassCell) childBound.insert("__class__");
    }
    for (const auto& [name, flags] : s->symbols) {
      if (flags & kGlobal) continue;
      if (flags & kNonlocal) {
        if (!bound.count(name)) {
          SourceRange where =
              s->declarations.count(name) ? s->declarations.at(name) : SourceRange{1, 1, 1, 1};
          throw SyntaxError("no binding for nonlocal '" + name + "' found", where.line, where.col);
        }
        s->frees.insert(name);
        continue;
      }
      bool local = (flags & (kAssigned | kParameter)) != 0;
      if (s->kind == ScopeKind::Function && !local && bound.count(name)) s->frees.insert(name);
      if (s->kind == ScopeKind::Class && !local && bound.count(name) && name != "__class__")
        s->frees.insert(name);
    }
    for (auto& child : s->children) {
      for (const std::string& name : analyze(child.get(), childBound)) {
        unsigned flags = s->symbols.count(name) ? s->symbols[name] : 0;
        bool local = (flags & (kAssigned | kParameter)) && !(flags & (kGlobal | kNonlocal));
        if (s->kind == ScopeKind::Function && local)
          s->cells.insert(name);
        else if (s->kind == ScopeKind::Class && name == "__class__" && s->needsClassCell)
          s->cells.insert(name);
        else if (s->kind != ScopeKind::Module)
          s->frees.insert(name);
      }
    }
    return s->frees;
  }

  ScopeTable& table_;
  Scope* current_ = nullptr;
};

ScopeTable::ScopeTable(const Module& module) {
  ScopeBuilder builder(*this);
  builder.build(module);
  for (const StmtPtr& s : module.body)
    if (s->kind == StmtKind::ImportFrom && s->module == "__future__")
      for (const Alias& a : s->aliases)
        if (a.name == "annotations") stringAnnotations_ = true;
}

Scope* ScopeTable::scopeOf(const void* node) const {
  auto it = byNode_.find(node);
  return it == byNode_.end() ? nullptr : it->second;
}

}  // namespace gilsim
