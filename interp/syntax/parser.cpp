#include "interp/syntax/parser.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <string>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include "interp/syntax/lexer.h"
#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {
namespace {

using TK = TokenKind;

// Nesting budget. Every recursive construct spends from it, so the C++ stack stays bounded
// whatever the input. A bracket costs kBracketCost, which caps bracket nesting at 200 like
// CPython's tokenizer. Links of left-associative chains (a+b+c, a.b.c, f()()) cost one unit each:
// they do not recurse here, but they deepen the tree that the later passes walk recursively.
constexpr int kMaxDepth = 1000;
constexpr int kBracketCost = 5;
constexpr int kMaxBrackets = kMaxDepth / kBracketCost;
constexpr int kBlockCost = 5;
constexpr size_t kNoToken = static_cast<size_t>(-1);
constexpr int kMaxProbeDepth = 4;

constexpr const char* kInvalidSyntax = "invalid syntax";
constexpr const char* kTooManyParens = "too many nested parentheses";
constexpr const char* kTooComplex = "expression too complex";
constexpr const char* kTooManyIndents = "too many levels of indentation";

bool isStringToken(TK kind) {
  return kind == TK::String || kind == TK::Bytes || kind == TK::FString;
}

// As CPython 3.11 tests it for "Perhaps you forgot a comma?": it compares only the name's length
// of characters, so any prefix of "case" or "match" counts.
bool isSoftKeyword(std::string_view name) {
  return !name.empty() && (std::string_view("case").substr(0, name.size()) == name ||
                           std::string_view("match").substr(0, name.size()) == name || name == "_");
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

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Lexer errors that CPython raises only when its parser gets to the offending token, so that an
// earlier parse error is reported instead: stray characters, bad escapes (its parser decodes
// literals), and the tokenizer's indentation and line-continuation errors (which set an error
// state rather than raising). Others override a parse error: CPython tokenizes the rest of the
// file after a parse error and reports the first tokenizer error it raises.
enum class LexErrorCut { None, AtError, BeforeError, LineStart };

LexErrorCut lexErrorCut(std::string_view message) {
  if (message == "invalid syntax" || message.rfind("(unicode error)", 0) == 0 ||
      message.rfind("(value error)", 0) == 0 ||
      message == "bytes can only contain ASCII literal characters") {
    return LexErrorCut::AtError;
  }
  if (message == "unexpected indent" ||
      message == "unindent does not match any outer indentation level" ||
      message == "inconsistent use of tabs and spaces in indentation" ||
      message == "too many levels of indentation") {
    return LexErrorCut::LineStart;
  }
  // Reported just past the backslash.
  if (message == "unexpected character after line continuation character" ||
      message == "unexpected EOF while parsing") {
    return LexErrorCut::BeforeError;
  }
  return LexErrorCut::None;
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

// CPython 3.11 reports errors in an f-string replacement field in bytes: this converts a
// 1-based code point column on a line of `source` to a 1-based byte column.
int byteColumn(std::string_view source, int line, int col) {
  if (line < 1 || col < 1) return col;
  size_t lineStart = offsetOf(source, line, 1);
  return static_cast<int>(offsetOf(source, line, col) - lineStart) + 1;
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

SyntaxError firstError(std::string_view source, const SyntaxError& lexError, int depth);

// Errors CPython raises the moment it meets them, even inside an alternative it would otherwise
// back out of (errors in f-strings and literals): speculation must not swallow them. Only used
// inside the parser; parse() rethrows them as plain SyntaxError.
struct HardSyntaxError : SyntaxError {
  using SyntaxError::SyntaxError;
};

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
  int line = 1, col = 1;  // where body[0] is in the source
  size_t errorToken = 0;  // CPython reports f-string errors at the token after the literal
  // Position cache for locate(): offsets are requested mostly in increasing order.
  size_t cacheOffset = 0;
  int cacheLine = 1, cacheCol = 1;
};

class Parser {
 public:
  // `source` is the text the tokens view into.
  Parser(std::string_view source, std::vector<Token> tokens, int depth, int functionDepth)
      : source_(source), tokens_(std::move(tokens)), depth_(depth), functionDepth_(functionDepth) {
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
  int tokenLine(size_t index) const { return tokens_[std::min(index, tokens_.size() - 1)].line; }
  size_t errorToken() const { return errorToken_; }
  // Tokens from `index` on stand for something CPython's parser cannot consume (see
  // firstError): consuming one fails.
  void poison(size_t index) { poisonFrom_ = index; }

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
    // Beyond CPython's 200 nested brackets the message says so; otherwise the budget went on
    // other nesting.
    explicit BracketScope(Parser& parser)
        : parser_(parser),
          nesting_(parser, kBracketCost,
                   parser.bracketDepth_ >= kMaxBrackets ? kTooManyParens : kTooComplex) {
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
    if (pos_ >= poisonFrom_) errorAtToken(kInvalidSyntax, pos_);
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
                            const char* kind = "SyntaxError", size_t token = kNoToken,
                            bool hard = false);
  [[noreturn]] void error(const std::string& message, const SourceRange& range) {
    errorAt(message, range.line, range.col);
  }
  [[noreturn]] void error(const std::string& message, const Expr& e) { error(message, e.range); }
  [[noreturn]] void error(const std::string& message, const Token& t) {
    errorAtToken(message, static_cast<size_t>(&t - tokens_.data()));
  }
  [[noreturn]] void errorAtToken(const std::string& message, size_t index,
                                 const char* kind = "SyntaxError", bool hard = false);
  [[noreturn]] void unexpectedIndent(size_t indentIndex);
  int newlineColumn(size_t index) const;
  int lastLine() const;
  int lastLineLength() const;
  [[noreturn]] void failInvalid();
  void diagnoseJuxtaposition();
  void diagnoseWalrus(const Expr& target);
  [[noreturn]] void tooDeep(const char* message);

  // ---- Speculation (only ever used to pick a better error message) ------------------------------

  template <typename Fn>
  bool speculateAt(size_t start, Fn&& fn) {
    const size_t savedPos = pos_, savedFurthest = furthest_;
    const size_t savedDisjStart = lastDisjStart_, savedDisjEnd = lastDisjEnd_;
    const int savedLine = lastEndLine_, savedCol = lastEndCol_;
    const bool savedSpeculating = speculating_, savedLenient = lenient_;
    pos_ = start;
    speculating_ = true;
    lenient_ = true;
    bool ok = true;
    try {
      ok = fn();
    } catch (const HardSyntaxError&) {
      speculating_ = savedSpeculating;
      lenient_ = savedLenient;
      throw;
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
    lenient_ = savedLenient;
    return ok;
  }
  // In speculation and probes, parse the way CPython's PEG parser does: an operator whose
  // right-hand side does not parse is left unconsumed rather than failing the whole expression
  // (so in `f(a 1+)` the `1+` still counts as an expression after `a`). Returns false if it
  // backed off.
  template <typename Fn>
  bool lenient(Fn&& fn) {
    if (!lenient_) {
      fn();
      return true;
    }
    const size_t savedPos = pos_;
    const int savedLine = lastEndLine_, savedCol = lastEndCol_;
    try {
      fn();
      return true;
    } catch (const HardSyntaxError&) {
      throw;
    } catch (const SyntaxError&) {
      pos_ = savedPos;
      lastEndLine_ = savedLine;
      lastEndCol_ = savedCol;
      return false;
    }
  }
  bool spansBitwiseOr(size_t from, size_t to);
  bool bitwiseOrWithoutAssignment(size_t from);

  void diagnoseStrayEquals(size_t start, const Expr& e);
  void diagnoseEqualsAt(size_t start, size_t equalIndex, const Expr& e);
  void diagnoseFirstTarget(size_t start, size_t equalIndex, const Expr& first);
  void diagnoseTargetSequence(size_t start);
  void diagnoseForTarget(size_t start);
  // Runs fn from token `start` like CPython's second pass would: backtracking as a PEG parser
  // does, with the specific diagnoses enabled, and without committing: the position is restored
  // and a plain "invalid syntax" is swallowed (returns false); a specific error propagates.
  template <typename Fn>
  bool probeAt(size_t start, Fn&& fn) {
    const size_t savedPos = pos_, savedFurthest = furthest_;
    const size_t savedDisjStart = lastDisjStart_, savedDisjEnd = lastDisjEnd_;
    const int savedLine = lastEndLine_, savedCol = lastEndCol_;
    const bool savedLenient = lenient_;
    // Probes run inside error diagnosis and may diagnose again; bound the nesting.
    if (probeDepth_ >= kMaxProbeDepth) return false;
    ++probeDepth_;
    pos_ = start;
    lastDisjStart_ = lastDisjEnd_ = kNoToken;  // a fresh parse, not a continuation
    lenient_ = true;
    bool ok = true;
    try {
      fn();
    } catch (const SyntaxError& e) {
      ok = false;
      if (!isPlainInvalidSyntax(e)) {
        --probeDepth_;
        lenient_ = savedLenient;
        throw;
      }
    }
    --probeDepth_;
    lenient_ = savedLenient;
    pos_ = savedPos;
    furthest_ = savedFurthest;
    lastDisjStart_ = savedDisjStart;
    lastDisjEnd_ = savedDisjEnd;
    lastEndLine_ = savedLine;
    lastEndCol_ = savedCol;
    return ok;
  }
  static bool isPlainInvalidSyntax(const SyntaxError& e) {
    return std::string_view(e.what()) == kInvalidSyntax && e.kind == "SyntaxError";
  }

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
  ExprPtr parseForTarget();
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
  [[gnu::noinline]] ExprPtr parseCallOrSubscript(const Expr& primary);
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
  void diagnoseComprehensionTarget(const Expr& first);
  void markDisplay(size_t index) { displayAt_[index] = true; }

  // ---- Strings --------------------------------------------------------------------------------

  // Out of line: their locals would otherwise sit in parsePrimary's frame at every nesting level.
  [[gnu::noinline]] ExprPtr parseStrings();
  [[gnu::noinline]] ExprPtr parseNumber();
  void parseFString(const Token& tok, const Token& lastTok, JoinedBuilder& out);
  void parseFStringPart(FStringSource& src, size_t& i, int level, JoinedBuilder& out);
  void parseFStringField(FStringSource& src, size_t& i, int level, JoinedBuilder& out);
  ExprPtr compileFStringExpression(std::string_view text, int line, int col);
  [[noreturn]] void fstringError(const FStringSource& src, const std::string& message) {
    errorAtToken(message, src.errorToken, "SyntaxError", true);
  }
  static void locate(FStringSource& src, size_t offset, int& line, int& col);

  std::string_view source_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  size_t furthest_ = 0;
  size_t reach_ = 0;
  size_t errorToken_ = kNoToken;  // the token the last error was reported at, if any
  size_t poisonFrom_ = kNoToken;
  int depth_ = 0;
  int functionDepth_ = 0;
  int bracketDepth_ = 0;
  bool speculating_ = false;  // inside speculateAt: no diagnostics, only success or failure
  bool lenient_ = false;      // backtrack like a PEG parser (see lenient())
  int probeDepth_ = 0;
  // Token span of the disjunction that most recently ended an `expression`: two expressions side
  // by side are diagnosed from it ("Perhaps you forgot a comma?", "Missing parentheses").
  size_t lastDisjStart_ = kNoToken, lastDisjEnd_ = kNoToken;
  size_t exprStart_ = kNoToken;  // where the innermost `expression` being parsed starts
  // Where a tuple, list or generator display starts: CPython does not offer "Maybe you meant
  // '=='" for targets that begin with one.
  std::vector<bool> displayAt_;
  int lastEndLine_ = 1, lastEndCol_ = 1;
};

// ================================================================================================
// Errors

void Parser::errorAtToken(const std::string& message, size_t index, const char* kind, bool hard) {
  index = std::min(index, tokens_.size() - 1);
  const size_t at = index;
  size_t real = index;
  while (tokens_[real].kind == TK::Dedent && real + 1 < tokens_.size())
    ++real;
  const bool atEnd = tokens_[real].kind == TK::EndOfFile;
  // A plain syntax error at a dedent is CPython's "unexpected unindent".
  const bool generic = message == kInvalidSyntax;
  if (generic && tokens_[at].kind == TK::Dedent) {
    if (!atEnd) errorAt("unexpected unindent", tokens_[at].line, 0, "IndentationError", at);
    errorAt("unexpected unindent", lastLine(), lastLineLength() + 1, "IndentationError", at);
  }
  // At end of file CPython points past the last physical line, even a blank one, or at its
  // column 0 for a plain syntax error.
  if (atEnd) errorAt(message, lastLine(), generic ? 0 : lastLineLength() + 1, kind, at, hard);
  if (tokens_[real].kind == TK::Indent) unexpectedIndent(real);
  const Token& t = tokens_[real];
  errorAt(message, t.line, t.kind == TK::Newline ? newlineColumn(real) : t.col, kind, at, hard);
}

void Parser::errorAt(const std::string& message, int line, int col, const char* kind, size_t token,
                     bool hard) {
  errorToken_ = token;
  if (hard) throw HardSyntaxError(message, line, col, kind);
  throw SyntaxError(message, line, col, kind);
}

// The last physical line and its length in code points: where CPython's tokenizer stands at end
// of file, which is where it reports errors there.
int Parser::lastLine() const {
  int line = 1;
  for (size_t i = 0; i < source_.size(); ++i) {
    const char ch = source_[i];
    if (ch == '\r' && i + 1 < source_.size() && source_[i + 1] == '\n') continue;
    if ((ch == '\n' || ch == '\r') && i + 1 < source_.size()) ++line;
  }
  return line;
}

int Parser::lastLineLength() const {
  size_t end = source_.size();
  while (end > 0 && (source_[end - 1] == '\n' || source_[end - 1] == '\r')) {
    const bool crlf = end >= 2 && source_[end - 1] == '\n' && source_[end - 2] == '\r';
    end -= crlf ? 2 : 1;
    break;  // only the final line break
  }
  size_t start = end;
  while (start > 0 && source_[start - 1] != '\n' && source_[start - 1] != '\r')
    --start;
  int length = 0;
  for (size_t i = start; i < end; ++i) {
    length += (static_cast<unsigned char>(source_[i]) & 0xC0) != 0x80;
  }
  return length;
}

// CPython's Newline token starts at a trailing comment's '#', ours on the line break.
int Parser::newlineColumn(size_t index) const {
  const Token& t = tokens_[index];
  if (index == 0) return t.col;
  const Token& prev = tokens_[index - 1];
  const char* base = source_.data();
  auto inSource = [&](std::string_view text) {
    return text.data() != nullptr && !std::less<const char*>()(text.data(), base) &&
           !std::less<const char*>()(base + source_.size(), text.data() + text.size());
  };
  if (prev.endLine != t.line || prev.text.empty() || !inSource(prev.text) || !inSource(t.text)) {
    return t.col;
  }
  const size_t from = static_cast<size_t>(prev.text.data() + prev.text.size() - base);
  const size_t to = static_cast<size_t>(t.text.data() - base);
  if (from > to) return t.col;
  const size_t hash = source_.substr(from, to - from).find('#');
  // Only whitespace (one column per byte) lies between the last token and the comment.
  return hash == std::string_view::npos ? t.col : prev.endCol + static_cast<int>(hash);
}

void Parser::unexpectedIndent(size_t indentIndex) {
  // CPython puts the caret on the last character of the indentation.
  const Token& next = tokens_[std::min(indentIndex + 1, tokens_.size() - 1)];
  errorAt("unexpected indent", next.line, std::max(1, next.col - 1), "IndentationError",
          indentIndex);
}

void Parser::tooDeep(const char* message) {
  if (message == kTooManyIndents) {
    errorAtToken(message, pos_, "IndentationError");
  }
  errorAtToken(message, pos_);
}

void Parser::failInvalid() {
  diagnoseJuxtaposition();
  errorAtToken(kInvalidSyntax, std::max(pos_, furthest_));
}

// Two expressions side by side, the second starting at the cursor. CPython's second pass has two
// rules that explain the likely mistake: `a b` inside brackets is "Perhaps you forgot a comma?",
// and `print x` is "Missing parentheses". The latter applies to any lone name (it only reports
// for print and exec) and parses what follows, so both rules get another go there: in
// `f(x "s" y)` the comma is missing after "s". Throws if a rule applies.
void Parser::diagnoseJuxtaposition() {
  if (speculating_ || pos_ != lastDisjEnd_ || lastDisjStart_ >= lastDisjEnd_ ||
      !startsExpression(kind())) {
    return;
  }
  const size_t aStart = lastDisjStart_, aEnd = lastDisjEnd_;
  const Token& a = tokens_[aStart];
  const bool loneName = a.kind == TK::Name && aEnd == aStart + 1;
  const bool legacy = loneName && (a.text == "print" || a.text == "exec");
  const bool excluded =
      a.kind == TK::Name && (isStringToken(tokens_[aStart + 1].kind) || isSoftKeyword(a.text));
  // The second expression is parsed even outside brackets (CPython does, and how far it reads
  // matters, see reach()), and without diagnoses, as CPython's expression_without_invalid.
  if (!excluded && speculateAt(aEnd, [&] { return parseExpression() != nullptr; }) &&
      bracketDepth_ > 0 && !legacy) {
    errorAt("invalid syntax. Perhaps you forgot a comma?", a.line, a.col);
  }
  if (!loneName) return;
  // The "Missing parentheses" rule parses what follows any lone name, with diagnoses on, so a
  // juxtaposition in there is diagnosed in turn: in `f(x "s" y)` the comma is missing after "s".
  const bool parsed = probeAt(aEnd, [&] {
    parseStarExpressions();
    diagnoseJuxtaposition();
  });
  if (parsed && legacy) {
    const std::string name(a.text);
    errorAt("Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?",
            a.line, a.col);
  }
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

// An expression that started at token `start` is followed by a stray '=' where only an
// expression is allowed (an `if` condition, a list element, ...). Throws CPython's helpful
// message when it applies; otherwise returns and the caller reports "invalid syntax".
void Parser::diagnoseStrayEquals(size_t start, const Expr& e) {
  if (check(TK::Equal)) diagnoseEqualsAt(start, pos_, e);
}

// CPython's invalid_named_expression for `e = value`, e starting at token `start`, '=' at
// `equalIndex`.
//
// The rule: `NAME = value`, or `target = value` where `target` is a bitwise-or-level expression
// that does not start with a tuple, list or generator display or True/False/None; and `value`
// is a bitwise-or-level expression not followed by another '=' or ':='.
void Parser::diagnoseEqualsAt(size_t start, size_t equalIndex, const Expr& e) {
  if (speculating_) return;
  const bool name = e.kind == ExprKind::Name && equalIndex == start + 1;
  if (!name) {
    const TK first = tokens_[start].kind;
    if (first == TK::KwTrue || first == TK::KwFalse || first == TK::KwNone || displayAt_[start] ||
        !spansBitwiseOr(start, equalIndex)) {
      return;
    }
  }
  if (!bitwiseOrWithoutAssignment(equalIndex + 1)) return;
  if (name) error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e);
  error("cannot assign to " + exprName(e) + " here. Maybe you meant '==' instead of '='?", e);
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
  size_t start = pos_;
  while (true) {
    start = pos_;
    out.push_back(parseSimpleStatement());
    if (!accept(TK::Semicolon)) break;
    if (check(TK::Newline) || check(TK::EndOfFile)) break;
  }
  if (!accept(TK::Newline) && !check(TK::EndOfFile)) {
    diagnoseJuxtaposition();
    if (out.back()->kind == StmtKind::Expr) diagnoseTargetSequence(start);
    failInvalid();
  }
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
  diagnoseWalrus(*first);
  BinaryOperator op;
  if (augmentedOperator(kind(), op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      // CPython's rule needs the value to parse; otherwise it is plain invalid syntax here.
      if (!speculateAt(pos_ + 1, [&] {
            return (check(TK::KwYield) ? parseYield() : parseStarExpressions()) != nullptr;
          })) {
        errorAtToken(kInvalidSyntax, std::max(pos_, furthest_));
      }
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
      diagnoseFirstTarget(start, firstEqual, s->targets.empty() ? target : *s->targets[0]);
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

// Some target of an assignment is invalid. CPython's invalid_assignment first parses the
// statement's first target element by element as named expressions, so `x = a if b else c = 1`
// is "Maybe you meant '=='" about `x = a`, and in `a, f() = 1` it is the last element, the one
// right before the '=', that gets that diagnosis.
void Parser::diagnoseFirstTarget(size_t start, size_t equalIndex, const Expr& first) {
  if (speculating_) return;
  diagnoseEqualsAt(start, equalIndex, first);
  if (first.kind != ExprKind::Tuple || first.items.empty() ||
      first.items[0]->range.line != first.range.line ||
      first.items[0]->range.col != first.range.col) {
    return;  // not an unparenthesised tuple
  }
  size_t last = start;
  int depth = 0;
  for (size_t i = start; i < equalIndex; ++i) {
    switch (tokens_[i].kind) {
      case TK::LParen:
      case TK::LBracket:
      case TK::LBrace:
        ++depth;
        break;
      case TK::RParen:
      case TK::RBracket:
      case TK::RBrace:
        --depth;
        break;
      case TK::Comma:
        if (depth == 0) last = i + 1;
        break;
      default:
        break;
    }
  }
  const Expr& element = *first.items.back();
  if (last > start && last < equalIndex && element.kind != ExprKind::Starred) {
    diagnoseEqualsAt(last, equalIndex, element);
  }
}

// CPython's invalid_assignment rule `star_named_expression ',' star_named_expressions* ':' ...`
// repeats its groups without commas between them, so in `a, b c = d` the element `c` is parsed as
// a named expression and `c = d` gets the "Maybe you meant '=='" diagnosis.
void Parser::diagnoseTargetSequence(size_t start) {
  if (speculating_) return;
  auto startsElement = [&] { return startsExpression(kind()) || check(TK::Star); };
  probeAt(start, [&] {
    parseStarNamedExpression();
    if (!accept(TK::Comma)) return;
    while (startsElement()) {
      parseStarNamedExpression();
      while (accept(TK::Comma) && startsElement())
        parseStarNamedExpression();
    }
  });
}

StmtPtr Parser::parseAnnotated(const Token& startTok, ExprPtr target) {
  const Expr& t = *target;
  const bool valid =
      t.kind == ExprKind::Name || t.kind == ExprKind::Attribute || t.kind == ExprKind::Subscript;
  // CPython's messages for bad targets need the annotation to parse.
  if (!valid && !speculateAt(pos_ + 1, [&] { return parseExpression() != nullptr; })) {
    errorAtToken(kInvalidSyntax, std::max(pos_, furthest_));
  }
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

// Targets are primaries (CPython's del_targets); anything else is diagnosed as CPython's
// invalid_del_stmt does: parsed as an expression and blamed on the part that cannot be deleted.
StmtPtr Parser::parseDelete() {
  auto s = makeStmt(StmtKind::Delete, advance());
  const size_t start = pos_;
  try {
    do {
      if (!s->targets.empty() && atSimpleStatementEnd()) break;  // trailing comma
      s->targets.push_back(parseTargetItem());
    } while (accept(TK::Comma));
    if (!atSimpleStatementEnd()) failInvalid();
  } catch (const SyntaxError& e) {
    if (!isPlainInvalidSyntax(e) || speculating_) throw;
    ExprPtr whole;
    probeAt(start, [&] { whole = parseStarExpressions(); });
    if (whole) {
      if (const Expr* bad = invalidTarget(*whole, ExprContext::Del)) {
        error("cannot delete " + exprName(*bad), *bad);
      }
    }
    throw;
  }
  for (ExprPtr& target : s->targets)
    makeTarget(*target, ExprContext::Del);
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
  s->target = parseForTarget();
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
  size_t bare = kNoToken;  // index of a bare `except:` handler
  while (check(TK::KwExcept)) {
    const Token& exceptTok = advance();
    if (bare != kNoToken) error("default 'except:' must be last", s->handlers[bare].range);
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
    if (!handler.type) bare = s->handlers.size();
    s->handlers.push_back(std::move(handler));
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
    // CPython's first pass backs off whatever part of the annotation does not parse and then
    // demands the ':' there (at the '->' if nothing parses).
    size_t end = pos_;
    speculateAt(pos_ + 1, [&] {
      parseExpression();
      end = pos_;
      return true;
    });
    if (tokens_[end].kind != TK::Colon) errorAtToken("expected ':'", end);
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
      if (args->positional.empty()) {
        if (tokens_[pos_ + 1].kind == TK::Comma) error("at least one argument must precede /", t);
        failInvalid();
      }
      advance();
      if (check(TK::Star)) error("expected comma between / and *", cur());
      sawSlash = true;
      args->positionalOnlyCount = static_cast<int>(args->positional.size());
    } else if (check(TK::LParen)) {
      // `def f((a, b))`: Python 2's tuple parameters. CPython names the mistake when the
      // parenthesised part is plain names and only plain names came before it.
      const bool tupleParameter = speculateAt(pos_ + 1, [&] {
        do {
          expectName();
          if (!isLambda && accept(TK::Colon)) parseExpression();
        } while (accept(TK::Comma) && check(TK::Name));
        return check(TK::RParen);
      });
      if (tupleParameter && !sawSlash && !sawStar && args->defaults.empty()) {
        error(isLambda ? "Lambda expression parameters cannot be parenthesized"
                       : "Function parameters cannot be parenthesized",
              t);
      }
      failInvalid();
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
        } else if (!args->defaults.empty() && (check(TK::Comma) || check(closer))) {
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
    for (const ExprPtr& item : e.items)
      checkStarredTargets(*item, true);
  }
}

void Parser::rejectBareStarred(const Expr* e) {
  if (e != nullptr && e->kind == ExprKind::Starred) error("can't use starred expression here", *e);
}

// `for` and comprehension targets (CPython's star_targets) up to and including the `in`. Targets
// are primaries (names, attributes, subscripts, bracketed groups), so `in` is not taken for an
// operator. Anything else is diagnosed like CPython's invalid_for_target does it: parsed as an
// expression and blamed on the part that cannot be assigned to.
ExprPtr Parser::parseForTarget() {
  const size_t start = pos_;
  ExprPtr target;
  try {
    target = parseTargetList();
    if (!check(TK::KwIn)) failInvalid();
  } catch (const SyntaxError& e) {
    if (isPlainInvalidSyntax(e)) diagnoseForTarget(start);
    throw;
  }
  makeTarget(*target, ExprContext::Store);
  advance();  // in
  return target;
}

void Parser::diagnoseForTarget(size_t start) {
  if (speculating_) return;
  ExprPtr e;
  probeAt(start, [&] {
    e = parseStarExpressions();
    diagnoseJuxtaposition();
  });
  if (!e) return;
  // `for a, b in c` parses as a tuple whose last item is a comparison; CPython looks left of an
  // `in` and gives up on other comparisons.
  struct Finder {
    static const Expr* find(const Expr& x) {
      switch (x.kind) {
        case ExprKind::Name:
        case ExprKind::Attribute:
        case ExprKind::Subscript:
          return nullptr;
        case ExprKind::Starred:
          return find(*x.a);
        case ExprKind::Tuple:
        case ExprKind::List:
          for (const ExprPtr& item : x.items) {
            if (const Expr* bad = find(*item)) return bad;
          }
          return nullptr;
        case ExprKind::Compare:
          return x.compareOps[0] == CompareOperator::In ? find(*x.a) : nullptr;
        default:
          return &x;
      }
    }
  };
  if (const Expr* bad = Finder::find(*e)) error("cannot assign to " + exprName(*bad), *bad);
}

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
  if (!check(TK::Star)) return parsePrimary();
  const Token& star = advance();
  auto starred = makeExpr(ExprKind::Starred, tokenRange(star));
  starred->a = parsePrimary();
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
  if (diagnoseEquals) {
    diagnoseWalrus(*e);
    diagnoseStrayEquals(start, *e);
  }
  return e;
}

// `target := value` where target is not a name (a name would have parsed).
void Parser::diagnoseWalrus(const Expr& target) {
  if (speculating_ || !check(TK::ColonEqual) || target.kind == ExprKind::Name) return;
  if (speculateAt(pos_ + 1, [&] { return parseExpression() != nullptr; })) {
    error("cannot use assignment expressions with " + exprName(target), target);
  }
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
  Nesting nesting(*this, 3, kTooComplex);  // its frames are large
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

// `[a, b for x in y]`: a comprehension after a list or set display's elements.
void Parser::diagnoseComprehensionTarget(const Expr& first) {
  if (speculating_ || !check(TK::KwFor)) return;
  if (probeAt(pos_, [&] {
        std::vector<Comprehension> clauses;
        parseComprehensionClauses(clauses);
      })) {
    error("did you forget parentheses around the comprehension target?", first);
  }
}

void Parser::parseComprehensionClauses(std::vector<Comprehension>& out) {
  while (check(TK::KwFor)) {
    advance();
    Comprehension clause;
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
  // Reported, like f-string errors, at the token after the literals (CPython's lookahead).
  if (anyBytes && anyText) {
    errorAtToken("cannot mix bytes and nonbytes literals", last + 1, "SyntaxError", true);
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
  src.errorToken = static_cast<size_t>(&lastTok - tokens_.data()) + 1;
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
        try {
          out.addLiteral(decodeStringEscapes(pending, false, false, line, col));
        } catch (const SyntaxError& e) {
          throw HardSyntaxError(e.what(), e.line, e.col, e.kind);
        }
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
  // Positions are looked up in increasing order, which keeps locate() linear overall.
  int startLine, startCol;
  locate(src, i, startLine, startCol);
  ++i;
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

  int endLine, endCol;
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
    // Errors CPython raises from its parser (a parse error before the lexer's error, or a stray
    // character) get the "f-string: " prefix; tokenizer errors are raised as they are.
    const SyntaxError first = firstError(source, e, 0);
    const bool fromParser =
        std::string_view(first.what()) != e.what() || first.line != e.line || first.col != e.col;
    const bool prefix = fromParser || lexErrorCut(e.what()) == LexErrorCut::AtError;
    throw HardSyntaxError(prefix ? prefixed(first) : std::string(first.what()),
                          line + first.line - 1, byteColumn(source, first.line, first.col),
                          first.kind);
  }
  for (Token& t : tokens) {
    relocate(t.line, t.col);
    relocate(t.endLine, t.endCol);
  }
  // `source` outlives `sub`, whose tokens view into it.
  Parser sub(source, std::move(tokens), depth_ + kBracketCost, functionDepth_);
  try {
    return sub.parseFStringExpression();
  } catch (const SyntaxError& e) {
    if (std::string_view(e.what()).rfind("f-string", 0) == 0) {  // from a nested f-string
      throw HardSyntaxError(e.what(), e.line, e.col, e.kind);
    }
    const int relativeLine = e.line - line + 1;
    const int relativeCol = relativeLine == 1 ? e.col - col + 2 : e.col;
    throw HardSyntaxError(prefixed(e), e.line, byteColumn(source, relativeLine, relativeCol),
                          e.kind);
  }
}

ExprPtr Parser::parseFStringExpression() {
  if (depth_ > kMaxDepth) tooDeep(kTooManyParens);
  if (!check(TK::LParen)) failInvalid();
  ExprPtr e = parseParenthesized();
  if (!check(TK::Newline) && !check(TK::EndOfFile)) failInvalid();
  return e;
}

// CPython tokenizes on demand, so its parser reports a syntax error it meets before the point
// where the tokenizer would fail with "unexpected indent" or "'(' was never closed" (or a parse-
// level lexical error). Our lexer runs to the end first; to report what CPython reports, parse
// the text before the lexer's error (with open brackets closed) and prefer a parse error if the
// parser failed without reaching the artificial part.
SyntaxError firstError(std::string_view source, const SyntaxError& lexError, int depth) {
  const std::string_view message = lexError.what();
  const bool unclosed = endsWith(message, "' was never closed");
  const LexErrorCut cut = lexErrorCut(message);
  std::string text;
  int cutLine = 1, cutCol = 1;
  if (cut != LexErrorCut::None) {
    cutLine = lexError.line;
    cutCol = cut == LexErrorCut::LineStart     ? 1
             : cut == LexErrorCut::BeforeError ? std::max(1, lexError.col - 1)
                                               : lexError.col;
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
      if (!unclosed && depth < 4 && lexErrorCut(innerMessage) != LexErrorCut::None) {
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
  Parser parser(text, std::move(tokens), 0, 0);
  parser.poison(artificial);
  try {
    parser.parseModule();
  } catch (const SyntaxError& e) {
    if (cut == LexErrorCut::AtError || message == "unexpected indent") {
      // CPython's parser just fails to match a stray character or an indent, wherever it reads:
      // its error stands if it is reported before them.
      const size_t at = parser.errorToken();
      if (at != kNoToken ? at < artificial
                         : e.line < cutLine || (e.line == cutLine && e.col < cutCol)) {
        return e;
      }
    } else {
      // The others are raised as soon as CPython's parser reads that far, lookahead included.
      // For an unclosed bracket CPython also prefers its own error when the parser had read
      // past the bracket's line.
      const size_t reach = parser.reach();
      if (reach < artificial && !(unclosed && parser.tokenLine(reach) > lexError.line)) return e;
    }
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
  Parser parser(source, std::move(tokens), 0, 0);
  try {
    return parser.parseModule();
  } catch (const HardSyntaxError& e) {
    throw SyntaxError(e);  // callers only ever see SyntaxError itself
  }
}

}  // namespace gilsim
