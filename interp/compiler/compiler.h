// The compiler: AST -> code objects. One pass per code object over the AST, with the scope table
// deciding how each name is loaded and stored. Exception handling is "zero cost": handlers are
// described by an exception table built from the handler active at each emitted instruction, so
// entering a `try` executes nothing.
#pragma once

#include <string>

#include "interp/objects/object.h"
#include "interp/syntax/ast.h"

namespace gilsim {

// What a module compiles to, as compile()'s modes: statements (exec), one expression whose value
// the code returns (eval), or statements whose expression values go to a display hook (single,
// the interactive prompt's: `displayHook` is called with each one).
enum class CompileMode { Exec, Eval, Single };

// Compiles a parsed module. Throws SyntaxError for errors the parser leaves to the compiler
// ('return' outside function, 'break' outside loop, ...).
Value compileModule(const Module& module, const std::string& filename,
                    CompileMode mode = CompileMode::Exec, const Value& displayHook = Value());

}  // namespace gilsim
