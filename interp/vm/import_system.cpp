#include "interp/vm/import_system.h"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "interp/objects/class_object.h"
#include "interp/objects/code.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/syntax/syntax_error.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/stdlib_names.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

constexpr std::string_view kFrozenPrefix = "<frozen ";

bool isRegularFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string lastComponent(const std::string& fullName) {
  size_t dot = fullName.rfind('.');
  return dot == std::string::npos ? fullName : fullName.substr(dot + 1);
}

std::string parentName(const std::string& fullName) {
  size_t dot = fullName.rfind('.');
  return dot == std::string::npos ? "" : fullName.substr(0, dot);
}

std::string joinPath(const std::string& folder, const std::string& name) {
  return (folder.empty() ? "." : folder) + "/" + name;
}

[[noreturn]] void raiseModuleNotFound(const std::string& message) {
  raiseException(newException(builtinTypes().ModuleNotFoundError, message));
}

// The importing module's package, as importlib's _calc___package__ works it out.
std::string packageOf(DictObject* globals) {
  if (!globals) return "";
  Value package = globals->getStr("__package__");
  if (!package.isNull() && isStr(package)) return asStr(package)->str();
  Value name = globals->getStr("__name__");
  if (name.isNull() || !isStr(name)) return "";
  if (!globals->getStr("__path__").isNull()) return asStr(name)->str();
  return parentName(asStr(name)->str());
}

}  // namespace

std::string libraryModuleFilename(std::string_view name) {
  return std::string(kFrozenPrefix) + std::string(name) + ">";
}

std::string_view libraryModuleFromFilename(std::string_view filename) {
  if (!filename.starts_with(kFrozenPrefix) || !filename.ends_with(">")) return {};
  filename.remove_prefix(kFrozenPrefix.size());
  filename.remove_suffix(1);
  return filename;
}

bool readSourceFile(const std::string& path, std::string* out, std::string* error) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    *error = "can't open file '" + path + "': [Errno 2] No such file or directory";
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *error = "can't open file '" + path + "': [Errno 21] Is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "can't open file '" + path + "': [Errno 13] Permission denied";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string directoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

std::string resolveRelativeName(const std::string& name, const std::string& package, int level) {
  if (level <= 0) return name;
  if (package.empty()) raiseImportError("attempted relative import with no known parent package");
  std::string base = package;
  for (int i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos)
      raiseImportError("attempted relative import beyond top-level package");
    base.resize(dot);
  }
  return name.empty() ? base : base + "." + name;
}

ListObject* Interpreter::searchPath() const {
  return searchPath_.as<ListObject>();
}

void Interpreter::setScriptDirectory(const std::string& folder) {
  scriptDirectory_ = folder;
  auto& entries = searchPath()->items();
  if (entries.empty())
    entries.push_back(makeStr(folder));
  else
    entries[0] = makeStr(folder);
}

Value Interpreter::importName(VM& vm, const std::string& name, DictObject* globals,
                              const Value& fromlist, int level) {
  if (level < 0) raiseValueError("level must be >= 0");
  if (level == 0 && name.empty()) raiseValueError("Empty module name");
  std::string fullName = resolveRelativeName(name, level > 0 ? packageOf(globals) : "", level);
  Value module = importModule(vm, fullName);
  bool wantsNames = !fromlist.isNull() && !fromlist.isNone() && truthy(fromlist);
  if (!wantsNames) {
    // `import a.b.c` binds `a`; a relative `__import__('b', level=1)` returns the package's
    // top-level part of the resolved name, as importlib does.
    if (level == 0) return modules()->getStr(fullName.substr(0, fullName.find('.')));
    if (name.empty()) return module;
    std::string top = fullName.substr(0, fullName.size() - name.size() + name.find('.'));
    return modules()->getStr(top);
  }
  // `from package import submodule`: each name the package lacks is tried as a submodule;
  // a missing one is left for IMPORT_FROM to report.
  if (module.type()->layout() == Layout::Module &&
      !module.as<ModuleObject>()->dict()->getStr("__path__").isNull()) {
    std::vector<Value> names = toVector(fromlist);
    for (const Value& item : names) {
      if (!isStr(item)) continue;
      std::string attribute = asStr(item)->str();
      if (attribute == "*" || !module.as<ModuleObject>()->dict()->getStr(attribute).isNull())
        continue;
      std::string childName = fullName + "." + attribute;
      if (modules()->getStr(childName).isNull()) loadModule(vm, childName, module);
    }
  }
  return module;
}

