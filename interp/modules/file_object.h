// Files from open(): text or binary, read/write/append, iteration by line, context manager.
// Reads, writes, flushes and close are blocking calls: each gives the GIL up (reason `io`) and then
// takes the file's own mutex, so two threads cannot use one FILE at once, and a thread never
// waits for the GIL while it holds a file's mutex.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>

#include "interp/objects/object.h"

namespace gilsim {

class VM;

class FileObject : public Object {
 public:
  FileObject(std::FILE* file, std::string name, std::string mode, bool binary);
  ~FileObject() override;
  std::FILE* file = nullptr;  // guarded by ioMutex once the file is shared
  std::mutex ioMutex;
  std::string name;
  std::string mode;
  bool binary;
  // The errno of a flush that failed: stdio drops what it could not write, CPython keeps it and
  // its close fails again; so close reports this one. Guarded by ioMutex.
  int unwrittenError = 0;
  // Closes the file; 0 or the errno of the failure (the flush of buffered writes: ENOSPC).
  int close();
};

Value openFile(const Value& path, const std::string& mode);
// The type of every FileObject: _io.TextIOWrapper, with the methods and the iteration by line.
TypeObject* fileType();

}  // namespace gilsim
