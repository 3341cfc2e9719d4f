// Exception objects: construction, raising from C++, and the methods of BaseException.
#include <cerrno>
#include <cstring>

#include "interp/objects/builtin_methods.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"

namespace gilsim {

Value newException(TypeObject* type, std::vector<Value> args) {
  auto* e = new ExceptionObject(type);
  e->args = makeTuple(std::move(args));
  return Value::steal(e);
}

Value newException(TypeObject* type, std::string message) {
  return newException(type, std::vector<Value>{makeStr(std::move(message))});
}

void raiseException(Value exception) {
  throw PyException{std::move(exception)};
}

void raise(TypeObject* type, std::string message) {
  raiseException(newException(type, std::move(message)));
}

const std::string& typeName(const Value& v) {
  return v.type()->name();
}

bool isExceptionInstance(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Exception;
}

bool isExceptionClass(const Value& v) {
  return v.isObject() && v.object()->type()->layout() == Layout::Type &&
         v.as<TypeObject>()->isSubtypeOf(builtinTypes().BaseException);
}

namespace {

ExceptionObject* self(CallArgs args) {
  if (args.count == 0 || !isExceptionInstance(args[0]))
    raiseTypeError("descriptor requires a 'BaseException' object");
  return args[0].as<ExceptionObject>();
}

Value exceptionInit(VM&, CallArgs args) {
  ExceptionObject* e = self(args);
  if (args.keywordCount()) raiseTypeError("{}() takes no keyword arguments", e->type()->name());
  e->args = makeTuple(std::vector<Value>(args.args + 1, args.args + args.count));
  if (e->type()->isSubtypeOf(builtinTypes().OSError))
    initOsErrorFields(e, args.args + 1, args.count - 1);
  return Value::none();
}

Value exceptionStr(VM&, CallArgs args) {
  ExceptionObject* e = self(args);
  const auto& items = e->args.as<TupleObject>()->items();
  if (e->type()->isSubtypeOf(builtinTypes().KeyError) && items.size() == 1)
    return makeStr(repr(items[0]));
  if (e->type()->isSubtypeOf(builtinTypes().OSError) && items.size() >= 2 && isInt(items[0])) {
    std::string text = "[Errno " + str(items[0]) + "] " + str(items[1]);
    Value filename = e->dict()->getStr("filename");
    if (!filename.isNull() && !filename.isNone()) text += ": " + repr(filename);
    return makeStr(std::move(text));
  }
  if (items.empty()) return makeStr("");
  if (items.size() == 1) return makeStr(str(items[0]));
  return makeStr(repr(e->args));
}

Value exceptionRepr(VM&, CallArgs args) {
  // ValueError('x'), KeyError(1, 2), RuntimeError(): the arguments without tuple punctuation.
  ExceptionObject* e = self(args);
  std::string inner;
  const auto& items = e->args.as<TupleObject>()->items();
  for (size_t i = 0; i < items.size(); ++i)
    inner += (i ? ", " : "") + repr(items[i]);
  return makeStr(e->type()->name() + "(" + inner + ")");
}

}  // namespace

void registerExceptionMethods(BuiltinTypes& t) {
  DictObject* d = t.BaseException->dict();
  d->setStr("__init__", makeNativeMethod("__init__", exceptionInit, "BaseException"));
  d->setStr("__str__", makeNativeMethod("__str__", exceptionStr, "BaseException"));
  d->setStr("__repr__", makeNativeMethod("__repr__", exceptionRepr, "BaseException"));
}

TypeObject* osErrorTypeFor(int err) {
  TypeObject* type = builtinTypes().OSError;
  if (err == ENOENT)
    type = builtinTypes().FileNotFoundError;
  else if (err == EEXIST)
    type = builtinTypes().FileExistsError;
  else if (err == EISDIR)
    type = builtinTypes().IsADirectoryError;
  else if (err == EACCES || err == EPERM)
    type = builtinTypes().PermissionError;
  else if (err == ENOTDIR)
    type = builtinTypes().NotADirectoryError;
  else if (err == EAGAIN || err == EALREADY || err == EINPROGRESS)
    type = builtinTypes().BlockingIOError;
  else if (err == ECHILD)
    type = builtinTypes().ChildProcessError;
  else if (err == EINTR)
    type = builtinTypes().InterruptedError;
  else if (err == ESRCH)
    type = builtinTypes().ProcessLookupError;
  else if (err == EPIPE || err == ESHUTDOWN)
    type = builtinTypes().BrokenPipeError;
  else if (err == ECONNABORTED)
    type = builtinTypes().ConnectionAbortedError;
  else if (err == ECONNREFUSED)
    type = builtinTypes().ConnectionRefusedError;
  else if (err == ECONNRESET)
    type = builtinTypes().ConnectionResetError;
  else if (err == ETIMEDOUT)
    type = builtinTypes().TimeoutError;
  return type;
}

void initOsErrorFields(ExceptionObject* e, const Value* args, size_t count) {
  DictObject* d = e->dict();
  if (count >= 2 && count <= 5) {
    d->setStr("errno", args[0]);
    d->setStr("strerror", args[1]);
    d->setStr("filename", count >= 3 ? args[2] : Value::none());
    d->setStr("filename2", count >= 5 ? args[4] : Value::none());
    // CPython keeps (errno, strerror) as args when a filename came too.
    if (count >= 3) e->args = makeTuple({args[0], args[1]});
  } else {
    for (const char* name : {"errno", "strerror", "filename", "filename2"})
      d->setStr(name, Value::none());
  }
}

void raiseOsError(int err, const std::string& path) {
  TypeObject* type = osErrorTypeFor(err);
  Value exc =
      newException(type, std::vector<Value>{Value::integer(err), makeStr(std::strerror(err))});
  auto* e = exc.as<ExceptionObject>();
  e->dict()->setStr("errno", Value::integer(err));
  e->dict()->setStr("strerror", makeStr(std::strerror(err)));
  e->dict()->setStr("filename", path.empty() ? Value::none() : makeStr(path));
  raiseException(std::move(exc));
}

}  // namespace gilsim
