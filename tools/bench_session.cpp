#include "tools/bench_session.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "fmt/format.h"
#include "tools/atomic_file.h"
#include "tools/bench_driver.h"
#include "tools/cli.h"

namespace gilsim::bench {

Interpreter chooseInterpreter(const std::optional<std::string>& python) {
  return python ? bench::python(*python) : thisGilsim();
}

BenchSession::BenchSession(std::string command, Interpreter interpreter)
    : command_(std::move(command)), interpreter_(std::move(interpreter)) {}

int BenchSession::run(const BenchPlan& plan) {
  std::string error;
  std::optional<DriverFile> driver = DriverFile::create(error);
  if (!driver) {
    std::cerr << "gilsim " << command_ << ": error: " << error << "\n";
    return cli::kRunFailed;
  }
  const bool showProgress = ::isatty(STDERR_FILENO) == 1;
  ProgressFn progress;
  if (showProgress)
    progress = [](const Measurement& point, int run, int total, bool warmup) {
      std::cerr << fmt::format("\r\033[K{} {}, {} worker{}: {} {}/{}", info(point.workload).name,
                               info(point.backend).name, point.workers,
                               point.workers == 1 ? "" : "s", warmup ? "warm-up" : "run", run + 1,
                               total)
                << std::flush;
    };
  InterruptFlag interrupt;
  const bool processes = std::find(plan.backends.begin(), plan.backends.end(),
                                   Backend::Processes) != plan.backends.end();
  if (processes && !processesChecked_) {
    BenchPlan check;
    check.workloads = {Workload::Io};
    check.backends = {Backend::Processes};
    check.workers = {1};
    check.runs = 1;
    check.runLimit = plan.runLimit;
    if (int status = conclude(runPlan(check, interpreter_, driver->path(), {}, interrupt.flag()));
        status != 0)
      return status;
    processesChecked_ = true;
  }
  BenchOutcome outcome = runPlan(plan, interpreter_, driver->path(), progress, interrupt.flag());
  if (showProgress) std::cerr << "\r\033[K" << std::flush;
  for (const Measurement& m : outcome.measurements)
    measurements_.push_back(m);
  return conclude(outcome);
}

int BenchSession::conclude(const BenchOutcome& outcome) {
  if (outcome.interrupted) {
    std::cerr << "gilsim " << command_ << ": " << outcome.error << "\n";
    return cli::kInterrupted;
  }
  if (!outcome.error.empty()) {
    std::cerr << "gilsim " << command_ << ": error: " << outcome.error << "\n";
    return cli::kRunFailed;
  }
  return 0;
}

bool writeOutput(const std::string& command, const std::string& path, const std::string& bytes) {
  std::string error = cli::writeFileAtomically(path, bytes);
  if (error.empty()) return true;
  std::cerr << "gilsim " << command << ": error: " << error << "\n";
  return false;
}

}  // namespace gilsim::bench
