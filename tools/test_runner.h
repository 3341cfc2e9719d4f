// Running one cell of `gilsim test`: the scenario as a child `gilsim run` with the cell's
// settings and --stats-json (and --trace when failing cells' traces are kept), under a time
// limit; its verdict from how it ended, and what the report shows of it.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tools/test_matrix.h"
#include "tools/test_scenarios.h"

namespace gilsim::cli {

enum class Verdict { Pass, Fail, Error, ExpectedFail, UnexpectedPass, Skip };

// "PASS", "FAIL", "ERROR", "XFAIL", "XPASS", "SKIP".
const char* verdictName(Verdict verdict);
// Whether the verdict makes `gilsim test` exit 1 (FAIL, ERROR and XPASS: a scenario that should
// fail under a setting and does not has lost its point).
bool isFailure(Verdict verdict);

struct RunnerOptions {
  std::string gilsim;  // the gilsim binary the cells run under
  std::chrono::milliseconds timeout{60000};
  std::string jitter;             // --jitter of --sim cells; empty: none
  std::filesystem::path workDir;  // where each run's stats and trace go
  bool recordTraces = false;      // --trace too (for --keep-traces)
  int repeat = 1;
};

struct CellOutcome {
  Verdict verdict = Verdict::Pass;
  std::string message;                    // why it failed or was skipped; empty when it passed
  std::vector<std::string> lastLines;     // the scenario's last lines of output
  double seconds = 0;                     // wall time of its runs
  nlohmann::json stats;                   // --stats-json of the (first) run; null if none
  std::map<std::string, double> metrics;  // tools/test_baseline.h; the median over the repeats
  std::string keptTrace;                  // where its trace was kept, if it was
  std::string tempTrace;                  // its last run's trace, until settleTrace
};

// The `gilsim run` arguments of a cell (without the binary and the script).
std::vector<std::string> cellRunArguments(const TestCell& cell, const std::string& jitter);

// Runs the cell `cellIndex` (unique within this `gilsim test`, names its files).
CellOutcome runCell(const Scenario& scenario, const TestCell& cell, const CellIntent& intent,
                    const RunnerOptions& options, size_t cellIndex);

// Once the verdict is final: copies the cell's trace into `keepTraces` if it failed, and removes
// the temporary one.
void settleTrace(CellOutcome& outcome, const Scenario& scenario, const TestCell& cell,
                 const std::optional<std::filesystem::path>& keepTraces);

// The last `count` non-empty lines of text.
std::vector<std::string> lastLines(const std::string& text, size_t count);

// A name for a file of the cell: "test_convoy.py-gil_cpython-seed_1" (no spaces or slashes).
std::string cellFileStem(const Scenario& scenario, const TestCell& cell);

}  // namespace gilsim::cli
