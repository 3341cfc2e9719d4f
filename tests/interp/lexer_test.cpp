#include "interp/syntax/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {
namespace {

using K = TokenKind;

std::vector<Token> lex(std::string_view source) {
  return Lexer(source).tokenize();
}

std::vector<TokenKind> kinds(std::string_view source) {
  std::vector<TokenKind> out;
  for (const Token& token : lex(source))
    out.push_back(token.kind);
  return out;
}

// Tokens other than the layout ones (Newline, Indent, Dedent, EndOfFile).
std::vector<Token> significant(std::string_view source) {
  std::vector<Token> out;
  for (Token& token : lex(source)) {
    if (token.kind != K::Newline && token.kind != K::Indent && token.kind != K::Dedent &&
        token.kind != K::EndOfFile) {
      out.push_back(std::move(token));
    }
  }
  return out;
}

Token single(std::string_view source) {
  std::vector<Token> tokens = significant(source);
  EXPECT_EQ(tokens.size(), 1u) << source;
  return tokens.empty() ? Token{} : tokens[0];
}

void expectPos(const Token& token, int line, int col, int endLine, int endCol) {
  EXPECT_EQ(token.line, line) << tokenSpelling(token.kind);
  EXPECT_EQ(token.col, col) << tokenSpelling(token.kind);
  EXPECT_EQ(token.endLine, endLine) << tokenSpelling(token.kind);
  EXPECT_EQ(token.endCol, endCol) << tokenSpelling(token.kind);
}

void expectError(std::string_view source, std::string_view message, int line, int col,
                 std::string_view kind = "SyntaxError") {
  SCOPED_TRACE(testing::Message() << "source: " << testing::PrintToString(std::string(source)));
  try {
    Lexer(source).tokenize();
    ADD_FAILURE() << "expected " << message;
  } catch (const SyntaxError& error) {
    EXPECT_EQ(error.what(), message);
    EXPECT_EQ(error.line, line);
    EXPECT_EQ(error.col, col);
    EXPECT_EQ(error.kind, kind);
  }
}

void expectDecodeError(std::string_view body, bool bytes, std::string_view message) {
  SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(body)));
  try {
    decodeStringEscapes(body, false, bytes, 7, 9);
    ADD_FAILURE() << "expected " << message;
  } catch (const SyntaxError& error) {
    EXPECT_EQ(error.what(), message);
    EXPECT_EQ(error.line, 7);
    EXPECT_EQ(error.col, 9);
  }
}

// ---------------------------------------------------------------------------------------------
// Token table

TEST(Lexer, TokenSpellingAndCategoryComeFromTheTable) {
  EXPECT_EQ(tokenSpelling(K::EndOfFile), "end of file");
  EXPECT_EQ(tokenSpelling(K::FString), "f-string");
  EXPECT_EQ(tokenSpelling(K::DoubleSlashEqual), "//=");
  EXPECT_EQ(tokenSpelling(K::KwNonlocal), "nonlocal");
  EXPECT_EQ(tokenCategory(K::Name), TokenCategory::Special);
  EXPECT_EQ(tokenCategory(K::Ellipsis), TokenCategory::Operator);
  EXPECT_EQ(tokenCategory(K::KwYield), TokenCategory::Keyword);
  EXPECT_EQ(tokenSpelling(static_cast<TokenKind>(250)), "unknown token");
}

TEST(Lexer, EveryOperatorSpellingLexesToItsKind) {
  struct Entry {
    std::string_view spelling;
    TokenKind kind;
    TokenCategory category;
  };
  const Entry entries[] = {
#define GILSIM_TEST_ENTRY(name, spelling, category) \
  {spelling, TokenKind::name, TokenCategory::category},
      GILSIM_TOKEN_KINDS(GILSIM_TEST_ENTRY)
#undef GILSIM_TEST_ENTRY
  };
  int operators = 0;
  for (const Entry& entry : entries) {
    if (entry.category != TokenCategory::Operator) continue;
    ++operators;
    // Brackets must balance; wrap the others between two names.
    std::string source = entry.kind == K::LParen     ? "()"
                         : entry.kind == K::RParen   ? "()"
                         : entry.kind == K::LBracket ? "[]"
                         : entry.kind == K::RBracket ? "[]"
                         : entry.kind == K::LBrace   ? "{}"
                         : entry.kind == K::RBrace   ? "{}"
                                                     : "a " + std::string(entry.spelling) + " b";
    bool found = false;
    for (const Token& token : lex(source)) {
      if (token.kind == entry.kind) {
        found = true;
        EXPECT_EQ(token.text, entry.spelling);
      }
    }
    EXPECT_TRUE(found) << entry.spelling;
  }
  EXPECT_GT(operators, 40);  // the table really was walked
}

