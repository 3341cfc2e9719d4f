// End-to-end tests of the GIL trace: `gilsim run --trace/--stats/--stats-json/--timeline` and the
// gilsim module's recording, on real scripts. Suites named CliThreads* also run under
// ThreadSanitizer in CI, CliProcess* start processes. No assertion depends on timing: the
// schedules checked are forced by sleeps and joins, and the rest are invariants.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gil/trace_analysis.h"
#include "support/process_runner.h"
#include "support/script_files.h"
#include "support/temp_dir.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must name the gilsim executable"
#endif
#ifndef GILSIM_README
#error "GILSIM_README must name README.md"
#endif

namespace {

namespace fs = std::filesystem;
using gilsim::testsupport::describe;
using gilsim::testsupport::TempDir;
using Json = nlohmann::json;
using RunOptions = gilsim::testsupport::ProcessOptions;
using RunResult = gilsim::testsupport::ProcessResult;

RunResult runGilsim(const TempDir& dir, const std::vector<std::string>& args,
                    RunOptions options = {}) {
  std::vector<std::string> argv = {GILSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  options.workingDir = dir.path();
  options.wallLimit = std::chrono::seconds(60);
  // Children's traces go under the test's folder, so that a test can see they were cleaned up.
  options.extraEnvironment.push_back("TMPDIR=" + dir.path());
  options.extraEnvironment.push_back("COLUMNS=72");
  RunResult r = gilsim::testsupport::runProcess(argv, options);
  EXPECT_TRUE(r.started) << r.error;
  EXPECT_FALSE(r.timedOut) << describe(r);
  return r;
}

Json readJson(const std::string& path) {
  std::optional<std::string> text = gilsim::testsupport::readFile(path);
  if (!text) {
    ADD_FAILURE() << "no file " << path;
    return Json();
  }
  Json j = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << path << " is not valid JSON";
  return j;
}

// Two CPU-bound threads and one that sleeps in short steps, named; at the end the policy's own
// count of switches, to compare with the trace's hand-offs.
// The CPU-bound threads meet at a barrier, so they overlap however fast the loop runs: the
// second then waits for the GIL while the first runs for many switch intervals.
constexpr const char* kMixedScript = R"(import threading, time, gilsim

both = threading.Barrier(2)

def cpu(n):
    both.wait()
    x = 0
    for i in range(n):
        x = (x * 31 + i) % 1000003

def io(n):
    for _ in range(n):
        time.sleep(0.001)

threads = [threading.Thread(target=cpu, args=(600000,), name="cpu-1"),
           threading.Thread(target=cpu, args=(600000,), name="cpu-2"),
           threading.Thread(target=io, args=(20,), name="io")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("switches", gilsim.counters()["switches"])
)";

int printedSwitches(const std::string& out) {
  size_t at = out.find("switches ");
  return at == std::string::npos ? -1 : std::stoi(out.substr(at + 9));
}

const std::set<std::string> kStateNames = {"started", "running",  "wants_gil",
                                           "waiting", "sleeping", "cext"};

// Checks what every Chrome trace of gilsim must satisfy; returns the number of hand-off flows.
size_t checkChromeTrace(const Json& trace) {
  EXPECT_TRUE(trace.contains("traceEvents"));
  const Json& events = trace["traceEvents"];
  std::map<std::pair<int64_t, int64_t>, std::vector<std::pair<double, double>>> slices;
  std::map<std::pair<int64_t, int64_t>, std::string> threadNames;
  std::map<int64_t, double> flowStarts, flowEnds;
  size_t runningSlices = 0, gilSlices = 0;
  for (const Json& e : events)
    if (e.at("ph") == "M" && e.at("name") == "thread_name")
      threadNames[{e.at("pid").get<int64_t>(), e.at("tid").get<int64_t>()}] = e["args"]["name"];
  for (const Json& e : events) {
    std::string ph = e.at("ph");
    auto key = std::make_pair(e.at("pid").get<int64_t>(), e.at("tid").get<int64_t>());
    if (ph == "X") {
      // Whole microseconds: integers convert exactly in every viewer.
      EXPECT_TRUE(e.at("ts").is_number_integer() && e.at("dur").is_number_integer()) << e.dump();
      double ts = e.at("ts"), dur = e.at("dur");
      EXPECT_GE(dur, 0) << e.dump();
      slices[key].emplace_back(ts, ts + dur);
      if (threadNames[key] == "GIL") {
        EXPECT_NE(key.second, 0) << "tid 0 is the idle task to Perfetto";
        ++gilSlices;
      } else {
        EXPECT_TRUE(kStateNames.count(e.at("name"))) << e.dump();
        if (e.at("name") == "running") ++runningSlices;
      }
    }
    if (ph == "s") flowStarts[e.at("id")] = e.at("ts");
    if (ph == "f") flowEnds[e.at("id")] = e.at("ts");
  }
  for (auto& [key, list] : slices) {
    EXPECT_TRUE(threadNames.count(key))
        << "track " << key.first << "/" << key.second << " has no thread_name";
    std::sort(list.begin(), list.end());
    for (size_t i = 1; i < list.size(); ++i)
      EXPECT_LE(list[i - 1].second, list[i].first)
          << "slices overlap on track " << key.first << "/" << key.second;
  }
  // Every time a thread ran, the GIL track shows it held: acquires and drops pair up.
  EXPECT_EQ(gilSlices, runningSlices);
  EXPECT_EQ(flowStarts.size(), flowEnds.size());
  for (auto& [id, ts] : flowStarts) {
    if (!flowEnds.count(id))
      ADD_FAILURE() << "flow " << id << " has no end";
    else
      EXPECT_LE(ts, flowEnds[id]);
  }
  return flowStarts.size();
}

std::set<std::string> threadNamesIn(const Json& trace) {
  std::set<std::string> names;
  for (const Json& e : trace["traceEvents"])
    if (e["ph"] == "M" && e["name"] == "thread_name") names.insert(e["args"]["name"]);
  return names;
}

TEST(CliThreadsTrace, ChromeTraceOfAMixedRunIsWellFormed) {
  TempDir dir;
  dir.write("mixed.py", kMixedScript);
  RunResult r =
      runGilsim(dir, {"run", "--switch-interval", "1ms", "--trace", "out.json", "mixed.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  Json trace = readJson(dir.file("out.json"));
  size_t handOffs = checkChromeTrace(trace);
  // The policy counted its switches just before the script ended; none happen after.
  EXPECT_EQ(static_cast<int>(handOffs), printedSwitches(r.out)) << r.out;
  std::set<std::string> names = threadNamesIn(trace);
  for (const char* name : {"MainThread", "cpu-1", "cpu-2", "io", "GIL"})
    EXPECT_TRUE(names.count(name)) << name;
  size_t dropRequests = 0, sleeping = 0;
  for (const Json& e : trace["traceEvents"]) {
    if (e["name"] == "drop_request") ++dropRequests;
    if (e["name"] == "sleeping" && e["ph"] == "X") {
      ++sleeping;
      EXPECT_EQ(e["args"]["reason"], "sleep");
    }
  }
  EXPECT_GT(dropRequests, 0u) << "two CPU-bound threads must ask each other to drop";
  EXPECT_EQ(sleeping, 20u);
  EXPECT_EQ(trace["otherData"]["dropped_events"], 0);
  EXPECT_EQ(trace["otherData"]["settings"]["switch_interval_s"], 0.001);
  EXPECT_TRUE(fs::is_empty(dir.path()) == false);
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos)
        << "left behind: " << entry.path();
}

TEST(CliThreadsTrace, StatsJsonHoldsTheMetricInvariants) {
  TempDir dir;
  dir.write("mixed.py", kMixedScript);
  RunResult r = runGilsim(dir, {"run", "--switch-interval", "1ms", "--stats-json", "stats.json",
                                "--stats", "mixed.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  Json stats = readJson(dir.file("stats.json"));
  ASSERT_EQ(stats["processes"].size(), 1u);
  const Json& p = stats["processes"][0];
  EXPECT_EQ(p["hand_offs"].get<int>(), printedSwitches(r.out));
  for (const char* fraction : {"held_fraction", "wanted_fraction"}) {
    EXPECT_GT(p[fraction].get<double>(), 0) << fraction;
    EXPECT_LE(p[fraction].get<double>(), 1.0) << fraction;
  }
  EXPECT_GT(p["jain_index"].get<double>(), 0);
  EXPECT_LE(p["jain_index"].get<double>(), 1.0 + 1e-9);
  EXPECT_GT(p["hand_off_latency_ms"]["count"].get<int>(), 0);
  EXPECT_EQ(p["blocking_return_latency_ms"]["count"].get<int>() >= 20, true);
  ASSERT_EQ(p["threads"].size(), 4u);
  for (const Json& t : p["threads"]) {
    SCOPED_TRACE(t["name"].get<std::string>());
    double lifetime = t["lifetime_s"];
    double sum =
        t["held_s"].get<double>() + t["wanted_s"].get<double>() + t["not_needing_s"].get<double>();
    EXPECT_NEAR(sum, lifetime, 0.01 * lifetime);
    EXPECT_GE(t["acquisitions"].get<int>(), 1);
    EXPECT_LE(t["longest_wait_ms"].get<double>(), 1000 * t["wanted_s"].get<double>() + 1e-6);
  }
  // The table on stderr names every thread and the overall lines.
  for (const char* text : {"cpu-1", "cpu-2", "io", "MainThread",
                           "hand-offs:", "Jain's fairness index", "return from blocking calls"})
    EXPECT_NE(r.err.find(text), std::string::npos) << text << "\n" << r.err;
}

// Collapses a timeline row to its runs of marks: "zzzz   " -> "z ".
std::string collapsed(const std::string& bar) {
  std::string out;
  for (char c : bar)
    if (out.empty() || out.back() != c) out += c;
  return out;
}

// The bar of the timeline row whose label ends with `label`.
std::string rowOf(const std::string& timeline, const std::string& label) {
  std::istringstream in(timeline);
  std::string line;
  while (std::getline(in, line)) {
    size_t bar = line.find(" |");
    if (bar == std::string::npos || line.back() != '|') continue;
    std::string name = line.substr(0, bar);
    while (!name.empty() && name.back() == ' ')
      name.pop_back();
    if (name.size() >= label.size() &&
        name.compare(name.size() - label.size(), label.size(), label) == 0)
      return line.substr(bar + 2, line.size() - bar - 3);
  }
  return "(no row " + label + ")";
}

TEST(CliThreadsTrace, TimelineOfSleepsAndJoinsIsGolden) {
  // A forced schedule: A sleeps while main joins it, then B sleeps while main joins it.
  TempDir dir;
  dir.write("sleeps.py", R"(import threading, time
a = threading.Thread(target=time.sleep, args=(0.3,), name="A")
a.start(); a.join()
b = threading.Thread(target=time.sleep, args=(0.3,), name="B")
b.start(); b.join()
)");
  RunResult r = runGilsim(dir, {"run", "--timeline", "sleeps.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  // The golden shape of each row leaves out the moments of `*` and `.` (running, or waiting for
  // the GIL) around the start of the run and of each thread: how many cells they fill depends
  // on the machine (the import of threading; a slower start under the sanitizers). What remains
  // is forced by the sleeps and joins.
  auto shape = [](const std::string& row) {
    std::string kept;
    for (char c : row)
      if (c != '*' && c != '.') kept += c;
    return collapsed(kept.substr(std::min(kept.find_first_not_of(' '), kept.size())));
  };
  EXPECT_EQ(shape(rowOf(r.err, "MainThread")), "_") << r.err;
  EXPECT_EQ(shape(rowOf(r.err, "A")), "z ") << r.err;
  EXPECT_EQ(shape(rowOf(r.err, "B")), "z") << r.err;
  EXPECT_EQ(rowOf(r.err, "B").front(), ' ') << "B starts after A has ended\n" << r.err;
  EXPECT_NE(r.err.find("* running   . wants_gil   _ waiting   z sleeping   c cext"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("0.0 s"), std::string::npos) << r.err;
  for (std::istringstream in(r.err); !in.eof();) {
    std::string line;
    std::getline(in, line);
    EXPECT_LE(line.size(), 72u) << line;
  }
}

TEST(CliThreadsTrace, ScriptsReadTheSameMetricsThroughTheGilsimModule) {
  TempDir dir;
  dir.write("fair.py", R"(import threading, gilsim
assert not gilsim.recording()
try:
    gilsim.stats()
except RuntimeError as e:
    print("before:", e)
gilsim.start_recording()
assert gilsim.recording()

def cpu():
    x = 0
    for i in range(200000):
        x += i

ts = [threading.Thread(target=cpu, name="w%d" % i) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
s = gilsim.stats()
p = s["processes"][0]
names = sorted(t["name"] for t in p["threads"])
print("threads:", names)
print("hand-offs match:", p["hand_offs"] == gilsim.counters()["switches"])
for t in p["threads"]:
    total = t["held_s"] + t["wanted_s"] + t["not_needing_s"]
    assert abs(total - t["lifetime_s"]) <= 0.01 * t["lifetime_s"] + 1e-6, t
print("jain in range:", 0 < p["jain_index"] <= 1.0 + 1e-9)
)");
  RunResult r = runGilsim(dir, {"run", "--switch-interval", "1ms", "fair.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_NE(r.out.find("before: no GIL events recorded: call gilsim.start_recording() first"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("threads: ['MainThread', 'w0', 'w1']"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hand-offs match: True"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("jain in range: True"), std::string::npos) << r.out;
}

// A CPU-bound daemon thread and a main thread that waits: what Ctrl-C and exceptions interrupt.
constexpr const char* kBusyScript = R"(import threading, time, sys
def spin():
    while True:
        pass
threading.Thread(target=spin, daemon=True, name="spinner").start()
time.sleep(0.05)
print("ready", flush=True)
if sys.argv[1] == "raise":
    raise ValueError("boom")
time.sleep(60)
)";

// Runs busy.py MODE with --trace and --stats; checks that the run ended with status 1 and `why`
// on stderr, and that the trace and the stats were still written, whole.
void expectOutputsAfterAnInterruptedRun(const std::string& mode, const std::string& why,
                                        RunOptions options = {}) {
  TempDir dir;
  dir.write("busy.py", kBusyScript);
  RunResult r = runGilsim(dir, {"run", "--trace", "out.json", "--stats", "busy.py", mode}, options);
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_NE(r.err.find(why), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("GIL statistics"), std::string::npos) << r.err;
  Json trace = readJson(dir.file("out.json"));
  checkChromeTrace(trace);
  EXPECT_TRUE(threadNamesIn(trace).count("spinner"));
}

TEST(CliThreadsTrace, CtrlCStillWritesAValidTrace) {
  RunOptions options;
  options.interruptWhenStdoutContains = "ready";
  expectOutputsAfterAnInterruptedRun("wait", "KeyboardInterrupt", options);
}

TEST(CliThreadsTrace, AnUncaughtExceptionStillWritesAValidTrace) {
  expectOutputsAfterAnInterruptedRun("raise", "ValueError: boom");
}

TEST(CliThreadsTrace, FullBuffersSayHowManyEventsWereDropped) {
  TempDir dir;
  dir.write("mixed.py", kMixedScript);
  RunResult r = runGilsim(dir, {"run", "--switch-interval", "1ms", "--trace-buffer", "16",
                                "--trace", "out.json", "mixed.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_NE(r.err.find("events dropped (raise --trace-buffer)"), std::string::npos) << r.err;
  Json trace = readJson(dir.file("out.json"));
  checkChromeTrace(trace);
  EXPECT_GT(trace["otherData"]["dropped_events"].get<int>(), 0);
}

// concurrent.futures waits on threading's Condition and Event: the main thread blocked in
// result(), wait() and as_completed(), and the pool's idle workers, give the GIL up with reason
// `wait` (issue 10), as CPython's waits on a lock do.
constexpr const char* kFuturesScript = R"(import time
from concurrent.futures import ThreadPoolExecutor, wait, as_completed

def slow(x):
    time.sleep(0.05)
    return x

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
    print(pool.submit(slow, 1).result())
    print(len(wait([pool.submit(slow, 2)]).done))
    print([f.result() for f in as_completed([pool.submit(slow, 3)])])
)";

TEST(CliThreadsTrace, FuturesWaitsGiveTheGilUpWithReasonWait) {
  TempDir dir;
  dir.write("futures.py", kFuturesScript);
  RunResult r = runGilsim(dir, {"run", "--trace", "out.json", "futures.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "1\n1\n[3]\n");
  Json trace = readJson(dir.file("out.json"));
  std::map<std::pair<int, int>, std::string> names;
  for (const Json& e : trace["traceEvents"])
    if (e["ph"] == "M" && e["name"] == "thread_name")
      names[{e["pid"].get<int>(), e["tid"].get<int>()}] = e["args"]["name"];
  std::map<std::string, int> waitsByThread;
  for (const Json& e : trace["traceEvents"]) {
    if (e["name"] != "waiting" || e["ph"] != "X" || e["args"]["reason"] != "wait") continue;
    ++waitsByThread[names[{e["pid"].get<int>(), e["tid"].get<int>()}]];
  }
  // One wait each for result(), wait() and as_completed(), at least.
  EXPECT_GE(waitsByThread["MainThread"], 3) << trace.dump();
  EXPECT_GE(waitsByThread["pool_0"], 1) << "an idle worker waits for work";
}

TEST(CliTrace, AnUnwritableOutputIsReportedAndFailsTheRun) {
  TempDir dir;
  dir.write("ok.py", "print('hi')\n");
  RunResult r = runGilsim(dir, {"run", "--trace", "missing/out.json", "ok.py"});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "hi\n");
  EXPECT_NE(r.err.find("cannot write missing/out.json"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.file("missing")));
}

TEST(CliTrace, BadOptionsAreUsageErrors) {
  TempDir dir;
  dir.write("ok.py", "print('hi')\n");
  RunResult r = runGilsim(dir, {"run", "--trace-buffer", "3", "--stats", "ok.py"});
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_NE(r.err.find("--trace-buffer must be at least 16"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("gilsim run --help"), std::string::npos) << r.err;
  r = runGilsim(dir, {"run", "--trace"});
  EXPECT_EQ(r.status, 2) << describe(r);
}

TEST(CliTrace, RecordingIsOffUnlessAskedFor) {
  TempDir dir;
  dir.write("rec.py", "import gilsim\nprint(gilsim.recording())\n");
  EXPECT_EQ(runGilsim(dir, {"run", "rec.py"}).out, "False\n");
  RunResult r = runGilsim(dir, {"run", "--stats", "rec.py"});
  EXPECT_EQ(r.out, "True\n");
}

// Every key of the --stats-json output, nested ones too.
void collectKeys(const Json& j, std::set<std::string>& keys) {
  if (j.is_object())
    for (const auto& [key, value] : j.items()) {
      keys.insert(key);
      collectKeys(value, keys);
    }
  if (j.is_array())
    for (const Json& item : j)
      collectKeys(item, keys);
}

TEST(CliTrace, ReadmeDefinesEveryStateAndEveryMetric) {
  std::optional<std::string> readme = gilsim::testsupport::readFile(GILSIM_README);
  ASSERT_TRUE(readme);
  for (const gilsim::ThreadStateInfo& state : gilsim::threadStates())
    EXPECT_NE(readme->find("| `" + std::string(state.name) + "` |"), std::string::npos)
        << "README's table of states has no row for " << state.name;
  TempDir dir;
  dir.write("one.py",
            "import time, threading\nt = threading.Thread(target=time.sleep, args=(0.01,))\n"
            "t.start(); t.join()\n");
  RunResult r = runGilsim(dir, {"run", "--stats-json", "stats.json", "one.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  std::set<std::string> keys;
  collectKeys(readJson(dir.file("stats.json")), keys);
  // Fields of the settings block and of a latency summary are named where they are described.
  for (const std::string& key : keys)
    EXPECT_NE(readme->find("`" + key + "`"), std::string::npos)
        << "README does not define `" << key << "`";
}

TEST(CliProcessTrace, ChildProcessesMergeIntoTheParentsTrace) {
  TempDir dir;
  dir.write("procs.py", R"(import multiprocessing as mp

def cpu(n):
    x = 0
    for i in range(n):
        x += i

if __name__ == "__main__":
    ps = [mp.Process(target=cpu, args=(100000,)) for _ in range(2)]
    ps.append(mp.get_context("spawn").Process(target=cpu, args=(100000,), name="spawned"))
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])
)");
  RunResult r = runGilsim(
      dir, {"run", "--trace", "out.json", "--stats-json", "stats.json", "--timeline", "procs.py"});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "[0, 0, 0]\n");
  Json trace = readJson(dir.file("out.json"));
  checkChromeTrace(trace);
  std::set<int64_t> pids;
  std::set<std::string> processNames;
  for (const Json& e : trace["traceEvents"]) {
    pids.insert(e["pid"].get<int64_t>());
    if (e["ph"] == "M" && e["name"] == "process_name") processNames.insert(e["args"]["name"]);
  }
  EXPECT_EQ(pids.size(), 4u);
  std::string all;
  for (const std::string& n : processNames)
    all += n + "; ";
  for (const char* name : {"MainProcess", "Process-1", "Process-2", "spawned"})
    EXPECT_NE(all.find(name), std::string::npos) << name << " in " << all;
  Json stats = readJson(dir.file("stats.json"));
  EXPECT_EQ(stats["processes"].size(), 4u);
  for (const Json& p : stats["processes"])
    EXPECT_GT(p["held_fraction"].get<double>(), 0) << p["name"];
  EXPECT_NE(rowOf(r.err, "Process-1 MainThread").find('*'), std::string::npos) << r.err;
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find("gilsim-trace-"), std::string::npos)
        << "left behind: " << entry.path();
}

}  // namespace
