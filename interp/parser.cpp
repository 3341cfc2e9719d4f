#include "interp/parser.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <string>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include "interp/lexer.h"
#include "interp/syntax_error.h"
#include "interp/token.h"

namespace gilsim {
namespace {

using TK = TokenKind;

// Nesting budget. Every recursive construct spends from it, so the C++ stack stays bounded
// whatever the input. A bracket costs kBracketCost, which caps bracket nesting at 200 like
// CPython's tokenizer. Links of left-associative chains (a+b+c, a.b.c, f()()) cost one unit each:
// they do not recurse here, but they deepen the tree that the later passes walk recursively.
constexpr int kMaxDepth = 1000;
constexpr int kBracketCost = 5;
constexpr int kBlockCost = 5;
constexpr size_t kNoToken = static_cast<size_t>(-1);

constexpr const char* kInvalidSyntax = "invalid syntax";
constexpr const char* kTooManyParens = "too many nested parentheses";
constexpr const char* kTooComplex = "expression too complex";
constexpr const char* kTooManyIndents = "too many levels of indentation";

bool isStringToken(TK kind) {
  return kind == TK::String || kind == TK::Bytes || kind == TK::FString;
}

bool isSoftKeyword(std::string_view name) {
  return name == "match" || name == "case" || name == "_";
}

// Tokens that can begin an expression.
bool startsExpression(TK kind) {
  switch (kind) {
    case TK::Name:
    case TK::Int:
    case TK::Float:
    case TK::Imaginary:
    case TK::String:
    case TK::Bytes:
    case TK::FString:
    case TK::LParen:
    case TK::LBracket:
    case TK::LBrace:
    case TK::Minus:
    case TK::Plus:
    case TK::Tilde:
    case TK::KwNot:
    case TK::KwLambda:
    case TK::KwAwait:
    case TK::KwTrue:
    case TK::KwFalse:
    case TK::KwNone:
    case TK::Ellipsis:
      return true;
    default:
      return false;
  }
}

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

bool augmentedOperator(TK kind, BinaryOperator& op) {
  switch (kind) {
    case TK::PlusEqual:
      op = BinaryOperator::Add;
      return true;
    case TK::MinusEqual:
      op = BinaryOperator::Sub;
      return true;
    case TK::StarEqual:
      op = BinaryOperator::Mul;
      return true;
    case TK::AtEqual:
      op = BinaryOperator::MatMul;
      return true;
    case TK::SlashEqual:
      op = BinaryOperator::TrueDiv;
      return true;
    case TK::DoubleSlashEqual:
      op = BinaryOperator::FloorDiv;
      return true;
    case TK::PercentEqual:
      op = BinaryOperator::Mod;
      return true;
    case TK::DoubleStarEqual:
      op = BinaryOperator::Pow;
      return true;
    case TK::LeftShiftEqual:
      op = BinaryOperator::LShift;
      return true;
    case TK::RightShiftEqual:
      op = BinaryOperator::RShift;
      return true;
    case TK::PipeEqual:
      op = BinaryOperator::BitOr;
      return true;
    case TK::CaretEqual:
      op = BinaryOperator::BitXor;
      return true;
    case TK::AmperEqual:
      op = BinaryOperator::BitAnd;
      return true;
    default:
      return false;
  }
}

// How CPython names an expression in "cannot assign to %s" and friends.
std::string exprName(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name:
      return "name";
    case ExprKind::Constant:
      switch (e.constant.kind) {
        case ConstantKind::None:
          return "None";
        case ConstantKind::True:
          return "True";
        case ConstantKind::False:
          return "False";
        case ConstantKind::Ellipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return "f-string expression";
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
    case ExprKind::BoolOp:
      return "expression";
    case ExprKind::Compare:
      return "comparison";
    case ExprKind::Call:
      return "function call";
    case ExprKind::Attribute:
      return "attribute";
    case ExprKind::Subscript:
      return "subscript";
    case ExprKind::Slice:
      return "slice";
    case ExprKind::List:
      return "list";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::Dict:
      return "dict literal";
    case ExprKind::Set:
      return "set display";
    case ExprKind::ListComp:
      return "list comprehension";
    case ExprKind::SetComp:
      return "set comprehension";
    case ExprKind::DictComp:
      return "dict comprehension";
    case ExprKind::GeneratorExp:
      return "generator expression";
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::IfExp:
      return "conditional expression";
    case ExprKind::Starred:
      return "starred";
    case ExprKind::NamedExpr:
      return "named expression";
    case ExprKind::Yield:
      return "yield expression";
  }
  return "expression";
}

// The first sub-expression of `e` that cannot be an assignment (or del) target, or null.
const Expr* invalidTarget(const Expr& e, ExprContext context) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      return nullptr;
    case ExprKind::Starred:
      return context == ExprContext::Del ? &e : invalidTarget(*e.a, context);
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const ExprPtr& item : e.items) {
        if (const Expr* bad = invalidTarget(*item, context)) return bad;
      }
      return nullptr;
    default:
      return &e;
  }
}

