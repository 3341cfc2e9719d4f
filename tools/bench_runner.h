// Running a benchmark plan: for every (workload, backend, workers) point, warm-up runs and then
// measured runs of the driver script (tools/bench_driver.py) under the chosen interpreter, each in
// a child process with a time limit.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tools/bench_model.h"

namespace gilsim::bench {

// The interpreter that runs the driver: this gilsim binary (`gilsim run DRIVER ...`) or a Python.
struct Interpreter {
  std::vector<std::string> command;  // the driver's path and arguments follow
  std::vector<std::string> versionCommand;
  std::string name;  // "gilsim" or the path given to --python
};

// This binary, through /proc/self/exe.
Interpreter thisGilsim();
Interpreter python(const std::string& path);

// The first line `--version` prints, or the interpreter's name if it says nothing.
std::string interpreterVersion(const Interpreter& interpreter);

// The processors this process may run on (sched_getaffinity), at least 1.
int machineCores();

struct BenchPlan {
  std::vector<Workload> workloads;
  std::vector<Backend> backends;
  std::vector<int> workers;
  WorkSize size;
  int runs = 3;
  int warmup = 0;
  std::chrono::milliseconds runLimit = std::chrono::minutes(10);
};

// The driver's records of one run, or why they are not usable.
std::variant<RunSample, std::string> parseDriverOutput(const std::string& out, int workers);

struct BenchOutcome {
  std::vector<Measurement> measurements;  // in plan order; complete ones only
  std::string error;                      // empty when every run succeeded
  bool interrupted = false;
};

// Called before each run: the point, which run (0-based, warm-ups first), how many in all.
using ProgressFn = std::function<void(const Measurement& point, int run, int total, bool warmup)>;

// Runs the plan until the end, the first failed run, or `interrupt`.
BenchOutcome runPlan(const BenchPlan& plan, const Interpreter& interpreter,
                     const std::string& driverPath, const ProgressFn& progress,
                     const std::atomic<bool>* interrupt);

// Sets the returned flag on SIGINT and SIGTERM while it lives, so that a benchmark kills its
// child's process group and stops instead of leaving it behind.
class InterruptFlag {
 public:
  InterruptFlag();
  ~InterruptFlag();
  InterruptFlag(const InterruptFlag&) = delete;
  InterruptFlag& operator=(const InterruptFlag&) = delete;
  const std::atomic<bool>* flag() const;
};

}  // namespace gilsim::bench
