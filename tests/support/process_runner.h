// Running a child process for an end-to-end test: argv, working directory, stdin, environment,
// a wall-clock limit, and stdout/stderr captured separately.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gilsim::testsupport {

// Per stream; what a child writes beyond this is read and dropped.
constexpr std::size_t kDefaultMaxCapture = 16u << 20;

struct ProcessOptions {
  // Working directory of the child; empty: the caller's.
  std::filesystem::path workingDir;
  // Bytes written to the child's stdin, which is then closed; nullopt: stdin is /dev/null.
  std::optional<std::string> stdinText;
  // "NAME=value" entries added to the caller's environment, replacing an inherited NAME.
  std::vector<std::string> extraEnvironment;
  // After this the child (and its process group) is killed and the result says timedOut.
  std::chrono::milliseconds wallLimit = std::chrono::seconds(20);
  // When set, SIGINT is sent to the child (once) as soon as its stdout contains this text.
  std::optional<std::string> interruptWhenStdoutContains;
  std::size_t maxCapture = kDefaultMaxCapture;
};

struct ProcessResult {
  // False when the child could not be started (pipe, fork, chdir or execve failed): see error.
  bool started = false;
  // Why the child did not start, or what went wrong in the runner while it ran; empty if nothing.
  std::string error;
  // Exit status, or -signal when the child was killed by a signal (-SIGKILL after a timeout).
  int status = -1;
  std::string out;
  std::string err;
  bool outTruncated = false;
  bool errTruncated = false;
  bool timedOut = false;
  // Whether the SIGINT of ProcessOptions::interruptWhenStdoutContains was sent.
  bool interruptSent = false;
  // From just before the start to the child being reaped.
  std::chrono::duration<double> elapsed{0};

  // True when the child ran and ended by itself: neither killed at the wall limit nor by a signal.
  bool exitedNormally() const { return started && !timedOut && status >= 0; }
};

// Runs argv[0] (a path; PATH is not searched) with arguments argv[1...] and waits for it, draining
// stdout and stderr together so that neither pipe can fill up and block the child. The child gets
// its own process group, so that a timeout kills everything it started.
ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// "status N (timed out)" followed by both streams, for failure messages.
std::string describe(const ProcessResult& result);

// The absolute path of an executable: `program` itself if it contains a '/', else the first match
// on PATH.
std::optional<std::string> findOnPath(const std::string& program);

// python3 on PATH.
std::optional<std::string> findPython3();

// Environment entries for comparing a run with CPython: no __pycache__ written into the source
// tree, UTF-8 I/O. Meant for ProcessOptions::extraEnvironment.
std::vector<std::string> pythonComparisonEnvironment();

}  // namespace gilsim::testsupport
