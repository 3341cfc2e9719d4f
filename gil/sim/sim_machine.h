// The simulated machine: every thread of the run is a fiber (Boost.Context), all of them run by
// the one OS thread that calls run(), on a virtual clock and SimSettings::cores virtual cores.
//
// The model (README.md, "The simulated machine"):
//   - Time moves only when something costs time: the eval loop's costed instantiation adds each
//     instruction's cost to the clock (clock(), the table in interp/common/opcodes.h), native work
//     adds its own (charge, computeFor), and waits end at their deadlines. Nothing reads a host
//     clock, so a run replays exactly.
//   - Only one fiber executes at a time, and it owns the clock while it does; the others are
//     blocked, waiting for a core, or busy on a core with native work whose end is an event. A
//     process's Python code runs on one core at a time anyway (the GIL), so one clock is exact.
//   - A thread that becomes runnable (woken, timed out, started) runs after the wake latency, on
//     a free core; when none is free it queues (first in, first out) and runs when a time slice
//     ends: a thread on a core keeps it for a slice, then yields it to the head of the queue.
//   - Jitter (seeded) stretches or shrinks each latency and slice by up to ±jitter.
//   - Processes: each is a real process with a machine of its own, and they take turns in
//     windows of virtual time on the cores granted to each (gil/sim/lockstep.h).
//   - Events happen in time order, ties in the order they were scheduled. The executing fiber
//     notices due events at its next check point (*clock() >= *nextEvent()), so an event can
//     be late by the instructions between two check points, the same way on every run.
//
// Threading contract: everything here is called on the OS thread running run(), by the
// executing fiber (or, before run(), by that thread itself, which may not block).
#pragma once

#include <boost/context/fiber.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <vector>

#include "gil/machine.h"
#include "gil/sim/lockstep.h"
#include "gil/sim/process_table.h"
#include "gil/sim/sim_random.h"

namespace gilsim {

class SimMachine final : public Machine {
 public:
  explicit SimMachine(const SimSettings& settings);
  ~SimMachine() override;

  // Machine
  bool simulated() const override { return true; }
  SyncPlatform& platform() override;
  int run(const std::function<int()>& main) override;
  std::optional<uint64_t> startThread(std::function<void()> body) override;
  Nanos wallTime() override;
  Nanos processCpuTime() override;
  Nanos threadCpuTime() override;
  void sleep(Nanos duration, const EvalBreaker& breaker) override;
  void computeFor(Nanos cost) override;
  bool waitForFd(int fd, bool forWrite, Nanos timeout, const EvalBreaker& breaker) override;
  int pollFds(std::vector<pollfd>& fds, Nanos timeout, const EvalBreaker& breaker) override;
  void ioDone(size_t bytes) override;
  int64_t forkProcess(ExecHandoff* exec) override;
  int64_t hostPid(int64_t pid) override;
  int64_t scriptPid(int64_t hostPid) override;
  int64_t waitChild(int64_t pid, bool noHang, int* status, const EvalBreaker& breaker) override;
  bool awaitOtherProcesses(Nanos deadline) override;
  int sendSignal(int64_t pid, int signal) override;
  void noteSharedChange() override { noteActivity(); }
  StackBounds currentStack() override;
  uint64_t threadIdent() override;
  int64_t nativeThreadId() override;
  const SimSettings* simSettings() const override { return &settings_; }

  // The eval loop's costed instantiation charges instructions to the clock in place and, at
  // every check point, compares it with the next event: *clock() >= *nextEvent() means that
  // something is due, and reachEvents() lets it happen before the calling fiber goes on.
  Nanos* clock() { return &now_; }
  const Nanos* nextEvent() const { return &nextEvent_; }
  void reachEvents();
  // Native work of the executing fiber that grows with its data (big ints, long strings):
  // added to the clock; the next check point lets what it ran past happen.
  void charge(Nanos cost) { now_ += cost; }
  Nanos now() const { return now_; }

  // os.getpid() and os.getppid(): the first process is ProcessTable::kFirstPid.
  int64_t pid() const { return pid_; }
  int64_t parentPid() const { return parentPid_; }
  // Something other processes can see has happened (I/O, a fork, a semaphore released, a
  // signal sent): the next window follows at once, and their waits look again.
  void noteActivity() { activity_ = true; }

