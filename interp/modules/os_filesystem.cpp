// os's environment and file-system functions: environ (a dict of the process's environment
// taken at import, as CPython's os.environ is), putenv, unsetenv, getcwd, listdir, stat,
// remove/unlink, mkdir, rmdir, rename/replace, chdir, access. These are the native `posix` module;
// os (interp/lib/os.py) is written over it as CPython's is, and wraps environ in a mapping
// that also changes the process's environment.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/objects/type_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/vm.h"

extern char** environ;

namespace gilsim {

namespace {

// A str path, or an os.PathLike's (pathlib.Path): what its __fspath__ returns.
std::string pathArgument(const Value& v, const char* function) {
  if (isStr(v)) return asStr(v)->str();
  if (v.isObject() && !v.type()->isBuiltin()) {
    Value hook = v.type()->lookup("__fspath__");
    if (!hook.isNull()) {
      Value path = VM::current()->call(hook, {v});
      if (isStr(path)) return asStr(path)->str();
      raiseTypeError("expected {}.__fspath__() to return str or bytes, not {}", typeName(v),
                     typeName(path));
    }
  }
  raiseTypeError("{}: path should be string, bytes or os.PathLike, not {}", function, typeName(v));
}

const std::string& strArgument(const Value& v, const char* what) {
  if (!isStr(v)) raiseTypeError("{} must be str, not {}", what, typeName(v));
  return asStr(v)->str();
}

Value environmentDict() {
  Value dict = makeDict();
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view line(*entry);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    dict.as<DictObject>()->setStr(line.substr(0, eq), makeStr(line.substr(eq + 1)));
  }
  return dict;
}

Value osPutenv(VM&, CallArgs args) {
  expectArgs("putenv", args, 2, 2);
  const std::string& key = strArgument(args[0], "putenv() argument 1");
  const std::string& value = strArgument(args[1], "putenv() argument 2");
  if (key.empty() || key.find('=') != std::string::npos)
    raiseValueError("illegal environment variable name");
  if (::setenv(key.c_str(), value.c_str(), 1) != 0) raiseOsError(errno);
  return Value::none();
}

Value osUnsetenv(VM&, CallArgs args) {
  expectArgs("unsetenv", args, 1, 1);
  const std::string& key = strArgument(args[0], "unsetenv() argument");
  if (key.empty() || key.find('=') != std::string::npos)
    raiseValueError("illegal environment variable name");
  if (::unsetenv(key.c_str()) != 0) raiseOsError(errno);
  return Value::none();
}

Value osGetcwd(VM&, CallArgs args) {
  expectArgs("getcwd", args, 0, 0);
  std::vector<char> buffer(PATH_MAX + 1);
  if (!::getcwd(buffer.data(), buffer.size())) raiseOsError(errno);
  return makeStr(buffer.data());
}

// listdir(path='.'): the names in the directory's own order (as CPython: unsorted), no . or ..
Value osListdir(VM&, CallArgs args) {
  expectArgs("listdir", args, 0, 1);
  std::string path = args.count && !args[0].isNone() ? pathArgument(args[0], "listdir") : ".";
  DIR* dir = ::opendir(path.c_str());
  if (!dir) raiseOsError(errno, path);
  std::vector<Value> names;
  while (dirent* entry = ::readdir(dir)) {
    std::string_view name(entry->d_name);
    if (name == "." || name == "..") continue;
    names.push_back(makeStr(name));
  }
  ::closedir(dir);
  return makeList(std::move(names));
}

// os.stat_result: an object with the st_* fields posixpath and scripts read.
TypeObject* statResultType() {
  static TypeObject* type = [] {
    Heap::Scope noHeap(nullptr);  // process-wide, like the native types
    auto* t = new TypeObject("stat_result", builtinTypes().object, Layout::Object);
    t->moduleName = "os";
    t->makeImmortal();
    t->dict()->makeImmortal();
    return t;
  }();
  return type;
}

template <bool FollowLinks>
Value osStat(VM&, CallArgs args) {
  const char* name = FollowLinks ? "stat" : "lstat";
  expectArgs(name, args, 1, 1);
  const std::string& path = pathArgument(args[0], name);
  struct stat st;
  int rc = FollowLinks ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
  if (rc != 0) raiseOsError(errno, path);
  auto* result = new InstanceObject(statResultType());
  Value value = Value::steal(result);
  DictObject* d = result->dict();
  d->setStr("st_mode", Value::integer(st.st_mode));
  d->setStr("st_ino", Value::integer(static_cast<int64_t>(st.st_ino)));
  d->setStr("st_dev", Value::integer(static_cast<int64_t>(st.st_dev)));
  d->setStr("st_nlink", Value::integer(static_cast<int64_t>(st.st_nlink)));
  d->setStr("st_uid", Value::integer(st.st_uid));
  d->setStr("st_gid", Value::integer(st.st_gid));
  d->setStr("st_size", Value::integer(st.st_size));
  auto seconds = [](const timespec& t) {
    return Value::real(static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9);
  };
  d->setStr("st_atime", seconds(st.st_atim));
  d->setStr("st_mtime", seconds(st.st_mtim));
  d->setStr("st_ctime", seconds(st.st_ctim));
  return value;
}

// remove(path), unlink(path), rmdir(path): one path, no dir_fd (a keyword is a TypeError).
template <int (*Call)(const char*)>
Value osPathCall(const char* name, CallArgs args) {
  expectArgs(name, args, 1, 1);
  const std::string& path = pathArgument(args[0], name);
  if (Call(path.c_str()) != 0) raiseOsError(errno, path);
  return Value::none();
}

Value osRemove(VM&, CallArgs args) {
  return osPathCall<::unlink>("remove", args);
}
Value osUnlink(VM&, CallArgs args) {
  return osPathCall<::unlink>("unlink", args);
}
Value osRmdir(VM&, CallArgs args) {
  return osPathCall<::rmdir>("rmdir", args);
}

// mkdir(path, mode=0o777): mkdir is atomic, so a script can claim a unique name by trying
// names until one does not raise FileExistsError.
Value osMkdir(VM&, CallArgs args) {
  expectArgs("mkdir", args, 1, 2);
  const std::string& path = pathArgument(args[0], "mkdir");
  int64_t mode = args.count > 1 ? toIndex(args[1], "mkdir() mode") : 0777;
  if (::mkdir(path.c_str(), static_cast<mode_t>(mode)) != 0) raiseOsError(errno, path);
  return Value::none();
}

// rename and replace are one call on POSIX: both replace an existing destination file.
template <bool IsReplace>
Value osRename(VM&, CallArgs args) {
  const char* name = IsReplace ? "replace" : "rename";
  expectArgs(name, args, 2, 2);
  const std::string& from = pathArgument(args[0], name);
  const std::string& to = pathArgument(args[1], name);
  if (::rename(from.c_str(), to.c_str()) != 0) raiseOsError(errno, from);
  return Value::none();
}

Value osChdir(VM&, CallArgs args) {
  expectArgs("chdir", args, 1, 1);
  const std::string& path = pathArgument(args[0], "chdir");
  if (::chdir(path.c_str()) != 0) raiseOsError(errno, path);
  return Value::none();
}

Value osAccess(VM&, CallArgs args) {
  expectArgs("access", args, 2, 2);
  const std::string& path = pathArgument(args[0], "access");
  if (!isInt(args[1]))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(args[1]));
  return Value::boolean(::access(path.c_str(), static_cast<int>(toIndex(args[1], "mode"))) == 0);
}

}  // namespace

