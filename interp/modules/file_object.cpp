#include "interp/modules/file_object.h"

#include <cerrno>
#include <cstring>

#include "gil/machine.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/operators.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"

namespace gilsim {

FileObject::FileObject(std::FILE* f, std::string n, std::string m, bool b)
    : Object(fileType()), file(f), name(std::move(n)), mode(std::move(m)), binary(b) {}

FileObject::~FileObject() {
  close();
}

int FileObject::close() {
  int error = 0;
  if (file && std::fclose(file) != 0) error = errno ? errno : EIO;
  if (file && !error) error = unwrittenError;
  file = nullptr;
  unwrittenError = 0;
  return error;
}

namespace {

FileObject* self(CallArgs args) {
  if (args.count == 0 || args[0].type() != fileType())
    raiseTypeError("descriptor requires a file object");
  auto* f = args[0].as<FileObject>();
  if (!f->file) raiseValueError("I/O operation on closed file.");
  return f;
}

// Runs `io(FILE*)` with the GIL released and the file's mutex held; raises ValueError if another
// thread closed the file first. `io` must not touch Python objects. `bytesOf(result)` is how much
// it moved, for the simulated machine's I/O time, spent after the file's mutex is let go (a
// fiber must not wait holding an OS mutex another fiber may want).
template <class F, class Bytes>
auto blockingIo(VM& vm, FileObject* f, F&& io, Bytes&& bytesOf) {
  using Result = decltype(io(f->file));
  Result result{};
  bool closed = false;
  {
    GilReleased released(vm, DropReason::Io);
    {
      std::lock_guard<std::mutex> lock(f->ioMutex);
      if (f->file)
        result = io(f->file);
      else
        closed = true;
    }
    if (!closed) vm.interp().machine().ioDone(bytesOf(result));
  }
  if (closed) raiseValueError("I/O operation on closed file.");
  return result;
}

Value wrap(FileObject* f, std::string data) {
  return f->binary ? makeBytes(std::move(data)) : makeStr(std::move(data));
}

std::string readAll(std::FILE* file, int64_t limit) {
  std::string out;
  char buffer[65536];
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit) {
    size_t want = sizeof buffer;
    if (limit >= 0) want = std::min<size_t>(want, static_cast<size_t>(limit - out.size()));
    size_t got = std::fread(buffer, 1, want, file);
    out.append(buffer, got);
    if (got < want) break;
  }
  return out;
}

bool readLine(std::FILE* file, std::string* line) {
  line->clear();
  int c;
  while ((c = std::fgetc(file)) != EOF) {
    line->push_back(static_cast<char>(c));
    if (c == '\n') break;
  }
  return !line->empty();
}

Value fileRead(VM& vm, CallArgs args) {
  FileObject* f = self(args);
  int64_t limit = args.count > 1 && !args[1].isNone() ? toIndex(args[1], "size") : -1;
  return wrap(f, blockingIo(
                     vm, f, [&](std::FILE* file) { return readAll(file, limit); },
                     [](const std::string& data) { return data.size(); }));
}

Value fileReadline(VM& vm, CallArgs args) {
  FileObject* f = self(args);
  std::string line;
  blockingIo(
      vm, f, [&](std::FILE* file) { return readLine(file, &line); },
      [&](bool) { return line.size(); });
  return wrap(f, std::move(line));
}

Value fileReadlines(VM& vm, CallArgs args) {
  FileObject* f = self(args);
  std::vector<std::string> raw = blockingIo(
      vm, f,
      [&](std::FILE* file) {
        std::vector<std::string> lines;
        std::string line;
        while (readLine(file, &line))
          lines.push_back(line);
        return lines;
      },
      [](const std::vector<std::string>& lines) {
        size_t n = 0;
        for (const std::string& l : lines)
          n += l.size();
        return n;
      });
  std::vector<Value> lines;
  for (std::string& line : raw)
    lines.push_back(wrap(f, std::move(line)));
  return makeList(std::move(lines));
}

Value fileWrite(VM& vm, CallArgs args) {
  FileObject* f = self(args);
  if (args.count != 2)
    raiseTypeError("write() takes exactly one argument ({} given)", args.count - 1);
  const Value& data = args[1];
  if (f->binary ? !isBytes(data) : !isStr(data)) {
    if (f->binary) raiseTypeError("a bytes-like object is required, not '{}'", typeName(data));
    raiseTypeError("write() argument must be str, not {}", typeName(data));
  }
  const std::string& bytes = f->binary ? data.as<BytesObject>()->data() : asStr(data)->str();
  // `data` stays alive in the caller's frame and strings are immutable: safe to read unlocked.
  int error = blockingIo(
      vm, f,
      [&](std::FILE* file) {
        int failed = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size() ? 0 : errno;
        std::clearerr(file);
        return failed;
      },
      [&](int) { return bytes.size(); });
  if (error) raiseOsError(error, f->name);
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

Value fileClose(VM& vm, CallArgs args) {
  if (args.count == 0 || args[0].type() != fileType()) raiseTypeError("bad file");
  auto* f = args[0].as<FileObject>();
  int error;
  {
    GilReleased released(vm, DropReason::Io);
    std::lock_guard<std::mutex> lock(f->ioMutex);
    error = f->close();
  }
  // As CPython: the flush of what was buffered fails at close (a full disk: ENOSPC).
  if (error) raiseOsError(error);
  return Value::none();
}

Value fileFlush(VM& vm, CallArgs args) {
  FileObject* f = self(args);
  int error = blockingIo(
      vm, f,
      [f](std::FILE* file) {
        int failed = std::fflush(file) == 0 ? 0 : (errno ? errno : EIO);
        std::clearerr(file);
        if (failed) f->unwrittenError = failed;
        return failed;
      },
      [](int) { return size_t{0}; });
  if (error) raiseOsError(error);
  return Value::none();
}

Value fileEnter(VM&, CallArgs args) {
  self(args);
  return args[0];
}

Value fileExit(VM& vm, CallArgs args) {
  fileClose(vm, CallArgs{args.args, 1, nullptr});
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

namespace {

std::string fileRepr(const Value& file) {
  auto* f = file.as<FileObject>();
  if (f->binary) return "<_io.BufferedReader name=" + repr(makeStr(f->name)) + ">";
  return "<_io.TextIOWrapper name=" + repr(makeStr(f->name)) + " mode=" + repr(makeStr(f->mode)) +
         " encoding='UTF-8'>";
}

bool fileNextLine(const Value& file, Value* out) {
  VM& vm = *VM::current();
  auto* f = file.as<FileObject>();
  if (!f->file) raiseValueError("I/O operation on closed file.");
  std::string line;
  if (!blockingIo(
          vm, f, [&](std::FILE* handle) { return readLine(handle, &line); },
          [&](bool) { return line.size(); }))
    return false;
  *out = wrap(f, std::move(line));
  return true;
}

}  // namespace

TypeObject* fileType() {
  static TypeObject* type =
      makeNativeType("TextIOWrapper", "_io",
                     {{"read", fileRead},
                      {"readline", fileReadline},
                      {"readlines", fileReadlines},
                      {"write", fileWrite},
                      {"writelines", fileWritelines},
                      {"close", fileClose},
                      {"flush", fileFlush},
                      {"__enter__", fileEnter},
                      {"__exit__", fileExit}},
                     NativeTypeSlots{.repr = fileRepr, .iterNext = fileNextLine});
  return type;
}

}  // namespace gilsim
