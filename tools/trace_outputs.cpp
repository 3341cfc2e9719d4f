#include "tools/trace_outputs.h"

#include <fmt/format.h>

#include <cstdio>

#include "gil/gil_policy.h"
#include "gil/trace_analysis.h"
#include "gil/trace_recorder.h"
#include "gil/trace_stats.h"
#include "gil/trace_stats_json.h"
#include "interp/vm/interpreter.h"
#include "tools/atomic_file.h"
#include "tools/timeline.h"
#include "tools/trace_chrome.h"
#include "tools/trace_stats_report.h"
#include "tools/trace_timeline.h"

namespace gilsim::cli {

nlohmann::ordered_json runSettings(Interpreter& interp, int status) {
  nlohmann::ordered_json settings = interp.runSettings();
  const std::vector<std::string>& argv = interp.config().argv;
  settings["script"] = argv.empty() ? "" : argv.front();
  settings["exit_status"] = status;
  return settings;
}

bool writeTraceOutputs(const TraceOutputs& outputs, TraceRecorder& recorder,
                       const nlohmann::ordered_json& settings) {
  TraceLog log = recorder.snapshot();
  recorder.cleanUp();
  TraceAnalysis analysis = analyzeTrace(log);
  bool ok = true;
  auto report = [](const std::string& text) {
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
  };
  auto write = [&](const std::string& path, const std::string& bytes) {
    std::string error = writeFileAtomically(path, bytes);
    if (!error.empty()) {
      report("gilsim: " + error + "\n");
      ok = false;
    }
  };
  if (log.droppedEvents() > 0)
    report(fmt::format(
        "gilsim: the trace buffers overflowed: {} events dropped (raise --trace-buffer)\n",
        log.droppedEvents()));
  TraceStats stats;
  if (outputs.stats || !outputs.statsJsonFile.empty()) stats = computeTraceStats(analysis);
  if (!outputs.traceFile.empty()) {
    nlohmann::ordered_json other = {{"tool", "gilsim"},
                                    {"settings", settings},
                                    {"events", log.eventCount()},
                                    {"dropped_events", log.droppedEvents()}};
    write(outputs.traceFile, chromeTrace(analysis, other).dump() + "\n");
  }
  if (!outputs.statsJsonFile.empty()) {
    nlohmann::ordered_json json = traceStatsToJson(stats);
    json["settings"] = settings;
    write(outputs.statsJsonFile, json.dump(2) + "\n");
  }
  if (outputs.timeline) report("\n" + renderTraceTimeline(analysis, terminalWidth()));
  if (outputs.stats) report("\n" + renderTraceStats(stats));
  return ok;
}

}  // namespace gilsim::cli
