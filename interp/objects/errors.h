// Raising Python exceptions from C++. A Python exception travels through native code as a C++
// exception (PyException) and is caught by the eval loop, which unwinds to the handler of the
// innermost `try` in the exception table. Zero-cost when nothing is raised.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "interp/objects/object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

struct PyException {
  Value exception;  // an ExceptionObject
};

Value newException(TypeObject* type, std::vector<Value> args);
Value newException(TypeObject* type, std::string message);
[[noreturn]] void raiseException(Value exception);
[[noreturn]] void raise(TypeObject* type, std::string message);

template <class... Args>
[[noreturn]] void raiseFmt(TypeObject* type, fmt::format_string<Args...> format, Args&&... args) {
  raise(type, fmt::format(format, std::forward<Args>(args)...));
}

#define GILSIM_RAISE_HELPER(name, base)                                               \
  template <class... Args>                                                            \
  [[noreturn]] void raise##name(fmt::format_string<Args...> format, Args&&... args) { \
    raise(builtinTypes().name, fmt::format(format, std::forward<Args>(args)...));     \
  }
GILSIM_EXCEPTION_TYPES(GILSIM_RAISE_HELPER)
#undef GILSIM_RAISE_HELPER

// OSError (or the subclass CPython picks for errno `err`) with errno, strerror and filename.
[[noreturn]] void raiseOsError(int err, const std::string& path = "");
// The subclass of OSError that CPython makes of OSError(err, ...): FileNotFoundError for ENOENT.
TypeObject* osErrorTypeFor(int err);
class ExceptionObject;
// OSError's errno, strerror, filename and filename2 from its constructor's arguments.
void initOsErrorFields(ExceptionObject* e, const Value* args, size_t count);

// The name Python shows for a value's type, e.g. 'int', 'NoneType'.
const std::string& typeName(const Value& v);

bool isExceptionInstance(const Value& v);
bool isExceptionClass(const Value& v);

}  // namespace gilsim
