#include "interp/modules/file_object.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include "gil/machine.h"
#include "interp/modules/machine_io.h"
#include "interp/objects/builtin_methods.h"
#include "interp/objects/bytearray_object.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/function_object.h"
#include "interp/objects/int_object.h"
#include "interp/objects/operators.h"
#include "interp/objects/protocol_internal.h"
#include "interp/objects/str_object.h"
#include "interp/vm/gil_released.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

using Op = FileObject::LastOp;

TypeObject* textType();
TypeObject* readerType();
TypeObject* writerType();
TypeObject* randomType();

TypeObject* typeFor(const FileObject::Config& c) {
  if (!c.binary) return textType();
  if (c.readable && c.writable) return randomType();
  return c.readable ? readerType() : writerType();
}

// A file over a FILE someone else opened, text as CPython makes sys.stdin on POSIX: UTF-8 and
// newline='\n' (no translation).
FileObject::Config configFor(std::FILE* file, std::string name, std::string mode, bool binary) {
  FileObject::Config c;
  c.encoding = "utf-8";
  c.hasNewline = true;
  c.newline = "\n";
  c.name = std::move(name);
  c.binary = binary;
  c.readable = mode.find_first_of("r+") != std::string::npos;
  c.writable = mode.find_first_of("wax+") != std::string::npos;
  c.appending = mode.find('a') != std::string::npos;
  c.created = mode.find('x') != std::string::npos;
  c.mode = std::move(mode);
  c.fd = file ? ::fileno(file) : -1;
  c.seekable = c.fd >= 0 && ::lseek(c.fd, 0, SEEK_CUR) >= 0;
  return c;
}

}  // namespace

FileObject::FileObject(std::FILE* f, std::string n, std::string m, bool b)
    : FileObject(f, configFor(f, std::move(n), std::move(m), b)) {}

FileObject::FileObject(std::FILE* f, const Config& c)
    : Object(typeFor(c)),
      file(f),
      name(c.name),
      nameKind(c.nameKind),
      mode(c.mode),
      binary(c.binary),
      readable(c.readable),
      writable(c.writable),
      appending(c.appending),
      created(c.created),
      seekable(c.seekable),
      fd(c.fd) {
  // A text file reads a pipe or a terminal by read(2) (fileio::readChunk): nothing may wait in
  // stdio's buffer then.
  if (file && readable && !writable && !seekable) std::setvbuf(file, nullptr, _IONBF, 0);
  if (!binary) initTextState(this, c);
}

FileObject::~FileObject() {
  close();
}

int FileObject::close() {
  int error = 0;
  if (file && std::fclose(file) != 0) error = errno ? errno : EIO;
  if (file && !error) error = unwrittenError;
  file = nullptr;
  unwrittenError = 0;
  closed_.store(true, std::memory_order_release);
  return error;
}

