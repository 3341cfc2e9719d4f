// A compact, deterministic text form of the AST, for tests and debugging.
//
// S-expressions, one line per top-level statement. Names print bare (`x`), with `:store` or
// `:del` appended for those contexts (also on tuple, list, attr, sub and star heads). Operators
// head their node: `(+ a b)`, `(- a)`, `(and a b)`, `(cmp a < b is not c)`. Constants print as
// Python would write them: `1`, `0x1f` (integers keep their source digits), `1.5`, `2j`, `"s"`,
// `b"s"`, `None`, `...`. A missing optional child prints as `_`; a statement body prints as
// `[stmt stmt ...]`. Examples:
//   x = a.b[1:]            (= x:store (sub (attr a b) (slice 1 _ _)))
//   def f(a, b=1, *c): ... (def f (args a b=1 *c) [(expr ...)])
//   f"{x!r:>{w}}"          (fstr (fmt x !r (fstr ">" (fmt w))))
//   a if b else c          (ifexp b a c)             (test, body, orelse: the Expr fields a, b, c)
//   [x for x in y if z]    (listcomp x (for x:store y if z))
//   {**d, k: v}            (dict (** d) (k v))
//   f(a, *b, k=1, **c)     (call f a (star b) k=1 **c)
//   if a: ... else: ...    (if a [...] [...])        (the else body only when there is one)
//   with a as b: ...       (with (as a b:store) [...])
//   try: ... except E as e: ... finally: ...
//                          (try [...] (except E as e [...]) (finally [...]))
#pragma once

#include <string>

#include "interp/syntax/ast.h"

namespace gilsim {

std::string dumpAst(const Module& module);
std::string dumpStmt(const Stmt& stmt);
std::string dumpExpr(const Expr& expr);

}  // namespace gilsim
