#include "interp/syntax/lexer.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <unordered_map>
#include <utility>

#include "interp/common/unicode.h"
#include "interp/syntax/syntax_error.h"

namespace gilsim {

namespace {

constexpr int kTabSize = 8;
// CPython's MAXINDENT counts the base level, so at most 99 nested blocks.
constexpr std::size_t kMaxIndentLevels = 100;
// CPython's MAXLEVEL.
constexpr std::size_t kMaxBracketDepth = 200;

// ---------------------------------------------------------------------------------------------
// Tables derived from GILSIM_TOKEN_KINDS.

struct KindEntry {
  std::string_view spelling;
  TokenKind kind;
  TokenCategory category;
};

constexpr KindEntry kAllKinds[] = {
#define GILSIM_LEXER_KIND_ENTRY(name, spelling, category) \
  {spelling, TokenKind::name, TokenCategory::category},
    GILSIM_TOKEN_KINDS(GILSIM_LEXER_KIND_ENTRY)
#undef GILSIM_LEXER_KIND_ENTRY
};

struct LookupTables {
  std::unordered_map<std::string_view, TokenKind> keywords;
  std::unordered_map<std::string_view, TokenKind> operators;
  std::size_t maxOperatorLength = 0;
};

const LookupTables& lookupTables() {
  static const LookupTables tables = [] {
    LookupTables t;
    for (const KindEntry& entry : kAllKinds) {
      if (entry.category == TokenCategory::Keyword) {
        t.keywords.emplace(entry.spelling, entry.kind);
      } else if (entry.category == TokenCategory::Operator) {
        t.operators.emplace(entry.spelling, entry.kind);
        t.maxOperatorLength = std::max(t.maxOperatorLength, entry.spelling.size());
      }
    }
    return t;
  }();
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Character classes.

bool isDigit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool isHexDigit(unsigned char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool isAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isLineBreak(unsigned char c) {
  return c == '\n' || c == '\r';
}
// CPython treats every non-ASCII byte as a potential identifier character and validates the
// whole name afterwards; doing the same gives its "invalid character" errors and positions.
bool isPotentialIdentifierStart(unsigned char c) {
  return isAsciiLetter(c) || c == '_' || c >= 0x80;
}
bool isPotentialIdentifierChar(unsigned char c) {
  return isPotentialIdentifierStart(c) || isDigit(c);
}

std::string hex4(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

// "\r\n" and "\r" become "\n", as CPython translates them before tokenizing.
std::string normalizeLineBreaks(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      out += '\n';
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else {
      out += body[i];
    }
  }
  return out;
}

[[noreturn]] void fail(const std::string& message, int line, int col,
                       const char* kind = "SyntaxError") {
  throw SyntaxError(message, line, std::max(col, 1), kind);
}

[[noreturn]] void failUnicodeEscape(std::size_t first, std::size_t last, const char* reason,
                                    int line, int col) {
  fail("(unicode error) 'unicodeescape' codec can't decode bytes in position " +
           std::to_string(first) + "-" + std::to_string(last) + ": " + reason,
       line, col);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Escapes.

std::string decodeStringEscapes(std::string_view body, bool raw, bool bytes, int line, int col) {
  if (bytes) {
    for (char c : body) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        fail("bytes can only contain ASCII literal characters", line, col);
      }
    }
  }
  if (raw) return normalizeLineBreaks(body);

  std::string out;
  out.reserve(body.size());
  std::size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '\r') {
      out += '\n';
      i += (i + 1 < body.size() && body[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    const std::size_t escapeStart = i;
    if (i + 1 >= body.size()) {
      // Only reachable for f-string parts such as the "a\" of f"a\{x}": keep it, like CPython.
      out += '\\';
      break;
    }
    char e = body[i + 1];
    i += 2;
    switch (e) {
      case '\n':
        break;  // backslash-newline continues the literal
      case '\r':
        if (i < body.size() && body[i] == '\n') ++i;
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        char32_t value = static_cast<char32_t>(e - '0');
        for (int digits = 1; digits < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7';
             ++digits, ++i) {
          value = value * 8 + static_cast<char32_t>(body[i] - '0');
        }
        // Up to 0o777: a code point in str, truncated to a byte in bytes (both as CPython 3.11).
        if (bytes) {
          out += static_cast<char>(value & 0xFF);
        } else {
          appendUtf8(out, value);
        }
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if (bytes && e != 'x') {
          out += '\\';  // \u and \U are not escapes in bytes
          i = escapeStart + 1;
          break;
        }
        const std::size_t want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        std::size_t have = 0;
        char32_t value = 0;
        while (have < want && i + have < body.size() &&
               isHexDigit(static_cast<unsigned char>(body[i + have]))) {
          auto d = static_cast<unsigned char>(body[i + have]);
          value = value * 16 + (isDigit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
          ++have;
        }
        if (have < want) {
          if (bytes) {
            fail("(value error) invalid \\x escape at position " + std::to_string(escapeStart),
                 line, col);
          }
          const char* reason = e == 'x'   ? "truncated \\xXX escape"
                               : e == 'u' ? "truncated \\uXXXX escape"
                                          : "truncated \\UXXXXXXXX escape";
          failUnicodeEscape(escapeStart, escapeStart + 1 + have, reason, line, col);
        }
        i += want;
        if (bytes) {
          out += static_cast<char>(value);
        } else if (value > 0x10FFFF) {
          failUnicodeEscape(escapeStart, escapeStart + 1 + want, "illegal Unicode character", line,
                            col);
        } else if (value >= 0xD800 && value <= 0xDFFF) {
          // Strings are UTF-8 inside gilsim, which cannot hold a lone surrogate.
          failUnicodeEscape(escapeStart, escapeStart + 1 + want,
                            "surrogate code points are not supported", line, col);
        } else {
          appendUtf8(out, value);
        }
        break;
      }
      case 'N': {
        if (bytes) {
          out += '\\';  // not an escape in bytes
          i = escapeStart + 1;
          break;
        }
        std::size_t close = body.find('}', i);
        std::size_t last = (i < body.size() && body[i] == '{' && close != std::string_view::npos)
                               ? close
                               : escapeStart + 1;
        failUnicodeEscape(escapeStart, last, "\\N{...} escapes are not supported", line, col);
      }
      default:
        // Unknown escapes keep their backslash; the next character is taken as it is.
        out += '\\';
        i = escapeStart + 1;
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lexer.

Lexer::Lexer(std::string_view source) : src_(source) {}

unsigned char Lexer::peek(std::size_t ahead) const {
  std::size_t at = pos_ + ahead;
  return at < src_.size() ? static_cast<unsigned char>(src_[at]) : 0;
}

void Lexer::advance() {
  if (atEnd()) return;
  unsigned char c = peek();
  if (c == '\n' || c == '\r') {
    ++pos_;
    if (c == '\r' && peek() == '\n') ++pos_;
    ++line_;
    col_ = 1;
    return;
  }
  pos_ += decodeUtf8(src_, pos_).length;
  ++col_;
}

void Lexer::reset(Mark m) {
  pos_ = m.pos;
  line_ = m.line;
  col_ = m.col;
}

Token& Lexer::emit(TokenKind kind, Mark start) {
  return emitAt(kind, start, pos_, line_, col_);
}

Token& Lexer::emitAt(TokenKind kind, Mark at, std::size_t endPos, int endLine, int endCol) {
  Token& token = tokens_.emplace_back();
  token.kind = kind;
  token.text = src_.substr(at.pos, endPos - at.pos);
  token.line = at.line;
  token.col = at.col;
  token.endLine = endLine;
  token.endCol = endCol;
  if (kind != TokenKind::Newline && kind != TokenKind::Indent && kind != TokenKind::Dedent &&
      kind != TokenKind::EndOfFile) {
    lineHasTokens_ = true;
  }
  return token;
}

void Lexer::failBeforeCursor(const std::string& message) const {
  fail(message, line_, col_ - 1);
}

void Lexer::deferError(SyntaxError error) {
  if (!deferred_) deferred_ = std::move(error);
}

void Lexer::stopTokenizer(const SyntaxError& error) const {
  if (deferred_) {
    // CPython then reports an unclosed bracket only if it opened before the deferred error.
    if (!brackets_.empty() && brackets_.back().line < deferred_->line) {
      throw unclosedBracketError();
    }
    throw *deferred_;
  }
  throw error;
}

SyntaxError Lexer::unclosedBracketError() const {
  const OpenBracket& open = brackets_.back();
  return SyntaxError(std::string("'") + open.ch + "' was never closed", open.line, open.col);
}

std::vector<Token> Lexer::tokenize() {
  pos_ = 0;
  line_ = 1;
  col_ = 1;
  tokens_.clear();
  indents_.assign(1, IndentLevel{0, 0});
  brackets_.clear();
  atLineStart_ = true;
  lineHasTokens_ = false;
  prevLineEndedWithColon_ = false;
  deferred_.reset();

  // A UTF-8 byte order mark is part of the file's encoding, not its text.
  textStart_ = src_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  pos_ = textStart_;
  checkNoNulBytes();

  while (true) {
    if (atLineStart_) {
      atLineStart_ = false;
      handleIndentation();
    }
    while (peek() == ' ' || peek() == '\t' || peek() == '\f')
      advance();
    if (atEnd()) break;
    unsigned char c = peek();
    if (c == '#') {
      while (!atEnd() && !isLineBreak(peek()))
        advance();
    } else if (isLineBreak(c)) {
      handleLineBreak();
    } else if (c == '\\') {
      skipLineContinuation();
    } else {
      lexToken();
    }
  }
  finish();
  return std::move(tokens_);
}

void Lexer::checkNoNulBytes() const {
  std::size_t nul = src_.find('\0');
  if (nul == std::string_view::npos) return;
  Lexer scout(src_.substr(0, nul));
  scout.pos_ = std::min(textStart_, nul);
  while (!scout.atEnd())
    scout.advance();
  fail("source code cannot contain null bytes", scout.line_, scout.col_);
}

void Lexer::handleIndentation() {
  const Mark lineStart = mark();
  long long col = 0;
  long long altCol = 0;
  long long continuationCol = 0;
  while (!atEnd()) {
    unsigned char c = peek();
    if (c == ' ') {
      ++col;
      ++altCol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++altCol;
    } else if (c == '\f') {
      col = altCol = 0;  // form feed resets the count, as in CPython (for Emacs users)
    } else if (c == '\\') {
      // Indentation cannot be split with backslashes: the first one fixes the level.
      if (continuationCol == 0) continuationCol = col;
      skipLineContinuation();
      continue;
    } else {
      break;
    }
    advance();
  }
  // Blank and comment-only lines do not affect indentation; EOF is handled by finish().
  if (atEnd() || peek() == '#' || isLineBreak(peek())) return;
  if (continuationCol != 0) col = altCol = continuationCol;

  auto tabError = [&] {
    stopTokenizer(
        SyntaxError("inconsistent use of tabs and spaces in indentation", line_, 1, "TabError"));
  };
  const IndentLevel top = indents_.back();
  if (col == top.col) {
    if (altCol != top.altCol) tabError();
  } else if (col > top.col) {
    if (indents_.size() >= kMaxIndentLevels) {
      stopTokenizer(SyntaxError("too many levels of indentation", line_, 1, "IndentationError"));
    }
    if (altCol <= top.altCol) tabError();
    // A parser error in CPython, which never gets this far after a deferred error.
    if (!prevLineEndedWithColon_ && !deferred_) {
      // CPython's caret: the last character of the indentation.
      fail("unexpected indent", line_, col_ - 1, "IndentationError");
    }
    indents_.push_back({col, altCol});
    emit(TokenKind::Indent, {lineStart.pos, lineStart.line, 1});
  } else {
    int dedents = 0;
    while (indents_.size() > 1 && col < indents_.back().col) {
      indents_.pop_back();
      ++dedents;
    }
    if (col != indents_.back().col) {
      // CPython points just past the end of the line.
      int endCol = col_;
      for (std::size_t p = pos_; p < src_.size() && !isLineBreak(src_[p]);
           p += decodeUtf8(src_, p).length) {
        ++endCol;
      }
      stopTokenizer(SyntaxError("unindent does not match any outer indentation level", line_,
                                endCol, "IndentationError"));
    }
    if (altCol != indents_.back().altCol) tabError();
    for (int i = 0; i < dedents; ++i)
      emit(TokenKind::Dedent, mark());
  }
}

void Lexer::skipLineContinuation() {
  advance();  // the backslash
  const Mark afterBackslash = mark();
  if (!atEnd() && !isLineBreak(peek())) {
    stopTokenizer(
        SyntaxError("unexpected character after line continuation character", line_, col_));
  }
  advance();
  if (atEnd()) {
    stopTokenizer(brackets_.empty() ? SyntaxError("unexpected EOF while parsing",
                                                  afterBackslash.line, afterBackslash.col)
                                    : unclosedBracketError());
  }
}

void Lexer::handleLineBreak() {
  const Mark start = mark();
  advance();
  if (!brackets_.empty()) return;  // implicit line joining
  if (lineHasTokens_) {
    prevLineEndedWithColon_ = tokens_.back().kind == TokenKind::Colon;
    emitAt(TokenKind::Newline, start, pos_, start.line, start.col + 1);
    lineHasTokens_ = false;
  }
  atLineStart_ = true;
}

void Lexer::lexToken() {
  const Mark start = mark();
  unsigned char c = peek();
  if (isPotentialIdentifierStart(c)) {
    lexNameOrString(start);
  } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
    lexNumber(start);
  } else if (c == '\'' || c == '"') {
    lexString(start, {});
  } else if (!isPrintable(c)) {
    fail("invalid non-printable character U+" + hex4(c), line_, col_);
  } else {
    lexOperator(start);
  }
}

void Lexer::lexNameOrString(Mark start) {
  // The legal prefix combinations, checked the way CPython does: b, r, u, f, br/rb, fr/rf.
  bool sawB = false, sawR = false, sawU = false, sawF = false;
  for (std::size_t p = pos_; p < src_.size(); ++p) {
    char c = src_[p];
    if (!(sawB || sawU || sawF) && (c == 'b' || c == 'B')) {
      sawB = true;
    } else if (!(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U')) {
      sawU = true;
    } else if (!(sawR || sawU) && (c == 'r' || c == 'R')) {
      sawR = true;
    } else if (!(sawF || sawB || sawU) && (c == 'f' || c == 'F')) {
      sawF = true;
    } else {
      break;
    }
    if (p + 1 < src_.size() && (src_[p + 1] == '\'' || src_[p + 1] == '"')) {
      lexString(start, {sawR, sawB, sawF});
      return;
    }
  }
  lexName(start);
}

void Lexer::lexName(Mark start) {
  bool nonAscii = false;
  while (!atEnd() && isPotentialIdentifierChar(peek())) {
    nonAscii = nonAscii || peek() >= 0x80;
    advance();
  }
  std::string_view text = src_.substr(start.pos, pos_ - start.pos);
  if (nonAscii) {
    int col = start.col;
    for (std::size_t p = 0; p < text.size(); ++col) {
      auto [cp, len] = decodeUtf8(text, p);
      if (cp >= 0x80 && !(p == 0 ? isIdentifierStart(cp) : isIdentifierContinue(cp))) {
        if (isPrintable(cp)) {
          fail("invalid character '" + std::string(text.substr(p, len)) + "' (U+" + hex4(cp) + ")",
               start.line, col);
        }
        fail("invalid non-printable character U+" + hex4(cp), start.line, col);
      }
      p += len;
    }
  }
  const auto& keywords = lookupTables().keywords;
  auto it = keywords.find(text);
  emit(it != keywords.end() ? it->second : TokenKind::Name, start);
}

void Lexer::lexString(Mark start, StringPrefix prefix) {
  while (peek() != '\'' && peek() != '"')
    advance();  // prefix letters
  const unsigned char quote = peek();
  advance();
  bool triple = false;
  if (peek() == quote && peek(1) == quote) {
    advance();
    advance();
    triple = true;
  }
  auto unterminated = [&](int detectedLine) {
    fail(std::string(triple ? "unterminated triple-quoted string literal"
                            : "unterminated string literal") +
             " (detected at line " + std::to_string(detectedLine) + ")",
         start.line, start.col);
  };
  // Under 3.11 rules an f-string ends at the first unescaped closing quote, replacement fields
  // or not (f'{d['a']}' is an error there), so fields need no tracking here.
  const std::size_t bodyStart = pos_;
  std::size_t bodyEnd = pos_;
  while (true) {
    if (atEnd()) {
      // Reported on the line of the last character read; a final line break ends its line.
      unterminated(isLineBreak(src_[pos_ - 1]) ? line_ - 1 : line_);
    }
    unsigned char c = peek();
    if (!triple && isLineBreak(c)) unterminated(line_);
    if (c == quote) {
      if (!triple) {
        bodyEnd = pos_;
        advance();
        break;
      }
      if (peek(1) == quote && peek(2) == quote) {
        bodyEnd = pos_;
        advance();
        advance();
        advance();
        break;
      }
    }
    advance();
    if (c == '\\') advance();  // the escaped character cannot end the literal
  }

  std::string_view body = src_.substr(bodyStart, bodyEnd - bodyStart);
  std::string value;
  TokenKind kind = prefix.format  ? TokenKind::FString
                   : prefix.bytes ? TokenKind::Bytes
                                  : TokenKind::String;
  if (prefix.format) {
    value = normalizeLineBreaks(body);  // the parser splits and decodes it
  } else {
    try {
      value = decodeStringEscapes(body, prefix.raw, prefix.bytes, start.line, start.col);
    } catch (SyntaxError& error) {
      deferError(std::move(error));  // CPython decodes literals in its parser
    }
  }
  Token& token = emit(kind, start);
  token.value = std::move(value);
  token.rawString = prefix.format && prefix.raw;
}

void Lexer::lexNumber(Mark start) {
  bool isFloat = false;
  bool afterIntegerPart = true;  // false: `.5`, whose fraction is lexed below
  bool leadingZeros = false;     // 012: only valid as the integer part of a float or imaginary
  auto failLeadingZeros = [&] {
    fail(
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
        "octal integers",
        start.line, start.col);
  };
  if (peek() == '.') {
    isFloat = true;
    afterIntegerPart = false;
    advance();
    lexDecimalTail();
  } else if (peek() == '0') {
    advance();
    unsigned char c = peek();
    if (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      advance();
      bool hex = c == 'x' || c == 'X';
      bool octal = c == 'o' || c == 'O';
      lexRadixDigits(hex ? 16 : octal ? 8 : 2, hex ? "hexadecimal" : octal ? "octal" : "binary");
      emit(TokenKind::Int, start);
      return;
    }
    // Zeros, maybe with underscores; then a nonzero digit is only allowed in a float.
    while (true) {
      if (peek() == '_') {
        advance();
        if (!isDigit(peek())) failBeforeCursor("invalid decimal literal");
      }
      if (peek() != '0') break;
      advance();
    }
    if (isDigit(peek())) {
      leadingZeros = true;
      lexDecimalTail();
      unsigned char next = peek();
      if (next != '.' && next != 'e' && next != 'E' && next != 'j' && next != 'J') {
        failLeadingZeros();
      }
    }
  } else {
    lexDecimalTail();
  }

  if (afterIntegerPart && peek() == '.') {
    isFloat = true;
    advance();
    if (isDigit(peek())) lexDecimalTail();
  }
  if (peek() == 'e' || peek() == 'E') {
    const Mark exponentStart = mark();
    advance();
    if (peek() == '+' || peek() == '-') {
      advance();
      if (!isDigit(peek())) failBeforeCursor("invalid decimal literal");
    } else if (!isDigit(peek())) {
      // Not an exponent: the number ends before the 'e' (as in `1else`), or it is an error.
      reset(exponentStart);
      if (leadingZeros && !isFloat) failLeadingZeros();
      verifyEndOfNumber("decimal");
      emit(isFloat ? TokenKind::Float : TokenKind::Int, start);
      return;
    }
    isFloat = true;
    lexDecimalTail();
  }
  if (peek() == 'j' || peek() == 'J') {
    advance();
    verifyEndOfNumber("imaginary");
    emit(TokenKind::Imaginary, start);
    return;
  }
  verifyEndOfNumber("decimal");
  emit(isFloat ? TokenKind::Float : TokenKind::Int, start);
}

// Digits with single underscores between them; the cursor is on a digit.
void Lexer::lexDecimalTail() {
  while (true) {
    while (isDigit(peek()))
      advance();
    if (peek() != '_') break;
    advance();
    if (!isDigit(peek())) failBeforeCursor("invalid decimal literal");
  }
}

// The digits after 0x/0o/0b, which may start with an underscore.
void Lexer::lexRadixDigits(int radix, const char* kindName) {
  auto isRadixDigit = [radix](unsigned char c) {
    return radix == 16 ? isHexDigit(c) : c >= '0' && c < '0' + radix;
  };
  auto invalidDigit = [&] {
    char digit = static_cast<char>(peek());
    advance();
    fail(std::string("invalid digit '") + digit + "' in " + kindName + " literal", line_, col_ - 1);
  };
  while (true) {
    if (peek() == '_') advance();
    if (!isRadixDigit(peek())) {
      if (radix != 16 && isDigit(peek())) invalidDigit();
      failBeforeCursor(std::string("invalid ") + kindName + " literal");
    }
    while (isRadixDigit(peek()))
      advance();
    if (peek() != '_') break;
  }
  if (radix != 16 && isDigit(peek())) invalidDigit();
  verifyEndOfNumber(kindName);
}

// A number must not run into a name (`1abc`), except for the keywords that can follow a
// number in valid code (`1if x else y`), which CPython 3.11 still accepts.
void Lexer::verifyEndOfNumber(const char* kindName) {
  if (atNumberFollowingKeyword()) return;
  // Only ASCII: a non-ASCII character after a number starts a separate name (CPython 3.11).
  unsigned char c = peek();
  if (c < 0x80 && isPotentialIdentifierChar(c)) {
    failBeforeCursor(std::string("invalid ") + kindName + " literal");
  }
}

bool Lexer::atNumberFollowingKeyword() const {
  static constexpr std::string_view kFollowers[] = {"and", "else", "for", "if",
                                                    "in",  "is",   "not", "or"};
  std::string_view rest = src_.substr(pos_);
  for (std::string_view keyword : kFollowers) {
    if (rest.starts_with(keyword) &&
        (rest.size() == keyword.size() ||
         !isPotentialIdentifierChar(static_cast<unsigned char>(rest[keyword.size()])))) {
      return true;
    }
  }
  return false;
}

void Lexer::lexOperator(Mark start) {
  const LookupTables& tables = lookupTables();
  std::size_t longest = std::min(tables.maxOperatorLength, src_.size() - pos_);
  for (std::size_t len = longest; len > 0; --len) {
    auto it = tables.operators.find(src_.substr(pos_, len));
    if (it == tables.operators.end()) continue;
    for (std::size_t i = 0; i < len; ++i)
      advance();  // operators are ASCII
    trackBracket(it->second, start);
    emit(it->second, start);
    return;
  }
  // $, ?, `, a lone !: CPython's parser, not its tokenizer, rejects these.
  deferError(SyntaxError("invalid syntax", line_, col_));
  advance();
}

void Lexer::trackBracket(TokenKind kind, Mark start) {
  char ch = src_[start.pos];
  switch (kind) {
    case TokenKind::LParen:
    case TokenKind::LBracket:
    case TokenKind::LBrace:
      if (brackets_.size() >= kMaxBracketDepth) {
        fail("too many nested parentheses", start.line, start.col);
      }
      brackets_.push_back({ch, start.line, start.col});
      break;
    case TokenKind::RParen:
    case TokenKind::RBracket:
    case TokenKind::RBrace: {
      if (brackets_.empty()) fail(std::string("unmatched '") + ch + "'", start.line, start.col);
      OpenBracket open = brackets_.back();
      brackets_.pop_back();
      char expected = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
      if (ch != expected) {
        std::string message = std::string("closing parenthesis '") + ch +
                              "' does not match opening parenthesis '" + open.ch + "'";
        if (open.line != start.line) message += " on line " + std::to_string(open.line);
        fail(message, start.line, start.col);
      }
      break;
    }
    default:
      break;
  }
}

void Lexer::finish() {
  if (!brackets_.empty()) stopTokenizer(unclosedBracketError());
  if (deferred_) throw *deferred_;
  if (lineHasTokens_) {
    emitAt(TokenKind::Newline, mark(), pos_, line_, col_);
    lineHasTokens_ = false;
  }
  // End of file sits on the line after the last one, as if the source ended in a line break.
  int eofLine = (pos_ > textStart_ && !isLineBreak(src_[pos_ - 1])) ? line_ + 1 : line_;
  const Mark eof{pos_, eofLine, 1};
  while (indents_.size() > 1) {
    indents_.pop_back();
    emitAt(TokenKind::Dedent, eof, pos_, eofLine, 1);
  }
  emitAt(TokenKind::EndOfFile, eof, pos_, eofLine, 1);
}

}  // namespace gilsim
