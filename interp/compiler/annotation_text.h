// The text of an annotation expression, as a class body's __annotations__ keeps it.
//
// gilsim never evaluates annotations: it keeps them as strings, as CPython 3.11 does under
// `from __future__ import annotations` (PEP 563). A class body records them so that dataclasses,
// typing.NamedTuple and typing.TypedDict can read the fields and their order.
#pragma once

#include <string>

#include "interp/syntax/ast.h"

namespace gilsim::detail {

// The expression written back the way CPython's ast.unparse writes it for the forms that
// annotations use (names, attributes, subscripts, tuples, lists, constants, `|`); any other
// form gives "...".
std::string annotationText(const Expr& e);

// Whether a class body annotates a plain name anywhere in its own blocks (if, for, while, with,
// try; not in nested definitions): CPython then gives the class an __annotations__ dict.
bool annotatesNames(const Body& body);

}  // namespace gilsim::detail