namespace {

FileObject* fileSelf(CallArgs args) {
  if (args.count == 0 || !isFileObject(args[0]))
    raiseTypeError("descriptor requires a file object");
  return args[0].as<FileObject>();
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

int errnoOr(int fallback) {
  return errno ? errno : fallback;
}

// C wants a flush or a seek between a write and a read on one FILE; CPython's buffers need
// neither, so every switch gets one here. In append mode CPython counts buffered writes from
// where the file was (its writes land at the end all the same): a read that follows goes on from
// there, and tell() says so until a flush.
int switchTo(FileObject* f, std::FILE* file, Op op) {
  int error = 0;
  if (f->lastOp == Op::Write && op != Op::Write && std::fflush(file) != 0) {
    error = f->unwrittenError = errnoOr(EIO);
    std::clearerr(file);
  }
  if (f->appending && f->lastOp == Op::Write && op != Op::Write && f->seekable) {
    ::fseeko(file, f->appendFrom + f->appended, SEEK_SET);
  } else if (f->lastOp != Op::None && f->lastOp != op && f->seekable) {
    ::fseeko(file, 0, SEEK_CUR);
  }
  if (f->appending && op == Op::Write && f->lastOp != Op::Write) {
    f->appendFrom = ::ftello(file);
    f->appended = 0;
  }
  f->lastOp = op;
  return error;
}

std::string readBytes(std::FILE* file, int64_t size) {
  std::string out;
  while (size < 0 || static_cast<int64_t>(out.size()) < size) {
    size_t want = 65536;
    if (size >= 0) want = std::min<size_t>(want, static_cast<size_t>(size) - out.size());
    size_t old = out.size();
    out.resize(old + want);
    size_t got = std::fread(out.data() + old, 1, want, file);
    out.resize(old + got);
    if (got < want) break;
  }
  return out;
}

std::string readLineBytes(std::FILE* file, int64_t limit) {
  std::string line;
  ::flockfile(file);
  while (limit < 0 || static_cast<int64_t>(line.size()) < limit) {
    int c = ::getc_unlocked(file);
    if (c == EOF) break;
    line.push_back(static_cast<char>(c));
    if (c == '\n') break;
  }
  ::funlockfile(file);
  return line;
}

struct Read {
  std::string data;
  int error = 0;
};

// A read by `reader(FILE*)`, as one blocking call; OSError on failure. The end-of-file flag is
// cleared so that a later read sees what was appended since, as CPython's does.
template <class Reader>
std::string readWith(VM& vm, FileObject* f, Reader&& reader) {
  Read r = blockingIo(
      vm, f,
      [&](std::FILE* file) {
        Read got;
        got.error = switchTo(f, file, Op::Read);
        if (got.error) return got;
        errno = 0;
        got.data = reader(file);
        if (std::ferror(file)) got.error = errnoOr(EIO);
        std::clearerr(file);
        return got;
      },
      [](const Read& got) { return got.data.size(); });
  if (r.error) raiseOsError(r.error);
  return std::move(r.data);
}

std::string readLineBinary(VM& vm, FileObject* f, int64_t limit) {
  return readWith(vm, f, [&](std::FILE* file) { return readLineBytes(file, limit); });
}

}  // namespace

namespace fileio {

std::string read(VM& vm, FileObject* f, int64_t size) {
  return readWith(vm, f, [&](std::FILE* file) { return readBytes(file, size); });
}

std::string readChunk(VM& vm, FileObject* f, size_t size) {
  if (f->seekable)
    return readWith(vm, f, [&](std::FILE* file) { return readBytes(file, int64_t(size)); });
  if (f->writable)  // buffered both ways: up to a newline
    return readWith(vm, f, [&](std::FILE* file) { return readLineBytes(file, int64_t(size)); });
  // A pipe or a terminal, read only and unbuffered (see the constructor): one read(2), which
  // answers with what has arrived, as CPython's raw read does; Ctrl-C interrupts it. The
  // simulated machine waits for the input before the file's mutex is taken: a thread parked
  // holding it would stop every other thread that then wants the file.
  const size_t want = std::min<size_t>(size, size_t{1} << 16);
  while (true) {
    Read r;
    bool closed = false;
    {
      GilReleased released(vm, DropReason::Io);
      Machine& machine = vm.interp().machine();
      if (!machine.blockingIoAllowed() && !machine.waitForFd(f->fd, false, -1, vm.breaker())) {
        r.error = EINTR;
      } else {
        std::lock_guard<std::mutex> lock(f->ioMutex);
        if (!f->file) {
          closed = true;
        } else {
          r.data.resize(want);
          ssize_t n = machineRead(machine, vm.breaker(), ::fileno(f->file), r.data.data(), want);
          if (n < 0) r.error = errno;
          r.data.resize(n > 0 ? static_cast<size_t>(n) : 0);
        }
      }
      if (!closed) machine.ioDone(r.data.size());
    }
    if (closed) raiseValueError("I/O operation on closed file.");
    if (r.error == EINTR) {
      vm.checkSignals();
      continue;
    }
    if (r.error) raiseOsError(r.error);
    return std::move(r.data);
  }
}

void write(VM& vm, FileObject* f, std::string_view data) {
  // The caller keeps `data` alive and unchanged: safe to read with the GIL given up.
  int error = blockingIo(
      vm, f,
      [&](std::FILE* file) {
        int failed = switchTo(f, file, Op::Write);
        if (!failed && std::fwrite(data.data(), 1, data.size(), file) != data.size())
          failed = errnoOr(EIO);
        f->appended += static_cast<int64_t>(data.size());
        std::clearerr(file);
        return failed;
      },
      [&](int) { return data.size(); });
  if (error) raiseOsError(error);
}

void flush(VM& vm, FileObject* f) {
  if (!f->writable) return;  // nothing of a reader's is held back
  int error = blockingIo(
      vm, f,
      [f](std::FILE* file) {
        int failed = std::fflush(file) == 0 ? 0 : errnoOr(EIO);
        std::clearerr(file);
        if (failed) f->unwrittenError = failed;
        if (f->appending) f->lastOp = Op::None;  // at the end now, where the appends went
        return failed;
      },
      [](int) { return size_t{0}; });
  if (error) raiseOsError(error);
}

int64_t tell(VM& vm, FileObject* f) {
  struct Told {
    int64_t position = -1;
    int error = 0;
  };
  Told told = blockingIo(
      vm, f,
      [f](std::FILE* file) {
        Told t;
        if (f->appending && f->lastOp == Op::Write && f->appendFrom >= 0) {
          t.position = f->appendFrom + f->appended;
          return t;
        }
        t.position = ::ftello(file);
        if (t.position < 0) t.error = errnoOr(EIO);
        return t;
      },
      [](const Told&) { return size_t{0}; });
  if (told.error) raiseOsError(told.error);
  return told.position;
}

int64_t seek(VM& vm, FileObject* f, int64_t offset, int whence) {
  struct Sought {
    int64_t position = -1;
    int error = 0;
  };
  Sought sought = blockingIo(
      vm, f,
      [&](std::FILE* file) {
        Sought s;
        int failed = 0;
        if (whence <= SEEK_END) {
          if (::fseeko(file, offset, whence) != 0) failed = errnoOr(EINVAL);
        } else {
          // SEEK_DATA, SEEK_HOLE: the kernel's; stdio knows only the first three.
          if (std::fflush(file) != 0) failed = errnoOr(EIO);
          off_t r = failed ? -1 : ::lseek(::fileno(file), offset, whence);
          if (!failed && r < 0) failed = errnoOr(EINVAL);
          if (!failed) ::fseeko(file, r, SEEK_SET);
        }
        std::clearerr(file);
        f->lastOp = Op::None;
        if (failed) {
          s.error = failed;
          return s;
        }
        s.position = ::ftello(file);
        if (s.position < 0) s.error = errnoOr(EIO);
        return s;
      },
      [](const Sought&) { return size_t{0}; });
  if (sought.error) raiseOsError(sought.error);
  return sought.position;
}

void truncate(VM& vm, FileObject* f, int64_t size) {
  int error = blockingIo(
      vm, f,
      [&](std::FILE* file) {
        if (std::fflush(file) != 0) {
          int failed = f->unwrittenError = errnoOr(EIO);
          std::clearerr(file);
          return failed;
        }
        off_t position = ::ftello(file);
        int failed = ::ftruncate(::fileno(file), size) == 0 ? 0 : errnoOr(EINVAL);
        // Drops what stdio read ahead: it may be gone now.
        if (position >= 0) ::fseeko(file, position, SEEK_SET);
        f->lastOp = Op::None;
        return failed;
      },
      [](int) { return size_t{0}; });
  if (error) raiseOsError(error);
}

void unsupported(const std::string& message) {
  VM& vm = *VM::current();
  Value io = vm.interp().importModule(vm, "io");
  Value type = io.as<ModuleObject>()->dict()->getStr("UnsupportedOperation");
  raise(type.as<TypeObject>(), message);
}

}  // namespace fileio

namespace {

// Argument checks, in CPython's words: its methods that take nothing or one argument name the
// type, the others only the method.
const std::string& typeLabel(const FileObject* f) {
  return f->type()->name();
}

void noKeywords(const FileObject* f, const CallArgs& args, const char* method) {
  if (args.keywordCount())
    raiseTypeError("{}.{}() takes no keyword arguments", typeLabel(f), method);
}

void noArguments(const FileObject* f, const CallArgs& args, const char* method) {
  noKeywords(f, args, method);
  if (args.count != 1)
    raiseTypeError("{}.{}() takes no arguments ({} given)", typeLabel(f), method, args.count - 1);
}

void oneArgument(const FileObject* f, const CallArgs& args, const char* method) {
  noKeywords(f, args, method);
  if (args.count != 2)
    raiseTypeError("{}.{}() takes exactly one argument ({} given)", typeLabel(f), method,
                   args.count - 1);
}

void argumentRange(const FileObject* f, const CallArgs& args, const char* method, size_t min,
                   size_t max) {
  noKeywords(f, args, method);
  size_t n = args.count - 1;
  if (n < min)
    raiseTypeError("{} expected at least {} argument{}, got {}", method, min, min == 1 ? "" : "s",
                   n);
  if (n > max)
    raiseTypeError("{} expected at most {} argument{}, got {}", method, max, max == 1 ? "" : "s",
                   n);
}

// An int, a bool or an object with __index__, as int64 (*fits false when it is too big).
bool indexValue(const Value& v, int64_t* out, bool* fits) {
  Value i = v;
  if (!isInt(i)) {
    if (!isUserObject(v)) return false;
    i = callSpecial(v, "__index__", {});
    if (i.isNull()) return false;
    if (!isInt(i)) raiseTypeError("__index__ returned non-int (type {})", typeName(i));
  }
  *fits = intFitsInt64(i, out);
  return true;
}

int64_t integerArgument(const Value& v, TypeObject* overflowType, const char* overflowMessage) {
  int64_t n = 0;
  bool fits = false;
  if (!indexValue(v, &n, &fits))
    raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(v));
  if (!fits) raise(overflowType, overflowMessage);
  return n;
}

// `size` of read() and readline(): an int or None (-1).
int64_t sizeOrNone(const Value& v) {
  if (v.isNone()) return -1;
  int64_t n = 0;
  bool fits = false;
  if (!indexValue(v, &n, &fits))
    raiseTypeError("argument should be integer or None, not '{}'", typeName(v));
  if (!fits) raiseOverflowError("cannot fit 'int' into an index-sized integer");
  return n;
}

int intArgument(const Value& v) {
  int64_t n =
      integerArgument(v, builtinTypes().OverflowError, "Python int too large to convert to C int");
  if (n < INT_MIN || n > INT_MAX) raiseOverflowError("Python int too large to convert to C int");
  return static_cast<int>(n);
}

void checkRawOpen(const FileObject* f) {
  if (f->isClosed()) raiseValueError("I/O operation on closed file");
}

void checkIoBaseOpen(const FileObject* f) {
  if (f->isClosed()) raiseValueError("I/O operation on closed file.");
}

// The next line, as __next__ (false at the end).
bool nextLine(VM& vm, FileObject* f, Value* out) {
  if (f->text) return textNext(vm, f, out);
  if (!f->readable) fileio::unsupported("read");
  if (f->isClosed()) raiseValueError("readline of closed file");
  std::string line = readLineBinary(vm, f, -1);
  if (line.empty()) return false;
  *out = makeBytes(std::move(line));
  return true;
}

Value fileRead(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  if (!f->text && !f->readable) fileio::unsupported("read");
  argumentRange(f, args, "read", 0, 1);
  int64_t size = args.count > 1 ? sizeOrNone(args[1]) : -1;
  if (f->text) return textRead(vm, f, size);
  if (size < -1) raiseValueError("read length must be non-negative or -1");
  if (f->isClosed()) raiseValueError("read of closed file");
  return makeBytes(fileio::read(vm, f, size));
}

Value fileReadline(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  argumentRange(f, args, "readline", 0, 1);
  if (f->text) {
    int64_t limit = -1;
    if (args.count > 1)
      limit = integerArgument(args[1], builtinTypes().OverflowError,
                              "Python int too large to convert to C ssize_t");
    return textReadline(vm, f, limit);
  }
  int64_t limit = args.count > 1 ? sizeOrNone(args[1]) : -1;
  if (!f->readable) {
    if (limit == 0) return makeBytes("");  // IOBase.readline reads nothing for that
    fileio::unsupported("read");
  }
  if (f->isClosed()) raiseValueError("readline of closed file");
  return makeBytes(readLineBinary(vm, f, limit));
}

Value fileReadlines(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  argumentRange(f, args, "readlines", 0, 1);
  int64_t hint = args.count > 1 ? sizeOrNone(args[1]) : -1;
  checkIoBaseOpen(f);
  std::vector<Value> lines;
  int64_t total = 0;
  Value line;
  while (nextLine(vm, f, &line)) {
    lines.push_back(line);
    if (hint <= 0) continue;
    int64_t n = f->text ? static_cast<int64_t>(asStr(line)->length())
                        : static_cast<int64_t>(line.as<BytesObject>()->data().size());
    if (n > hint - total) break;
    total += n;
  }
  return makeList(std::move(lines));
}

Value fileWrite(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  if (f->text) {
    oneArgument(f, args, "write");
    return textWrite(vm, f, args[1]);
  }
  if (!f->writable) fileio::unsupported("write");
  oneArgument(f, args, "write");
  const std::string* data = bytesLikeData(args[1]);
  if (!data) raiseTypeError("a bytes-like object is required, not '{}'", typeName(args[1]));
  if (f->isClosed()) raiseValueError("write to closed file");
  if (isBytes(args[1])) {
    fileio::write(vm, f, *data);  // immutable, and args[1] keeps it alive
  } else {
    const std::string copy = *data;  // a bytearray may change while the GIL is given up
    fileio::write(vm, f, copy);
  }
  return Value::integer(static_cast<int64_t>(data->size()));
}

Value fileWritelines(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  oneArgument(f, args, "writelines");
  checkIoBaseOpen(f);
  Value iterator = getIter(args[1]);
  Value line;
  while (iterNext(iterator, &line)) {
    Value call[2] = {args[0], line};
    fileWrite(vm, CallArgs{call, 2, nullptr});
  }
  return Value::none();
}

Value fileReadinto(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  oneArgument(f, args, "readinto");
  std::span<char> buffer;
  if (!writableBytesLikeData(args[1], &buffer))
    raiseTypeError("readinto() argument must be read-write bytes-like object, not {}",
                   typeName(args[1]));
  if (!f->readable) fileio::unsupported("read");
  if (f->isClosed()) raiseValueError("readinto of closed file");
  std::string data = fileio::read(vm, f, static_cast<int64_t>(buffer.size()));
  // Afresh: the read gave the GIL up, and the buffer may have changed meanwhile.
  size_t n = 0;
  if (writableBytesLikeData(args[1], &buffer)) {
    n = std::min(data.size(), buffer.size());
    std::copy_n(data.begin(), n, buffer.begin());
  }
  return Value::integer(static_cast<int64_t>(n));
}

Value closeFile(VM& vm, FileObject* f) {
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

Value fileClose(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "close");
  return closeFile(vm, f);
}

Value fileFlush(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "flush");
  if (f->text) {
    textFlush(vm, f);
    return Value::none();
  }
  if (f->isClosed())
    raise(builtinTypes().ValueError,
          f->writable ? "flush of closed file" : "I/O operation on closed file.");
  fileio::flush(vm, f);
  return Value::none();
}

