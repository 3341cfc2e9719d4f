// What an interpreter runs with: the GIL policy and its settings, the check points, limits,
// recording and streams. The command line fills one (tools/cli_run.cpp) after resolving the
// policy's defaults from the policy table, and a child process is started with the same one:
// a forked child inherits it with the process, and multiprocessing's spawn start method passes
// it on the child's command line (runOptions), so no setting falls off on the way.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "gil/gil_policy.h"
#include "gil/machine.h"
#include "gil/policy_table.h"

namespace gilsim {

// Which instructions test the eval breaker (see interp/common/opcodes.h).
enum class CheckPointMode { Branches, Every };

// The options of `gilsim run` that start a run on the simulated machine `sim`.
std::vector<std::string> simRunOptions(const SimSettings& sim);

struct InterpreterConfig {
  CheckPointMode checkPoints = CheckPointMode::Branches;
  int recursionLimit = 1000;
  // Stops the run with an error after this many check points (0: no limit). Used by the fuzzer
  // and by tests that must not run away; any loop passes a check point every iteration.
  uint64_t checkPointBudget = 0;
  // Largest str/bytes/list/tuple the run may build, in elements (guards the fuzzer's memory).
  size_t maxSequenceLength = size_t{1} << 31;
  // The GIL policy (a name from gil/policy_table.h) and its settings, resolved: the policy's
  // defaults with what the user chose on top.
  std::string gilPolicy{defaultGilPolicy().name};
  GilSettings gil = defaultGilPolicy().defaults;
  // Whether scripts may start, signal, wait for and end processes (os.fork, os.kill, os._exit,
  // os.waitpid, the _gilsim_mp module and so multiprocessing). The fuzzer turns it off: a
  // mutated script must not fork the fuzzer, signal other processes or wait on them forever.
  bool processControl = true;
  // Record GIL events from the start (gilsim run --trace/--timeline/--stats); `traceCapacity`
  // events per thread. A script may also start recording later (gilsim.start_recording()).
  bool recordTrace = false;
  size_t traceCapacity = size_t{1} << 20;
  // The machine: the real one, or the simulated one with these settings (gilsim run --sim).
  bool simulate = false;
  SimSettings sim;
  std::vector<std::string> argv;  // sys.argv
  std::FILE* out = stdout;
  std::FILE* err = stderr;

  // The `gilsim run` options that start a child with these settings (multiprocessing's spawn).
  // Whether the child records comes with the trace folder in its environment
  // (TraceRecorder::spawnEnvironment); how much it keeps comes from --trace-buffer here.
  std::vector<std::string> runOptions() const;
};

}  // namespace gilsim
