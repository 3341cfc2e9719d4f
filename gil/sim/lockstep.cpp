#include "gil/sim/lockstep.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "gil/sim/process_table.h"
#include "gil/sim/sim_machine.h"

namespace gilsim {

namespace {

// One message on a control socket (SOCK_SEQPACKET: each arrives whole). A child answers a Go
// with a NewProcess for each process it forked in the window (the root's end of that process's
// control socket travels with it, SCM_RIGHTS), then a Done.
enum class MessageKind : uint32_t { Go, Done, NewProcess };
struct Message {
  MessageKind kind;
  int32_t cores;     // Go
  uint32_t flag;     // Go: the world changed; Done: activity
  int32_t runnable;  // Done
  int32_t threads;   // Done
  Nanos start;       // Go
  Nanos end;         // Go
  Nanos nextEvent;   // Done
  int64_t pid;       // NewProcess
  int64_t hostPid;   // NewProcess
};

bool sendMessage(int fd, const Message& message, int passFd = -1) {
  iovec io{const_cast<Message*>(&message), sizeof message};
  msghdr header{};
  header.msg_iov = &io;
  header.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  if (passFd >= 0) {
    header.msg_control = control;
    header.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&header);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(c), &passFd, sizeof(int));
  }
  ssize_t n;
  do {
    n = ::sendmsg(fd, &header, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(sizeof message);
}

// False when the peer has gone (or sent something that is not a message).
bool receiveMessage(int fd, Message& message, int* passedFd) {
  iovec io{&message, sizeof message};
  msghdr header{};
  header.msg_iov = &io;
  header.msg_iovlen = 1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  header.msg_control = control;
  header.msg_controllen = sizeof control;
  ssize_t n;
  do {
    n = ::recvmsg(fd, &header, MSG_CMSG_CLOEXEC);
  } while (n < 0 && errno == EINTR);
  if (passedFd) *passedFd = -1;
  for (cmsghdr* c = CMSG_FIRSTHDR(&header); c; c = CMSG_NXTHDR(&header, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    int fd;
    std::memcpy(&fd, CMSG_DATA(c), sizeof(int));
    if (passedFd)
      *passedFd = fd;
    else
      ::close(fd);
  }
  return n == static_cast<ssize_t>(sizeof message);
}

class RootLockstep final : public Lockstep {
 public:
  RootLockstep(SimMachine& machine, ProcessTable& table) : machine_(machine), table_(table) {
    processes_.push_back(Process{ProcessTable::kFirstPid, -1, initialReport()});
  }
  ~RootLockstep() override { abandonInChild(); }

  bool step() override {
    const SimSettings& settings = *machine_.simSettings();
    WindowGrant grant{windowStart_, windowStart_ + settings.window, 0, worldChanged_};
    std::vector<int> cores = allocate(settings.cores);
    bool activity = false;

    grant.cores = cores[0];
    std::optional<WindowReport> own = machine_.runWindow(grant);
    if (!own) return true;  // this is now a forked child, with a lockstep of its own
    processes_[0].last = *own;
    activity |= own->activity;

    for (size_t i = 1; i < processes_.size(); ++i) {
      Process& p = processes_[i];
      grant.cores = cores[i];
      Message go{};
      go.kind = MessageKind::Go;
      go.cores = grant.cores;
      go.flag = grant.worldChanged;
      go.start = grant.start;
      go.end = grant.end;
      if (!sendMessage(p.fd, go) || !receiveReport(p)) {
        // It has ended (or was killed): what waits for it can look again.
        table_.markEnded(p.pid);
        ::close(p.fd);
        p.fd = -1;
        activity = true;
        continue;
      }
      activity |= p.last.activity;
    }
    if (!joining_.empty()) activity = true;
    processes_.erase(std::remove_if(processes_.begin() + 1, processes_.end(),
                                    [](const Process& p) { return p.fd < 0; }),
                     processes_.end());
    for (Process& p : joining_)
      processes_.push_back(p);
    joining_.clear();

    // Cores rotate between processes once a time slice when they are short.
    if (++round_ % std::max<Nanos>(1, settings.timeSlice / settings.window) == 0) ++rotation_;
    worldChanged_ = activity;
    Nanos end = grant.end;
    if (machine_.finished()) return true;  // the run is over: its first thread has returned
    // Runnable threads (some waiting for a core) are due now.
    bool runnable = std::any_of(processes_.begin(), processes_.end(),
                                [](const Process& p) { return p.last.runnable > 0; });
    if (activity || runnable) {
      windowStart_ = end;
      return true;
    }
    Nanos next = INT64_MAX;
    for (const Process& p : processes_)
      next = std::min(next, p.last.nextEvent);
    if (next == INT64_MAX) {
      // Nothing is due anywhere and nothing changed: only input from outside can help.
      if (!machine_.waitForOutsideInput()) machine_.stuck();
      windowStart_ = end;
      worldChanged_ = true;
      return true;
    }
    windowStart_ = std::max(end, next - next % settings.window);
    return true;
  }

  void adopt(int64_t pid, int64_t, int controlFd) override {
    joining_.push_back(Process{pid, controlFd, initialReport()});
  }

  void abandonInChild() override {
    for (Process& p : processes_)
      if (p.fd >= 0) ::close(p.fd), p.fd = -1;
    for (Process& p : joining_)
      if (p.fd >= 0) ::close(p.fd), p.fd = -1;
  }

 private:
  struct Process {
    int64_t pid;
    int fd;  // the control socket; -1 for the root itself (and for one that has ended)
    WindowReport last;
  };

  static WindowReport initialReport() {
    WindowReport r;
    r.runnable = 1;
    r.threads = 1;
    return r;
  }

  bool receiveReport(Process& p) {
    for (;;) {
      Message m;
      int passed = -1;
      if (!receiveMessage(p.fd, m, &passed)) return false;
      if (m.kind == MessageKind::NewProcess) {
        if (passed >= 0) joining_.push_back(Process{m.pid, passed, initialReport()});
        continue;
      }
      if (passed >= 0) ::close(passed);
      if (m.kind != MessageKind::Done) return false;
      p.last.runnable = m.runnable;
      p.last.threads = m.threads;
      p.last.nextEvent = m.nextEvent;
      p.last.activity = m.flag != 0;
      return true;
    }
  }

  // The cores of the next window: each process its runnable threads while they fit (taking
  // turns from a rotating start when they do not), then what is left to those with threads
  // that may wake, so that a thread woken mid-window finds a core.
  std::vector<int> allocate(int total) const {
    std::vector<int> cores(processes_.size(), 0);
    int left = total;
    shareOut(cores, left, [](const WindowReport& r) { return r.runnable; });
    shareOut(cores, left, [](const WindowReport& r) { return r.threads; });
    return cores;
  }

  // Hands out `left` cores one at a time, in turns from the rotating start, to the processes
  // below `want` of their last report, until none is left or none wants more.
  template <typename Want>
  void shareOut(std::vector<int>& cores, int& left, Want want) const {
    size_t n = processes_.size();
    for (bool progress = true; left > 0 && progress;) {
      progress = false;
      for (size_t k = 0; k < n && left > 0; ++k) {
        size_t i = (rotation_ + k) % n;
        if (cores[i] < want(processes_[i].last)) ++cores[i], --left, progress = true;
      }
    }
  }

  SimMachine& machine_;
  ProcessTable& table_;
  std::vector<Process> processes_;  // [0] is the root itself; then in the order of creation
  std::vector<Process> joining_;    // forked in this round: they run from the next one
  Nanos windowStart_ = 0;
  bool worldChanged_ = false;
  uint64_t round_ = 0;
  size_t rotation_ = 0;
};

class ChildLockstep final : public Lockstep {
 public:
  ChildLockstep(SimMachine& machine, int controlFd) : machine_(machine), fd_(controlFd) {}
  ~ChildLockstep() override { abandonInChild(); }

  bool step() override {
    Message go;
    if (!receiveMessage(fd_, go, nullptr) || go.kind != MessageKind::Go) return false;
    WindowGrant grant{go.start, go.end, go.cores, go.flag != 0};
    std::optional<WindowReport> report = machine_.runWindow(grant);
    if (!report) return true;  // this is now a forked grandchild, with a lockstep of its own
    bool forked = !pending_.empty();
    for (Pending& p : pending_) {
      Message m{};
      m.kind = MessageKind::NewProcess;
      m.pid = p.pid;
      m.hostPid = p.hostPid;
      sendMessage(fd_, m, p.fd);
      ::close(p.fd);
    }
    pending_.clear();
    Message done{};
    done.kind = MessageKind::Done;
    done.runnable = report->runnable;
    done.threads = report->threads;
    done.nextEvent = report->nextEvent;
    done.flag = report->activity || forked;
    return sendMessage(fd_, done);
  }

  void adopt(int64_t pid, int64_t hostPid, int controlFd) override {
    pending_.push_back(Pending{pid, hostPid, controlFd});
  }

  void abandonInChild() override {
    if (fd_ >= 0) ::close(fd_), fd_ = -1;
    for (Pending& p : pending_)
      ::close(p.fd);
    pending_.clear();
  }

 private:
  struct Pending {
    int64_t pid;
    int64_t hostPid;
    int fd;
  };
  SimMachine& machine_;
  int fd_;
  std::vector<Pending> pending_;
};

}  // namespace

std::unique_ptr<Lockstep> makeRootLockstep(SimMachine& machine, ProcessTable& table) {
  return std::make_unique<RootLockstep>(machine, table);
}

std::unique_ptr<Lockstep> makeChildLockstep(SimMachine& machine, int controlFd) {
  return std::make_unique<ChildLockstep>(machine, controlFd);
}

}  // namespace gilsim
