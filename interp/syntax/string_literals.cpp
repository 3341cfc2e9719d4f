// String and bytes literals: adjacent literals joined into one constant, or into a JoinedStr
// when an f-string is among them, and f-strings split into literal text and replacement fields
// whose expressions are lexed and parsed again, as CPython 3.11 does. Separate from the
// expression grammar because it works on the text inside the tokens, not on the tokens.
#include "interp/syntax/parser_internal.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interp/syntax/lexer.h"
#include "interp/syntax/syntax_error.h"
#include "interp/syntax/token.h"

namespace gilsim {
namespace parser_internal {

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
  sub.stack_ = stack_;
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

}  // namespace parser_internal
}  // namespace gilsim
