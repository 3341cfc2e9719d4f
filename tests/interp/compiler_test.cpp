// The compiler: golden disassembly listings, a stack-depth check of everything it emits, and the
// syntax errors it (rather than the parser) reports.
//
// Goldens live in data/compiler/NAME.dis next to their source NAME.py. After an intended change
// to code generation, regenerate them with
//     GILSIM_UPDATE_GOLDEN=1 build/dev/gilsim_unit_tests --gtest_filter='Compiler.Golden*'
// and review the diff.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "interp/common/opcodes.h"
#include "interp/compiler/compiler.h"
#include "interp/compiler/disassembler.h"
#include "interp/modules/standard_modules.h"
#include "interp/objects/code.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/function_object.h"
#include "interp/objects/type_object.h"
#include "interp/syntax/parser.h"
#include "interp/syntax/syntax_error.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {
namespace {

struct Env {
  Interpreter interp{InterpreterConfig{}, standardModules()};
  VM::Scope scope{&interp.mainVM()};
};

std::string dataDir() {
  return std::string(GILSIM_TEST_DATA_DIR) + "/compiler/";
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Value compile(const std::string& source, const std::string& filename) {
  Module module = parse(source);
  return compileModule(module, filename);
}

// ---- golden listings ----

// The first line where two texts differ, for a readable failure.
std::string firstDifference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    bool he = static_cast<bool>(std::getline(e, le)), ha = static_cast<bool>(std::getline(a, la));
    if (!he && !ha) return "no difference";
    if (le != la || he != ha)
      return "line " + std::to_string(line) + ":\n  golden: " + (he ? le : "<end>") +
             "\n  actual: " + (ha ? la : "<end>");
  }
}

void checkGolden(const std::string& name) {
  Env env;
  std::string source = readFile(dataDir() + name + ".py");
  ASSERT_FALSE(source.empty()) << "missing " << dataDir() << name << ".py";
  Value code = compile(source, name + ".py");
  std::string listing = disassemble(*code.as<CodeObject>());
  std::string goldenPath = dataDir() + name + ".dis";
  const char* update = std::getenv("GILSIM_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream out(goldenPath, std::ios::binary);
    out << listing;
    ASSERT_TRUE(out.good()) << "cannot write " << goldenPath;
    std::printf("updated %s\n", goldenPath.c_str());
    return;
  }
  std::string golden = readFile(goldenPath);
  ASSERT_FALSE(golden.empty()) << "missing golden " << goldenPath
                               << " (run with GILSIM_UPDATE_GOLDEN=1 to create it)";
  EXPECT_EQ(golden, listing) << "disassembly of " << name << ".py differs from " << goldenPath
                             << "; first difference at " << firstDifference(golden, listing);
}

TEST(Compiler, GoldenAssignment) {
  checkGolden("assign");
}
TEST(Compiler, GoldenArithmetic) {
  checkGolden("arith");
}
TEST(Compiler, GoldenIfElse) {
  checkGolden("if_else");
}
TEST(Compiler, GoldenWhileBreakContinue) {
  checkGolden("while_loop");
}
TEST(Compiler, GoldenForRange) {
  checkGolden("for_range");
}
TEST(Compiler, GoldenFunctionDefaultsAndCall) {
  checkGolden("function_defaults");
}
TEST(Compiler, GoldenClosureNonlocal) {
  checkGolden("closure_nonlocal");
}
TEST(Compiler, GoldenClassMethodSuper) {
  checkGolden("class_super");
}
TEST(Compiler, GoldenWith) {
  checkGolden("with_stmt");
}
TEST(Compiler, GoldenListComprehension) {
  checkGolden("list_comprehension");
}
TEST(Compiler, GoldenGeneratorExpression) {
  checkGolden("generator_expression");
}
TEST(Compiler, GoldenChainedComparison) {
  checkGolden("chained_comparison");
}
TEST(Compiler, GoldenFString) {
  checkGolden("fstring");
}

