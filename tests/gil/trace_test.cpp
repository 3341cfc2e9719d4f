// The GIL event trace: the recorder (gil/trace_recorder.h), the binary form children leave
// (gil/trace_log.h), the reading of events as states (gil/trace_analysis.h) and the metrics
// (gil/trace_stats.h).
//
// The analysis and metrics are checked on hand-written traces whose schedule is fixed, so every
// number is exact. The recorder is checked under real threads, and against the policies' own
// counters (an independent measurement of the same run) for every policy of the table. No
// assertion depends on how long anything took.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <sstream>
#include <thread>
#include <vector>

#include "gil/eval_breaker.h"
#include "gil/gil_policy.h"
#include "gil/gil_thread.h"
#include "gil/policy_table.h"
#include "gil/trace_analysis.h"
#include "gil/trace_recorder.h"
#include "gil/trace_stats.h"
#include "gil/trace_stats_json.h"

namespace gilsim {
namespace {

constexpr Nanos kMs = kNanosPerMilli;
using K = TraceEventKind;

TraceEvent ev(Nanos t, K kind, DropReason reason = DropReason::Exit, uint32_t arg = 0) {
  return {t, arg, kind, reason};
}

// Two threads of one process, on a schedule written out by hand (times in ms from 0):
//   T1 runs 0-5; T2 (asked at 1) asks T1 to drop at 4; T1 drops (forced) at 5 and waits;
//   T2 runs 6-10, then sleeps 10-20; T1 runs again 11-12 and ends; T2 back from sleep at 20,
//   runs 21-22 and ends.
TraceLog handWrittenLog() {
  TraceLog log;
  log.origin = 0;
  TracedProcess p;
  p.pid = 100;
  p.name = "MainProcess";
  p.start = 0;
  p.end = 30 * kMs;
  TracedThread t1{1, "MainThread", {}, 0};
  t1.events = {ev(0, K::ThreadStart),
               ev(0, K::GilRequest),
               ev(0, K::GilAcquire),
               ev(5 * kMs, K::GilDrop, DropReason::Forced),
               ev(5 * kMs, K::ForcedWaitBegin),
               ev(5 * kMs, K::GilRequest),
               ev(6 * kMs, K::ForcedWaitEnd),
               ev(11 * kMs, K::GilAcquire),
               ev(12 * kMs, K::GilDrop, DropReason::Exit),
               ev(12 * kMs, K::ThreadExit)};
  TracedThread t2{2, "worker", {}, 0};
  t2.events = {ev(1 * kMs, K::ThreadStart),
               ev(1 * kMs, K::GilRequest),
               ev(4 * kMs, K::DropRequest, DropReason::Exit, 1),
               ev(6 * kMs, K::GilAcquire),
               ev(10 * kMs, K::GilDrop, DropReason::Sleep),
               ev(10 * kMs, K::BlockingBegin, DropReason::Sleep),
               ev(20 * kMs, K::BlockingEnd, DropReason::Sleep),
               ev(20 * kMs, K::GilRequest),
               ev(21 * kMs, K::GilAcquire),
               ev(22 * kMs, K::GilDrop, DropReason::Exit),
               ev(22 * kMs, K::ThreadExit)};
  p.threads = {t1, t2};
  log.processes.push_back(p);
  return log;
}

std::string slicesOf(const ThreadTrack& t) {
  std::string out;
  for (const StateSlice& s : t.slices)
    out += std::string(threadStateInfo(s.state).name) + " " + std::to_string(s.begin / kMs) + "-" +
           std::to_string(s.end / kMs) + "; ";
  return out;
}

TEST(TraceAnalysis, HandWrittenScheduleGivesItsSlices) {
  TraceAnalysis a = analyzeTrace(handWrittenLog());
  ASSERT_EQ(a.processes.size(), 1u);
  const ProcessTrack& p = a.processes[0];
  ASSERT_EQ(p.threads.size(), 2u);
  EXPECT_EQ(slicesOf(p.threads[0]), "running 0-5; wants_gil 5-11; running 11-12; ");
  EXPECT_EQ(slicesOf(p.threads[1]),
            "wants_gil 1-6; running 6-10; sleeping 10-20; wants_gil 20-21; running 21-22; ");
  EXPECT_EQ(p.threads[0].forcedWaits, std::vector<Nanos>{5 * kMs});
  EXPECT_EQ(p.threads[1].slices[2].reason, DropReason::Sleep);
  EXPECT_TRUE(p.threads[0].exited);
  EXPECT_EQ(p.threads[0].end, 12 * kMs);
  // The GIL: 0-5 T1, 6-10 T2, 11-12 T1, 21-22 T2: three hand-offs.
  ASSERT_EQ(p.holdings.size(), 4u);
  ASSERT_EQ(p.handOffs.size(), 3u);
  EXPECT_EQ(p.handOffs[0].dropped, 5 * kMs);
  EXPECT_EQ(p.handOffs[0].acquired, 6 * kMs);
  EXPECT_EQ(p.handOffs[0].from, 0u);
  EXPECT_EQ(p.handOffs[0].to, 1u);
  // T2's request at 4 is answered when T2 runs at 6.
  ASSERT_EQ(p.dropRequests.size(), 1u);
  EXPECT_EQ(p.dropRequests[0].holder, 0u);
  EXPECT_EQ(p.handOffLatencies, std::vector<Nanos>{2 * kMs});
  // Back from the sleep at 20, running at 21.
  EXPECT_EQ(p.threads[1].blockingReturnLatencies, std::vector<Nanos>{1 * kMs});
  EXPECT_EQ(p.threads[0].acquisitions, 2u);
  EXPECT_EQ(p.threads[0].forcedDrops, 1u);
  EXPECT_EQ(p.threads[0].longestWait, 6 * kMs);
  EXPECT_EQ(p.threads[1].longestWait, 5 * kMs);
  EXPECT_EQ(a.events, 21u);
}

TEST(TraceStats, HandWrittenScheduleGivesItsMetrics) {
  TraceStats s = computeTraceStats(analyzeTrace(handWrittenLog()));
  ASSERT_EQ(s.processes.size(), 1u);
  const ProcessStats& p = s.processes[0];
  EXPECT_EQ(p.duration, 30 * kMs);
  EXPECT_EQ(p.handOffs, 3u);
  EXPECT_DOUBLE_EQ(p.handOffsPerSecond, 100.0);
  EXPECT_EQ(p.handOffLatency.count, 1u);
  EXPECT_EQ(p.handOffLatency.p50, 2 * kMs);
  // Held 5 + 4 + 1 + 1 = 11 of 30 ms; someone wanted it 1-11 and 20-21: 11 of 30 ms.
  EXPECT_DOUBLE_EQ(p.heldFraction, 11.0 / 30);
  EXPECT_DOUBLE_EQ(p.wantedFraction, 11.0 / 30);
  ASSERT_EQ(p.threads.size(), 2u);
  const ThreadStats& t1 = p.threads[0];
  EXPECT_EQ(t1.lifetime, 12 * kMs);
  EXPECT_EQ(t1.held, 6 * kMs);
  EXPECT_EQ(t1.wanted, 6 * kMs);
  EXPECT_EQ(t1.notNeeding, 0);
  const ThreadStats& t2 = p.threads[1];
  EXPECT_EQ(t2.lifetime, 21 * kMs);
  EXPECT_EQ(t2.held, 5 * kMs);
  EXPECT_EQ(t2.wanted, 6 * kMs);
  EXPECT_EQ(t2.notNeeding, 10 * kMs);
  // Shares held / (held + wanted): 6/12 and 5/11.
  double a = 0.5, b = 5.0 / 11;
  EXPECT_NEAR(p.jainIndex, (a + b) * (a + b) / (2 * (a * a + b * b)), 1e-12);
  EXPECT_EQ(p.threadsThatWaited, 2u);
  EXPECT_EQ(p.blockingReturnLatency.max, 1 * kMs);
}

TEST(TraceStats, JainIndexIsOneOverNWhenOneThreadGetsEverything) {
  TraceLog log = handWrittenLog();
  // A third thread that waits from 0 to 30 and never gets the lock.
  log.processes[0].threads.push_back(
      {3, "starved", {ev(0, K::ThreadStart), ev(0, K::GilRequest)}, 0});
  TraceStats s = computeTraceStats(analyzeTrace(log));
  EXPECT_EQ(s.processes[0].threadsThatWaited, 3u);
  EXPECT_LT(s.processes[0].jainIndex,
            computeTraceStats(analyzeTrace(handWrittenLog())).processes[0].jainIndex);
  EXPECT_EQ(s.processes[0].threads[2].wanted, 30 * kMs);
  EXPECT_EQ(s.processes[0].threads[2].lifetime, 30 * kMs);
}

TEST(TraceAnalysis, AThreadWhoseBufferFilledEndsAtItsLastKeptEvent) {
  TraceLog log = handWrittenLog();
  // The worker's buffer filled right after it got the GIL at 6: its later events are lost.
  TracedThread& worker = log.processes[0].threads[1];
  worker.events.resize(4);
  worker.droppedEvents = 7;
  TraceAnalysis a = analyzeTrace(log);
  const ProcessTrack& p = a.processes[0];
  EXPECT_EQ(p.threads[1].end, 6 * kMs);
  EXPECT_EQ(slicesOf(p.threads[1]), "wants_gil 1-6; ");
  // No holding of the worker runs on over the main thread's at 11.
  for (size_t i = 1; i < p.holdings.size(); ++i)
    EXPECT_LE(p.holdings[i - 1].end, p.holdings[i].begin);
  EXPECT_EQ(a.droppedEvents, 7u);
}

TEST(TraceStats, NearestRankPercentiles) {
  std::vector<Nanos> samples;
  for (Nanos i = 100; i >= 1; --i)
    samples.push_back(i);
  LatencySummary s = summarizeLatencies(samples);
  EXPECT_EQ(s.count, 100u);
  EXPECT_EQ(s.p50, 50);
  EXPECT_EQ(s.p99, 99);
  EXPECT_EQ(s.max, 100);
  EXPECT_EQ(summarizeLatencies({}).count, 0u);
  EXPECT_EQ(summarizeLatencies({7}).p99, 7);
}

TEST(TraceStats, JsonNamesEveryMetric) {
  nlohmann::ordered_json j = traceStatsToJson(computeTraceStats(analyzeTrace(handWrittenLog())));
  const auto& p = j["processes"][0];
  for (const char* key : {"pid", "name", "duration_s", "hand_offs", "hand_offs_per_s",
                          "hand_off_latency_ms", "held_fraction", "wanted_fraction", "jain_index",
                          "threads_that_waited", "blocking_return_latency_ms", "threads"})
    EXPECT_TRUE(p.contains(key)) << key;
  const auto& t = p["threads"][1];
  EXPECT_EQ(t["name"], "worker");
  EXPECT_DOUBLE_EQ(t["not_needing_s"].get<double>(), 0.010);
  EXPECT_DOUBLE_EQ(p["hand_off_latency_ms"]["p50"].get<double>(), 2.0);
}

TEST(TraceLog, BinaryFormRoundTripsAndRejectsATruncatedFile) {
  TracedProcess p = handWrittenLog().processes[0];
  p.threads[1].droppedEvents = 7;
  std::stringstream buffer;
  writeTracedProcess(buffer, p);
  std::string bytes = buffer.str();
  std::istringstream in(bytes);
  std::optional<TracedProcess> back = readTracedProcess(in);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->pid, 100);
  EXPECT_EQ(back->name, "MainProcess");
  ASSERT_EQ(back->threads.size(), 2u);
  EXPECT_EQ(back->threads[1].name, "worker");
  EXPECT_EQ(back->threads[1].droppedEvents, 7u);
  ASSERT_EQ(back->threads[1].events.size(), p.threads[1].events.size());
  EXPECT_EQ(back->threads[1].events[2].arg, 1u);
  EXPECT_EQ(back->threads[1].events[2].kind, K::DropRequest);
  std::istringstream truncated(bytes.substr(0, bytes.size() - 5));
  EXPECT_FALSE(readTracedProcess(truncated));
  std::istringstream garbage("not a trace at all");
  EXPECT_FALSE(readTracedProcess(garbage));
}

// ---------------------------------------------------------------------------------------------
// The recorder.

struct Participant {
  explicit Participant(uint64_t serial) : gil(serial, breaker, osSyncPlatform()) {}
  EvalBreaker breaker;
  GilThread gil;
};

TEST(TraceRecorder, RecordsNothingUntilStarted) {
  TraceRecorder recorder(osSyncPlatform());
  Participant p(1);
  recorder.record(p.gil, K::ThreadStart);
  EXPECT_FALSE(recorder.enabled());
  EXPECT_EQ(p.gil.trace, nullptr);
  recorder.start();
  recorder.record(p.gil, K::ThreadStart);
  EXPECT_EQ(recorder.snapshot().eventCount(), 1u);
}

TEST(TraceRecorder, AFullBufferCountsWhatItDrops) {
  TraceRecorder recorder(osSyncPlatform());
  recorder.start(16);
  Participant p(1);
  for (int i = 0; i < 100; ++i)
    recorder.record(p.gil, K::GilRequest);
  TraceLog log = recorder.snapshot();
  EXPECT_EQ(log.eventCount(), 16u);
  EXPECT_EQ(log.droppedEvents(), 84u);
}

TEST(TraceRecorder, SnapshotsWhileThreadsRecordSeeWholeOrderedEvents) {
  TraceRecorder recorder(osSyncPlatform());
  recorder.start(1 << 16);
  constexpr int kThreads = 4, kEvents = 20000;
  std::atomic<int> running{kThreads};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      Participant p(static_cast<uint64_t>(i + 1));
      recorder.nameThread(p.gil.serial, "t" + std::to_string(i));
      for (int n = 0; n < kEvents; ++n)
        recorder.record(p.gil, K::GilRequest, DropReason::Exit, static_cast<uint32_t>(n));
      --running;
    });
  auto check = [](const TraceLog& log) {
    for (const TracedThread& t : log.processes[0].threads)
      for (size_t n = 0; n < t.events.size(); ++n) {
        ASSERT_EQ(t.events[n].arg, n) << t.name;  // no torn or reordered events
        if (n > 0) {
          ASSERT_LE(t.events[n - 1].time, t.events[n].time);
        }
      }
  };
  while (running > 0)
    check(recorder.snapshot());
  for (std::thread& t : threads)
    t.join();
  TraceLog log = recorder.snapshot();
  check(log);
  EXPECT_EQ(log.eventCount(), static_cast<uint64_t>(kThreads * kEvents));
  ASSERT_EQ(log.processes[0].threads.size(), static_cast<size_t>(kThreads));
  EXPECT_EQ(log.processes[0].threads[3].name, "t3");
}

