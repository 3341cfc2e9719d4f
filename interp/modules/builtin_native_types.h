// The built-in names bound to native types that live outside builtins.cpp's table (complex;
// bytearray and memoryview when they land): standard_modules.cpp adds them after the others.
#pragma once

namespace gilsim {

class DictObject;

void addNativeTypeBuiltins(DictObject* builtins);

}  // namespace gilsim
