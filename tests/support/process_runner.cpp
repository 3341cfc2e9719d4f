#include "support/process_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string_view>
#include <thread>

extern char** environ;

namespace gilsim::testsupport {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// What the child reports through the status pipe when it fails before execve.
struct StartFailure {
  int stage;  // index into kStageNames
  int error;  // errno
};
constexpr const char* kStageNames[] = {"dup2", "open /dev/null", "chdir", "execve"};
enum Stage { kDup2 = 0, kOpenDevNull = 1, kChdir = 2, kExecve = 3 };

std::string errnoText(const std::string& what, int error) {
  return what + ": " + std::strerror(error);
}

void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::string_view nameOf(std::string_view entry) {
  return entry.substr(0, entry.find('='));
}

// The caller's environment with `extra` added, each extra entry replacing an inherited one of the
// same name.
std::vector<std::string> childEnvironment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const bool replaced = std::any_of(extra.begin(), extra.end(), [&](const std::string& x) {
      return nameOf(x) == nameOf(entry);
    });
    if (!replaced) env.emplace_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

void appendCapped(std::string& dst, const char* data, std::size_t n, std::size_t cap,
                  bool& truncated) {
  if (dst.size() >= cap) {
    if (n > 0) truncated = true;
    return;
  }
  const std::size_t room = cap - dst.size();
  if (n > room) {
    truncated = true;
    n = room;
  }
  dst.append(data, n);
}

// write() that cannot raise SIGPIPE in the test process when the child has closed its stdin.
ssize_t writeWithoutSigpipe(int fd, const char* data, std::size_t n) {
  sigset_t pipeSet;
  sigemptyset(&pipeSet);
  sigaddset(&pipeSet, SIGPIPE);
  sigset_t pending;
  sigemptyset(&pending);
  ::sigpending(&pending);
  const bool alreadyPending = sigismember(&pending, SIGPIPE) == 1;
  sigset_t oldMask;
  ::pthread_sigmask(SIG_BLOCK, &pipeSet, &oldMask);
  const ssize_t wrote = ::write(fd, data, n);
  const int savedErrno = errno;
  if (wrote < 0 && savedErrno == EPIPE && !alreadyPending) {
    const timespec zero{};
    while (::sigtimedwait(&pipeSet, nullptr, &zero) < 0 && errno == EINTR) {
    }
  }
  ::pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);
  errno = savedErrno;
  return wrote;
}

