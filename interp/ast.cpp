#include "interp/ast.h"

namespace gilsim {

const char* binaryOperatorSymbol(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Add:
      return "+";
    case BinaryOperator::Sub:
      return "-";
    case BinaryOperator::Mul:
      return "*";
    case BinaryOperator::MatMul:
      return "@";
    case BinaryOperator::TrueDiv:
      return "/";
    case BinaryOperator::FloorDiv:
      return "//";
    case BinaryOperator::Mod:
      return "%";
    case BinaryOperator::Pow:
      return "**";
    case BinaryOperator::LShift:
      return "<<";
    case BinaryOperator::RShift:
      return ">>";
    case BinaryOperator::BitOr:
      return "|";
    case BinaryOperator::BitXor:
      return "^";
    case BinaryOperator::BitAnd:
      return "&";
  }
  return "?";
}

const char* compareOperatorSymbol(CompareOperator op) {
  switch (op) {
    case CompareOperator::Eq:
      return "==";
    case CompareOperator::NotEq:
      return "!=";
    case CompareOperator::Lt:
      return "<";
    case CompareOperator::LtE:
      return "<=";
    case CompareOperator::Gt:
      return ">";
    case CompareOperator::GtE:
      return ">=";
    case CompareOperator::Is:
      return "is";
    case CompareOperator::IsNot:
      return "is not";
    case CompareOperator::In:
      return "in";
    case CompareOperator::NotIn:
      return "not in";
  }
  return "?";
}

}  // namespace gilsim
