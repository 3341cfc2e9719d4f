// The bytecode instruction set, declared once.
//
// Instruction format: one 32-bit word per instruction.
//
//    31                                8 7          0
//   +-----------------------------------+------------+
//   |            arg (24 bits)          |  op (8)    |
//   +-----------------------------------+------------+
//
// Jump targets are absolute instruction indices. A stack effect is what the instruction does to
// the value-stack depth when it falls through (`effect`) and when it jumps (`jump`); both may use
// `arg`. A *check point* is an instruction at which the eval loop tests the thread's eval
// breaker under the default `branches` setting, as CPython 3.10+ does: before a backward jump and
// at function entry (RESUME), and after a call whose callee is native code (a Python callee is
// tested at its RESUME). Under `every`, the breaker is also tested before every instruction.
//
// Call protocol (as CPython 3.11): a call site pushes the callable, then either the `self` of a
// method (LOAD_METHOD) or a Null (PUSH_NULL), then the arguments, so `self` and the arguments are
// contiguous and a method call never builds a bound-method object.
#pragma once

#include <cstdint>
#include <string_view>

namespace gilsim {

enum class Operand : uint8_t { None, Const, Local, Name, Deref, Jump, Count, Flags, BinOp };

// X(NAME, operand, effect, jump effect, check point, cost, what it does)
// The cost is what the instruction takes on the simulated machine, in virtual nanoseconds, beyond
// the native work it charges by the size of its data (gil/sim/, README "The simulated machine");
// calibrated so that a simulated run takes about as long as the real one on the CI machine.
// Raise kCostTableVersion when a cost changes: simulated runs record it.
// What it does is a stack picture, before -- after with the top of the stack rightmost, then
// notes; operand values that are bit sets or orders say so.
#define GILSIM_OPCODES(X)                                                                          \
  X(NOP, None, 0, 0, false, 1, "-- : does nothing")                                                \
  X(RESUME, None, 0, 0, true, 3, "-- : function entry; the check point of every Python call")      \
  X(POP_TOP, None, -1, 0, false, 3, "x -- : discards TOS")                                         \
  X(PUSH_NULL, None, 1, 0, false, 1,                                                               \
    "-- null : the empty self slot of a plain call (the call protocol above)")                     \
  X(DUP_TOP, None, 1, 0, false, 3, "x -- x x")                                                     \
  X(DUP_TOP_TWO, None, 2, 0, false, 4, "x y -- x y x y")                                           \
  X(ROT_TWO, None, 0, 0, false, 3, "x y -- y x")                                                   \
  X(ROT_THREE, None, 0, 0, false, 3, "x y z -- z x y")                                             \
  X(ROT_FOUR, None, 0, 0, false, 3, "w x y z -- z w x y")                                          \
  X(LOAD_CONST, Const, 1, 0, false, 3, "-- consts[arg]")                                           \
  X(LOAD_FAST, Local, 1, 0, false, 3, "-- locals[arg] : UnboundLocalError if unbound")             \
  X(STORE_FAST, Local, -1, 0, false, 3, "x -- : locals[arg] = x")                                  \
  X(DELETE_FAST, Local, 0, 0, false, 3, "-- : unbinds locals[arg]")                                \
  X(LOAD_DEREF, Deref, 1, 0, false, 4,                                                             \
    "-- cells[arg].value : the cells follow the locals in the frame")                              \
  X(STORE_DEREF, Deref, -1, 0, false, 4, "x -- : cells[arg].value = x")                            \
  X(DELETE_DEREF, Deref, 0, 0, false, 4, "-- : empties cells[arg]")                                \
  X(LOAD_CLOSURE, Deref, 1, 0, false, 3, "-- cells[arg] : the cell itself, for a closure tuple")   \
  X(LOAD_GLOBAL, Name, 1, 0, false, 5,                                                             \
    "-- globals|builtins[names[arg]] : cached on the two dicts' versions")                         \
  X(STORE_GLOBAL, Name, -1, 0, false, 26, "x -- : globals[names[arg]] = x")                        \
  X(DELETE_GLOBAL, Name, 0, 0, false, 26, "-- : del globals[names[arg]]")                          \
  X(LOAD_NAME, Name, 1, 0, false, 26,                                                              \
    "-- locals|globals|builtins[names[arg]] : module and class bodies")                            \
  X(STORE_NAME, Name, -1, 0, false, 26, "x -- : locals[names[arg]] = x")                           \
  X(DELETE_NAME, Name, 0, 0, false, 26, "-- : del locals[names[arg]]")                             \
  X(LOAD_ATTR, Name, 0, 0, false, 26, "obj -- obj.names[arg]")                                     \
  X(STORE_ATTR, Name, -2, 0, false, 39, "value obj -- : obj.names[arg] = value")                   \
  X(DELETE_ATTR, Name, -1, 0, false, 39, "obj -- : del obj.names[arg]")                            \
  X(LOAD_METHOD, Name, 1, 0, false, 26,                                                            \
    "obj -- fn obj | attr null : fn and self when obj.names[arg] is a plain method, so the call "  \
    "builds no bound method")                                                                      \
  X(BINARY_OP, BinOp, -1, 0, false, 16,                                                            \
    "a b -- a OP b : arg is a BinaryOperator, an order-sensitive value (common/operator_kinds.h)") \
  X(INPLACE_OP, BinOp, -1, 0, false, 16,                                                           \
    "a b -- a OP= b : arg is a BinaryOperator as for BINARY_OP; __iadd__ and kin first")           \
  X(BINARY_ADD, None, -1, 0, false, 5,                                                             \
    "a b -- a + b : BINARY_OP Add with the int fast path inline, as loops add more than anything") \
  X(BINARY_SUB, None, -1, 0, false, 5, "a b -- a - b : as BINARY_ADD")                             \
  X(BINARY_MUL, None, -1, 0, false, 6, "a b -- a * b : as BINARY_ADD")                             \
  X(BINARY_MOD, None, -1, 0, false, 8, "a b -- a % b : as BINARY_ADD")                             \
  X(BINARY_FLOOR_DIV, None, -1, 0, false, 8, "a b -- a // b : as BINARY_ADD")                      \
  X(BINARY_ADD_CONST, Const, 0, 0, false, 4,                                                       \
    "a -- a + consts[arg] : fused LOAD_CONST + BINARY_ADD of a small int (i + 1): one dispatch, "  \
    "no push")                                                                                     \
  X(BINARY_SUB_CONST, Const, 0, 0, false, 4, "a -- a - consts[arg] : as BINARY_ADD_CONST (n - 1)") \
  X(BINARY_MUL_CONST, Const, 0, 0, false, 4, "a -- a * consts[arg] : as BINARY_ADD_CONST")         \
  X(BINARY_MOD_CONST, Const, 0, 0, false, 5, "a -- a % consts[arg] : as BINARY_ADD_CONST (i % 2)") \
  X(COMPARE_LT_CONST, Const, 0, 0, false, 4,                                                       \
    "a -- a < consts[arg] : fused LOAD_CONST + COMPARE_LT of a small int, for loop conditions (i " \
    "< 10)")                                                                                       \
  X(COMPARE_LE_CONST, Const, 0, 0, false, 4, "a -- a <= consts[arg] : as COMPARE_LT_CONST")        \
  X(COMPARE_EQ_CONST, Const, 0, 0, false, 4, "a -- a == consts[arg] : as COMPARE_LT_CONST")        \
  X(COMPARE_NE_CONST, Const, 0, 0, false, 4, "a -- a != consts[arg] : as COMPARE_LT_CONST")        \
  X(COMPARE_GT_CONST, Const, 0, 0, false, 4,                                                       \
    "a -- a > consts[arg] : as COMPARE_LT_CONST (while n > 0)")                                    \
  X(COMPARE_GE_CONST, Const, 0, 0, false, 4, "a -- a >= consts[arg] : as COMPARE_LT_CONST")        \
  X(INPLACE_ADD, None, -1, 0, false, 5,                                                            \
    "a b -- a += b : INPLACE_OP Add with the int fast path inline (total += x)")                   \
  X(INPLACE_SUB, None, -1, 0, false, 5, "a b -- a -= b : as INPLACE_ADD (n -= 1)")                 \
  X(COMPARE_LT, None, -1, 0, false, 5,                                                             \
    "a b -- a < b : an opcode per comparison, not an operand, so the int fast path needs no "      \
    "switch")                                                                                      \
  X(COMPARE_LE, None, -1, 0, false, 5, "a b -- a <= b")                                            \
  X(COMPARE_EQ, None, -1, 0, false, 5, "a b -- a == b")                                            \
  X(COMPARE_NE, None, -1, 0, false, 5, "a b -- a != b")                                            \
  X(COMPARE_GT, None, -1, 0, false, 5, "a b -- a > b")                                             \
  X(COMPARE_GE, None, -1, 0, false, 5, "a b -- a >= b")                                            \
  X(IS_OP, Flags, -1, 0, false, 3, "a b -- a is b : arg 1 means is not")                           \
  X(CONTAINS_OP, Flags, -1, 0, false, 20,                                                          \
    "item container -- item in container : arg 1 means not in")                                    \
  X(UNARY_NEGATIVE, None, 0, 0, false, 4, "x -- -x")                                               \
  X(UNARY_POSITIVE, None, 0, 0, false, 4, "x -- +x")                                               \
  X(UNARY_NOT, None, 0, 0, false, 4, "x -- not x")                                                 \
  X(UNARY_INVERT, None, 0, 0, false, 4, "x -- ~x")                                                 \
  X(BINARY_SUBSCR, None, -1, 0, false, 13, "obj key -- obj[key]")                                  \
  X(STORE_SUBSCR, None, -3, 0, false, 16, "value obj key -- : obj[key] = value")                   \
  X(DELETE_SUBSCR, None, -2, 0, false, 16, "obj key -- : del obj[key]")                            \
  X(BUILD_SLICE, Count, 1 - (int)arg, 0, false, 20, "start stop [step] -- slice : arg is 2 or 3")  \
  X(JUMP_FORWARD, Jump, 0, 0, false, 1, "-- : pc = arg")                                           \
  X(JUMP_BACKWARD, Jump, 0, 0, true, 3, "-- : pc = arg; a check point, so every loop passes one")  \
  X(POP_JUMP_IF_FALSE, Jump, -1, -1, false, 3, "x -- : jumps to arg if not x")                     \
  X(POP_JUMP_IF_TRUE, Jump, -1, -1, false, 3, "x -- : jumps to arg if x")                          \
  X(JUMP_IF_FALSE_OR_POP, Jump, -1, 0, false, 3, "x -- x (jumped) | -- (fell through) : and")      \
  X(JUMP_IF_TRUE_OR_POP, Jump, -1, 0, false, 3, "x -- x (jumped) | -- (fell through) : or")        \
  X(GET_ITER, None, 0, 0, false, 20, "iterable -- iter(iterable)")                                 \
  X(FOR_ITER, Jump, 1, -1, false, 4,                                                               \
    "it -- it next(it) : when it is exhausted, pops it and jumps to arg")                          \
  X(BUILD_TUPLE, Count, 1 - (int)arg, 0, false, 20, "x1 .. xn -- (x1, .., xn) : arg n")            \
  X(BUILD_LIST, Count, 1 - (int)arg, 0, false, 26, "x1 .. xn -- [x1, .., xn] : arg n")             \
  X(BUILD_SET, Count, 1 - (int)arg, 0, false, 39, "x1 .. xn -- {x1, .., xn} : arg n")              \
  X(BUILD_MAP, Count, 1 - 2 * (int)arg, 0, false, 39,                                              \
    "k1 v1 .. kn vn -- {k1: v1, ..} : arg n pairs")                                                \
  X(BUILD_STRING, Count, 1 - (int)arg, 0, false, 26,                                               \
    "s1 .. sn -- s1 + .. + sn : arg n, the pieces of an f-string")                                 \
  X(FORMAT_VALUE, Flags, -(int)((arg & 4) >> 2), 0, false, 52,                                     \
    "x [spec] -- str : arg bits 0-1 the conversion (1 !s, 2 !r, 3 !a), bit 2 a spec on the stack") \
  X(LIST_APPEND, Count, -1, 0, false, 8,                                                           \
    "list .. x -- list .. : appends x to the list arg deep below it (comprehensions)")             \
  X(SET_ADD, Count, -1, 0, false, 20, "set .. x -- set .. : as LIST_APPEND")                       \
  X(MAP_ADD, Count, -2, 0, false, 26, "dict .. k v -- dict .. : as LIST_APPEND")                   \
  X(LIST_EXTEND, Count, -1, 0, false, 26,                                                          \
    "list .. it -- list .. : extends the list arg deep by it ([*a, *b])")                          \
  X(SET_UPDATE, Count, -1, 0, false, 39, "set .. it -- set .. : as LIST_EXTEND")                   \
  X(DICT_UPDATE, Count, -1, 0, false, 39, "dict .. m -- dict .. : {**m}")                          \
  X(DICT_MERGE, Count, -1, 0, false, 39,                                                           \
    "dict .. m -- dict .. : like DICT_UPDATE, rejects duplicate keys (f(**a, **b))")               \
  X(LIST_TO_TUPLE, None, 0, 0, false, 20, "list -- tuple")                                         \
  X(UNPACK_SEQUENCE, Count, (int)arg - 1, 0, false, 10, "seq -- xn .. x1 : arg n, x1 on top")      \
  X(UNPACK_EX, Count, (int)(arg & 0xff) + (int)(arg >> 8), 0, false, 39,                           \
    "seq -- after.. list before.. : arg is before | after << 8 (a, *b, c = seq)")                  \
  X(CALL, Count, -1 - (int)arg, 0, true, 16, "f self|null a1 .. an -- result : arg n")             \
  X(CALL_KW, Count, -2 - (int)arg, 0, true, 58,                                                    \
    "f self|null a1 .. an kwnames -- result : arg n, the last len(kwnames) by keyword")            \
  X(CALL_EX, Flags, -2 - (int)(arg & 1), 0, true, 78,                                              \
    "f null args [kwargs] -- result : arg bit 0 means a kwargs dict is on the stack")              \
  X(MAKE_FUNCTION, Flags,                                                                          \
    -(int)(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0)), 0, false,   \
    52,                                                                                            \
    "[defaults] [kwdefaults] [annotations] [closure] code -- fn : arg bits 1 defaults, "           \
    "2 kwdefaults, 4 annotations, 8 closure")                                                      \
  X(RETURN_VALUE, None, -1, 0, false, 8, "x -- : returns x to the caller's slot")                  \
  X(YIELD_VALUE, None, 0, 0, false, 32,                                                            \
    "x -- sent : suspends the generator with x; it resumes with the value sent")                   \
  X(YIELD_FROM, None, -1, 0, false, 32,                                                            \
    "subiter sent -- result : sends to subiter; while it yields, suspends with its value and "     \
    "runs again when resumed; result is its return value (yield from, PEP 380)")                   \
  X(GET_YIELD_FROM_ITER, None, 0, 0, false, 20,                                                    \
    "iterable -- iter(iterable) : a generator stays itself")                                       \
  X(LOAD_BUILD_CLASS, None, 1, 0, false, 6, "-- __build_class__")                                  \
  X(IMPORT_NAME, Name, -1, 0, false, 260, "level fromlist -- module : imports names[arg]")         \
  X(IMPORT_FROM, Name, 1, 0, false, 26,                                                            \
    "module -- module module.names[arg] : ImportError if it has none")                             \
  X(IMPORT_STAR, None, -1, 0, false, 260, "module -- : copies its public names into locals")       \
  X(RAISE_VARARGS, Count, -(int)arg, 0, false, 195,                                                \
    "[exc [cause]] -- : arg 0 re-raises the handled exception, 1 raises exc, 2 exc from cause")    \
  X(RERAISE, None, -1, 0, false, 104, "exc -- : raises exc again, with no new traceback entry")    \
  X(PUSH_EXC_INFO, None, 1, 0, false, 6,                                                           \
    "exc -- previous exc : at a handler start; previous is the exception handled before it (or "   \
    "None)")                                                                                       \
  X(POP_EXCEPT, None, -1, 0, false, 6,                                                             \
    "previous -- : at a handler end, restores the exception handled before it")                    \
  X(CHECK_EXC_MATCH, None, 0, 0, false, 13,                                                        \
    "exc type -- exc match : isinstance(exc, type), for except type")                              \
  X(LOAD_ASSERTION_ERROR, None, 1, 0, false, 3, "-- AssertionError")                               \
  X(BEFORE_WITH, None, 1, 0, false, 78, "mgr -- exit enter() : exit is mgr.__exit__, bound")       \
  X(WITH_EXCEPT_START, None, 1, 0, false, 78,                                                      \
    "exit .. exc -- exit .. exc handled : handled = exit(type, exc, None)")                        \
  X(BEFORE_ASYNC_WITH, None, 1, 0, false, 78,                                                      \
    "mgr -- aexit aenter() : aexit is mgr.__aexit__, bound; aenter()'s result is awaited next")    \
  X(ASYNC_WITH_EXCEPT_START, None, 1, 0, false, 78,                                                \
    "aexit .. exc -- aexit .. exc result : result = aexit(type, exc, None), awaited next")         \
  X(GET_AWAITABLE, Flags, 0, 0, false, 20,                                                         \
    "x -- awaitable : x if a coroutine, else x.__await__(); arg 1 says x came from __aenter__, "   \
    "2 from __aexit__ (for the error)")                                                            \
  X(GET_AITER, None, 0, 0, false, 20, "x -- x.__aiter__() : async for's iterator")                 \
  X(GET_ANEXT, None, 1, 0, false, 20,                                                              \
    "aiter -- aiter awaitable : aiter.__anext__(), to be awaited")                                 \
  X(END_ASYNC_FOR, None, -2, 0, false, 13,                                                         \
    "aiter exc -- : ends async for when exc is StopAsyncIteration, else raises exc again")         \
  X(ASYNC_GEN_WRAP, None, 0, 0, false, 6,                                                          \
    "x -- wrapped : what an async generator's yield yields, told apart from what its awaits "      \
    "pass through to the event loop")

