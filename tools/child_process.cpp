#include "tools/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "fmt/format.h"

extern char** environ;

namespace gilsim::cli {

namespace {

using Clock = std::chrono::steady_clock;

// How often the wait loop looks at the child's state and the interrupt flag.
constexpr int kPollMillis = 50;

struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) ::close(f);
  }
  void closeEnd(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
};

// Reads what is there; false at end of file or on an error.
bool drain(int fd, std::string& into, size_t cap) {
  char buffer[8192];
  ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  if (n <= 0) return false;
  into.append(buffer, static_cast<size_t>(n));
  if (into.size() > cap) into.erase(0, into.size() - cap);
  return true;
}

}  // namespace

ChildResult runChild(const std::vector<std::string>& argv, std::chrono::milliseconds limit,
                     const std::atomic<bool>* interrupt) {
  ChildResult result;
  if (argv.empty()) {
    result.error = "no command";
    return result;
  }
  Pipe out, err;
  if (::pipe2(out.fd, O_CLOEXEC) != 0 || ::pipe2(err.fd, O_CLOEXEC) != 0) {
    result.error = fmt::format("pipe: {}", std::strerror(errno));
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setpgroup(&attributes, 0);
  // The child starts with default SIGINT/SIGTERM handling and nothing blocked, whatever we set.
  sigset_t defaults, none;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int spawnError = ::posix_spawnp(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawnError != 0) {
    result.error = fmt::format("cannot run '{}': {}", argv[0], std::strerror(spawnError));
    return result;
  }
  result.started = true;
  out.closeEnd(1);
  err.closeEnd(1);

  const auto deadline = Clock::now() + limit;
  bool outOpen = true, errOpen = true, exited = false;
  int waitStatus = 0;
  // A grandchild that left the group could hold the pipes open; it gets this long after the
  // child's exit.
  auto stopReading = Clock::time_point::max();
  auto killGroup = [&] { ::kill(-pid, SIGKILL); };
  while (!exited || outOpen || errOpen) {
    if (!exited) {
      pid_t r = ::waitpid(pid, &waitStatus, WNOHANG);
      if (r == pid) {
        exited = true;
        stopReading = Clock::now() + std::chrono::seconds(2);
        // The driver joins its workers; anything still in its group is a leftover of a failed
        // run and would hold the pipes open.
        killGroup();
      }
    }
    if (!exited && Clock::now() >= deadline) {
      result.timedOut = true;
      killGroup();
    }
    if (!exited && interrupt && interrupt->load(std::memory_order_relaxed)) {
      result.interrupted = true;
      killGroup();
    }
    if (exited && Clock::now() >= stopReading) break;
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    if (!outOpen) fds[0].fd = -1;
    if (!errOpen) fds[1].fd = -1;
    if (!outOpen && !errOpen) {
      if (!exited) {
        if (::waitpid(pid, &waitStatus, 0) == pid) exited = true;
        killGroup();
      }
      break;
    }
    int ready = ::poll(fds, 2, kPollMillis);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      outOpen = drain(out.fd[0], result.out, kMaxStdout + 1);
      if (result.out.size() > kMaxStdout && !result.overflowed) {
        result.overflowed = true;
        killGroup();
      }
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR))
      errOpen = drain(err.fd[0], result.err, kMaxStderr);
  }
  if (!exited) {
    killGroup();
    ::waitpid(pid, &waitStatus, 0);
  }
  if (WIFEXITED(waitStatus))
    result.status = WEXITSTATUS(waitStatus);
  else if (WIFSIGNALED(waitStatus))
    result.status = -WTERMSIG(waitStatus);
  return result;
}

std::string describeEnd(const ChildResult& result, std::chrono::milliseconds limit) {
  if (!result.started) return result.error;
  if (result.interrupted) return "was interrupted";
  if (result.overflowed)
    return fmt::format("printed more than {} MiB and was killed", kMaxStdout >> 20);
  if (result.timedOut)
    return fmt::format("ran past the limit of {:g} s and was killed", limit.count() / 1000.0);
  if (result.status < 0)
    return fmt::format("was killed by signal {} ({})", -result.status, strsignal(-result.status));
  return fmt::format("exited with status {}", result.status);
}

}  // namespace gilsim::cli
