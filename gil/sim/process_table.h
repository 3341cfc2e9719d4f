// The simulated machine's processes, as all of them see them: the next virtual pid and, for each
// process, its host pid, its parent and whether it has ended (os.getpid, os.kill, os.waitpid).
//
// It lives in one shared mapping of a memfd, so that forked children share it and exec'd ones
// (spawn) map it again from the descriptor they inherit. The processes of a simulated run execute
// one at a time (gil/sim/lockstep.h), so nothing here needs a lock and every run sees the same
// numbers in the same order.
#pragma once

#include <cstdint>
#include <memory>

namespace gilsim {

class ProcessTable {
 public:
  static constexpr int64_t kFirstPid = 1000;  // the first process's pid; children count up
  static constexpr int kMaxProcesses = 4096;  // in the whole run, ended ones included

  // The root process makes the table (and is its first entry); a spawned child maps its
  // parent's from the inherited descriptor. Null when the system refuses.
  static std::unique_ptr<ProcessTable> create(int64_t rootHostPid);
  static std::unique_ptr<ProcessTable> adopt(int fd);
  ~ProcessTable();

  int fd() const { return fd_; }

  // A new process, child of `parent`: its pid, or -1 when the table is full.
  int64_t add(int64_t parent);
  void setHost(int64_t pid, int64_t hostPid);
  int64_t host(int64_t pid) const;           // -1: no such process
  int64_t pidOfHost(int64_t hostPid) const;  // -1: not one of the run's
  int64_t parent(int64_t pid) const;         // -1: none (the root) or unknown
  void markEnded(int64_t pid);
  bool ended(int64_t pid) const;
  void markReaped(int64_t pid);
  bool reaped(int64_t pid) const;
  // The first child of `parent` that has ended and was not waited for yet, -1 if none; whether
  // `parent` has any child left to wait for.
  int64_t endedChildOf(int64_t parent) const;
  bool hasUnreapedChild(int64_t parent) const;

  struct Entry;
  struct Shared;  // the layout of the shared mapping

 private:
  ProcessTable(int fd, Shared* shared) : fd_(fd), shared_(shared) {}
  Entry* entry(int64_t pid) const;

  int fd_;
  Shared* shared_;
};

}  // namespace gilsim