void addOsFilesystemFunctions(VM&, DictObject* d) {
  d->setStr("environ", environmentDict());
  d->setStr("putenv", makeNative("putenv", osPutenv));
  d->setStr("unsetenv", makeNative("unsetenv", osUnsetenv));
  d->setStr("getcwd", makeNative("getcwd", osGetcwd));
  d->setStr("listdir", makeNative("listdir", osListdir));
  d->setStr("stat", makeNative("stat", osStat<true>));
  d->setStr("lstat", makeNative("lstat", osStat<false>));
  d->setStr("remove", makeNative("remove", osRemove));
  d->setStr("unlink", makeNative("unlink", osUnlink));
  d->setStr("rmdir", makeNative("rmdir", osRmdir));
  d->setStr("mkdir", makeNative("mkdir", osMkdir));
  d->setStr("rename", makeNative("rename", osRename<false>));
  d->setStr("replace", makeNative("replace", osRename<true>));
  d->setStr("curdir", makeStr("."));
  d->setStr("pardir", makeStr(".."));
  d->setStr("extsep", makeStr("."));
  d->setStr("altsep", Value::none());
  d->setStr("pathsep", makeStr(":"));
  d->setStr("linesep", makeStr("\n"));
  d->setStr("devnull", makeStr("/dev/null"));
  d->setStr("chdir", makeNative("chdir", osChdir));
  d->setStr("access", makeNative("access", osAccess));
  d->setStr("F_OK", Value::integer(F_OK));
  d->setStr("R_OK", Value::integer(R_OK));
  d->setStr("W_OK", Value::integer(W_OK));
  d->setStr("X_OK", Value::integer(X_OK));
}

}  // namespace gilsim
