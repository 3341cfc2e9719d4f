// What `gilsim bench` and `gilsim demo` share around running a plan: the driver file, the
// interrupt flag, progress on stderr when it is a terminal, the interpreter chosen by --python,
// and the error report of a failed run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tools/bench_report.h"
#include "tools/bench_runner.h"

namespace gilsim::bench {

// The interpreter: this gilsim, or `python` when --python was given.
Interpreter chooseInterpreter(const std::optional<std::string>& python);

class BenchSession {
 public:
  // `command` names the subcommand in messages ("bench").
  BenchSession(std::string command, Interpreter interpreter);

  // Runs `plan`, adding its measurements to measurements(). Returns 0, or after printing the
  // error: cli::kRunFailed or cli::kInterrupted. A plan with the processes backend starts with
  // one cheap process run (once a session), so that an interpreter without multiprocessing fails
  // at once rather than after every thread run.
  int run(const BenchPlan& plan);

  const Interpreter& interpreter() const { return interpreter_; }
  const std::vector<Measurement>& measurements() const { return measurements_; }

 private:
  // Prints what went wrong, if anything; the exit status.
  int conclude(const BenchOutcome& outcome);

  std::string command_;
  Interpreter interpreter_;
  bool processesChecked_ = false;
  std::vector<Measurement> measurements_;
};

// Writes `bytes` to `path` whole; prints the error and returns false if it cannot.
bool writeOutput(const std::string& command, const std::string& path, const std::string& bytes);

}  // namespace gilsim::bench