enum class Opcode : uint8_t {
#define GILSIM_OPCODE_ENUM(name, operand, effect, jumpEffect, checkPoint, cost, doc) name,
  GILSIM_OPCODES(GILSIM_OPCODE_ENUM)
#undef GILSIM_OPCODE_ENUM
};

#define GILSIM_OPCODE_COUNT(name, operand, effect, jumpEffect, checkPoint, cost, doc) +1
inline constexpr int kOpcodeCount = 0 GILSIM_OPCODES(GILSIM_OPCODE_COUNT);
#undef GILSIM_OPCODE_COUNT
static_assert(kOpcodeCount <= 256, "opcodes must fit in the 8-bit op field");

inline constexpr int kCostTableVersion = 2;

// The costs of the table (and of interp/objects/native_cost.h) are relative: one unit is
// kCostCalibration virtual nanoseconds, the factor that makes simulated runs take about as long
// as real ones on this project's machine (tests/bench/sim_calibration.py; README, "The simulated
// machine"). The simulated loop counts in 1/16 ns, so that small costs scale without rounding.
inline constexpr double kCostCalibration = 0.57;
inline constexpr int kCostFractionBits = 4;
inline constexpr int64_t scaledCost(double units) {
  return static_cast<int64_t>(units * kCostCalibration * (1 << kCostFractionBits) + 0.5);
}

// Each instruction's cost, by opcode, in 1/16 virtual ns: the simulated eval loop's table.
inline constexpr uint16_t kOpcodeCosts[kOpcodeCount] = {
#define GILSIM_OPCODE_COST(name, operand, effect, jumpEffect, checkPoint, cost, doc) \
  static_cast<uint16_t>(scaledCost(cost)),
    GILSIM_OPCODES(GILSIM_OPCODE_COST)
#undef GILSIM_OPCODE_COST
};

struct OpcodeInfo {
  std::string_view name;
  Operand operand;
  bool checkPoint;
  std::string_view doc;  // the table's "what it does"
};

const OpcodeInfo& opcodeInfo(Opcode op);
int stackEffect(Opcode op, uint32_t arg, bool jump);
bool isJump(Opcode op);

inline constexpr uint32_t kMaxArg = (1u << 24) - 1;
inline uint32_t encode(Opcode op, uint32_t arg) {
  return static_cast<uint32_t>(op) | (arg << 8);
}
inline Opcode opOf(uint32_t word) {
  return static_cast<Opcode>(word & 0xff);
}
inline uint32_t argOf(uint32_t word) {
  return word >> 8;
}

}  // namespace gilsim
