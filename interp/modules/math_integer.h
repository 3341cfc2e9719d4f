// The integer functions of the math module (isqrt, factorial, comb, perm, gcd, lcm), exact on
// ints of any size as CPython's are. module_math.cpp registers them with the float functions.
#pragma once

#include "interp/objects/function_object.h"

namespace gilsim {

class DictObject;

// Adds isqrt, factorial, comb, perm, gcd and lcm to the math module's dict.
void addMathIntegerFunctions(DictObject* mathDict);

// The int an argument of an integer function stands for: ints and bools as they are, objects
// with __index__ through it, anything else (floats included) a TypeError, as CPython's
// PyNumber_Index.
Value mathIndex(const Value& v);

}  // namespace gilsim
