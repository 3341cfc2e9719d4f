// gilsim dis FILE
#include <fstream>
#include <iostream>
#include <sstream>

#include "interp/code.h"
#include "interp/disassembler.h"
#include "interp/interpreter.h"
#include "interp/syntax_error.h"
#include "tools/cli.h"

namespace gilsim::cli {

int disCommand(const std::vector<std::string>& args) {
  if (!args.empty() && (args[0] == "-h" || args[0] == "--help")) {
    std::cout << "usage: gilsim dis FILE\n\nPrint the bytecode of FILE: offsets, line numbers, "
                 "operands, jump targets (>>) and check points (*).\n";
    return 0;
  }
  if (args.size() != 1) return usageError("dis takes exactly one FILE", "dis");
  std::ifstream in(args[0], std::ios::binary);
  if (!in) {
    std::cerr << "gilsim: can't open file '" << args[0] << "'\n";
    return kUsageError;
  }
  std::ostringstream text;
  text << in.rdbuf();
  InterpreterConfig config;
  Interpreter interp(config);
  try {
    Value code = interp.compileSource(text.str(), args[0]);
    std::cout << disassemble(*code.as<CodeObject>());
  } catch (const SyntaxError& e) {
    std::cerr << args[0] << ":" << e.line << ":" << e.col << ": " << e.kind << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace gilsim::cli
