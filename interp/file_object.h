// Files from open(): text or binary, read/write/append, iteration by line, context manager.
// Reads and writes are blocking calls; issue 3 wraps them in a GIL release with reason `io`.
#pragma once

#include <cstdio>
#include <string>

#include "interp/object.h"

namespace gilsim {

class FileObject : public Object {
 public:
  FileObject(std::FILE* file, std::string name, std::string mode, bool binary);
  ~FileObject() override;
  std::FILE* file = nullptr;
  std::string name;
  std::string mode;
  bool binary;
  void close();
};

Value openFile(const Value& path, const std::string& mode);
std::string fileRepr(const Value& file);
bool fileNextLine(const Value& file, Value* out);
void registerFileMethods(TypeObject* fileType);

}  // namespace gilsim
