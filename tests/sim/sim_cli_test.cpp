// The simulated machine end to end (gilsim run --sim): because a simulated run is exact and
// replays byte for byte, these tests assert times, which the real backend can only benchmark
// (tests/bench/). The model is gil/sim/sim_machine.h and gil/sim/lockstep.h; README.md, "The
// simulated machine", states what each figure below should be and why.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/process_runner.h"
#include "support/temp_dir.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must name the gilsim executable"
#endif

namespace {

using gilsim::testsupport::describe;
using gilsim::testsupport::ProcessOptions;
using gilsim::testsupport::ProcessResult;
using gilsim::testsupport::TempDir;

ProcessResult runSim(TempDir& dir, const std::string& script, std::vector<std::string> options,
                     std::vector<std::string> scriptArgs = {}) {
  dir.write("script.py", script);
  std::vector<std::string> argv = {GILSIM_BINARY, "run", "--sim"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back("script.py");
  argv.insert(argv.end(), scriptArgs.begin(), scriptArgs.end());
  ProcessOptions o;
  o.workingDir = dir.path();
  o.wallLimit = std::chrono::seconds(120);
  return gilsim::testsupport::runProcess(argv, o);
}

// "KEY VALUE" lines of a script's stdout.
std::map<std::string, double> figures(const std::string& out) {
  std::map<std::string, double> result;
  std::istringstream lines(out);
  std::string key;
  double value;
  while (lines >> key >> value)
    result[key] = value;
  return result;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// CPU-bound work in N threads or N processes, each doing the same; prints the wall time.
constexpr const char* kWorkers = R"(import multiprocessing, sys, threading, time

def work():
    total = 0
    for i in range(1000000):
        total += i * i
    return total

def timed(kind, n):
    make = threading.Thread if kind == "threads" else multiprocessing.Process
    workers = [make(target=work) for _ in range(n)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start

if __name__ == "__main__":
    for kind in ("threads", "processes"):
        for n in range(1, 7):
            print(f"{kind}{n} {timed(kind, n):.6f}")
)";

TEST(CliSim, CpuThreadsSerialiseAndProcessesRunInParallelUpToTheCores) {
  TempDir dir;
  ProcessResult r = runSim(dir, kWorkers, {"--cores=4"});
  ASSERT_EQ(r.status, 0) << describe(r);
  std::map<std::string, double> t = figures(r.out);
  ASSERT_EQ(t.size(), 12u) << r.out;
  // Threads: the GIL lets one run at a time, so N threads take N times one (plus hand-offs).
  for (int n = 2; n <= 6; ++n) {
    double ratio = t["threads" + std::to_string(n)] / t["threads1"];
    EXPECT_NEAR(ratio, n, 0.03 * n) << n << " threads\n" << r.out;
  }
  // Two CPU threads: 2.00x one.
  EXPECT_NEAR(t["threads2"] / t["threads1"], 2.0, 0.02) << r.out;
  // Processes: a GIL each, flat up to the 4 virtual cores, then they share them.
  for (int n = 2; n <= 4; ++n)
    EXPECT_NEAR(t["processes" + std::to_string(n)] / t["processes1"], 1.0, 0.15)
        << n << " processes\n"
        << r.out;
  EXPECT_GT(t["processes5"] / t["processes1"], 1.15) << r.out;
  EXPECT_GT(t["processes6"], t["processes5"]) << r.out;
}

TEST(CliSim, ProcessesScaleWithTheVirtualCores) {
  constexpr const char* script = R"(import multiprocessing, os, time

def work(_):
    total = 0
    for i in range(800000):
        total += i
    return total

if __name__ == "__main__":
    start = time.perf_counter()
    with multiprocessing.Pool(4) as pool:
        pool.map(work, range(4), chunksize=1)
    print("cpu_count", os.cpu_count())
    print("seconds", time.perf_counter() - start)
)";
  std::map<int, double> seconds;
  for (int cores : {1, 2, 4}) {
    TempDir dir;
    ProcessResult r = runSim(dir, script, {"--cores=" + std::to_string(cores)});
    ASSERT_EQ(r.status, 0) << describe(r);
    std::map<std::string, double> f = figures(r.out);
    EXPECT_EQ(f["cpu_count"], cores) << r.out;
    seconds[cores] = f["seconds"];
  }
  EXPECT_NEAR(seconds[1] / seconds[2], 2.0, 0.3);
  EXPECT_NEAR(seconds[2] / seconds[4], 2.0, 0.3);
}

TEST(CliSim, ConvoyWaitIsOneIntervalPlusTheWakeLatency) {
  // An I/O thread's 0.1 ms sleeps beside a CPU-bound thread under CPython's policy: each call
  // returns after its sleep and one switch interval (the CPU thread keeps the GIL until the
  // waiter's timed wait runs out and asks it to drop), plus three wake-ups: from the sleep, from
  // the timed wait, and on the hand-off of the GIL.
  constexpr const char* script = R"(import threading, time

stop = False
def spin():
    while not stop:
        pass

t = threading.Thread(target=spin)
t.start()
waits = []
for _ in range(50):
    start = time.perf_counter()
    time.sleep(0.0001)
    waits.append(time.perf_counter() - start)
stop = True
t.join()
waits.sort()
print("p50_ms", waits[len(waits) // 2] * 1000)
)";
  for (const char* interval : {"1ms", "5ms"}) {
    TempDir dir;
    ProcessResult r = runSim(dir, script, {"--switch-interval", interval, "--wake-latency=50us"});
    ASSERT_EQ(r.status, 0) << describe(r);
    double expected = (std::string(interval) == "1ms" ? 1.0 : 5.0) + 0.1 + 3 * 0.05;
    // What is left is the loop's own few instructions.
    EXPECT_NEAR(figures(r.out)["p50_ms"], expected, 0.002) << interval << "\n" << r.out;
  }
}

// Two CPU-bound threads for 0.4 s of virtual time: how often the GIL changes hands, and how often
// it is taken at all.
constexpr const char* kTwoSpinners = R"(import gilsim, threading, time

def spin(until):
    while time.perf_counter() < until:
        pass

until = time.perf_counter() + 0.4
before = gilsim.counters()
threads = [threading.Thread(target=spin, args=(until,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
after = gilsim.counters()
print("handoffs", after["switches"] - before["switches"])
print("acquisitions", after["acquisitions"] - before["acquisitions"])
)";

TEST(CliSim, HandOffsFollowTheSwitchInterval) {
  // CPython's GIL: the waiter asks for the lock after one interval and gets it three wake-ups
  // later (its timed wait's end, the holder's drop, its own start), so the threads take turns once
  // every interval + 150 us, plus the four hand-offs of starting and ending.
  for (auto [interval, seconds] : {std::pair{"1ms", 0.001}, {"5ms", 0.005}, {"50ms", 0.05}}) {
    TempDir dir;
    ProcessResult r = runSim(dir, kTwoSpinners, {"--switch-interval", interval});
    ASSERT_EQ(r.status, 0) << describe(r);
    double expected = 0.4 / (seconds + 150e-6) + 4;
    EXPECT_NEAR(figures(r.out)["handoffs"], expected, 2) << interval << "\n" << r.out;
  }
}

TEST(CliSim, TheOldGilsBattleChurnsButEveryWaiterGetsItsTurn) {
  // The tick-based GIL of Python 2 releases every 100 ticks and takes the lock back at once,
  // before the thread it signalled has woken. The woken waiter, finding the lock retaken, claims
  // the next release (gil/policies/cpython_old_policy.cpp) and runs a wake-up after it: a
  // hand-off every two wake-ups (50 us each) and a few ticks, the holder retaking the lock over
  // and over in between. (Before the claim, the waiter never won: a run beside a hog hung.)
  TempDir dir;
  ProcessResult r = runSim(dir, kTwoSpinners, {"--gil", "cpython-old"});
  ASSERT_EQ(r.status, 0) << describe(r);
  std::map<std::string, double> f = figures(r.out);
  EXPECT_GT(f["handoffs"], 0.4 / 120e-6) << r.out;
  EXPECT_LT(f["handoffs"], 0.4 / 100e-6) << r.out;
  EXPECT_GT(f["acquisitions"] / f["handoffs"], 10) << r.out;
}

TEST(CliSim, TheOldGilLetsAThreadBackFromASleepInBesideAHog) {
  // It used to wait forever: the hog's retake always came before its wake-up.
  constexpr const char* script = R"(import threading, time
stop = [False]
def hog():
    while not stop[0]:
        pass
t = threading.Thread(target=hog)
t.start()
start = time.perf_counter()
for _ in range(10):
    time.sleep(0.001)
print("slept", round((time.perf_counter() - start) * 1000))
stop[0] = True
t.join()
)";
  TempDir dir;
  ProcessResult r = runSim(dir, script, {"--gil", "cpython-old"});
  ASSERT_EQ(r.status, 0) << describe(r);
  // Ten sleeps of 1 ms, each back in about 0.2 ms: the wake-up from the sleep, the lost race's,
  // the claimed release's, and a few ticks.
  EXPECT_EQ(r.out, "slept 12\n") << describe(r);
}

TEST(CliSim, PidsAreVirtualAndTheSameOnEveryRun) {
  constexpr const char* script = R"(import multiprocessing, os

def show(q):
    q.put((os.getpid(), os.getppid()))

if __name__ == "__main__":
    print("pid", os.getpid())
    for method in ("fork", "spawn"):
        q = multiprocessing.get_context(method).Queue()
        p = multiprocessing.get_context(method).Process(target=show, args=(q,))
        p.start()
        child, parent = q.get()
        p.join()
        print(method, child, parent, p.exitcode, child == p.pid)
)";
  TempDir dir;
  ProcessResult r = runSim(dir, script, {});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "pid 1000\nfork 1001 1000 0 True\nspawn 1002 1000 0 True\n") << describe(r);
}

// Threads, processes, locks, queues, sleeps and a trace: every byte the same on every run.
constexpr const char* kMixed = R"(import multiprocessing, threading, time

def spin(n):
    total = 0
    for i in range(n):
        total += i
    return total

def child(q):
    q.put(spin(30000))

if __name__ == "__main__":
    lock = threading.Lock()
    done = []
    def worker(k):
        for _ in range(3):
            with lock:
                done.append((k, spin(5000), round(time.perf_counter(), 9)))
            time.sleep(0.0003 * k)
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    q = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=child, args=(q,)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    for t in threads:
        t.join()
    print(done)
    print(results, round(time.perf_counter(), 9))
)";

TEST(CliSim, SameSeedSameBytesTraceIncluded) {
  std::vector<std::string> outs, traces;
  for (int run = 0; run < 2; ++run) {
    TempDir dir;
    ProcessResult r = runSim(dir, kMixed, {"--trace=trace.json", "--seed=7", "--jitter=0.2"});
    ASSERT_EQ(r.status, 0) << describe(r);
    outs.push_back(r.out);
    traces.push_back(readFile(std::filesystem::path(dir.path()) / "trace.json"));
    ASSERT_GT(traces.back().size(), 1000u);
  }
  EXPECT_EQ(outs[0], outs[1]);
  EXPECT_EQ(traces[0], traces[1]);
  // Nothing of the host leaks into it: the pids are the virtual ones.
  EXPECT_NE(traces[0].find("\"pid\":1000"), std::string::npos);
  EXPECT_NE(traces[0].find("\"pid\":1001"), std::string::npos);
}

TEST(CliSim, WithoutJitterTheSeedChangesNothingWithJitterItDoes) {
  std::map<std::string, std::string> out;
  for (const char* options :
       {"--seed=1", "--seed=2", "--seed=1 --jitter=0.3", "--seed=2 --jitter=0.3"}) {
    TempDir dir;
    std::vector<std::string> argv;
    std::istringstream words(options);
    std::string w;
    while (words >> w)
      argv.push_back(w);
    ProcessResult r = runSim(dir, kMixed, argv);
    ASSERT_EQ(r.status, 0) << describe(r);
    out[options] = r.out;
  }
  EXPECT_EQ(out["--seed=1"], out["--seed=2"]);
  EXPECT_NE(out["--seed=1 --jitter=0.3"], out["--seed=2 --jitter=0.3"]);
}

TEST(CliSim, SharedMemoryLocksAcrossProcessesNeverBlockTheMachine) {
  constexpr const char* script = R"(import multiprocessing

def add(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1

if __name__ == "__main__":
    v = multiprocessing.Value("i", 0)
    ps = [multiprocessing.Process(target=add, args=(v, 200)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(v.value, [p.exitcode for p in ps])
)";
  for (const char* cores : {"--cores=1", "--cores=3"}) {
    TempDir dir;
    ProcessResult r = runSim(dir, script, {cores});
    ASSERT_EQ(r.status, 0) << describe(r);
    EXPECT_EQ(r.out, "800 [0, 0, 0, 0]\n") << cores;
  }
}

TEST(CliSim, ADeadlockAcrossProcessesIsReportedNotHung) {
  constexpr const char* script = R"(import multiprocessing

def wait(q):
    q.get()

if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=wait, args=(q,))
    p.start()
    p.join()
)";
  TempDir dir;
  ProcessResult r = runSim(dir, script, {});
  EXPECT_EQ(r.status, 3) << describe(r);
  EXPECT_NE(r.err.find("nothing left to run"), std::string::npos) << describe(r);
}

}  // namespace

