// Modules written in Python and built into the gilsim binary (interp/lib/*.py, embedded at build
// time by cmake/embed_library.cmake; a folder with an __init__.py is a package): threading, queue,
// multiprocessing and the rest of the library, over the native modules. Data only: this layer
// depends on nothing.
#pragma once

#include <cstddef>
#include <string_view>

namespace gilsim {

struct LibraryModule {
  std::string_view
      name;  // dotted: interp/lib/concurrent/futures/_base.py is concurrent.futures._base
  std::string_view source;
  bool isPackage;  // an __init__.py: interp/lib/concurrent/__init__.py is the package concurrent
};

extern const LibraryModule kLibraryModules[];
extern const size_t kLibraryModuleCount;

// nullptr when `name` is not a library module.
const LibraryModule* findLibraryModule(std::string_view name);

}  // namespace gilsim