Value fileTell(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "tell");
  if (f->text) return textTell(vm, f);
  checkRawOpen(f);
  return Value::integer(fileio::tell(vm, f));
}

Value fileSeek(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  argumentRange(f, args, "seek", 1, 2);
  int whence = args.count > 2 ? intArgument(args[2]) : SEEK_SET;
  if (f->text) return textSeek(vm, f, args[1], whence);
  if (whence < SEEK_SET || whence > SEEK_HOLE)
    raiseValueError("whence value {} unsupported", whence);
  if (f->isClosed()) raiseValueError("seek of closed file");
  if (!f->seekable) fileio::unsupported("File or stream is not seekable.");
  int64_t offset = integerArgument(args[1], builtinTypes().ValueError,
                                   "cannot fit 'int' into an offset-sized integer");
  return Value::integer(fileio::seek(vm, f, offset, whence));
}

Value fileTruncate(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  argumentRange(f, args, "truncate", 0, 1);
  if (f->text)
    textFlush(vm, f);  // TextIOWrapper.truncate flushes, then asks its buffer
  else if (f->isClosed())
    raiseValueError("truncate of closed file");
  if (!f->writable) fileio::unsupported("truncate");
  fileio::flush(vm, f);  // so the default size is where the flushed appends left the file
  int64_t size = args.count > 1 && !args[1].isNone()
                     ? integerArgument(args[1], builtinTypes().OverflowError,
                                       "Python int too large to convert to C long")
                     : fileio::tell(vm, f);
  fileio::truncate(vm, f, size);
  return Value::integer(size);
}

