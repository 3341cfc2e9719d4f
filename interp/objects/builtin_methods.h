// Registration of the methods and constructors of the built-in types, one function per file that
// owns them; ensureBuiltinTypes() calls each once.
#pragma once

#include "interp/objects/function_object.h"

namespace gilsim {

struct BuiltinTypes;
class TypeObject;

void registerObjectMethods(BuiltinTypes& t);     // type_constructors.cpp
void registerConstructors(BuiltinTypes& t);      // type_constructors.cpp
void registerStrMethods(BuiltinTypes& t);        // string_methods.cpp
void registerBytesMethods(BuiltinTypes& t);      // bytes_methods.cpp (bytearray's too)
void registerContainerMethods(BuiltinTypes& t);  // container_methods.cpp
void registerExceptionMethods(BuiltinTypes& t);  // exceptions.cpp
void registerNumberMethods(BuiltinTypes& t);     // number_methods.cpp
void registerTranslateMethods(BuiltinTypes& t);  // string_translate.cpp

// A static method of a built-in type (int.from_bytes, str.maketrans), its function immortal like
// the wrapper: every interpreter reads it (builtin_types.cpp).
void installStaticMethod(TypeObject* type, const char* name, NativeFn fn);
// A class method of a built-in type (bytes.fromhex): fn gets the class as args[0].
void installClassMethod(TypeObject* type, const char* name, NativeFn fn);
// A read-only property of a built-in or native type (complex.real, HASH.name), its getter
// called with the instance as args[0].
void installProperty(TypeObject* type, const char* name, NativeFn getter);

}  // namespace gilsim