TEST(Lexer, EveryKeywordLexesToItsKind) {
  struct Entry {
    std::string_view spelling;
    TokenKind kind;
    TokenCategory category;
  };
  const Entry entries[] = {
#define GILSIM_TEST_ENTRY(name, spelling, category) \
  {spelling, TokenKind::name, TokenCategory::category},
      GILSIM_TOKEN_KINDS(GILSIM_TEST_ENTRY)
#undef GILSIM_TEST_ENTRY
  };
  for (const Entry& entry : entries) {
    if (entry.category != TokenCategory::Keyword) continue;
    Token token = single(entry.spelling);
    EXPECT_EQ(token.kind, entry.kind) << entry.spelling;
    EXPECT_EQ(token.text, entry.spelling);
  }
}

// ---------------------------------------------------------------------------------------------
// Kinds and positions

TEST(Lexer, EmptySourceIsJustEndOfFile) {
  std::vector<Token> tokens = lex("");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].kind, K::EndOfFile);
  expectPos(tokens[0], 1, 1, 1, 1);
  EXPECT_EQ(kinds("\n\n# only a comment\n   \n"), std::vector<K>{K::EndOfFile});
}

TEST(Lexer, SimpleStatementKindsTextAndPositions) {
  std::vector<Token> tokens = lex("x = foo(1, 'a')\n");
  std::vector<K> expected = {K::Name,  K::Equal,  K::Name,   K::LParen,  K::Int,
                             K::Comma, K::String, K::RParen, K::Newline, K::EndOfFile};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  EXPECT_EQ(tokens[0].text, "x");
  expectPos(tokens[0], 1, 1, 1, 2);
  expectPos(tokens[1], 1, 3, 1, 4);
  EXPECT_EQ(tokens[2].text, "foo");
  expectPos(tokens[2], 1, 5, 1, 8);
  expectPos(tokens[4], 1, 9, 1, 10);
  EXPECT_EQ(tokens[6].text, "'a'");
  EXPECT_EQ(tokens[6].value, "a");
  expectPos(tokens[6], 1, 12, 1, 15);
  // Newline sits on the line break at the end of its line.
  EXPECT_EQ(tokens[8].text, "\n");
  expectPos(tokens[8], 1, 16, 1, 17);
  expectPos(tokens[9], 2, 1, 2, 1);
}

TEST(Lexer, MissingFinalLineBreakGivesZeroWidthNewline) {
  std::vector<Token> tokens = lex("x");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, K::Newline);
  EXPECT_EQ(tokens[1].text, "");
  expectPos(tokens[1], 1, 2, 1, 2);
  EXPECT_EQ(tokens[2].kind, K::EndOfFile);
  expectPos(tokens[2], 2, 1, 2, 1);

  // A trailing comment does not change that.
  tokens = lex("x  # done");
  ASSERT_EQ(tokens.size(), 3u);
  expectPos(tokens[1], 1, 10, 1, 10);
}

TEST(Lexer, ColumnsCountCodePoints) {
  std::vector<Token> tokens = significant("é = '€€' + ñ");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].text, "é");
  expectPos(tokens[0], 1, 1, 1, 2);
  expectPos(tokens[2], 1, 5, 1, 9);
  EXPECT_EQ(tokens[2].value, "€€");
  expectPos(tokens[3], 1, 10, 1, 11);
  expectPos(tokens[4], 1, 12, 1, 13);
}

TEST(Lexer, SoftKeywordsAreNames) {
  for (std::string_view name : {"match", "case", "type", "_", "print", "self", "__init__"}) {
    EXPECT_EQ(single(name).kind, K::Name) << name;
  }
  EXPECT_EQ(single("async").kind, K::KwAsync);
  EXPECT_EQ(single("None").kind, K::KwNone);
  EXPECT_EQ(single("Nonesuch").kind, K::Name);
}

TEST(Lexer, NonAsciiIdentifiers) {
  for (std::string_view name : {"café", "变量", "x·y", "ñ_1", "Ωmega", "a\u0301"}) {
    Token token = single(name);
    EXPECT_EQ(token.kind, K::Name) << name;
    EXPECT_EQ(token.text, name);
  }
}

TEST(Lexer, OperatorsTakeTheLongestMatch) {
  std::vector<Token> tokens = significant("a**=b//=c>>=d->e...f:=g!=h<=i<<j**k");
  std::vector<K> expected = {
      K::Name, K::DoubleStarEqual, K::Name, K::DoubleSlashEqual, K::Name, K::RightShiftEqual,
      K::Name, K::Arrow,           K::Name, K::Ellipsis,         K::Name, K::ColonEqual,
      K::Name, K::NotEqual,        K::Name, K::LessEqual,        K::Name, K::LeftShift,
      K::Name, K::DoubleStar,      K::Name};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  // `..` is two dots, `....` an ellipsis and a dot.
  EXPECT_EQ(kinds("a..b"),
            (std::vector<K>{K::Name, K::Dot, K::Dot, K::Name, K::Newline, K::EndOfFile}));
  EXPECT_EQ(kinds("...."), (std::vector<K>{K::Ellipsis, K::Dot, K::Newline, K::EndOfFile}));
}