// Every policy, real threads contending: the trace agrees with the policy's own counters.
class TracedPolicyTest : public ::testing::TestWithParam<std::string_view> {};

TEST_P(TracedPolicyTest, TraceAgreesWithThePolicyCounters) {
  const GilPolicyInfo* info = findGilPolicy(GetParam());
  ASSERT_NE(info, nullptr);
  GilSettings settings = info->defaults;
  settings.switchInterval = 100 * kNanosPerMicro;
  settings.checkInterval = 50;
  std::unique_ptr<GilPolicy> policy = info->create(osSyncPlatform(), settings);
  TraceRecorder recorder(osSyncPlatform());
  recorder.start();
  policy->setRecorder(&recorder);
  constexpr int kThreads = 3;
  std::vector<std::unique_ptr<Participant>> participants;
  for (int i = 0; i < kThreads; ++i)
    participants.push_back(std::make_unique<Participant>(static_cast<uint64_t>(i + 1)));
  std::vector<GilThreadCounters> counters(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      GilThread& t = participants[static_cast<size_t>(i)]->gil;
      recorder.record(t, K::ThreadStart);
      policy->take(t);
      int64_t period = policy->tickPeriod();
      volatile uint64_t sink = 0;
      for (int n = 1; n <= 40000; ++n) {
        for (int spin = 0; spin < 200; ++spin)
          sink = sink + static_cast<uint64_t>(spin);
        if ((t.breaker.load() & kDropGilRequest) || (period > 0 && n % period == 0))
          policy->checkPoint(t);
        if (n % 10000 == 0) {  // a blocking call now and then
          policy->drop(t, DropReason::Io);
          recorder.record(t, K::BlockingBegin, DropReason::Io);
          recorder.record(t, K::BlockingEnd, DropReason::Io);
          policy->take(t);
        }
      }
      counters[static_cast<size_t>(i)] = policy->countersOf(t);
      policy->drop(t, DropReason::Exit);
      recorder.record(t, K::ThreadExit);
    });
  for (std::thread& t : threads)
    t.join();
  TraceAnalysis analysis = analyzeTrace(recorder.snapshot());
  ASSERT_EQ(analysis.processes.size(), 1u);
  const ProcessTrack& process = analysis.processes[0];
  ASSERT_EQ(process.threads.size(), static_cast<size_t>(kThreads));
  for (size_t i = 1; i < process.holdings.size(); ++i)
    ASSERT_LE(process.holdings[i - 1].end, process.holdings[i].begin) << "holdings overlap";
  EXPECT_EQ(process.handOffs.size(), policy->counters().switches);
  TraceStats stats = computeTraceStats(analysis);
  for (int i = 0; i < kThreads; ++i) {
    SCOPED_TRACE(i);
    const ThreadStats& s = stats.processes[0].threads[static_cast<size_t>(i)];
    const GilThreadCounters& c = counters[static_cast<size_t>(i)];
    // The counters were read just before the exit drop: one acquisition and no drop since.
    EXPECT_EQ(s.acquisitions, c.acquisitions);
    EXPECT_EQ(s.forcedDrops, c.forcedDrops);
    // Slices tile the lifetime.
    EXPECT_NEAR(static_cast<double>(s.held + s.wanted + s.notNeeding),
                static_cast<double>(s.lifetime), 0.01 * static_cast<double>(s.lifetime));
    // The trace's times are taken a moment inside the policy's (after take returns, before
    // drop starts): allow that moment per acquisition. Hand-off policies count the lock as held
    // from the grant, the trace from when the new holder runs (it has to wake up first): the
    // time needing the lock agrees, and the trace's held time is never longer.
    double slack = 0.01 * static_cast<double>(s.lifetime) +
                   50.0 * kNanosPerMicro * static_cast<double>(s.acquisitions);
    EXPECT_NEAR(static_cast<double>(s.held + s.wanted), static_cast<double>(c.heldNs + c.wantedNs),
                slack);
    EXPECT_LE(static_cast<double>(s.held), static_cast<double>(c.heldNs) + slack);
  }
}

std::vector<std::string_view> policyNames() {
  std::vector<std::string_view> names;
  for (const GilPolicyInfo& info : gilPolicies())
    names.push_back(info.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(EveryPolicy, TracedPolicyTest, ::testing::ValuesIn(policyNames()),
                         [](const ::testing::TestParamInfo<std::string_view>& info) {
                           std::string name(info.param);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace gilsim
