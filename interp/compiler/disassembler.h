// `gilsim dis`: bytecode listings in the spirit of Python's dis module.
#pragma once

#include <string>

namespace gilsim {

class CodeObject;

// Lists `code` and, after it, every code object in its constants. Check points (under the default
// `branches` setting) are marked with '*', jump targets with '>>'.
std::string disassemble(const CodeObject& code);

}  // namespace gilsim
