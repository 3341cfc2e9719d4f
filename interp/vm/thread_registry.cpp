#include "interp/vm/thread_registry.h"

#include <fmt/format.h>

#include <pthread.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "interp/objects/code.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace gilsim {

namespace {
// The main thread wakes this often while parked, to notice Ctrl-C: its handler may only set an
// atomic flag, and cannot signal a condition variable.
constexpr Nanos kMainThreadSignalPoll = 20 * kNanosPerMilli;
}  // namespace

ThreadRegistry::ThreadRegistry(Interpreter& interp, SyncPlatform& platform)
    : interp_(interp), platform_(platform), mutex_(platform.makeMutex()) {
  onDeadlock = [this](const std::string& report) {
    interp_.flushOutQuietly();
    std::fputs(report.c_str(), interp_.config().err);
    std::fflush(interp_.config().err);
    interp_.processEnding(kExitDeadlock, nullptr);  // the trace shows how it got stuck
    std::_Exit(kExitDeadlock);
  };
}

ThreadRegistry::~ThreadRegistry() = default;

ThreadState& ThreadRegistry::create(bool isMain) {
  SyncLock lock(*mutex_);
  threads_.push_back(std::make_unique<ThreadState>(interp_, nextSerial_++, isMain));
  return *threads_.back();
}

void ThreadRegistry::destroy(ThreadState& thread) {
  std::unique_ptr<ThreadState> owned;
  {
    SyncLock lock(*mutex_);
    auto it = std::find_if(threads_.begin(), threads_.end(),
                           [&](const auto& t) { return t.get() == &thread; });
    owned = std::move(*it);
    threads_.erase(it);
    // The thread that ended may have been the last one able to wake the others.
    checkDeadlockLocked();
  }
}

void keepAbandonedAfterFork(const void* object) {
  // Allocated once and never freed: a global root for leak checkers.
  static auto* abandoned = new std::vector<const void*>();
  abandoned->push_back(object);
}

namespace {
// What the vanished thread's C++ frames held (call arguments, temporaries) is referenced from its
// stack only, which the child still maps but no longer runs: under LeakSanitizer, scan it too.
void keepStackReachable(const ThreadState& thread) {
#if defined(__SANITIZE_ADDRESS__)
  if (thread.ident == 0) return;
  pthread_attr_t attr;
  if (pthread_getattr_np(static_cast<pthread_t>(thread.ident), &attr) != 0) return;
  void* stack = nullptr;
  size_t size = 0;
  if (pthread_attr_getstack(&attr, &stack, &size) == 0 && stack)
    __lsan_register_root_region(stack, size);
  pthread_attr_destroy(&attr);
#else
  (void)thread;
#endif
}
}  // namespace

void ThreadRegistry::keepOnlyAfterFork(ThreadState& survivor, bool osThreads) {
  keepAbandonedAfterFork(mutex_.release());
  mutex_ = platform_.makeMutex();
  for (auto& t : threads_) {
    if (t.get() == &survivor) continue;
    // A lock may still list it as a waiter and unpark it later: that must not count, and the
    // notify must go to a fresh condition (the old one may record a waiter mid-wait forever).
    t->parkedForever = false;
    if (osThreads) keepStackReachable(*t);
    keepAbandonedAfterFork(t->parkCondition.release());
    t->parkCondition = platform_.makeCondition();
    keepAbandonedAfterFork(t.release());
  }
  threads_.erase(std::remove(threads_.begin(), threads_.end(), nullptr), threads_.end());
  parkedForever_ = 0;
}

size_t ThreadRegistry::count() {
  SyncLock lock(*mutex_);
  return threads_.size();
}

size_t ThreadRegistry::unfinishedCount() {
  SyncLock lock(*mutex_);
  return static_cast<size_t>(
      std::count_if(threads_.begin(), threads_.end(), [](const auto& t) { return !t->finished; }));
}

void ThreadRegistry::markFinished(ThreadState& thread) {
  SyncLock lock(*mutex_);
  thread.finished = true;
}

ParkResult ThreadRegistry::park(ThreadState& self, SyncLock&, Nanos deadline, const char* what) {
  self.unparked = false;
  self.blockedIn = what;
  if (deadline < 0) {
    self.parkedForever = true;
    ++parkedForever_;
    checkDeadlockLocked();
  }
  ParkResult result;
  for (;;) {
    if (self.unparked) {
      result = ParkResult::Unparked;
      break;
    }
    if (self.isMain() && (self.gil().breaker.load() & kSignalRequest)) {
      result = ParkResult::Interrupted;
      break;
    }
    Nanos now = platform_.now();
    if (deadline >= 0 && now >= deadline) {
      result = ParkResult::TimedOut;
      break;
    }
    Nanos wait = deadline < 0 ? -1 : deadline - now;
    if (self.isMain() && (wait < 0 || wait > kMainThreadSignalPoll)) wait = kMainThreadSignalPoll;
    if (wait < 0)
      self.parkCondition->wait(*mutex_);
    else
      self.parkCondition->waitFor(*mutex_, wait);
  }
  if (self.parkedForever) {
    self.parkedForever = false;
    --parkedForever_;
  }
  self.blockedIn = nullptr;
  return result;
}

void ThreadRegistry::unpark(ThreadState& thread) {
  thread.unparked = true;
  // It counts as running from now on, before it gets to run: otherwise the waker, parking next,
  // would see everyone parked and report a deadlock that is not there.
  if (thread.parkedForever) {
    thread.parkedForever = false;
    --parkedForever_;
  }
  thread.parkCondition->notifyOne();
}

void ThreadRegistry::checkDeadlockLocked() {
  if (threads_.empty() || parkedForever_ < threads_.size()) return;
  onDeadlock(deadlockReportLocked());
}

std::string ThreadRegistry::deadlockReportLocked() {
  // Every thread is parked, so none of them touches its frames while we read them.
  std::string out =
      fmt::format("gilsim: deadlock: all {} thread{} blocked forever, waiting for each other\n",
                  threads_.size(), threads_.size() == 1 ? " is" : "s are");
  for (const auto& t : threads_) {
    out += fmt::format("\nThread {} ({}, blocked in {}), most recent call last:\n",
                       t->name.empty() ? fmt::format("#{}", t->gil().serial) : t->name,
                       t->isMain() ? "main thread" : fmt::format("ident {}", t->ident),
                       t->blockedIn ? t->blockedIn : "?");
    std::vector<Frame*> frames;
    for (Frame* f = t->vm().currentFrame(); f; f = f->back)
      frames.push_back(f);
    for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
      CodeObject* code = (*it)->code;
      size_t index = static_cast<size_t>((*it)->pc - code->code.data());
      int line = code->lineOf(index ? index - 1 : 0);
      out += fmt::format("  File \"{}\", line {}, in {}\n", code->filename, line, code->name);
      std::string src = interp_.sourceLine(code->filename, line);
      if (!src.empty()) out += "    " + src + "\n";
    }
  }
  return out;
}

}  // namespace gilsim