// Everything in this listing checks out except the exception table: "6 to 18 -> 18 [1]" also
// covers the POP_EXCEPT / JUMP_FORWARD that end the except clause (15, 16), where the stack is
// already below the handler's depth. See ExceptionTableEntriesMatchTheStack.
TEST(Compiler, GoldenTryExceptFinally) {
  checkGolden("try_except_finally");
}

// `return` from two for loops through a try/finally: "17 to 22 -> 28 [2]" covers the iterator
// pops and the RETURN_VALUE emitted after the inlined finally body.
TEST(Compiler, GoldenReturnThroughFinallyAndLoops) {
  checkGolden("return_in_loops");
}

// Guards the golden machinery itself: a listing differing from its golden must be reported.
TEST(Compiler, GoldenComparisonDetectsChanges) {
  Env env;
  std::string listing = disassemble(*compile("x = 1\n", "assign.py").as<CodeObject>());
  std::string golden = readFile(dataDir() + "assign.dis");
  ASSERT_FALSE(golden.empty());
  EXPECT_NE(listing, golden);
  EXPECT_NE(firstDifference(golden, listing), "no difference");
  EXPECT_EQ(firstDifference(golden, golden), "no difference");
}

// ---- stack discipline ----

// Every code object in `code`, itself first.
void collectCode(CodeObject* code, std::vector<CodeObject*>& out) {
  out.push_back(code);
  for (const Value& c : code->consts)
    if (c.isObject() && c.type()->layout() == Layout::Code) collectCode(c.as<CodeObject>(), out);
}

bool isTerminal(Opcode op) {
  return op == Opcode::RETURN_VALUE || op == Opcode::RAISE_VARARGS || op == Opcode::RERAISE ||
         op == Opcode::JUMP_FORWARD || op == Opcode::JUMP_BACKWARD;
}

// Opcodes that cannot raise: it does not matter which handler covers them.
bool cannotRaise(Opcode op) {
  switch (op) {
    case Opcode::NOP:
    case Opcode::POP_TOP:
    case Opcode::PUSH_NULL:
    case Opcode::DUP_TOP:
    case Opcode::DUP_TOP_TWO:
    case Opcode::ROT_TWO:
    case Opcode::ROT_THREE:
    case Opcode::ROT_FOUR:
    case Opcode::LOAD_CONST:
    case Opcode::LOAD_CLOSURE:
    case Opcode::STORE_FAST:
    case Opcode::JUMP_FORWARD:
    case Opcode::PUSH_EXC_INFO:
    case Opcode::POP_EXCEPT:
    case Opcode::RETURN_VALUE:
      return true;
    default:
      return false;
  }
}

struct StackWalk {
  std::vector<int> depth;  // depth before each instruction; -1 where unreachable
  std::vector<std::string> problems;
};

// Simulates the value-stack depth along fall-through, jumps and exception edges with the
// opcode table's stack effects. `strictHandlers` also requires instructions that cannot raise to
// sit at or above the depth of the handler covering them.
// The handler around an `except ... as NAME` body: NAME = None; del NAME; re-raise.
bool isUnbindHandler(const CodeObject& code, uint32_t target) {
  if (target + 3 >= code.code.size()) return false;
  return opOf(code.code[target]) == Opcode::LOAD_CONST &&
         opOf(code.code[target + 3]) == Opcode::RERAISE;
}

