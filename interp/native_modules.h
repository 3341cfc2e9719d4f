// Native (C++) modules. Each is declared once in the table in native_modules.cpp with the
// function that fills a fresh module object; `import NAME` consults the table before the script's
// folder. New native modules (threading, queue, multiprocessing, cext, gilsim) register there.
#pragma once

#include <string_view>

namespace gilsim {

class DictObject;
class ModuleObject;
class VM;

using NativeModuleInit = void (*)(VM& vm, ModuleObject* module);

// os's process functions (interp/os_process.cpp), added by initOsModule unless the
// interpreter's config turns process control off.
void addOsProcessFunctions(DictObject* osDict);

// The init function of a native module, or nullptr.
NativeModuleInit findNativeModule(std::string_view name);

void initCextModule(VM& vm, ModuleObject* module);
void initGilsimModule(VM& vm, ModuleObject* module);
void initOsModule(VM& vm, ModuleObject* module);
void initSignalModule(VM& vm, ModuleObject* module);
void initGilsimMpModule(VM& vm, ModuleObject* module);
void initSysModule(VM& vm, ModuleObject* module);
void initThreadModule(VM& vm, ModuleObject* module);
void initTimeModule(VM& vm, ModuleObject* module);

}  // namespace gilsim
