// Shared pieces of the gilsim command line.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gilsim::cli {

// Exit status for bad command-line usage (CPython uses 2 as well).
inline constexpr int kUsageError = 2;
// Exit status of `bench` and `demo` when a measured run fails: the interpreter is missing, exits
// non-zero, prints no results or runs past its time limit.
inline constexpr int kRunFailed = 4;
// Exit status after SIGINT or SIGTERM stopped a benchmark (128 + SIGINT, as shells report it).
inline constexpr int kInterrupted = 130;

// Prints `gilsim: error: MESSAGE` and the help hint to stderr; returns kUsageError.
int usageError(const std::string& message, const std::string& command = "");

int runCommand(const std::vector<std::string>& args);
int disCommand(const std::vector<std::string>& args);
int benchCommand(const std::vector<std::string>& args);
int demoCommand(const std::vector<std::string>& args);
int testCommand(const std::vector<std::string>& args);

// Parses the options of a command without positional arguments (bench, demo) into vm. First
// `--python PATH` becomes `--python=PATH`, so that --python can also stand alone (python3):
// Program_options does not take the value of an option with an implicit value from the next
// argument. Returns the exit status of a usage error (already reported), or nullopt.
std::optional<int> parseCommandOptions(const std::vector<std::string>& args,
                                       const boost::program_options::options_description& options,
                                       const std::string& command,
                                       boost::program_options::variables_map& vm);

}  // namespace gilsim::cli
