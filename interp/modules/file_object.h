// Files from open(), as CPython 3.11's io makes them: a binary file is a BufferedReader,
// BufferedWriter or BufferedRandom over the OS file, a text file a TextIOWrapper over one. The
// FILE* is the buffered binary layer (its position is the buffer's). The text layer
// (file_text.cpp) decodes in chunks as CPython's does and keeps the same snapshot of where a chunk
// began, so that tell() builds the same cookies, `newlines` sees the same read-ahead and a write
// after a read lands where CPython's lands.
// Every call that touches the OS gives the GIL up (reason `io`) and then takes the file's own
// mutex, so two threads cannot use one FILE at once, and a thread never waits for the GIL while
// it holds a file's mutex. The text layer's state is only touched with the GIL held.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "interp/objects/codecs.h"
#include "interp/objects/object.h"

namespace gilsim {

class VM;
struct CallArgs;

// The decoder of a text file: the codec's incremental decoder (UTF-8 keeps an incomplete sequence
// for the next input) and, for newline=None or '', CPython's IncrementalNewlineDecoder around it
// (a CR at the end is held back until the next character is known; the kinds of newline seen).
struct TextDecoder {
  Codec codec = Codec::Utf8;
  std::string errors = "strict";
  bool universal = true;  // wrapped in IncrementalNewlineDecoder
  bool translate = true;  // \r\n and \r become \n
  bool pendingCR = false;
  int seenNewlines = 0;  // kSeenLF | kSeenCR | kSeenCRLF
  std::string buffered;  // bytes of an incomplete sequence
};

// TextIOWrapper's state (Modules/_io/textio.c names in the comments).
struct TextState {
  std::string encoding;  // as given to open(), or the locale's
  std::string errors;
  bool lineBuffering = false;
  bool readTranslate = true;  // readtranslate
  bool readUniversal = true;  // readuniversal
  std::string readNewline;    // readnl, when neither of those
  std::string writeNewline;   // writenl: what '\n' becomes on write; empty when it stays
  bool hasDecoder = false;    // a readable file
  TextDecoder decoder;
  std::string decoded;     // decoded_chars (UTF-8)
  size_t decodedUsed = 0;  // decoded_chars_used, in bytes of `decoded`
  // snapshot: the decoder's flags and the input fed to it since the start of the last chunk
  bool hasSnapshot = false;
  int snapshotFlags = 0;
  std::string snapshotInput;
  double bytesPerChar = 0.0;  // b2cratio
  bool telling = false;       // false after next() until the end of the file
};

class FileObject : public Object {
 public:
  enum class NameKind : uint8_t { Str, Bytes, Descriptor };
  enum class LastOp : uint8_t { None, Read, Write };
  struct Config {
    std::string name;
    NameKind nameKind = NameKind::Str;
    std::string mode;  // as given to open()
    bool binary = false;
    bool readable = false;
    bool writable = false;
    bool appending = false;
    bool created = false;
    bool seekable = false;
    int fd = -1;  // what fileno() reports
    // text files
    std::string encoding = "UTF-8";
    Codec codec = Codec::Utf8;
    std::string errors = "strict";
    bool hasNewline = false;  // newline=None when false
    std::string newline;
    bool lineBuffering = false;
  };
  // A file over `file`; if text, as CPython's sys.stdin (utf-8, newline='\n').
  FileObject(std::FILE* file, std::string name, std::string mode, bool binary);
  FileObject(std::FILE* file, const Config& config);
  ~FileObject() override;
  std::FILE* file = nullptr;  // guarded by ioMutex once the file is shared
  std::mutex ioMutex;
  std::string name;
  NameKind nameKind = NameKind::Str;
  std::string mode;
  bool binary;
  bool readable = false;
  bool writable = false;
  bool appending = false;
  bool created = false;
  bool seekable = false;
  int fd = -1;
  // The errno of a flush that failed: stdio drops what it could not write, CPython keeps it and
  // its close fails again; so close reports this one. Guarded by ioMutex.
  int unwrittenError = 0;
  // A FILE must be repositioned between a write and a read. Guarded by ioMutex.
  LastOp lastOp = LastOp::None;
  // Append mode: the position when the writes since the last flush, read or seek began, and how
  // many bytes they wrote (switchTo in file_object.cpp). Guarded by ioMutex.
  int64_t appendFrom = -1;
  int64_t appended = 0;
  std::unique_ptr<TextState> text;  // text files only
  bool isClosed() const { return closed_.load(std::memory_order_acquire); }
  // Closes the file; 0 or the errno of the failure (the flush of buffered writes: ENOSPC).
  int close();

 private:
  std::atomic<bool> closed_{false};
};

Value openFile(const Value& path, const std::string& mode);
// The built-in open(), with all of CPython's arguments (file, mode, buffering, encoding, errors,
// newline, closefd, opener) and its errors. openFile is open(path, mode) with the defaults.
Value builtinOpenFile(VM& vm, CallArgs args);
// _io.TextIOWrapper, the type of text files; binary ones are _io.BufferedReader, BufferedWriter
// and BufferedRandom.
TypeObject* fileType();
bool isFileObject(const Value& v);

// The binary layer, for the text layer: each a blocking call on the FILE; OSError on failure.
namespace fileio {
// Up to `size` bytes, fewer only at the end of the file; all that is left when size < 0.
std::string read(VM& vm, FileObject* f, int64_t size);
// One chunk (BufferedReader.read1): the next `size` bytes of a regular file; from a pipe or a
// terminal, what has arrived (one read(2)), so that a reader is answered as soon as it can be.
std::string readChunk(VM& vm, FileObject* f, size_t size);
void write(VM& vm, FileObject* f, std::string_view data);
void flush(VM& vm, FileObject* f);
int64_t tell(VM& vm, FileObject* f);
int64_t seek(VM& vm, FileObject* f, int64_t offset, int whence);
void truncate(VM& vm, FileObject* f, int64_t size);
// io.UnsupportedOperation(message).
[[noreturn]] void unsupported(const std::string& message);
}  // namespace fileio

// The text layer (file_text.cpp); each checks that the file is open.
void initTextState(FileObject* f, const FileObject::Config& config);
Value textRead(VM& vm, FileObject* f, int64_t size);
Value textReadline(VM& vm, FileObject* f, int64_t limit);
bool textNext(VM& vm, FileObject* f, Value* line);  // false at the end, as __next__
Value textWrite(VM& vm, FileObject* f, const Value& text);
void textFlush(VM& vm, FileObject* f);
Value textTell(VM& vm, FileObject* f);
Value textSeek(VM& vm, FileObject* f, const Value& cookie, int whence);
Value textNewlines(const FileObject* f);

}  // namespace gilsim