Value Interpreter::importModule(VM& vm, const std::string& fullName) {
  Value cached = modules()->getStr(fullName);
  if (!cached.isNull()) return cached;
  if (fullName.empty() || fullName.front() == '.' || fullName.back() == '.' ||
      fullName.find("..") != std::string::npos || fullName.find('/') != std::string::npos)
    raiseModuleNotFound("No module named '" + fullName + "'");
  std::string parent = parentName(fullName);
  Value parentModule;
  if (!parent.empty()) {
    parentModule = importModule(vm, parent);
    // The parent's code may have imported this module already.
    cached = modules()->getStr(fullName);
    if (!cached.isNull()) return cached;
  }
  Value module = loadModule(vm, fullName, parentModule);
  if (module.isNull()) {
    // A native module's submodule (os.path) is registered in sys.modules by the parent's init.
    if (!parentModule.isNull() && parentModule.type()->layout() == Layout::Module &&
        parentModule.as<ModuleObject>()->dict()->getStr("__path__").isNull())
      raiseModuleNotFound("No module named '" + fullName + "'; '" + parent + "' is not a package");
    std::string message = "No module named '" + fullName + "'";
    std::string topLevel = fullName.substr(0, fullName.find('.'));
    if (isStdlibModuleName(topLevel))
      message += " (CPython's standard library has it; gilsim does not support it)";
    raiseModuleNotFound(message);
  }
  return module;
}

Value Interpreter::loadModule(VM& vm, const std::string& fullName, const Value& parent) {
  Value module = findAndLoad(vm, fullName, parent);
  if (module.isNull()) return module;
  // What the module's code left in sys.modules is the module (a module may replace itself).
  Value registered = modules()->getStr(fullName);
  if (!registered.isNull()) module = registered;
  if (!parent.isNull() && parent.type()->layout() == Layout::Module)
    parent.as<ModuleObject>()->dict()->setStr(lastComponent(fullName), module);
  return module;
}

Value Interpreter::findAndLoad(VM& vm, const std::string& fullName, const Value& parent) {
  if (fullName == "builtins") {
    // `import builtins`: a module over the very namespace every frame's builtins are.
    Value module = Value::steal(new ModuleObject(fullName, builtins_));
    modules()->setStr(fullName, module);
    return module;
  }
  if (NativeModuleInit init = catalog_.findNative(fullName)) {
    auto module = new ModuleObject(fullName);
    Value moduleValue = Value::steal(module);
    modules()->setStr(fullName, moduleValue);
    try {
      init(vm, module);
    } catch (...) {
      modules()->remove(makeStr(fullName));
      throw;
    }
    return moduleValue;
  }
  // A working copy of interp/lib (GILSIM_LIBRARY_DIR=interp/lib) wins over the embedded library,
  // and finds a new module before it is built in.
  const char* libraryDir = std::getenv("GILSIM_LIBRARY_DIR");
  std::string relative = fullName;
  for (char& c : relative)
    if (c == '.') c = '/';
  if (parent.isNull()) {
    if (libraryDir) {
      Value found = loadFromFolder(vm, fullName, libraryDir, fullName, /*extensions=*/false);
      if (!found.isNull()) return found;
    }
    if (Value found = loadFromLibrary(vm, fullName); !found.isNull()) return found;
    // sys.path may be changed by the program: copy it before loading runs code.
    std::vector<Value> folders = searchPath()->items();
    for (const Value& folder : folders) {
      if (!isStr(folder)) continue;
      Value found = loadFromFolder(vm, fullName, asStr(folder)->str(), fullName, true);
      if (!found.isNull()) return found;
    }
    return Value();
  }
  if (parent.type()->layout() != Layout::Module) return Value();
  Value path = parent.as<ModuleObject>()->dict()->getStr("__path__");
  if (path.isNull() || !isList(path)) return Value();
  std::vector<Value> entries = path.as<ListObject>()->items();
  std::string last = lastComponent(fullName);
  for (const Value& entry : entries) {
    if (!isStr(entry)) continue;
    std::string folder = asStr(entry)->str();
    if (!libraryModuleFromFilename(folder).empty()) {
      if (libraryDir) {
        Value found =
            loadFromFolder(vm, fullName, joinPath(libraryDir, directoryOf(relative)), last, false);
        if (!found.isNull()) return found;
      }
      if (Value found = loadFromLibrary(vm, fullName); !found.isNull()) return found;
      continue;
    }
    Value found = loadFromFolder(vm, fullName, folder, last, true);
    if (!found.isNull()) return found;
  }
  return Value();
}

