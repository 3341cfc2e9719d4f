// gilsim: a testbed that makes Python's global interpreter lock visible and measurable.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "interp/common/version.h"
#include "tools/cli.h"

namespace gilsim::cli {

int usageError(const std::string& message, const std::string& command) {
  std::cerr << "gilsim: error: " << message << "\n"
            << "Try 'gilsim " << (command.empty() ? "" : command + " ")
            << "--help' for more information.\n";
  return kUsageError;
}

namespace {

const char* kUsage =
    "usage: gilsim COMMAND [OPTIONS] ...\n"
    "\n"
    "A bytecode VM for a Python 3 subset with a global interpreter lock.\n"
    "\n"
    "Commands:\n"
    "  run FILE [ARGS...]   run a script (`gilsim run --help` for options)\n"
    "  dis FILE             print the bytecode of a script\n"
    "  bench                time a workload with 1..N threads and processes\n"
    "  demo                 the classic threads-vs-processes experiment (about a minute)\n"
    "  test PATH...         run fairness scenarios over a matrix of policies and settings\n"
    "\n"
    "Options:\n"
    "  -h, --help           show this help\n"
    "  --version            show the version\n"
    "\n"
    "Exit status: 0 ok, 1 uncaught exception or syntax error, 2 usage error,\n"
    "3 deadlock (every thread blocked forever), 4 a benchmark run failed\n"
    "(test: 1 when a cell failed),\n"
    "120 stdout could not be written at exit (a closed pipe, a full disk; as CPython).\n";

}  // namespace
}  // namespace gilsim::cli

namespace {

int runCommandLine(const std::vector<std::string>& args) {
  using namespace gilsim::cli;
  if (args.empty()) {
    std::cerr << kUsage;
    return kUsageError;
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version" || command == "-V") {
    std::cout << "gilsim " << gilsim::kGilsimVersion << "\n";
    return 0;
  }
  if (command == "run") return runCommand(rest);
  if (command == "dis") return disCommand(rest);
  if (command == "bench") return benchCommand(rest);
  if (command == "demo") return demoCommand(rest);
  if (command == "test") return testCommand(rest);
  return usageError("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) {
  // As CPython: a closed pipe is an EPIPE error (BrokenPipeError in a script), not a kill.
  std::signal(SIGPIPE, SIG_IGN);
  int status;
  try {
    status = runCommandLine(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::bad_alloc&) {
    // A script's MemoryError is the interpreter's; this is memory running out around it.
    std::fputs("gilsim: error: out of memory\n", stderr);
    return 1;
  }
  // What the commands wrote through iostreams (help, dis, bench tables) must have gone out.
  errno = 0;
  std::cout.flush();
  // iostreams write through to stdio here: its flush is the one that meets a full disk.
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    int error = errno ? errno : EIO;
    std::cerr << "gilsim: error: cannot write the output: " << std::strerror(error) << "\n";
    return status == 0 ? 1 : status;
  }
  return status;
}