void setContext(Expr& e, ExprContext context) {
  switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      e.context = context;
      break;
    case ExprKind::Starred:
      e.context = context;
      setContext(*e.a, context);
      break;
    case ExprKind::Tuple:
    case ExprKind::List:
      e.context = context;
      for (ExprPtr& item : e.items)
        setContext(*item, context);
      break;
    default:
      break;
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

// Accumulates the parts of a JoinedStr, merging adjacent literal text as CPython does.
struct JoinedBuilder {
  std::vector<ExprPtr> values;
  std::string literal;
  SourceRange range;  // literal parts get the range of the whole string, like CPython 3.11

  void addLiteral(std::string_view text) { literal += text; }
  void addValue(ExprPtr value) {
    flush();
    values.push_back(std::move(value));
  }
  void flush() {
    if (literal.empty()) return;
    auto part = std::make_unique<Expr>(ExprKind::Constant, range);
    part->constant.kind = ConstantKind::Str;
    part->constant.text = std::move(literal);
    literal.clear();
    values.push_back(std::move(part));
  }
};

// One f-string literal being split into parts.
struct FStringSource {
  std::string_view body;  // the raw text between the quotes
  bool raw = false;
  int line = 1, col = 1;            // where body[0] is in the source
  int errorLine = 1, errorCol = 1;  // CPython 3.11 reports f-string errors just past the literal
  // Position cache for locate(): offsets are requested mostly in increasing order.
  size_t cacheOffset = 0;
  int cacheLine = 1, cacheCol = 1;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, int depth, int functionDepth)
      : tokens_(std::move(tokens)), depth_(depth), functionDepth_(functionDepth) {
    if (tokens_.empty() || tokens_.back().kind != TK::EndOfFile) {
      Token eof;
      if (!tokens_.empty()) {
        eof.line = eof.endLine = tokens_.back().endLine;
        eof.col = eof.endCol = tokens_.back().endCol;
      } else {
        eof.line = eof.endLine = eof.col = eof.endCol = 1;
      }
      tokens_.push_back(eof);
    }
    displayAt_.assign(tokens_.size(), false);
  }

  Module parseModule();
  ExprPtr parseFStringExpression();
    // The furthest token the parser ever looked at, speculation included: whether it reached a
  // given point.
  size_t reach() const { return reach_; }

 private:
  // ---- Nesting guards -------------------------------------------------------------------------

  // Spends `amount` of the nesting budget until destroyed; more can be added (chains).
  class Nesting {
   public:
    Nesting(Parser& parser, int amount, const char* message) : parser_(parser) {
      add(amount, message);
    }
    ~Nesting() { parser_.depth_ -= spent_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    void add(int amount, const char* message) {
      if (parser_.depth_ + amount > kMaxDepth) parser_.tooDeep(message);
      parser_.depth_ += amount;
      spent_ += amount;
    }

   private:
    Parser& parser_;
    int spent_ = 0;
  };

  // Inside (), [] or {}: spends budget and tells the "forgot a comma" heuristic we are nested.
  class BracketScope {
   public:
    explicit BracketScope(Parser& parser)
        : parser_(parser), nesting_(parser, kBracketCost, kTooManyParens) {
      ++parser_.bracketDepth_;
    }
    ~BracketScope() { --parser_.bracketDepth_; }
    BracketScope(const BracketScope&) = delete;
    BracketScope& operator=(const BracketScope&) = delete;

   private:
    Parser& parser_;
    Nesting nesting_;
  };

  class FunctionScope {
   public:
    explicit FunctionScope(Parser& parser) : parser_(parser) { ++parser_.functionDepth_; }
    ~FunctionScope() { --parser_.functionDepth_; }
    FunctionScope(const FunctionScope&) = delete;
    FunctionScope& operator=(const FunctionScope&) = delete;

   private:
    Parser& parser_;
  };

  // ---- Token access ---------------------------------------------------------------------------

  const Token& at(size_t index) {
    if (index >= tokens_.size()) index = tokens_.size() - 1;
        // CPython reports a plain "invalid syntax" at the furthest token it looked at.
    furthest_ = std::max(furthest_, index);
    reach_ = std::max(reach_, index);
    return tokens_[index];
  }
  const Token& cur() { return at(pos_); }
  TK kind(size_t ahead = 0) { return at(pos_ + ahead).kind; }
  bool check(TK k) { return kind() == k; }
  const Token& advance() {
    const Token& t = tokens_[pos_];
    if (t.kind != TK::EndOfFile) {
      ++pos_;
      if (t.kind != TK::Newline && t.kind != TK::Indent && t.kind != TK::Dedent) {
        lastEndLine_ = t.endLine;
        lastEndCol_ = t.endCol;
      }
    }
    return t;
  }
  bool accept(TK k) {
    if (!check(k)) return false;
    advance();
    return true;
  }
  void expect(TK k) {
    if (!accept(k)) failInvalid();
  }
  const Token& expectName() {
    if (!check(TK::Name)) failInvalid();
    return advance();
  }
  bool atSimpleStatementEnd() {
    return check(TK::Newline) || check(TK::Semicolon) || check(TK::EndOfFile);
  }

  // From the start of `t` to the end of the last token consumed.
  SourceRange spanFrom(const Token& t) const {
    return SourceRange{t.line, t.col, lastEndLine_, lastEndCol_};
  }
  SourceRange spanFrom(const SourceRange& r) const {
    return SourceRange{r.line, r.col, lastEndLine_, lastEndCol_};
  }
  static SourceRange tokenRange(const Token& t) {
    return SourceRange{t.line, t.col, t.endLine, t.endCol};
  }
  void finish(Expr& e) const {
    e.range.endLine = lastEndLine_;
    e.range.endCol = lastEndCol_;
  }
  void finish(Stmt& s) const {
    s.range.endLine = lastEndLine_;
    s.range.endCol = lastEndCol_;
  }
  static ExprPtr makeExpr(ExprKind kind, const SourceRange& range) {
    return std::make_unique<Expr>(kind, range);
  }
  static StmtPtr makeStmt(StmtKind kind, const Token& start) {
    return std::make_unique<Stmt>(kind, tokenRange(start));
  }

  // ---- Errors ---------------------------------------------------------------------------------

  [[noreturn]] void errorAt(const std::string& message, int line, int col,
                            const char* kind = "SyntaxError") {
    throw SyntaxError(message, line, col, kind);
  }
  [[noreturn]] void error(const std::string& message, const SourceRange& range) {
    errorAt(message, range.line, range.col);
  }
  [[noreturn]] void error(const std::string& message, const Expr& e) { error(message, e.range); }
  [[noreturn]] void error(const std::string& message, const Token& t) {
    errorAtToken(message, static_cast<size_t>(&t - tokens_.data()));
  }
  [[noreturn]] void errorAtToken(const std::string& message, size_t index,
                                 const char* kind = "SyntaxError");
  [[noreturn]] void unexpectedIndent(size_t indentIndex);
  [[noreturn]] void failInvalid();
  [[noreturn]] void tooDeep(const char* message);

  // ---- Speculation (only ever used to pick a better error message) ------------------------------

  template <typename Fn>
  bool speculateAt(size_t start, Fn&& fn) {
    const size_t savedPos = pos_, savedFurthest = furthest_;
    const size_t savedDisjStart = lastDisjStart_, savedDisjEnd = lastDisjEnd_;
    const int savedLine = lastEndLine_, savedCol = lastEndCol_;
    const bool savedSpeculating = speculating_;
    pos_ = start;
    speculating_ = true;
    bool ok = true;
    try {
      ok = fn();
    } catch (const SyntaxError&) {
      ok = false;
    }
    pos_ = savedPos;
    furthest_ = savedFurthest;
    lastDisjStart_ = savedDisjStart;
    lastDisjEnd_ = savedDisjEnd;
    lastEndLine_ = savedLine;
    lastEndCol_ = savedCol;
    speculating_ = savedSpeculating;
    return ok;
  }
  // While speculating, parse the way CPython's PEG parser does: an operator whose right-hand side
  // does not parse is left unconsumed rather than failing the whole expression (so in `f(a 1+)`
  // the `1+` still counts as an expression that starts after `a`). Returns false if it backed off.
  template <typename Fn>
  bool lenient(Fn&& fn) {
    if (!speculating_) {
      fn();
      return true;
    }
    const size_t savedPos = pos_;
    const int savedLine = lastEndLine_, savedCol = lastEndCol_;
    try {
      fn();
      return true;
    } catch (const SyntaxError&) {
      pos_ = savedPos;
      lastEndLine_ = savedLine;
      lastEndCol_ = savedCol;
      return false;
    }
  }
  bool spansBitwiseOr(size_t from, size_t to);
  bool bitwiseOrWithoutAssignment(size_t from);
  bool assignmentLooksLikeComparison(size_t start, size_t equalIndex);
  void diagnoseStrayEquals(size_t start, const Expr& e);

  // ---- Statements -----------------------------------------------------------------------------

  void parseStatement(Body& out);
  void parseSimpleStatements(Body& out);
  StmtPtr parseSimpleStatement();
  StmtPtr parseExpressionStatement();
  StmtPtr parseAssignment(const Token& startTok, size_t start, ExprPtr first);
  StmtPtr parseAnnotated(const Token& startTok, ExprPtr target);
  StmtPtr parseImport();
  StmtPtr parseFromImport();
  Alias parseImportAlias(bool dotted);
  StmtPtr parseDelete();
  StmtPtr parseIf();
  StmtPtr parseWhile();
  StmtPtr parseFor();
  StmtPtr parseTry();
  StmtPtr parseWith();
  bool parenthesizedWithItems();
  WithItem parseWithItem();
  StmtPtr parseDecorated();
  StmtPtr parseFunctionDef();
  StmtPtr parseClassDef();
  std::unique_ptr<Arguments> parseParameters(bool isLambda);
  Body parseBlock(const std::string& what, int line);
  void expectColonSoft();
  void expectColonForced();
  [[noreturn]] void unsupportedAsync();

  // ---- Targets --------------------------------------------------------------------------------

  void makeTarget(Expr& e, ExprContext context);
  void checkStarredTargets(const Expr& e, bool inSequence);
  void rejectBareStarred(const Expr* e);
  ExprPtr parseTargetList();
  ExprPtr parseTargetItem();

  // ---- Expressions ----------------------------------------------------------------------------

  ExprPtr parseStarExpressions();
  ExprPtr parseStarExpression();
  ExprPtr parseStarNamedExpression();
  ExprPtr parseNamedExpression(bool diagnoseEquals);
  ExprPtr parseExpression();
  ExprPtr parseDisjunction();
  ExprPtr parseConjunction();
  ExprPtr parseInversion();
  ExprPtr parseComparison();
  ExprPtr parseBitwiseOr() { return parseBinary(1); }
  ExprPtr parseBinary(int minPrecedence);
  ExprPtr parseFactor();
  ExprPtr parsePower();
  ExprPtr parsePrimary();
  ExprPtr parseAtom();
  ExprPtr parseParenthesized();
  ExprPtr parseListDisplay();
  ExprPtr parseBraceDisplay();
  ExprPtr parseDictDisplay(const Token& open, ExprPtr firstKey);
  ExprPtr parseStarred(bool fullExpression = false);
  ExprPtr parseYield();
  ExprPtr parseLambda();
  ExprPtr parseSlices();
  ExprPtr parseSlice();
  void parseCallArguments(std::vector<ExprPtr>& args, std::vector<Keyword>& keywords,
                          bool allowGenerator, const Token& open);
  void parseComprehensionClauses(std::vector<Comprehension>& out);
  void markDisplay(size_t index) { displayAt_[index] = true; }

  // ---- Strings --------------------------------------------------------------------------------

  ExprPtr parseStrings();
  void parseFString(const Token& tok, const Token& lastTok, JoinedBuilder& out);
  void parseFStringPart(FStringSource& src, size_t& i, int level, JoinedBuilder& out);
  void parseFStringField(FStringSource& src, size_t& i, int level, JoinedBuilder& out);
  ExprPtr compileFStringExpression(std::string_view text, int line, int col);
  [[noreturn]] void fstringError(const FStringSource& src, const std::string& message) {
    errorAt(message, src.errorLine, src.errorCol);
  }
  static void locate(FStringSource& src, size_t offset, int& line, int& col);

  std::vector<Token> tokens_;
  size_t pos_ = 0;
    size_t furthest_ = 0;
  size_t reach_ = 0;
  int depth_ = 0;
  int functionDepth_ = 0;
  int bracketDepth_ = 0;
  bool speculating_ = false;
  // Token span of the disjunction that most recently ended an `expression`: two expressions side
  // by side are diagnosed from it ("Perhaps you forgot a comma?", "Missing parentheses").
  size_t lastDisjStart_ = kNoToken, lastDisjEnd_ = kNoToken;
  // Where a tuple, list or generator display starts: CPython does not offer "Maybe you meant
  // '=='" for targets that begin with one.
  std::vector<bool> displayAt_;
  int lastEndLine_ = 1, lastEndCol_ = 1;
};

// ================================================================================================
// Errors

void Parser::errorAtToken(const std::string& message, size_t index, const char* kind) {
  index = std::min(index, tokens_.size() - 1);
  // Dedent tokens carry no useful column: CPython points at the next real token, and at the end
  // of the last line when the file ends there.
  while (tokens_[index].kind == TK::Dedent && index + 1 < tokens_.size())
    ++index;
  if (tokens_[index].kind == TK::EndOfFile) {
    for (size_t j = index; j > 0; --j) {
      const Token& t = tokens_[j - 1];
      if (t.kind == TK::Dedent || t.kind == TK::Indent) continue;
      if (t.kind == TK::Newline) errorAt(message, t.line, t.col, kind);
      errorAt(message, t.endLine, t.endCol, kind);
    }
  }
  if (tokens_[index].kind == TK::Indent) unexpectedIndent(index);
  errorAt(message, tokens_[index].line, tokens_[index].col, kind);
}

void Parser::unexpectedIndent(size_t indentIndex) {
  // CPython puts the caret on the last character of the indentation.
  const Token& next = tokens_[std::min(indentIndex + 1, tokens_.size() - 1)];
  errorAt("unexpected indent", next.line, std::max(1, next.col - 1), "IndentationError");
}

void Parser::tooDeep(const char* message) {
  if (message == kTooManyIndents) {
    errorAtToken(message, pos_, "IndentationError");
  }
  errorAtToken(message, pos_);
}

void Parser::failInvalid() {
  // Two expressions side by side. CPython's second pass tries a few rules that explain the
  // likely mistake; emulate the two common ones when an expression has just ended here.
  if (!speculating_ && pos_ == lastDisjEnd_ && lastDisjStart_ < lastDisjEnd_ &&
      startsExpression(kind())) {
    const size_t start = lastDisjStart_;
    const Token& a = tokens_[start];
    const bool singleName = a.kind == TK::Name && lastDisjEnd_ == start + 1;
    if (singleName && (a.text == "print" || a.text == "exec") &&
        speculateAt(pos_, [&] { return parseStarExpressions() != nullptr; })) {
      const std::string name(a.text);
      errorAt("Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?",
              a.line, a.col);
    }
    const bool excluded =
        a.kind == TK::Name && (isStringToken(tokens_[start + 1].kind) || isSoftKeyword(a.text));
    if (bracketDepth_ > 0 && !excluded &&
        speculateAt(pos_, [&] { return parseExpression() != nullptr; })) {
      errorAt("invalid syntax. Perhaps you forgot a comma?", a.line, a.col);
    }
  }
  errorAtToken(kInvalidSyntax, std::max(pos_, furthest_));
}

bool Parser::spansBitwiseOr(size_t from, size_t to) {
  return speculateAt(from, [&] {
    parseBitwiseOr();
    return pos_ == to;
  });
}

bool Parser::bitwiseOrWithoutAssignment(size_t from) {
  return speculateAt(from, [&] {
    parseBitwiseOr();
    return !check(TK::Equal) && !check(TK::ColonEqual);
  });
}

// CPython's invalid_named_expression: `target = value` where `target` is a bitwise-or-level
// expression that cannot be assigned to, and `value` is not followed by another '='.
bool Parser::assignmentLooksLikeComparison(size_t start, size_t equalIndex) {
  if (speculating_) return false;
  const TK first = tokens_[start].kind;
  if (first == TK::KwTrue || first == TK::KwFalse || first == TK::KwNone || displayAt_[start]) {
    return false;
  }
  return spansBitwiseOr(start, equalIndex) && bitwiseOrWithoutAssignment(equalIndex + 1);
}

// An expression that started at token `start` is followed by a stray '=' where only an
// expression is allowed (an `if` condition, a list element, ...). Throws CPython's helpful
// message when it applies; otherwise returns and the caller reports "invalid syntax".
void Parser::diagnoseStrayEquals(size_t start, const Expr& e) {
  if (speculating_ || !check(TK::Equal)) return;
  const size_t equalIndex = pos_;
  if (!bitwiseOrWithoutAssignment(equalIndex + 1)) return;
  if (e.kind == ExprKind::Name && equalIndex == start + 1) {
    error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e);
  }
  if (assignmentLooksLikeComparison(start, equalIndex)) {
    error("cannot assign to " + exprName(e) + " here. Maybe you meant '==' instead of '='?", e);
  }
}

