// Syntax errors as CPython 3.11 reports them: where an error is reported (the token, the column
// of a newline or an end of file, unexpected indents and unindents), the nesting limits, the
// specific messages of CPython's second pass ("Perhaps you forgot a comma?", "Maybe you meant
// '=='", "cannot assign to ..."), and which error CPython meets first when the lexer fails. Kept
// apart from the grammar because none of it decides what parses, only what the error says.
#include "interp/syntax/parser_internal.h"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/syntax/lexer.h"
#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {
namespace parser_internal {
namespace {

// As CPython 3.11 tests it for "Perhaps you forgot a comma?": it compares only the name's length
// of characters, so any prefix of "case" or "match" counts.
bool isSoftKeyword(std::string_view name) {
  return !name.empty() && (std::string_view("case").substr(0, name.size()) == name ||
                           std::string_view("match").substr(0, name.size()) == name || name == "_");
}

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
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

}  // namespace

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
    case ExprKind::YieldFrom:
      return "yield expression";
    case ExprKind::Await:
      return "await expression";
  }
  return "expression";
}

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

int byteColumn(std::string_view source, int line, int col) {
  if (line < 1 || col < 1) return col;
  size_t lineStart = offsetOf(source, line, 1);
  return static_cast<int>(offsetOf(source, line, col) - lineStart) + 1;
}

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
  if (!excluded &&
      memoTrial(Trial::Expression, aEnd,
                [&] { return speculateAt(aEnd, [&] { return parseExpression() != nullptr; }); }) &&
      bracketDepth_ > 0 && !legacy) {
    errorAt("invalid syntax. Perhaps you forgot a comma?", a.line, a.col);
  }
  if (!loneName) return;
  // The "Missing parentheses" rule parses what follows any lone name, with diagnoses on, so a
  // juxtaposition in there is diagnosed in turn: in `f(x "s" y)` the comma is missing after "s".
  const bool parsed = memoTrial(Trial::StarExpressions, aEnd, [&] {
    return probeAt(aEnd, [&] {
      parseStarExpressions();
      diagnoseJuxtaposition();
    });
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
// Diagnoses of assignment and for targets, misplaced ':=' and comprehension targets

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

// CPython's invalid_for_target, for parseForTarget.
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

// `target := value` where target is not a name (a name would have parsed).
void Parser::diagnoseWalrus(const Expr& target) {
  if (speculating_ || !check(TK::ColonEqual) || target.kind == ExprKind::Name) return;
  if (speculateAt(pos_ + 1, [&] { return parseExpression() != nullptr; })) {
    error("cannot use assignment expressions with " + exprName(target), target);
  }
}

// `[a, b for x in y]`: a comprehension after a list or set display's elements.
void Parser::diagnoseComprehensionTarget(const Expr& first) {
  if (speculating_ || !startsComprehensionClause()) return;
  if (probeAt(pos_, [&] {
        std::vector<Comprehension> clauses;
        parseComprehensionClauses(clauses);
      })) {
    error("did you forget parentheses around the comprehension target?", first);
  }
}

// ================================================================================================
// The error CPython reports first

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

}  // namespace parser_internal
}  // namespace gilsim