Value Interpreter::loadFromLibrary(VM& vm, const std::string& fullName) {
  std::optional<LibrarySource> library = catalog_.findLibrarySource(fullName);
  if (!library) return Value();
  std::string filename = libraryModuleFilename(fullName);
  return runModuleSource(vm, fullName, std::string(library->source), filename,
                         library->isPackage ? &filename : nullptr);
}

Value Interpreter::loadFromFolder(VM& vm, const std::string& fullName, const std::string& folder,
                                  const std::string& name, bool extensions) {
  if (name.find('.') != std::string::npos) return Value();  // a dotted top-level name
  std::string base = joinPath(folder, name);
  std::string init = base + "/__init__.py";
  if (isRegularFile(init)) return loadSourceModule(vm, fullName, init, &base);
  if (extensions && isRegularFile(base + ".so")) {
    auto module = new ModuleObject(fullName);
    Value moduleValue = Value::steal(module);
    module->dict()->setStr("__file__", makeStr(base + ".so"));
    catalog_.loadExtension(vm, fullName, base + ".so", module);
    modules()->setStr(fullName, moduleValue);
    return moduleValue;
  }
  if (isRegularFile(base + ".py")) return loadSourceModule(vm, fullName, base + ".py", nullptr);
  return Value();
}

Value Interpreter::loadSourceModule(VM& vm, const std::string& name, const std::string& path,
                                    const std::string* packagePath) {
  std::string source, error;
  if (!readSourceFile(path, &source, &error)) raiseImportError("{}", error);
  return runModuleSource(vm, name, source, path, packagePath);
}

Value Interpreter::runModuleSource(VM& vm, const std::string& name, const std::string& source,
                                   const std::string& filename, const std::string* packagePath) {
  Value codeValue;
  try {
    codeValue = compileSource(source, filename);
  } catch (const SyntaxError& e) {
    raiseSyntaxError("{}", formatSyntaxError(e, filename, source));
  }
  Value moduleValue = makeSourceModule(name, filename);
  auto* module = moduleValue.as<ModuleObject>();
  DictObject* dict = module->dict();
  if (packagePath) {
    dict->setStr("__package__", makeStr(name));
    dict->setStr("__path__", makeList({makeStr(*packagePath)}));
  } else {
    dict->setStr("__package__", makeStr(parentName(name)));
  }
  modules()->setStr(name, moduleValue);
  try {
    vm.runCode(codeValue.as<CodeObject>(), dict, Value::borrow(dict));
  } catch (...) {
    modules()->remove(makeStr(name));
    throw;
  }
  return moduleValue;
}

}  // namespace gilsim
