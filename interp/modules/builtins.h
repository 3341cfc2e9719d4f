// The builtins module's contents.
#pragma once

namespace gilsim {

class DictObject;
void populateBuiltins(DictObject* builtins);

}  // namespace gilsim
