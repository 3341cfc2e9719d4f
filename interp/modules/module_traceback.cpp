// The _traceback module, under interp/lib/traceback.py: an exception's report as gilsim prints it
// for an uncaught one (chained causes and contexts, each frame with its source line), and the
// frames themselves. gilsim keeps no frame or traceback objects, so these read the exception.
//
//   format(exc)   the report, one str ending in a newline
//   frames(exc)   [(filename, lineno, function name, source line or ''), ...], outermost first
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

const ExceptionObject* exceptionArgument(const char* function, const CallArgs& args) {
  expectArgs(function, args, 1, 1);
  if (!isInstance(args[0], builtinTypes().BaseException))
    raiseTypeError("{}() argument must be an exception, not {}", function, typeName(args[0]));
  return args[0].as<ExceptionObject>();
}

Value tracebackFormat(VM& vm, CallArgs args) {
  exceptionArgument("format", args);
  return makeStr(vm.interp().formatException(args[0]));
}

Value tracebackFrames(VM& vm, CallArgs args) {
  const ExceptionObject* e = exceptionArgument("frames", args);
  std::vector<Value> frames;
  for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it)
    frames.push_back(
        makeTuple({makeStr(it->filename()), Value::integer(it->line), makeStr(it->function()),
                   makeStr(vm.interp().sourceLine(it->filename(), it->line))}));
  return makeList(std::move(frames));
}

}  // namespace

void initTracebackModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("format", makeNative("format", tracebackFormat));
  d->setStr("frames", makeNative("frames", tracebackFrames));
}

}  // namespace gilsim
