// The real machine: OS threads, the OS clocks, nanosleep.
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "gil/machine.h"

namespace gilsim {

namespace {

// Python threads get 8 MiB of C++ stack, as the main thread usually has: the VM's recursion
// guard (VM::checkCStack) keeps a reserve below the frames, whatever the size.
constexpr size_t kThreadStackBytes = size_t{8} << 20;

Nanos clockNanos(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return static_cast<Nanos>(ts.tv_sec) * kNanosPerSecond + ts.tv_nsec;
}

extern "C" void* runThreadBody(void* arg) {
  std::unique_ptr<std::function<void()>> body(static_cast<std::function<void()>*>(arg));
  (*body)();
  return nullptr;
}

class RealMachine final : public Machine {
 public:
  bool simulated() const override { return false; }
  SyncPlatform& platform() override { return osSyncPlatform(); }
  int run(const std::function<int()>& main) override { return main(); }

  std::optional<uint64_t> startThread(std::function<void()> body) override {
    auto* owned = new std::function<void()>(std::move(body));
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kThreadStackBytes);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    // Ctrl-C goes to the main thread only, as in CPython: new threads start with SIGINT blocked.
    sigset_t blockInterrupt, previous;
    sigemptyset(&blockInterrupt);
    sigaddset(&blockInterrupt, SIGINT);
    pthread_sigmask(SIG_BLOCK, &blockInterrupt, &previous);
    pthread_t thread;
    int rc = pthread_create(&thread, &attr, runThreadBody, owned);
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
      delete owned;
      return std::nullopt;
    }
    return static_cast<uint64_t>(thread);
  }

  Nanos wallTime() override { return clockNanos(CLOCK_REALTIME); }
  Nanos processCpuTime() override { return clockNanos(CLOCK_PROCESS_CPUTIME_ID); }
  Nanos threadCpuTime() override { return clockNanos(CLOCK_THREAD_CPUTIME_ID); }

  void sleep(Nanos duration, const EvalBreaker& breaker) override {
    // nanosleep returns early with EINTR when Ctrl-C's handler runs: honour the interrupt at
    // once (CPython's sleep raises KeyboardInterrupt immediately too), else sleep the rest.
    timespec want{static_cast<time_t>(duration / kNanosPerSecond),
                  static_cast<long>(duration % kNanosPerSecond)};
    timespec left{};
    while (nanosleep(&want, &left) != 0 && errno == EINTR && !(breaker.load() & kSignalRequest))
      want = left;
  }
  void computeFor(Nanos) override {}
  bool waitForFd(int fd, bool forWrite, Nanos timeout, const EvalBreaker& breaker) override {
    std::vector<pollfd> polled{pollfd{fd, static_cast<short>(forWrite ? POLLOUT : POLLIN), 0}};
    return pollFds(polled, timeout, breaker) != 0;  // an error: let the read or write report it
  }
  int pollFds(std::vector<pollfd>& fds, Nanos timeout, const EvalBreaker& breaker) override {
    Nanos deadline = timeout < 0 ? -1 : platform().now() + timeout;
    for (;;) {
      int ms = -1;
      if (deadline >= 0) {
        Nanos left = deadline - platform().now();
        if (left <= 0) left = 0;
        // poll's timeout is in milliseconds: round up, or a wait may end early.
        ms = static_cast<int>(
            std::min<Nanos>((left + kNanosPerMilli - 1) / kNanosPerMilli, 1 << 30));
      }
      int n = ::poll(fds.data(), fds.size(), ms);
      if (n > 0) return n;
      if (n == 0 && deadline >= 0 && platform().now() >= deadline) return 0;
      if (n < 0 && errno != EINTR) return -1;
      if (breaker.load() & kSignalRequest) {
        errno = EINTR;
        return -1;
      }
    }
  }
  void ioDone(size_t) override {}

  StackBounds currentStack() override {
    StackBounds bounds;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      size_t size = 0;
      pthread_attr_getstack(&attr, &addr, &size);
      bounds.low = reinterpret_cast<uintptr_t>(addr);
      bounds.high = bounds.low + size;
      pthread_attr_destroy(&attr);
    }
    return bounds;
  }
  uint64_t threadIdent() override { return static_cast<uint64_t>(pthread_self()); }
  int64_t nativeThreadId() override { return static_cast<int64_t>(gettid()); }
  const SimSettings* simSettings() const override { return nullptr; }

  int64_t forkProcess(ExecHandoff*) override { return ::fork(); }
  int64_t hostPid(int64_t pid) override { return pid; }
  int64_t scriptPid(int64_t hostPid) override { return hostPid; }
  int64_t waitChild(int64_t pid, bool noHang, int* status, const EvalBreaker& breaker) override {
    for (;;) {
      pid_t got = ::waitpid(static_cast<pid_t>(pid), status, noHang ? WNOHANG : 0);
      // Ctrl-C ends the wait; any other interruption goes on waiting.
      if (got >= 0 || errno != EINTR || (breaker.load() & kSignalRequest)) return got;
    }
  }
  bool awaitOtherProcesses(Nanos) override { return false; }
  int sendSignal(int64_t pid, int signal) override {
    return ::kill(static_cast<pid_t>(pid), signal);
  }
};

}  // namespace

std::unique_ptr<Machine> makeRealMachine() {
  return std::make_unique<RealMachine>();
}

}  // namespace gilsim
