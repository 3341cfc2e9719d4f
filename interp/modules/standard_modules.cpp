#include "interp/modules/standard_modules.h"

#include "interp/lib/library_modules.h"
#include "interp/modules/builtin_native_types.h"
#include "interp/modules/builtins.h"
#include "interp/modules/extension_module.h"
#include "interp/modules/native_modules.h"

namespace gilsim {

namespace {

class StandardModules final : public ModuleCatalog {
 public:
  void populateBuiltins(DictObject* builtins) const override {
    gilsim::populateBuiltins(builtins);
    addNativeTypeBuiltins(builtins);
  }
  NativeModuleInit findNative(std::string_view name) const override {
    return findNativeModule(name);
  }
  std::optional<LibrarySource> findLibrarySource(std::string_view name) const override {
    if (const LibraryModule* library = findLibraryModule(name))
      return LibrarySource{library->source, library->isPackage};
    return std::nullopt;
  }
  void loadExtension(VM& vm, const std::string& name, const std::string& path,
                     ModuleObject* module) const override {
    loadExtensionModule(vm, name, path, module);
  }
};

}  // namespace

const ModuleCatalog& standardModules() {
  static const StandardModules catalog;
  return catalog;
}

}  // namespace gilsim