StackWalk walkStack(const CodeObject& code, bool strictHandlers) {
  StackWalk w;
  size_t n = code.code.size();
  w.depth.assign(n, -1);
  auto problem = [&](size_t i, const std::string& what) {
    w.problems.push_back(code.qualname + " @" + std::to_string(i) + " " +
                         std::string(opcodeInfo(opOf(code.code[i])).name) + ": " + what);
  };
  std::deque<size_t> work;
  auto reach = [&](size_t from, uint32_t to, int d, const char* how) {
    if (to >= n) {
      problem(from, std::string(how) + " to " + std::to_string(to) + ", past the end of the code");
      return;
    }
    if (d < 0) {
      problem(from, std::string(how) + " leaves the stack at depth " + std::to_string(d));
      return;
    }
    if (d > code.maxStack)
      problem(from, std::string(how) + " reaches depth " + std::to_string(d) + " > maxStack " +
                        std::to_string(code.maxStack));
    if (w.depth[to] < 0) {
      w.depth[to] = d;
      work.push_back(to);
    } else if (w.depth[to] != d) {
      problem(from, std::string(how) + " reaches " + std::to_string(to) + " at depth " +
                        std::to_string(d) + ", but it is also reached at depth " +
                        std::to_string(w.depth[to]));
    }
  };
  if (n == 0) {
    w.problems.push_back(code.qualname + ": no code");
    return w;
  }
  w.depth[0] = 0;
  work.push_back(0);
  while (!work.empty()) {
    size_t i = work.front();
    work.pop_front();
    int d = w.depth[i];
    Opcode op = opOf(code.code[i]);
    uint32_t arg = argOf(code.code[i]);
    if (static_cast<int>(op) >= kOpcodeCount) {
      problem(i, "unknown opcode");
      continue;
    }
    if (op == Opcode::RETURN_VALUE && d != 1)
      problem(i, "returns with " + std::to_string(d) +
                     " values on the stack (expected only the result)");
    for (const ExceptionTableEntry& e : code.exceptionTable) {
      if (i < e.start || i >= e.end) continue;
      // Unwinding pops down to e.depth, so the stack must be at least that deep here.
      if (static_cast<int>(e.depth) > d && (strictHandlers || !cannotRaise(op)))
        problem(i, "covered by the handler at " + std::to_string(e.target) + " with depth " +
                       std::to_string(e.depth) + " while the stack holds " + std::to_string(d));
      reach(i, e.target, static_cast<int>(e.depth) + 1, "exception edge");
      break;  // the first (innermost) matching entry wins
    }
    if (isJump(op)) {
      if (op == Opcode::JUMP_BACKWARD ? arg > i : arg <= i)
        problem(i, "jumps the wrong way, to " + std::to_string(arg));
      reach(i, arg, d + stackEffect(op, arg, true), "jump");
    }
    if (!isTerminal(op))
      reach(i, static_cast<uint32_t>(i + 1), d + stackEffect(op, arg, false), "fall-through");
  }
  for (size_t i = 0; i < n; ++i)
    if (w.depth[i] < 0) problem(i, "unreachable instruction");
  for (const ExceptionTableEntry& e : code.exceptionTable) {
    if (!(e.start < e.end && e.end <= n && e.target < n))
      w.problems.push_back(code.qualname + ": bad exception-table entry " +
                           std::to_string(e.start) + " to " + std::to_string(e.end) + " -> " +
                           std::to_string(e.target));
    else if (opOf(code.code[e.target]) != Opcode::PUSH_EXC_INFO &&
             opOf(code.code[e.target]) != Opcode::ROT_TWO && !isUnbindHandler(code, e.target))
      w.problems.push_back(code.qualname + ": handler at " + std::to_string(e.target) +
                           " starts with neither PUSH_EXC_INFO nor a cleanup");
  }
  return w;
}

std::vector<std::string> goldenSamples() {
  return {"assign",
          "arith",
          "if_else",
          "while_loop",
          "for_range",
          "function_defaults",
          "closure_nonlocal",
          "class_super",
          "try_except_finally",
          "with_stmt",
          "list_comprehension",
          "generator_expression",
          "chained_comparison",
          "fstring",
          "return_in_loops"};
}

