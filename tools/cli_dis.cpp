// gilsim dis FILE
#include <iostream>

#include "interp/modules/standard_modules.h"
#include "interp/syntax/syntax_error.h"
#include "interp/vm/interpreter.h"
#include "tools/cli.h"

namespace gilsim::cli {

int disCommand(const std::vector<std::string>& args) {
  if (!args.empty() && (args[0] == "-h" || args[0] == "--help")) {
    std::cout << "usage: gilsim dis FILE\n\nPrint the bytecode of FILE: offsets, line numbers, "
                 "operands, jump targets (>>) and check points (*).\n";
    return 0;
  }
  if (args.size() != 1) return usageError("dis takes exactly one FILE", "dis");
  InterpreterConfig config;
  Interpreter interp(config, standardModules());
  std::string source;
  int status = 0;
  if (!interp.readScript(args[0], &source, &status)) return status;
  try {
    std::cout << interp.disassemble(source, args[0]);
  } catch (const SyntaxError& e) {
    interp.writeErr(Interpreter::formatSyntaxError(e, args[0], source));
    return 1;
  }
  return 0;
}

}  // namespace gilsim::cli