TEST(Lexer, DotsEllipsisAndFloats) {
  std::vector<Token> tokens = significant("x.y ... .5 1..real");
  std::vector<K> expected = {K::Name,  K::Dot,   K::Name, K::Ellipsis,
                             K::Float, K::Float, K::Dot,  K::Name};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  EXPECT_EQ(tokens[4].text, ".5");
  EXPECT_EQ(tokens[5].text, "1.");
}

// ---------------------------------------------------------------------------------------------
// Lines, comments and indentation

TEST(Lexer, BlankAndCommentLinesProduceNothing) {
  std::vector<Token> tokens = lex("# head\n\nx = 1  # trailing\n   \n  # indented comment\ny\n");
  std::vector<K> expected = {K::Name, K::Equal,   K::Int,      K::Newline,
                             K::Name, K::Newline, K::EndOfFile};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  expectPos(tokens[3], 3, 18, 3, 19);  // after the comment
  expectPos(tokens[4], 6, 1, 6, 2);
  expectPos(tokens[6], 7, 1, 7, 1);
}

TEST(Lexer, IndentAndDedentPositions) {
  std::vector<Token> tokens =
      lex("if a:\n"
          "    if b:\n"
          "        c\n"
          "\n"
          "    d\n"
          "e\n");
  std::vector<K> expected = {K::KwIf,   K::Name,    K::Colon,   K::Newline,  K::Indent,
                             K::KwIf,   K::Name,    K::Colon,   K::Newline,  K::Indent,
                             K::Name,   K::Newline, K::Dedent,  K::Name,     K::Newline,
                             K::Dedent, K::Name,    K::Newline, K::EndOfFile};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  // Indent: from column 1 to the first token, text = the indentation.
  EXPECT_EQ(tokens[4].text, "    ");
  expectPos(tokens[4], 2, 1, 2, 5);
  EXPECT_EQ(tokens[9].text, "        ");
  expectPos(tokens[9], 3, 1, 3, 9);
  // Dedent: zero-width at the first token of the line that closes the block.
  EXPECT_EQ(tokens[12].text, "");
  expectPos(tokens[12], 5, 5, 5, 5);
  expectPos(tokens[15], 6, 1, 6, 1);
}

TEST(Lexer, SeveralDedentsAtOnceAndAtEndOfFile) {
  std::vector<Token> tokens = lex("if a:\n  if b:\n    c\nd\nif e:\n  if f:\n    g");
  int dedentsBeforeD = 0;
  for (const Token& token : tokens) {
    if (token.kind == K::Name && token.text == "d") break;
    if (token.kind == K::Dedent) {
      ++dedentsBeforeD;
      expectPos(token, 4, 1, 4, 1);
    }
  }
  EXPECT_EQ(dedentsBeforeD, 2);
  // End of file: Newline for the last line, then the dedents and EndOfFile on the next line.
  ASSERT_GE(tokens.size(), 4u);
  std::size_t n = tokens.size();
  EXPECT_EQ(tokens[n - 4].kind, K::Newline);
  expectPos(tokens[n - 4], 7, 6, 7, 6);
  EXPECT_EQ(tokens[n - 3].kind, K::Dedent);
  expectPos(tokens[n - 3], 8, 1, 8, 1);
  EXPECT_EQ(tokens[n - 2].kind, K::Dedent);
  EXPECT_EQ(tokens[n - 1].kind, K::EndOfFile);
  expectPos(tokens[n - 1], 8, 1, 8, 1);
}

TEST(Lexer, TabsAdvanceToMultiplesOfEight) {
  // Consistent tabs.
  EXPECT_EQ(kinds("if a:\n\tif b:\n\t\tc\n\td\n"),
            (std::vector<K>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::KwIf, K::Name,
                            K::Colon, K::Newline, K::Indent, K::Name, K::Newline, K::Dedent,
                            K::Name, K::Newline, K::Dedent, K::EndOfFile}));
  // Two spaces then a tab is column 8 either way round, and consistent with itself.
  EXPECT_NO_THROW(lex("if a:\n  \tb\n  \tc\n"));
  // A tab and eight spaces reach the same column but disagree when a tab counts as one.
  expectError("if x:\n\ta\n        b\n", "inconsistent use of tabs and spaces in indentation", 3, 1,
              "TabError");
  expectError("if x:\n        a\n\tb\n", "inconsistent use of tabs and spaces in indentation", 3, 1,
              "TabError");
}

TEST(Lexer, FormFeedAtLineStartResetsIndentation) {
  EXPECT_EQ(kinds("if a:\n  b\n\f  c\n"),
            (std::vector<K>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                            K::Name, K::Newline, K::Dedent, K::EndOfFile}));
}

