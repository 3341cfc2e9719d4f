// The expression grammar, from star_expressions down through CPython's precedence levels to
// primaries and atoms: calls, subscripts and slices, displays, comprehensions, lambda, yield and
// number literals. Separate from the statements (parser.cpp) because it is the recursive core
// that every statement uses; string literals and f-strings are in string_literals.cpp.
#include "interp/syntax/parser_internal.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <string>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {
namespace parser_internal {
namespace {

// Binding power of a binary operator token (0 when it is not one); higher binds tighter.
int binaryPrecedence(TK kind, BinaryOperator& op) {
  switch (kind) {
    case TK::Pipe:
      op = BinaryOperator::BitOr;
      return 1;
    case TK::Caret:
      op = BinaryOperator::BitXor;
      return 2;
    case TK::Amper:
      op = BinaryOperator::BitAnd;
      return 3;
    case TK::LeftShift:
      op = BinaryOperator::LShift;
      return 4;
    case TK::RightShift:
      op = BinaryOperator::RShift;
      return 4;
    case TK::Plus:
      op = BinaryOperator::Add;
      return 5;
    case TK::Minus:
      op = BinaryOperator::Sub;
      return 5;
    case TK::Star:
      op = BinaryOperator::Mul;
      return 6;
    case TK::Slash:
      op = BinaryOperator::TrueDiv;
      return 6;
    case TK::DoubleSlash:
      op = BinaryOperator::FloorDiv;
      return 6;
    case TK::Percent:
      op = BinaryOperator::Mod;
      return 6;
    case TK::At:
      op = BinaryOperator::MatMul;
      return 6;
    default:
      return 0;
  }
}

// Parses a float literal's digits (underscores already removed). from_chars gives no value on
// overflow or underflow, so the direction is worked out from the decimal exponent.
double parseDouble(const std::string& digits) {
  double value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  (void)ptr;
  if (ec != std::errc::result_out_of_range) return value;
  size_t expAt = digits.find_first_of("eE");
  std::string_view mantissa = std::string_view(digits).substr(0, expAt);
  long exponent = 0;
  if (expAt != std::string::npos) {
    // Clamp: only the sign of the final estimate matters.
    exponent = std::strtol(digits.c_str() + expAt + 1, nullptr, 10);
    exponent = std::clamp(exponent, -100000L, 100000L);
  }
  size_t dot = mantissa.find('.');
  if (dot == std::string_view::npos) dot = mantissa.size();
  size_t firstDigit = mantissa.find_first_of("123456789");
  if (firstDigit == std::string_view::npos) return 0.0;
  long magnitude = firstDigit < dot ? static_cast<long>(dot - firstDigit) - 1
                                    : -static_cast<long>(firstDigit - dot);
  return magnitude + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

Constant numberConstant(const Token& t) {
  Constant c;
  std::string digits;
  digits.reserve(t.text.size());
  for (char ch : t.text) {
    if (ch != '_') digits.push_back(ch);
  }
  switch (t.kind) {
    case TK::Int:
      c.kind = ConstantKind::Int;
      // Normalise 0X/0O/0B so the compiler only has to know the lowercase prefixes.
      if (digits.size() > 1 && digits[0] == '0' &&
          (digits[1] == 'X' || digits[1] == 'O' || digits[1] == 'B')) {
        digits[1] = static_cast<char>(digits[1] - 'A' + 'a');
      }
      c.text = std::move(digits);
      break;
    case TK::Float:
      c.kind = ConstantKind::Float;
      c.number = parseDouble(digits);
      break;
    default:
      c.kind = ConstantKind::Imaginary;
      if (!digits.empty()) digits.pop_back();  // the j
      c.number = parseDouble(digits);
      break;
  }
  return c;
}

}  // namespace

// ================================================================================================
// Expressions

// `*x`: x is a bitwise-or expression in displays and targets, a full expression in call
// arguments and subscripts.
ExprPtr Parser::parseStarred(bool fullExpression) {
  const Token& star = advance();
  auto starred = makeExpr(ExprKind::Starred, tokenRange(star));
  starred->a = fullExpression ? parseExpression() : parseBitwiseOr();
  finish(*starred);
  return starred;
}

ExprPtr Parser::parseStarExpression() {
  return check(TK::Star) ? parseStarred() : parseExpression();
}

// star_expressions: an unparenthesised tuple when there is a comma.
ExprPtr Parser::parseStarExpressions() {
  const Token& startTok = cur();
  ExprPtr first = parseStarExpression();
  if (!check(TK::Comma)) return first;
  auto tuple = makeExpr(ExprKind::Tuple, tokenRange(startTok));
  tuple->items.push_back(std::move(first));
  while (accept(TK::Comma)) {
    if (!startsExpression(kind()) && !check(TK::Star)) break;
    tuple->items.push_back(parseStarExpression());
  }
  finish(*tuple);
  return tuple;
}

ExprPtr Parser::parseStarNamedExpression() {
  return check(TK::Star) ? parseStarred() : parseNamedExpression(true);
}

ExprPtr Parser::parseNamedExpression(bool diagnoseEquals) {
  if (check(TK::Name) && kind(1) == TK::ColonEqual) {
    const Token& name = advance();
    advance();
    Nesting nesting(*this, 1, kTooComplex);
    auto named = makeExpr(ExprKind::NamedExpr, tokenRange(name));
    named->a = makeExpr(ExprKind::Name, tokenRange(name));
    named->a->name = std::string(name.text);
    named->a->context = ExprContext::Store;
    named->b = parseExpression();
    finish(*named);
    return named;
  }
  const size_t start = pos_;
  ExprPtr e = parseExpression();
  if (diagnoseEquals) {
    diagnoseWalrus(*e);
    diagnoseStrayEquals(start, *e);
  }
  return e;
}

ExprPtr Parser::parseExpression() {
  if (check(TK::KwLambda)) return parseLambda();
  const size_t start = pos_;
  struct RestoreStart {
    size_t& ref;
    size_t old;
    ~RestoreStart() { ref = old; }
  } restoreStart{exprStart_, exprStart_};
  exprStart_ = start;
  const Token& startTok = cur();
  ExprPtr body = parseDisjunction();
  if (!check(TK::KwIf)) {
    lastDisjStart_ = start;
    lastDisjEnd_ = pos_;
    return body;
  }
  auto ifExp = makeExpr(ExprKind::IfExp, tokenRange(startTok));
  Nesting nesting(*this, 1, kTooComplex);  // large frames: the byte budget counts them
  const bool complete = lenient([&] {
    advance();
    const size_t conditionStart = pos_;
    try {
      ifExp->a = parseDisjunction();
    } catch (const SyntaxError& e) {
      // CPython backs off the part of the condition that does not parse; if what remains is not
      // followed by `else`, the missing `else` is what it reports.
      size_t end = 0;
      if (!speculating_ && isPlainInvalidSyntax(e) && speculateAt(conditionStart, [&] {
            parseDisjunction();
            end = pos_;
            return true;
          })) {
        if (tokens_[end].kind != TK::KwElse && tokens_[end].kind != TK::Colon) {
          error("expected 'else' after 'if' expression", *body);
        }
      }
      throw;
    }
    if (!check(TK::KwElse)) {
      if (!check(TK::Colon) && !speculating_) {
        error("expected 'else' after 'if' expression", *body);
      }
      failInvalid();
    }
    advance();
    ifExp->c = parseExpression();  // records lastDisj* itself
  });
  if (!complete) return body;
  ifExp->b = std::move(body);
  finish(*ifExp);
  return ifExp;
}

ExprPtr Parser::parseDisjunction() {
  ExprPtr first = parseConjunction();
  if (!check(TK::KwOr)) return first;
  auto op = makeExpr(ExprKind::BoolOp, first->range);
  op->boolOp = BoolOperator::Or;
  op->items.push_back(std::move(first));
  while (check(TK::KwOr)) {
    ExprPtr next;
    if (!lenient([&] {
          advance();
          next = parseConjunction();
        })) {
      break;
    }
    op->items.push_back(std::move(next));
  }
  if (op->items.size() == 1) return std::move(op->items[0]);
  finish(*op);
  return op;
}

ExprPtr Parser::parseConjunction() {
  ExprPtr first = parseInversion();
  if (!check(TK::KwAnd)) return first;
  auto op = makeExpr(ExprKind::BoolOp, first->range);
  op->boolOp = BoolOperator::And;
  op->items.push_back(std::move(first));
  while (check(TK::KwAnd)) {
    ExprPtr next;
    if (!lenient([&] {
          advance();
          next = parseInversion();
        })) {
      break;
    }
    op->items.push_back(std::move(next));
  }
  if (op->items.size() == 1) return std::move(op->items[0]);
  finish(*op);
  return op;
}

ExprPtr Parser::parseInversion() {
  if (!check(TK::KwNot)) return parseComparison();
  // Iterative, so `not not ... x` costs no stack; the tree still deepens, so it is budgeted.
  Nesting chain(*this, 0, kTooComplex);
  std::vector<const Token*> nots;
  while (check(TK::KwNot)) {
    chain.add(1, kTooComplex);
    nots.push_back(&advance());
  }
  ExprPtr e = parseComparison();
  for (size_t i = nots.size(); i-- > 0;) {
    auto op = makeExpr(ExprKind::UnaryOp, tokenRange(*nots[i]));
    op->unaryOp = UnaryOperator::Not;
    op->a = std::move(e);
    finish(*op);
    e = std::move(op);
  }
  return e;
}

ExprPtr Parser::parseComparison() {
  ExprPtr left = parseBitwiseOr();
  ExprPtr compare;
  while (true) {
    CompareOperator op;
    int width = 1;
    switch (kind()) {
      case TK::EqEqual:
        op = CompareOperator::Eq;
        break;
      case TK::NotEqual:
        op = CompareOperator::NotEq;
        break;
      case TK::Less:
        op = CompareOperator::Lt;
        break;
      case TK::LessEqual:
        op = CompareOperator::LtE;
        break;
      case TK::Greater:
        op = CompareOperator::Gt;
        break;
      case TK::GreaterEqual:
        op = CompareOperator::GtE;
        break;
      case TK::KwIn:
        op = CompareOperator::In;
        break;
      case TK::KwIs:
        if (kind(1) == TK::KwNot) {
          op = CompareOperator::IsNot;
          width = 2;
        } else {
          op = CompareOperator::Is;
        }
        break;
      case TK::KwNot:
        if (kind(1) != TK::KwIn) return compare ? std::move(compare) : std::move(left);
        op = CompareOperator::NotIn;
        width = 2;
        break;
      default:
        return compare ? std::move(compare) : std::move(left);
    }
    ExprPtr right;
    if (!lenient([&] {
          for (int i = 0; i < width; ++i)
            advance();
          right = parseBitwiseOr();
        })) {
      return compare ? std::move(compare) : std::move(left);
    }
    if (!compare) {
      compare = makeExpr(ExprKind::Compare, left->range);
      compare->a = std::move(left);
    }
    compare->compareOps.push_back(op);
    compare->items.push_back(std::move(right));
    finish(*compare);
  }
}

// Precedence climbing over the binary operators from '|' to '*'; left associative.
ExprPtr Parser::parseBinary(int minPrecedence) {
  ExprPtr left = parseFactor();
  Nesting chain(*this, 0, kTooComplex);
  BinaryOperator op;
  int precedence;
  while ((precedence = binaryPrecedence(kind(), op)) >= minPrecedence && precedence > 0) {
    chain.add(1, kTooComplex);
    ExprPtr right;
    if (!lenient([&] {
          advance();
          right = parseBinary(precedence + 1);
        })) {
      break;
    }
    auto binary = makeExpr(ExprKind::BinOp, left->range);
    binary->binaryOp = op;
    binary->a = std::move(left);
    binary->b = std::move(right);
    finish(*binary);
    left = std::move(binary);
  }
  return left;
}

ExprPtr Parser::parseFactor() {
  if (!check(TK::Minus) && !check(TK::Plus) && !check(TK::Tilde)) return parsePower();
  Nesting chain(*this, 0, kTooComplex);
  std::vector<const Token*> ops;
  while (check(TK::Minus) || check(TK::Plus) || check(TK::Tilde)) {
    chain.add(1, kTooComplex);
    ops.push_back(&advance());
  }
  ExprPtr e = parsePower();
  for (size_t i = ops.size(); i-- > 0;) {
    auto op = makeExpr(ExprKind::UnaryOp, tokenRange(*ops[i]));
    op->unaryOp = ops[i]->kind == TK::Minus  ? UnaryOperator::Negate
                  : ops[i]->kind == TK::Plus ? UnaryOperator::Plus
                                             : UnaryOperator::Invert;
    op->a = std::move(e);
    finish(*op);
    e = std::move(op);
  }
  return e;
}

// '**' is right associative and binds tighter than a unary operator on its left (-2**2 == -4)
// but looser than one on its right (2**-1).
ExprPtr Parser::parsePower() {
  ExprPtr base;
  if (check(TK::KwAwait)) {  // where it may stand is the scope analyser's to say, as CPython's
    const Token& awaitTok = advance();
    base = makeExpr(ExprKind::Await, tokenRange(awaitTok));
    base->a = parsePrimary();
    finish(*base);
  } else {
    base = parsePrimary();
  }
  if (!check(TK::DoubleStar)) return base;
  Nesting nesting(*this, 1, kTooComplex);
  ExprPtr exponent;
  if (!lenient([&] {
        advance();
        exponent = parseFactor();
      })) {
    return base;
  }
  auto power = makeExpr(ExprKind::BinOp, base->range);
  power->binaryOp = BinaryOperator::Pow;
  power->a = std::move(base);
  power->b = std::move(exponent);
  finish(*power);
  return power;
}

ExprPtr Parser::parsePrimary() {
  ExprPtr e = parseAtom();
  Nesting chain(*this, 0, kTooComplex);
  while (true) {
    ExprPtr next;
    if (check(TK::Dot)) {
      if (!lenient([&] {
            advance();
            const Token& name = expectName();
            next = makeExpr(ExprKind::Attribute, e->range);
            next->name = std::string(name.text);
          })) {
        return e;
      }
    } else if (check(TK::LParen) || check(TK::LBracket)) {
      next = parseCallOrSubscript(*e);
      if (!next) return e;
    } else {
      return e;
    }
    next->a = std::move(e);
    finish(*next);
    e = std::move(next);
    chain.add(1, kTooComplex);
  }
}

// The `(...)` or `[...]` after a primary; null if it backed off (lenient mode). Kept out of
// parsePrimary so that the frames of plain parenthesised nesting stay small.
ExprPtr Parser::parseCallOrSubscript(const Expr& primary) {
  const size_t open = pos_;
  ExprPtr next;
  try {
    if (!lenient([&] {
          const Token& openTok = advance();
          BracketScope brackets(*this);
          if (openTok.kind == TK::LParen) {
            next = makeExpr(ExprKind::Call, primary.range);
            parseCallArguments(next->items, next->keywords, true, openTok);
            expect(TK::RParen);
          } else {
            next = makeExpr(ExprKind::Subscript, primary.range);
            next->b = parseSlices();
            expect(TK::RBracket);
          }
        })) {
      return nullptr;
    }
  } catch (const SyntaxError& error) {
    // CPython's PEG parser backs off a call or subscript that does not parse; what is left is an
    // expression followed by a bracketed one, as in `f(a [])` or `print [x]`.
    if (!isPlainInvalidSyntax(error) || exprStart_ == kNoToken) throw;
    const size_t savedPos = pos_, savedStart = lastDisjStart_, savedEnd = lastDisjEnd_;
    pos_ = open;
    lastDisjStart_ = exprStart_;
    lastDisjEnd_ = open;
    diagnoseJuxtaposition();
    pos_ = savedPos;
    lastDisjStart_ = savedStart;
    lastDisjEnd_ = savedEnd;
    throw;
  }
  return next;
}

ExprPtr Parser::parseAtom() {
  const Token& t = cur();
  switch (t.kind) {
    case TK::Name: {
      advance();
      auto name = makeExpr(ExprKind::Name, tokenRange(t));
      name->name = std::string(t.text);
      return name;
    }
    case TK::KwTrue:
    case TK::KwFalse:
    case TK::KwNone:
    case TK::Ellipsis: {
      advance();
      auto constant = makeExpr(ExprKind::Constant, tokenRange(t));
      constant->constant.kind = t.kind == TK::KwTrue    ? ConstantKind::True
                                : t.kind == TK::KwFalse ? ConstantKind::False
                                : t.kind == TK::KwNone  ? ConstantKind::None
                                                        : ConstantKind::Ellipsis;
      return constant;
    }
    case TK::Int:
    case TK::Float:
    case TK::Imaginary:
      return parseNumber();
    case TK::String:
    case TK::Bytes:
    case TK::FString:
      return parseStrings();
    case TK::LParen:
      return parseParenthesized();
    case TK::LBracket:
      return parseListDisplay();
    case TK::LBrace:
      return parseBraceDisplay();
    default:
      failInvalid();
  }
}

ExprPtr Parser::parseNumber() {
  const Token& t = advance();
  auto constant = makeExpr(ExprKind::Constant, tokenRange(t));
  constant->constant = numberConstant(t);
  return constant;
}

ExprPtr Parser::parseParenthesized() {
  const size_t openIndex = pos_;
  const Token& open = advance();
  BracketScope brackets(*this);
  if (accept(TK::RParen)) {
    markDisplay(openIndex);
    return makeExpr(ExprKind::Tuple, spanFrom(open));
  }
  if (check(TK::KwYield)) {
    ExprPtr yield = parseYield();
    expect(TK::RParen);
    return yield;
  }
  ExprPtr first = parseStarNamedExpression();
  if (startsComprehensionClause()) {
    if (first->kind == ExprKind::Starred) {
      error("iterable unpacking cannot be used in comprehension", *first);
    }
    auto generator = makeExpr(ExprKind::GeneratorExp, tokenRange(open));
    generator->a = std::move(first);
    parseComprehensionClauses(generator->generators);
    expect(TK::RParen);
    finish(*generator);
    markDisplay(openIndex);
    return generator;
  }
  if (check(TK::Comma)) {
    auto tuple = makeExpr(ExprKind::Tuple, tokenRange(open));
    tuple->items.push_back(std::move(first));
    while (accept(TK::Comma)) {
      if (check(TK::RParen)) break;
      tuple->items.push_back(parseStarNamedExpression());
    }
    expect(TK::RParen);
    finish(*tuple);
    markDisplay(openIndex);
    return tuple;
  }
  expect(TK::RParen);
  if (first->kind == ExprKind::Starred) error("cannot use starred expression here", *first);
  return first;  // a parenthesised expression keeps its own range, as in CPython
}

ExprPtr Parser::parseListDisplay() {
  const size_t openIndex = pos_;
  const Token& open = advance();
  BracketScope brackets(*this);
  auto list = makeExpr(ExprKind::List, tokenRange(open));
  if (!check(TK::RBracket)) {
    ExprPtr first = parseStarNamedExpression();
    if (startsComprehensionClause()) {
      if (first->kind == ExprKind::Starred) {
        error("iterable unpacking cannot be used in comprehension", *first);
      }
      auto comprehension = makeExpr(ExprKind::ListComp, tokenRange(open));
      comprehension->a = std::move(first);
      parseComprehensionClauses(comprehension->generators);
      expect(TK::RBracket);
      finish(*comprehension);
      return comprehension;
    }
    list->items.push_back(std::move(first));
    while (accept(TK::Comma)) {
      diagnoseComprehensionTarget(*list->items[0]);
      if (check(TK::RBracket)) break;
      list->items.push_back(parseStarNamedExpression());
    }
    diagnoseComprehensionTarget(*list->items[0]);
  }
  expect(TK::RBracket);
  finish(*list);
  markDisplay(openIndex);
  return list;
}

ExprPtr Parser::parseBraceDisplay() {
  const Token& open = advance();
  BracketScope brackets(*this);
  if (accept(TK::RBrace)) return makeExpr(ExprKind::Dict, spanFrom(open));
  if (check(TK::DoubleStar)) return parseDictDisplay(open, nullptr);
  ExprPtr first;
  if (check(TK::Star)) {
    first = parseStarred();
  } else if (check(TK::Name) && kind(1) == TK::ColonEqual) {
    first = parseNamedExpression(true);
  } else {
    const size_t start = pos_;
    first = parseExpression();
    if (check(TK::Colon)) return parseDictDisplay(open, std::move(first));
    diagnoseStrayEquals(start, *first);
  }
  if (startsComprehensionClause()) {
    if (first->kind == ExprKind::Starred) {
      error("iterable unpacking cannot be used in comprehension", *first);
    }
    auto comprehension = makeExpr(ExprKind::SetComp, tokenRange(open));
    comprehension->a = std::move(first);
    parseComprehensionClauses(comprehension->generators);
    expect(TK::RBrace);
    finish(*comprehension);
    return comprehension;
  }
  auto set = makeExpr(ExprKind::Set, tokenRange(open));
  set->items.push_back(std::move(first));
  while (accept(TK::Comma)) {
    diagnoseComprehensionTarget(*set->items[0]);
    if (check(TK::RBrace)) break;
    set->items.push_back(parseStarNamedExpression());
  }
  diagnoseComprehensionTarget(*set->items[0]);
  expect(TK::RBrace);
  finish(*set);
  return set;
}

ExprPtr Parser::parseDictDisplay(const Token& open, ExprPtr firstKey) {
  auto dict = makeExpr(ExprKind::Dict, tokenRange(open));
  bool firstEntry = true;
  while (true) {
    const Token& entryTok = cur();
    ExprPtr key, value;
    if (firstEntry && firstKey) {
      key = std::move(firstKey);
    } else if (check(TK::DoubleStar)) {
      advance();
      value = parseBitwiseOr();
    } else {
      key = parseExpression();
    }
    if (key) {
      if (!check(TK::Colon)) {
        if (check(TK::Comma) || check(TK::RBrace)) error("':' expected after dictionary key", *key);
        failInvalid();
      }
      const Token& colon = advance();
      if (check(TK::Star)) error("cannot use a starred expression in a dictionary value", cur());
      if (check(TK::Comma) || check(TK::RBrace)) {
        error("expression expected after dictionary key and ':'", colon);
      }
      value = parseExpression();
    }
    if (firstEntry && startsComprehensionClause()) {
      if (!key) error("dict unpacking cannot be used in dict comprehension", spanFrom(entryTok));
      auto comprehension = makeExpr(ExprKind::DictComp, tokenRange(open));
      comprehension->a = std::move(key);
      comprehension->b = std::move(value);
      parseComprehensionClauses(comprehension->generators);
      expect(TK::RBrace);
      finish(*comprehension);
      return comprehension;
    }
    firstEntry = false;
    dict->items.push_back(std::move(key));
    dict->values.push_back(std::move(value));
    if (!accept(TK::Comma) || check(TK::RBrace)) break;
  }
  expect(TK::RBrace);
  finish(*dict);
  return dict;
}

void Parser::parseComprehensionClauses(std::vector<Comprehension>& out) {
  while (startsComprehensionClause()) {
    Comprehension clause;
    clause.isAsync = accept(TK::KwAsync);
    advance();
    clause.target = parseForTarget();
    clause.iter = parseDisjunction();
    while (accept(TK::KwIf))
      clause.ifs.push_back(parseDisjunction());
    out.push_back(std::move(clause));
  }
}

ExprPtr Parser::parseYield() {
  const Token& yieldTok = advance();
  auto yield = makeExpr(ExprKind::Yield, tokenRange(yieldTok));
  if (accept(TK::KwFrom)) {
    yield->kind = ExprKind::YieldFrom;
    yield->a = parseExpression();
  } else if (startsExpression(kind()) || check(TK::Star)) {
    yield->a = parseStarExpressions();
  }
  finish(*yield);
  return yield;
}

ExprPtr Parser::parseLambda() {
  const Token& lambdaTok = advance();
  Nesting nesting(*this, 1, kTooComplex);
  auto lambda = makeExpr(ExprKind::Lambda, tokenRange(lambdaTok));
  lambda->arguments = parseParameters(true);
  expect(TK::Colon);
  FunctionScope function(*this);
  lambda->a = parseExpression();
  finish(*lambda);
  return lambda;
}

ExprPtr Parser::parseSlices() {
  const Token& startTok = cur();
  ExprPtr first = parseSlice();
  // A lone starred item still makes a tuple: a[*b] is a[(*b,)].
  if (!check(TK::Comma) && first->kind != ExprKind::Starred) return first;
  auto tuple = makeExpr(ExprKind::Tuple, tokenRange(startTok));
  tuple->items.push_back(std::move(first));
  while (accept(TK::Comma)) {
    if (check(TK::RBracket)) break;
    tuple->items.push_back(parseSlice());
  }
  finish(*tuple);
  return tuple;
}

ExprPtr Parser::parseSlice() {
  if (check(TK::Star)) return parseStarred(true);
  const Token& startTok = cur();
  ExprPtr lower;
  if (!check(TK::Colon)) {
    const bool walrus = check(TK::Name) && kind(1) == TK::ColonEqual;
    lower = parseNamedExpression(true);
    if (!check(TK::Colon)) return lower;
    if (walrus) failInvalid();  // a slice bound is an expression, not a named expression
  }
  advance();
  auto slice = makeExpr(ExprKind::Slice, tokenRange(startTok));
  slice->a = std::move(lower);
  auto atEnd = [&] { return check(TK::Comma) || check(TK::RBracket); };
  if (!atEnd() && !check(TK::Colon)) slice->b = parseExpression();
  if (accept(TK::Colon) && !atEnd()) slice->c = parseExpression();
  finish(*slice);
  return slice;
}

void Parser::parseCallArguments(std::vector<ExprPtr>& args, std::vector<Keyword>& keywords,
                                bool allowGenerator, const Token& open) {
  bool sawKeyword = false, sawKeywordUnpack = false;
  std::unordered_set<std::string_view> keywordNames;
  // CPython reports a misplaced positional argument once the rest of the list has parsed as far
  // as it goes, at the furthest token read; only a more specific error in the rest beats it.
  const char* misplaced = nullptr;
  // Like CPython, at the last token read (lookahead included).
  auto reportMisplaced = [&] { errorAtToken(misplaced, std::max(pos_, reach_)); };
  // An argument that fails to parse after keywords may still count as a misplaced positional
  // one for CPython, whose PEG parser keeps the part that parses (not followed by '=').
  size_t argStart = pos_;
  bool argIsKeyword = false;
  try {
    while (!check(TK::RParen)) {
      const Token& t = cur();
      argStart = pos_;
      argIsKeyword = check(TK::Name) && kind(1) == TK::Equal;
      if (check(TK::Star)) {
        ExprPtr starred = parseStarred(true);
        if (startsComprehensionClause())
          error("iterable unpacking cannot be used in comprehension", *starred);
        if (sawKeywordUnpack) {
          error("iterable argument unpacking follows keyword argument unpacking", t);
        }
        args.push_back(std::move(starred));
      } else if (check(TK::DoubleStar)) {
        advance();
        Keyword keyword;
        keyword.value = parseExpression();
        keyword.range = spanFrom(t);
        keywords.push_back(std::move(keyword));
        sawKeywordUnpack = true;
      } else if (check(TK::Name) && kind(1) == TK::Equal) {
        advance();
        advance();
        Keyword keyword;
        keyword.name = std::string(t.text);
        keyword.value = parseExpression();
        keyword.range = spanFrom(t);
        if (check(TK::KwFor)) {
          error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", t);
        }
        if (!keywordNames.insert(t.text).second) {
          error("keyword argument repeated: " + keyword.name, keyword.range);
        }
        keywords.push_back(std::move(keyword));
        sawKeyword = true;
      } else if ((check(TK::KwTrue) || check(TK::KwFalse) || check(TK::KwNone)) &&
                 kind(1) == TK::Equal) {
        error("cannot assign to " + std::string(t.text), t);
      } else {
        ExprPtr e = parseNamedExpression(false);
        if (check(TK::Equal)) {
          error("expression cannot contain assignment, perhaps you meant \"==\"?", *e);
        }
        if (startsComprehensionClause()) {
          if (!allowGenerator) failInvalid();
          auto generator = makeExpr(ExprKind::GeneratorExp, e->range);
          generator->a = std::move(e);
          parseComprehensionClauses(generator->generators);
          finish(*generator);
          if (!args.empty() || !keywords.empty() || !check(TK::RParen)) {
            error("Generator expression must be parenthesized", *generator);
          }
          // The call's parentheses double as the generator's, so its range covers them.
          generator->range = SourceRange{open.line, open.col, cur().endLine, cur().endCol};
          args.push_back(std::move(generator));
          continue;
        }
        if (misplaced == nullptr && sawKeywordUnpack) {
          misplaced = "positional argument follows keyword argument unpacking";
        } else if (misplaced == nullptr && sawKeyword) {
          misplaced = "positional argument follows keyword argument";
        }
        args.push_back(std::move(e));
      }
      if (!accept(TK::Comma)) break;
    }
  } catch (const SyntaxError& e) {
    if (isPlainInvalidSyntax(e) && !speculating_) {
      if (misplaced == nullptr && (sawKeyword || sawKeywordUnpack) && !argIsKeyword &&
          speculateAt(argStart, [&] {
            parseNamedExpression(false);
            return !check(TK::Equal);
          })) {
        misplaced = sawKeywordUnpack ? "positional argument follows keyword argument unpacking"
                                     : "positional argument follows keyword argument";
      }
      if (misplaced != nullptr) reportMisplaced();
    }
    throw;
  }
  if (misplaced != nullptr) {
    if (!check(TK::RParen)) diagnoseJuxtaposition();
    reportMisplaced();
  }
}

}  // namespace parser_internal
}  // namespace gilsim
