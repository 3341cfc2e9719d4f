#include "interp/modules/native_modules.h"

#include <string_view>

namespace gilsim {

namespace {
struct NativeModule {
  std::string_view name;
  NativeModuleInit init;
};

// Every native module, declared once. `import NAME` looks here before the script's folder.
// One entry a line (clang-format would pack them), so each module's line merges on its own.
// clang-format off
constexpr NativeModule kNativeModules[] = {
    {"_gilsim_mp", initGilsimMpModule},
    {"_gilsim_re", initRegexModule},
    {"_gilsim_subprocess", initSubprocessModule},
    {"_hashlib", initHashlibModule},
    {"_random", initRandomModule},
    {"_thread", initThreadModule},
    {"cext", initCextModule},
    {"gilsim", initGilsimModule},
    {"math", initMathModule},
    {"posix", initOsModule},
    {"select", initSelectModule},
    {"signal", initSignalModule},
    {"_socket", initSocketModule},
    {"_struct", initStructModule},
    {"sys", initSysModule},
    {"time", initTimeModule},
    {"_traceback", initTracebackModule},
    {"_weakref", initWeakrefModule},
};
// clang-format on
}  // namespace

NativeModuleInit findNativeModule(std::string_view name) {
  for (const NativeModule& m : kNativeModules)
    if (m.name == name) return m.init;
  return nullptr;
}

}  // namespace gilsim
