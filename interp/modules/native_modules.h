// Native (C++) modules. Each is declared once in the table in native_modules.cpp with the
// function that fills a fresh module object; `import NAME` consults the table before the script's
// folder. New native modules (threading, queue, multiprocessing, cext, gilsim) register there.
#pragma once

#include <string_view>

#include "interp/vm/module_catalog.h"

namespace gilsim {

class DictObject;
class ModuleObject;
class VM;

// NativeModuleInit: interp/vm/module_catalog.h

// os's process functions (interp/modules/os_process.cpp), added by initOsModule unless the
// interpreter's config turns process control off.
void addOsProcessFunctions(DictObject* osDict);
// os's environment and file-system functions and os.path (interp/modules/os_filesystem.cpp).
void addOsFilesystemFunctions(VM& vm, DictObject* osDict);

// The init function of a native module, or nullptr.
NativeModuleInit findNativeModule(std::string_view name);

// Each module's init function, one file each.
void initCextModule(VM& vm, ModuleObject* module);        // module_cext.cpp
void initGilsimModule(VM& vm, ModuleObject* module);      // module_gilsim.cpp
void initHashlibModule(VM& vm, ModuleObject* module);     // module_hashlib.cpp
void initMathModule(VM& vm, ModuleObject* module);        // module_math.cpp
void initOsModule(VM& vm, ModuleObject* module);          // module_os.cpp
void initRegexModule(VM& vm, ModuleObject* module);       // module_regex.cpp
void initRandomModule(VM& vm, ModuleObject* module);      // module_random.cpp
void initSelectModule(VM& vm, ModuleObject* module);      // module_select.cpp
void initSignalModule(VM& vm, ModuleObject* module);      // module_signal.cpp
void initSocketModule(VM& vm, ModuleObject* module);      // module_socket.cpp
void initStructModule(VM& vm, ModuleObject* module);      // module_struct.cpp
void initSubprocessModule(VM& vm, ModuleObject* module);  // module_subprocess.cpp
void initGilsimMpModule(VM& vm, ModuleObject* module);    // module_gilsim_mp.cpp
void initSysModule(VM& vm, ModuleObject* module);         // module_sys.cpp
void initThreadModule(VM& vm, ModuleObject* module);      // module_thread.cpp
void initTimeModule(VM& vm, ModuleObject* module);        // module_time.cpp
void initTracebackModule(VM& vm, ModuleObject* module);   // module_traceback.cpp
void initWeakrefModule(VM& vm, ModuleObject* module);     // module_weakref.cpp

}  // namespace gilsim
