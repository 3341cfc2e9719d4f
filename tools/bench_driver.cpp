#include "tools/bench_driver.h"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "fmt/format.h"

namespace gilsim::bench {

std::optional<DriverFile> DriverFile::create(std::string& error) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string pattern = (dir / "gilsim-bench-XXXXXX.py").string();
  int fd = ::mkstemps(pattern.data(), 3);
  if (fd < 0) {
    error = fmt::format("cannot create the driver script {}: {}", pattern, std::strerror(errno));
    return std::nullopt;
  }
  DriverFile file(pattern);
  size_t length = std::strlen(kBenchDriverSource);
  size_t done = 0;
  while (done < length) {
    ssize_t n = ::write(fd, kBenchDriverSource + done, length - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = fmt::format("cannot write the driver script {}: {}", pattern, std::strerror(errno));
      ::close(fd);
      return std::nullopt;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    error = fmt::format("cannot write the driver script {}: {}", pattern, std::strerror(errno));
    return std::nullopt;
  }
  return file;
}

DriverFile::~DriverFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace gilsim::bench
