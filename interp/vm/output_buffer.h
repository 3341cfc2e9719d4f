// The interpreter's stdout buffer, kept as CPython's sys.stdout keeps it, so that a closed pipe
// or a full disk ends a run as it ends CPython's (issue 15): every failed write reports its
// errno instead of losing the output.
//
// - Buffered in 8 KiB, as io.DEFAULT_BUFFER_SIZE; flushed at each newline on a terminal.
// - A write that overflows the buffer and fails drops what it could not write (CPython's
//   BufferedWriter loses it the same way: `python3 many_lines.py | head -1` reports one
//   BrokenPipeError and exits 1, with nothing left to flush at exit).
// - A failed flush keeps the data, so the flush at exit fails again and reports it ("Exception
//   ignored in: <_io.TextIOWrapper name='<stdout>' ...>", exit 120).
//
// Thread-safe: print runs under the GIL, but a deadlock report or a fork's flush may not.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace gilsim {

class OutputBuffer {
 public:
  explicit OutputBuffer(std::FILE* file);
  // Appends `text`, flushing when the buffer is full (or at a newline on a terminal). Returns 0
  // or the errno of the failed write (EPIPE, ENOSPC, ...).
  int write(std::string_view text);
  // Writes out everything buffered. Returns 0 or the errno of the failed write.
  int flush();

 private:
  // Writes `bytes` out, advancing past what was written; 0 or the errno of the failure.
  int writeThrough(std::string_view& bytes);
  int flushLocked();

  static constexpr size_t kCapacity = 8192;
  std::FILE* file_;
  int fd_;  // -1 for a stream without a descriptor (written through stdio)
  bool lineBuffered_;
  std::string pending_;
  std::mutex mutex_;
};

}  // namespace gilsim
