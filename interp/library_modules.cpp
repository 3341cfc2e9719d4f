#include "interp/library_modules.h"

#include <string>

namespace gilsim {

namespace {
constexpr std::string_view kFilenamePrefix = "<frozen ";
}

const LibraryModule* findLibraryModule(std::string_view name) {
  for (size_t i = 0; i < kLibraryModuleCount; ++i)
    if (kLibraryModules[i].name == name) return &kLibraryModules[i];
  return nullptr;
}

std::string libraryModuleFilename(std::string_view name) {
  return std::string(kFilenamePrefix) + std::string(name) + ">";
}

const LibraryModule* findLibraryModuleByFilename(std::string_view filename) {
  if (!filename.starts_with(kFilenamePrefix) || !filename.ends_with(">")) return nullptr;
  filename.remove_prefix(kFilenamePrefix.size());
  filename.remove_suffix(1);
  return findLibraryModule(filename);
}

}  // namespace gilsim
