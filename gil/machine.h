// Where the threads of a run execute, and how long things take: the machine.
//
// The interpreter asks the machine for everything that touches time or starts a thread, so one
// interpreter runs unchanged on both:
//
//   the real machine (real_machine.cpp)  every thread an OS thread, the OS clocks, real sleeps;
//   the simulated one (sim/)             every thread a fiber on one OS thread, N virtual cores
//                                        shared by time slices, a virtual clock advanced by the
//                                        eval loop's instruction costs and by modelled waits.
//
// Threading contract: every method is called by a thread of the machine (the one named "the
// calling thread"), with or without the GIL as each method says. The machine knows nothing of
// bytecode or objects (gil/ never does); the eval loop reaches the simulated clock through
// SimMachine's own, narrower interface (gil/sim/sim_machine.h).
#pragma once

#include <poll.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gil/eval_breaker.h"
#include "gil/sync.h"

namespace gilsim {

// What the simulated machine is like (gilsim run --sim --cores --seed --wake-latency --jitter).
// The model and its defaults are in README.md, "The simulated machine".
struct SimSettings {
  int cores =
      4;  // virtual CPUs, 1 to kMaxSimCores; fixed so that a run does not depend on the host
  uint64_t seed = 0;                        // drives the jitter (and nothing else)
  Nanos wakeLatency = 50 * kNanosPerMicro;  // from being woken to running again, as on hardware
  double jitter = 0;                        // 0..1: slices and latencies vary by up to ±jitter
  Nanos timeSlice = 3 * kNanosPerMilli;     // a runnable thread's turn when cores are short
  // I/O on files and pipes: a latency plus the bytes at a bandwidth (page cache and pipes).
  Nanos ioLatency = 5 * kNanosPerMicro;
  double ioBytesPerSecond = 2e9;
  // Processes (gil/sim/lockstep.h): they take turns in windows of this much virtual time; a
  // fork costs its parent forkCost of CPU, and a spawned child starts spawnStartup late (the
  // exec and the interpreter's start, which its own bytecode does not account for).
  Nanos window = 250 * kNanosPerMicro;
  Nanos forkCost = 300 * kNanosPerMicro;
  Nanos spawnStartup = 15 * kNanosPerMilli;
};
inline constexpr int kMaxSimCores = 256;
inline constexpr Nanos kForever = -1;  // a deadline that never comes

struct StackBounds {
  uintptr_t low = 0;   // lowest usable address
  uintptr_t high = 0;  // one past the highest
};

class Machine {
 public:
  virtual ~Machine() = default;

  virtual bool simulated() const = 0;
  // The clock, mutexes and conditions the GIL policies and the thread registry use.
  virtual SyncPlatform& platform() = 0;

  // Runs `main` as the process's first thread and returns what it returns. The real machine
  // calls it on the calling thread; the simulated one runs it as a fiber and schedules every
  // thread until it returns.
  virtual int run(const std::function<int()>& main) = 0;
  // Starts a thread running `body` (which takes the GIL itself) and returns the ident it will
  // have (threadIdent()); nothing when none can be started. Ctrl-C goes to the first thread
  // only, as in CPython.
  virtual std::optional<uint64_t> startThread(std::function<void()> body) = 0;

  // Clocks, in nanoseconds: time.time, time.monotonic (platform().now()), the process's and the
  // calling thread's CPU time.
  virtual Nanos wallTime() = 0;
  Nanos monotonicTime() { return platform().now(); }
  virtual Nanos processCpuTime() = 0;
  virtual Nanos threadCpuTime() = 0;

  // Blocks the calling thread, which has given the GIL up, for `duration`, or until `breaker`
  // carries kSignalRequest (Ctrl-C).
  virtual void sleep(Nanos duration, const EvalBreaker& breaker) = 0;
  // CPU work the calling thread does in native code, `cost` long: the simulated machine
  // occupies one of its cores for that long (with or without the GIL, as the caller holds it);
  // the real machine does nothing, as the caller does the work itself.
  virtual void computeFor(Nanos cost) = 0;
  // Whether a blocking call on a descriptor may block the OS thread itself (the real machine).
  bool blockingIoAllowed() { return !simulated(); }

  // Waits, the GIL given up, until `fd` is ready to read (or to write), until `timeout` has
  // passed (negative: no limit) or until Ctrl-C; true when it is ready. On the real machine a
  // read or write simply blocks; the simulated one must not block its OS thread, so blocking
  // calls on descriptors ask it first.
  virtual bool waitForFd(int fd, bool forWrite, Nanos timeout, const EvalBreaker& breaker) = 0;
  // The same for several descriptors at once, as poll(2): the number ready (revents filled),
  // 0 when `timeout` passed, -1 with errno (EINTR: Ctrl-C).
  virtual int pollFds(std::vector<pollfd>& fds, Nanos timeout, const EvalBreaker& breaker) = 0;
  // I/O of `bytes` bytes just done by the calling thread, the GIL given up: on the simulated
  // machine it waits a latency plus the bytes at a bandwidth (README, "The simulated machine");
  // the real one has already spent the real time.
  virtual void ioDone(size_t bytes) = 0;

  // The calling thread's C++ stack, for the VM's guard against deep native recursion.
  virtual StackBounds currentStack() = 0;
  // threading.get_ident() and get_native_id() of the calling thread: the pthread and the kernel's
  // thread id, or virtual numbers that do not depend on the host.
  virtual uint64_t threadIdent() = 0;
  virtual int64_t nativeThreadId() = 0;
  // Processes. fork() with the machine's bookkeeping: the child's pid (virtual on the simulated
  // machine, which also makes the child one of its processes) in the parent, 0 in the child, -1
  // with errno. With `exec` the child only execs: what it must inherit for that is appended to
  // exec->environment and exec->keepFds before the fork.
  struct ExecHandoff {
    std::vector<std::string> environment;
    std::vector<int> keepFds;
  };
  virtual int64_t forkProcess(ExecHandoff* exec) = 0;
  // The host's pid of a pid as the script sees it (os.kill), and back; -1 when unknown.
  virtual int64_t hostPid(int64_t pid) = 0;
  virtual int64_t scriptPid(int64_t hostPid) = 0;
  // Waits, the GIL given up, for a child of this process to end: os.waitpid(pid, options)
  // with pid > 0 or -1. Returns the pid as the script sees it and fills *status; 0 when
  // `noHang` and none has ended; -1 with errno.
  virtual int64_t waitChild(int64_t pid, bool noHang, int* status, const EvalBreaker& breaker) = 0;
  // A wait on something another process changes without a descriptor to wait on (a
  // process-shared semaphore): on the real machine nothing (the caller blocks in the OS); on the
  // simulated one the calling thread, the GIL given up, waits until the other processes have
  // had their turn or until `deadline` (kForever: none). False when it may not wait at all.
  virtual bool awaitOtherProcesses(Nanos deadline) = 0;

  // Sends `signal` to the process `pid` is to the script (os.kill); 0 or -1 with errno.
  virtual int sendSignal(int64_t pid, int signal) = 0;
  // The calling thread changed something other processes see without a descriptor (shared
  // memory, a process-shared semaphore): the simulated machine lets them look again.
  virtual void noteSharedChange() {}

  // The simulated machine's settings; null on the real one.
  virtual const SimSettings* simSettings() const = 0;
};

std::unique_ptr<Machine> makeRealMachine();

}  // namespace gilsim
