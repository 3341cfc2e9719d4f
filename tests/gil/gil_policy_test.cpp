// The GIL policies of gil/policy_table.h on the OS platform, driven by real std::threads that each
// own an EvalBreaker and a GilThread, as interpreter threads do.
//
// Every test runs once per entry of gilPolicies() (value-parameterised); what differs between the
// policies is written down once, in kExpectations, and a test fails if a policy is added to the
// table without an entry there.
//
// The machine these run on may be small and busy: no assertion depends on how long anything took.
// Threads are ordered by observable state (polling the policy's counters), never by sleeping, and
// the only clock in the file is a generous deadline (kGiveUp) that turns a would-be hang into a
// failure.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gil/eval_breaker.h"
#include "gil/gil_policy.h"
#include "gil/gil_thread.h"
#include "gil/policy_table.h"
#include "gil/sync.h"

namespace gilsim {
namespace {

// Only reached when a property does not hold: the test then fails instead of hanging.
constexpr auto kGiveUp = std::chrono::seconds(10);
constexpr Nanos kOneHour = 3600 * kNanosPerSecond;

// What a test may rely on for each policy.
struct Expectations {
  std::string_view name;
  // Reacts to ticks (checkPoint every tickPeriod() check points), not to drop requests.
  bool ticks;
  // A dropping holder hands the lock to the head of a first-in first-out queue of waiters.
  bool handoff;
  // After a forced drop the waiter that asked gets the lock before the holder can take it back.
  bool forcedSwitch;
  // A waiter whose last drop was a blocking call asks a CPU-bound holder to drop at once.
  bool ioPreempts;
};

constexpr Expectations kExpectations[] = {
    {"cpython", false, false, true, false}, {"cpython-old", true, false, false, false},
    {"fifo", false, true, true, false},     {"ruby", false, true, true, false},
    {"priority", false, true, true, true},
};

const Expectations* expectationsFor(std::string_view name) {
  for (const Expectations& e : kExpectations)
    if (e.name == name) return &e;
  return nullptr;
}

// One simulated interpreter thread: its breaker and what the policy knows about it.
struct Participant {
  explicit Participant(uint64_t serial) : gil(serial, breaker, osSyncPlatform()) {}
  EvalBreaker breaker;
  GilThread gil;
};

// Polls `done` until it is true; false if kGiveUp passed first.
bool waitUntil(const std::function<bool()>& done) {
  auto giveUp = std::chrono::steady_clock::now() + kGiveUp;
  while (!done()) {
    if (std::chrono::steady_clock::now() > giveUp) return false;
    std::this_thread::yield();
  }
  return true;
}

// Events recorded by whichever thread holds the GIL; the policy's own synchronisation orders
// them, the mutex only keeps ThreadSanitizer informed when a test reads them from outside.
class Log {
 public:
  void add(int who) {
    std::lock_guard<std::mutex> lock(mutex_);
    events_.push_back(who);
  }
  std::vector<int> events() {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
  }

