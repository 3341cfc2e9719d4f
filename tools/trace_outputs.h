// What `gilsim run` does with a recorded trace at the end of the run: the Chrome trace file, the
// metrics as JSON, the timeline and the metrics table (on stderr, after the script's output).
// Called once, by whatever ends the run: the script's end, an uncaught exception, Ctrl-C,
// os._exit or a deadlock, so an interrupted run still leaves a valid trace of what happened.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace gilsim {
class Interpreter;
class TraceRecorder;
}  // namespace gilsim

namespace gilsim::cli {

struct TraceOutputs {
  std::string traceFile;      // --trace
  std::string statsJsonFile;  // --stats-json
  bool timeline = false;      // --timeline
  bool stats = false;         // --stats
  bool any() const { return !traceFile.empty() || !statsJsonFile.empty() || timeline || stats; }
};

// The run's settings (Interpreter::runSettings, what the script sees), the script and the exit
// status, for the exports' metadata.
nlohmann::ordered_json runSettings(Interpreter& interp, int status);

// Takes the trace out of the recorder (merging finished child processes) and writes the
// outputs asked for, files whole under a temporary name. False if a file could not be written
// (the reason is on stderr).
bool writeTraceOutputs(const TraceOutputs& outputs, TraceRecorder& recorder,
                       const nlohmann::ordered_json& settings);

}  // namespace gilsim::cli