// ================================================================================================
// Statements

Module Parser::parseModule() {
  Module module;
  while (true) {
    while (check(TK::Newline))
      advance();
    if (check(TK::EndOfFile)) break;
    parseStatement(module.body);
  }
  return module;
}

void Parser::parseStatement(Body& out) {
  switch (kind()) {
    case TK::Indent:
      unexpectedIndent(pos_);
    case TK::KwIf:
      out.push_back(parseIf());
      return;
    case TK::KwWhile:
      out.push_back(parseWhile());
      return;
    case TK::KwFor:
      out.push_back(parseFor());
      return;
    case TK::KwTry:
      out.push_back(parseTry());
      return;
    case TK::KwWith:
      out.push_back(parseWith());
      return;
    case TK::KwDef:
    case TK::KwClass:
    case TK::At:
      out.push_back(parseDecorated());
      return;
    case TK::KwAsync:
      unsupportedAsync();
    default:
      parseSimpleStatements(out);
      return;
  }
}

void Parser::unsupportedAsync() {
  const TK next = kind(1);
  if (next == TK::KwDef || next == TK::KwFor || next == TK::KwWith) {
    error("'async' is not supported", cur());
  }
  failInvalid();
}

void Parser::parseSimpleStatements(Body& out) {
  while (true) {
    out.push_back(parseSimpleStatement());
    if (!accept(TK::Semicolon)) break;
    if (check(TK::Newline) || check(TK::EndOfFile)) break;
  }
  if (!accept(TK::Newline) && !check(TK::EndOfFile)) failInvalid();
}