Value fileFileno(VM&, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "fileno");
  checkRawOpen(f);
  return Value::integer(f->fd);
}

Value fileIsatty(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "isatty");
  checkRawOpen(f);
  bool tty = blockingIo(
      vm, f, [](std::FILE* file) { return ::isatty(::fileno(file)) == 1; },
      [](bool) { return size_t{0}; });
  return Value::boolean(tty);
}

// readable() and writable() of a BufferedReader or BufferedWriter answer False for the side it
// lacks without asking whether the file is open; the others ask.
Value fileReadable(VM&, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "readable");
  if (!f->readable) return Value::boolean(false);
  checkRawOpen(f);
  return Value::boolean(true);
}

Value fileWritable(VM&, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "writable");
  if (!f->writable) return Value::boolean(false);
  checkRawOpen(f);
  return Value::boolean(true);
}

Value fileSeekable(VM&, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "seekable");
  checkRawOpen(f);
  return Value::boolean(f->seekable);
}

Value fileEnter(VM&, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "__enter__");
  checkIoBaseOpen(f);
  return args[0];
}

Value fileExit(VM& vm, CallArgs args) {
  closeFile(vm, fileSelf(args));
  return Value::none();
}

Value fileIter(VM&, CallArgs args) {
  FileObject* f = fileSelf(args);
  noArguments(f, args, "__iter__");
  checkIoBaseOpen(f);
  return args[0];
}

