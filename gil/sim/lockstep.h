// How the processes of a simulated run share its virtual cores and its clock: in lockstep.
//
// Virtual time is cut into windows (SimSettings::window). In each window every process runs in
// turn, one at a time, always in the same order (the first process, then the others in the order
// they were created), on the cores granted to it for that window, until its clock reaches the
// window's end or it has nothing left to do before then; it then reports what it wants next.
// The first process (the root) coordinates: it grants the cores for each window from what the
// processes reported (their runnable threads first, the rest shared out; when there are more
// runnable threads than cores, the cores rotate between processes once a time slice), runs its
// own part, and sends every child its grant in turn over the child's control socket. When no
// process did anything the others can see in a window (I/O, a fork, a semaphore released, an
// exit), the next window is the one of the earliest thing due; otherwise the adjacent one, whose
// grant tells the threads waiting on other processes to look again.
//
// Only one process executes at any moment, so what one process reads of what another wrote (a
// pipe, shared memory, the process table) is the same on every run: same seed, same bytes. The
// price: a process sees what another process wrote in the same window if it runs after it, and
// only in the next window if it runs before (a message is late by up to one window, or early by
// as much; README, "The simulated machine").
#pragma once

#include <cstdint>
#include <memory>

#include "gil/sync.h"

namespace gilsim {

class SimMachine;
class ProcessTable;

// What a process may do in a window, and what it reports after it.
struct WindowGrant {
  Nanos start = 0;
  Nanos end = 0;
  int cores = 0;
  bool worldChanged = false;  // something another process can see changed in the last round
};
struct WindowReport {
  int runnable = 0;             // threads running or ready to
  int threads = 0;              // threads alive
  Nanos nextEvent = INT64_MAX;  // the first thing due after the window; INT64_MAX: nothing
  bool activity = false;        // it did something other processes can see (I/O, a fork...)
};

class Lockstep {
 public:
  virtual ~Lockstep() = default;
  // One window of the run: the root's whole round, a child's own part. False when this process
  // can go on no longer (a child whose root has gone).
  virtual bool step() = 0;
  // A process this one has just forked, with the root's end of its control socket (taken).
  virtual void adopt(int64_t pid, int64_t hostPid, int controlFd) = 0;
  // In a forked child: lets go of what belonged to the parent (its control descriptors).
  virtual void abandonInChild() = 0;
};

std::unique_ptr<Lockstep> makeRootLockstep(SimMachine& machine, ProcessTable& table);
std::unique_ptr<Lockstep> makeChildLockstep(SimMachine& machine, int controlFd);

}  // namespace gilsim
