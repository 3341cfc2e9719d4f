// The top-level module names of CPython 3.11's standard library (its sys.stdlib_module_names),
// declared once: sys.stdlib_module_names is made from it, and an import of one that gilsim lacks
// says that gilsim does not support it rather than that it does not exist.
#pragma once

#include <span>
#include <string_view>

namespace gilsim {

std::span<const std::string_view> stdlibModuleNames();
bool isStdlibModuleName(std::string_view topLevelName);

}  // namespace gilsim