TEST(Lexer, BracketsJoinLinesImplicitly) {
  std::vector<Token> tokens = lex("x = (1,\n      2,\n\n  # comment\n)\ny\n");
  std::vector<K> expected = {K::Name,  K::Equal,  K::LParen,  K::Int,  K::Comma,   K::Int,
                             K::Comma, K::RParen, K::Newline, K::Name, K::Newline, K::EndOfFile};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  expectPos(tokens[5], 2, 7, 2, 8);
  expectPos(tokens[7], 5, 1, 5, 2);
  expectPos(tokens[8], 5, 2, 5, 3);
}

TEST(Lexer, BackslashContinuation) {
  std::vector<Token> tokens = lex("x = 1 + \\\n    2\ny\n");
  std::vector<K> expected = {K::Name,    K::Equal, K::Int,     K::Plus,     K::Int,
                             K::Newline, K::Name,  K::Newline, K::EndOfFile};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  expectPos(tokens[4], 2, 5, 2, 6);
  // A backslash in the indentation: the column before it is the line's indentation.
  EXPECT_EQ(kinds("if x:\n  \\\n  y\n"),
            (std::vector<K>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                            K::Dedent, K::EndOfFile}));
  EXPECT_EQ(kinds("\\\nx = 1"),
            (std::vector<K>{K::Name, K::Equal, K::Int, K::Newline, K::EndOfFile}));
}

TEST(Lexer, CarriageReturnLineEndings) {
  std::vector<Token> tokens = lex("if x:\r\n    y\r\nz\rw");
  std::vector<K> expected = {K::KwIf, K::Name,    K::Colon,    K::Newline, K::Indent,
                             K::Name, K::Newline, K::Dedent,   K::Name,    K::Newline,
                             K::Name, K::Newline, K::EndOfFile};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  EXPECT_EQ(tokens[3].text, "\r\n");
  expectPos(tokens[3], 1, 6, 1, 7);
  expectPos(tokens[5], 2, 5, 2, 6);
  EXPECT_EQ(tokens[9].text, "\r");
  expectPos(tokens[10], 4, 1, 4, 2);
  // Line breaks inside string values become "\n".
  EXPECT_EQ(single("'''a\r\nb\rc'''").value, "a\nb\nc");
  EXPECT_EQ(single("f'''a\r\n{b}'''").value, "a\n{b}");
}

TEST(Lexer, ByteOrderMarkIsSkipped) {
  std::vector<Token> tokens = lex("\xEF\xBB\xBFx = 1\n");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].text, "x");
  expectPos(tokens[0], 1, 1, 1, 2);
}

// ---------------------------------------------------------------------------------------------
// Numbers

TEST(Lexer, NumberKindsAndText) {
  struct Case {
    std::string_view source;
    TokenKind kind;
  };
  const Case cases[] = {
      {"0", K::Int},
      {"00", K::Int},
      {"0_0", K::Int},
      {"7", K::Int},
      {"10_000_000", K::Int},
      {"0x_1F", K::Int},
      {"0XdeadBEEF", K::Int},
      {"0o17", K::Int},
      {"0O_7", K::Int},
      {"0b1010", K::Int},
      {"0B_1_0", K::Int},
      {"1.5", K::Float},
      {".5", K::Float},
      {"1.", K::Float},
      {"1e10", K::Float},
      {"1.5E-3", K::Float},
      {"1_0.5", K::Float},
      {"1e+5", K::Float},
      {"1_000.000_1e1_0", K::Float},
      {"09.5", K::Float},
      {"0e0", K::Float},
      {"00.5", K::Float},
      {"1j", K::Imaginary},
      {"1.5J", K::Imaginary},
      {"1e5j", K::Imaginary},
      {"09j", K::Imaginary},
      {".5j", K::Imaginary},
      {"0j", K::Imaginary},
  };
  for (const Case& c : cases) {
    Token token = single(c.source);
    EXPECT_EQ(token.kind, c.kind) << c.source;
    EXPECT_EQ(token.text, c.source);
  }
}

TEST(Lexer, NumberFollowedByKeyword) {
  std::vector<Token> tokens = significant("1if x else 2");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, K::Int);
  EXPECT_EQ(tokens[0].text, "1");
  EXPECT_EQ(tokens[1].kind, K::KwIf);

  tokens = significant("x = 1else");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[2].text, "1");
  EXPECT_EQ(tokens[3].kind, K::KwElse);

  tokens = significant("0x1for");  // hex digits run to `1f`, then `or`
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text, "0x1f");
  EXPECT_EQ(tokens[1].kind, K::KwOr);

  tokens = significant("[1for x in y]");
  ASSERT_GE(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].text, "1");
  EXPECT_EQ(tokens[2].kind, K::KwFor);

  // Only whole keywords: `1andy` is not `1 and y`.
  expectError("1andy", "invalid decimal literal", 1, 1);
}

