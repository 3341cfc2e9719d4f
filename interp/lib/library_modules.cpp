#include "interp/lib/library_modules.h"

namespace gilsim {

const LibraryModule* findLibraryModule(std::string_view name) {
  for (size_t i = 0; i < kLibraryModuleCount; ++i)
    if (kLibraryModules[i].name == name) return &kLibraryModules[i];
  return nullptr;
}

}  // namespace gilsim