Value fileNext(VM& vm, CallArgs args) {
  FileObject* f = fileSelf(args);
  Value line;
  if (!nextLine(vm, f, &line))
    raiseException(newException(builtinTypes().StopIteration, std::vector<Value>{}));
  return line;
}

// for-loops: CPython's iter() refuses a closed file before any __next__.
bool fileNextSlot(const Value& file, Value* out) {
  auto* f = file.as<FileObject>();
  checkIoBaseOpen(f);
  return nextLine(*VM::current(), f, out);
}

Value fileName(VM&, CallArgs args) {
  FileObject* f = fileSelf(args);
  switch (f->nameKind) {
    case FileObject::NameKind::Bytes:
      return makeBytes(f->name);
    case FileObject::NameKind::Descriptor:
      return Value::integer(f->fd);
    default:
      return makeStr(f->name);
  }
}

// A text file's mode is what open() was given; a binary one's is its FileIO's.
std::string modeOf(const FileObject* f) {
  if (f->text) return f->mode;
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

Value fileMode(VM&, CallArgs args) {
  return makeStr(modeOf(fileSelf(args)));
}

Value fileClosed(VM&, CallArgs args) {
  return Value::boolean(fileSelf(args)->isClosed());
}

Value fileEncoding(VM&, CallArgs args) {
  return makeStr(fileSelf(args)->text->encoding);
}

Value fileErrors(VM&, CallArgs args) {
  return makeStr(fileSelf(args)->text->errors);
}

Value fileNewlines(VM&, CallArgs args) {
  return textNewlines(fileSelf(args));
}

Value fileLineBuffering(VM&, CallArgs args) {
  return Value::boolean(fileSelf(args)->text->lineBuffering);
}

std::string fileRepr(const Value& file) {
  auto* f = file.as<FileObject>();
  VM& vm = *VM::current();
  Value self[1] = {file};
  std::string name = repr(fileName(vm, CallArgs{self, 1, nullptr}));
  if (!f->text) return "<_io." + typeLabel(f) + " name=" + name + ">";
  return "<_io.TextIOWrapper name=" + name + " mode=" + repr(makeStr(f->mode)) +
         " encoding=" + repr(makeStr(f->text->encoding)) + ">";
}

#define GILSIM_FILE_METHODS                                                                     \
  {"read", fileRead}, {"readline", fileReadline}, {"readlines", fileReadlines},                 \
      {"write", fileWrite}, {"writelines", fileWritelines}, {"close", fileClose},               \
      {"flush", fileFlush}, {"tell", fileTell}, {"seek", fileSeek}, {"truncate", fileTruncate}, \
      {"fileno", fileFileno}, {"isatty", fileIsatty}, {"readable", fileReadable},               \
      {"writable", fileWritable}, {"seekable", fileSeekable}, {"__enter__", fileEnter},         \
      {"__exit__", fileExit}, {"__iter__", fileIter}, {                                         \
    "__next__", fileNext                                                                        \
  }

TypeObject* makeFileType(const char* name, bool text) {
  const NativeTypeSlots slots{.repr = fileRepr, .iterNext = fileNextSlot};
  TypeObject* type =
      text ? makeNativeType(name, "_io", {GILSIM_FILE_METHODS}, slots)
           : makeNativeType(name, "_io", {GILSIM_FILE_METHODS, {"readinto", fileReadinto}}, slots);
  Heap::Scope noHeap(nullptr);
  installProperty(type, "name", fileName);
  installProperty(type, "mode", fileMode);
  installProperty(type, "closed", fileClosed);
  if (text) {
    installProperty(type, "encoding", fileEncoding);
    installProperty(type, "errors", fileErrors);
    installProperty(type, "newlines", fileNewlines);
    installProperty(type, "line_buffering", fileLineBuffering);
  }
  return type;
}

#undef GILSIM_FILE_METHODS

TypeObject* textType() {
  static TypeObject* type = makeFileType("TextIOWrapper", true);
  return type;
}

TypeObject* readerType() {
  static TypeObject* type = makeFileType("BufferedReader", false);
  return type;
}

TypeObject* writerType() {
  static TypeObject* type = makeFileType("BufferedWriter", false);
  return type;
}

TypeObject* randomType() {
  static TypeObject* type = makeFileType("BufferedRandom", false);
  return type;
}

// open(): CPython's _io.open, FileIO's opening and TextIOWrapper's checks, in their order.
struct OpenArguments {
  Value file;
  std::string mode = "r";
  int64_t buffering = -1;
  Value encoding, errors, newline;  // None or str
  bool closefd = true;
  Value opener;
};

bool hasNul(const std::string& s) {
  return s.find('\0') != std::string::npos;
}

Value openWith(VM& vm, const OpenArguments& a) {
  FileObject::Config c;
  std::string path;
  bool isPath = true;
  Value file = a.file;
  if (isUserObject(file)) {
    Value r = callSpecial(file, "__fspath__", {});
    if (!r.isNull()) {
      if (!isStr(r) && !isBytes(r))
        raiseTypeError("expected {}.__fspath__() to return str or bytes, not {}", typeName(file),
                       typeName(r));
      file = r;
    }
  }
  if (isStr(file)) {
    path = asStr(file)->str();
  } else if (isBytes(file)) {
    path = file.as<BytesObject>()->data();
    c.nameKind = FileObject::NameKind::Bytes;
  } else if (isInt(file)) {
    isPath = false;
    c.nameKind = FileObject::NameKind::Descriptor;
  } else {
    raiseTypeError("expected str, bytes or os.PathLike object, not {}", typeName(file));
  }

  const std::string& mode = a.mode;
  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
  for (size_t i = 0; i < mode.size(); ++i) {
    switch (mode[i]) {
      case 'x':
        creating = true;
        break;
      case 'r':
        reading = true;
        break;
      case 'w':
        writing = true;
        break;
      case 'a':
        appending = true;
        break;
      case '+':
        updating = true;
        break;
      case 't':
        text = true;
        break;
      case 'b':
        binary = true;
        break;
      default:
        raiseValueError("invalid mode: '{}'", mode);
    }
    if (mode.find(mode[i], i + 1) != std::string::npos) raiseValueError("invalid mode: '{}'", mode);
  }
  if (text && binary) raiseValueError("can't have text and binary mode at once");
  if (creating + reading + writing + appending > 1)
    raiseValueError("must have exactly one of create/read/write/append mode");
  if (binary && !a.encoding.isNone())
    raiseValueError("binary mode doesn't take an encoding argument");
  if (binary && !a.errors.isNone()) raiseValueError("binary mode doesn't take an errors argument");
  if (binary && !a.newline.isNone()) raiseValueError("binary mode doesn't take a newline argument");
  if (!creating && !reading && !writing && !appending)
    raiseValueError("Must have exactly one of create/read/write/append mode and at most one plus");

  int fd = -1;
  if (!isPath) {
    int64_t n = 0;
    if (!intFitsInt64(file, &n) || n < INT_MIN || n > INT_MAX)
      raiseOverflowError("Python int too large to convert to C int");
    if (n < 0) raiseValueError("negative file descriptor");
    fd = static_cast<int>(n);
  } else {
    if (!a.closefd) raiseValueError("Cannot use closefd=False with file name");
    if (hasNul(path)) raiseValueError("embedded null byte");
  }

  int flags = updating ? O_RDWR : reading ? O_RDONLY : O_WRONLY;
  if (writing) flags |= O_CREAT | O_TRUNC;
  if (appending) flags |= O_APPEND | O_CREAT;
  if (creating) flags |= O_EXCL | O_CREAT;
  flags |= O_CLOEXEC;
  const bool ownsFd = isPath || a.closefd;  // the FILE's close closes it
  const bool openedHere = isPath;           // closed again if a check fails
  if (isPath && !a.opener.isNone()) {
    Value r = vm.call(a.opener, {file, Value::integer(flags)});
    int64_t n = 0;
    bool fits = false;
    if (!indexValue(r, &n, &fits))
      raiseTypeError("'{}' object cannot be interpreted as an integer", typeName(r));
    if (n < 0) raiseValueError("opener returned {}", n);
    fd = static_cast<int>(n);
  }

  // The opening, as one blocking call: open(2) unless there is a descriptor already, the checks
  // FileIO makes, and the FILE. The FILE of a descriptor the caller keeps (closefd=False) holds
  // a duplicate; fileno() still answers the caller's.
  struct Opened {
    std::FILE* file = nullptr;
    int error = 0;
    bool seekable = false;
    bool tty = false;
    int fd = -1;
  };
  const char* fmode = appending  ? (updating ? "a+b" : "ab")
                      : updating ? "r+b"
                      : reading  ? "rb"
                                 : "wb";
  Opened opened;
  {
    GilReleased released(vm, DropReason::Io);
    int descriptor = fd;
    if (descriptor < 0) {
      do {
        descriptor = ::open(path.c_str(), flags, 0666);
      } while (descriptor < 0 && errno == EINTR);
    }
    struct stat st;
    if (descriptor < 0) {
      opened.error = errno;
    } else if (::fstat(descriptor, &st) == 0 && S_ISDIR(st.st_mode)) {
      opened.error = EISDIR;
    } else {
      if (appending) ::lseek(descriptor, 0, SEEK_END);
      opened.seekable = ::lseek(descriptor, 0, SEEK_CUR) >= 0;
      opened.tty = ::isatty(descriptor) == 1;
      int held = ownsFd ? descriptor : ::dup(descriptor);
      opened.file = held >= 0 ? ::fdopen(held, fmode) : nullptr;
      if (!opened.file) {
        opened.error = errnoOr(EINVAL);
        if (held >= 0 && held != descriptor) ::close(held);
      } else if (a.buffering == 0) {
        std::setvbuf(opened.file, nullptr, _IONBF, 0);
      } else if (a.buffering > 1) {
        std::setvbuf(opened.file, nullptr, _IOFBF, static_cast<size_t>(a.buffering));
      }
    }
    if (opened.error && descriptor >= 0 && openedHere) ::close(descriptor);
    opened.fd = descriptor;
    vm.interp().machine().ioDone(0);
  }
  if (opened.error) raiseOsError(opened.error, isPath ? path : "");

  // What CPython checks once the file is open (so a file it creates stays created).
  auto fail = [&]() {
    GilReleased released(vm, DropReason::Io);
    std::fclose(opened.file);
  };
  c.binary = binary;
  c.readable = reading || updating;
  c.writable = writing || appending || creating || updating;
  c.appending = appending;
  c.created = creating;
  c.seekable = opened.seekable;
  c.fd = opened.fd;
  c.mode = mode;
  c.name = c.nameKind == FileObject::NameKind::Descriptor ? std::to_string(opened.fd) : path;
  if (!binary) {
    if (a.buffering == 0) {
      fail();
      raiseValueError("can't have unbuffered text I/O");
    }
    c.lineBuffering = a.buffering == 1 || (a.buffering < 0 && opened.tty);
    if (!a.newline.isNone()) {
      const std::string& nl = asStr(a.newline)->str();
      if (!nl.empty() && nl != "\n" && nl != "\r" && nl != "\r\n") {
        fail();
        raiseValueError("illegal newline value: {}", nl);
      }
      c.hasNewline = true;
      c.newline = nl;
    }
    if (!a.errors.isNone()) c.errors = asStr(a.errors)->str();
    if (!a.encoding.isNone() && asStr(a.encoding)->str() != "locale")
      c.encoding = asStr(a.encoding)->str();
    try {
      c.codec = lookupCodec(c.encoding);
    } catch (PyException&) {
      fail();
      throw;
    }
  }
  return Value::steal(new FileObject(opened.file, c));
}

Value strOrNoneArgument(const Value& v, const char* name) {
  if (!v.isNone() && !isStr(v))
    raiseTypeError("open() argument '{}' must be str or None, not {}", name, typeName(v));
  return v;
}

}  // namespace

