// Records GIL events (gil/trace_events.h) while a run goes on, without taking a lock per event.
//
// Each GilThread gets its own buffer the first time it records: preallocated, `capacity` events,
// written by that thread alone (the event's size is published with a release store, so a
// snapshot from another thread reads whole events). A full buffer counts the events it could not
// keep instead of growing: the exports say how many were dropped. Recording is off until start();
// off, an event costs one relaxed load.
//
// Processes: one recorder per process. Before os.fork the parent makes a directory for its
// children's traces (prepareFork); the child keeps the parent's origin, forgets the parent's
// events (afterForkInChild), and at its end writes its own into that directory
// (finishChildProcess). A spawned child finds the directory and the origin in the environment
// (spawnEnvironment / adoptFromEnvironment). The root's snapshot() merges what finished children
// left, and cleanUp() removes the directory.
//
// Threading: record() only from the thread `t` stands for. start, snapshot, names: any thread.
// prepareFork / afterForkInParent / afterForkInChild: the forking thread, around fork().
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gil/gil_thread.h"
#include "gil/trace_events.h"
#include "gil/trace_log.h"

namespace gilsim {

class TraceBuffer {
 public:
  TraceBuffer(uint64_t serial, size_t capacity);
  void append(const TraceEvent& e) {
    size_t n = size_.load(std::memory_order_relaxed);
    if (n == capacity_) {
      dropped_.store(dropped_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
      return;
    }
    events_[n] = e;
    size_.store(n + 1, std::memory_order_release);
  }
  const uint64_t serial;
  void copyTo(TracedThread& out) const;

 private:
  std::unique_ptr<TraceEvent[]> events_;  // left uninitialised: untouched pages cost nothing
  const size_t capacity_;
  std::atomic<size_t> size_{0};
  std::atomic<uint64_t> dropped_{0};
};

class TraceRecorder {
 public:
  // About 24 s of a thread switching every 50 us; 16 MB of address space per thread, touched
  // only as it fills.
  static constexpr size_t kDefaultCapacity = size_t{1} << 20;

  explicit TraceRecorder(SyncPlatform& platform);
  ~TraceRecorder();
  TraceRecorder(const TraceRecorder&) = delete;
  TraceRecorder& operator=(const TraceRecorder&) = delete;

  bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
  // Starts recording; the run's origin is now. `capacity`: events per thread.
  void start(size_t capacity = kDefaultCapacity);

  void record(GilThread& t, TraceEventKind kind, DropReason reason = DropReason::Exit,
              uint32_t arg = 0) {
    if (enabled()) append(t, {platform_.now(), arg, kind, reason});
  }
  // With a time the caller has already read: a clock read costs more than the rest of a record
  // (at a 50 us switch interval, five reads per hand-off cost 7 % of the work done).
  void recordAt(GilThread& t, Nanos time, TraceEventKind kind,
                DropReason reason = DropReason::Exit) {
    if (enabled()) append(t, {time, 0, kind, reason});
  }

  void nameThread(uint64_t serial, std::string name);
  void nameProcess(std::string name);

  // This process's events so far and, in the root, those of the children that have finished.
  TraceLog snapshot();

  void prepareFork();
  void afterForkInParent();
  void afterForkInChild(uint64_t survivorSerial);
  // NAME=VALUE to put in a spawned child's environment; empty when not recording.
  std::string spawnEnvironment();
  // A spawned child: starts recording as the child of the run named in the environment.
  void adoptFromEnvironment(size_t capacity);
  bool isChild() const { return isChild_; }
  // A child process's last act: writes its events where the root will find them.
  void finishChildProcess();
  // The root, at the very end: removes the children's directory.
  void cleanUp();

 private:
  void append(GilThread& t, const TraceEvent& e) {
    if (!t.trace) t.trace = attach(t.serial);
    t.trace->append(e);
  }
  TraceBuffer* attach(uint64_t serial);
  TracedProcess snapshotOwn();
  void makeChildDirectory();

  SyncPlatform& platform_;
  std::atomic<bool> enabled_{false};
  Nanos origin_ = 0;
  size_t capacity_ = kDefaultCapacity;
  std::mutex mutex_;  // guards everything below
  std::vector<std::unique_ptr<TraceBuffer>> buffers_;
  std::unordered_map<uint64_t, std::string> threadNames_;
  std::string processName_ = "MainProcess";
  pid_t pid_ = 0;
  pid_t parentPid_ = 0;
  Nanos processStart_ = 0;
  bool isChild_ = false;
  std::string childDirectory_;  // where children leave their traces; empty until a fork
};

}  // namespace gilsim
