#include "gil/sim/sim_machine.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "gil/sim/sim_platform.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#include <sanitizer/lsan_interface.h>
#define GILSIM_ASAN 1
#else
#define GILSIM_ASAN 0
#endif

namespace gilsim {

namespace {

// As the real machine's threads: 8 MiB of C++ stack each, with a guard page below.
constexpr size_t kFiberStackBytes = size_t{8} << 20;
// time.time() of a simulated run starts here (2023-11-14 22:13:20 UTC), the same on every run.
constexpr Nanos kSimEpoch = Nanos{1'700'000'000} * kNanosPerSecond;
// threading.get_ident() and get_native_id() of fiber n: fixed numbers of their own.
constexpr uint64_t kIdentBase = 0x7f0000000000u;
constexpr int64_t kNativeIdBase = 100000;
// A spawned child finds its place in the run here: "CONTROL_FD:PID:PARENT_PID:TABLE_FD:NOW".
constexpr const char* kProcessVariable = "GILSIM_SIM_PROCESS";

}  // namespace

struct SimMachine::Fiber {
  enum class State : uint8_t { New, Ready, OnCore, Blocked, Done };

  uint64_t id = 0;  // 1 for the first thread, then in creation order
  State state = State::New;
  uint64_t token = 0;  // moves on with every change of state: older events are stale
  std::function<void()> body;
  boost::context::fiber context;  // its continuation while it is switched out
  StackBounds stack;
  void* locals = nullptr;  // what setFiberLocalHooks's save returned when it was switched out
  // On a core: computing (native work without the clock) until computeEnd, or executing code.
  bool computing = false;
  Nanos computeStart = 0;  // when its computation last got a core
  Nanos computeEnd = 0;    // when it will be done, if it keeps the core
  Nanos computeLeft = 0;   // what a preempted computation still needs
  Nanos cpuTime = 0;       // time it has had a core for, executing or computing
  Nanos resumedAt = 0;     // the clock when it last started executing
  bool woken = false;      // block(): woken (true) or timed out (false)
#if GILSIM_ASAN
  void* fakeStack = nullptr;
#endif
};

namespace {

// A protected fixed-size stack that remembers where it is, for StackBounds.
class RecordingStack {
 public:
  RecordingStack(StackBounds* bounds) : bounds_(bounds) {}
  boost::context::stack_context allocate() {
    boost::context::stack_context sctx = inner_.allocate();
    bounds_->high = reinterpret_cast<uintptr_t>(sctx.sp);
    bounds_->low = bounds_->high - sctx.size;
    return sctx;
  }
  void deallocate(boost::context::stack_context& sctx) noexcept { inner_.deallocate(sctx); }

