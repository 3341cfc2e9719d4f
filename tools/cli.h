// Shared pieces of the gilsim command line.
#pragma once

#include <string>
#include <vector>

namespace gilsim::cli {

// Exit status for bad command-line usage (CPython uses 2 as well).
inline constexpr int kUsageError = 2;

// Prints `gilsim: error: MESSAGE` and the help hint to stderr; returns kUsageError.
int usageError(const std::string& message, const std::string& command = "");

int runCommand(const std::vector<std::string>& args);
int disCommand(const std::vector<std::string>& args);

}  // namespace gilsim::cli
