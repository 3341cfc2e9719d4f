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

// X(NAME, operand, effect, jump effect, check point)
#define GILSIM_OPCODES(X)                                                                    \
  X(NOP, None, 0, 0, false)                                                                  \
  X(RESUME, None, 0, 0, true) /* function entry */                                           \
  X(POP_TOP, None, -1, 0, false)                                                             \
  X(PUSH_NULL, None, 1, 0, false)                                                            \
  X(DUP_TOP, None, 1, 0, false)                                                              \
  X(DUP_TOP_TWO, None, 2, 0, false)                                                          \
  X(ROT_TWO, None, 0, 0, false)                                                              \
  X(ROT_THREE, None, 0, 0, false)                                                            \
  X(ROT_FOUR, None, 0, 0, false)                                                             \
  X(LOAD_CONST, Const, 1, 0, false)                                                          \
  X(LOAD_FAST, Local, 1, 0, false)                                                           \
  X(STORE_FAST, Local, -1, 0, false)                                                         \
  X(DELETE_FAST, Local, 0, 0, false)                                                         \
  X(LOAD_DEREF, Deref, 1, 0, false)                                                          \
  X(STORE_DEREF, Deref, -1, 0, false)                                                        \
  X(DELETE_DEREF, Deref, 0, 0, false)                                                        \
  X(LOAD_CLOSURE, Deref, 1, 0, false)                                                        \
  X(LOAD_GLOBAL, Name, 1, 0, false)                                                          \
  X(STORE_GLOBAL, Name, -1, 0, false)                                                        \
  X(DELETE_GLOBAL, Name, 0, 0, false)                                                        \
  X(LOAD_NAME, Name, 1, 0, false)                                                            \
  X(STORE_NAME, Name, -1, 0, false)                                                          \
  X(DELETE_NAME, Name, 0, 0, false)                                                          \
  X(LOAD_ATTR, Name, 0, 0, false)                                                            \
  X(STORE_ATTR, Name, -2, 0, false)                                                          \
  X(DELETE_ATTR, Name, -1, 0, false)                                                         \
  X(LOAD_METHOD, Name, 1, 0, false)                                                          \
  X(BINARY_OP, BinOp, -1, 0, false)                                                          \
  X(INPLACE_OP, BinOp, -1, 0, false)                                                         \
  X(BINARY_ADD, None, -1, 0, false)                                                          \
  X(BINARY_SUB, None, -1, 0, false)                                                          \
  X(BINARY_MUL, None, -1, 0, false)                                                          \
  X(BINARY_MOD, None, -1, 0, false)                                                          \
  X(BINARY_FLOOR_DIV, None, -1, 0, false)                                                    \
  X(BINARY_ADD_CONST, Const, 0, 0, false) /* TOS + small int constant */                     \
  X(BINARY_SUB_CONST, Const, 0, 0, false)                                                    \
  X(BINARY_MUL_CONST, Const, 0, 0, false)                                                    \
  X(BINARY_MOD_CONST, Const, 0, 0, false)                                                    \
  X(COMPARE_LT_CONST, Const, 0, 0, false)                                                    \
  X(COMPARE_LE_CONST, Const, 0, 0, false)                                                    \
  X(COMPARE_EQ_CONST, Const, 0, 0, false)                                                    \
  X(COMPARE_NE_CONST, Const, 0, 0, false)                                                    \
  X(COMPARE_GT_CONST, Const, 0, 0, false)                                                    \
  X(COMPARE_GE_CONST, Const, 0, 0, false)                                                    \
  X(INPLACE_ADD, None, -1, 0, false)                                                         \
  X(INPLACE_SUB, None, -1, 0, false)                                                         \
  X(COMPARE_LT, None, -1, 0, false)                                                          \
  X(COMPARE_LE, None, -1, 0, false)                                                          \
  X(COMPARE_EQ, None, -1, 0, false)                                                          \
  X(COMPARE_NE, None, -1, 0, false)                                                          \
  X(COMPARE_GT, None, -1, 0, false)                                                          \
  X(COMPARE_GE, None, -1, 0, false)                                                          \
  X(IS_OP, Flags, -1, 0, false)       /* arg 1: is not */                                    \
  X(CONTAINS_OP, Flags, -1, 0, false) /* arg 1: not in */                                    \
  X(UNARY_NEGATIVE, None, 0, 0, false)                                                       \
  X(UNARY_POSITIVE, None, 0, 0, false)                                                       \
  X(UNARY_NOT, None, 0, 0, false)                                                            \
  X(UNARY_INVERT, None, 0, 0, false)                                                         \
  X(BINARY_SUBSCR, None, -1, 0, false)                                                       \
  X(STORE_SUBSCR, None, -3, 0, false)                                                        \
  X(DELETE_SUBSCR, None, -2, 0, false)                                                       \
  X(BUILD_SLICE, Count, 1 - (int)arg, 0, false)                                              \
  X(JUMP_FORWARD, Jump, 0, 0, false)                                                         \
  X(JUMP_BACKWARD, Jump, 0, 0, true)                                                         \
  X(POP_JUMP_IF_FALSE, Jump, -1, -1, false)                                                  \
  X(POP_JUMP_IF_TRUE, Jump, -1, -1, false)                                                   \
  X(JUMP_IF_FALSE_OR_POP, Jump, -1, 0, false)                                                \
  X(JUMP_IF_TRUE_OR_POP, Jump, -1, 0, false)                                                 \
  X(GET_ITER, None, 0, 0, false)                                                             \
  X(FOR_ITER, Jump, 1, -1, false) /* exhausted: pops the iterator and jumps */               \
  X(BUILD_TUPLE, Count, 1 - (int)arg, 0, false)                                              \
  X(BUILD_LIST, Count, 1 - (int)arg, 0, false)                                               \
  X(BUILD_SET, Count, 1 - (int)arg, 0, false)                                                \
  X(BUILD_MAP, Count, 1 - 2 * (int)arg, 0, false)                                            \
  X(BUILD_STRING, Count, 1 - (int)arg, 0, false)                                             \
  X(FORMAT_VALUE, Flags, -(int)((arg & 4) >> 2), 0, false) /* 1-3 conv, 4 spec */            \
  X(LIST_APPEND, Count, -1, 0, false) /* to the list arg deep (below the item) */            \
  X(SET_ADD, Count, -1, 0, false)                                                            \
  X(MAP_ADD, Count, -2, 0, false)                                                            \
  X(LIST_EXTEND, Count, -1, 0, false)                                                        \
  X(SET_UPDATE, Count, -1, 0, false)                                                         \
  X(DICT_UPDATE, Count, -1, 0, false)                                                        \
  X(DICT_MERGE, Count, -1, 0, false) /* like DICT_UPDATE, rejects duplicate keys */          \
  X(LIST_TO_TUPLE, None, 0, 0, false)                                                        \
  X(UNPACK_SEQUENCE, Count, (int)arg - 1, 0, false)                                          \
  X(UNPACK_EX, Count, (int)(arg & 0xff) + (int)(arg >> 8), 0, false)                         \
  X(CALL, Count, -1 - (int)arg, 0, true)          /* f, self|null, args */                   \
  X(CALL_KW, Count, -2 - (int)arg, 0, true)       /* f, self|null, args, kwnames */          \
  X(CALL_EX, Flags, -2 - (int)(arg & 1), 0, true) /* f, null, args, [kwargs] */              \
  X(MAKE_FUNCTION, Flags, -(int)(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 8) != 0)), 0, \
    false)                                                                                   \
  X(RETURN_VALUE, None, -1, 0, false)                                                        \
  X(YIELD_VALUE, None, 0, 0, false) /* value -> sent value, on resume */                     \
  X(LOAD_BUILD_CLASS, None, 1, 0, false)                                                     \
  X(IMPORT_NAME, Name, -1, 0, false) /* level, fromlist -> module */                         \
  X(IMPORT_FROM, Name, 1, 0, false)                                                          \
  X(IMPORT_STAR, None, -1, 0, false)                                                         \
  X(RAISE_VARARGS, Count, -(int)arg, 0, false)                                               \
  X(RERAISE, None, -1, 0, false)                                                             \
  X(PUSH_EXC_INFO, None, 1, 0, false)                                                        \
  X(POP_EXCEPT, None, -1, 0, false)                                                          \
  X(CHECK_EXC_MATCH, None, 0, 0, false)                                                      \
  X(LOAD_ASSERTION_ERROR, None, 1, 0, false)                                                 \
  X(BEFORE_WITH, None, 1, 0, false)       /* mgr -> exit, enter() */                         \
  X(WITH_EXCEPT_START, None, 1, 0, false) /* exit, ..., exc -> +exit(exc) */

enum class Opcode : uint8_t {
#define GILSIM_OPCODE_ENUM(name, operand, effect, jumpEffect, checkPoint) name,
  GILSIM_OPCODES(GILSIM_OPCODE_ENUM)
#undef GILSIM_OPCODE_ENUM
};

#define GILSIM_OPCODE_COUNT(name, operand, effect, jumpEffect, checkPoint) +1
inline constexpr int kOpcodeCount = 0 GILSIM_OPCODES(GILSIM_OPCODE_COUNT);
#undef GILSIM_OPCODE_COUNT
static_assert(kOpcodeCount <= 256, "opcodes must fit in the 8-bit op field");

struct OpcodeInfo {
  std::string_view name;
  Operand operand;
  bool checkPoint;
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
