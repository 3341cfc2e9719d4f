// The real machine's waits (gil/real_machine.cpp) and Ctrl-C: a signal whose handler ran before
// the wait began (kSignalRequest already set) must end the wait at once, as one that lands during
// it does. The CLI tests send SIGINT to a running script; there the signal lands before the wait
// only by chance (one run in seven), so these tests set the request first and wait forever.
//
// A wait that ignores the request would hang: alarm(2) is the guard, whose SIGALRM kills the test
// binary. No assertion depends on how long anything took.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <vector>

#include "gil/eval_breaker.h"
#include "gil/machine.h"

namespace gilsim {
namespace {

class RealMachineWait : public ::testing::Test {
 protected:
  void SetUp() override { alarm(60); }
  void TearDown() override { alarm(0); }

  std::unique_ptr<Machine> machine = makeRealMachine();
  EvalBreaker breaker;
};

// A child that waits for its parent to kill it.
pid_t forkWaitingChild() {
  pid_t pid = fork();
  if (pid == 0) {
    for (;;)
      pause();
  }
  return pid;
}

TEST_F(RealMachineWait, SleepEndsWhenCtrlCCameBeforeIt) {
  breaker.set(kSignalRequest);
  machine->sleep(3600 * kNanosPerSecond, breaker);
  EXPECT_TRUE(breaker.load() & kSignalRequest) << "the request is the VM's to clear";
}

TEST_F(RealMachineWait, PollEndsWithEintrWhenCtrlCCameBeforeIt) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::vector<pollfd> polled{pollfd{fds[0], POLLIN, 0}};
  breaker.set(kSignalRequest);
  errno = 0;
  EXPECT_EQ(machine->pollFds(polled, /*timeout=*/-1, breaker), -1);
  EXPECT_EQ(errno, EINTR);
  close(fds[0]);
  close(fds[1]);
}

TEST_F(RealMachineWait, PollReportsAReadyDescriptor) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "x", 1), 1);
  std::vector<pollfd> polled{pollfd{fds[0], POLLIN, 0}};
  EXPECT_EQ(machine->pollFds(polled, -1, breaker), 1);
  EXPECT_TRUE(polled[0].revents & POLLIN);
  std::vector<pollfd> idle{pollfd{fds[1], 0, 0}};
  EXPECT_EQ(machine->pollFds(idle, kNanosPerMilli, breaker), 0) << "a timeout answers 0";
  close(fds[0]);
  close(fds[1]);
}

TEST_F(RealMachineWait, WaitChildEndsWithEintrWhenCtrlCCameBeforeIt) {
  pid_t child = forkWaitingChild();
  ASSERT_GT(child, 0);
  breaker.set(kSignalRequest);
  int status = 0;
  errno = 0;
  EXPECT_EQ(machine->waitChild(child, /*noHang=*/false, &status, breaker), -1);
  EXPECT_EQ(errno, EINTR);

  // The child is still there to reap, and a wait without the request does reap it.
  EvalBreaker quiet;
  ASSERT_EQ(kill(child, SIGKILL), 0);
  EXPECT_EQ(machine->waitChild(child, false, &status, quiet), child);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
}

TEST_F(RealMachineWait, WaitChildAnswersTheExitStatus) {
  pid_t child = fork();
  if (child == 0) _exit(7);
  ASSERT_GT(child, 0);
  int status = 0;
  EXPECT_EQ(machine->waitChild(child, false, &status, breaker), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);
  EXPECT_EQ(machine->waitChild(child, false, &status, breaker), -1) << "already reaped";
  EXPECT_EQ(errno, ECHILD);
}

TEST_F(RealMachineWait, WaitForAnyChildEndsWhenCtrlCCameBeforeIt) {
  pid_t child = forkWaitingChild();
  ASSERT_GT(child, 0);
  breaker.set(kSignalRequest);
  int status = 0;
  EXPECT_EQ(machine->waitChild(-1, false, &status, breaker), -1);
  EXPECT_EQ(errno, EINTR);
  ASSERT_EQ(kill(child, SIGKILL), 0);
  EvalBreaker quiet;
  EXPECT_EQ(machine->waitChild(-1, false, &status, quiet), child);
}

}  // namespace
}  // namespace gilsim
