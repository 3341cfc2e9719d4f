// The operators of the language, declared once: the parser reads them from source, the compiler
// puts them in instructions, the object protocol dispatches on them.
//
// Order matters: BINARY_OP and INPLACE_OP carry a BinaryOperator as their operand (its value in
// the 24-bit arg, see opcodes.h), and the compiler's golden disassemblies print the operand's
// value. Append new operators at the end; reordering changes every golden and nothing else
// (bytecode is never written to disk).
#pragma once

#include <cstdint>

namespace gilsim {

// X(Name, symbol, dunder method): the reflected and in-place methods are derived from the dunder
// name (__radd__, __iadd__), as CPython names them.
#define GILSIM_BINARY_OPERATORS(X)  \
  X(Add, "+", "__add__")            \
  X(Sub, "-", "__sub__")            \
  X(Mul, "*", "__mul__")            \
  X(MatMul, "@", "__matmul__")      \
  X(TrueDiv, "/", "__truediv__")    \
  X(FloorDiv, "//", "__floordiv__") \
  X(Mod, "%", "__mod__")            \
  X(Pow, "**", "__pow__")           \
  X(LShift, "<<", "__lshift__")     \
  X(RShift, ">>", "__rshift__")     \
  X(BitOr, "|", "__or__")           \
  X(BitXor, "^", "__xor__")         \
  X(BitAnd, "&", "__and__")

enum class BinaryOperator : uint8_t {
#define GILSIM_BINARY_OPERATOR_ENUM(name, symbol, dunder) name,
  GILSIM_BINARY_OPERATORS(GILSIM_BINARY_OPERATOR_ENUM)
#undef GILSIM_BINARY_OPERATOR_ENUM
};

// X(Name, symbol): the comparisons of a chained comparison (`a < b == c`), CPython's order.
#define GILSIM_COMPARE_OPERATORS(X) \
  X(Eq, "==")                       \
  X(NotEq, "!=")                    \
  X(Lt, "<")                        \
  X(LtE, "<=")                      \
  X(Gt, ">")                        \
  X(GtE, ">=")                      \
  X(Is, "is")                       \
  X(IsNot, "is not")                \
  X(In, "in")                       \
  X(NotIn, "not in")

enum class CompareOperator : uint8_t {
#define GILSIM_COMPARE_OPERATOR_ENUM(name, symbol) name,
  GILSIM_COMPARE_OPERATORS(GILSIM_COMPARE_OPERATOR_ENUM)
#undef GILSIM_COMPARE_OPERATOR_ENUM
};

enum class UnaryOperator : uint8_t { Not, Negate, Plus, Invert };
enum class BoolOperator : uint8_t { And, Or };

const char* binaryOperatorSymbol(BinaryOperator op);  // "+", "//", ...
const char* binaryOperatorDunder(BinaryOperator op);  // "__add__", "__floordiv__", ...
const char* compareOperatorSymbol(CompareOperator op);

}  // namespace gilsim