// Child side, between fork() and execve(): only async-signal-safe calls. Reports a failure through
// statusFd and exits 127.
[[noreturn]] void failInChild(int statusFd, Stage stage) {
  const StartFailure failure{stage, errno};
  (void)!::write(statusFd, &failure, sizeof failure);
  ::_exit(127);
}

}  // namespace

ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  if (argv.empty()) {
    result.error = "runProcess: empty argv";
    return result;
  }

  // Everything the child needs is prepared before fork(): after it, only async-signal-safe calls.
  std::vector<char*> childArgv;
  for (const std::string& a : argv)
    childArgv.push_back(const_cast<char*>(a.c_str()));
  childArgv.push_back(nullptr);
  const std::vector<std::string> env = childEnvironment(options.extraEnvironment);
  std::vector<char*> childEnv;
  for (const std::string& e : env)
    childEnv.push_back(const_cast<char*>(e.c_str()));
  childEnv.push_back(nullptr);
  const std::string workingDir = options.workingDir.string();
  const bool feedStdin = options.stdinText.has_value();

  // [0] read end, [1] write end. statusPipe carries a StartFailure, or nothing once execve works.
  int outPipe[2] = {-1, -1};
  int errPipe[2] = {-1, -1};
  int inPipe[2] = {-1, -1};
  int statusPipe[2] = {-1, -1};
  auto closeAll = [&] {
    for (int* p : {outPipe, errPipe, inPipe, statusPipe}) {
      closeFd(p[0]);
      closeFd(p[1]);
    }
  };
  if (::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0 ||
      ::pipe2(statusPipe, O_CLOEXEC) != 0 || (feedStdin && ::pipe2(inPipe, O_CLOEXEC) != 0)) {
    result.error = errnoText("pipe2", errno);
    closeAll();
    return result;
  }

  const auto start = Clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    result.error = errnoText("fork", errno);
    closeAll();
    return result;
  }
  if (pid == 0) {
    ::setpgid(0, 0);  // own process group, so that a timeout can kill everything it started
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (::dup2(outPipe[1], STDOUT_FILENO) < 0 || ::dup2(errPipe[1], STDERR_FILENO) < 0)
      failInChild(statusPipe[1], kDup2);
    if (feedStdin) {
      if (::dup2(inPipe[0], STDIN_FILENO) < 0) failInChild(statusPipe[1], kDup2);
    } else {
      const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
      if (devNull < 0) failInChild(statusPipe[1], kOpenDevNull);
      if (::dup2(devNull, STDIN_FILENO) < 0) failInChild(statusPipe[1], kDup2);
    }
    if (!workingDir.empty() && ::chdir(workingDir.c_str()) != 0) failInChild(statusPipe[1], kChdir);
    ::execve(childArgv[0], childArgv.data(), childEnv.data());
    failInChild(statusPipe[1], kExecve);
  }
  ::setpgid(pid, pid);  // also from the parent, so that a kill cannot race the child's own call
  closeFd(outPipe[1]);
  closeFd(errPipe[1]);
  closeFd(inPipe[0]);
  closeFd(statusPipe[1]);

  // Blocks until execve succeeds (the pipe closes on exec) or the child reports its failure.
  StartFailure failure{};
  ssize_t got = 0;
  do {
    got = ::read(statusPipe[0], &failure, sizeof failure);
  } while (got < 0 && errno == EINTR);
  closeFd(statusPipe[0]);
  if (got == static_cast<ssize_t>(sizeof failure)) {
    std::string what = kStageNames[failure.stage];
    if (failure.stage == kChdir) what += " " + workingDir;
    if (failure.stage == kExecve) what += " " + argv[0];
    result.error = errnoText(what, failure.error);
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    closeAll();
    result.elapsed = Clock::now() - start;
    return result;
  }
  result.started = true;

  const auto deadline = start + options.wallLimit;
  auto remainingMs = [&]() -> long long {
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  };

  // Drain stdout and stderr (and feed stdin) together, so that no pipe can fill up and block.
  std::size_t stdinWritten = 0;
  if (feedStdin) {
    ::fcntl(inPipe[1], F_SETFL, ::fcntl(inPipe[1], F_GETFL) | O_NONBLOCK);
    if (options.stdinText->empty()) closeFd(inPipe[1]);
  }
  char buffer[65536];
  while (outPipe[0] >= 0 || errPipe[0] >= 0) {
    const long long left = remainingMs();
    if (left <= 0) {
      result.timedOut = true;
      break;
    }
    pollfd fds[3];
    nfds_t count = 0;
    for (int fd : {outPipe[0], errPipe[0]})
      if (fd >= 0) fds[count++] = pollfd{fd, POLLIN, 0};
    if (inPipe[1] >= 0) fds[count++] = pollfd{inPipe[1], POLLOUT, 0};
    const int ready = ::poll(fds, count, static_cast<int>(std::min<long long>(left, 1'000'000)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      result.error = errnoText("poll", errno);
      break;
    }
    for (nfds_t k = 0; k < count; ++k) {
      if (fds[k].revents == 0) continue;
      const int fd = fds[k].fd;
      if (fd == inPipe[1]) {
        const std::string& text = *options.stdinText;
        const ssize_t wrote =
            writeWithoutSigpipe(fd, text.data() + stdinWritten, text.size() - stdinWritten);
        if (wrote > 0) stdinWritten += static_cast<std::size_t>(wrote);
        const bool retry = wrote < 0 && (errno == EINTR || errno == EAGAIN);
        if (stdinWritten == text.size() || (wrote < 0 && !retry)) closeFd(inPipe[1]);
        continue;
      }
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      const bool isOut = fd == outPipe[0];
      if (n <= 0) {
        closeFd(isOut ? outPipe[0] : errPipe[0]);
        continue;
      }
      if (isOut)
        appendCapped(result.out, buffer, static_cast<std::size_t>(n), options.maxCapture,
                     result.outTruncated);
      else
        appendCapped(result.err, buffer, static_cast<std::size_t>(n), options.maxCapture,
                     result.errTruncated);
    }
    if (options.interruptWhenStdoutContains && !result.interruptSent &&
        result.out.find(*options.interruptWhenStdoutContains) != std::string::npos) {
      ::kill(pid, SIGINT);
      result.interruptSent = true;
    }
  }

  // Both streams are closed (or time ran out): reap the child, still within the wall limit.
  int wstatus = 0;
  bool reaped = false;
  while (!result.timedOut && result.error.empty()) {
    const pid_t w = ::waitpid(pid, &wstatus, WNOHANG);
    if (w == pid) {
      reaped = true;
      break;
    }
    if (w < 0 && errno != EINTR) {
      result.error = errnoText("waitpid", errno);
      break;
    }
    if (remainingMs() <= 0) {
      result.timedOut = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!reaped) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
  }
  closeAll();
  result.elapsed = Clock::now() - start;
  if (WIFEXITED(wstatus))
    result.status = WEXITSTATUS(wstatus);
  else if (WIFSIGNALED(wstatus))
    result.status = -WTERMSIG(wstatus);
  return result;
}

std::string describe(const ProcessResult& result) {
  std::ostringstream s;
  if (!result.started) {
    s << "not started (" << result.error << ")";
    return s.str();
  }
  s << "status " << result.status << (result.timedOut ? " (timed out)" : "");
  if (!result.error.empty()) s << " (runner error: " << result.error << ")";
  s << "\n--- stdout ---\n"
    << result.out << (result.outTruncated ? "\n[truncated]\n" : "") << "--- stderr ---\n"
    << result.err << (result.errTruncated ? "\n[truncated]\n" : "") << "--------------";
  return s.str();
}

std::optional<std::string> findOnPath(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    if (::access(program.c_str(), X_OK) == 0) return fs::absolute(program).string();
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const std::size_t colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    std::string candidate = dir.empty() ? std::string(".") : std::string(dir);
    candidate += '/';
    candidate += program;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0) {
      return fs::absolute(candidate).string();
    }
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::optional<std::string> findPython3() {
  return findOnPath("python3");
}

std::vector<std::string> pythonComparisonEnvironment() {
  return {"PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8", "PYTHONUTF8=1"};
}

}  // namespace gilsim::testsupport