 private:
  std::mutex mutex_;
  std::vector<int> events_;
};

// The parameter: a policy's name (printed as such in the test list, not as an address).
struct PolicyName {
  std::string_view name;
};
void PrintTo(const PolicyName& p, std::ostream* os) {
  *os << p.name;
}

std::string testName(const ::testing::TestParamInfo<PolicyName>& info) {
  std::string name(info.param.name);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

std::vector<PolicyName> allPolicies() {
  std::vector<PolicyName> out;
  for (const GilPolicyInfo& info : gilPolicies())
    out.push_back({info.name});
  return out;
}

class GilPolicyTest : public ::testing::TestWithParam<PolicyName> {
 protected:
  void SetUp() override {
    expect_ = expectationsFor(info().name);
    ASSERT_NE(expect_, nullptr) << "policy '" << info().name
                                << "' has no entry in kExpectations: describe it there";
    policy_ = info().create(osSyncPlatform(), info().defaults);
    ASSERT_NE(policy_, nullptr);
  }

  const GilPolicyInfo& info() const { return *findGilPolicy(GetParam().name); }
  const Expectations& expect() const { return *expect_; }
  GilPolicy& policy() { return *policy_; }

  // True once t has asked for the lock in a take() that has not returned yet (or has since got
  // it): noteWanted and, in the hand-off policies, queueing happen under the policy's mutex in
  // the same critical section, and countersOf adds the wait in progress.
  bool isWaiting(GilThread& t, Nanos wantedBefore) {
    return policy().countersOf(t).wantedNs > wantedBefore;
  }

  const Expectations* expect_ = nullptr;
  std::unique_ptr<GilPolicy> policy_;
};

// ---------------------------------------------------------------------------------------------
// The table itself.

TEST(GilPolicyTable, NamesAreUniqueAndFindable) {
  std::vector<std::string_view> names;
  for (const GilPolicyInfo& info : gilPolicies()) {
    SCOPED_TRACE(info.name);
    EXPECT_FALSE(info.name.empty());
    EXPECT_FALSE(info.description.empty());
    EXPECT_NE(info.make, nullptr);
    EXPECT_EQ(findGilPolicy(info.name), &info);
    names.push_back(info.name);
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
  EXPECT_NE(findGilPolicy(defaultGilPolicy().name), nullptr);
  EXPECT_EQ(findGilPolicy("nosuch"), nullptr);
  EXPECT_EQ(findGilPolicy(""), nullptr);
  EXPECT_EQ(findGilPolicy("CPYTHON"), nullptr);
}

TEST(GilPolicyTable, EveryExpectationNamesAPolicy) {
  for (const Expectations& e : kExpectations)
    EXPECT_NE(findGilPolicy(e.name), nullptr) << e.name;
}

TEST(GilPolicyTable, RubyIsFifoWithAHundredMillisecondQuantum) {
  const GilPolicyInfo* ruby = findGilPolicy("ruby");
  const GilPolicyInfo* fifo = findGilPolicy("fifo");
  ASSERT_NE(ruby, nullptr);
  ASSERT_NE(fifo, nullptr);
  EXPECT_EQ(ruby->defaults.switchInterval, 100 * kNanosPerMilli);
  EXPECT_EQ(fifo->defaults.switchInterval, 5 * kNanosPerMilli);
}

// ---------------------------------------------------------------------------------------------
// Settings.

TEST_P(GilPolicyTest, StartsWithTheTableDefaults) {
  EXPECT_EQ(policy().switchInterval(), info().defaults.switchInterval);
  EXPECT_EQ(policy().checkInterval(), info().defaults.checkInterval);
  if (expect().ticks)
    EXPECT_EQ(policy().tickPeriod(), info().defaults.checkInterval);
  else
    EXPECT_EQ(policy().tickPeriod(), 0);
  GilCounters c = policy().counters();
  EXPECT_EQ(c.acquisitions, 0u);
  EXPECT_EQ(c.switches, 0u);
  EXPECT_EQ(c.dropRequests, 0u);
  EXPECT_EQ(c.forcedDrops, 0u);
  EXPECT_EQ(c.blockingDrops, 0u);
}

// Whole microseconds, at least one, as CPython keeps it (gil/switch_interval.h).
TEST_P(GilPolicyTest, SwitchIntervalIsWholeMicrosecondsAtLeastOne) {
  policy().setSwitchInterval(0);
  EXPECT_EQ(policy().switchInterval(), kNanosPerMicro);
  policy().setSwitchInterval(-5 * kNanosPerMilli);
  EXPECT_EQ(policy().switchInterval(), kNanosPerMicro);
  policy().setSwitchInterval(999);
  EXPECT_EQ(policy().switchInterval(), kNanosPerMicro);
  policy().setSwitchInterval(kNanosPerMicro);
  EXPECT_EQ(policy().switchInterval(), kNanosPerMicro);
  policy().setSwitchInterval(1001);
  EXPECT_EQ(policy().switchInterval(), kNanosPerMicro);
  policy().setSwitchInterval(2999);
  EXPECT_EQ(policy().switchInterval(), 2 * kNanosPerMicro);
  policy().setSwitchInterval(kOneHour);
  EXPECT_EQ(policy().switchInterval(), kOneHour);
}

TEST_P(GilPolicyTest, CheckIntervalIsClampedToOneTick) {
  policy().setCheckInterval(0);
  EXPECT_EQ(policy().checkInterval(), 1);
  policy().setCheckInterval(-7);
  EXPECT_EQ(policy().checkInterval(), 1);
  policy().setCheckInterval(10);
  EXPECT_EQ(policy().checkInterval(), 10);
  EXPECT_EQ(policy().tickPeriod(), expect().ticks ? 10 : 0);
}

// ---------------------------------------------------------------------------------------------
// One thread.

TEST_P(GilPolicyTest, TakeAfterDropGetsIt) {
  Participant a(1);
  for (int i = 0; i < 3; ++i) {
    policy().take(a.gil);
    EXPECT_TRUE(a.gil.holdsGil);
    policy().drop(a.gil, DropReason::Wait);
    EXPECT_FALSE(a.gil.holdsGil);
  }
  // A second thread, after the first has dropped it for good.
  Participant b(2);
  std::thread tb([&] {
    policy().take(b.gil);
    policy().drop(b.gil, DropReason::Exit);
  });
  tb.join();
  GilCounters c = policy().counters();
  EXPECT_EQ(c.acquisitions, 4u);
  EXPECT_EQ(c.switches, 1u);
  EXPECT_EQ(c.dropRequests, 0u);
  EXPECT_EQ(policy().countersOf(a.gil).acquisitions, 3u);
  EXPECT_EQ(policy().countersOf(b.gil).acquisitions, 1u);
}

TEST_P(GilPolicyTest, CountsDropsByReason) {
  Participant a(1);
  for (DropReason why :
       {DropReason::Sleep, DropReason::Io, DropReason::Wait, DropReason::Cext, DropReason::Exit}) {
    policy().take(a.gil);
    policy().drop(a.gil, why);
  }
  GilCounters c = policy().counters();
  EXPECT_EQ(c.acquisitions, 5u);
  EXPECT_EQ(c.blockingDrops, 4u) << "sleep, io, wait and cext are blocking; exit is not";
  EXPECT_EQ(c.forcedDrops, 0u);
  EXPECT_EQ(c.switches, 0u) << "the same thread each time";
  GilThreadCounters t = policy().countersOf(a.gil);
  EXPECT_EQ(t.acquisitions, 5u);
  EXPECT_EQ(t.blockingDrops, 4u);
  EXPECT_EQ(t.forcedDrops, 0u);
  EXPECT_GE(t.heldNs, 0);
  EXPECT_GE(t.wantedNs, 0);
}

TEST_P(GilPolicyTest, CheckPointWithoutRequestKeepsTheLock) {
  if (expect().ticks) GTEST_SKIP() << "a tick always releases and retakes";
  Participant a(1);
  policy().take(a.gil);
  for (int i = 0; i < 100; ++i)
    policy().checkPoint(a.gil);
  EXPECT_TRUE(a.gil.holdsGil);
  policy().drop(a.gil, DropReason::Exit);
  GilCounters c = policy().counters();
  EXPECT_EQ(c.acquisitions, 1u);
  EXPECT_EQ(c.forcedDrops, 0u);
}

TEST_P(GilPolicyTest, TickReleasesAndRetakes) {
  if (!expect().ticks) GTEST_SKIP() << "reacts to drop requests only";
  Participant a(1);
  policy().take(a.gil);
  for (int i = 0; i < 5; ++i)
    policy().checkPoint(a.gil);
  EXPECT_TRUE(a.gil.holdsGil);
  policy().drop(a.gil, DropReason::Exit);
  GilCounters c = policy().counters();
  EXPECT_EQ(c.acquisitions, 6u);
  EXPECT_EQ(c.forcedDrops, 5u) << "each tick is a forced drop";
  EXPECT_EQ(c.switches, 0u);
  EXPECT_EQ(c.dropRequests, 0u);
  EXPECT_EQ(policy().countersOf(a.gil).forcedDrops, 5u);
}

// ---------------------------------------------------------------------------------------------
// Lock discipline: aborts in every build.

using GilPolicyDeathTest = GilPolicyTest;

TEST_P(GilPolicyDeathTest, DropWithoutHoldingAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  Participant a(1);
  EXPECT_DEATH(policy().drop(a.gil, DropReason::Wait), "GIL discipline broken");
}

TEST_P(GilPolicyDeathTest, DropTwiceAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  Participant a(1);
  EXPECT_DEATH(
      {
        policy().take(a.gil);
        policy().drop(a.gil, DropReason::Wait);
        policy().drop(a.gil, DropReason::Wait);
      },
      "GIL discipline broken");
}

TEST_P(GilPolicyDeathTest, TakeWhileHoldingAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  Participant a(1);
  EXPECT_DEATH(
      {
        policy().take(a.gil);
        policy().take(a.gil);
      },
      "GIL discipline broken");
}

TEST_P(GilPolicyDeathTest, CheckPointWithoutHoldingAborts) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  Participant a(1);
  EXPECT_DEATH(policy().checkPoint(a.gil), "GIL discipline broken");
}

// ---------------------------------------------------------------------------------------------
// Several threads.

TEST_P(GilPolicyTest, MutualExclusion) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 1000;
  // Short intervals make the policies ask for drops (and cpython force switches) often.
  policy().setSwitchInterval(50 * kNanosPerMicro);
  policy().setCheckInterval(1);
  uint64_t counter = 0;  // deliberately not atomic: only the holder touches it
  std::atomic<int> holders{0};
  std::atomic<int> mostHolders{0};
  std::vector<std::unique_ptr<Participant>> ps;
  for (int i = 0; i < kThreads; ++i)
    ps.push_back(std::make_unique<Participant>(static_cast<uint64_t>(i + 1)));
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      Participant& me = *ps[static_cast<size_t>(i)];
      for (int round = 0; round < kRounds; ++round) {
        policy().take(me.gil);
        int now = holders.fetch_add(1) + 1;
        int seen = mostHolders.load();
        while (now > seen && !mostHolders.compare_exchange_weak(seen, now)) {
        }
        for (int k = 0; k < 10; ++k)
          counter = counter + 1;
        holders.fetch_sub(1);
        policy().drop(me.gil, round % 2 ? DropReason::Wait : DropReason::Io);
      }
    });
  }
  for (std::thread& t : threads)
    t.join();
  EXPECT_EQ(counter, uint64_t{kThreads} * kRounds * 10);
  EXPECT_EQ(mostHolders.load(), 1);
  GilCounters c = policy().counters();
  EXPECT_EQ(c.acquisitions, uint64_t{kThreads} * kRounds);
  EXPECT_EQ(c.blockingDrops, uint64_t{kThreads} * kRounds);
  EXPECT_EQ(c.forcedDrops, 0u) << "nobody called checkPoint";
  EXPECT_LT(c.switches, c.acquisitions);
  for (auto& p : ps) {
    GilThreadCounters t = policy().countersOf(p->gil);
    EXPECT_EQ(t.acquisitions, uint64_t{kRounds});
    EXPECT_EQ(t.blockingDrops, uint64_t{kRounds});
  }
}

