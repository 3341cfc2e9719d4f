// Expressions: constants, calls, comparisons, operators and the expression switch.

#include <algorithm>
#include <cassert>

#include "interp/common/opcodes.h"
#include "interp/compiler/compiler_internal.h"
#include "interp/objects/code.h"
#include "interp/objects/complex_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/int_object.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"

namespace gilsim::detail {

Value CodeCompiler::constantValue(const Expr& e) {
  const Constant& c = e.constant;
  switch (c.kind) {
    case ConstantKind::None:
      return Value::none();
    case ConstantKind::True:
      return Value::boolean(true);
    case ConstantKind::False:
      return Value::boolean(false);
    case ConstantKind::Ellipsis:
      return Value::borrow(builtinTypes().ellipsis);
    case ConstantKind::Int: {
      Value v;
      if (!parseInt(c.text, 0, &v)) syntaxError("invalid integer literal", e.range);
      return v;
    }
    case ConstantKind::Float:
      return Value::real(c.number);
    case ConstantKind::Imaginary:
      return makeComplex(0.0, c.number);
    case ConstantKind::Str:
      return makeStr(c.text);
    case ConstantKind::Bytes:
      return makeBytes(c.text);
  }
  return Value::none();
}

bool CodeCompiler::isSmallIntConstant(const Expr& e) {
  if (e.kind != ExprKind::Constant || e.constant.kind != ConstantKind::Int) return false;
  Value v;
  return parseInt(e.constant.text, 0, &v) && v.isSmallInt();
}

bool CodeCompiler::hasStarred(const std::vector<ExprPtr>& items) {
  return std::any_of(items.begin(), items.end(),
                     [](const ExprPtr& x) { return x->kind == ExprKind::Starred; });
}

void CodeCompiler::compileStarredList(const std::vector<ExprPtr>& items) {
  size_t plain = 0;
  bool built = false;
  for (const ExprPtr& item : items) {
    if (plain == kLiteralChunk) {  // a long run goes on the list a chunk at a time
      emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
      if (built) emitArg(Opcode::LIST_EXTEND, 1);
      built = true;
      plain = 0;
    }
    if (item->kind == ExprKind::Starred) {
      if (!built) {
        emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
        built = true;
      } else if (plain) {
        emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
        emitArg(Opcode::LIST_EXTEND, 1);
      }
      plain = 0;
      compileExpr(*item->a);
      emitArg(Opcode::LIST_EXTEND, 1);
    } else {
      compileExpr(*item);
      ++plain;
    }
  }
  if (!built) {
    emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
  } else if (plain) {
    emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(plain));
    emitArg(Opcode::LIST_EXTEND, 1);
  }
}

void CodeCompiler::compileCall(const Expr& e) {
  const Expr& f = *e.a;
  // More arguments than a chunk go through a tuple and a dict (CALL_EX), built a chunk at a
  // time, so that the value stack stays small.
  bool simpleArgs = !hasStarred(e.items) && e.items.size() + e.keywords.size() <= kLiteralChunk &&
                    std::none_of(e.keywords.begin(), e.keywords.end(),
                                 [](const Keyword& k) { return k.name.empty(); });
  if (f.kind == ExprKind::Attribute && simpleArgs) {
    compileExpr(*f.a);
    setLine(f.range);
    emitArg(Opcode::LOAD_METHOD, addName(f.name));
  } else {
    compileExpr(f);
    emit(Opcode::PUSH_NULL);
  }
  setLine(e.range);
  if (simpleArgs) {
    for (const ExprPtr& a : e.items)
      compileExpr(*a);
    uint32_t argc = static_cast<uint32_t>(e.items.size() + e.keywords.size());
    if (e.keywords.empty()) {
      setLine(e.range);
      emitArg(Opcode::CALL, argc);
      return;
    }
    std::vector<Value> names;
    for (const Keyword& k : e.keywords) {
      compileExpr(*k.value);
      names.push_back(makeStr(k.name));
    }
    emitConst(makeTuple(std::move(names)));
    setLine(e.range);
    emitArg(Opcode::CALL_KW, argc);
    return;
  }
  compileStarredList(e.items);
  emit(Opcode::LIST_TO_TUPLE);
  uint32_t flags = 0;
  if (!e.keywords.empty()) {
    emitArg(Opcode::BUILD_MAP, 0);
    for (const Keyword& k : e.keywords) {
      if (k.name.empty()) {
        compileExpr(*k.value);
        emitArg(Opcode::DICT_MERGE, 1);
      } else {
        emitConst(makeStr(k.name));
        compileExpr(*k.value);
        emitArg(Opcode::BUILD_MAP, 1);
        emitArg(Opcode::DICT_MERGE, 1);
      }
    }
    flags = 1;
  }
  setLine(e.range);
  emitArg(Opcode::CALL_EX, flags);
}