TEST(Lexer, NumberFollowedByNonAsciiStartsAName) {
  std::vector<Token> tokens = significant("1é");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].kind, K::Int);
  EXPECT_EQ(tokens[1].kind, K::Name);
  expectPos(tokens[1], 1, 2, 1, 3);
}

TEST(Lexer, NumberErrors) {
  // Messages and positions as CPython 3.11 reports them.
  expectError("1__0", "invalid decimal literal", 1, 2);
  expectError("x = 1abc", "invalid decimal literal", 1, 5);
  expectError("1_a", "invalid decimal literal", 1, 2);
  expectError("1_", "invalid decimal literal", 1, 2);
  expectError("1e", "invalid decimal literal", 1, 1);
  expectError("1ex", "invalid decimal literal", 1, 1);
  expectError("1e+", "invalid decimal literal", 1, 3);
  expectError("x=1e_5", "invalid decimal literal", 1, 3);
  expectError("x=1e5_", "invalid decimal literal", 1, 6);
  expectError("x=1__0.5", "invalid decimal literal", 1, 4);
  expectError("x=1._5", "invalid decimal literal", 1, 4);
  expectError("x=.5_", "invalid decimal literal", 1, 5);
  expectError("1.e5x", "invalid decimal literal", 1, 4);
  expectError("0_", "invalid decimal literal", 1, 2);
  expectError("0x", "invalid hexadecimal literal", 1, 2);
  expectError("0x_", "invalid hexadecimal literal", 1, 3);
  expectError("0x1g", "invalid hexadecimal literal", 1, 3);
  expectError("x=0xf__1", "invalid hexadecimal literal", 1, 6);
  expectError("0o", "invalid octal literal", 1, 2);
  expectError("0o8", "invalid digit '8' in octal literal", 1, 3);
  expectError("x=0o79", "invalid digit '9' in octal literal", 1, 6);
  expectError("x=0o1_7_", "invalid octal literal", 1, 8);
  expectError("0b", "invalid binary literal", 1, 2);
  expectError("0b2", "invalid digit '2' in binary literal", 1, 3);
  expectError("x=0b12", "invalid digit '2' in binary literal", 1, 6);
  expectError("x=0b1_", "invalid binary literal", 1, 6);
  expectError("1.5j5", "invalid imaginary literal", 1, 4);
  expectError("1jx", "invalid imaginary literal", 1, 2);
  const std::string leadingZeros =
      "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
      "integers";
  expectError("012", leadingZeros, 1, 1);
  expectError("x=012+1", leadingZeros, 1, 3);
  expectError("x=0_7", leadingZeros, 1, 3);
  expectError("00_1", leadingZeros, 1, 1);
  // CPython lexes `012` here and fails later with "invalid syntax"; the cause is clearer.
  expectError("012else", leadingZeros, 1, 1);
}

// ---------------------------------------------------------------------------------------------
// Strings

TEST(Lexer, StringQuotesAndPrefixes) {
  struct Case {
    std::string_view source;
    TokenKind kind;
    std::string_view value;
    bool raw;
  };
  const Case cases[] = {
      {"'a'", K::String, "a", false},
      {"\"a\"", K::String, "a", false},
      {"'''a'b\"c'''", K::String, "a'b\"c", false},
      {"\"\"\"a\"\"b\"\"\"", K::String, "a\"\"b", false},
      {"''", K::String, "", false},
      {"\"\"", K::String, "", false},
      {"''''''", K::String, "", false},
      {"u'\\n'", K::String, "\n", false},
      {"U'x'", K::String, "x", false},
      {"r'\\n'", K::String, "\\n", false},
      {"R\"\\d+\"", K::String, "\\d+", false},
      {"r'\\''", K::String, "\\'", false},
      {"b'a\\x00'", K::Bytes, std::string_view("a\0", 2), false},
      {"B\"\\n\"", K::Bytes, "\n", false},
      {"br'\\x'", K::Bytes, "\\x", false},
      {"Rb'\\x'", K::Bytes, "\\x", false},
      {"bR'\\n'", K::Bytes, "\\n", false},
      {"rB'\\n'", K::Bytes, "\\n", false},
      {"f'x'", K::FString, "x", false},
      {"F\"{x}\"", K::FString, "{x}", false},
      {"fr'\\d{x}'", K::FString, "\\d{x}", true},
      {"Rf'\\d'", K::FString, "\\d", true},
      {"rF'\\d'", K::FString, "\\d", true},
  };
  for (const Case& c : cases) {
    Token token = single(c.source);
    EXPECT_EQ(token.kind, c.kind) << c.source;
    EXPECT_EQ(token.value, c.value) << c.source;
    EXPECT_EQ(token.rawString, c.raw) << c.source;
    EXPECT_EQ(token.text, c.source);
  }
}

