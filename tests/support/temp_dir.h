// A fresh directory per test, removed with everything in it when the test ends.
#pragma once

#include <string>

namespace gilsim::testsupport {

class TempDir {
 public:
  // Under the system's temporary folder, named PREFIX_XXXXXX; throws std::runtime_error if it
  // cannot be made.
  explicit TempDir(const std::string& prefix = "gilsim_test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The path of NAME inside the directory.
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes NAME with these bytes; returns its path.
  std::string write(const std::string& name, const std::string& bytes) const;

 private:
  std::string path_;
};

}  // namespace gilsim::testsupport
