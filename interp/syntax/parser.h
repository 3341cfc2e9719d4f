// The parser: source text to AST.
//
// A hand-written recursive-descent parser for the Python 3.11 grammar, restricted to what ast.h
// can represent. Errors are reported the way CPython 3.11 reports them (same message, and the
// same line and column wherever that is practical), because the conformance tests compare our
// diagnostics with CPython's.
#pragma once

#include <cstddef>
#include <string_view>

#include "interp/syntax/ast.h"

namespace gilsim {

// Lexes and parses a whole module. Throws SyntaxError (kind "SyntaxError" or
// "IndentationError") on malformed input; never crashes or recurses without bound, whatever the
// input (nesting is capped: "too many nested parentheses" / "expression too complex").
// Semantic checks CPython leaves to its compiler ('return' outside function and the like) are not
// made here, except those that need the shape of assignment targets and starred expressions.
Module parse(std::string_view source);

// How many trial parses (the re-parses that only choose an error message) parse() has made on
// this thread so far: tests bound it, since a timed assertion would be flaky.
size_t trialParseCount();

}  // namespace gilsim