namespace {

// Sockets and select wait on real time and the simulated machine has no network: refused with
// an OSError that names --sim, never a silent wait on the host's clock.
TEST(CliSim, SocketsAndSelectAreRefused) {
  constexpr const char* script = R"(import select, selectors, socket
calls = [socket.socket, socket.socketpair, lambda: select.select([], [], [], 0),
         lambda: select.poll().poll(0), lambda: selectors.DefaultSelector().select(0)]
for call in calls:
    try:
        call()
    except OSError as exc:
        print(str(exc).split(":")[0])
socket.create_connection(("127.0.0.1", 9))
)";
  TempDir dir;
  ProcessResult r = runSim(dir, script, {});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out,
            "sockets are not supported under --sim\n"
            "sockets are not supported under --sim\n"
            "select.select() is not supported under --sim\n"
            "select.poll() is not supported under --sim\n"
            "select.poll() is not supported under --sim\n")
      << describe(r);
  EXPECT_NE(r.err.find("OSError: sockets are not supported under --sim: the simulated machine has "
                       "no network"),
            std::string::npos)
      << describe(r);
}

}  // namespace

namespace {

// A child process runs on the host's real time: subprocess refuses to start one under --sim,
// with an OSError that names --sim, as os.system does.
TEST(CliSim, SubprocessIsRefused) {
  constexpr const char* script = R"(import subprocess
try:
    subprocess.run(["true"])
except OSError as exc:
    print(exc)
subprocess.check_output("echo hi", shell=True)
)";
  TempDir dir;
  ProcessResult r = runSim(dir, script, {});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_EQ(r.out, "subprocess.Popen() is not supported under --sim (a child runs on real time)\n")
      << describe(r);
  EXPECT_NE(r.err.find("OSError: subprocess.Popen() is not supported under --sim"),
            std::string::npos)
      << describe(r);
}

}  // namespace