// A holds the lock and runs "bytecode": at each check point it calls checkPoint when the policy
// wants it to (a drop request, or a tick for cpython-old). B asks for the lock and must get it.
TEST_P(GilPolicyTest, HolderAtCheckPointsLetsAWaiterIn) {
  policy().setSwitchInterval(100 * kNanosPerMicro);
  policy().setCheckInterval(10);
  Participant a(1), b(2);
  Log log;
  std::atomic<bool> bRan{false};
  std::atomic<bool> gaveUp{false};
  policy().take(a.gil);
  log.add(1);
  std::thread tb([&] {
    policy().take(b.gil);
    log.add(2);
    bRan = true;
    policy().drop(b.gil, DropReason::Wait);
  });
  auto giveUp = std::chrono::steady_clock::now() + kGiveUp;
  int64_t ticks = 0;
  while (!bRan) {
    if (std::chrono::steady_clock::now() > giveUp) {
      gaveUp = true;
      break;
    }
    bool due = expect().ticks ? ++ticks % policy().tickPeriod() == 0
                              : (a.breaker.load() & kDropGilRequest) != 0;
    if (!due) continue;
    uint64_t before = policy().countersOf(a.gil).acquisitions;
    policy().checkPoint(a.gil);
    if (policy().countersOf(a.gil).acquisitions != before) log.add(1);
  }
  policy().drop(a.gil, DropReason::Exit);
  tb.join();
  ASSERT_FALSE(gaveUp) << "B never got the lock from a holder that reached check points";

  GilCounters c = policy().counters();
  EXPECT_GE(c.switches, 1u);
  EXPECT_GE(c.forcedDrops, 1u);
  EXPECT_GE(policy().countersOf(a.gil).forcedDrops, 1u);
  EXPECT_EQ(policy().countersOf(b.gil).forcedDrops, 0u);
  if (expect().ticks)
    EXPECT_EQ(c.dropRequests, 0u) << "ticks need no requests";
  else
    EXPECT_GE(c.dropRequests, 1u);

  std::vector<int> events = log.events();
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events.front(), 1);
  EXPECT_EQ(std::count(events.begin(), events.end(), 2), 1);
  if (expect().forcedSwitch) {
    // A's first forced drop let B in before A could take the lock back, and A only got it back
    // once B had dropped it.
    EXPECT_EQ(events, (std::vector<int>{1, 2, 1}));
    EXPECT_EQ(c.forcedDrops, 1u);
    EXPECT_EQ(c.switches, 2u);
  }
}