// More shapes than the goldens show: nested blocks left by break/continue/return, handlers
// inside loops, starred calls and assignments, comprehensions of every kind.
const char* const kExtraSources[] = {
    "def f(xs):\n"
    "    for x in xs:\n"
    "        with a as b, c:\n"
    "            try:\n"
    "                if x:\n"
    "                    x -= 1\n"
    "                elif b:\n"
    "                    break\n"
    "                return x\n"
    "            except (KeyError, ValueError) as e:\n"
    "                return e\n"
    "            except Exception:\n"
    "                raise\n"
    "            else:\n"
    "                pass\n"
    "            finally:\n"
    "                x = 1\n"
    "    else:\n"
    "        return 2\n",
    "while True:\n"
    "    try:\n"
    "        try:\n"
    "            break\n"
    "        finally:\n"
    "            continue\n"
    "    except:\n"
    "        pass\n",
    "def g(n):\n"
    "    try:\n"
    "        yield n\n"
    "        x = yield n + 1\n"
    "    finally:\n"
    "        yield 4\n",
    "a, *b, c = f(*xs, 1, *ys, k=2, **kw)\n"
    "d = {**m, 'k': 1, **n}\n"
    "s = {*xs, 1}\n"
    "l = [*xs, 1, 2, *ys]\n"
    "t = (*xs,)\n",
    "r = {k: v for k, v in items if k for _ in range(k) if v}\n"
    "q = {x for x in (y for y in z)}\n"
    "p = [[i * j for j in range(i)] for i in range(3)]\n",
    "@dec\n"
    "@dec2(1)\n"
    "class K(Base, metaclass=M):\n"
    "    x: int = 3\n"
    "    def m(self, *args, k=1, **kw):\n"
    "        return lambda y=k: (y, self, args, kw, __class__)\n",
    "import os.path as p, sys\n"
    "from a.b import c as d, e\n"
    "del d, x[1], y.z, (u, v)\n"
    "x.a += 1\n"
    "x[i] //= 2\n"
    "assert x, 'msg'\n"
    "assert y\n"
    "v = a if b else c\n"
    "w = a and b or not c\n"
    "z = x[1:2], x[::3], x[a:b:c]\n"
    "if (n := len(x)) > 3 and not (a or b):\n"
    "    pass\n"
    "raise ValueError('x') from None\n",
    "def outer():\n"
    "    x = 0\n"
    "    def mid():\n"
    "        def inner():\n"
    "            nonlocal x\n"
    "            x += 1\n"
    "            return [x for _ in range(x)]\n"
    "        return inner\n"
    "    return mid\n",
    "for i in range(3):\n"
    "    for j in range(3):\n"
    "        while i:\n"
    "            try:\n"
    "                break\n"
    "            except E:\n"
    "                break\n"
    "        else:\n"
    "            continue\n"
    "        break\n",
};

// `continue` out of a try/finally, a with block or an except clause: the backward jump (a check
// point, so it can raise KeyboardInterrupt) stays covered by the handler of the block it left.
// Only ExceptionTableEntriesMatchTheStack (a known bug) checks these.
const char* const kContinueOutOfHandlers[] = {
    "for x in y:\n    try:\n        continue\n    finally:\n        f()\n",
    "def f(xs):\n"
    "    for x in xs:\n"
    "        with a as b, c:\n"
    "            try:\n"
    "                continue\n"
    "            finally:\n"
    "                x = 1\n",
    "for i in range(3):\n"
    "    try:\n"
    "        g()\n"
    "    except E:\n"
    "        continue\n",
};

TEST(Compiler, StackDepthIsConsistentForEverySample) {
  Env env;
  std::vector<std::pair<std::string, std::string>> sources;
  for (const std::string& name : goldenSamples())
    sources.emplace_back(name, readFile(dataDir() + name + ".py"));
  int extra = 0;
  for (const char* s : kExtraSources)
    sources.emplace_back("extra" + std::to_string(extra++), s);
  size_t codeObjects = 0, instructions = 0;
  for (const auto& [name, source] : sources) {
    SCOPED_TRACE(name);
    ASSERT_FALSE(source.empty());
    Value code;
    ASSERT_NO_THROW(code = compile(source, name + ".py"));
    std::vector<CodeObject*> all;
    collectCode(code.as<CodeObject>(), all);
    for (CodeObject* c : all) {
      StackWalk w = walkStack(*c, /*strictHandlers=*/false);
      for (const std::string& p : w.problems)
        ADD_FAILURE() << p;
      EXPECT_GT(c->maxStack, 0);
      EXPECT_EQ(c->lines.size(), c->code.size()) << c->qualname;
      ++codeObjects;
      instructions += c->code.size();
    }
  }
  EXPECT_GT(codeObjects, 40u);
  EXPECT_GT(instructions, 500u);
}

