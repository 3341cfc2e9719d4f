// The simulated machine's options (--sim, --cores, --seed, --wake-latency, --jitter), read the
// same way by `gilsim run`, `bench` and `demo`.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <variant>

#include "interp/vm/interpreter.h"
#include "tools/bench_runner.h"

namespace gilsim::cli {

boost::program_options::options_description simOptionsDescription();

// Reads them from `vm` into `simulate` and `sim`: nullopt, or the exit status of a usage error
// (already reported, naming `command`).
std::optional<int> readSimOptions(const boost::program_options::variables_map& vm,
                                  const std::string& command, bool& simulate, SimSettings& sim);

// bench and demo: the interpreter that runs the workers, this gilsim on the simulated machine
// when `simulate` (a usage error with --python, named `command`), else as chooseInterpreter.
std::variant<bench::Interpreter, int> workerInterpreter(const std::optional<std::string>& python,
                                                        bool simulate, const SimSettings& sim,
                                                        const std::string& command);

}  // namespace gilsim::cli