// Waiters queued in a known order get the lock in that order.
TEST_P(GilPolicyTest, WaitersGetTheLockInQueueOrder) {
  if (!expect().handoff) GTEST_SKIP() << "no queue: the OS picks which waiter wakes";
  policy().setSwitchInterval(kOneHour);  // nobody is asked to drop during the test
  Participant holder(1);
  std::vector<std::unique_ptr<Participant>> waiters;
  Log log;
  policy().take(holder.gil);
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    waiters.push_back(std::make_unique<Participant>(static_cast<uint64_t>(i + 2)));
    Participant& w = *waiters.back();
    threads.emplace_back([&, i] {
      policy().take(w.gil);
      log.add(i);
      policy().drop(w.gil, DropReason::Exit);
    });
    // The next waiter starts only once this one is in the queue.
    EXPECT_TRUE(waitUntil([&] { return isWaiting(w.gil, 0); })) << "waiter " << i;
  }
  policy().drop(holder.gil, DropReason::Wait);
  for (std::thread& t : threads)
    t.join();
  EXPECT_EQ(log.events(), (std::vector<int>{0, 1, 2}));
  GilCounters c = policy().counters();
  EXPECT_EQ(c.acquisitions, 4u);
  EXPECT_EQ(c.switches, 3u);
  EXPECT_EQ(c.dropRequests, 0u);
}

