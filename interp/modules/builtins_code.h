// The built-in functions that reach into the running program: __import__ (and, with issue 10,
// the namespace and code functions). The rest of builtins is interp/modules/builtins.cpp.
#pragma once

namespace gilsim {

class DictObject;
void populateCodeBuiltins(DictObject* builtins);

}  // namespace gilsim