void CodeCompiler::compileCompare(const Expr& e) {
  auto emitOp = [&](CompareOperator op) {
    switch (op) {
      case CompareOperator::Lt:
        emit(Opcode::COMPARE_LT);
        break;
      case CompareOperator::LtE:
        emit(Opcode::COMPARE_LE);
        break;
      case CompareOperator::Eq:
        emit(Opcode::COMPARE_EQ);
        break;
      case CompareOperator::NotEq:
        emit(Opcode::COMPARE_NE);
        break;
      case CompareOperator::Gt:
        emit(Opcode::COMPARE_GT);
        break;
      case CompareOperator::GtE:
        emit(Opcode::COMPARE_GE);
        break;
      case CompareOperator::Is:
        emitArg(Opcode::IS_OP, 0);
        break;
      case CompareOperator::IsNot:
        emitArg(Opcode::IS_OP, 1);
        break;
      case CompareOperator::In:
        emitArg(Opcode::CONTAINS_OP, 0);
        break;
      case CompareOperator::NotIn:
        emitArg(Opcode::CONTAINS_OP, 1);
        break;
    }
  };
  compileExpr(*e.a);
  if (e.items.size() == 1) {
    Opcode constOp = Opcode::NOP;
    switch (e.compareOps[0]) {
      case CompareOperator::Lt:
        constOp = Opcode::COMPARE_LT_CONST;
        break;
      case CompareOperator::LtE:
        constOp = Opcode::COMPARE_LE_CONST;
        break;
      case CompareOperator::Eq:
        constOp = Opcode::COMPARE_EQ_CONST;
        break;
      case CompareOperator::NotEq:
        constOp = Opcode::COMPARE_NE_CONST;
        break;
      case CompareOperator::Gt:
        constOp = Opcode::COMPARE_GT_CONST;
        break;
      case CompareOperator::GtE:
        constOp = Opcode::COMPARE_GE_CONST;
        break;
      default:
        break;
    }
    if (constOp != Opcode::NOP && isSmallIntConstant(*e.items[0])) {
      emitArg(constOp, addConst(constantValue(*e.items[0])));
      return;
    }
    compileExpr(*e.items[0]);
    emitOp(e.compareOps[0]);
    return;
  }
  int cleanup = newLabel();
  int end = newLabel();
  for (size_t i = 0; i + 1 < e.items.size(); ++i) {
    compileExpr(*e.items[i]);
    emit(Opcode::DUP_TOP);
    emit(Opcode::ROT_THREE);
    emitOp(e.compareOps[i]);
    emitJump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  compileExpr(*e.items.back());
  emitOp(e.compareOps.back());
  emitJump(Opcode::JUMP_FORWARD, end);
  bind(cleanup);
  emit(Opcode::ROT_TWO);
  emit(Opcode::POP_TOP);
  bind(end);
}

void CodeCompiler::compileBinary(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Add:
      emit(Opcode::BINARY_ADD);
      break;
    case BinaryOperator::Sub:
      emit(Opcode::BINARY_SUB);
      break;
    case BinaryOperator::Mul:
      emit(Opcode::BINARY_MUL);
      break;
    case BinaryOperator::Mod:
      emit(Opcode::BINARY_MOD);
      break;
    case BinaryOperator::FloorDiv:
      emit(Opcode::BINARY_FLOOR_DIV);
      break;
    default:
      emitArg(Opcode::BINARY_OP, static_cast<uint32_t>(op));
      break;
  }
}

