// The import system: how `import a.b.c`, `from . import x` and `__import__` find, load and bind
// modules, as CPython 3.11's importlib does for the subset gilsim runs.
//
// A dotted name is imported one level at a time: `a`, then `a.b`, then `a.b.c`, each registered
// in sys.modules under its full name before its code runs (so circular imports see the partial
// module) and bound as an attribute of its parent once loaded. Where each level comes from:
//   top level:  a native module; GILSIM_LIBRARY_DIR (a working copy of interp/lib); the
//               embedded library; then each folder of sys.path (the script's folder first).
//   submodule:  a native module of the full dotted name; then each entry of the parent's
//               __path__ (a folder, or the embedded library's "<frozen NAME>" marker).
// In a folder, `name/__init__.py` (a package) wins over `name.so` (an extension) over `name.py`.
// Namespace packages (folders without __init__.py) are not supported: they are not found.
#pragma once

#include <string>
#include <string_view>

namespace gilsim {

// The file name tracebacks show for an embedded library module, "<frozen NAME>" as CPython shows
// its frozen modules; also the __path__ entry of an embedded package.
std::string libraryModuleFilename(std::string_view name);
// The module name back from libraryModuleFilename's result; empty when it is not one.
std::string_view libraryModuleFromFilename(std::string_view filename);

// Reads a whole file; on failure sets *error to CPython's "can't open file ..." text.
bool readSourceFile(const std::string& path, std::string* out, std::string* error);
// The folder holding `path` ("." for a bare name).
std::string directoryOf(const std::string& path);

// The absolute module name a relative import names: `level` leading dots, `name` after them,
// resolved against the importing module's package (`package`, its __package__). Raises
// ImportError as CPython does when there is no package or the dots climb above it.
std::string resolveRelativeName(const std::string& name, const std::string& package, int level);

}  // namespace gilsim