Value openFile(const Value& path, const std::string& mode) {
  OpenArguments a;
  a.file = path;
  a.mode = mode;
  a.encoding = a.errors = a.newline = a.opener = Value::none();
  return openWith(*VM::current(), a);
}

Value builtinOpenFile(VM& vm, CallArgs args) {
  static constexpr const char* kNames[] = {"file",   "mode",    "buffering", "encoding",
                                           "errors", "newline", "closefd",   "opener"};
  constexpr size_t kCount = sizeof kNames / sizeof kNames[0];
  Value values[kCount];
  const size_t positional = args.positionalCount();
  if (positional > kCount)
    raiseTypeError("open() takes at most {} arguments ({} given)", kCount, args.count);
  for (size_t i = 0; i < positional; ++i)
    values[i] = args[i];
  for (size_t k = 0; k < args.keywordCount(); ++k) {
    std::string_view key = asStr(args.kwnames->items()[k])->view();
    size_t i = 0;
    while (i < kCount && key != kNames[i])
      ++i;
    if (i == kCount) raiseTypeError("'{}' is an invalid keyword argument for open()", key);
    if (!values[i].isNull())
      raiseTypeError("argument for open() given by name ('{}') and position ({})", key, i + 1);
    values[i] = args[positional + k];
  }
  if (values[0].isNull()) raiseTypeError("open() missing required argument 'file' (pos 1)");
  OpenArguments a;
  a.file = values[0];
  if (!values[1].isNull()) {
    if (!isStr(values[1]))
      raiseTypeError("open() argument 'mode' must be str, not {}", typeName(values[1]));
    a.mode = asStr(values[1])->str();
  }
  if (!values[2].isNull())
    a.buffering = integerArgument(values[2], builtinTypes().OverflowError,
                                  "Python int too large to convert to C int");
  a.encoding = values[3].isNull() ? Value::none() : strOrNoneArgument(values[3], "encoding");
  a.errors = values[4].isNull() ? Value::none() : strOrNoneArgument(values[4], "errors");
  a.newline = values[5].isNull() ? Value::none() : strOrNoneArgument(values[5], "newline");
  if (!values[6].isNull())
    a.closefd = integerArgument(values[6], builtinTypes().OverflowError,
                                "Python int too large to convert to C int") != 0;
  a.opener = values[7].isNull() ? Value::none() : values[7];
  return openWith(vm, a);
}

TypeObject* fileType() {
  return textType();
}

bool isFileObject(const Value& v) {
  if (!v.isObject()) return false;
  TypeObject* t = v.object()->type();
  return t == textType() || t == readerType() || t == writerType() || t == randomType();
}

}  // namespace gilsim
