// A run stopped from outside the program (a check-point budget, a stop request). Python code
// cannot catch it; the interpreter reports it and exits.
#pragma once

#include <string>

namespace gilsim {

struct RunAborted {
  std::string reason;
};

}  // namespace gilsim
