// The driver script of `gilsim bench` (tools/bench_driver.py, embedded at build time by
// cmake/embed_text.cmake), and a temporary file that holds it while a benchmark runs.
#pragma once

#include <optional>
#include <string>

namespace gilsim::bench {

extern const char kBenchDriverSource[];

// The driver written to $TMPDIR/gilsim-bench-XXXXXX.py, removed again by the destructor.
class DriverFile {
 public:
  // nullopt, with `error` set, when the file cannot be written.
  static std::optional<DriverFile> create(std::string& error);
  DriverFile(DriverFile&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  DriverFile& operator=(DriverFile&&) = delete;
  DriverFile(const DriverFile&) = delete;
  ~DriverFile();

  const std::string& path() const { return path_; }

 private:
  explicit DriverFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace gilsim::bench
