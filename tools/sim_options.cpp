#include "tools/sim_options.h"

#include "tools/bench_session.h"
#include "tools/cli.h"
#include "tools/duration.h"

namespace po = boost::program_options;

namespace gilsim::cli {

po::options_description simOptionsDescription() {
  po::options_description sim("The simulated machine (deterministic: virtual time, virtual cores)");
  sim.add_options()("sim", "run on the simulated machine instead of the real one")(
      "cores", po::value<int>()->value_name("N"),
      "virtual CPUs of the simulated machine (default 4, at most 256)")(
      "seed", po::value<uint64_t>()->value_name("S"),
      "seed of the simulated machine's jitter (default 0; without --jitter it changes nothing)")(
      "wake-latency", po::value<std::string>()->value_name("D"),
      "from being woken to running again on the simulated machine (default 50us)")(
      "jitter", po::value<double>()->value_name("F"),
      "vary each time slice and latency by up to ±F (0 to 1, default 0), seeded by --seed");
  return sim;
}

std::optional<int> readSimOptions(const po::variables_map& vm, const std::string& command,
                                  bool& simulate, SimSettings& sim) {
  bool simOption =
      vm.count("cores") || vm.count("seed") || vm.count("wake-latency") || vm.count("jitter");
  simulate = vm.count("sim") > 0;
  if (simOption && !simulate)
    return usageError("--cores, --seed, --wake-latency and --jitter need --sim", command);
  if (vm.count("cores")) {
    sim.cores = vm["cores"].as<int>();
    if (sim.cores < 1 || sim.cores > kMaxSimCores)
      return usageError("--cores must be between 1 and " + std::to_string(kMaxSimCores), command);
  }
  if (vm.count("seed")) sim.seed = vm["seed"].as<uint64_t>();
  if (vm.count("wake-latency")) {
    std::string text = vm["wake-latency"].as<std::string>();
    std::optional<int64_t> latency = parseDuration(text);
    if (!latency)
      return usageError("--wake-latency must be a duration, like 50us, not '" + text + "'",
                        command);
    sim.wakeLatency = *latency;
  }
  if (vm.count("jitter")) {
    sim.jitter = vm["jitter"].as<double>();
    if (!(sim.jitter >= 0 && sim.jitter <= 1))
      return usageError("--jitter must be between 0 and 1", command);
  }
  return std::nullopt;
}

std::variant<bench::Interpreter, int> workerInterpreter(const std::optional<std::string>& python,
                                                        bool simulate, const SimSettings& sim,
                                                        const std::string& command) {
  if (!simulate) return bench::chooseInterpreter(python);
  if (python)
    return usageError("--sim runs the workers on gilsim: it cannot go with --python", command);
  bench::Interpreter gilsim = bench::thisGilsim();
  std::vector<std::string> options = simRunOptions(sim);
  gilsim.command.insert(gilsim.command.end(), options.begin(), options.end());
  gilsim.name = "gilsim --sim";
  return gilsim;
}

}  // namespace gilsim::cli
