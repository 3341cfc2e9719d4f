// What an interpreter can import. The VM layer knows how to run a module, not which modules
// exist: those live in the layers above it (native modules, extensions, the embedded Python
// library), which hand an interpreter their catalog when it is built. The standard one is
// interp/modules/standard_modules.h; a test may pass a smaller one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gilsim {

class DictObject;
class ModuleObject;
class VM;

// A module of the embedded library: its source, and whether it is a package (an __init__.py).
struct LibrarySource {
  std::string_view source;
  bool isPackage = false;
};

using NativeModuleInit = void (*)(VM& vm, ModuleObject* module);

class ModuleCatalog {
 public:
  virtual ~ModuleCatalog() = default;
  // Fills a fresh builtins dict (print, len, the built-in types, ...).
  virtual void populateBuiltins(DictObject* builtins) const = 0;
  // The init function of native module `name`, or nullptr. Consulted first on `import`.
  virtual NativeModuleInit findNative(std::string_view name) const = 0;
  // A module written in Python and built into the binary, by its full dotted name, or nothing.
  // Consulted after the native modules, before the script's folder.
  virtual std::optional<LibrarySource> findLibrarySource(std::string_view name) const = 0;
  // Loads the shared library at `path` as extension module `name` into `module`; raises
  // ImportError when it cannot.
  virtual void loadExtension(VM& vm, const std::string& name, const std::string& path,
                             ModuleObject* module) const = 0;
};

}  // namespace gilsim
