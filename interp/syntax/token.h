// Tokens of the gilsim Python subset.
//
// Every token kind is declared once, in GILSIM_TOKEN_KINDS: its enumerator and the spelling used in
// diagnostics. Operators and keywords carry their exact source spelling, so the lexer derives its
// operator and keyword tables from this list too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gilsim {

// X(Enumerator, spelling, category)
#define GILSIM_TOKEN_KINDS(X)          \
  X(EndOfFile, "end of file", Special) \
  X(Newline, "newline", Special)       \
  X(Indent, "indent", Special)         \
  X(Dedent, "dedent", Special)         \
  X(Name, "name", Special)             \
  X(Int, "integer", Special)           \
  X(Float, "float", Special)           \
  X(Imaginary, "imaginary", Special)   \
  X(String, "string", Special)         \
  X(Bytes, "bytes", Special)           \
  X(FString, "f-string", Special)      \
  X(LParen, "(", Operator)             \
  X(RParen, ")", Operator)             \
  X(LBracket, "[", Operator)           \
  X(RBracket, "]", Operator)           \
  X(LBrace, "{", Operator)             \
  X(RBrace, "}", Operator)             \
  X(Colon, ":", Operator)              \
  X(Comma, ",", Operator)              \
  X(Semicolon, ";", Operator)          \
  X(Dot, ".", Operator)                \
  X(Ellipsis, "...", Operator)         \
  X(Arrow, "->", Operator)             \
  X(At, "@", Operator)                 \
  X(Plus, "+", Operator)               \
  X(Minus, "-", Operator)              \
  X(Star, "*", Operator)               \
  X(DoubleStar, "**", Operator)        \
  X(Slash, "/", Operator)              \
  X(DoubleSlash, "//", Operator)       \
  X(Percent, "%", Operator)            \
  X(Pipe, "|", Operator)               \
  X(Amper, "&", Operator)              \
  X(Caret, "^", Operator)              \
  X(Tilde, "~", Operator)              \
  X(LeftShift, "<<", Operator)         \
  X(RightShift, ">>", Operator)        \
  X(Less, "<", Operator)               \
  X(Greater, ">", Operator)            \
  X(LessEqual, "<=", Operator)         \
  X(GreaterEqual, ">=", Operator)      \
  X(EqEqual, "==", Operator)           \
  X(NotEqual, "!=", Operator)          \
  X(Equal, "=", Operator)              \
  X(ColonEqual, ":=", Operator)        \
  X(PlusEqual, "+=", Operator)         \
  X(MinusEqual, "-=", Operator)        \
  X(StarEqual, "*=", Operator)         \
  X(SlashEqual, "/=", Operator)        \
  X(DoubleSlashEqual, "//=", Operator) \
  X(PercentEqual, "%=", Operator)      \
  X(DoubleStarEqual, "**=", Operator)  \
  X(AmperEqual, "&=", Operator)        \
  X(PipeEqual, "|=", Operator)         \
  X(CaretEqual, "^=", Operator)        \
  X(LeftShiftEqual, "<<=", Operator)   \
  X(RightShiftEqual, ">>=", Operator)  \
  X(AtEqual, "@=", Operator)           \
  X(KwFalse, "False", Keyword)         \
  X(KwNone, "None", Keyword)           \
  X(KwTrue, "True", Keyword)           \
  X(KwAnd, "and", Keyword)             \
  X(KwAs, "as", Keyword)               \
  X(KwAssert, "assert", Keyword)       \
  X(KwAsync, "async", Keyword)         \
  X(KwAwait, "await", Keyword)         \
  X(KwBreak, "break", Keyword)         \
  X(KwClass, "class", Keyword)         \
  X(KwContinue, "continue", Keyword)   \
  X(KwDef, "def", Keyword)             \
  X(KwDel, "del", Keyword)             \
  X(KwElif, "elif", Keyword)           \
  X(KwElse, "else", Keyword)           \
  X(KwExcept, "except", Keyword)       \
  X(KwFinally, "finally", Keyword)     \
  X(KwFor, "for", Keyword)             \
  X(KwFrom, "from", Keyword)           \
  X(KwGlobal, "global", Keyword)       \
  X(KwIf, "if", Keyword)               \
  X(KwImport, "import", Keyword)       \
  X(KwIn, "in", Keyword)               \
  X(KwIs, "is", Keyword)               \
  X(KwLambda, "lambda", Keyword)       \
  X(KwNonlocal, "nonlocal", Keyword)   \
  X(KwNot, "not", Keyword)             \
  X(KwOr, "or", Keyword)               \
  X(KwPass, "pass", Keyword)           \
  X(KwRaise, "raise", Keyword)         \
  X(KwReturn, "return", Keyword)       \
  X(KwTry, "try", Keyword)             \
  X(KwWhile, "while", Keyword)         \
  X(KwWith, "with", Keyword)           \
  X(KwYield, "yield", Keyword)

enum class TokenKind : uint8_t {
#define GILSIM_TOKEN_ENUM(name, spelling, category) name,
  GILSIM_TOKEN_KINDS(GILSIM_TOKEN_ENUM)
#undef GILSIM_TOKEN_ENUM
};

enum class TokenCategory : uint8_t { Special, Operator, Keyword };

std::string_view tokenSpelling(TokenKind kind);
TokenCategory tokenCategory(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  // Exact source text of the token (for Name, Int, Float, operators, keywords; for strings the
  // whole literal including prefix and quotes). Views into the source buffer, which outlives
  // tokens.
  std::string_view text;
  // String/Bytes: the decoded value (escapes processed; bytes hold one char per byte).
  // FString: the raw body between the quotes, escapes NOT processed (the parser splits it).
  std::string value;
  bool rawString = false;  // FString only: had an r/R prefix
  int line = 0;            // 1-based
  int col = 0;             // 1-based, in code points
  int endLine = 0;         // position just past the token
  int endCol = 0;
};

}  // namespace gilsim