// The walker must notice broken code, or the test above proves nothing.
TEST(Compiler, StackWalkerDetectsBrokenCode) {
  Env env;
  Value code = compile("x = a + b\n", "t.py");
  CodeObject* c = code.as<CodeObject>();
  EXPECT_TRUE(walkStack(*c, true).problems.empty());

  std::vector<uint32_t> original = c->code;
  c->code.insert(c->code.begin(), encode(Opcode::POP_TOP, 0));  // pops an empty stack
  c->lines.insert(c->lines.begin(), 1);
  EXPECT_FALSE(walkStack(*c, true).problems.empty());
  c->code = original;
  c->lines.pop_back();

  int savedMax = c->maxStack;
  c->maxStack = 1;  // a + b needs two slots
  EXPECT_FALSE(walkStack(*c, true).problems.empty());
  c->maxStack = savedMax;

  // A handler entry deeper than the stack at the covered instruction.
  c->exceptionTable.push_back(ExceptionTableEntry{0, 1, 0, 3});
  EXPECT_FALSE(walkStack(*c, true).problems.empty());
  c->exceptionTable.clear();

  // Two paths meeting at different depths.
  Value ifexp = compile("x = a if b else c\n", "t.py");
  CodeObject* d = ifexp.as<CodeObject>();
  ASSERT_TRUE(walkStack(*d, true).problems.empty());
  for (uint32_t& word : d->code)
    if (opOf(word) == Opcode::JUMP_FORWARD) word = encode(Opcode::JUMP_FORWARD, argOf(word) - 1);
  EXPECT_FALSE(walkStack(*d, true).problems.empty());
}

// Unwinding only pops: every instruction a handler covers must have at least the handler's depth
// on the stack, and code that has left a try must not be covered by its handler.
TEST(Compiler, ExceptionTableEntriesMatchTheStack) {
  Env env;
  for (const std::string& name : goldenSamples()) {
    SCOPED_TRACE(name);
    Value code = compile(readFile(dataDir() + name + ".py"), name + ".py");
    std::vector<CodeObject*> all;
    collectCode(code.as<CodeObject>(), all);
    for (CodeObject* c : all)
      for (const std::string& p : walkStack(*c, /*strictHandlers=*/true).problems)
        ADD_FAILURE() << p;
  }
  for (const char* source : kContinueOutOfHandlers) {
    SCOPED_TRACE(source);
    Value code = compile(source, "t.py");
    std::vector<CodeObject*> all;
    collectCode(code.as<CodeObject>(), all);
    for (CodeObject* c : all) {
      for (const std::string& p : walkStack(*c, /*strictHandlers=*/true).problems)
        ADD_FAILURE() << p;
      // The backward jump of `continue` follows the inlined finally / POP_EXCEPT / __exit__ call:
      // it must be outside every handler of the loop body.
      for (size_t i = 0; i < c->code.size(); ++i) {
        if (opOf(c->code[i]) != Opcode::JUMP_BACKWARD) continue;
        for (const ExceptionTableEntry& e : c->exceptionTable)
          EXPECT_FALSE(i >= e.start && i < e.end) << c->qualname << ": JUMP_BACKWARD @" << i
                                                  << " is covered by the handler at " << e.target;
      }
    }
  }
}

TEST(Compiler, CheckPointsAreFunctionEntryBackwardJumpsAndCalls) {
  for (int i = 0; i < kOpcodeCount; ++i) {
    Opcode op = static_cast<Opcode>(i);
    bool expected = op == Opcode::RESUME || op == Opcode::JUMP_BACKWARD || op == Opcode::CALL ||
                    op == Opcode::CALL_KW || op == Opcode::CALL_EX;
    EXPECT_EQ(opcodeInfo(op).checkPoint, expected) << opcodeInfo(op).name;
  }
}

