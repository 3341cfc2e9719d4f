// Modules written in Python and built into the gilsim binary (interp/lib/*.py, embedded at build
// time by cmake/embed_library.cmake): threading and queue, over the native _thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace gilsim {

struct LibraryModule {
  std::string_view name;
  std::string_view source;
};

extern const LibraryModule kLibraryModules[];
extern const size_t kLibraryModuleCount;

// nullptr when `name` is not a library module.
const LibraryModule* findLibraryModule(std::string_view name);
// The file name tracebacks show for a library module, "<frozen threading>" as CPython shows its
// frozen modules; findLibraryModuleByFilename maps it back for source lines.
std::string libraryModuleFilename(std::string_view name);
const LibraryModule* findLibraryModuleByFilename(std::string_view filename);

}  // namespace gilsim
