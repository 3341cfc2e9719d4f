#include "gil/trace_recorder.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace gilsim {

namespace {
constexpr const char* kChildEnvironmentName = "GILSIM_TRACE_CHILD";
}  // namespace

// A buffer the machine cannot give (--trace-buffer too large for this many threads) keeps
// nothing: the thread's events are counted as dropped, and the report says so, rather than
// the run aborting on std::bad_alloc (issue 15). `new T[n]` without () leaves the events
// uninitialised, as make_unique_for_overwrite does.
TraceBuffer::TraceBuffer(uint64_t serial, size_t capacity)
    : serial(serial),
      events_(new (std::nothrow) TraceEvent[capacity]),
      capacity_(events_ ? capacity : 0) {}

void TraceBuffer::copyTo(TracedThread& out) const {
  size_t n = size_.load(std::memory_order_acquire);
  out.events.assign(events_.get(), events_.get() + n);
  out.droppedEvents = dropped_.load(std::memory_order_relaxed);
}

TraceRecorder::TraceRecorder(SyncPlatform& platform) : platform_(platform) {}

TraceRecorder::~TraceRecorder() = default;

void TraceRecorder::start(size_t capacity) {
  std::lock_guard lock(mutex_);
  if (enabled()) return;
  capacity_ = std::max<size_t>(capacity, 16);
  origin_ = platform_.now();
  processStart_ = origin_;
  pid_ = static_cast<pid_t>(platform_.processId());
  enabled_.store(true, std::memory_order_relaxed);
}

TraceBuffer* TraceRecorder::attach(uint64_t serial) {
  std::lock_guard lock(mutex_);
  buffers_.push_back(std::make_unique<TraceBuffer>(serial, capacity_));
  return buffers_.back().get();
}

void TraceRecorder::nameThread(uint64_t serial, std::string name) {
  std::lock_guard lock(mutex_);
  threadNames_[serial] = std::move(name);
}

void TraceRecorder::nameProcess(std::string name) {
  std::lock_guard lock(mutex_);
  processName_ = std::move(name);
}

TracedProcess TraceRecorder::snapshotOwn() {
  std::lock_guard lock(mutex_);
  TracedProcess p;
  p.pid = pid_;
  p.parentPid = isChild_ ? parentPid_ : 0;
  p.name = processName_;
  p.start = processStart_;
  p.end = platform_.now();
  // A thread that changed buffers (a forked survivor's new GilThread) appears once, merged.
  for (const auto& buffer : buffers_) {
    TracedThread t;
    t.serial = buffer->serial;
    buffer->copyTo(t);
    auto same = std::find_if(p.threads.begin(), p.threads.end(),
                             [&](const TracedThread& o) { return o.serial == t.serial; });
    if (same == p.threads.end()) {
      auto name = threadNames_.find(t.serial);
      t.name = name != threadNames_.end() ? name->second : "Thread " + std::to_string(t.serial);
      p.threads.push_back(std::move(t));
    } else {
      same->events.insert(same->events.end(), t.events.begin(), t.events.end());
      same->droppedEvents += t.droppedEvents;
    }
  }
  std::sort(p.threads.begin(), p.threads.end(),
            [](const TracedThread& a, const TracedThread& b) { return a.serial < b.serial; });
  return p;
}

TraceLog TraceRecorder::snapshot() {
  TraceLog log;
  log.processes.push_back(snapshotOwn());
  std::string directory;
  {
    std::lock_guard lock(mutex_);
    log.origin = origin_;
    if (!isChild_) directory = childDirectory_;
  }
  if (directory.empty()) return log;
  std::vector<TracedProcess> children;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() != ".trace") continue;  // skips half-written .tmp files
    std::ifstream in(entry.path(), std::ios::binary);
    if (std::optional<TracedProcess> child = readTracedProcess(in))
      children.push_back(std::move(*child));
  }
  std::sort(children.begin(), children.end(), [](const TracedProcess& a, const TracedProcess& b) {
    return a.start != b.start ? a.start < b.start : a.pid < b.pid;
  });
  for (TracedProcess& child : children)
    log.processes.push_back(std::move(child));
  return log;
}

void TraceRecorder::makeChildDirectory() {
  if (!childDirectory_.empty()) return;
  std::string pattern = (std::filesystem::temp_directory_path() / "gilsim-trace-XXXXXX").string();
  if (::mkdtemp(pattern.data())) childDirectory_ = pattern;
}

void TraceRecorder::prepareFork() {
  mutex_.lock();  // held across fork(): the child must not inherit it locked by another thread
  if (enabled()) makeChildDirectory();
}

void TraceRecorder::afterForkInParent() {
  mutex_.unlock();
}

void TraceRecorder::afterForkInChild(uint64_t survivorSerial) {
  // The forking thread locked the mutex in prepareFork; no other thread exists here.
  mutex_.unlock();
  if (!enabled()) return;
  std::lock_guard lock(mutex_);
  // The parent's events are the parent's to report. The surviving thread's new GilThread
  // attaches a fresh buffer.
  buffers_.clear();
  for (auto it = threadNames_.begin(); it != threadNames_.end();)
    it = it->first == survivorSerial ? std::next(it) : threadNames_.erase(it);
  parentPid_ = pid_;
  pid_ = static_cast<pid_t>(platform_.processId());
  isChild_ = true;
  processStart_ = platform_.now();
  processName_ = "Process " + std::to_string(pid_);
}

std::string TraceRecorder::spawnEnvironment() {
  std::lock_guard lock(mutex_);
  if (!enabled()) return "";
  makeChildDirectory();
  if (childDirectory_.empty()) return "";
  return std::string(kChildEnvironmentName) + "=" + std::to_string(origin_) + ":" + childDirectory_;
}

void TraceRecorder::adoptFromEnvironment(size_t capacity) {
  const char* value = std::getenv(kChildEnvironmentName);
  if (!value) return;
  std::string text = value;
  ::unsetenv(kChildEnvironmentName);
  size_t colon = text.find(':');
  if (colon == std::string::npos) return;
  start(capacity);
  std::lock_guard lock(mutex_);
  origin_ = std::strtoll(text.substr(0, colon).c_str(), nullptr, 10);
  childDirectory_ = text.substr(colon + 1);
  parentPid_ = static_cast<pid_t>(platform_.parentProcessId());
  isChild_ = true;
  processName_ = "Process " + std::to_string(pid_);
}

void TraceRecorder::finishChildProcess() {
  if (!enabled() || !isChild_) return;
  std::string directory;
  {
    std::lock_guard lock(mutex_);
    directory = childDirectory_;
  }
  if (directory.empty()) return;
  TracedProcess own = snapshotOwn();
  // Written whole under a temporary name: the root reads only complete *.trace files.
  std::string path = directory + "/" + std::to_string(pid_) + ".trace";
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    writeTracedProcess(out, own);
    if (!out.flush()) return;
  }
  std::rename(temporary.c_str(), path.c_str());
}

void TraceRecorder::cleanUp() {
  std::lock_guard lock(mutex_);
  if (isChild_ || childDirectory_.empty()) return;
  std::error_code error;
  std::filesystem::remove_all(childDirectory_, error);
  childDirectory_.clear();
}

}  // namespace gilsim