  // Lockstep (gil/sim/lockstep.h): this process's part of one window; nothing when the calling
  // process became a forked child during it (its lockstep is then a new one).
  std::optional<WindowReport> runWindow(const WindowGrant& grant);
  // The whole run is idle: blocks the OS thread until a descriptor this process's threads wait
  // on is ready (input from outside); false when none is waited on.
  bool waitForOutsideInput();
  // Whether the process's first thread has returned: its run is over.
  bool finished() const;
  // Nothing can ever run again: the deadlock report (onStuck), then exit status 3.
  [[noreturn]] void stuck();

  // What follows the running fiber (the VM layer's current VM): `save` when a fiber is switched
  // out, `restore` with what was saved when it is switched in.
  void setFiberLocalHooks(void* (*save)(), void (*restore)(void*));
  // Called when every fiber is blocked and no event is left: nothing can ever run again.
  std::function<void()> onStuck;

  // The blocking primitives the simulated platform (sim_platform.cpp) is built on.
  struct Fiber;
  Fiber* current() const { return current_; }
  // Blocks the executing fiber until wake() or `deadline` (kForever: none); true when woken.
  bool block(Nanos deadline);
  // Makes a blocked fiber runnable after the wake latency; nothing if it is not blocked.
  void wake(Fiber* fiber);

 private:
  enum class EventKind : uint8_t { Ready, Resume, Timeout, ComputeDone, SliceEnd };
  struct Event {
    Nanos time;
    uint64_t seq;
    Fiber* fiber;
    uint64_t token;  // the fiber's token when scheduled: stale when it has moved on since
    EventKind kind;
    bool operator>(const Event& other) const {
      return time != other.time ? time > other.time : seq > other.seq;
    }
  };

  Fiber* newFiber(std::function<void()> body);
  void schedule(Fiber* fiber, Nanos time, EventKind kind);
  void handle(const Event& event);
  void becomeReady(Fiber* fiber, Nanos latency);
  void grantCore(Fiber* fiber);
  void releaseCore(Fiber* fiber);
  void startSlice(Fiber* fiber);
  void switchTo(Fiber* fiber);
  void switchToScheduler();
  Nanos jittered(Nanos duration);
  static uint64_t identOf(uint64_t fiberId);
  void updateNextEvent();
  void setCores(int cores);
  // Takes a fiber off its core into the ready queue, at its head or its tail.
  void preempt(Fiber* fiber, bool toFront);
  void becomeForkedChild(int64_t pid, int controlFd);
  // Wakes the fibers waiting on descriptors that are ready now; with `wait`, first blocks the OS
  // thread in poll() until one is (nothing else can happen before: input from outside).
  void pollDescriptors(bool wait);
  struct FdWaiter {
    std::vector<pollfd>* fds;  // the waiter's own, on its stack while it is blocked
    Fiber* fiber;
  };
  std::vector<FdWaiter> fdWaiters_;
  std::vector<Fiber*> worldWaiters_;  // awaitOtherProcesses: woken when the world changes

  SimSettings settings_;
  std::unique_ptr<SyncPlatform> platform_;
  Nanos now_ = 0;
  Nanos nextEvent_ = INT64_MAX;
  uint64_t nextSeq_ = 0;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events_;
  std::vector<std::unique_ptr<Fiber>> fibers_;
  std::deque<Fiber*> readyQueue_;  // runnable, waiting for a core
  int cores_;                      // granted to this process for the current window
  int freeCores_;                  // of those, not taken by a fiber
  Nanos windowEnd_ = INT64_MAX;
  bool activity_ = false;
  bool forkedInto_ = false;  // set in a forked child: its window ends at once
  int64_t pid_ = ProcessTable::kFirstPid;
  int64_t parentPid_ = 1;
  std::unique_ptr<ProcessTable> table_;
  std::unique_ptr<Lockstep> lockstep_;
  std::vector<std::unique_ptr<Lockstep>> retired_;  // a forked child's parent's, let go of
  Fiber* current_ = nullptr;
  Fiber* main_ = nullptr;
  boost::context::fiber scheduler_;  // the scheduler's continuation, while a fiber runs
  StackBounds schedulerStack_;
  SimRandom random_;
  void* (*saveLocals_)() = nullptr;
  void (*restoreLocals_)(void*) = nullptr;
};

}  // namespace gilsim
