#include "interp/vm/output_buffer.h"

#include <unistd.h>

#include <cerrno>

namespace gilsim {

OutputBuffer::OutputBuffer(std::FILE* file)
    : file_(file), fd_(file ? ::fileno(file) : -1), lineBuffered_(fd_ >= 0 && ::isatty(fd_)) {}

int OutputBuffer::writeThrough(std::string_view& bytes) {
  if (!file_) return 0;
  if (fd_ < 0) {
    // No descriptor (a memory stream under test): stdio reports the error.
    size_t written = std::fwrite(bytes.data(), 1, bytes.size(), file_);
    bytes.remove_prefix(written);
    int error = bytes.empty() && std::fflush(file_) == 0 ? 0 : (errno ? errno : EIO);
    std::clearerr(file_);
    return error;
  }
  // Whatever was put into the stdio stream directly goes first.
  if (std::fflush(file_) != 0) {
    int error = errno ? errno : EIO;
    std::clearerr(file_);
    return error;
  }
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;  // Ctrl-C is raised at the next check point
      return errno;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

int OutputBuffer::write(std::string_view text) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (pending_.size() + text.size() <= kCapacity) {
    pending_.append(text);
    if (!lineBuffered_ || text.find('\n') == std::string_view::npos) return 0;
    return flushLocked();
  }
  // Overflow: what is buffered, then the new text, go out now; on failure both are dropped.
  std::string_view buffered = pending_;
  int error = writeThrough(buffered);
  pending_.clear();
  if (!error) error = writeThrough(text);
  return error;
}

int OutputBuffer::flush() {
  std::lock_guard<std::mutex> lock(mutex_);
  return flushLocked();
}

int OutputBuffer::flushLocked() {
  // Nothing of ours to write: leave the stdio stream (and an error it holds) to its owner.
  if (pending_.empty()) return 0;
  std::string_view rest = pending_;
  int error = writeThrough(rest);
  pending_.erase(0, pending_.size() - rest.size());  // what failed stays for the next flush
  return error;
}

}  // namespace gilsim