// The head of the queue keeps the quantum: a holder that has had the lock for a switch interval
// is asked to drop, and its forced drop hands the lock to the head; the holder queues behind it.
TEST_P(GilPolicyTest, ForcedDropHandsTheLockToTheHeadAndRequeues) {
  if (!expect().handoff) GTEST_SKIP() << "not a hand-off policy";
  policy().setSwitchInterval(100 * kNanosPerMicro);
  Participant a(1), b(2), c(3);
  Log log;
  policy().take(a.gil);
  std::thread tb([&] {
    policy().take(b.gil);
    log.add(2);
    policy().drop(b.gil, DropReason::Exit);
  });
  ASSERT_TRUE(waitUntil([&] { return isWaiting(b.gil, 0); }));
  std::thread tc([&] {
    policy().take(c.gil);
    log.add(3);
    policy().drop(c.gil, DropReason::Exit);
  });
  ASSERT_TRUE(waitUntil([&] { return isWaiting(c.gil, 0); }));
  // The head (b) asks once a's quantum is over.
  EXPECT_TRUE(waitUntil([&] { return (a.breaker.load() & kDropGilRequest) != 0; }));
  policy().checkPoint(a.gil);  // hands to b, queues behind c, returns after c
  log.add(1);
  policy().drop(a.gil, DropReason::Exit);
  tb.join();
  tc.join();
  EXPECT_EQ(log.events(), (std::vector<int>{2, 3, 1}));
  EXPECT_EQ(policy().countersOf(a.gil).forcedDrops, 1u);
  EXPECT_EQ(policy().countersOf(a.gil).acquisitions, 2u);
}

