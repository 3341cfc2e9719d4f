// libFuzzer target: the input is a Python source file, run through the whole pipeline (lexer,
// parser, scopes, compiler, VM, objects) in a fresh interpreter per input.
//
// Build:  cmake --preset fuzz && cmake --build --preset fuzz -j2
// Run:    tests/fuzz/run_fuzz.sh [SECONDS]
//
// The settings keep every run short and small: a check-point budget (every loop iteration and
// every call passes a check point), a low recursion limit and a cap on sequence lengths. Output
// goes to /dev/null. Inputs that are not valid UTF-8 are rejected by compileSource as a
// SyntaxError, so they need no filtering here.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "interp/modules/standard_modules.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"

namespace {

constexpr size_t kMaxInputBytes = 4096;

std::FILE* devNull() {
  static std::FILE* f = std::fopen("/dev/null", "w");
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) return 0;
  std::FILE* sink = devNull();
  if (!sink) return 0;
  std::string source(reinterpret_cast<const char*>(data), size);

  gilsim::InterpreterConfig config;
  config.checkPointBudget = 20000;
  config.recursionLimit = 150;
  config.maxSequenceLength = size_t{1} << 16;
  config.out = sink;
  config.err = sink;
  // No forks, signals or exits: a mutated `os.kill(-1, 9)` must not reach the machine.
  config.processControl = false;
  gilsim::Interpreter interp(config, gilsim::standardModules());
  // No file system and no stdin: a mutated script must not create files or wait for input.
  for (const char* name : {"open", "input"})
    interp.builtins()->remove(gilsim::makeStr(name));
  interp.runSource(source, "<fuzz>");
  return 0;
}