TEST(Lexer, InvalidPrefixCombinationsAreNames) {
  // `ub` and `ur` are not prefixes: a name followed by a string (the parser rejects it).
  for (std::string_view source : {"ub'x'", "ur'x'", "bf'x'", "fb'x'"}) {
    std::vector<Token> tokens = significant(source);
    ASSERT_EQ(tokens.size(), 2u) << source;
    EXPECT_EQ(tokens[0].kind, K::Name) << source;
    EXPECT_EQ(tokens[0].text, source.substr(0, 2));
  }
  EXPECT_EQ(single("bar").kind, K::Name);
  EXPECT_EQ(single("rf").kind, K::Name);
}

TEST(Lexer, StringEscapes) {
  using namespace std::string_literals;
  EXPECT_EQ(single(R"('\\ \' \" \n \t \r \0 \a \b \f \v')").value,
            "\\ ' \" \n \t \r \0 \a \b \f \v"s);
  EXPECT_EQ(single(R"('\101\7\777\0101')").value,
            "A\x07\u01FF\x08"
            "1");
  EXPECT_EQ(single(R"('\x41\xff\xE9')").value, "A\u00FF\u00E9");
  EXPECT_EQ(single(R"('\u00e9\U0001F600\u20AC')").value, "\u00E9\U0001F600\u20AC");
  // Unknown escapes keep their backslash.
  EXPECT_EQ(single(R"('\q\d\{\é')").value, "\\q\\d\\{\\é");
  // Backslash-newline continues the literal, even in a single-quoted string.
  EXPECT_EQ(single("'ab\\\ncd'").value, "abcd");
  EXPECT_EQ(single("'''ab\\\r\ncd'''").value, "abcd");
  // Triple-quoted strings keep their line breaks.
  EXPECT_EQ(single("'''a\nb'''").value, "a\nb");
  // Non-ASCII text is kept as UTF-8.
  EXPECT_EQ(single("'héllo €'").value, "héllo €");
}

TEST(Lexer, BytesEscapes) {
  EXPECT_EQ(single(R"(b'\xff\x00\777\101')").value, std::string("\xff\x00\xff"
                                                                "A",
                                                                4));
  // \u, \U and \N are not escapes in bytes.
  EXPECT_EQ(single(R"(b'\u1234\N{x}')").value, "\\u1234\\N{x}");
}

TEST(Lexer, MultiLineStringPositions) {
  std::vector<Token> tokens = significant("x = '''one\ntwo\nthree''' + y");
  ASSERT_EQ(tokens.size(), 5u);
  expectPos(tokens[2], 1, 5, 3, 9);
  EXPECT_EQ(tokens[2].value, "one\ntwo\nthree");
  expectPos(tokens[4], 3, 12, 3, 13);
}

TEST(Lexer, AdjacentStringsAreSeparateTokens) {
  std::vector<Token> tokens = significant("'a' \"b\" f'c' b'd'");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, K::String);
  EXPECT_EQ(tokens[1].kind, K::String);
  EXPECT_EQ(tokens[2].kind, K::FString);
  EXPECT_EQ(tokens[3].kind, K::Bytes);
}

TEST(Lexer, FStringBodiesAreRaw) {
  Token token = single(R"(f"{d['a']}")");
  EXPECT_EQ(token.kind, K::FString);
  EXPECT_EQ(token.value, "{d['a']}");

  token = single(R"(f'{x!r:>{w}}')");
  EXPECT_EQ(token.value, "{x!r:>{w}}");

  token = single(R"(f'{d["a"]}')");
  EXPECT_EQ(token.value, R"({d["a"]})");

  token = single(R"(f"{{literal}} {x} }}")");
  EXPECT_EQ(token.value, "{{literal}} {x} }}");

  // Escapes stay for the parser, which decodes literal parts with decodeStringEscapes.
  token = single(R"(f"\n{x}\t\"")");
  EXPECT_EQ(token.value, R"(\n{x}\t\")");
  EXPECT_FALSE(token.rawString);

  token = single("f'''multi\nline {x\n+ y}'''");
  EXPECT_EQ(token.value, "multi\nline {x\n+ y}");
  expectPos(token, 1, 1, 3, 8);

  token = single(R"(f"{'\"'}")");
  EXPECT_EQ(token.value, R"({'\"'})");

  // Under 3.11 rules the same quote ends the f-string even inside a field.
  std::vector<Token> tokens = significant("f'{d['a']}'");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].kind, K::FString);
  EXPECT_EQ(tokens[0].value, "{d[");
  EXPECT_EQ(tokens[1].kind, K::Name);
  EXPECT_EQ(tokens[2].kind, K::String);
  EXPECT_EQ(tokens[2].value, "]}");
}