// A thread back from a blocking call (its last drop was a sleep) asks a CPU-bound holder to drop
// at once under `priority`; the others make it wait (here: an hour of switch interval).
TEST_P(GilPolicyTest, IoBoundWaiterPreemptsACpuBoundHolder) {
  policy().setSwitchInterval(kOneHour);
  Participant cpu(1), io(2);
  Log log;
  // io runs first and sleeps: the policy now knows it as I/O-bound.
  policy().take(io.gil);
  policy().drop(io.gil, DropReason::Sleep);
  Nanos ioWantedBefore = policy().countersOf(io.gil).wantedNs;
  // cpu takes the lock and never made a blocking call.
  policy().take(cpu.gil);
  log.add(1);
  std::thread tio([&] {
    policy().take(io.gil);
    log.add(2);
    policy().drop(io.gil, DropReason::Sleep);
  });
  ASSERT_TRUE(waitUntil([&] { return isWaiting(io.gil, ioWantedBefore); }));
  // io's take() has asked; the answer is already there, with no waiting on anything.
  bool requested = (cpu.breaker.load() & kDropGilRequest) != 0;
  EXPECT_EQ(requested, expect().ioPreempts);
  EXPECT_EQ(policy().counters().dropRequests, expect().ioPreempts ? 1u : 0u);
  if (requested) {
    policy().checkPoint(cpu.gil);  // the check point after the request: io runs, then cpu again
    log.add(1);
    policy().drop(cpu.gil, DropReason::Exit);
  } else {
    policy().drop(cpu.gil, DropReason::Wait);
  }
  tio.join();
  std::vector<int> events = log.events();
  if (expect().ioPreempts) {
    EXPECT_EQ(events, (std::vector<int>{1, 2, 1}));
    EXPECT_EQ(policy().countersOf(cpu.gil).forcedDrops, 1u);
  } else {
    EXPECT_EQ(events, (std::vector<int>{1, 2}));
  }
}

// `priority`: an I/O-bound waiter goes ahead of CPU-bound waiters already queued.
TEST_P(GilPolicyTest, IoBoundWaiterJumpsTheQueue) {
  if (!expect().handoff) GTEST_SKIP() << "not a hand-off policy";
  policy().setSwitchInterval(kOneHour);
  Participant holder(1), cpu(2), io(3);
  Log log;
  policy().take(io.gil);
  policy().drop(io.gil, DropReason::Io);
  Nanos ioWantedBefore = policy().countersOf(io.gil).wantedNs;
  policy().take(holder.gil);
  std::thread tcpu([&] {
    policy().take(cpu.gil);
    log.add(2);
    policy().drop(cpu.gil, DropReason::Exit);
  });
  ASSERT_TRUE(waitUntil([&] { return isWaiting(cpu.gil, 0); }));
  std::thread tio([&] {
    policy().take(io.gil);
    log.add(3);
    policy().drop(io.gil, DropReason::Exit);
  });
  ASSERT_TRUE(waitUntil([&] { return isWaiting(io.gil, ioWantedBefore); }));
  policy().drop(holder.gil, DropReason::Wait);
  tcpu.join();
  tio.join();
  if (expect().ioPreempts)
    EXPECT_EQ(log.events(), (std::vector<int>{3, 2}));
  else
    EXPECT_EQ(log.events(), (std::vector<int>{2, 3}));
}

// cpython-old: many ticks, two threads, no requests, and every acquisition is counted.
TEST_P(GilPolicyTest, TwoThreadsAtCheckPointsFinish) {
  policy().setSwitchInterval(100 * kNanosPerMicro);
  policy().setCheckInterval(5);
  constexpr int kCheckPoints = 20000;
  Participant ps[2] = {Participant(1), Participant(2)};
  uint64_t counter = 0;
  std::vector<std::thread> threads;
  for (Participant& p : ps) {
    threads.emplace_back([&] {
      policy().take(p.gil);
      for (int i = 1; i <= kCheckPoints; ++i) {
        counter = counter + 1;
        bool due = expect().ticks ? i % policy().tickPeriod() == 0
                                  : (p.breaker.load() & kDropGilRequest) != 0;
        if (due) policy().checkPoint(p.gil);
      }
      policy().drop(p.gil, DropReason::Exit);
    });
  }
  for (std::thread& t : threads)
    t.join();
  EXPECT_EQ(counter, 2u * kCheckPoints);
  GilCounters c = policy().counters();
  uint64_t perThread = 0;
  for (Participant& p : ps) {
    GilThreadCounters t = policy().countersOf(p.gil);
    perThread += t.acquisitions;
    EXPECT_EQ(t.acquisitions, 1 + t.forcedDrops);
  }
  EXPECT_EQ(c.acquisitions, perThread);
  EXPECT_EQ(c.acquisitions, 2 + c.forcedDrops);
  if (expect().ticks) {
    EXPECT_EQ(c.forcedDrops, 2u * kCheckPoints / 5);
  }
}

INSTANTIATE_TEST_SUITE_P(Policies, GilPolicyTest, ::testing::ValuesIn(allPolicies()), testName);
INSTANTIATE_TEST_SUITE_P(Policies, GilPolicyDeathTest, ::testing::ValuesIn(allPolicies()),
                         testName);

}  // namespace
}  // namespace gilsim
