// The built-in functions that reach into the running program: __import__, the namespaces
// (globals, locals, vars, dir) and code (compile, eval, exec). The rest of builtins is
// interp/modules/builtins.cpp.
#pragma once

namespace gilsim {

class DictObject;
void populateCodeBuiltins(DictObject* builtins);

}  // namespace gilsim