TEST(Compiler, EveryLoopIterationPassesACheckPoint) {
  Env env;
  // Loops close with JUMP_BACKWARD (a check point); `continue` too.
  Value code =
      compile("while x:\n    if y:\n        continue\n    z()\nfor i in r:\n    pass\n", "t.py");
  const CodeObject* c = code.as<CodeObject>();
  int backward = 0;
  for (size_t i = 0; i < c->code.size(); ++i) {
    uint32_t word = c->code[i];
    if (!isJump(opOf(word))) continue;
    if (opOf(word) == Opcode::JUMP_BACKWARD) {
      EXPECT_LE(argOf(word), i);
      ++backward;
    } else {
      // Every other jump goes forward: a backward edge without a check point could spin forever
      // without noticing a stop request.
      EXPECT_GT(argOf(word), i) << opcodeInfo(opOf(word)).name << " @" << i;
    }
  }
  EXPECT_EQ(backward, 3);  // while's continue, while's end, for's end
}

TEST(Compiler, MaxStackCoversDeepExpressions) {
  Env env;
  // A right-leaning sum of 50 names keeps every operand on the stack before the first add.
  std::string expr = "x0";
  for (int i = 1; i < 50; ++i)
    expr += " + (x" + std::to_string(i);
  expr += std::string(49, ')');
  Value code = compile("y = " + expr + "\n", "t.py");
  const CodeObject* c = code.as<CodeObject>();
  EXPECT_GE(c->maxStack, 50);
  EXPECT_TRUE(walkStack(*c, true).problems.empty());
}

// ---- syntax errors the compiler reports ----

struct ErrorInfo {
  bool raised = false;
  std::string message;
  int line = 0, col = 0;
  std::string kind;
};

ErrorInfo compileError(const std::string& source) {
  Env env;
  ErrorInfo info;
  try {
    compile(source, "t.py");
  } catch (const SyntaxError& e) {
    info = {true, e.what(), e.line, e.col, e.kind};
  }
  return info;
}

#define EXPECT_SYNTAX_ERROR(source, msg, lineNo, colNo)               \
  do {                                                                \
    ErrorInfo info_ = compileError(source);                           \
    EXPECT_TRUE(info_.raised) << "no SyntaxError for:\n" << (source); \
    EXPECT_EQ(info_.kind, "SyntaxError") << (source);                 \
    EXPECT_EQ(info_.message, msg) << (source);                        \
    EXPECT_EQ(info_.line, lineNo) << (source);                        \
    EXPECT_EQ(info_.col, colNo) << (source);                          \
  } while (0)

// Messages, lines and columns are CPython 3.11's.
TEST(Compiler, ReturnOutsideFunction) {
  EXPECT_SYNTAX_ERROR("x = 1\nreturn 5\n", "'return' outside function", 2, 1);
  EXPECT_SYNTAX_ERROR("class C:\n    return 1\n", "'return' outside function", 2, 5);
  EXPECT_FALSE(compileError("def f():\n    class C:\n        pass\n    return C\n").raised);
}

TEST(Compiler, BreakOutsideLoop) {
  EXPECT_SYNTAX_ERROR("x = 1\n\nbreak\n", "'break' outside loop", 3, 1);
  // A function body is not inside the loop that defines it.
  EXPECT_SYNTAX_ERROR("while x:\n    def f():\n        break\n", "'break' outside loop", 3, 9);
  EXPECT_SYNTAX_ERROR("if x:\n    pass\nelse:\n    break\n", "'break' outside loop", 4, 5);
  // The else clause of a loop is outside it.
  EXPECT_SYNTAX_ERROR("for i in x:\n    pass\nelse:\n    break\n", "'break' outside loop", 4, 5);
  EXPECT_FALSE(
      compileError("for i in y:\n    try:\n        pass\n    finally:\n        break\n").raised);
}

TEST(Compiler, ContinueNotInLoop) {
  EXPECT_SYNTAX_ERROR("if x:\n    continue\n", "'continue' not properly in loop", 2, 5);
  EXPECT_SYNTAX_ERROR("for i in y:\n    class C:\n        continue\n",
                      "'continue' not properly in loop", 3, 9);
  EXPECT_FALSE(
      compileError("while x:\n    try:\n        continue\n    except E:\n        continue\n")
          .raised);
}

