// complex: a native type (a pair of doubles) whose arithmetic, comparison, hashing and repr are
// its dunder methods, so mixed int/float/complex arithmetic goes through the protocol's
// reflected-operator path. CPython 3.11's algorithms (Smith's division, exponentiation by
// squaring for small integral powers) and its repr.
#pragma once

#include "interp/objects/object.h"

namespace gilsim {

class ComplexObject : public Object {
 public:
  ComplexObject(double real, double imag);
  double real;
  double imag;
};

TypeObject* complexType();
Value makeComplex(double real, double imag);
bool isComplex(const Value& v);

}  // namespace gilsim
