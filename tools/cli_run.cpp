// gilsim run [OPTIONS] FILE [ARGS...]
#include <unistd.h>

#include <boost/program_options.hpp>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <memory>
#include <new>

#include "gil/gil_policy.h"
#include "gil/library_policy.h"
#include "gil/policy_table.h"
#include "gil/switch_interval.h"
#include "gil/trace_events.h"
#include "interp/modules/standard_modules.h"
#include "interp/vm/interpreter.h"
#include "tools/cli.h"
#include "tools/duration.h"
#include "tools/sim_options.h"
#include "tools/trace_outputs.h"

namespace po = boost::program_options;

namespace gilsim::cli {

namespace {

// The signal handler can only reach the running interpreter through a process-wide pointer; it
// only sets an atomic bit on the main thread's eval breaker (async-signal-safe).
EvalBreaker* gInterruptTarget = nullptr;

extern "C" void onInterrupt(int) {
  if (gInterruptTarget) gInterruptTarget->set(kSignalRequest);
}

std::string gilPolicyHelp() {
  std::string help = "the GIL policy:";
  for (const GilPolicyInfo& policy : gilPolicies())
    help += "\n  " + std::string(policy.name) + ": " + std::string(policy.description);
  help += "\n  PATH.so (a path, with a '/'): a policy library (include/gilsim/policy.h)";
  return help;
}

// Whether one thread's trace buffer of `events` can be had: each thread's is allocated (and left
// untouched) as it starts, so a size no allocation can give is refused here, as a usage error,
// instead of ending every thread's trace as dropped (issue 15).
bool traceBufferFits(int64_t events) {
  if (static_cast<uint64_t>(events) > SIZE_MAX / sizeof(TraceEvent)) return false;
  // More than the machine's memory is refused without asking (AddressSanitizer's allocator aborts
  // on such a request instead of failing it).
  long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && pageSize > 0 &&
      static_cast<uint64_t>(events) >
          static_cast<uint64_t>(pages) * static_cast<uint64_t>(pageSize) / sizeof(TraceEvent))
    return false;
  std::unique_ptr<TraceEvent[]> probe(new (std::nothrow) TraceEvent[static_cast<size_t>(events)]);
  return probe != nullptr;
}

po::options_description runOptions() {
  po::options_description options("Options for `gilsim run [OPTIONS] FILE [ARGS...]`");
  options.add_options()("help,h", "show this help")(
      "gil", po::value<std::string>()->default_value(std::string(defaultGilPolicy().name)),
      gilPolicyHelp().c_str())(
      "switch-interval", po::value<std::string>(),
      "how long a waiter lets the holder run before asking it to drop the GIL, with a unit "
      "(5ms, 500us, 0.005s; a bare number is seconds), kept in whole microseconds as "
      "sys.setswitchinterval keeps it; the policy's default if unset")(
      "check-interval", po::value<int>(),
      "cpython-old: check points between releases of the GIL (default 100; "
      "sys.setcheckinterval)")(
      "check-points", po::value<std::string>()->default_value("branches"),
      "where the eval loop tests its breaker: 'branches' (backward jumps, calls, function "
      "entry; CPython 3.10+) or 'every' instruction (before 3.10)")(
      "recursion-limit", po::value<int>()->default_value(1000),
      "depth at which RecursionError is raised (sys.setrecursionlimit)")(
      "check-point-budget", po::value<int64_t>()->default_value(0),
      "stop the run after this many check points (0: unlimited)");
  options.add(simOptionsDescription());
  po::options_description trace("Seeing the GIL (each turns on recording; text goes to stderr)");
  trace.add_options()("trace", po::value<std::string>()->value_name("FILE"),
                      "write the GIL event trace as Chrome Trace JSON (open it in ui.perfetto.dev "
                      "or chrome://tracing)")(
      "timeline", "print a timeline of every thread's GIL state at the end")(
      "stats", "print GIL fairness metrics at the end")(
      "stats-json", po::value<std::string>()->value_name("FILE"), "write the same metrics as JSON")(
      "trace-buffer", po::value<int64_t>()->default_value(int64_t{1} << 20),
      "events kept per thread; beyond it events are counted as dropped");
  options.add(trace);
  return options;
}

}  // namespace

