// Registration of the methods and constructors of the built-in types, one function per file that
// owns them; ensureBuiltinTypes() calls each once.
#pragma once

namespace gilsim {

struct BuiltinTypes;

void registerObjectMethods(BuiltinTypes& t);     // type_constructors.cpp
void registerConstructors(BuiltinTypes& t);      // type_constructors.cpp
void registerStrMethods(BuiltinTypes& t);        // string_methods.cpp
void registerContainerMethods(BuiltinTypes& t);  // container_methods.cpp
void registerExceptionMethods(BuiltinTypes& t);  // exceptions.cpp

}  // namespace gilsim