TEST(Compiler, NonlocalErrors) {
  EXPECT_SYNTAX_ERROR("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
  EXPECT_SYNTAX_ERROR("def f():\n    pass\nnonlocal x\n",
                      "nonlocal declaration not allowed at module level", 3, 1);
  EXPECT_SYNTAX_ERROR("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
                      "name 'x' is assigned to before nonlocal declaration", 5, 9);
  EXPECT_SYNTAX_ERROR("def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
                      "name 'x' is used prior to nonlocal declaration", 5, 9);
  // Valid: the binding is in an enclosing function, however far out.
  EXPECT_FALSE(
      compileError("def f():\n    x = 1\n    def g():\n        def h():\n            nonlocal x\n")
          .raised);
}

TEST(Compiler, NonlocalWithoutBindingReportsItsLine) {
  EXPECT_SYNTAX_ERROR("def f():\n    x = 1\n    def g():\n        nonlocal y\n        y = 2\n",
                      "no binding for nonlocal 'y' found", 4, 9);
  // A module-level name is not a binding for nonlocal.
  EXPECT_SYNTAX_ERROR("x = 1\ndef f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 3,
                      5);
  // Nor is a class attribute.
  EXPECT_SYNTAX_ERROR(
      "def f():\n    class C:\n        x = 1\n        def g(self):\n            nonlocal x\n",
      "no binding for nonlocal 'x' found", 5, 13);
}

TEST(Compiler, NonlocalWithoutBindingIsAnError) {
  // The part of the check above that works today: the error is raised at all.
  ErrorInfo info =
      compileError("def f():\n    x = 1\n    def g():\n        nonlocal y\n        y = 2\n");
  EXPECT_TRUE(info.raised);
  EXPECT_EQ(info.message, "no binding for nonlocal 'y' found");
  EXPECT_TRUE(compileError("x = 1\ndef f():\n    nonlocal x\n").raised);
}

TEST(Compiler, ParameterDeclaredNonlocalOrGlobal) {
  EXPECT_SYNTAX_ERROR("def f():\n    x = 1\n    def g(x):\n        nonlocal x\n",
                      "name 'x' is parameter and nonlocal", 4, 9);
  EXPECT_SYNTAX_ERROR("def f(a):\n    global a\n", "name 'a' is parameter and global", 2, 5);
}

// ---- run-time consequences of code generation ----

struct RunResult {
  int rc;
  std::string out, err;
};

Value armSignal(VM& vm, CallArgs) {
  vm.breaker().set(kSignalRequest);
  return Value::none();
}

// Runs a script with a builtin `arm_signal()` that makes the next check point raise
// KeyboardInterrupt (as a Ctrl-C would).
RunResult run(const std::string& source) {
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  RunResult r{-1, "", ""};
  if (!out || !err) return r;
  {
    InterpreterConfig config;
    config.out = out;
    config.err = err;
    config.checkPointBudget = 10'000'000;
    Interpreter interp(config, standardModules());
    {
      VM::Scope scope(&interp.mainVM());
      interp.builtins()->setStr("arm_signal", makeNative("arm_signal", armSignal));
    }
    r.rc = interp.runSource(source, "t.py");
  }
  for (auto [f, text] : {std::pair{out, &r.out}, std::pair{err, &r.err}}) {
    std::rewind(f);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
      text->append(buf, n);
    std::fclose(f);
  }
  return r;
}

TEST(Compiler, SamplesRunLikeCPython) {
  // Control flow through the constructs the goldens cover, checked by behaviour.
  RunResult r = run(R"PY(
def f(a, b=2, *, c=3):
    return a + b + c
print(f(1, c=4), f(1, 1))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c())
class Base:
    def greet(self):
        return 'base'
class Child(Base):
    def greet(self):
        return super().greet() + '!'
print(Child().greet())
try:
    x = 1 / 0
except ZeroDivisionError as e:
    x = 0
finally:
    y = 2
print(x, y)
def find(items):
    for row in items:
        for item in row:
            try:
                if item:
                    return item
            finally:
                print('done')
    return None
print(find([[0, 0], [3]]))
i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 7:
        break
else:
    i = -1
print(i)
print([n * n for n in range(10) if n % 2], sum(x for x in range(3)))
print(1 < 5 <= 10 != 11, 1 < 0 <= 10, 1 < 5 > 10)
name = 'gil'; width = 8
print(f'hello {name!r:>{width}} and {width + 1:x}!')
class CM:
    def __enter__(self): return 'value'
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None)
        return True
with CM() as v:
    print(v)
    raise KeyError
print('suppressed')
for k in range(3):
    try:
        if k == 1:
            continue
        if k == 2:
            break
    finally:
        print('finally', k)
)PY");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "7 5\n2\nbase!\n0 2\ndone\ndone\ndone\n3\n7\n[1, 9, 25, 49, 81] 3\nTrue False False\n"
      "hello    'gil' and 9!\nvalue\nexit KeyError\nsuppressed\nfinally 0\nfinally 1\nfinally 2\n");
}