int runCommand(const std::vector<std::string>& args) {
  po::options_description options = runOptions();
  // Options come before FILE; everything after FILE belongs to the script. Whether an option
  // takes a value comes from its declaration (an unknown one is reported by the parser).
  size_t fileIndex = 0;
  while (fileIndex < args.size() && args[fileIndex].size() > 1 && args[fileIndex][0] == '-') {
    const std::string& a = args[fileIndex];
    if (a == "--mp-spawn") break;
    std::string name = a.substr(a.find_first_not_of('-'));
    const po::option_description* known = a.size() == 2
                                              ? options.find_nothrow(name, false, false, true)
                                              : options.find_nothrow(name, false);
    bool isFlag = known && known->semantic()->max_tokens() == 0;
    bool takesValue = a.find('=') == std::string::npos && !isFlag;
    fileIndex += takesValue ? 2 : 1;
  }
  std::vector<std::string> optionArgs(args.begin(),
                                      args.begin() + std::min(fileIndex, args.size()));
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(optionArgs).options(options).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usageError(e.what(), "run");
  }
  if (vm.count("help")) {
    std::cout << "usage: gilsim run [OPTIONS] FILE [ARGS...]\n\n" << options;
    return 0;
  }
  if (fileIndex >= args.size()) return usageError("run: missing FILE", "run");
  // Hidden (not in --help): multiprocessing's spawn start method runs `gilsim run [OPTIONS]
  // --mp-spawn FD FILE` to start a child that imports FILE and reads its Process from FD.
  int spawnFd = -1;
  if (args[fileIndex] == "--mp-spawn") {
    if (fileIndex + 2 >= args.size()) return usageError("run: --mp-spawn needs FD and FILE", "run");
    try {
      spawnFd = std::stoi(args[fileIndex + 1]);
    } catch (const std::exception&) {
      spawnFd = -1;
    }
    if (spawnFd < 0) return usageError("run: --mp-spawn needs a descriptor number", "run");
    fileIndex += 2;
  }
  InterpreterConfig config;
  std::string checkPoints = vm["check-points"].as<std::string>();
  if (checkPoints == "branches")
    config.checkPoints = CheckPointMode::Branches;
  else if (checkPoints == "every")
    config.checkPoints = CheckPointMode::Every;
  else
    return usageError("--check-points must be 'branches' or 'every', not '" + checkPoints + "'",
                      "run");
  config.recursionLimit = vm["recursion-limit"].as<int>();
  if (config.recursionLimit < 1) return usageError("--recursion-limit must be at least 1", "run");
  int64_t budget = vm["check-point-budget"].as<int64_t>();
  if (budget < 0) return usageError("--check-point-budget must not be negative", "run");
  config.checkPointBudget = static_cast<uint64_t>(budget);
  // The policy and its settings are resolved here, once: the table's defaults, then the options.
  std::string policyName = vm["gil"].as<std::string>();
  std::string policyError;
  const GilPolicyInfo* policy = resolveGilPolicy(policyName, policyError);
  if (!policy) {
    if (!isGilPolicyPath(policyName)) policyError += " (see gilsim run --help)";
    return usageError(policyError, "run");
  }
  config.gilPolicy = policy->name;
  config.gil = policy->defaults;
  if (vm.count("switch-interval")) {
    std::string text = vm["switch-interval"].as<std::string>();
    std::optional<int64_t> nanos = parseDuration(text);
    std::optional<Nanos> interval;
    if (nanos) interval = switchIntervalFromSeconds(static_cast<double>(*nanos) / 1e9);
    if (!interval)
      return usageError(
          "--switch-interval must be a positive duration, like 5ms, not '" + text + "'", "run");
    config.gil.switchInterval = *interval;
  }
  if (vm.count("check-interval")) {
    config.gil.checkInterval = vm["check-interval"].as<int>();
    if (config.gil.checkInterval < 1)
      return usageError("--check-interval must be at least 1", "run");
  }
  if (std::optional<int> status = readSimOptions(vm, "run", config.simulate, config.sim))
    return *status;
  TraceOutputs outputs;
  if (vm.count("trace")) outputs.traceFile = vm["trace"].as<std::string>();
  if (vm.count("stats-json")) outputs.statsJsonFile = vm["stats-json"].as<std::string>();
  outputs.timeline = vm.count("timeline") > 0;
  outputs.stats = vm.count("stats") > 0;
  int64_t traceBuffer = vm["trace-buffer"].as<int64_t>();
  if (traceBuffer < 16) return usageError("--trace-buffer must be at least 16 events", "run");
  if (outputs.any() && !traceBufferFits(traceBuffer))
    return usageError("--trace-buffer " + std::to_string(traceBuffer) +
                          " is more memory than this machine can give (" +
                          std::to_string(sizeof(TraceEvent)) + " bytes an event, per thread)",
                      "run");
  config.recordTrace = outputs.any() && spawnFd < 0;
  config.traceCapacity = static_cast<size_t>(traceBuffer);
  config.argv.assign(args.begin() + static_cast<long>(fileIndex), args.end());
  Interpreter interp(config, standardModules());
  bool outputsWritten = true;
  if (config.recordTrace)
    interp.endOfRunHook = [&](int status) {
      outputsWritten = writeTraceOutputs(outputs, interp.recorder(), runSettings(interp, status));
    };
  gInterruptTarget = &interp.interruptTarget();
  // No SA_RESTART: a blocking call returns EINTR and turns the interrupt into KeyboardInterrupt.
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  int status = spawnFd >= 0 ? interp.runSpawnedChild(args[fileIndex], spawnFd)
                            : interp.runFile(args[fileIndex]);
  signal(SIGINT, SIG_DFL);
  gInterruptTarget = nullptr;
  // A run that went well but could not write what was asked of it did not go well.
  if (status == kExitOk && !outputsWritten) return kExitException;
  return status;
}

}  // namespace gilsim::cli
