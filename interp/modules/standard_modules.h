// The standard module catalog: gilsim's builtins, its native modules (interp/modules/), the
// Python library built into the binary (interp/lib/) and extension modules loaded from NAME.so.
// Every interpreter the command line builds uses it.
#pragma once

#include "interp/vm/module_catalog.h"

namespace gilsim {

const ModuleCatalog& standardModules();

}  // namespace gilsim
