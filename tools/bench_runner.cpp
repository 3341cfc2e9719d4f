#include "tools/bench_runner.h"

#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <sstream>
#include <thread>

#include "fmt/format.h"
#include "tools/child_process.h"

namespace gilsim::bench {

namespace {

// The signal handlers reach the flag through this process-wide atomic (async-signal-safe).
std::atomic<bool> gInterrupted{false};
struct sigaction gOldInt, gOldTerm;

extern "C" void onBenchSignal(int) {
  gInterrupted.store(true, std::memory_order_relaxed);
}

// The last `count` lines of `text`, each indented, for an error message.
std::string lastLines(const std::string& text, size_t count) {
  std::vector<std::string> all;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    all.push_back(line);
  std::string tail;
  for (size_t i = all.size() > count ? all.size() - count : 0; i < all.size(); ++i)
    tail += "    " + all[i] + "\n";
  return tail;
}

std::vector<std::string> driverCommand(const Interpreter& interpreter,
                                       const std::string& driverPath, const Measurement& point,
                                       const WorkSize& size) {
  std::vector<std::string> argv = interpreter.command;
  argv.push_back(driverPath);
  argv.push_back(std::string(info(point.backend).name));
  argv.push_back(std::to_string(point.workers));
  argv.push_back(std::string(info(point.workload).name));
  argv.push_back(std::to_string(point.workload == Workload::Cpu ? size.cpuIterations : 0));
  argv.push_back(fmt::format("{:g}", point.workload == Workload::Io ? size.sleepSeconds : 0.0));
  return argv;
}

}  // namespace

Interpreter thisGilsim() {
  std::string self = "/proc/self/exe";
  char buffer[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n > 0) self.assign(buffer, static_cast<size_t>(n));
  return Interpreter{{self, "run"}, {self, "--version"}, "gilsim"};
}

Interpreter python(const std::string& path) {
  return Interpreter{{path}, {path, "--version"}, path};
}

std::string interpreterVersion(const Interpreter& interpreter) {
  cli::ChildResult r = cli::runChild(interpreter.versionCommand, std::chrono::seconds(10));
  std::string text = r.out.empty() ? r.err : r.out;
  text = text.substr(0, text.find('\n'));
  if (!r.started || r.status != 0 || text.empty()) return interpreter.name;
  return text;
}

int machineCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
  return std::max(1u, std::thread::hardware_concurrency());
}

std::variant<RunSample, std::string> parseDriverOutput(const std::string& out, int workers) {
  RunSample sample;
  bool haveTotal = false;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string tag, kind;
    if (!(fields >> tag >> kind) || tag != "gilsim-bench") continue;
    if (kind == "error") {
      std::string message;
      std::getline(fields >> std::ws, message);
      return "the driver says: " + message;
    }
    if (kind == "total") {
      if (!(fields >> sample.seconds) || sample.seconds < 0)
        return "bad record from the driver: " + line;
      haveTotal = true;
    } else if (kind == "worker") {
      WorkerSpan span;
      if (!(fields >> span.index >> span.start >> span.end) || span.index < 0 ||
          span.index >= workers || span.end < span.start)
        return "bad record from the driver: " + line;
      sample.workers.push_back(span);
    }
  }
  if (!haveTotal) return "the driver printed no total time";
  std::sort(sample.workers.begin(), sample.workers.end(),
            [](const WorkerSpan& a, const WorkerSpan& b) { return a.index < b.index; });
  for (size_t i = 0; i < sample.workers.size(); ++i)
    if (sample.workers[i].index != static_cast<int>(i))
      return fmt::format("the driver reported worker {} twice", sample.workers[i].index);
  if (static_cast<int>(sample.workers.size()) != workers)
    return fmt::format("the driver reported {} of {} workers", sample.workers.size(), workers);
  return sample;
}

BenchOutcome runPlan(const BenchPlan& plan, const Interpreter& interpreter,
                     const std::string& driverPath, const ProgressFn& progress,
                     const std::atomic<bool>* interrupt) {
  BenchOutcome outcome;
  for (Workload workload : plan.workloads) {
    for (Backend backend : plan.backends) {
      for (int workers : plan.workers) {
        Measurement point;
        point.backend = backend;
        point.workload = workload;
        point.workers = workers;
        point.command = driverCommand(interpreter, driverPath, point, plan.size);
        int total = plan.warmup + plan.runs;
        for (int run = 0; run < total; ++run) {
          bool warmup = run < plan.warmup;
          if (progress) progress(point, run, total, warmup);
          cli::ChildResult r = cli::runChild(point.command, plan.runLimit, interrupt);
          std::string what = fmt::format("{} {}, {} worker{}", info(workload).name,
                                         info(backend).name, workers, workers == 1 ? "" : "s");
          if (r.interrupted) {
            outcome.interrupted = true;
            outcome.error = "interrupted during " + what;
            return outcome;
          }
          auto parsed = parseDriverOutput(r.out, workers);
          std::string problem;
          if (!r.started || r.timedOut || r.overflowed || r.status != 0) {
            problem = r.started ? fmt::format("'{}' {}", joinCommand(point.command),
                                              cli::describeEnd(r, plan.runLimit))
                                : r.error;
            if (auto* message = std::get_if<std::string>(&parsed);
                r.started && !r.timedOut && !r.overflowed &&
                message->starts_with("the driver says"))
              problem += "\n  " + *message;
          } else if (auto* message = std::get_if<std::string>(&parsed)) {
            problem = fmt::format("'{}': {}", joinCommand(point.command), *message);
          }
          if (!problem.empty()) {
            outcome.error = fmt::format("run of {} failed: {}", what, problem);
            std::string tail = lastLines(r.err, 8);
            if (!tail.empty())
              outcome.error += "\n  its stderr ended with:\n" + tail.substr(0, tail.size() - 1);
            return outcome;
          }
          if (!warmup) point.runs.push_back(std::get<RunSample>(std::move(parsed)));
        }
        outcome.measurements.push_back(std::move(point));
      }
    }
  }
  return outcome;
}

InterruptFlag::InterruptFlag() {
  gInterrupted.store(false, std::memory_order_relaxed);
  struct sigaction action {};
  action.sa_handler = onBenchSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &gOldInt);
  sigaction(SIGTERM, &action, &gOldTerm);
  // A signal the caller ignores (nohup, a background job of a script) stays ignored.
  if (gOldInt.sa_handler == SIG_IGN) sigaction(SIGINT, &gOldInt, nullptr);
  if (gOldTerm.sa_handler == SIG_IGN) sigaction(SIGTERM, &gOldTerm, nullptr);
}

InterruptFlag::~InterruptFlag() {
  sigaction(SIGINT, &gOldInt, nullptr);
  sigaction(SIGTERM, &gOldTerm, nullptr);
}

const std::atomic<bool>* InterruptFlag::flag() const {
  return &gInterrupted;
}

}  // namespace gilsim::bench