 private:
  boost::context::protected_fixedsize_stack inner_{kFiberStackBytes};
  StackBounds* bounds_;
};

// AddressSanitizer must be told about every switch between stacks (its docs, "stack
// switching"); without it an exception thrown on a fiber's stack confuses it.
void startSwitch([[maybe_unused]] void** fakeStack, [[maybe_unused]] const StackBounds& to) {
#if GILSIM_ASAN
  __sanitizer_start_switch_fiber(fakeStack, reinterpret_cast<const void*>(to.low),
                                 to.high - to.low);
#endif
}
void finishSwitch([[maybe_unused]] void* fakeStack, [[maybe_unused]] StackBounds* from) {
#if GILSIM_ASAN
  const void* bottom = nullptr;
  size_t size = 0;
  __sanitizer_finish_switch_fiber(fakeStack, &bottom, &size);
  if (from) {
    from->low = reinterpret_cast<uintptr_t>(bottom);
    from->high = from->low + size;
  }
#endif
}

}  // namespace

SimMachine::SimMachine(const SimSettings& settings)
    : settings_(settings),
      platform_(makeSimPlatform(*this)),
      cores_(settings.cores),
      freeCores_(settings.cores),
      random_(settings.seed) {
  if (const char* handoff = std::getenv(kProcessVariable)) {
    // A spawned child: the run's process table, its control socket and its start time.
    int control = -1, tableFd = -1;
    long long pid = 0, parent = 0, start = 0;
    if (std::sscanf(handoff, "%d:%lld:%lld:%d:%lld", &control, &pid, &parent, &tableFd, &start) ==
        5)
      table_ = ProcessTable::adopt(tableFd);
    ::unsetenv(kProcessVariable);
    if (table_) {
      ::fcntl(control, F_SETFD, FD_CLOEXEC);
      pid_ = pid;
      parentPid_ = parent;
      now_ = start + settings_.spawnStartup;
      lockstep_ = makeChildLockstep(*this, control);
      return;
    }
  }
  table_ = ProcessTable::create(::getpid());
  lockstep_ = makeRootLockstep(*this, *table_);  // without a table, fork reports ENOSYS
}

SimMachine::~SimMachine() {
  // Fibers that never finished (daemon threads when the first thread returned) are abandoned
  // with what their stacks hold, as the real machine's are when the process ends: unwinding
  // them would run Python code after the run is over.
  for (auto& f : fibers_) {
    if (f->state == Fiber::State::Done || f->state == Fiber::State::New) continue;
#if GILSIM_ASAN
    __lsan_register_root_region(reinterpret_cast<void*>(f->stack.low),
                                f->stack.high - f->stack.low);
#endif
    new (&f->context) boost::context::fiber();  // forget the continuation without unwinding it
    (void)f.release();
  }
}

SyncPlatform& SimMachine::platform() {
  return *platform_;
}

void SimMachine::setFiberLocalHooks(void* (*save)(), void (*restore)(void*)) {
  saveLocals_ = save;
  restoreLocals_ = restore;
}

Nanos SimMachine::jittered(Nanos duration) {
  if (settings_.jitter <= 0 || duration <= 0) return duration;
  double factor = 1.0 + settings_.jitter * (2.0 * random_.uniform() - 1.0);
  return static_cast<Nanos>(static_cast<double>(duration) * factor);
}

void SimMachine::updateNextEvent() {
  // The window's end is an event too: code running past it stops at its next check point.
  nextEvent_ = std::min(events_.empty() ? INT64_MAX : events_.top().time, windowEnd_);
}

void SimMachine::schedule(Fiber* fiber, Nanos time, EventKind kind) {
  events_.push(Event{time, nextSeq_++, fiber, fiber->token, kind});
  updateNextEvent();
}

SimMachine::Fiber* SimMachine::newFiber(std::function<void()> body) {
  auto fiber = std::make_unique<Fiber>();
  fiber->id = fibers_.size() + 1;
  fiber->body = std::move(body);
  Fiber* f = fiber.get();
  f->context = boost::context::fiber(
      std::allocator_arg, RecordingStack(&f->stack), [this, f](boost::context::fiber&& scheduler) {
        scheduler_ = std::move(scheduler);
        finishSwitch(nullptr, &schedulerStack_);
        if (restoreLocals_) restoreLocals_(nullptr);
        f->body();
        f->body = nullptr;
        f->state = Fiber::State::Done;
        ++f->token;
        f->cpuTime += now_ - f->resumedAt;
        releaseCore(f);
        startSwitch(nullptr, schedulerStack_);  // this stack is done with
        return std::move(scheduler_);
      });
  fibers_.push_back(std::move(fiber));
  return f;
}

int SimMachine::run(const std::function<int()>& main) {
  int status = 0;
  main_ = newFiber([&] { status = main(); });
  becomeReady(main_, 0);
  while (main_->state != Fiber::State::Done)
    if (!lockstep_->step()) std::_Exit(1);  // a child whose run's first process has gone
  return status;
}

std::optional<WindowReport> SimMachine::runWindow(const WindowGrant& grant) {
  if (now_ < grant.start) now_ = grant.start;
  windowEnd_ = grant.end;
  activity_ = false;
  if (grant.worldChanged) {
    std::vector<Fiber*> waiters;
    waiters.swap(worldWaiters_);
    for (Fiber* f : waiters)
      wake(f);
  }
  setCores(grant.cores);
  updateNextEvent();
  while (main_->state != Fiber::State::Done) {
    if (!fdWaiters_.empty()) pollDescriptors(false);
    if (events_.empty() || events_.top().time >= windowEnd_) break;
    Event event = events_.top();
    events_.pop();
    updateNextEvent();
    if (event.token != event.fiber->token) continue;  // it has moved on
    if (event.time > now_) now_ = event.time;
    handle(event);
    if (forkedInto_) {
      forkedInto_ = false;
      return std::nullopt;
    }
  }
  WindowReport report;
  for (const auto& f : fibers_) {
    if (f->state == Fiber::State::Done) continue;
    ++report.threads;
    if (f->state == Fiber::State::Ready || f->state == Fiber::State::OnCore) ++report.runnable;
  }
  while (!events_.empty() && events_.top().token != events_.top().fiber->token)
    events_.pop();
  report.nextEvent = events_.empty() ? INT64_MAX : events_.top().time;
  report.activity = activity_;
  return report;
}

bool SimMachine::finished() const {
  return main_ && main_->state == Fiber::State::Done;
}

bool SimMachine::waitForOutsideInput() {
  if (fdWaiters_.empty()) return false;
  pollDescriptors(true);
  return true;
}

void SimMachine::stuck() {
  if (onStuck) onStuck();
  std::fputs("gilsim: the simulated machine has nothing left to run\n", stderr);
  std::_Exit(3);
}

void SimMachine::setCores(int cores) {
  int onCore = cores_ - freeCores_;
  cores_ = cores;
  if (onCore > cores) {
    // The fibers that came last give their cores back first; they queue at the head.
    std::vector<Fiber*> running;
    for (const auto& f : fibers_)
      if (f->state == Fiber::State::OnCore) running.push_back(f.get());
    for (size_t i = running.size(); i > 0 && onCore > cores; --i, --onCore)
      preempt(running[i - 1], /*toFront=*/true);
  }
  freeCores_ = cores - onCore;
  while (freeCores_ > 0 && !readyQueue_.empty()) {
    Fiber* next = readyQueue_.front();
    readyQueue_.pop_front();
    grantCore(next);
  }
}

void SimMachine::preempt(Fiber* f, bool toFront) {
  if (f->computing) {
    f->cpuTime += now_ - f->computeStart;
    f->computeLeft = f->computeEnd - now_;
  }
  ++f->token;
  f->state = Fiber::State::Ready;
  if (toFront)
    readyQueue_.push_front(f);
  else
    readyQueue_.push_back(f);
}

void SimMachine::handle(const Event& event) {
  Fiber* f = event.fiber;
  switch (event.kind) {
    case EventKind::Ready:
      if (freeCores_ > 0) {
        grantCore(f);
      } else {
        readyQueue_.push_back(f);
      }
      break;
    case EventKind::Timeout:
      f->woken = false;
      becomeReady(f, jittered(settings_.wakeLatency));
      break;
    case EventKind::Resume:
      switchTo(f);
      break;
    case EventKind::ComputeDone:
      f->computing = false;
      f->cpuTime += f->computeEnd - f->computeStart;
      switchTo(f);
      break;
    case EventKind::SliceEnd:
      if (readyQueue_.empty()) {
        startSlice(f);
        break;
      }
      // Preempted: the head of the queue takes the core, f goes to the tail.
      {
        Fiber* next = readyQueue_.front();
        readyQueue_.pop_front();
        preempt(f, /*toFront=*/false);
        ++freeCores_;
        grantCore(next);
      }
      break;
  }
}

void SimMachine::becomeReady(Fiber* fiber, Nanos latency) {
  fiber->state = Fiber::State::Ready;
  ++fiber->token;
  schedule(fiber, now_ + latency, EventKind::Ready);
}

void SimMachine::grantCore(Fiber* fiber) {
  --freeCores_;
  fiber->state = Fiber::State::OnCore;
  ++fiber->token;
  startSlice(fiber);
  if (fiber->computing) {
    // A computation that was preempted goes on where it stopped.
    fiber->computeStart = now_;
    fiber->computeEnd = now_ + fiber->computeLeft;
    schedule(fiber, fiber->computeEnd, EventKind::ComputeDone);
  } else {
    schedule(fiber, now_, EventKind::Resume);
  }
}

void SimMachine::releaseCore(Fiber* fiber) {
  ++freeCores_;
  if (!readyQueue_.empty()) {
    Fiber* next = readyQueue_.front();
    readyQueue_.pop_front();
    grantCore(next);
  }
  (void)fiber;
}

void SimMachine::startSlice(Fiber* fiber) {
  // The slice event carries the token of the fiber's stay on its core, so it goes stale when
  // the fiber leaves the core; it is not cancelled by its yields at check points.
  events_.push(Event{now_ + jittered(settings_.timeSlice), nextSeq_++, fiber, fiber->token,
                     EventKind::SliceEnd});
  updateNextEvent();
}

void SimMachine::switchTo(Fiber* fiber) {
  current_ = fiber;
  fiber->resumedAt = now_;
#if GILSIM_ASAN
  void* fake = nullptr;
  startSwitch(&fake, fiber->stack);
#endif
  fiber->context = std::move(fiber->context).resume();
#if GILSIM_ASAN
  finishSwitch(fake, nullptr);
#endif
  current_ = nullptr;
}

void SimMachine::switchToScheduler() {
  Fiber* self = current_;
  self->cpuTime += now_ - self->resumedAt;
  if (saveLocals_) self->locals = saveLocals_();
#if GILSIM_ASAN
  startSwitch(&self->fakeStack, schedulerStack_);
#endif
  scheduler_ = std::move(scheduler_).resume();
#if GILSIM_ASAN
  finishSwitch(self->fakeStack, nullptr);
#endif
  if (restoreLocals_) restoreLocals_(self->locals);
}

void SimMachine::pollDescriptors(bool wait) {
  std::vector<pollfd> polled;
  for (const FdWaiter& w : fdWaiters_)
    polled.insert(polled.end(), w.fds->begin(), w.fds->end());
  int n;
  do {
    n = ::poll(polled.data(), polled.size(), wait ? -1 : 0);
  } while (n < 0 && errno == EINTR && wait);
  if (n <= 0) return;
  std::vector<FdWaiter> still;
  size_t at = 0;
  for (const FdWaiter& w : fdWaiters_) {
    bool ready = false;
    for (size_t i = 0; i < w.fds->size(); ++i)
      ready |= polled[at + i].revents != 0;
    at += w.fds->size();
    if (ready)
      wake(w.fiber);
    else
      still.push_back(w);
  }
  fdWaiters_.swap(still);
}

bool SimMachine::waitForFd(int fd, bool forWrite, Nanos timeout, const EvalBreaker& breaker) {
  std::vector<pollfd> polled{pollfd{fd, static_cast<short>(forWrite ? POLLOUT : POLLIN), 0}};
  return pollFds(polled, timeout, breaker) != 0;  // an error: the call itself will report it
}

int SimMachine::pollFds(std::vector<pollfd>& fds, Nanos timeout, const EvalBreaker&) {
  Nanos deadline = timeout < 0 ? kForever : now_ + timeout;
  for (;;) {
    int n = ::poll(fds.data(), fds.size(), 0);
    if (n != 0) return n;
    if (!current_ || (deadline != kForever && now_ >= deadline)) return 0;
    Fiber* self = current_;
    fdWaiters_.push_back(FdWaiter{&fds, self});
    bool ready = block(deadline);
    if (!ready)
      fdWaiters_.erase(std::remove_if(fdWaiters_.begin(), fdWaiters_.end(),
                                      [&](const FdWaiter& w) { return w.fiber == self; }),
                       fdWaiters_.end());
  }
}

bool SimMachine::awaitOtherProcesses(Nanos deadline) {
  Fiber* self = current_;
  if (!self) return false;
  worldWaiters_.push_back(self);
  if (!block(deadline))
    worldWaiters_.erase(std::remove(worldWaiters_.begin(), worldWaiters_.end(), self),
                        worldWaiters_.end());
  return true;
}

int64_t SimMachine::forkProcess(ExecHandoff* exec) {
  if (!table_ || !current_) {
    errno = ENOSYS;
    return -1;
  }
  int64_t child = table_->add(pid_);
  if (child < 0) {
    errno = EAGAIN;
    return -1;
  }
  int control[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, control) != 0) {
    table_->markReaped(child);
    return -1;
  }
  if (exec) {
    exec->environment.push_back(std::string(kProcessVariable) + "=" + std::to_string(control[1]) +
                                ":" + std::to_string(child) + ":" + std::to_string(pid_) + ":" +
                                std::to_string(table_->fd()) + ":" + std::to_string(now_));
    exec->keepFds.push_back(control[1]);
    exec->keepFds.push_back(table_->fd());
  }
  pid_t host = ::fork();
  if (host < 0) {
    int error = errno;
    ::close(control[0]);
    ::close(control[1]);
    table_->markReaped(child);
    errno = error;
    return -1;
  }
  if (host == 0) {
    ::close(control[0]);
    if (!exec) becomeForkedChild(child, control[1]);
    return 0;  // an exec'd child finds its place from the environment
  }
  ::close(control[1]);
  table_->setHost(child, host);
  lockstep_->adopt(child, host, control[0]);
  noteActivity();
  computeFor(jittered(settings_.forkCost));
  return child;
}

void SimMachine::becomeForkedChild(int64_t pid, int controlFd) {
  // As after fork(2): only the forking thread goes on, and the child's CPU clocks start at 0.
  Fiber* self = current_;
  for (auto& f : fibers_) {
    f->cpuTime = 0;
    if (f.get() == self || f->state == Fiber::State::Done) continue;
    if (f->state != Fiber::State::New) {
#if GILSIM_ASAN
      __lsan_register_root_region(reinterpret_cast<void*>(f->stack.low),
                                  f->stack.high - f->stack.low);
#endif
      new (&f->context) boost::context::fiber();  // gone with the parent's threads, unwound never
    }
    f->state = Fiber::State::Done;
    ++f->token;
  }
  self->resumedAt = now_;
  events_ = decltype(events_)();
  readyQueue_.clear();
  fdWaiters_.clear();
  worldWaiters_.clear();
  main_ = self;
  cores_ = 1;
  freeCores_ = 0;
  lockstep_->abandonInChild();
  retired_.push_back(std::move(lockstep_));
  lockstep_ = makeChildLockstep(*this, controlFd);
  parentPid_ = pid_;
  pid_ = pid;
  forkedInto_ = true;
  startSlice(self);
  schedule(self, now_, EventKind::Resume);
  switchToScheduler();  // back in the parent's window, which ends at once; then the child's own
}

int64_t SimMachine::hostPid(int64_t pid) {
  if (pid == pid_) return ::getpid();
  return table_ ? table_->host(pid) : -1;
}

int SimMachine::sendSignal(int64_t pid, int signal) {
  // Process groups (pid <= 0) are the host's: the run's processes share the caller's.
  int64_t host = pid > 0 ? hostPid(pid) : pid;
  if (pid > 0 && (host < 0 || (table_ && table_->reaped(pid)))) {
    errno = ESRCH;
    return -1;
  }
  noteActivity();
  return ::kill(static_cast<pid_t>(host), signal);
}

int64_t SimMachine::scriptPid(int64_t hostPid) {
  if (hostPid == ::getpid()) return pid_;
  return table_ ? table_->pidOfHost(hostPid) : -1;
}

int64_t SimMachine::waitChild(int64_t pid, bool noHang, int* status, const EvalBreaker& breaker) {
  if (!table_) {
    errno = ECHILD;
    return -1;
  }
  for (;;) {
    int64_t ended = -1;
    if (pid > 0) {
      if (table_->parent(pid) != pid_ || table_->reaped(pid)) {
        errno = ECHILD;
        return -1;
      }
      if (table_->ended(pid)) ended = pid;
    } else {
      if (!table_->hasUnreapedChild(pid_)) {
        errno = ECHILD;
        return -1;
      }
      ended = table_->endedChildOf(pid_);
    }
    if (ended > 0) {
      // It has ended in the run's order of things: the host's wait returns at once.
      pid_t got;
      do {
        got = ::waitpid(static_cast<pid_t>(table_->host(ended)), status, 0);
      } while (got < 0 && errno == EINTR);
      table_->markReaped(ended);
      return got < 0 ? -1 : ended;
    }
    if (noHang) return 0;
    if (breaker.load() & kSignalRequest) {
      errno = EINTR;
      return -1;
    }
    awaitOtherProcesses(kForever);
  }
}

void SimMachine::ioDone(size_t bytes) {
  noteActivity();
  // The kernel's work for the call: CPU time on the thread's core, like native work.
  double seconds = static_cast<double>(bytes) / settings_.ioBytesPerSecond;
  computeFor(jittered(settings_.ioLatency) + static_cast<Nanos>(seconds * 1e9));
}

void SimMachine::reachEvents() {
  schedule(current_, now_, EventKind::Resume);
  switchToScheduler();
}

bool SimMachine::block(Nanos deadline) {
  Fiber* self = current_;
  if (!self) {
    std::fputs("gilsim: the simulated machine cannot block before it runs\n", stderr);
    std::abort();
  }
  self->state = Fiber::State::Blocked;
  ++self->token;
  self->woken = false;
  releaseCore(self);
  if (deadline != kForever) schedule(self, std::max(deadline, now_), EventKind::Timeout);
  switchToScheduler();
  return self->woken;
}

void SimMachine::wake(Fiber* fiber) {
  if (fiber->state != Fiber::State::Blocked) return;
  fiber->woken = true;
  becomeReady(fiber, jittered(settings_.wakeLatency));
}

std::optional<uint64_t> SimMachine::startThread(std::function<void()> body) {
  Fiber* f = newFiber(std::move(body));
  becomeReady(f, jittered(settings_.wakeLatency));
  return identOf(f->id);
}

void SimMachine::sleep(Nanos duration, const EvalBreaker&) {
  // Virtual time: an hour's sleep takes no real time, so there is nothing for Ctrl-C to cut.
  block(now_ + std::max<Nanos>(duration, 0));
}

void SimMachine::computeFor(Nanos cost) {
  if (cost <= 0 || !current_) return;
  Fiber* self = current_;
  self->computing = true;
  self->computeStart = now_;
  self->computeEnd = now_ + cost;
  schedule(self, self->computeEnd, EventKind::ComputeDone);
  switchToScheduler();
}

Nanos SimMachine::wallTime() {
  return kSimEpoch + now_;
}

Nanos SimMachine::threadCpuTime() {
  if (!current_) return 0;
  return current_->cpuTime + (now_ - current_->resumedAt);
}

Nanos SimMachine::processCpuTime() {
  Nanos total = 0;
  for (const auto& f : fibers_)
    total += f->cpuTime;
  if (current_) total += now_ - current_->resumedAt;
  return total;
}

StackBounds SimMachine::currentStack() {
  if (current_) return current_->stack;
  return StackBounds{};
}

uint64_t SimMachine::identOf(uint64_t fiberId) {
  return kIdentBase + fiberId * 0x1000;
}

uint64_t SimMachine::threadIdent() {
  return identOf(current_ ? current_->id : fibers_.size() + 1);  // before run(): the first thread
}

int64_t SimMachine::nativeThreadId() {
  uint64_t id = current_ ? current_->id : fibers_.size() + 1;
  return kNativeIdBase + static_cast<int64_t>(id);
}

}  // namespace gilsim
