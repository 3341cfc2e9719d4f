// Extension modules: shared libraries written against include/gilsim/extension.h, loaded by
// `import NAME` from NAME.so in the script's folder.
#pragma once

#include <string>

#include "gilsim/extension.h"
#include "interp/objects/object.h"

namespace gilsim {

class ModuleObject;
class VM;

// Loads `path` as module `name` into `module`; raises ImportError on failure.
void loadExtensionModule(VM& vm, const std::string& name, const std::string& path,
                         ModuleObject* module);
// Fills `module` from an extension linked into gilsim (cext); raises ImportError if init fails.
void initLinkedExtension(VM& vm, ModuleObject* module,
                         int (*init)(const gilsim_api*, gilsim_module*));

}  // namespace gilsim
