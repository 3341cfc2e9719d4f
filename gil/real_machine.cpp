// The real machine: OS threads, the OS clocks, waits in ppoll that Ctrl-C always ends.
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
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

// Ctrl-C's handler sets kSignalRequest and interrupts the system call under way. One that lands
// after the caller last looked at the breaker but before the wait begins interrupts nothing: a
// join(timeout=20) would sit out its 20 s. So a wait blocks the asynchronous signals, looks at the
// breaker, and waits in ppoll(2), which restores the caller's mask atomically (as pselect(2) was
// made for). The synchronous signals stay open: blocking them while they are raised is undefined.
class AsyncSignalsHeld {
 public:
  AsyncSignalsHeld() {
    sigset_t all;
    sigfillset(&all);
    for (int sync : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS})
      sigdelset(&all, sync);
    pthread_sigmask(SIG_BLOCK, &all, &waitMask_);
  }
  ~AsyncSignalsHeld() { pthread_sigmask(SIG_SETMASK, &waitMask_, nullptr); }
  AsyncSignalsHeld(const AsyncSignalsHeld&) = delete;
  AsyncSignalsHeld& operator=(const AsyncSignalsHeld&) = delete;
  const sigset_t* waitMask() const { return &waitMask_; }

 private:
  sigset_t waitMask_;
};

timespec toTimespec(Nanos n) {
  return timespec{static_cast<time_t>(n / kNanosPerSecond), static_cast<long>(n % kNanosPerSecond)};
}

// ppoll until a descriptor is ready, `deadline` (monotonic, negative: none) passes or Ctrl-C
// arrives, before or during the wait: as poll(2), with EINTR for Ctrl-C only.
int pollUntil(pollfd* fds, nfds_t count, Nanos deadline, const EvalBreaker& breaker) {
  for (;;) {
    timespec left{};
    const timespec* limit = nullptr;
    if (deadline >= 0) {
      left = toTimespec(std::max<Nanos>(deadline - clockNanos(CLOCK_MONOTONIC), 0));
      limit = &left;
    }
    int n;
    {
      AsyncSignalsHeld held;
      if (breaker.load() & kSignalRequest) {
        errno = EINTR;
        return -1;
      }
      n = ::ppoll(fds, count, limit, held.waitMask());
    }
    if (n > 0) return n;
    if (n == 0 && deadline >= 0 && clockNanos(CLOCK_MONOTONIC) >= deadline) return 0;
    if (n < 0 && errno != EINTR) return -1;
  }
}

// A descriptor that becomes readable when child `pid` exits; -1 where the kernel (before 5.3)
// or a sandbox refuses pidfd_open(2).
int openPidFd(pid_t pid) {
#ifdef SYS_pidfd_open
  return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
  (void)pid;
  return -1;
#endif
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
    // Ctrl-C ends the sleep at once, as CPython's time.sleep raises KeyboardInterrupt at once.
    pollUntil(nullptr, 0, clockNanos(CLOCK_MONOTONIC) + std::max<Nanos>(duration, 0), breaker);
  }
  void computeFor(Nanos) override {}
  bool waitForFd(int fd, bool forWrite, Nanos timeout, const EvalBreaker& breaker) override {
    std::vector<pollfd> polled{pollfd{fd, static_cast<short>(forWrite ? POLLOUT : POLLIN), 0}};
    return pollFds(polled, timeout, breaker) != 0;  // an error: let the read or write report it
  }
  int pollFds(std::vector<pollfd>& fds, Nanos timeout, const EvalBreaker& breaker) override {
    return pollUntil(fds.data(), fds.size(),
                     timeout < 0 ? -1 : clockNanos(CLOCK_MONOTONIC) + timeout, breaker);
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
    if (noHang) return ::waitpid(static_cast<pid_t>(pid), status, WNOHANG);
    // waitpid(2) has no mask to restore atomically: wait for the child's pidfd in ppoll instead,
    // or, where there is none (any child, an old kernel), look again every few milliseconds.
    constexpr Nanos kRecheck = 5 * kNanosPerMilli;
    int pidFd = pid > 0 ? openPidFd(static_cast<pid_t>(pid)) : -1;
    int64_t got;
    for (;;) {
      got = ::waitpid(static_cast<pid_t>(pid), status, WNOHANG);
      if (got != 0) break;
      pollfd exited{pidFd, POLLIN, 0};
      int n = pollUntil(pidFd >= 0 ? &exited : nullptr, pidFd >= 0 ? 1 : 0,
                        pidFd >= 0 ? -1 : clockNanos(CLOCK_MONOTONIC) + kRecheck, breaker);
      if (n < 0) {  // Ctrl-C, or the pidfd failed: as an interrupted waitpid, errno set
        got = -1;
        break;
      }
    }
    if (pidFd >= 0) {
      int saved = errno;
      ::close(pidFd);
      errno = saved;
    }
    return got;
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
