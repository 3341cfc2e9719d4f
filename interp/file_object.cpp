#include "interp/file_object.h"

#include <cerrno>
#include <cstring>

#include "interp/class_object.h"
#include "interp/containers.h"
#include "interp/dict_object.h"
#include "interp/errors.h"
#include "interp/function_object.h"
#include "interp/operators.h"
#include "interp/str_object.h"

namespace gilsim {

FileObject::FileObject(std::FILE* f, std::string n, std::string m, bool b)
    : Object(builtinTypes().file), file(f), name(std::move(n)), mode(std::move(m)), binary(b) {}

FileObject::~FileObject() {
  close();
}

void FileObject::close() {
  if (file) std::fclose(file);
  file = nullptr;
}

namespace {

[[noreturn]] void raiseOsError(int err, const std::string& path) {
  TypeObject* type = builtinTypes().OSError;
  if (err == ENOENT)
    type = builtinTypes().FileNotFoundError;
  else if (err == EEXIST)
    type = builtinTypes().FileExistsError;
  else if (err == EISDIR)
    type = builtinTypes().IsADirectoryError;
  else if (err == EACCES || err == EPERM)
    type = builtinTypes().PermissionError;
  Value exc =
      newException(type, std::vector<Value>{Value::integer(err), makeStr(std::strerror(err))});
  auto* e = exc.as<ExceptionObject>();
  e->dict()->setStr("errno", Value::integer(err));
  e->dict()->setStr("strerror", makeStr(std::strerror(err)));
  e->dict()->setStr("filename", makeStr(path));
  raiseException(std::move(exc));
}

FileObject* self(CallArgs args) {
  if (args.count == 0 || args[0].type()->layout() != Layout::File)
    raiseTypeError("descriptor requires a file object");
  auto* f = args[0].as<FileObject>();
  if (!f->file) raiseValueError("I/O operation on closed file.");
  return f;
}

Value wrap(FileObject* f, std::string data) {
  return f->binary ? makeBytes(std::move(data)) : makeStr(std::move(data));
}

std::string readAll(FileObject* f, int64_t limit) {
  std::string out;
  char buffer[65536];
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    size_t want = sizeof buffer;
    if (limit >= 0) want = std::min<size_t>(want, static_cast<size_t>(limit - out.size()));
    size_t got = std::fread(buffer, 1, want, f->file);
    out.append(buffer, got);
    if (got < want) break;
  }
  return out;
}

bool readLine(FileObject* f, std::string* line) {
  line->clear();
  int c;
  while ((c = std::fgetc(f->file)) != EOF) {
    line->push_back(static_cast<char>(c));
    if (c == '\n') break;
  }
  return !line->empty();
}

Value fileRead(VM&, CallArgs args) {
  FileObject* f = self(args);
  int64_t limit = args.count > 1 && !args[1].isNone() ? toIndex(args[1], "size") : -1;
  return wrap(f, readAll(f, limit));
}

Value fileReadline(VM&, CallArgs args) {
  FileObject* f = self(args);
  std::string line;
  readLine(f, &line);
  return wrap(f, std::move(line));
}

Value fileReadlines(VM&, CallArgs args) {
  FileObject* f = self(args);
  std::vector<Value> lines;
  std::string line;
  while (readLine(f, &line))
    lines.push_back(wrap(f, line));
  return makeList(std::move(lines));
}

Value fileWrite(VM&, CallArgs args) {
  FileObject* f = self(args);
  if (args.count != 2)
    raiseTypeError("write() takes exactly one argument ({} given)", args.count - 1);
  const Value& data = args[1];
  if (f->binary ? !isBytes(data) : !isStr(data)) {
    if (f->binary) raiseTypeError("a bytes-like object is required, not '{}'", typeName(data));
    raiseTypeError("write() argument must be str, not {}", typeName(data));
  }
  const std::string& bytes = f->binary ? data.as<BytesObject>()->data() : asStr(data)->str();
  if (std::fwrite(bytes.data(), 1, bytes.size(), f->file) != bytes.size())
    raiseOsError(errno, f->name);
  return Value::integer(f->binary ? static_cast<int64_t>(bytes.size())
                                  : static_cast<int64_t>(asStr(data)->length()));
}

Value fileWritelines(VM& vm, CallArgs args) {
  self(args);
  for (const Value& line : toVector(args[1])) {
    Value call[2] = {args[0], line};
    fileWrite(vm, CallArgs{call, 2, nullptr});
  }
  return Value::none();
}

Value fileClose(VM&, CallArgs args) {
  if (args.count == 0 || args[0].type()->layout() != Layout::File) raiseTypeError("bad file");
  args[0].as<FileObject>()->close();
  return Value::none();
}

Value fileFlush(VM&, CallArgs args) {
  std::fflush(self(args)->file);
  return Value::none();
}

Value fileEnter(VM&, CallArgs args) {
  self(args);
  return args[0];
}

Value fileExit(VM&, CallArgs args) {
  args[0].as<FileObject>()->close();
  return Value::boolean(false);
}

}  // namespace

Value openFile(const Value& path, const std::string& mode) {
  if (!isStr(path))
    raiseTypeError("expected str, bytes or os.PathLike object, not {}", typeName(path));
  bool binary = mode.find('b') != std::string::npos;
  std::string cmode;
  char kind = 0;
  for (char c : mode) {
    if (c == 'r' || c == 'w' || c == 'a' || c == 'x') {
      if (kind) raiseValueError("must have exactly one of create/read/write/append mode");
      kind = c;
    } else if (c != 'b' && c != 't' && c != '+') {
      raiseValueError("invalid mode: '{}'", mode);
    }
  }
  if (!kind)
    raiseValueError("Must have exactly one of create/read/write/append mode and at most one plus");
  bool plus = mode.find('+') != std::string::npos;
  cmode = kind == 'x' ? "wx" : std::string(1, kind);
  if (plus) cmode += '+';
  cmode += 'b';
  const std::string& p = asStr(path)->str();
  std::FILE* f = std::fopen(p.c_str(), cmode.c_str());
  if (!f) raiseOsError(errno, p);
  return Value::steal(new FileObject(f, p, mode, binary));
}

std::string fileRepr(const Value& file) {
  auto* f = file.as<FileObject>();
  if (f->binary) return "<_io.BufferedReader name=" + repr(makeStr(f->name)) + ">";
  return "<_io.TextIOWrapper name=" + repr(makeStr(f->name)) + " mode=" + repr(makeStr(f->mode)) +
         " encoding='UTF-8'>";
}

bool fileNextLine(const Value& file, Value* out) {
  auto* f = file.as<FileObject>();
  if (!f->file) raiseValueError("I/O operation on closed file.");
  std::string line;
  if (!readLine(f, &line)) return false;
  *out = wrap(f, std::move(line));
  return true;
}

void registerFileMethods(TypeObject* type) {
  DictObject* d = type->dict();
  struct Method {
    const char* name;
    NativeFn fn;
  };
  for (const Method& m :
       {Method{"read", fileRead}, Method{"readline", fileReadline},
        Method{"readlines", fileReadlines}, Method{"write", fileWrite},
        Method{"writelines", fileWritelines}, Method{"close", fileClose},
        Method{"flush", fileFlush}, Method{"__enter__", fileEnter}, Method{"__exit__", fileExit}})
    d->setStr(m.name, makeNativeMethod(m.name, m.fn, type->name()));
}

}  // namespace gilsim