void CodeCompiler::compileExpr(const Expr& e) {
  // CPython's limit (the parser's kMaxDepth, 3,000) and its words; the byte budget guards the
  // C++ stack wherever frames are larger.
  if (++exprDepth_ > kMaxExprDepth || compileStackExhausted())
    syntaxError("maximum recursion depth exceeded during compilation", e.range, "RecursionError");
  struct DepthGuard {
    int& d;
    ~DepthGuard() { --d; }
  } guard{exprDepth_};
  switch (e.kind) {
    case ExprKind::Name:
      emitLoadName(e.name);
      break;
    case ExprKind::Constant:
      emitConst(constantValue(e));
      break;
    case ExprKind::JoinedStr: {
      if (e.items.empty()) {
        emitConst(makeStr(""));
        break;
      }
      if (e.items.size() > kLiteralChunk) {
        // Joined a chunk at a time, each chunk onto what came before.
        for (size_t from = 0; from < e.items.size(); from += kLiteralChunk) {
          size_t to = std::min(e.items.size(), from + kLiteralChunk);
          for (size_t i = from; i < to; ++i)
            compileExpr(*e.items[i]);
          emitArg(Opcode::BUILD_STRING, static_cast<uint32_t>(to - from + (from ? 1 : 0)));
        }
        break;
      }
      for (const ExprPtr& part : e.items)
        compileExpr(*part);
      if (e.items.size() > 1)
        emitArg(Opcode::BUILD_STRING, static_cast<uint32_t>(e.items.size()));
      else if (e.items[0]->kind == ExprKind::Constant) {
      }
      break;
    }
    case ExprKind::FormattedValue: {
      compileExpr(*e.a);
      uint32_t flags = e.conversion == 's'   ? 1
                       : e.conversion == 'r' ? 2
                       : e.conversion == 'a' ? 3
                                             : 0;
      if (e.b) {
        compileExpr(*e.b);
        flags |= 4;
      }
      emitArg(Opcode::FORMAT_VALUE, flags);
      break;
    }
    case ExprKind::BinOp: {
      compileExpr(*e.a);
      // `x op <small int literal>`: one instruction with the constant as operand.
      Opcode constOp = Opcode::NOP;
      switch (e.binaryOp) {
        case BinaryOperator::Add:
          constOp = Opcode::BINARY_ADD_CONST;
          break;
        case BinaryOperator::Sub:
          constOp = Opcode::BINARY_SUB_CONST;
          break;
        case BinaryOperator::Mul:
          constOp = Opcode::BINARY_MUL_CONST;
          break;
        case BinaryOperator::Mod:
          constOp = Opcode::BINARY_MOD_CONST;
          break;
        default:
          break;
      }
      if (constOp != Opcode::NOP && isSmallIntConstant(*e.b)) {
        setLine(e.range);
        emitArg(constOp, addConst(constantValue(*e.b)));
        break;
      }
      compileExpr(*e.b);
      setLine(e.range);
      compileBinary(e.binaryOp);
      break;
    }
    case ExprKind::UnaryOp:
      compileExpr(*e.a);
      switch (e.unaryOp) {
        case UnaryOperator::Not:
          emit(Opcode::UNARY_NOT);
          break;
        case UnaryOperator::Negate:
          emit(Opcode::UNARY_NEGATIVE);
          break;
        case UnaryOperator::Plus:
          emit(Opcode::UNARY_POSITIVE);
          break;
        case UnaryOperator::Invert:
          emit(Opcode::UNARY_INVERT);
          break;
      }
      break;
    case ExprKind::BoolOp: {
      int end = newLabel();
      Opcode jump = e.boolOp == BoolOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP
                                                  : Opcode::JUMP_IF_TRUE_OR_POP;
      for (size_t i = 0; i < e.items.size(); ++i) {
        compileExpr(*e.items[i]);
        if (i + 1 < e.items.size()) emitJump(jump, end);
      }
      bind(end);
      break;
    }
    case ExprKind::Compare:
      compileCompare(e);
      break;
    case ExprKind::Call:
      compileCall(e);
      break;
    case ExprKind::Attribute:
      compileExpr(*e.a);
      setLine(e.range);
      emitArg(Opcode::LOAD_ATTR, addName(e.name));
      break;
    case ExprKind::Subscript:
      compileExpr(*e.a);
      compileExpr(*e.b);
      setLine(e.range);
      emit(Opcode::BINARY_SUBSCR);
      break;
    case ExprKind::Slice:
      if (e.a)
        compileExpr(*e.a);
      else
        emitConst(Value::none());
      if (e.b)
        compileExpr(*e.b);
      else
        emitConst(Value::none());
      if (e.c) {
        compileExpr(*e.c);
        emitArg(Opcode::BUILD_SLICE, 3);
      } else {
        emitArg(Opcode::BUILD_SLICE, 2);
      }
      break;
    case ExprKind::List:
      if (hasStarred(e.items) || e.items.size() > kLiteralChunk)
        compileStarredList(e.items);
      else {
        for (const ExprPtr& x : e.items)
          compileExpr(*x);
        emitArg(Opcode::BUILD_LIST, static_cast<uint32_t>(e.items.size()));
      }
      break;
    case ExprKind::Tuple:
      if (hasStarred(e.items) || e.items.size() > kLiteralChunk) {
        compileStarredList(e.items);
        emit(Opcode::LIST_TO_TUPLE);
      } else {
        for (const ExprPtr& x : e.items)
          compileExpr(*x);
        emitArg(Opcode::BUILD_TUPLE, static_cast<uint32_t>(e.items.size()));
      }
      break;
    case ExprKind::Set:
      if (hasStarred(e.items)) {
        emitArg(Opcode::BUILD_SET, 0);
        for (const ExprPtr& x : e.items) {
          if (x->kind == ExprKind::Starred) {
            compileExpr(*x->a);
            emitArg(Opcode::SET_UPDATE, 1);
          } else {
            compileExpr(*x);
            emitArg(Opcode::BUILD_SET, 1);
            emitArg(Opcode::SET_UPDATE, 1);
          }
        }
      } else if (e.items.size() > kLiteralChunk) {
        emitArg(Opcode::BUILD_SET, 0);
        for (size_t from = 0; from < e.items.size(); from += kLiteralChunk) {
          size_t to = std::min(e.items.size(), from + kLiteralChunk);
          for (size_t i = from; i < to; ++i)
            compileExpr(*e.items[i]);
          emitArg(Opcode::BUILD_SET, static_cast<uint32_t>(to - from));
          emitArg(Opcode::SET_UPDATE, 1);
        }
      } else {
        for (const ExprPtr& x : e.items)
          compileExpr(*x);
        emitArg(Opcode::BUILD_SET, static_cast<uint32_t>(e.items.size()));
      }
      break;
    case ExprKind::Dict: {
      bool anyUnpack =
          std::any_of(e.items.begin(), e.items.end(), [](const ExprPtr& k) { return !k; });
      if (!anyUnpack && e.items.size() <= kLiteralChunk) {
        for (size_t i = 0; i < e.items.size(); ++i) {
          compileExpr(*e.items[i]);
          compileExpr(*e.values[i]);
        }
        emitArg(Opcode::BUILD_MAP, static_cast<uint32_t>(e.items.size()));
        break;
      }
      if (!anyUnpack) {
        // Chunks merged in order: a repeated key keeps its first place and its last value.
        emitArg(Opcode::BUILD_MAP, 0);
        for (size_t from = 0; from < e.items.size(); from += kLiteralChunk) {
          size_t to = std::min(e.items.size(), from + kLiteralChunk);
          for (size_t i = from; i < to; ++i) {
            compileExpr(*e.items[i]);
            compileExpr(*e.values[i]);
          }
          emitArg(Opcode::BUILD_MAP, static_cast<uint32_t>(to - from));
          emitArg(Opcode::DICT_UPDATE, 1);
        }
        break;
      }
      emitArg(Opcode::BUILD_MAP, 0);
      for (size_t i = 0; i < e.items.size(); ++i) {
        if (!e.items[i]) {
          compileExpr(*e.values[i]);
        } else {
          compileExpr(*e.items[i]);
          compileExpr(*e.values[i]);
          emitArg(Opcode::BUILD_MAP, 1);
        }
        emitArg(Opcode::DICT_UPDATE, 1);
      }
      break;
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp:
      compileComprehensionCall(e);
      break;
    case ExprKind::Lambda:
      compileLambda(e);
      break;
    case ExprKind::IfExp: {
      int orelse = newLabel();
      int end = newLabel();
      compileCondition(*e.a, orelse, false);
      compileExpr(*e.b);
      emitJump(Opcode::JUMP_FORWARD, end);
      bind(orelse);
      compileExpr(*e.c);
      bind(end);
      break;
    }
    case ExprKind::Starred:
      syntaxError("can't use starred expression here", e.range);
    case ExprKind::NamedExpr:
      compileExpr(*e.b);
      emit(Opcode::DUP_TOP);
      if (scope_->isComprehension) {
        NameScope where = scope_->resolve(e.a->name);
        if (where == NameScope::Free)
          emitArg(Opcode::STORE_DEREF, derefIndex(e.a->name));
        else
          emitArg(Opcode::STORE_GLOBAL, addName(e.a->name));
      } else {
        emitStoreName(e.a->name);
      }
      break;
    case ExprKind::YieldFrom:
      // Delegation (PEP 380): YIELD_FROM re-runs while the subiterator yields, and leaves its
      // return value (StopIteration.value) when it ends.
      compileExpr(*e.a);
      emit(Opcode::GET_YIELD_FROM_ITER);
      emitConst(Value::none());
      emit(Opcode::YIELD_FROM);
      break;
    case ExprKind::Yield:
      if (e.a)
        compileExpr(*e.a);
      else
        emitConst(Value::none());
      if (code()->flags & kCodeAsyncGenerator) emit(Opcode::ASYNC_GEN_WRAP);
      emit(Opcode::YIELD_VALUE);
      break;
    case ExprKind::Await:
      compileExpr(*e.a);
      setLine(e.range);
      emitAwait(0);
      break;
  }
}

}  // namespace gilsim::detail
