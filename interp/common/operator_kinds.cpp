#include "interp/common/operator_kinds.h"

namespace gilsim {

const char* binaryOperatorSymbol(BinaryOperator op) {
  switch (op) {
#define GILSIM_BINARY_OPERATOR_SYMBOL(name, symbol, dunder) \
  case BinaryOperator::name:                                \
    return symbol;
    GILSIM_BINARY_OPERATORS(GILSIM_BINARY_OPERATOR_SYMBOL)
#undef GILSIM_BINARY_OPERATOR_SYMBOL
  }
  return "?";
}

const char* binaryOperatorDunder(BinaryOperator op) {
  switch (op) {
#define GILSIM_BINARY_OPERATOR_DUNDER(name, symbol, dunder) \
  case BinaryOperator::name:                                \
    return dunder;
    GILSIM_BINARY_OPERATORS(GILSIM_BINARY_OPERATOR_DUNDER)
#undef GILSIM_BINARY_OPERATOR_DUNDER
  }
  return "";
}

const char* compareOperatorSymbol(CompareOperator op) {
  switch (op) {
#define GILSIM_COMPARE_OPERATOR_SYMBOL(name, symbol) \
  case CompareOperator::name:                        \
    return symbol;
    GILSIM_COMPARE_OPERATORS(GILSIM_COMPARE_OPERATOR_SYMBOL)
#undef GILSIM_COMPARE_OPERATOR_SYMBOL
  }
  return "?";
}

}  // namespace gilsim
