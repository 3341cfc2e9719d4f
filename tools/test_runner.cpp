#include "tools/test_runner.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <system_error>

#include "tools/child_process.h"
#include "tools/test_baseline.h"

namespace gilsim::cli {

namespace fs = std::filesystem;

namespace {

// How many lines of a failing scenario's stdout the report shows.
constexpr size_t kShownLines = 5;
// `gilsim run`'s exit status for a usage error: the cell's settings were refused.
constexpr int kRunUsageError = 2;

std::optional<nlohmann::json> readJson(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded()) return std::nullopt;
  return json;
}

// The exception line of a traceback (the last line of stderr), or how the run ended.
std::string failureMessage(const ChildResult& result, std::chrono::milliseconds limit) {
  std::vector<std::string> err = lastLines(result.err, 1);
  std::string end = describeEnd(result, limit);
  if (err.empty() || result.timedOut) return end;
  return err.back() + " (" + end + ")";
}

}  // namespace

const char* verdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::Pass:
      return "PASS";
    case Verdict::Fail:
      return "FAIL";
    case Verdict::Error:
      return "ERROR";
    case Verdict::ExpectedFail:
      return "XFAIL";
    case Verdict::UnexpectedPass:
      return "XPASS";
    case Verdict::Skip:
      return "SKIP";
  }
  return "?";
}

bool isFailure(Verdict verdict) {
  return verdict == Verdict::Fail || verdict == Verdict::Error ||
         verdict == Verdict::UnexpectedPass;
}

std::vector<std::string> lastLines(const std::string& text, size_t count) {
  std::vector<std::string> lines;
  size_t end = text.size();
  while (end > 0 && lines.size() < count) {
    size_t start = text.rfind('\n', end - 1);
    size_t from = start == std::string::npos ? 0 : start + 1;
    std::string line = text.substr(from, end - from);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
    if (start == std::string::npos) break;
    end = start;
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

std::string cellFileStem(const Scenario& scenario, const TestCell& cell) {
  std::string stem = scenario.path.filename().string() + "-" + cellLabel(cell);
  for (char& c : stem)
    if (c == ' ' || c == '/' || c == '=' || c == ':') c = c == '=' ? '_' : '-';
  return stem;
}

std::vector<std::string> cellRunArguments(const TestCell& cell, const std::string& jitter) {
  std::vector<std::string> args = {"--gil", cell.gil, "--check-points", cell.checkPoints};
  if (!cell.switchInterval.empty()) {
    args.push_back("--switch-interval");
    args.push_back(cell.switchInterval);
  }
  if (cell.sim) {
    args.push_back("--sim");
    if (cell.cores) args.insert(args.end(), {"--cores", std::to_string(*cell.cores)});
    if (cell.seed) args.insert(args.end(), {"--seed", std::to_string(*cell.seed)});
    if (!jitter.empty()) args.insert(args.end(), {"--jitter", jitter});
  }
  return args;
}

CellOutcome runCell(const Scenario& scenario, const TestCell& cell, const CellIntent& intent,
                    const RunnerOptions& options, size_t cellIndex) {
  CellOutcome outcome;
  if (intent.skip) {
    outcome.verdict = Verdict::Skip;
    outcome.message = intent.why;
    return outcome;
  }
  std::vector<std::map<std::string, double>> runsMetrics;
  fs::path trace;
  bool failed = false;
  for (int run = 0; run < std::max(1, options.repeat) && !failed; ++run) {
    std::string stem = std::to_string(cellIndex) + "-" + std::to_string(run);
    fs::path statsFile = options.workDir / (stem + ".stats.json");
    std::vector<std::string> argv = {options.gilsim, "run"};
    std::vector<std::string> settings = cellRunArguments(cell, options.jitter);
    argv.insert(argv.end(), settings.begin(), settings.end());
    argv.insert(argv.end(), {"--stats-json", statsFile.string()});
    if (options.recordTraces) {
      trace = options.workDir / (stem + ".trace.json");
      argv.insert(argv.end(), {"--trace", trace.string()});
    }
    argv.push_back(scenario.path.string());
    auto started = std::chrono::steady_clock::now();
    ChildResult result = runChild(argv, options.timeout);
    outcome.seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::optional<nlohmann::json> stats = readJson(statsFile);
    std::error_code ignored;
    fs::remove(statsFile, ignored);
    if (!result.started || result.timedOut || result.status < 0 ||
        result.status == kRunUsageError) {
      outcome.verdict = Verdict::Error;
      outcome.message = result.started ? failureMessage(result, options.timeout)
                                       : "cannot start " + options.gilsim + ": " + result.error;
      failed = true;
    } else if (result.status != 0) {
      outcome.verdict = Verdict::Fail;
      outcome.message = failureMessage(result, options.timeout);
      failed = true;
    } else if (!stats) {
      outcome.verdict = Verdict::Error;
      outcome.message = "the run wrote no --stats-json";
      failed = true;
    }
    if (failed) {
      outcome.lastLines = lastLines(result.out, kShownLines);
    } else {
      if (outcome.stats.is_null()) outcome.stats = *stats;
      runsMetrics.push_back(cellMetrics(*stats));
    }
    // The last run's trace stays until the verdict is final (a baseline can still fail it).
    if (!outcome.tempTrace.empty() && outcome.tempTrace != trace.string())
      fs::remove(outcome.tempTrace, ignored);
    if (!trace.empty() && fs::exists(trace)) outcome.tempTrace = trace.string();
  }
  outcome.metrics = medianMetrics(runsMetrics);
  if (intent.expectFail) {
    if (outcome.verdict == Verdict::Fail) {
      outcome.verdict = Verdict::ExpectedFail;
      outcome.message = intent.why + ": " + outcome.message;
    } else if (outcome.verdict == Verdict::Pass) {
      outcome.verdict = Verdict::UnexpectedPass;
      outcome.message = "expected to fail (" + intent.why + ") but passed";
    }
  }
  return outcome;
}

void settleTrace(CellOutcome& outcome, const Scenario& scenario, const TestCell& cell,
                 const std::optional<fs::path>& keepTraces) {
  if (outcome.tempTrace.empty()) return;
  std::error_code error;
  if (keepTraces && isFailure(outcome.verdict)) {
    fs::path kept = *keepTraces / (cellFileStem(scenario, cell) + ".trace.json");
    fs::copy_file(outcome.tempTrace, kept, fs::copy_options::overwrite_existing, error);
    if (!error) outcome.keptTrace = kept.string();
  }
  fs::remove(outcome.tempTrace, error);
  outcome.tempTrace.clear();
}

}  // namespace gilsim::cli
