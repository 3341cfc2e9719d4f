// The one exception type the front end (lexer, parser, compiler) throws for bad source text.
// The driver turns it into `file:line:col: SyntaxError: message`, the source line and a caret.
#pragma once

#include <stdexcept>
#include <string>

namespace gilsim {

struct SyntaxError : std::runtime_error {
  SyntaxError(std::string message, int line, int col, std::string kind = "SyntaxError")
      : std::runtime_error(message), line(line), col(col), kind(std::move(kind)) {}
  int line;          // 1-based
  int col;           // 1-based, in code points
  std::string kind;  // "SyntaxError" or "IndentationError"/"TabError"
};

}  // namespace gilsim
