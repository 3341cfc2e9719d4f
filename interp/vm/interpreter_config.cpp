#include "interp/vm/interpreter_config.h"

#include <fmt/format.h>

namespace gilsim {

std::vector<std::string> simRunOptions(const SimSettings& sim) {
  return {"--sim", "--cores=" + std::to_string(sim.cores), "--seed=" + std::to_string(sim.seed),
          "--wake-latency=" + std::to_string(sim.wakeLatency) + "ns",
          "--jitter=" + fmt::format("{}", sim.jitter)};
}

std::vector<std::string> InterpreterConfig::runOptions() const {
  // Each setting as `gilsim run` spells it (tools/cli_run.cpp); the interval is whole
  // microseconds already (gil/switch_interval.h), so "Nus" carries it exactly.
  std::vector<std::string> options = {
      "--gil=" + gilPolicy,
      "--switch-interval=" + std::to_string(gil.switchInterval / kNanosPerMicro) + "us",
      "--check-interval=" + std::to_string(gil.checkInterval),
      std::string("--check-points=") +
          (checkPoints == CheckPointMode::Every ? "every" : "branches"),
      "--recursion-limit=" + std::to_string(recursionLimit),
      "--trace-buffer=" + std::to_string(traceCapacity),
  };
  if (simulate) {
    std::vector<std::string> simOptions = simRunOptions(sim);
    options.insert(options.end(), simOptions.begin(), simOptions.end());
  }
  if (checkPointBudget > 0)
    options.push_back("--check-point-budget=" + std::to_string(checkPointBudget));
  return options;
}

}  // namespace gilsim
