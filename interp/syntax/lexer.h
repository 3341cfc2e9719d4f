// The lexer: source text to tokens, following CPython 3.11's tokenizer.
//
// Layout tokens:
//   - Newline ends each logical line that has tokens. It sits on the '\n' (or "\r\n"/"\r") that
//     ends the line, after any comment; at end of file without a final line break it is
//     zero-width with empty text. Blank and comment-only lines, and line breaks inside
//     brackets or after a backslash continuation, produce nothing.
//   - Indent starts at column 1 of its line and ends at the line's first token; its text is the
//     indentation.
//   - Dedent is zero-width at the first token of the line that closes the block (CPython's
//     tokenize module puts it there too). Dedents at end of file, and EndOfFile itself, are at
//     column 1 of the line after the last one.
//
// Errors throw SyntaxError with CPython 3.11's wording and, where CPython's is sensible, its
// position. Kind is "IndentationError" for indentation problems and "TabError" for
// inconsistent tabs/spaces. When a file has several errors, the one reported is the one
// CPython reports: errors its parser raises (stray `$`, bad escapes in literals) give way to
// later errors its tokenizer raises, as CPython 3.11 tokenizes the rest of the file before
// reporting them.
//
// Deliberate differences from CPython 3.11:
//   - "unexpected indent" (a parser error in CPython) is raised here: an Indent is only allowed
//     after a logical line ending in ':'. So to lex a fragment such as an f-string replacement
//     field, wrap it in parentheses (as CPython 3.11 does) so its whitespace is not indentation.
//   - Identifier characters: ASCII letters, digits and '_', plus non-ASCII code points except
//     the punctuation/symbol/space ranges listed in lexer.cpp (exact for those Unicode blocks,
//     permissive elsewhere). Identifiers are not NFKC-normalized.
//   - A number directly followed by a keyword (`1if x else y`) is accepted only when the whole
//     keyword follows; `1andy` is "invalid decimal literal".
//   - `012else` is "leading zeros ..." (CPython lexes `012` and then fails to parse).
//   - \N{...} escapes and escapes yielding lone surrogates (\ud800) are rejected. Errors in
//     escapes are reported at the start of the literal (CPython points past its end).
//   - "\r\n" and "\r" in string values are stored as "\n" (CPython translates line breaks
//     before tokenizing).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {

class Lexer {
 public:
  // `source` must outlive the returned tokens: their `text` fields view into it.
  explicit Lexer(std::string_view source);

  // Tokenizes the whole source; the last token is EndOfFile. Throws SyntaxError on the first
  // error.
  std::vector<Token> tokenize();

 private:
  struct Mark {
    std::size_t pos;
    int line;
    int col;
  };
  struct IndentLevel {
    long long col;     // width with tabs to the next multiple of 8
    long long altCol;  // width with tabs as 1 column: differs from col's ordering => TabError
  };
  struct OpenBracket {
    char ch;
    int line;
    int col;
  };
  struct StringPrefix {
    bool raw = false;
    bool bytes = false;
    bool format = false;
  };

  bool atEnd() const { return pos_ >= src_.size(); }
  // The byte `ahead` bytes past the cursor, 0 past the end (source has no NUL bytes by then).
  unsigned char peek(std::size_t ahead = 0) const;
  // Consumes one code point, or one line break ("\r\n" counts as one).
  void advance();
  Mark mark() const { return {pos_, line_, col_}; }
  void reset(Mark m);
  Token& emit(TokenKind kind, Mark start);
  Token& emitAt(TokenKind kind, Mark at, std::size_t endPos, int endLine, int endCol);
  // CPython reports most tokenizer errors on the last character it consumed.
  [[noreturn]] void failBeforeCursor(const std::string& message) const;
  // Errors CPython raises in its parser rather than its tokenizer (stray characters, bad
  // escapes) are reported only if no later tokenizer error overrides them, as CPython does.
  void deferError(SyntaxError error);
  // Errors where CPython's tokenizer stops without raising: an earlier deferred error wins.
  [[noreturn]] void stopTokenizer(const SyntaxError& error) const;
  SyntaxError unclosedBracketError() const;

  void checkNoNulBytes() const;
  void handleIndentation();
  void skipLineContinuation();
  void handleLineBreak();
  void lexToken();
  void lexNameOrString(Mark start);
  void lexName(Mark start);
  void lexString(Mark start, StringPrefix prefix);
  void lexNumber(Mark start);
  void lexDecimalTail();
  void lexRadixDigits(int radix, const char* kindName);
  void verifyEndOfNumber(const char* kindName);
  bool atNumberFollowingKeyword() const;
  void lexOperator(Mark start);
  void trackBracket(TokenKind kind, Mark start);
  void finish();

  std::string_view src_;
  std::size_t textStart_ = 0;  // past a byte order mark
  std::size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;
  std::vector<Token> tokens_;
  std::vector<IndentLevel> indents_;
  std::vector<OpenBracket> brackets_;
  bool atLineStart_ = true;
  bool lineHasTokens_ = false;
  bool prevLineEndedWithColon_ = false;
  std::optional<SyntaxError> deferred_;
};

// Decodes a string literal body's escapes (used by the parser for f-string literal parts).
// bytes=true: \x.. yields raw bytes, \u is not an escape; raw=true: no escape processing.
// Line breaks are normalized to "\n". Errors are reported at (line, col).
std::string decodeStringEscapes(std::string_view body, bool raw, bool bytes, int line, int col);

}  // namespace gilsim