TEST(Lexer, StringErrors) {
  expectError("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5);
  expectError("x = 'abc", "unterminated string literal (detected at line 1)", 1, 5);
  expectError("x = 'abc\\", "unterminated string literal (detected at line 1)", 1, 5);
  expectError("x = 'abc\\\n", "unterminated string literal (detected at line 1)", 1, 5);
  expectError("x = 'ab\\\ncd\n", "unterminated string literal (detected at line 2)", 1, 5);
  expectError("é = 'abc", "unterminated string literal (detected at line 1)", 1, 5);
  expectError("x = rb'abc", "unterminated string literal (detected at line 1)", 1, 5);
  expectError("y=1\nx = '''abc\ndef\n",
              "unterminated triple-quoted string literal (detected at line 3)", 2, 5);
  expectError("x = '''abc\ndef", "unterminated triple-quoted string literal (detected at line 2)",
              1, 5);
  expectError("x='''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1,
              3);
  expectError("x = f'''{a}\n", "unterminated triple-quoted string literal (detected at line 1)", 1,
              5);
  expectError("x = b'é'", "bytes can only contain ASCII literal characters", 1, 5);
  // Escape errors are reported at the start of the literal.
  expectError(
      "x = 'ab\\x4'",
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX "
      "escape",
      1, 5);
  expectError("x = b'\\x4'", "(value error) invalid \\x escape at position 0", 1, 5);
}

TEST(Lexer, DecodeStringEscapesDirectly) {
  EXPECT_EQ(decodeStringEscapes("a\\tb", false, false, 1, 1), "a\tb");
  EXPECT_EQ(decodeStringEscapes("a\\tb", true, false, 1, 1), "a\\tb");
  EXPECT_EQ(decodeStringEscapes("a\\\r\nb\r\n", true, false, 1, 1), "a\\\nb\n");
  EXPECT_EQ(decodeStringEscapes("\\xe9", false, false, 1, 1), "\u00E9");
  EXPECT_EQ(decodeStringEscapes("\\xe9", false, true, 1, 1), "\xE9");
  EXPECT_EQ(decodeStringEscapes("\\u00e9", false, true, 1, 1), "\\u00e9");
  // A trailing lone backslash (an f-string part such as the `a\` of f"a\{x}") is kept.
  EXPECT_EQ(decodeStringEscapes("a\\", false, false, 1, 1), "a\\");

  const std::string prefix =
      "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
  expectDecodeError("\\x4", false, prefix + "0-2: truncated \\xXX escape");
  expectDecodeError("\\x", false, prefix + "0-1: truncated \\xXX escape");
  expectDecodeError("ab\\x4g", false, prefix + "2-4: truncated \\xXX escape");
  expectDecodeError("\\u12", false, prefix + "0-3: truncated \\uXXXX escape");
  expectDecodeError("\\U1234567", false, prefix + "0-8: truncated \\UXXXXXXXX escape");
  expectDecodeError("\\U00110000", false, prefix + "0-9: illegal Unicode character");
  expectDecodeError("\\ud800", false, prefix + "0-5: surrogate code points are not supported");
  expectDecodeError("\\N{DASH}", false, prefix + "0-7: \\N{...} escapes are not supported");
  expectDecodeError("\\x4", true, "(value error) invalid \\x escape at position 0");
  expectDecodeError("é", true, "bytes can only contain ASCII literal characters");
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST(Lexer, BracketErrors) {
  expectError("x = )", "unmatched ')'", 1, 5);
  expectError("}", "unmatched '}'", 1, 1);
  expectError("x = (1,2]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 9);
  expectError("x = ([)", "closing parenthesis ')' does not match opening parenthesis '['", 1, 7);
  expectError("x = (1,\n2]",
              "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2);
  expectError("foo(\n", "'(' was never closed", 1, 4);
  expectError("x = (1, [2,\n", "'[' was never closed", 1, 9);  // the innermost one
  expectError("x = {\n  1: [\n", "'[' was never closed", 2, 6);
}

TEST(Lexer, NestingLimit) {
  std::string ok = std::string(200, '(') + std::string(200, ')');
  EXPECT_NO_THROW(lex(ok));
  expectError(std::string(201, '('), "too many nested parentheses", 1, 201);
  expectError(std::string(100000, '['), "too many nested parentheses", 1, 201);
}

TEST(Lexer, IndentationErrors) {
  expectError("  x", "unexpected indent", 1, 2, "IndentationError");
  expectError("    x", "unexpected indent", 1, 4, "IndentationError");
  expectError("x\n  y\n", "unexpected indent", 2, 2, "IndentationError");
  expectError("if x: y\n  z\n", "unexpected indent", 2, 2, "IndentationError");
  expectError("if x:\n    y\n        z\n", "unexpected indent", 3, 8, "IndentationError");
  // CPython points just past the end of the offending line.
  expectError("if x:\n    a\n  b\n", "unindent does not match any outer indentation level", 3, 4,
              "IndentationError");
  expectError("if x:\n    a\n  b + c", "unindent does not match any outer indentation level", 3, 8,
              "IndentationError");
}

TEST(Lexer, IndentationLimit) {
  auto nested = [](int depth) {
    std::string source;
    for (int i = 0; i < depth; ++i)
      source += std::string(i, ' ') + "if 1:\n";
    return source + std::string(depth, ' ') + "pass\n";
  };
  EXPECT_NO_THROW(lex(nested(99)));
  expectError(nested(100), "too many levels of indentation", 101, 1, "IndentationError");
  expectError(nested(500), "too many levels of indentation", 101, 1, "IndentationError");
}

TEST(Lexer, InvalidCharacters) {
  expectError("x = €", "invalid character '€' (U+20AC)", 1, 5);
  expectError("a€b", "invalid character '€' (U+20AC)", 1, 2);
  expectError("x = é€", "invalid character '€' (U+20AC)", 1, 6);
  expectError("x = ½", "invalid character '½' (U+00BD)", 1, 5);
  expectError("x = ·a", "invalid character '·' (U+00B7)", 1, 5);  // cannot start a name
  expectError("x\u00A0= 1", "invalid non-printable character U+00A0", 1, 2);
  expectError("x = \u3000", "invalid non-printable character U+3000", 1, 5);
  expectError("a = \uFEFF1", "invalid non-printable character U+FEFF", 1, 5);
  expectError("x = 1\x01", "invalid non-printable character U+0001", 1, 6);
  expectError("x = \x0b 1", "invalid non-printable character U+000B", 1, 5);
  expectError("x = \x7f", "invalid non-printable character U+007F", 1, 5);
}

TEST(Lexer, StrayCharactersAreInvalidSyntax) {
  expectError("a $ b", "invalid syntax", 1, 3);
  expectError("a ? b", "invalid syntax", 1, 3);
  expectError("a ` b", "invalid syntax", 1, 3);
  expectError("a ! b", "invalid syntax", 1, 3);
  expectError("x\ny = a$", "invalid syntax", 2, 6);
}

TEST(Lexer, LaterTokenizerErrorsOverrideParserLevelOnes) {
  // As in CPython 3.11, which tokenizes the rest of the file before reporting a parser error.
  expectError("? 1abc", "invalid decimal literal", 1, 3);
  expectError("?\n'abc", "unterminated string literal (detected at line 2)", 2, 1);
  expectError("? )", "unmatched ')'", 1, 3);
  expectError("b'é' 'abc", "unterminated string literal (detected at line 1)", 1, 6);
  expectError("'\\x'\n  y\n'abc", "unterminated string literal (detected at line 3)", 3, 1);
  // The first parser-level error wins over later ones...
  expectError("? '\\x'", "invalid syntax", 1, 1);
  expectError(
      "'\\x' ?",
      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX "
      "escape",
      1, 1);
  expectError("$\n  x\n", "invalid syntax", 1, 1);
  // ...and over tokenizer errors where CPython's tokenizer just stops.
  expectError("?\nif x:\n    a\n  b\n", "invalid syntax", 1, 1);
  expectError("?\nx = 1 \\ y", "invalid syntax", 1, 1);
  // An unclosed bracket is reported only if it opened on an earlier line.
  expectError("(\n?\n", "'(' was never closed", 1, 1);
  expectError("(?\n", "invalid syntax", 1, 2);
  expectError("?\n(\n", "invalid syntax", 1, 1);
}

TEST(Lexer, LineContinuationErrors) {
  expectError("x = 1 \\ y", "unexpected character after line continuation character", 1, 8);
  expectError("x = \\ \n", "unexpected character after line continuation character", 1, 6);
  expectError("x = 1 \\", "unexpected EOF while parsing", 1, 8);
  expectError("x = 1 \\\n", "unexpected EOF while parsing", 1, 8);
  expectError("x = 1\n\\\n", "unexpected EOF while parsing", 2, 2);
  expectError("x = (1 \\", "'(' was never closed", 1, 5);
}

TEST(Lexer, NulBytesAreRejected) {
  using namespace std::string_view_literals;
  expectError("x = 1\n y\0z"sv, "source code cannot contain null bytes", 2, 3);
  expectError("'\0'"sv, "source code cannot contain null bytes", 1, 2);
}

TEST(Lexer, TokenizeCanRunTwice) {
  Lexer lexer("if x:\n  y\n");
  std::vector<Token> first = lexer.tokenize();
  std::vector<Token> second = lexer.tokenize();
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(first[i].kind, second[i].kind);
}

TEST(Lexer, OddInputsDoNotCrash) {
  // Not valid UTF-8 (the driver rejects it first), but the lexer must stay in bounds.
  for (std::string_view source :
       {"\xC3", "x = '\xE2\x82", "\xF0\x9F", "\x80\x80", "'''\xF0", "#\xE2", "0x\xC3"}) {
    try {
      lex(source);
    } catch (const SyntaxError& error) {
      EXPECT_GE(error.line, 1);
      EXPECT_GE(error.col, 1);
    }
  }
}

}  // namespace
}  // namespace gilsim