// CPython unbinds the `as` name when the except clause is left by an exception too.
TEST(Compiler, ExceptAsNameIsUnboundWhenTheHandlerRaises) {
  RunResult r = run(R"PY(
try:
    try:
        raise ValueError('v')
    except ValueError as e:
        raise KeyError('k')
except KeyError:
    pass
try:
    print(e)
except NameError as n:
    print('NameError', n)
)PY");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, "NameError name 'e' is not defined\n");
}

// ... and when it is left by break or continue.
TEST(Compiler, ExceptAsNameIsUnboundAfterBreak) {
  RunResult r = run(R"PY(
for i in [1]:
    try:
        raise ValueError
    except ValueError as e:
        break
try:
    print(e)
except NameError as n:
    print('NameError', n)
)PY");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, "NameError name 'e' is not defined\n");
}

TEST(Compiler, ExceptAsNameIsUnboundAfterTheHandler) {
  // The normal exit does unbind it.
  RunResult r =
      run("try:\n    raise ValueError\nexcept ValueError as e:\n    pass\n"
          "try:\n    e\nexcept NameError:\n    print('unbound')\n");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, "unbound\n");
}

// A KeyboardInterrupt at the check point of `continue` in an except clause is raised outside the
// clause (which POP_EXCEPT has already left): the exception being handled around the loop must
// survive it.
TEST(Compiler, InterruptAtContinueInExceptKeepsTheHandledException) {
  RunResult r = run(R"PY(
def f():
    try:
        raise KeyError('outer')
    except KeyError:
        try:
            for i in [1]:
                try:
                    raise ValueError('v')
                except ValueError:
                    arm_signal()
                    continue
        except KeyboardInterrupt:
            print('caught KeyboardInterrupt')
        raise
try:
    f()
except KeyError as e:
    print('KeyError', e)
except BaseException as e:
    print('other', type(e).__name__, e)
)PY");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, "caught KeyboardInterrupt\nKeyError 'outer'\n");
}

// A KeyboardInterrupt at the check point of `continue` (after the inlined finally body has run)
// must not run the finally body again: the backward jump is outside the try.
TEST(Compiler, FinallyRunsOnceWhenInterruptedAtContinue) {
  RunResult r = run(R"PY(
count = 0
def f():
    global count
    count += 1
    if count == 1:
        arm_signal()
try:
    for x in [1, 2]:
        try:
            continue
        finally:
            f()
except KeyboardInterrupt:
    print('KeyboardInterrupt after', count)
)PY");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, "KeyboardInterrupt after 1\n");
}

TEST(Compiler, InterruptAtCheckPointRaisesKeyboardInterrupt) {
  // The mechanism the test above relies on: arm_signal() makes the next check point raise.
  RunResult r = run(R"PY(
try:
    arm_signal()
    while True:
        pass
except KeyboardInterrupt:
    print('interrupted')
)PY");
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, "interrupted\n");
}

}  // namespace
}  // namespace gilsim
