// Running one child process for `gilsim bench`: its stdout and stderr captured, stdin from
// /dev/null, a wall-clock limit, and an interrupt flag. The child leads a process group of its
// own, so that killing it (timeout, interrupt) also kills every worker process it started.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace gilsim::cli {

struct ChildResult {
  // False when the child could not be started (see error), e.g. the program is not on PATH.
  bool started = false;
  std::string error;
  // Exit status, or -SIGNAL when a signal ended it.
  int status = -1;
  bool timedOut = false;
  bool interrupted = false;
  // It printed more than kMaxStdout bytes and was killed.
  bool overflowed = false;
  std::string out;
  std::string err;  // the last kMaxStderr bytes
};

inline constexpr size_t kMaxStderr = 64 * 1024;
// The driver prints a few lines a worker; a child that prints this much is not the driver.
inline constexpr size_t kMaxStdout = 16 * 1024 * 1024;

// Runs argv[0] (searched on PATH when it has no '/') with argv[1...] and waits for it. After
// `limit`, or once `interrupt` turns true, the child's process group is killed. Once the child
// has exited, whatever it left behind in its group is killed too.
ChildResult runChild(const std::vector<std::string>& argv, std::chrono::milliseconds limit,
                     const std::atomic<bool>* interrupt = nullptr);

// "exited with status 1", "was killed by signal 9 (Killed)", "ran past the limit of 60 s".
std::string describeEnd(const ChildResult& result, std::chrono::milliseconds limit);

}  // namespace gilsim::cli