StmtPtr Parser::parseSimpleStatement() {
  const Token& start = cur();
  StmtPtr s;
  switch (start.kind) {
    case TK::KwPass:
    case TK::KwBreak:
    case TK::KwContinue:
      advance();
      s = makeStmt(start.kind == TK::KwPass    ? StmtKind::Pass
                   : start.kind == TK::KwBreak ? StmtKind::Break
                                               : StmtKind::Continue,
                   start);
      break;
    case TK::KwReturn:
      advance();
      s = makeStmt(StmtKind::Return, start);
      if (!atSimpleStatementEnd()) {
        s->value = parseStarExpressions();
        rejectBareStarred(s->value.get());
      }
      break;
    case TK::KwRaise:
      advance();
      s = makeStmt(StmtKind::Raise, start);
      if (!atSimpleStatementEnd()) {
        s->value = parseExpression();
        if (accept(TK::KwFrom)) s->cause = parseExpression();
      }
      break;
    case TK::KwGlobal:
    case TK::KwNonlocal:
      advance();
      s = makeStmt(start.kind == TK::KwGlobal ? StmtKind::Global : StmtKind::Nonlocal, start);
      do {
        s->names.emplace_back(expectName().text);
      } while (accept(TK::Comma));
      break;
    case TK::KwAssert:
      advance();
      s = makeStmt(StmtKind::Assert, start);
      s->test = parseExpression();
      if (accept(TK::Comma)) s->cause = parseExpression();
      break;
    case TK::KwDel:
      return parseDelete();
    case TK::KwImport:
      return parseImport();
    case TK::KwFrom:
      return parseFromImport();
    default:
      return parseExpressionStatement();
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseExpressionStatement() {
  const Token& startTok = cur();
  const size_t start = pos_;
  ExprPtr first = check(TK::KwYield) ? parseYield() : parseStarExpressions();
  if (check(TK::Equal)) return parseAssignment(startTok, start, std::move(first));
  BinaryOperator op;
  if (augmentedOperator(kind(), op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      error("'" + exprName(*first) + "' is an illegal expression for augmented assignment", *first);
    }
    advance();
    auto s = makeStmt(StmtKind::AugAssign, startTok);
    setContext(*first, ExprContext::Store);
    s->target = std::move(first);
    s->augOp = op;
    s->value = check(TK::KwYield) ? parseYield() : parseStarExpressions();
    rejectBareStarred(s->value.get());
    finish(*s);
    return s;
  }
  if (check(TK::Colon)) return parseAnnotated(startTok, std::move(first));
  rejectBareStarred(first.get());
  auto s = makeStmt(StmtKind::Expr, startTok);
  s->value = std::move(first);
  finish(*s);
  return s;
}

StmtPtr Parser::parseAssignment(const Token& startTok, size_t start, ExprPtr first) {
  auto s = makeStmt(StmtKind::Assign, startTok);
  const size_t firstEqual = pos_;
  ExprPtr current = std::move(first);
  // Each target is checked as soon as its '=' is seen, so a bad target is reported even when
  // what follows is malformed too (as CPython does).
  while (check(TK::Equal)) {
    Expr& target = *current;
    if (const Expr* bad = invalidTarget(target, ExprContext::Store)) {
      if (s->targets.empty() && assignmentLooksLikeComparison(start, firstEqual)) {
        error(
            "cannot assign to " + exprName(target) + " here. Maybe you meant '==' instead of '='?",
            target);
      }
      if (target.kind == ExprKind::Yield) {
        error("assignment to yield expression not possible", target);
      }
      error("cannot assign to " + exprName(*bad), *bad);
    }
    checkStarredTargets(target, false);
    setContext(target, ExprContext::Store);
    s->targets.push_back(std::move(current));
    advance();
    current = check(TK::KwYield) ? parseYield() : parseStarExpressions();
  }
  rejectBareStarred(current.get());
  s->value = std::move(current);
  finish(*s);
  return s;
}

StmtPtr Parser::parseAnnotated(const Token& startTok, ExprPtr target) {
  const Expr& t = *target;
  if (t.kind == ExprKind::Tuple) {
    // Unparenthesised `a, b: int` is reported at `a`, a parenthesised tuple at its '('.
    const bool bare = !t.items.empty() && t.items[0]->range.line == t.range.line &&
                      t.items[0]->range.col == t.range.col;
    error("only single target (not tuple) can be annotated", bare ? *t.items[0] : t);
  }
  if (t.kind == ExprKind::List) error("only single target (not list) can be annotated", t);
  if (t.kind != ExprKind::Name && t.kind != ExprKind::Attribute && t.kind != ExprKind::Subscript) {
    error("illegal target for annotation", t);
  }
  advance();  // ':'
  auto s = makeStmt(StmtKind::AnnAssign, startTok);
  setContext(*target, ExprContext::Store);
  s->target = std::move(target);
  s->test = parseExpression();
  if (accept(TK::Equal)) {
    s->value = check(TK::KwYield) ? parseYield() : parseStarExpressions();
    rejectBareStarred(s->value.get());
  }
  finish(*s);
  return s;
}

Alias Parser::parseImportAlias(bool dotted) {
  const Token& first = expectName();
  Alias alias;
  alias.name = std::string(first.text);
  while (dotted && accept(TK::Dot)) {
    alias.name += '.';
    alias.name += expectName().text;
  }
  if (accept(TK::KwAs)) alias.asName = std::string(expectName().text);
  alias.range = spanFrom(first);
  return alias;
}

StmtPtr Parser::parseImport() {
  auto s = makeStmt(StmtKind::Import, advance());
  do {
    s->aliases.push_back(parseImportAlias(true));
  } while (accept(TK::Comma));
  finish(*s);
  return s;
}

StmtPtr Parser::parseFromImport() {
  auto s = makeStmt(StmtKind::ImportFrom, advance());
  while (check(TK::Dot) || check(TK::Ellipsis)) {
    s->level += check(TK::Dot) ? 1 : 3;
    advance();
  }
  if (check(TK::Name)) {
    s->module = std::string(advance().text);
    while (accept(TK::Dot)) {
      s->module += '.';
      s->module += expectName().text;
    }
  } else if (s->level == 0) {
    failInvalid();
  }
  expect(TK::KwImport);
  if (check(TK::Star)) {
    const Token& star = advance();
    Alias alias;
    alias.name = "*";
    alias.range = tokenRange(star);
    s->aliases.push_back(std::move(alias));
  } else if (check(TK::LParen)) {
    advance();
    BracketScope brackets(*this);
    s->aliases.push_back(parseImportAlias(false));
    while (accept(TK::Comma)) {
      if (check(TK::RParen)) break;
      s->aliases.push_back(parseImportAlias(false));
    }
    expect(TK::RParen);
  } else {
    s->aliases.push_back(parseImportAlias(false));
    while (accept(TK::Comma)) {
      if (atSimpleStatementEnd()) {
        error("trailing comma not allowed without surrounding parentheses", cur());
      }
      s->aliases.push_back(parseImportAlias(false));
    }
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseDelete() {
  auto s = makeStmt(StmtKind::Delete, advance());
  do {
    if (!s->targets.empty() && atSimpleStatementEnd()) break;  // trailing comma
    ExprPtr target = check(TK::Star) ? parseStarred() : parseExpression();
    makeTarget(*target, ExprContext::Del);
    s->targets.push_back(std::move(target));
  } while (accept(TK::Comma));
  finish(*s);
  return s;
}

// CPython names a missing ':' only when the line ends where the ':' should be.
void Parser::expectColonSoft() {
  if (accept(TK::Colon)) return;
  if (check(TK::Newline)) error("expected ':'", cur());
  failInvalid();
}

void Parser::expectColonForced() {
  if (!accept(TK::Colon)) error("expected ':'", cur());
}

Body Parser::parseBlock(const std::string& what, int line) {
  Body body;
  if (!accept(TK::Newline)) {
    parseSimpleStatements(body);
    return body;
  }
  if (!check(TK::Indent)) {
    errorAtToken("expected an indented block after " + what + " on line " + std::to_string(line),
                 pos_, "IndentationError");
  }
  advance();
  Nesting nesting(*this, kBlockCost, kTooManyIndents);
  while (!check(TK::Dedent) && !check(TK::EndOfFile)) {
    if (accept(TK::Newline)) continue;
    parseStatement(body);
  }
  accept(TK::Dedent);
  return body;
}

StmtPtr Parser::parseIf() {
  const Token& ifTok = advance();
  auto root = makeStmt(StmtKind::If, ifTok);
  root->test = parseNamedExpression(true);
  expectColonSoft();
  root->body = parseBlock("'if' statement", ifTok.line);
  // elif chains are built iteratively; each link still deepens the tree, so it is budgeted.
  Nesting chain(*this, 0, kTooComplex);
  std::vector<Stmt*> links{root.get()};
  while (check(TK::KwElif)) {
    chain.add(1, kTooComplex);
    const Token& elifTok = advance();
    auto elif = makeStmt(StmtKind::If, elifTok);
    elif->test = parseNamedExpression(true);
    expectColonSoft();
    elif->body = parseBlock("'elif' statement", elifTok.line);
    Stmt* next = elif.get();
    links.back()->orelse.push_back(std::move(elif));
    links.push_back(next);
  }
  if (check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    links.back()->orelse = parseBlock("'else' statement", elseTok.line);
  }
  for (Stmt* link : links)
    finish(*link);
  return root;
}

StmtPtr Parser::parseWhile() {
  const Token& whileTok = advance();
  auto s = makeStmt(StmtKind::While, whileTok);
  s->test = parseNamedExpression(true);
  expectColonSoft();
  s->body = parseBlock("'while' statement", whileTok.line);
  if (check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    s->orelse = parseBlock("'else' statement", elseTok.line);
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseFor() {
  const Token& forTok = advance();
  auto s = makeStmt(StmtKind::For, forTok);
  s->target = parseTargetList();
  makeTarget(*s->target, ExprContext::Store);
  expect(TK::KwIn);
  s->iter = parseStarExpressions();
  rejectBareStarred(s->iter.get());
  expectColonSoft();
  s->body = parseBlock("'for' statement", forTok.line);
  if (check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    s->orelse = parseBlock("'else' statement", elseTok.line);
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseTry() {
  const Token& tryTok = advance();
  auto s = makeStmt(StmtKind::Try, tryTok);
  expectColonForced();
  s->body = parseBlock("'try' statement", tryTok.line);
  const ExceptHandler* bare = nullptr;
  while (check(TK::KwExcept)) {
    const Token& exceptTok = advance();
    if (bare != nullptr) error("default 'except:' must be last", bare->range);
    if (check(TK::Star)) error("'except*' is not supported", exceptTok);
    ExceptHandler handler;
    if (!check(TK::Colon)) {
      if (check(TK::Newline)) error("expected ':'", cur());
      handler.type = parseExpression();
      if (check(TK::Comma)) error("multiple exception types must be parenthesized", *handler.type);
      if (accept(TK::KwAs)) handler.name = std::string(expectName().text);
    }
    expectColonSoft();
    handler.body = parseBlock("'except' statement", exceptTok.line);
    handler.range = spanFrom(exceptTok);
    s->handlers.push_back(std::move(handler));
    if (!s->handlers.back().type) bare = &s->handlers.back();
  }
  if (!s->handlers.empty() && check(TK::KwElse)) {
    const Token& elseTok = advance();
    expectColonForced();
    s->orelse = parseBlock("'else' statement", elseTok.line);
  }
  bool sawFinally = false;
  if (check(TK::KwFinally)) {
    const Token& finallyTok = advance();
    expectColonForced();
    s->finalBody = parseBlock("'finally' statement", finallyTok.line);
    sawFinally = true;
  }
  if (s->handlers.empty() && !sawFinally) error("expected 'except' or 'finally' block", cur());
  finish(*s);
  return s;
}

// `with (a as b, c):` groups items in parentheses, but `with (a, b) as c:` and `with (a)():` start
// with a parenthesised expression. The grouping form is the one whose ')' is followed by ':'.
bool Parser::parenthesizedWithItems() {
  if (tokens_[pos_ + 1].kind == TK::RParen) return false;  // `with ():` is an empty tuple
  int depth = 0;
  for (size_t i = pos_; i + 1 < tokens_.size(); ++i) {
    switch (tokens_[i].kind) {
      case TK::LParen:
      case TK::LBracket:
      case TK::LBrace:
        ++depth;
        break;
      case TK::RParen:
      case TK::RBracket:
      case TK::RBrace:
        if (--depth == 0) return tokens_[i + 1].kind == TK::Colon;
        break;
      case TK::Newline:
      case TK::EndOfFile:
        return false;
      default:
        break;
    }
  }
  return false;
}

WithItem Parser::parseWithItem() {
  WithItem item;
  item.context = parseExpression();
  if (accept(TK::KwAs)) {
    item.target = check(TK::Star) ? parseStarred() : parseExpression();
    makeTarget(*item.target, ExprContext::Store);
  }
  return item;
}

StmtPtr Parser::parseWith() {
  const Token& withTok = advance();
  auto s = makeStmt(StmtKind::With, withTok);
  if (check(TK::LParen) && parenthesizedWithItems()) {
    advance();
    BracketScope brackets(*this);
    s->withItems.push_back(parseWithItem());
    while (accept(TK::Comma)) {
      if (check(TK::RParen)) break;
      s->withItems.push_back(parseWithItem());
    }
    expect(TK::RParen);
  } else {
    do {
      s->withItems.push_back(parseWithItem());
    } while (accept(TK::Comma));
  }
  expectColonSoft();
  s->body = parseBlock("'with' statement", withTok.line);
  finish(*s);
  return s;
}

StmtPtr Parser::parseDecorated() {
  std::vector<ExprPtr> decorators;
  while (check(TK::At)) {
    advance();
    decorators.push_back(parseNamedExpression(true));
    if (!accept(TK::Newline)) failInvalid();
    while (accept(TK::Newline)) {
    }
  }
  StmtPtr s;
  if (check(TK::KwDef)) {
    s = parseFunctionDef();
  } else if (check(TK::KwClass)) {
    s = parseClassDef();
  } else if (check(TK::KwAsync)) {
    unsupportedAsync();
  } else {
    failInvalid();
  }
  s->decorators = std::move(decorators);
  return s;
}

StmtPtr Parser::parseFunctionDef() {
  const Token& defTok = advance();
  auto s = makeStmt(StmtKind::FunctionDef, defTok);
  s->name = std::string(expectName().text);
  if (!check(TK::LParen)) error("expected '('", cur());
  advance();
  {
    BracketScope brackets(*this);
    s->arguments = parseParameters(false);
    expect(TK::RParen);
  }
  // The return annotation is parsed for validity only: the AST has no place for annotations.
  if (check(TK::Arrow)) {
    // CPython backs off an unparsable `-> annotation` and then demands the ':' at the '->'.
    const size_t arrow = pos_;
    if (!speculateAt(pos_ + 1, [&] { return parseExpression() != nullptr; })) {
      errorAtToken("expected ':'", arrow);
    }
    advance();
    parseExpression();
  }
  expectColonForced();
  {
    FunctionScope function(*this);
    s->body = parseBlock("function definition", defTok.line);
  }
  finish(*s);
  return s;
}

StmtPtr Parser::parseClassDef() {
  const Token& classTok = advance();
  auto s = makeStmt(StmtKind::ClassDef, classTok);
  s->name = std::string(expectName().text);
  if (check(TK::LParen)) {
    const Token& open = advance();
    BracketScope brackets(*this);
    parseCallArguments(s->bases, s->keywords, false, open);
    expect(TK::RParen);
  }
  expectColonSoft();
  s->body = parseBlock("class definition", classTok.line);
  finish(*s);
  return s;
}

std::unique_ptr<Arguments> Parser::parseParameters(bool isLambda) {
  const TK closer = isLambda ? TK::Colon : TK::RParen;
  auto args = std::make_unique<Arguments>();
  bool sawSlash = false, sawStar = false, sawKwargs = false;
  std::vector<const Token*> names;
  // Annotations are parsed for validity only: the AST has no place for them.
  auto annotation = [&] {
    if (isLambda || !accept(TK::Colon)) return;
    if (check(TK::Star)) {
      parseStarred();  // `*args: *Ts`
    } else {
      parseExpression();
    }
  };
  while (!check(closer)) {
    const Token& t = cur();
    if (sawKwargs) error("arguments cannot follow var-keyword argument", t);
    if (check(TK::Slash)) {
      if (sawSlash) error("/ may appear only once", t);
      if (sawStar) error("/ must be ahead of *", t);
      if (args->positional.empty()) failInvalid();
      advance();
      sawSlash = true;
      args->positionalOnlyCount = static_cast<int>(args->positional.size());
    } else if (check(TK::Star)) {
      if (sawStar) error("* argument may appear only once", t);
      advance();
      sawStar = true;
      if (check(TK::Name)) {
        const Token& name = advance();
        names.push_back(&name);
        args->varargs =
            std::make_unique<Parameter>(Parameter{std::string(name.text), tokenRange(name)});
        annotation();
        if (check(TK::Equal)) error("var-positional argument cannot have default value", cur());
      } else if (check(TK::Comma) && kind(1) != closer && kind(1) != TK::DoubleStar) {
        // bare '*' followed by keyword-only parameters
      } else if (check(TK::Comma) || check(closer)) {
        // CPython points at the '*' in a def but at what follows it in a lambda.
        error("named arguments must follow bare *",
              isLambda ? at(pos_ + (check(TK::Comma) ? 1 : 0)) : t);
      } else {
        failInvalid();
      }
    } else if (check(TK::DoubleStar)) {
      advance();
      const Token& name = expectName();
      names.push_back(&name);
      args->kwargs =
          std::make_unique<Parameter>(Parameter{std::string(name.text), tokenRange(name)});
      annotation();
      if (check(TK::Equal)) error("var-keyword argument cannot have default value", cur());
      sawKwargs = true;
    } else {
      const Token& name = expectName();
      names.push_back(&name);
      annotation();
      ExprPtr value;
      if (check(TK::Equal)) {
        const Token& equal = advance();
        if (check(TK::Comma) || check(closer)) error("expected default value expression", equal);
        value = parseExpression();
      }
      Parameter parameter{std::string(name.text), tokenRange(name)};
      if (!sawStar) {
        if (value) {
          args->defaults.push_back(std::move(value));
        } else if (!args->defaults.empty()) {
          error("non-default argument follows default argument", name);
        }
        args->positional.push_back(std::move(parameter));
      } else {
        args->keywordOnly.push_back(std::move(parameter));
        args->keywordDefaults.push_back(std::move(value));
      }
    }
    if (!accept(TK::Comma)) break;
  }
  // CPython finds duplicates later (in its symbol table), so only after the list parsed cleanly.
  std::unordered_set<std::string_view> seen;
  for (const Token* name : names) {
    if (!seen.insert(name->text).second) {
      error("duplicate argument '" + std::string(name->text) + "' in function definition", *name);
    }
  }
  return args;
}

// ================================================================================================
// Targets

void Parser::makeTarget(Expr& e, ExprContext context) {
  if (const Expr* bad = invalidTarget(e, context)) {
    error((context == ExprContext::Del ? "cannot delete " : "cannot assign to ") + exprName(*bad),
          *bad);
  }
  if (context == ExprContext::Store) checkStarredTargets(e, false);
  setContext(e, context);
}

// The starred-target rules CPython's compiler enforces; cheap to check here with the positions.
void Parser::checkStarredTargets(const Expr& e, bool inSequence) {
  if (e.kind == ExprKind::Starred) {
    if (!inSequence) error("starred assignment target must be in a list or tuple", e);
    checkStarredTargets(*e.a, false);
  } else if (e.kind == ExprKind::Tuple || e.kind == ExprKind::List) {
    int starred = 0;
    for (const ExprPtr& item : e.items)
      starred += item->kind == ExprKind::Starred;
    if (starred > 1) error("multiple starred expressions in assignment", e);
    for (const ExprPtr& item : e.items) {
      if (item->kind == ExprKind::Starred) {
        checkStarredTargets(*item->a, false);
      } else {
        checkStarredTargets(*item, true);
      }
    }
  }
}

void Parser::rejectBareStarred(const Expr* e) {
  if (e != nullptr && e->kind == ExprKind::Starred) error("can't use starred expression here", *e);
}

// star_targets of `for` and comprehensions: parsed at bitwise-or level so `in` is not consumed.
ExprPtr Parser::parseTargetList() {
  const Token& startTok = cur();
  ExprPtr first = parseTargetItem();
  if (!check(TK::Comma)) return first;
  auto tuple = makeExpr(ExprKind::Tuple, tokenRange(startTok));
  tuple->items.push_back(std::move(first));
  while (accept(TK::Comma)) {
    if (!startsExpression(kind()) && !check(TK::Star)) break;
    tuple->items.push_back(parseTargetItem());
  }
  finish(*tuple);
  return tuple;
}

ExprPtr Parser::parseTargetItem() {
  if (!check(TK::Star)) return parseBitwiseOr();
  const Token& star = advance();
  auto starred = makeExpr(ExprKind::Starred, tokenRange(star));
  starred->a = parseBitwiseOr();
  finish(*starred);
  return starred;
}

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
  if (check(TK::ColonEqual)) error("cannot use assignment expressions with " + exprName(*e), *e);
  if (diagnoseEquals) diagnoseStrayEquals(start, *e);
  return e;
}

ExprPtr Parser::parseExpression() {
  if (check(TK::KwLambda)) return parseLambda();
  const size_t start = pos_;
  const Token& startTok = cur();
  ExprPtr body = parseDisjunction();
  if (!check(TK::KwIf)) {
    lastDisjStart_ = start;
    lastDisjEnd_ = pos_;
    return body;
  }
  auto ifExp = makeExpr(ExprKind::IfExp, tokenRange(startTok));
  Nesting nesting(*this, 1, kTooComplex);
  const bool complete = lenient([&] {
    advance();
    ifExp->a = parseDisjunction();
    if (!check(TK::KwElse)) {
      if (!check(TK::Colon) && !speculating_) {
        errorAt("expected 'else' after 'if' expression", startTok.line, startTok.col);
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
  if (check(TK::KwAwait)) {
    error(functionDepth_ > 0 ? "'await' outside async function" : "'await' outside function",
          cur());
  }
  ExprPtr base = parsePrimary();
  if (!check(TK::DoubleStar)) return base;
  Nesting nesting(*this, 2, kTooComplex);
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
    } else if (check(TK::LParen)) {
      if (!lenient([&] {
            const Token& open = advance();
            next = makeExpr(ExprKind::Call, e->range);
            BracketScope brackets(*this);
            parseCallArguments(next->items, next->keywords, true, open);
            expect(TK::RParen);
          })) {
        return e;
      }
    } else if (check(TK::LBracket)) {
      if (!lenient([&] {
            advance();
            next = makeExpr(ExprKind::Subscript, e->range);
            BracketScope brackets(*this);
            next->b = parseSlices();
            expect(TK::RBracket);
          })) {
        return e;
      }
    } else {
      return e;
    }
    next->a = std::move(e);
    finish(*next);
    e = std::move(next);
    chain.add(1, kTooComplex);
  }
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
    case TK::Imaginary: {
      advance();
      auto constant = makeExpr(ExprKind::Constant, tokenRange(t));
      constant->constant = numberConstant(t);
      return constant;
    }
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
  if (check(TK::KwFor)) {
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
    if (check(TK::KwFor)) {
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
      if (check(TK::RBracket)) break;
      list->items.push_back(parseStarNamedExpression());
    }
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
  if (check(TK::KwFor)) {
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
    if (check(TK::RBrace)) break;
    set->items.push_back(parseStarNamedExpression());
  }
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
    if (firstEntry && check(TK::KwFor)) {
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
  while (check(TK::KwFor)) {
    advance();
    Comprehension clause;
    clause.target = parseTargetList();
    makeTarget(*clause.target, ExprContext::Store);
    expect(TK::KwIn);
    clause.iter = parseDisjunction();
    while (accept(TK::KwIf))
      clause.ifs.push_back(parseDisjunction());
    out.push_back(std::move(clause));
  }
}

ExprPtr Parser::parseYield() {
  const Token& yieldTok = advance();
  auto yield = makeExpr(ExprKind::Yield, tokenRange(yieldTok));
  // `yield from x` has no node of its own; yield is unsupported past the parser anyway.
  if (accept(TK::KwFrom)) {
    yield->a = parseExpression();
  } else if (startsExpression(kind()) || check(TK::Star)) {
    yield->a = parseStarExpressions();
  }
  finish(*yield);
  return yield;
}

ExprPtr Parser::parseLambda() {
  const Token& lambdaTok = advance();
  Nesting nesting(*this, 2, kTooComplex);
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
  // CPython reports a misplaced positional argument only once the whole list has parsed, at the
  // token after it.
  const char* misplaced = nullptr;
  while (!check(TK::RParen)) {
    const Token& t = cur();
    if (check(TK::Star)) {
      ExprPtr starred = parseStarred(true);
      if (check(TK::KwFor)) error("iterable unpacking cannot be used in comprehension", *starred);
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
      if (check(TK::KwFor)) {
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
  if (misplaced != nullptr) errorAtToken(misplaced, std::max(pos_, furthest_));
}

// ================================================================================================
// Strings

ExprPtr Parser::parseStrings() {
  const Token& first = cur();
  size_t last = pos_;
  while (isStringToken(at(last + 1).kind))
    ++last;
  const Token& lastTok = tokens_[last];
  bool anyBytes = false, anyText = false, anyFString = false;
  for (size_t i = pos_; i <= last; ++i) {
    anyBytes |= tokens_[i].kind == TK::Bytes;
    anyText |= tokens_[i].kind != TK::Bytes;
    anyFString |= tokens_[i].kind == TK::FString;
  }
  if (anyBytes && anyText) {
    errorAt("cannot mix bytes and nonbytes literals", lastTok.endLine, lastTok.endCol);
  }
  const size_t firstIndex = pos_;
  while (pos_ <= last)
    advance();
  const SourceRange range = spanFrom(first);
  if (!anyFString) {
    auto constant = makeExpr(ExprKind::Constant, range);
    constant->constant.kind = anyBytes ? ConstantKind::Bytes : ConstantKind::Str;
    for (size_t i = firstIndex; i <= last; ++i)
      constant->constant.text += tokens_[i].value;
    return constant;
  }
  JoinedBuilder builder;
  builder.range = range;
  for (size_t i = firstIndex; i <= last; ++i) {
    if (tokens_[i].kind == TK::String) {
      builder.addLiteral(tokens_[i].value);
    } else {
      parseFString(tokens_[i], lastTok, builder);
    }
  }
  builder.flush();
  auto joined = makeExpr(ExprKind::JoinedStr, range);
  joined->items = std::move(builder.values);
  return joined;
}

void Parser::locate(FStringSource& src, size_t offset, int& line, int& col) {
  if (offset < src.cacheOffset) {
    src.cacheOffset = 0;
    src.cacheLine = src.line;
    src.cacheCol = src.col;
  }
  for (size_t k = src.cacheOffset; k < offset && k < src.body.size(); ++k) {
    const auto byte = static_cast<unsigned char>(src.body[k]);
    if (byte == '\n') {
      ++src.cacheLine;
      src.cacheCol = 1;
    } else if ((byte & 0xC0) != 0x80) {  // columns count code points
      ++src.cacheCol;
    }
  }
  src.cacheOffset = std::max(src.cacheOffset, std::min(offset, src.body.size()));
  line = src.cacheLine;
  col = src.cacheCol;
}

void Parser::parseFString(const Token& tok, const Token& lastTok, JoinedBuilder& out) {
  FStringSource src;
  src.body = tok.value;
  src.raw = tok.rawString;
  size_t prefix = 0;
  while (prefix < tok.text.size() && tok.text[prefix] != '\'' && tok.text[prefix] != '"') {
    ++prefix;
  }
  const bool triple = tok.text.size() >= prefix + 6 && tok.text[prefix + 1] == tok.text[prefix] &&
                      tok.text[prefix + 2] == tok.text[prefix];
  src.line = src.cacheLine = tok.line;
  src.col = src.cacheCol = tok.col + static_cast<int>(prefix) + (triple ? 3 : 1);
  src.errorLine = lastTok.endLine;
  src.errorCol = lastTok.endCol;
  size_t i = 0;
  parseFStringPart(src, i, 0, out);
}

// Literal text and replacement fields up to the end of the body (level 0) or up to the '}' that
// closes a format spec (level > 0, where '{{' is not an escape, as in CPython 3.11).
void Parser::parseFStringPart(FStringSource& src, size_t& i, int level, JoinedBuilder& out) {
  const std::string_view body = src.body;
  std::string pending;  // raw literal text awaiting escape processing
  size_t pendingStart = i;
  auto flush = [&] {
    if (!pending.empty()) {
      if (src.raw) {
        out.addLiteral(pending);
      } else {
        int line, col;
        locate(src, pendingStart, line, col);
        out.addLiteral(decodeStringEscapes(pending, false, false, line, col));
      }
      pending.clear();
    }
    pendingStart = i;
  };
  while (i < body.size()) {
    const char ch = body[i];
    if (!src.raw && ch == '\\' && i + 1 < body.size()) {
      const char next = body[i + 1];
      if (next == 'N' && i + 2 < body.size() && body[i + 2] == '{') {
        // \N{NAME}: the braces belong to the escape
        size_t close = body.find('}', i + 3);
        close = close == std::string_view::npos ? body.size() : close + 1;
        pending.append(body.substr(i, close - i));
        i = close;
        continue;
      }
      if (next == '{' || next == '}') {
        // 3.11 keeps the backslash and still treats the brace as a brace.
        flush();
        out.addLiteral("\\");
        ++i;
        pendingStart = i;
        continue;
      }
      pending.append(body.substr(i, 2));
      i += 2;
      continue;
    }
    if (ch == '{' || ch == '}') {
      if (level == 0 && i + 1 < body.size() && body[i + 1] == ch) {
        pending.push_back(ch);
        i += 2;
        continue;
      }
      if (ch == '}') {
        if (level == 0) fstringError(src, "f-string: single '}' is not allowed");
        break;
      }
      flush();
      parseFStringField(src, i, level, out);
      pendingStart = i;
      continue;
    }
    pending.push_back(ch);
    ++i;
  }
  flush();
}

void Parser::parseFStringField(FStringSource& src, size_t& i, int level, JoinedBuilder& out) {
  const std::string_view body = src.body;
  const size_t n = body.size();
  if (level >= 2) fstringError(src, "f-string: expressions nested too deeply");
  const size_t fieldStart = i++;
  const size_t exprStart = i;
  // Find where the expression ends, the way CPython 3.11's fstring_find_expr does.
  char quote = 0;
  bool tripleQuote = false;
  std::string brackets;
  while (i < n) {
    const char ch = body[i];
    if (ch == '\\') fstringError(src, "f-string expression part cannot include a backslash");
    if (quote != 0) {
      if (ch == quote) {
        if (!tripleQuote) {
          quote = 0;
        } else if (i + 2 < n && body[i + 1] == ch && body[i + 2] == ch) {
          quote = 0;
          i += 3;
          continue;
        }
      }
      ++i;
      continue;
    }
    if (ch == '\'' || ch == '"') {
      tripleQuote = i + 2 < n && body[i + 1] == ch && body[i + 2] == ch;
      quote = ch;
      i += tripleQuote ? 3 : 1;
      continue;
    }
    if (ch == '(' || ch == '[' || ch == '{') {
      if (brackets.size() >= 200) fstringError(src, "f-string: too many nested parenthesis");
      brackets.push_back(ch);
      ++i;
      continue;
    }
    if (ch == '#') fstringError(src, "f-string expression part cannot include '#'");
    if (brackets.empty() &&
        (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' || ch == '>')) {
      // "!=", "==", "<=" and ">=" are operators, not the end of the expression.
      if (ch != ':' && ch != '}' && i + 1 < n && body[i + 1] == '=') {
        i += 2;
        continue;
      }
      if (ch == '<' || ch == '>') {
        ++i;
        continue;
      }
      break;
    }
    if (ch == ')' || ch == ']' || ch == '}') {
      if (brackets.empty()) fstringError(src, std::string("f-string: unmatched '") + ch + "'");
      const char opening = brackets.back();
      brackets.pop_back();
      if ((opening == '(' && ch != ')') || (opening == '[' && ch != ']') ||
          (opening == '{' && ch != '}')) {
        fstringError(src, std::string("f-string: closing parenthesis '") + ch +
                              "' does not match opening parenthesis '" + opening + "'");
      }
    }
    ++i;
  }
  if (quote != 0) fstringError(src, "f-string: unterminated string");
  if (!brackets.empty()) {
    fstringError(src, std::string("f-string: unmatched '") + brackets.back() + "'");
  }
  if (i >= n) fstringError(src, "f-string: expecting '}'");
  const std::string_view text = body.substr(exprStart, i - exprStart);
  if (text.find_first_not_of(" \t\n\f") == std::string_view::npos) {
    if (body[i] == '!' || body[i] == ':' || body[i] == '=') {
      fstringError(src, std::string("f-string: expression required before '") + body[i] + "'");
    }
    fstringError(src, "f-string: empty expression not allowed");
  }
  int exprLine, exprCol;
  locate(src, exprStart, exprLine, exprCol);
  ExprPtr value = compileFStringExpression(text, exprLine, exprCol);

  std::string_view debugText;  // f"{x=}" prints "x=" and then the value
  if (body[i] == '=') {
    ++i;
    while (i < n && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' ||
                     body[i] == '\f' || body[i] == '\v')) {
      ++i;
    }
    if (i >= n) fstringError(src, "f-string: expecting '}'");
    debugText = body.substr(exprStart, i - exprStart);
  }
  char conversion = 0;
  if (body[i] == '!') {
    ++i;
    if (i >= n) fstringError(src, "f-string: expecting '}'");
    conversion = body[i++];
    if (conversion != 's' && conversion != 'r' && conversion != 'a') {
      fstringError(src, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  ExprPtr spec;
  if (i < n && body[i] == ':') {
    ++i;
    if (i >= n) fstringError(src, "f-string: expecting '}'");
    JoinedBuilder specParts;
    specParts.range = out.range;
    parseFStringPart(src, i, level + 1, specParts);
    specParts.flush();
    spec = makeExpr(ExprKind::JoinedStr, out.range);
    spec->items = std::move(specParts.values);
  }
  if (i >= n || body[i] != '}') fstringError(src, "f-string: expecting '}'");
  ++i;

  int startLine, startCol, endLine, endCol;
  locate(src, fieldStart, startLine, startCol);
  locate(src, i, endLine, endCol);
  auto field =
      makeExpr(ExprKind::FormattedValue, SourceRange{startLine, startCol, endLine, endCol});
  if (!debugText.empty()) {
    out.addLiteral(debugText);
    if (!spec && conversion == 0) conversion = 'r';
  }
  field->a = std::move(value);
  field->conversion = conversion;
  field->b = std::move(spec);
  out.addValue(std::move(field));
}

// Parses a replacement field's expression: re-lexed as "(text)" like CPython 3.11 does, with the
// token positions moved to where the text is in the real source.
ExprPtr Parser::compileFStringExpression(std::string_view text, int line, int col) {
  std::string source;
  source.reserve(text.size() + 2);
  source += '(';
  source += text;
  source += ')';
  auto relocate = [&](int& l, int& c) {
    if (l == 1) {
      l = line;
      c = col + c - 2;  // the '(' we added is column 1
    } else {
      l = line + l - 1;
    }
  };
  auto prefixed = [](const SyntaxError& e) {
    std::string message = e.what();
    if (message.rfind("f-string", 0) != 0) message = "f-string: " + message;
    return message;
  };
  // Errors get CPython 3.11's position: the right line, but the column within "(text)" on the
  // field's first line (the AST, though, gets true positions).
  std::vector<Token> tokens;
  try {
    tokens = Lexer(source).tokenize();
  } catch (const SyntaxError& e) {
    throw SyntaxError(prefixed(e), line + e.line - 1, e.col, e.kind);
  }
  for (Token& t : tokens) {
    relocate(t.line, t.col);
    relocate(t.endLine, t.endCol);
  }
  // `source` outlives `sub`, whose tokens view into it.
  Parser sub(std::move(tokens), depth_ + kBracketCost, functionDepth_);
  try {
    return sub.parseFStringExpression();
  } catch (const SyntaxError& e) {
    if (std::string_view(e.what()).rfind("f-string", 0) == 0) throw;  // from a nested f-string
    throw SyntaxError(prefixed(e), e.line, e.line == line ? e.col - col + 2 : e.col, e.kind);
  }
}

ExprPtr Parser::parseFStringExpression() {
  if (depth_ > kMaxDepth) tooDeep(kTooManyParens);
  if (!check(TK::LParen)) failInvalid();
  ExprPtr e = parseParenthesized();
  if (!check(TK::Newline) && !check(TK::EndOfFile)) failInvalid();
  return e;
}

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Lexer errors that CPython raises from its parser when the parser gets to them, so that an
// earlier parse error is reported instead: stray characters and bad escapes.
bool raisedByCPythonParser(std::string_view message) {
  return message == "invalid syntax" || message.rfind("(unicode error)", 0) == 0 ||
         message.rfind("(value error)", 0) == 0 ||
         message == "bytes can only contain ASCII literal characters";
}

// Byte offset of (line, col) in `source`, counting line breaks and code points as the lexer does.
size_t offsetOf(std::string_view source, int line, int col) {
  size_t i = 0;
  int l = 1, c = 1;
  while (i < source.size() && (l < line || c < col)) {
    const char ch = source[i];
    if (ch == '\r' || ch == '\n') {
      if (l == line) break;
      i += (ch == '\r' && i + 1 < source.size() && source[i + 1] == '\n') ? 2 : 1;
      ++l;
      c = 1;
      continue;
    }
    ++i;
    while (i < source.size() && (static_cast<unsigned char>(source[i]) & 0xC0) == 0x80)
      ++i;
    ++c;
  }
  return i;
}

int countLines(std::string_view source) {
  int lines = 1;
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n' ||
        (source[i] == '\r' && (i + 1 == source.size() || source[i + 1] != '\n'))) {
      ++lines;
    }
  }
  return lines;
}

// CPython tokenizes on demand, so its parser reports a syntax error it meets before the point
// where the tokenizer would fail with "unexpected indent" or "'(' was never closed" (or a parse-
// level lexical error). Our lexer runs to the end first; to report what CPython reports, parse
// the text before the lexer's error (with open brackets closed) and prefer a parse error if the
// parser failed without reaching the artificial part.
SyntaxError firstError(std::string_view source, const SyntaxError& lexError, int depth) {
  const std::string_view message = lexError.what();
  const bool unclosed = endsWith(message, "' was never closed");
  std::string text;
  int cutLine = 1, cutCol = 1;
  if (message == "unexpected indent" || raisedByCPythonParser(message)) {
    cutLine = lexError.line;
    cutCol = message == "unexpected indent" ? 1 : lexError.col;
    text = std::string(source.substr(0, offsetOf(source, cutLine, cutCol)));
  } else if (unclosed) {
    cutLine = countLines(source) + 1;
    text = std::string(source) + "\n";
  } else {
    return lexError;
  }
  std::vector<Token> tokens;
  for (int attempt = 0;; ++attempt) {
    try {
      tokens = Lexer(text).tokenize();
      break;
    } catch (const SyntaxError& inner) {
      const std::string_view innerMessage = inner.what();
      if (endsWith(innerMessage, "' was never closed") && innerMessage.size() > 2 &&
          attempt < 256) {
        const char open = innerMessage[1];
        text += open == '(' ? ')' : open == '[' ? ']' : '}';
        continue;
      }
      if (!unclosed && depth < 4 &&
          (innerMessage == "unexpected indent" || raisedByCPythonParser(innerMessage))) {
        return firstError(text, inner, depth + 1);
      }
      return lexError;
    }
  }
  size_t artificial = tokens.size() - 1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].line > cutLine || (tokens[i].line == cutLine && tokens[i].col >= cutCol)) {
      artificial = i;
      break;
    }
  }
  Parser parser(std::move(tokens), 0, 0);
  try {
    parser.parseModule();
  } catch (const SyntaxError& e) {
        if (parser.reach() < artificial) return e;
  }
  return lexError;
}

}  // namespace

Module parse(std::string_view source) {
  std::vector<Token> tokens;
  try {
    tokens = Lexer(source).tokenize();
  } catch (const SyntaxError& e) {
    throw firstError(source, e, 0);
  }
  Parser parser(std::move(tokens), 0, 0);
  return parser.parseModule();
}

}  // namespace gilsim
