#include "gil/sim/process_table.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace gilsim {

enum class EntryState : uint8_t { Free, Running, Ended, Reaped };

struct ProcessTable::Entry {
  int32_t host;
  int32_t parent;  // a pid of this table, or -1
  EntryState state;
};

struct ProcessTable::Shared {
  uint32_t count;  // entries in use: pid kFirstPid + i for entry i
  Entry entries[kMaxProcesses];
};

namespace {

ProcessTable::Shared* mapShared(int fd) {
  void* p =
      ::mmap(nullptr, sizeof(ProcessTable::Shared), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  return p == MAP_FAILED ? nullptr : static_cast<ProcessTable::Shared*>(p);
}

}  // namespace

std::unique_ptr<ProcessTable> ProcessTable::create(int64_t rootHostPid) {
  int fd = ::memfd_create("gilsim-processes", MFD_CLOEXEC);
  if (fd < 0) return nullptr;
  if (::ftruncate(fd, sizeof(Shared)) != 0) {
    ::close(fd);
    return nullptr;
  }
  Shared* shared = mapShared(fd);
  if (!shared) {
    ::close(fd);
    return nullptr;
  }
  shared->count = 1;
  shared->entries[0] = Entry{static_cast<int32_t>(rootHostPid), -1, EntryState::Running};
  return std::unique_ptr<ProcessTable>(new ProcessTable(fd, shared));
}

std::unique_ptr<ProcessTable> ProcessTable::adopt(int fd) {
  Shared* shared = mapShared(fd);
  if (!shared) return nullptr;
  ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  return std::unique_ptr<ProcessTable>(new ProcessTable(fd, shared));
}

ProcessTable::~ProcessTable() {
  ::munmap(shared_, sizeof(Shared));
  ::close(fd_);
}

ProcessTable::Entry* ProcessTable::entry(int64_t pid) const {
  int64_t i = pid - kFirstPid;
  if (i < 0 || i >= static_cast<int64_t>(shared_->count)) return nullptr;
  return &shared_->entries[i];
}

int64_t ProcessTable::add(int64_t parent) {
  if (shared_->count >= kMaxProcesses) return -1;
  uint32_t i = shared_->count++;
  shared_->entries[i] = Entry{-1, static_cast<int32_t>(parent), EntryState::Running};
  return kFirstPid + i;
}

void ProcessTable::setHost(int64_t pid, int64_t hostPid) {
  if (Entry* e = entry(pid)) e->host = static_cast<int32_t>(hostPid);
}

int64_t ProcessTable::host(int64_t pid) const {
  Entry* e = entry(pid);
  return e ? e->host : -1;
}

int64_t ProcessTable::pidOfHost(int64_t hostPid) const {
  for (uint32_t i = 0; i < shared_->count; ++i)
    if (shared_->entries[i].host == hostPid) return kFirstPid + i;
  return -1;
}

int64_t ProcessTable::parent(int64_t pid) const {
  Entry* e = entry(pid);
  return e ? e->parent : -1;
}

void ProcessTable::markEnded(int64_t pid) {
  Entry* e = entry(pid);
  if (e && e->state == EntryState::Running) e->state = EntryState::Ended;
}

bool ProcessTable::ended(int64_t pid) const {
  Entry* e = entry(pid);
  return e && e->state != EntryState::Running;
}

void ProcessTable::markReaped(int64_t pid) {
  if (Entry* e = entry(pid)) e->state = EntryState::Reaped;
}

bool ProcessTable::reaped(int64_t pid) const {
  Entry* e = entry(pid);
  return e && e->state == EntryState::Reaped;
}

int64_t ProcessTable::endedChildOf(int64_t parent) const {
  for (uint32_t i = 0; i < shared_->count; ++i) {
    const Entry& e = shared_->entries[i];
    if (e.parent == parent && e.state == EntryState::Ended) return kFirstPid + i;
  }
  return -1;
}

bool ProcessTable::hasUnreapedChild(int64_t parent) const {
  for (uint32_t i = 0; i < shared_->count; ++i) {
    const Entry& e = shared_->entries[i];
    if (e.parent == parent && e.state != EntryState::Reaped) return true;
  }
  return false;
}

}  // namespace gilsim
