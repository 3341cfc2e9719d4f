// Parser tests. Trees are compared through dumpAst's compact form (see interp/syntax/ast_dump.h);
// errors by message, kind and position, which are CPython 3.11's unless a comment says otherwise.
#include "interp/syntax/parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "interp/syntax/ast_dump.h"
#include "interp/syntax/syntax_error.h"

namespace gilsim {
namespace {

std::string dump(std::string_view source) {
  return dumpAst(parse(source));
}

struct ErrorInfo {
  std::string kind;
  std::string message;
  int line = 0;
  int col = 0;
  bool operator==(const ErrorInfo& other) const = default;
};

std::ostream& operator<<(std::ostream& out, const ErrorInfo& e) {
  return out << e.kind << ": " << e.message << " at " << e.line << ":" << e.col;
}

ErrorInfo errorOf(std::string_view source) {
  try {
    parse(source);
  } catch (const SyntaxError& e) {
    return ErrorInfo{e.kind, e.what(), e.line, e.col};
  }
  return ErrorInfo{"none", "parsed without error", 0, 0};
}

ErrorInfo syntax(std::string message, int line, int col) {
  return ErrorInfo{"SyntaxError", std::move(message), line, col};
}

ErrorInfo indentation(std::string message, int line, int col) {
  return ErrorInfo{"IndentationError", std::move(message), line, col};
}

const Expr& firstValue(const Module& module) {
  return *module.body.at(0)->value;
}

// ---- Precedence and associativity ------------------------------------------------------------

TEST(Parser, PowerBindsTighterThanUnaryOnItsLeft) {
  EXPECT_EQ(dump("-2**2"), "(expr (- (** 2 2)))");
  EXPECT_EQ(dump("2**-1"), "(expr (** 2 (- 1)))");
  EXPECT_EQ(dump("~x ** 2"), "(expr (~ (** x 2)))");
}

TEST(Parser, PowerIsRightAssociative) {
  EXPECT_EQ(dump("2**3**2"), "(expr (** 2 (** 3 2)))");
}

TEST(Parser, ArithmeticPrecedenceAndLeftAssociativity) {
  EXPECT_EQ(dump("a + b * c - d"), "(expr (- (+ a (* b c)) d))");
  EXPECT_EQ(dump("(a + b) * c"), "(expr (* (+ a b) c))");
  EXPECT_EQ(dump("a - b - c"), "(expr (- (- a b) c))");
  EXPECT_EQ(dump("a @ b // c % d / e"), "(expr (/ (% (// (@ a b) c) d) e))");
}

TEST(Parser, BitwiseAndShiftPrecedence) {
  EXPECT_EQ(dump("a | b ^ c & d << e + f * g"), "(expr (| a (^ b (& c (<< d (+ e (* f g)))))))");
  EXPECT_EQ(dump("a >> b << c"), "(expr (<< (>> a b) c))");
}

TEST(Parser, BooleanPrecedence) {
  EXPECT_EQ(dump("not a == b"), "(expr (not (cmp a == b)))");
  EXPECT_EQ(dump("a and b or c and not d"), "(expr (or (and a b) (and c (not d))))");
  EXPECT_EQ(dump("a or b or c"), "(expr (or a b c))");
  EXPECT_EQ(dump("not not a"), "(expr (not (not a)))");
}

TEST(Parser, ComparisonsChainIntoOneNode) {
  EXPECT_EQ(dump("a < b <= c == d != e > f >= g"), "(expr (cmp a < b <= c == d != e > f >= g))");
  EXPECT_EQ(dump("a not in b is not c in d is e"), "(expr (cmp a not in b is not c in d is e))");
  EXPECT_EQ(dump("a | b < c + d"), "(expr (cmp (| a b) < (+ c d)))");
}

TEST(Parser, ConditionalAndLambdaBindLoosest) {
  EXPECT_EQ(dump("a if b else c if d else e"), "(expr (ifexp b a (ifexp d c e)))");
  EXPECT_EQ(dump("lambda: a if b else c"), "(expr (lambda (args) (ifexp b a c)))");
  EXPECT_EQ(dump("a if b else lambda: c"), "(expr (ifexp b a (lambda (args) c)))");
  EXPECT_EQ(dump("x = a or b if c and d else e"), "(= x:store (ifexp (and c d) (or a b) e))");
}

TEST(Parser, PrimaryBindsTighterThanUnary) {
  EXPECT_EQ(dump("-a.b[0](c)"), "(expr (- (call (sub (attr a b) 0) c)))");
}

// ---- Literals --------------------------------------------------------------------------------

TEST(Parser, IntegersKeepDigitsWithoutUnderscores) {
  EXPECT_EQ(dump("x = 0x_1F + 0O17 + 0b1_01 + 1_000 + 00"),
            "(= x:store (+ (+ (+ (+ 0x1F 0o17) 0b101) 1000) 00))");
  Module m = parse("123_456_789_000_000_000_000\n");
  const Constant& c = firstValue(m).constant;
  EXPECT_EQ(c.kind, ConstantKind::Int);
  EXPECT_EQ(c.text, "123456789000000000000");
}

TEST(Parser, FloatsAndImaginariesParseToDouble) {
  EXPECT_EQ(dump("x = 1.5 + 1e10 + 1e400 + .5 + 3."),
            "(= x:store (+ (+ (+ (+ 1.5 10000000000.0) inf) 0.5) 3.0))");
  EXPECT_EQ(dump("x = 2j + 1.5J"), "(= x:store (+ 2j 1.5j))");
  Module m = parse("1_0.2_5e-1_0\n");
  EXPECT_EQ(firstValue(m).constant.kind, ConstantKind::Float);
  EXPECT_DOUBLE_EQ(firstValue(m).constant.number, 10.25e-10);
  Module tiny = parse("1e-400\n");
  EXPECT_EQ(firstValue(tiny).constant.number, 0.0);
  // A huge mantissa with a negative exponent still overflows.
  Module big = parse("1" + std::string(400, '0') + ".0e-50\n");
  EXPECT_TRUE(std::isinf(firstValue(big).constant.number));
}

TEST(Parser, AdjacentStringsConcatenate) {
  EXPECT_EQ(dump("x = \"a\" 'b' \"\"\"c\"\"\""), "(= x:store \"abc\")");
  EXPECT_EQ(dump("x = b\"\\x00\\xff\" b'z'"), "(= x:store b\"\\x00\\xffz\")");
}

TEST(Parser, KeywordConstants) {
  EXPECT_EQ(dump("x = None, True, False, ..."), "(= x:store (tuple None True False ...))");
}

// ---- Displays, calls, subscripts -------------------------------------------------------------

TEST(Parser, TuplesAndGroups) {
  EXPECT_EQ(dump("()"), "(expr (tuple))");
  EXPECT_EQ(dump("(x,)"), "(expr (tuple x))");
  EXPECT_EQ(dump("(x)"), "(expr x)");
  EXPECT_EQ(dump("x = 1, 2,"), "(= x:store (tuple 1 2))");
}

TEST(Parser, ListSetDictDisplays) {
  EXPECT_EQ(dump("[*a, b]"), "(expr (list (star a) b))");
  EXPECT_EQ(dump("{**d, 'k': 1}"), "(expr (dict (** d) (\"k\" 1)))");
  EXPECT_EQ(dump("{1, 2}"), "(expr (set 1 2))");
  EXPECT_EQ(dump("{}"), "(expr (dict))");
  EXPECT_EQ(dump("[1, 2,]"), "(expr (list 1 2))");
  Module m = parse("{**a, 1: 2}\n");
  const Expr& dict = firstValue(m);
  ASSERT_EQ(dict.items.size(), 2u);
  EXPECT_EQ(dict.items[0], nullptr);  // **a
  EXPECT_EQ(dict.values[0]->name, "a");
}

TEST(Parser, Comprehensions) {
  EXPECT_EQ(dump("[x for x in y for z in x if z if not z]"),
            "(expr (listcomp x (for x:store y) (for z:store x if z if (not z))))");
  EXPECT_EQ(dump("{k: v for k, v in items}"),
            "(expr (dictcomp k v (for (tuple:store k:store v:store) items)))");
  EXPECT_EQ(dump("{x for x in y}"), "(expr (setcomp x (for x:store y)))");
  EXPECT_EQ(dump("(x for x in y)"), "(expr (genexp x (for x:store y)))");
  EXPECT_EQ(dump("[a for a.b[0] in c]"), "(expr (listcomp a (for (sub:store (attr a b) 0) c)))");
}

TEST(Parser, CallArguments) {
  EXPECT_EQ(dump("f(a, *b, k=1, **c)"), "(expr (call f a (star b) k=1 **c))");
  EXPECT_EQ(dump("f(a=1, *b)"), "(expr (call f (star b) a=1))");
  EXPECT_EQ(dump("f(*a if b else c)"), "(expr (call f (star (ifexp b a c))))");
  EXPECT_EQ(dump("f(x for x in y)"), "(expr (call f (genexp x (for x:store y))))");
  EXPECT_EQ(dump("f(a := 1)"), "(expr (call f (:= a:store 1)))");
  EXPECT_EQ(dump("f()()"), "(expr (call (call f)))");
}

TEST(Parser, Subscripts) {
  EXPECT_EQ(dump("a[1:2, ::3, ...]"), "(expr (sub a (tuple (slice 1 2 _) (slice _ _ 3) ...)))");
  EXPECT_EQ(dump("a[:]"), "(expr (sub a (slice _ _ _)))");
  EXPECT_EQ(dump("a[1:2]"), "(expr (sub a (slice 1 2 _)))");
  EXPECT_EQ(dump("a[::]"), "(expr (sub a (slice _ _ _)))");
  EXPECT_EQ(dump("a[*b]"), "(expr (sub a (tuple (star b))))");
  EXPECT_EQ(dump("a[1,]"), "(expr (sub a (tuple 1)))");
}

TEST(Parser, WalrusAndYieldNodes) {
  EXPECT_EQ(dump("(y := f(x))"), "(expr (:= y:store (call f x)))");
  EXPECT_EQ(dump("[y := 1, y ** 2]"), "(expr (list (:= y:store 1) (** y 2)))");
  EXPECT_EQ(dump("if (n := len(a)) > 10: pass"),
            "(if (cmp (:= n:store (call len a)) > 10) [(pass)])");
  EXPECT_EQ(dump("def g():\n    yield x\n    y = yield\n    yield from z\n"),
            "(def g (args) [(expr (yield x)) (= y:store (yield)) (expr (yield-from z))])");
}

TEST(Parser, Lambdas) {
  EXPECT_EQ(dump("lambda x, y=1, *a, k, m=2, **kw: x"),
            "(expr (lambda (args x y=1 *a k m=2 **kw) x))");
  EXPECT_EQ(dump("lambda a, /, b: 0"), "(expr (lambda (args a / b) 0))");
  EXPECT_EQ(dump("lambda *, k: 0"), "(expr (lambda (args * k) 0))");
}

// ---- f-strings -------------------------------------------------------------------------------

TEST(Parser, FStringSplitsIntoParts) {
  EXPECT_EQ(dump("f\"a{x}b\""), "(expr (fstr \"a\" (fmt x) \"b\"))");
  EXPECT_EQ(dump("f\"\""), "(expr (fstr))");
  EXPECT_EQ(dump("f\"{{literal}} {{}}\""), "(expr (fstr \"{literal} {}\"))");
  EXPECT_EQ(dump("f\"{a, b}\""), "(expr (fstr (fmt (tuple a b))))");
  EXPECT_EQ(dump("f\"{'}'}\""), "(expr (fstr (fmt \"}\")))");
  EXPECT_EQ(dump("f'{x:{y}}' f\"{z!a}\""), "(expr (fstr (fmt x (fstr (fmt y))) (fmt z !a)))");
}

TEST(Parser, FStringConversionAndNestedSpec) {
  EXPECT_EQ(dump("f\"{x!r:>{width}.{prec}f}\""),
            "(expr (fstr (fmt x !r (fstr \">\" (fmt width) \".\" (fmt prec) \"f\"))))");
  EXPECT_EQ(dump("f\"{x:}\""), "(expr (fstr (fmt x (fstr))))");
}

TEST(Parser, FStringDebugSpecifier) {
  EXPECT_EQ(dump("f\"{x=}\""), "(expr (fstr \"x=\" (fmt x !r)))");
  EXPECT_EQ(dump("f\"{x = !s}\""), "(expr (fstr \"x = \" (fmt x !s)))");
  EXPECT_EQ(dump("f\"{x=:>5}\""), "(expr (fstr \"x=\" (fmt x (fstr \">5\"))))");
}

TEST(Parser, FStringEscapesAndConcatenation) {
  EXPECT_EQ(dump("\"a\" f\"{b}\" \"c\""), "(expr (fstr \"a\" (fmt b) \"c\"))");
  EXPECT_EQ(dump("rf\"\\n{x}\""), "(expr (fstr \"\\\\n\" (fmt x)))");
  EXPECT_EQ(dump("f\"\\t{x}\\x41\""), "(expr (fstr \"\\t\" (fmt x) \"A\"))");
  EXPECT_EQ(dump("f\"{x}\" \"{y}\""), "(expr (fstr (fmt x) \"{y}\"))");
}

TEST(Parser, FStringExpressionsHaveSourcePositions) {
  Module m = parse("x = 1\ny = f'ab{foo}'\n");
  const Expr& joined = *m.body[1]->value;
  ASSERT_EQ(joined.kind, ExprKind::JoinedStr);
  const Expr& field = *joined.items.at(1);
  ASSERT_EQ(field.kind, ExprKind::FormattedValue);
  EXPECT_EQ(field.a->range.line, 2);
  EXPECT_EQ(field.a->range.col, 10);
  EXPECT_EQ(field.a->range.endCol, 13);
}

// ---- Statements ------------------------------------------------------------------------------

TEST(Parser, AssignmentTargets) {
  EXPECT_EQ(dump("a, *b = c"), "(= (tuple:store a:store (star:store b:store)) c)");
  EXPECT_EQ(dump("(a, b), c.d, e[0] = f = g"),
            "(= (tuple:store (tuple:store a:store b:store) (attr:store c d) (sub:store e 0)) "
            "f:store g)");
  EXPECT_EQ(dump("[a, *b] = c"), "(= (list:store a:store (star:store b:store)) c)");
  EXPECT_EQ(dump("a = b = 1"), "(= a:store b:store 1)");
  EXPECT_EQ(dump("x = yield y"), "(= x:store (yield y))");
  EXPECT_EQ(dump("a.b[c] = d"), "(= (sub:store (attr a b) c) d)");
}

TEST(Parser, AugmentedAndAnnotatedAssignment) {
  EXPECT_EQ(dump("x += 1"), "(+= x:store 1)");
  EXPECT_EQ(dump("x.y **= 2"), "(**= (attr:store x y) 2)");
  EXPECT_EQ(dump("x //= a, b"), "(//= x:store (tuple a b))");
  EXPECT_EQ(dump("x: int"), "(ann x:store int)");
  EXPECT_EQ(dump("x[0]: int = 5"), "(ann (sub:store x 0) int 5)");
  EXPECT_EQ(dump("(x): int = 5"), "(ann x:store int 5)");
}

TEST(Parser, IfElifElse) {
  EXPECT_EQ(dump("if a:\n    pass\nelif b:\n    x = 1\nelif c:\n    pass\nelse:\n    y = 2\n"),
            "(if a [(pass)] [(if b [(= x:store 1)] [(if c [(pass)] [(= y:store 2)])])])");
  EXPECT_EQ(dump("if x: y; z"), "(if x [(expr y) (expr z)])");
}

TEST(Parser, Loops) {
  EXPECT_EQ(dump("while a:\n    break\nelse:\n    continue\n"), "(while a [(break)] [(continue)])");
  EXPECT_EQ(dump("for i, (j, k) in x:\n    pass\nelse:\n    pass\n"),
            "(for (tuple:store i:store (tuple:store j:store k:store)) x [(pass)] [(pass)])");
  EXPECT_EQ(dump("for x in *a, b: pass"), "(for x:store (tuple (star a) b) [(pass)])");
  EXPECT_EQ(dump("for x, in y: pass"), "(for (tuple:store x:store) y [(pass)])");
}

TEST(Parser, FunctionDefinitions) {
  EXPECT_EQ(dump("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    return a\n"),
            "(def f (args a b=1 / c=2 *args d e=3 **kw) [(return a)])");
  EXPECT_EQ(dump("@dec\n@dec2(1)\ndef f():\n    pass\n"),
            "(def f (args) [(pass)] (@ dec (call dec2 1)))");
  EXPECT_EQ(dump("def f(a: int = 1, *, b: str): pass"), "(def f (args a=1 * b) [(pass)])");
  Module m = parse("def f(a, b=1, /, c=2, *, d, e=3): pass\n");
  const Arguments& args = *m.body[0]->arguments;
  ASSERT_EQ(args.positional.size(), 3u);
  EXPECT_EQ(args.positionalOnlyCount, 2);
  ASSERT_EQ(args.defaults.size(), 2u);  // for b and c
  EXPECT_EQ(args.varargs, nullptr);
  ASSERT_EQ(args.keywordOnly.size(), 2u);
  ASSERT_EQ(args.keywordDefaults.size(), 2u);
  EXPECT_EQ(args.keywordDefaults[0], nullptr);
  EXPECT_NE(args.keywordDefaults[1], nullptr);
  EXPECT_EQ(args.kwargs, nullptr);
}

TEST(Parser, ClassDefinitions) {
  EXPECT_EQ(dump("class C(A, B, metaclass=M, **kw):\n    x = 1\n"),
            "(class C (A B metaclass=M **kw) [(= x:store 1)])");
  EXPECT_EQ(dump("class D:\n    pass\n"), "(class D () [(pass)])");
  EXPECT_EQ(dump("@d\nclass E(): pass"), "(class E () [(pass)] (@ d))");
}

TEST(Parser, SimpleStatements) {
  EXPECT_EQ(dump("global a, b"), "(global a b)");
  EXPECT_EQ(dump("def f():\n    nonlocal a\n"), "(def f (args) [(nonlocal a)])");
  EXPECT_EQ(dump("assert x, \"message\""), "(assert x \"message\")");
  EXPECT_EQ(dump("assert x"), "(assert x)");
  EXPECT_EQ(dump("raise"), "(raise)");
  EXPECT_EQ(dump("raise E from cause"), "(raise E from cause)");
  EXPECT_EQ(dump("def f():\n    return\n"), "(def f (args) [(return)])");
  EXPECT_EQ(dump("def f():\n    return 1, *a\n"), "(def f (args) [(return (tuple 1 (star a)))])");
  EXPECT_EQ(dump("x = 1; y = 2;"), "(= x:store 1)\n(= y:store 2)");
  EXPECT_EQ(dump("pass\n\n\n# comment\n"), "(pass)");
}

TEST(Parser, DeleteTargets) {
  EXPECT_EQ(dump("del a, b.c, d[0], (e, [f])"),
            "(del a:del (attr:del b c) (sub:del d 0) (tuple:del e:del (list:del f:del)))");
  EXPECT_EQ(dump("del a,"), "(del a:del)");
  EXPECT_EQ(dump("del (a)"), "(del a:del)");
}

TEST(Parser, Imports) {
  EXPECT_EQ(dump("import a.b.c as d, e"), "(import (a.b.c as d) e)");
  EXPECT_EQ(dump("from .. m import (a, b as c,)"), "(from ..m a (b as c))");
  EXPECT_EQ(dump("from . import *"), "(from . *)");
  EXPECT_EQ(dump("from ...a import b"), "(from ...a b)");
  EXPECT_EQ(dump("from .... import x"), "(from .... x)");
  Module m = parse("from ..pkg.mod import name as alias\n");
  const Stmt& s = *m.body[0];
  EXPECT_EQ(s.level, 2);
  EXPECT_EQ(s.module, "pkg.mod");
  ASSERT_EQ(s.aliases.size(), 1u);
  EXPECT_EQ(s.aliases[0].name, "name");
  EXPECT_EQ(s.aliases[0].asName, "alias");
}

TEST(Parser, WithStatements) {
  EXPECT_EQ(dump("with a as b, c as (d, e), f:\n    pass\n"),
            "(with (as a b:store) (as c (tuple:store d:store e:store)) f [(pass)])");
  EXPECT_EQ(dump("with (a as b, c):\n    pass\n"), "(with (as a b:store) c [(pass)])");
  EXPECT_EQ(dump("with (a, b) as c:\n    pass\n"), "(with (as (tuple a b) c:store) [(pass)])");
  EXPECT_EQ(dump("with (a, b):\n    pass\n"), "(with a b [(pass)])");
  EXPECT_EQ(dump("with (a)(b): pass"), "(with (call a b) [(pass)])");
  EXPECT_EQ(dump("with (): pass"), "(with (tuple) [(pass)])");
}

TEST(Parser, TryStatements) {
  EXPECT_EQ(dump("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n"
                 "    pass\nelse:\n    pass\nfinally:\n    pass\n"),
            "(try [(pass)] (except (tuple A B) as e [(pass)]) (except C [(pass)]) (except "
            "[(pass)]) (else [(pass)]) (finally [(pass)]))");
  EXPECT_EQ(dump("try: pass\nfinally: pass"), "(try [(pass)] (finally [(pass)]))");
}

TEST(Parser, NodeRanges) {
  Module m = parse("x = foo(1)\nif a:\n    b\n");
  const Stmt& assign = *m.body[0];
  EXPECT_EQ(assign.range.line, 1);
  EXPECT_EQ(assign.range.col, 1);
  EXPECT_EQ(assign.range.endCol, 11);
  const Expr& call = *assign.value;
  EXPECT_EQ(call.range.col, 5);
  EXPECT_EQ(call.range.endCol, 11);
  const Stmt& ifStmt = *m.body[1];
  EXPECT_EQ(ifStmt.range.line, 2);
  EXPECT_EQ(ifStmt.range.endLine, 3);
  EXPECT_EQ(ifStmt.range.endCol, 6);
  // Parentheses do not belong to the expression inside them, as in CPython.
  Module grouped = parse("(a + b)\n");
  EXPECT_EQ(firstValue(grouped).range.col, 2);
}

// ---- Errors ----------------------------------------------------------------------------------

struct ErrorCase {
  const char* source;
  ErrorInfo expected;
};

void expectErrors(const std::vector<ErrorCase>& cases) {
  for (const ErrorCase& c : cases)
    EXPECT_EQ(errorOf(c.source), c.expected) << c.source;
}

// `match` is a soft keyword: the statement is named as unsupported, the name still works.
TEST(Parser, MatchStatementIsNamedAsUnsupportedAndMatchStaysAName) {
  expectErrors({
      {"match x:\n    case 1: pass\n",
       syntax("the 'match' statement is not supported by gilsim", 1, 1)},
      {"match (a,\n       b):\n    case _: pass\n",
       syntax("the 'match' statement is not supported by gilsim", 1, 1)},
  });
  for (const char* ok : {"match = 1\n", "match: int = 1\n", "match(x)\n",
                         "match.y = f(lambda: 1)\n", "print(match[1:2])\n"})
    EXPECT_EQ(errorOf(ok).kind, "none") << ok;
}

// Annotations are kept: a def's for __annotations__, the return one under "return".
TEST(Parser, ParameterAndReturnAnnotationsAreKept) {
  Module m = parse("def f(a: int, *b: str, c: 'x' = 1, **d: list) -> bool: pass\n");
  const Arguments& a = *m.body.at(0)->arguments;
  ASSERT_TRUE(a.positional.at(0).annotation);
  ASSERT_TRUE(a.varargs && a.varargs->annotation);
  ASSERT_TRUE(a.keywordOnly.at(0).annotation);
  ASSERT_TRUE(a.kwargs && a.kwargs->annotation);
  ASSERT_TRUE(a.returns);
  EXPECT_FALSE(parse("def g(a, b=2): pass\n").body.at(0)->arguments->returns);
}

TEST(Parser, GenericSyntaxErrorsPointAtTheOffendingToken) {
  expectErrors({
      {"x = a b", syntax("invalid syntax", 1, 7)},
      {"x = 1 +", syntax("invalid syntax", 1, 8)},
      {"x =\n", syntax("invalid syntax", 1, 4)},
      {"a not b", syntax("invalid syntax", 1, 7)},
      {"class = 1", syntax("invalid syntax", 1, 7)},
      {"else: pass", syntax("invalid syntax", 1, 1)},
      {"if x: if y: pass", syntax("invalid syntax", 1, 7)},
      {"x = 1;;", syntax("invalid syntax", 1, 7)},
      {"a[]", syntax("invalid syntax", 1, 3)},
      {"import a.", syntax("invalid syntax", 1, 10)},
      {"from import x", syntax("invalid syntax", 1, 6)},
      {"x = 1 +   # trailing comment\n", syntax("invalid syntax", 1, 11)},
      {"@x\n", syntax("invalid syntax", 1, 0)},
      {"x := 1", syntax("invalid syntax", 1, 3)},
      {"f(**k for a in b)", syntax("invalid syntax", 1, 7)},
  });
}

TEST(Parser, ExpectedColon) {
  expectErrors({
      {"if x\n  pass", syntax("expected ':'", 1, 5)},
      {"while x\n  pass", syntax("expected ':'", 1, 8)},
      {"class C\n  pass", syntax("expected ':'", 1, 8)},
      {"for x in y\n  pass", syntax("expected ':'", 1, 11)},
      {"def f() x: pass", syntax("expected ':'", 1, 9)},
      {"def f() -> : pass", syntax("expected ':'", 1, 9)},
      {"try x:\n  pass", syntax("expected ':'", 1, 5)},
      {"while x: pass\nelse pass", syntax("expected ':'", 2, 6)},
      {"if x y:\n  pass", syntax("invalid syntax", 1, 6)},
      {"def f: pass", syntax("expected '('", 1, 6)},
  });
}

TEST(Parser, IndentationErrors) {
  expectErrors({
      {"if x:\npass\n",
       indentation("expected an indented block after 'if' statement on line 1", 2, 1)},
      {"if x:\n", indentation("expected an indented block after 'if' statement on line 1", 1, 6)},
      {"def f():\n",
       indentation("expected an indented block after function definition on line 1", 1, 9)},
      {"class C:\nx",
       indentation("expected an indented block after class definition on line 1", 2, 1)},
      {"for x in y:\n\n# c\nx",
       indentation("expected an indented block after 'for' statement on line 1", 4, 1)},
      {"while a:\npass",
       indentation("expected an indented block after 'while' statement on line 1", 2, 1)},
      {"with a:\npass",
       indentation("expected an indented block after 'with' statement on line 1", 2, 1)},
      {"try:\nx", indentation("expected an indented block after 'try' statement on line 1", 2, 1)},
      {"try:\n  pass\nexcept:\nx",
       indentation("expected an indented block after 'except' statement on line 3", 4, 1)},
      {"try:\n  pass\nfinally:\npass",
       indentation("expected an indented block after 'finally' statement on line 3", 4, 1)},
      {"if x:\n  pass\nelse:\npass",
       indentation("expected an indented block after 'else' statement on line 3", 4, 1)},
      {"if x:\n  pass\nelif y:\npass",
       indentation("expected an indented block after 'elif' statement on line 3", 4, 1)},
      {"if x:\n    \n",
       indentation("expected an indented block after 'if' statement on line 1", 2, 5)},
      {"x = 1\n  y = 2\n", indentation("unexpected indent", 2, 2)},
      {"class C:\n  def f(self):\n    pass\n  @x\n", indentation("unexpected unindent", 4, 5)},
  });
}

TEST(Parser, InvalidAssignmentTargets) {
  expectErrors({
      {"1 = x",
       syntax("cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1)},
      {"f() = 1",
       syntax("cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1)},
      {"a + 1 = 2",
       syntax("cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1)},
      {"a = 1 = 2", syntax("cannot assign to literal", 1, 5)},
      {"(a, 1) = x", syntax("cannot assign to literal", 1, 5)},
      {"True = 1", syntax("cannot assign to True", 1, 1)},
      {"a < b = 1", syntax("cannot assign to comparison", 1, 1)},
      {"not x = 1", syntax("cannot assign to expression", 1, 1)},
      {"[1] + 1 = 2", syntax("cannot assign to expression", 1, 1)},
      {"(x for x in y) = 1", syntax("cannot assign to generator expression", 1, 1)},
      {"x = yield = 1", syntax("assignment to yield expression not possible", 1, 5)},
      {"path, 1 = x, y",
       syntax("cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 7)},
      {"x = a if b else c = 1",
       syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 1)},
      {"*a = 1", syntax("starred assignment target must be in a list or tuple", 1, 1)},
      {"*a, *b = 1", syntax("multiple starred expressions in assignment", 1, 1)},
      {"for 1 in x: pass", syntax("cannot assign to literal", 1, 5)},
      {"for -x in y: pass", syntax("cannot assign to expression", 1, 5)},
      {"[x for 1 in y]", syntax("cannot assign to literal", 1, 8)},
      {"with a as 1: pass", syntax("cannot assign to literal", 1, 11)},
      {"del 1", syntax("cannot delete literal", 1, 5)},
      {"del f()", syntax("cannot delete function call", 1, 5)},
      {"del (a + b)", syntax("cannot delete expression", 1, 6)},
      {"del *a", syntax("cannot delete starred", 1, 5)},
      {"(a.b := 1)", syntax("cannot use assignment expressions with attribute", 1, 2)},
  });
}

TEST(Parser, AugmentedAndAnnotatedTargetErrors) {
  expectErrors({
      {"x + 1 += 1",
       syntax("'expression' is an illegal expression for augmented assignment", 1, 1)},
      {"a, b += 1", syntax("'tuple' is an illegal expression for augmented assignment", 1, 1)},
      {"x() += 1",
       syntax("'function call' is an illegal expression for augmented assignment", 1, 1)},
      {"x + 1 +=", syntax("invalid syntax", 1, 7)},
      {"a, b: int", syntax("only single target (not tuple) can be annotated", 1, 1)},
      {"[a]: int", syntax("only single target (not list) can be annotated", 1, 1)},
      {"f(): int", syntax("illegal target for annotation", 1, 1)},
  });
}

TEST(Parser, StrayEqualsInExpressions) {
  expectErrors({
      {"if x = 1: pass",
       syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4)},
      {"if f() = 1: pass",
       syntax("cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4)},
      {"f(a.b=1)", syntax("expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3)},
      {"f(True=1)", syntax("cannot assign to True", 1, 3)},
      {"f(a=1 for x in y)",
       syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3)},
  });
}

TEST(Parser, CallArgumentErrors) {
  expectErrors({
      {"f(a=1, b)", syntax("positional argument follows keyword argument", 1, 9)},
      {"f(**k, b)", syntax("positional argument follows keyword argument unpacking", 1, 9)},
      {"f(**k, *b)",
       syntax("iterable argument unpacking follows keyword argument unpacking", 1, 8)},
      {"f(a=1, a=2)", syntax("keyword argument repeated: a", 1, 8)},
      {"f(x for x in y, 1)", syntax("Generator expression must be parenthesized", 1, 3)},
      {"f(1, x for x in y)", syntax("Generator expression must be parenthesized", 1, 6)},
      {"f(*a for a in b)", syntax("iterable unpacking cannot be used in comprehension", 1, 3)},
  });
}

TEST(Parser, ForgottenCommaAndMissingParentheses) {
  expectErrors({
      {"print(a b)", syntax("invalid syntax. Perhaps you forgot a comma?", 1, 7)},
      {"f(a 1+)", syntax("invalid syntax. Perhaps you forgot a comma?", 1, 3)},
      {"[a b]", syntax("invalid syntax. Perhaps you forgot a comma?", 1, 2)},
      {"x = (\n1,\n2 3)", syntax("invalid syntax. Perhaps you forgot a comma?", 3, 1)},
      {"f(x if y else a b)", syntax("invalid syntax. Perhaps you forgot a comma?", 1, 15)},
      {"f(x \"s\")", syntax("invalid syntax", 1, 5)},
      {"f(a lambda)", syntax("invalid syntax", 1, 5)},
      {"f(c d)", syntax("invalid syntax", 1, 5)},  // CPython 3.11 treats `c` as a soft keyword
      {"print \"x\"",
       syntax("Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1)},
      {"x = print x",
       syntax("Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 5)},
      {"exec \"x\"",
       syntax("Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1)},
      {"x = 1 if y", syntax("expected 'else' after 'if' expression", 1, 5)},
      {"[a, b for x in y]",
       syntax("did you forget parentheses around the comprehension target?", 1, 2)},
  });
}

TEST(Parser, ParameterErrors) {
  expectErrors({
      {"def f(a=1, b): pass", syntax("non-default argument follows default argument", 1, 12)},
      {"def f(a, a): pass", syntax("duplicate argument 'a' in function definition", 1, 10)},
      {"lambda a=1, b: 0", syntax("non-default argument follows default argument", 1, 13)},
      {"def f(*): pass", syntax("named arguments must follow bare *", 1, 7)},
      {"lambda *: 0", syntax("named arguments must follow bare *", 1, 9)},
      {"def f(/, a): pass", syntax("at least one argument must precede /", 1, 7)},
      {"def f(a, /, b, /): pass", syntax("/ may appear only once", 1, 16)},
      {"def f(*a, /): pass", syntax("/ must be ahead of *", 1, 11)},
      {"def f(*a, *b): pass", syntax("* argument may appear only once", 1, 11)},
      {"def f(**k, a): pass", syntax("arguments cannot follow var-keyword argument", 1, 12)},
      {"def f(*a=1): pass", syntax("var-positional argument cannot have default value", 1, 9)},
      {"def f(a=): pass", syntax("expected default value expression", 1, 8)},
      {"def f((a, b)): pass", syntax("Function parameters cannot be parenthesized", 1, 7)},
  });
}

TEST(Parser, TryErrors) {
  expectErrors({
      {"try:\n  pass\n", syntax("expected 'except' or 'finally' block", 2, 7)},
      {"try:\n  pass\nx = 1", syntax("expected 'except' or 'finally' block", 3, 1)},
      {"try:\n  pass\nexcept:\n  pass\nexcept A:\n  pass\n",
       syntax("default 'except:' must be last", 3, 1)},
      {"try:\n  pass\nexcept A, B:\n  pass\n",
       syntax("multiple exception types must be parenthesized", 3, 8)},
  });
}

TEST(Parser, ImportAndLiteralErrors) {
  expectErrors({
      {"from a import b,",
       syntax("trailing comma not allowed without surrounding parentheses", 1, 17)},
      {"x = \"a\" b\"c\"", syntax("cannot mix bytes and nonbytes literals", 1, 13)},
      {"x = {1: 2, 3}", syntax("':' expected after dictionary key", 1, 12)},
      {"x = {1: }", syntax("expression expected after dictionary key and ':'", 1, 7)},
      {"{a: *b}", syntax("cannot use a starred expression in a dictionary value", 1, 5)},
      {"(*a)", syntax("cannot use starred expression here", 1, 2)},
      {"x = *a", syntax("can't use starred expression here", 1, 5)},
  });
}

TEST(Parser, FStringErrors) {
  expectErrors({
      {"f\"{}\"", syntax("f-string: empty expression not allowed", 1, 6)},
      {"f\"{x}}\"", syntax("f-string: single '}' is not allowed", 1, 8)},
      {"f\"{x\"", syntax("f-string: expecting '}'", 1, 6)},
      {"f\"{x!z}\"",
       syntax("f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9)},
      {"f\"{!r}\"", syntax("f-string: expression required before '!'", 1, 8)},
      {"f\"{x:{y:{z}}}\"", syntax("f-string: expressions nested too deeply", 1, 15)},
      {"f\"{#}\"", syntax("f-string expression part cannot include '#'", 1, 7)},
      {"f\"{(}\"",
       syntax("f-string: closing parenthesis '}' does not match opening parenthesis '('", 1, 7)},
      {"f\"{a b}\"", syntax("f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2)},
      {"f\"{*a}\"", syntax("f-string: cannot use starred expression here", 1, 2)},
  });
}

TEST(Parser, ErrorsBeforeALexerErrorWin) {
  // CPython tokenizes as it parses, so a parse error before the point where the tokenizer
  // fails is the one reported.
  expectErrors({
      {"if x\n  pass", syntax("expected ':'", 1, 5)},
      {"def f(:\n  pass", syntax("invalid syntax", 1, 7)},
      {"x = 1 2\ny = $", syntax("invalid syntax", 1, 7)},
      {"print(a b", syntax("'(' was never closed", 1, 6)},
      {"x = 1 2\ny = 1__2", syntax("invalid decimal literal", 2, 6)},
  });
}

// ---- Robustness ------------------------------------------------------------------------------

TEST(Parser, DeepNestingFailsCleanly) {
  EXPECT_EQ(dump(std::string(200, '(') + "1" + std::string(200, ')')), "(expr 1)");
  EXPECT_EQ(errorOf(std::string(5000, '(') + "1" + std::string(5000, ')')).message,
            "too many nested parentheses");
  const std::vector<std::string> deep = {
      std::string(100000, '-') + "1",
      [] {
        std::string s;
        for (int i = 0; i < 50000; ++i)
          s += "not ";
        return s + "x";
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i)
          s += "lambda: ";
        return s + "1";
      }(),
      [] {
        std::string s = "2";
        for (int i = 0; i < 20000; ++i)
          s += "**2";
        return s;
      }(),
      [] {
        std::string s = "a";
        for (int i = 0; i < 100000; ++i)
          s += ".a";
        return s;
      }(),
      [] {
        std::string s = "a";
        for (int i = 0; i < 100000; ++i)
          s += "+a";
        return s;
      }(),
      [] {
        std::string s = "x = ";
        for (int i = 0; i < 20000; ++i)
          s += "a if b else ";
        return s + "c";
      }(),
      [] {
        std::string s = "if a: pass\n";
        for (int i = 0; i < 5000; ++i)
          s += "elif a: pass\n";
        return s;
      }(),
  };
  for (const std::string& source : deep) {
    EXPECT_EQ(errorOf(source).message, "expression too complex") << source.substr(0, 40);
  }
}

// Unclosed brackets: each level's error diagnosis used to re-run that of every level inside it,
// exponential in the depth (a fuzzer's 212 bytes took 3.5 s). The trial parses are counted, not
// timed: at most quadratic in the depth, and the message and caret are CPython's.
TEST(Parser, UnclosedBracketsCostLittleToDiagnose) {
  auto trialsFor = [](int depth, std::string_view opener) {
    std::string source;
    for (int i = 0; i < depth; ++i)
      source += opener;
    const size_t before = trialParseCount();
    const ErrorInfo e = errorOf(source);
    EXPECT_EQ(e.message, "'(' was never closed") << opener << " x " << depth;
    EXPECT_EQ(e.col, static_cast<int>(source.size()) - (opener == "(e" ? 1 : 0));
    return trialParseCount() - before;
  };
  for (std::string_view opener : {"e(", "(e"}) {
    const size_t shallow = trialsFor(50, opener), deep = trialsFor(199, opener);
    EXPECT_GT(shallow, 0u);
    EXPECT_LE(deep, shallow * 16) << opener;  // four times deeper: at most 4^2 times the trials
    EXPECT_LT(deep, 20000u) << opener;        // below the bound that cuts diagnosis short
  }
}

TEST(Parser, LongFlatConstructsParse) {
  std::string list = "[";
  for (int i = 0; i < 100000; ++i)
    list += "1,";
  list += "]";
  EXPECT_EQ(firstValue(parse(list)).items.size(), 100000u);
  std::string compare = "a";
  for (int i = 0; i < 10000; ++i)
    compare += " < a";
  EXPECT_EQ(firstValue(parse(compare)).compareOps.size(), 10000u);
  std::string fstring = "f'";
  for (int i = 0; i < 10000; ++i)
    fstring += "{x}";
  fstring += "'";
  EXPECT_EQ(firstValue(parse(fstring)).items.size(), 10000u);
}

TEST(Parser, MutatedSourceNeverCrashes) {
  // Throws SyntaxError or parses; anything else (a crash, another exception) fails the test.
  const std::string seed =
      "def f(a, b=1, *c, d, **e):\n"
      "    x = [i for i in a if i] + {k: v for k, v in b}\n"
      "    with open(x) as f, g as (h, i):\n"
      "        y = f'{x!r:>{w}} {y=}' \"s\" if a else lambda q: q ** -2\n"
      "    try:\n"
      "        del a[1:2, ::3], b.c\n"
      "    except (A, B) as e:\n"
      "        raise E from e\n"
      "    return (yield), *a\n"
      "class C(B, metaclass=M):\n"
      "    @dec\n"
      "    def g(self, /): return not a in b is not c\n";
  const std::string pieces[] = {"(",  ")",     "[",      "]",   "{",  "}",   ":",  ",",
                                "=",  "*",     "**",     "f'{", "'",  "\"",  "\n", "    ",
                                "if", "else",  "lambda", "for", "in", "not", ".",  "@",
                                ":=", "yield", "\\",     "#",   "$",  "0x",  "1e"};
  std::mt19937 rng(1234);
  for (int round = 0; round < 3000; ++round) {
    std::string source = seed;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % (source.size() + 1);
      switch (rng() % 3) {
        case 0:
          source.erase(at, 1 + rng() % 3);
          break;
        case 1:
          source.insert(at, pieces[rng() % std::size(pieces)]);
          break;
        default:
          source.insert(at, source.substr(rng() % source.size(), rng() % 8));
          break;
      }
    }
    try {
      parse(source);
    } catch (const SyntaxError& e) {
      EXPECT_GE(e.line, 0) << source;
    }
  }
}

}  // namespace
}  // namespace gilsim
