// The abstract syntax tree the parser builds and the compiler consumes.
//
// Nodes are deliberately "fat" tagged structs (one Expr and one Stmt type, fields used per kind as
// documented beside each kind) rather than a class per node: the tree is built once, walked once
// by the scope analyser and once by the compiler, and a flat struct keeps both walks to one switch.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interp/common/operator_kinds.h"

namespace gilsim {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct SourceRange {
  int line = 0, col = 0;  // 1-based, col in code points
  int endLine = 0, endCol = 0;
};

enum class ConstantKind : uint8_t {
  None,
  True,
  False,
  Ellipsis,
  Int,
  Float,
  Imaginary,
  Str,
  Bytes
};

struct Constant {
  ConstantKind kind = ConstantKind::None;
  std::string text;   // Int: source digits without '_' (with any 0x/0o/0b prefix); Str/Bytes: value
  double number = 0;  // Float, Imaginary
};

struct Keyword {  // name=value in a call, or **value when name is empty
  std::string name;
  ExprPtr value;
  SourceRange range;
};

struct Comprehension {  // [async] for target in iter if cond1 if cond2
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
  bool isAsync = false;
};

struct Parameter {
  std::string name;
  SourceRange range;
  ExprPtr annotation;  // `name: annotation`; null when absent
};

struct Arguments {
  std::vector<Parameter> positional;   // includes positional-only ones
  int positionalOnlyCount = 0;         // how many of `positional` came before '/'
  std::vector<ExprPtr> defaults;       // for the LAST defaults.size() positional parameters
  std::unique_ptr<Parameter> varargs;  // *args
  std::vector<Parameter> keywordOnly;
  std::vector<ExprPtr> keywordDefaults;  // same length as keywordOnly; null where none
  std::unique_ptr<Parameter> kwargs;     // **kwargs
  ExprPtr returns;                       // `-> annotation` of a def; null when absent
};

enum class ExprKind : uint8_t {
  Name,            // name
  Constant,        // constant
  JoinedStr,       // items: Constant(Str) and FormattedValue parts of an f-string
  FormattedValue,  // a = value, conversion ('r','s','a' or 0), b = format spec (a JoinedStr) or
                   // null
  BinOp,           // a op b (binaryOp)
  UnaryOp,         // unaryOp a
  BoolOp,          // items joined by boolOp (2 or more)
  Compare,         // a, then compareOps[i] items[i]
  Call,            // a(items..., keywords...); a Starred item is *args, a nameless Keyword **kw
  Attribute,       // a.name
  Subscript,       // a[b]
  Slice,           // a:b:c, each may be null
  List,            // [items]
  Tuple,           // (items)
  Dict,            // {items[i]: values[i]}; a null key means **values[i]
  Set,             // {items}
  ListComp,        // [a for ...generators]
  SetComp,         // {a for ...}
  DictComp,        // {a: b for ...}
  GeneratorExp,    // (a for ...)
  Lambda,          // lambda arguments: a
  IfExp,           // b if a else c
  Starred,         // *a (call arguments, assignment targets, displays)
  NamedExpr,       // a := b (parsed so the error is precise; the compiler rejects or supports)
  Yield,           // yield a
  YieldFrom,       // yield from a
  Await,           // await a
};

enum class ExprContext : uint8_t { Load, Store, Del };

struct Expr {
  ExprKind kind;
  SourceRange range;
  ExprContext context = ExprContext::Load;  // Name, Attribute, Subscript, List, Tuple, Starred
  std::string name;                         // Name id, Attribute attribute
  Constant constant;
  BinaryOperator binaryOp = BinaryOperator::Add;
  UnaryOperator unaryOp = UnaryOperator::Not;
  BoolOperator boolOp = BoolOperator::And;
  std::vector<CompareOperator> compareOps;
  char conversion = 0;
  ExprPtr a, b, c;
  std::vector<ExprPtr> items;
  std::vector<ExprPtr> values;
  std::vector<Keyword> keywords;
  std::vector<Comprehension> generators;
  std::unique_ptr<Arguments> arguments;  // Lambda

  Expr(ExprKind kind, SourceRange range) : kind(kind), range(range) {}
};

struct Alias {  // import a.b as c / from m import a as c
  std::string name;
  std::string asName;  // empty when absent
  SourceRange range;
};

struct ExceptHandler {
  ExprPtr type;      // null for a bare except
  std::string name;  // empty when no `as`
  Body body;
  SourceRange range;
};

struct WithItem {
  ExprPtr context;
  ExprPtr target;  // null when no `as`
};

enum class StmtKind : uint8_t {
  Expr,       // value
  Assign,     // targets (chained: a = b = value), value
  AugAssign,  // target op= value
  AnnAssign,  // target: annotation [= value]  (value may be null)
  If,         // test, body, orelse
  While,      // test, body, orelse
  For,        // target in iter: body, orelse (isAsync: async for)
  Break,
  Continue,
  Pass,
  Return,       // value (may be null)
  FunctionDef,  // name, arguments, body, decorators (isAsync: async def)
  ClassDef,     // name, bases, keywords, body, decorators
  Global,       // names
  Nonlocal,     // names
  Assert,       // test, msg (may be null)
  Delete,       // targets
  Import,       // aliases
  ImportFrom,   // module, aliases, level (leading dots); aliases[0].name == "*" for star
  With,         // withItems, body (isAsync: async with)
  Try,          // body, handlers, orelse, finalBody
  Raise,        // value = exception (may be null), cause (may be null)
};

struct Stmt {
  StmtKind kind;
  SourceRange range;
  ExprPtr value;   // Expr, Assign, AugAssign, Return, Raise(exception), AnnAssign
  ExprPtr target;  // AugAssign, For, AnnAssign
  ExprPtr test;    // If, While, Assert, AnnAssign(annotation)
  ExprPtr iter;    // For
  ExprPtr cause;   // Raise (from), Assert(msg)
  BinaryOperator augOp = BinaryOperator::Add;
  std::vector<ExprPtr> targets;  // Assign, Delete
  Body body, orelse, finalBody;
  std::string name;                      // FunctionDef, ClassDef
  std::unique_ptr<Arguments> arguments;  // FunctionDef
  std::vector<ExprPtr> decorators;
  std::vector<ExprPtr> bases;      // ClassDef
  std::vector<Keyword> keywords;   // ClassDef
  std::vector<std::string> names;  // Global, Nonlocal
  std::vector<Alias> aliases;      // Import, ImportFrom
  std::string module;              // ImportFrom
  int level = 0;                   // ImportFrom
  bool isAsync = false;            // FunctionDef, For, With
  std::vector<WithItem> withItems;
  std::vector<ExceptHandler> handlers;

  Stmt(StmtKind kind, SourceRange range) : kind(kind), range(range) {}
};

struct Module {
  Body body;
};

}  // namespace gilsim
