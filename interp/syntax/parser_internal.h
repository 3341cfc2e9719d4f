// The Parser class and what its files share. Internal to the syntax layer: only the files below
// include it; everything else goes through parser.h (parse()).
//
// The Parser's methods are split by concept, one file each:
//   parser.cpp: parse() and parseModule(), statements, blocks, parameters, assignment targets.
//   parser_expressions.cpp: the expression grammar, precedence levels down to atoms and displays.
//   string_literals.cpp: string and bytes literals and their concatenation, f-strings.
//   syntax_diagnostics.cpp: errors as CPython 3.11 reports them, and the diagnoses behind them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "interp/common/stack_budget.h"
#include "interp/syntax/ast.h"
#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {
namespace parser_internal {

using TK = TokenKind;

// Nesting budget. Every recursive construct spends from it, so the C++ stack stays bounded
// whatever the input. 3,000 units is CPython 3.11's own limit (its compiler's recursion limit,
// 1,000 times COMPILER_STACK_FRAME_SCALE): it runs about 2,990 `+` terms, `not`s or `elif`s, and
// so does gilsim (issue 15). A bracket or a block costs one unit too; brackets are capped
// separately at 200, like CPython's tokenizer. Links of left-associative chains (a+b+c, a.b.c,
// f()()) cost one unit each:
// they do not recurse here, but they deepen the tree that the later passes walk recursively.
// Where frames are larger than release builds' (sanitizers), the byte budget of
// interp/common/stack_budget.h stops the parse first.
constexpr int kMaxDepth = 3000;
constexpr int kBracketCost = 1;
constexpr int kMaxBrackets = 200;
constexpr int kBlockCost = 1;
constexpr size_t kNoToken = static_cast<size_t>(-1);
constexpr int kMaxProbeDepth = 4;
// Every speculation and probe of every parser on this thread (trialParseCount() in parser.h).
inline thread_local size_t trialParsesOnThisThread = 0;

// Arrays, and inline: each is one object in all the parser's files, since tooDeep tells
// kTooManyIndents from the other messages by its address.
inline constexpr char kInvalidSyntax[] = "invalid syntax";
inline constexpr char kTooManyParens[] = "too many nested parentheses";
inline constexpr char kTooComplex[] = "expression too complex";
inline constexpr char kTooManyIndents[] = "too many levels of indentation";

inline bool isStringToken(TK kind) {
  return kind == TK::String || kind == TK::Bytes || kind == TK::FString;
}

// Tokens that can begin an expression.
inline bool startsExpression(TK kind) {
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

// How CPython names an expression in "cannot assign to %s" and friends.
std::string exprName(const Expr& e);

// Lexer errors that CPython raises only when its parser gets to the offending token, so that an
// earlier parse error is reported instead: stray characters, bad escapes (its parser decodes
// literals), and the tokenizer's indentation and line-continuation errors (which set an error
// state rather than raising). Others override a parse error: CPython tokenizes the rest of the
// file after a parse error and reports the first tokenizer error it raises.
enum class LexErrorCut { None, AtError, BeforeError, LineStart };

LexErrorCut lexErrorCut(std::string_view message);

// CPython 3.11 reports errors in an f-string replacement field in bytes: this converts a
// 1-based code point column on a line of `source` to a 1-based byte column.
int byteColumn(std::string_view source, int line, int col);

// The error CPython reports for `source`, whose lexing failed with `lexError` (see the definition
// in syntax_diagnostics.cpp). `depth` bounds its recursion.
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
      if (parser_.depth_ + amount > kMaxDepth || parser_.stack_.exhausted())
        parser_.tooDeep(message);
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
    // other nesting. (Checked before counting: a speculative parse catches the error and goes on.)
    explicit BracketScope(Parser& parser)
        : parser_(parser), nesting_(parser, kBracketCost, kTooComplex) {
      if (parser_.bracketDepth_ >= kMaxBrackets) parser_.tooDeep(kTooManyParens);
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

  // Speculations nest (each level of brackets may re-parse what it holds), so a source of
  // unclosed brackets could take exponential time picking its message: past this many for one
  // source, speculation says no and the plain message stands (a fuzzer's 212 bytes took 3.5 s).
  static constexpr size_t kMaxSpeculations = 20000;
  template <typename Fn>
  bool speculateAt(size_t start, Fn&& fn) {
    ++trialParsesOnThisThread;
    if (++speculations_ > kMaxSpeculations) return false;
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
    ++trialParsesOnThisThread;
    if (++speculations_ > kMaxSpeculations) return false;  // probes nest as speculations do
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
  StmtPtr parseAsyncStatement();
  bool looksLikeMatchStatement();

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
  bool startsComprehensionClause() {
    return check(TK::KwFor) || (check(TK::KwAsync) && kind(1) == TK::KwFor);
  }
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
  StackBudget stack_;  // from the outermost parse: an f-string's parser takes its parent's
  int functionDepth_ = 0;
  int bracketDepth_ = 0;
  bool speculating_ = false;  // inside speculateAt: no diagnostics, only success or failure
  bool lenient_ = false;      // backtrack like a PEG parser (see lenient())
  size_t speculations_ = 0;   // speculateAt and probeAt calls so far, at most kMaxSpeculations
  int probeDepth_ = 0;
  // diagnoseJuxtaposition's two trial parses, by what decides their outcome (where they start,
  // and the bracket, function and probe depths): without it, each level of unclosed brackets
  // re-runs those of the levels inside it, exponential in the depth (a fuzzer's 212 bytes).
  enum class Trial { Expression, StarExpressions };
  using TrialKey = std::tuple<Trial, size_t, int, int, int>;
  std::map<TrialKey, bool> trials_;
  template <typename Fn>
  bool memoTrial(Trial trial, size_t start, Fn&& run) {
    const TrialKey key{trial, start, bracketDepth_, functionDepth_, probeDepth_};
    if (auto it = trials_.find(key); it != trials_.end()) return it->second;
    const bool ok = run();  // a specific error propagates and is not remembered
    trials_.emplace(key, ok);
    return ok;
  }
  // Token span of the disjunction that most recently ended an `expression`: two expressions side
  // by side are diagnosed from it ("Perhaps you forgot a comma?", "Missing parentheses").
  size_t lastDisjStart_ = kNoToken, lastDisjEnd_ = kNoToken;
  size_t exprStart_ = kNoToken;  // where the innermost `expression` being parsed starts
  // Where a tuple, list or generator display starts: CPython does not offer "Maybe you meant
  // '=='" for targets that begin with one.
  std::vector<bool> displayAt_;
  int lastEndLine_ = 1, lastEndCol_ = 1;
};

}  // namespace parser_internal
}  // namespace gilsim
