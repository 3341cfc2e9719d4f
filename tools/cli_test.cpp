// gilsim test [OPTIONS] PATH...: fairness regression tests. Every scenario (test_*.py, *_test.py)
// runs once a cell of the matrix of settings, as a child `gilsim run`; the report has a line a
// cell, JUnit XML for CI, and a comparison against a saved baseline of the metrics.
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <mutex>
#include <set>
#include <thread>

#include "gil/machine.h"
#include "gil/policy_table.h"
#include "tools/atomic_file.h"
#include "tools/bench_runner.h"
#include "tools/cli.h"
#include "tools/duration.h"
#include "tools/test_baseline.h"
#include "tools/test_matrix.h"
#include "tools/test_report.h"
#include "tools/test_runner.h"
#include "tools/test_scenarios.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace gilsim::cli {

namespace {

constexpr const char* kCommand = "test";

po::options_description testOptions() {
  po::options_description options("Options for `gilsim test [OPTIONS] PATH...`");
  options.add_options()("help,h", "show this help")(
      "gil", po::value<std::string>()->default_value("cpython"),
      "GIL policies, a list (cpython,priority,fifo)")("switch-interval", po::value<std::string>(),
                                                      "switch intervals, a list (1ms,5ms)")(
      "check-points", po::value<std::string>()->default_value("branches"),
      "check points, a list (branches,every)")(
      "sim", "run every cell on the simulated machine (exact and repeatable)")(
      "cores", po::value<std::string>()->value_name("LIST"),
      "--sim: virtual CPUs, a list or range (2,8)")("seed",
                                                    po::value<std::string>()->value_name("LIST"),
                                                    "--sim: seeds, a list or range (1..20)")(
      "jitter", po::value<std::string>()->value_name("F"),
      "--sim: the jitter of every cell (0 to 1; without it a seed changes nothing)")(
      "repeat", po::value<int>()->default_value(1),
      "runs of every cell; a baseline compares the median (for the real backend)")(
      "jobs,j", po::value<int>(), "cells run at once (default: the machine's cores)")(
      "timeout", po::value<std::string>()->default_value("60s"),
      "wall-clock limit of one run of a cell (an ERROR past it)")(
      "junit-xml", po::value<std::string>()->value_name("FILE"), "write the report as JUnit XML")(
      "keep-traces", po::value<std::string>()->value_name("DIR"),
      "save the Perfetto trace (--trace) of every failing cell in DIR")(
      "save-baseline", po::value<std::string>()->value_name("FILE"),
      "write every passing cell's metrics to FILE")(
      "baseline", po::value<std::string>()->value_name("FILE"),
      "fail every cell whose metrics moved past the tolerance, in the bad direction, from FILE's")(
      "tolerance", po::value<std::string>()->default_value("10%"),
      "how far a metric may move in its bad direction (10%, 0.1, 0)");
  return options;
}

const char* kHelpFooter =
    "\nA scenario passes when it exits 0. Its header may narrow or extend its matrix:\n"
    "  # gilsim-test: gil=fifo,priority; interval+=1ms; xfail:gil=cpython; skip:cores=1\n"
    "Verdicts: PASS, FAIL, ERROR (timeout, crash, refused settings), XFAIL, XPASS (an\n"
    "expected failure that passed: a failure), SKIP. Exit status: 0 all passed, 1 otherwise,\n"
    "2 usage error.\n";

std::optional<std::vector<int>> readIntAxis(const po::variables_map& vm, const char* name, int low,
                                            int high, std::optional<int>& status) {
  if (!vm.count(name)) return std::vector<int>{};
  std::string text = vm[name].as<std::string>();
  std::optional<std::vector<int>> values = parseIntList(text);
  bool inRange = values && std::all_of(values->begin(), values->end(),
                                       [&](int v) { return v >= low && v <= high; });
  if (!inRange) {
    status = usageError("--" + std::string(name) + " must be a list or range of integers from " +
                            std::to_string(low) + " to " + std::to_string(high) +
                            " (1..5, 2,8), not '" + text + "'",
                        kCommand);
    return std::nullopt;
  }
  return values;
}

// The folder each run's files go to, removed at the end.
struct WorkDir {
  fs::path path;
  WorkDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/gilsim-test-XXXXXX";
    if (char* made = ::mkdtemp(pattern.data())) path = made;
  }
  ~WorkDir() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

struct Job {
  const Scenario* scenario;
  TestCell cell;
  CellIntent intent;
};

// Applies the baseline to a cell that passed: a cell it lacks, or a metric past the tolerance,
// fails it.
void checkAgainstBaseline(ReportEntry& entry, const Baseline& baseline, double tolerance) {
  if (entry.outcome.verdict != Verdict::Pass) return;
  auto found = baseline.find(baselineKey(entry.scenario, entry.label));
  if (found == baseline.end()) {
    entry.outcome.verdict = Verdict::Fail;
    entry.outcome.message = "baseline: the baseline has no such cell (save it again to add it)";
    return;
  }
  std::vector<std::string> problems =
      compareMetrics(found->second.metrics, entry.outcome.metrics, tolerance);
  if (problems.empty()) return;
  entry.outcome.verdict = Verdict::Fail;
  std::string message = "baseline: " + problems.front();
  for (size_t i = 1; i < problems.size(); ++i)
    message += "\nbaseline: " + problems[i];
  entry.outcome.message = message;
}

}  // namespace

int testCommand(const std::vector<std::string>& args) {
  po::options_description options = testOptions();
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usageError(e.what(), kCommand);
  }
  if (vm.count("help")) {
    std::cout << "usage: gilsim test [OPTIONS] PATH...\n\n" << options << kHelpFooter;
    return 0;
  }
  if (!vm.count("path")) return usageError("test: missing PATH (a scenario or a folder)", kCommand);

  TestMatrix matrix;
  matrix.sim = vm.count("sim") > 0;
  matrix.gils = splitList(vm["gil"].as<std::string>());
  if (matrix.gils.empty()) return usageError("--gil needs at least one policy", kCommand);
  for (const std::string& gil : matrix.gils) {
    // Loaded here too, so that a library that cannot be used is one usage error, not N cells.
    std::string error;
    if (!resolveGilPolicy(gil, error)) return usageError("--gil: " + error, kCommand);
  }
  if (vm.count("switch-interval")) {
    matrix.switchIntervals = splitList(vm["switch-interval"].as<std::string>());
    if (matrix.switchIntervals.empty())
      return usageError("--switch-interval needs at least one duration", kCommand);
    for (const std::string& interval : matrix.switchIntervals) {
      std::optional<int64_t> nanos = parseDuration(interval);
      if (!nanos || *nanos < 1000)
        return usageError(
            "--switch-interval must be durations of at least 1us, like 1ms,5ms, "
            "not '" +
                interval + "'",
            kCommand);
    }
  }
  matrix.checkPoints = splitList(vm["check-points"].as<std::string>());
  if (matrix.checkPoints.empty()) return usageError("--check-points needs a value", kCommand);
  for (const std::string& points : matrix.checkPoints)
    if (points != "branches" && points != "every")
      return usageError("--check-points must be 'branches' or 'every', not '" + points + "'",
                        kCommand);
  if (!matrix.sim && (vm.count("cores") || vm.count("seed") || vm.count("jitter")))
    return usageError("--cores, --seed and --jitter need --sim", kCommand);
  std::optional<int> status;
  std::optional<std::vector<int>> cores = readIntAxis(vm, "cores", 1, kMaxSimCores, status);
  if (!cores) return *status;
  matrix.cores = *cores;
  std::optional<std::vector<int>> seeds =
      readIntAxis(vm, "seed", 0, std::numeric_limits<int>::max(), status);
  if (!seeds) return *status;
  matrix.seeds = *seeds;

  RunnerOptions runner;
  runner.gilsim = bench::thisGilsim().command.front();
  if (vm.count("jitter")) {
    runner.jitter = vm["jitter"].as<std::string>();
    std::optional<double> jitter = parseTolerance(runner.jitter);
    if (!jitter || *jitter > 1 || runner.jitter.ends_with('%'))
      return usageError("--jitter must be between 0 and 1, not '" + runner.jitter + "'", kCommand);
  }
  runner.repeat = vm["repeat"].as<int>();
  if (runner.repeat < 1) return usageError("--repeat must be at least 1", kCommand);
  int jobs = vm.count("jobs") ? vm["jobs"].as<int>() : bench::machineCores();
  if (jobs < 1) return usageError("--jobs must be at least 1", kCommand);
  std::string timeoutText = vm["timeout"].as<std::string>();
  std::optional<int64_t> timeout = parseDuration(timeoutText);
  if (!timeout || *timeout < 1000000)
    return usageError("--timeout must be a duration of at least 1ms, not '" + timeoutText + "'",
                      kCommand);
  runner.timeout = std::chrono::milliseconds(*timeout / 1000000);
  std::optional<double> tolerance = parseTolerance(vm["tolerance"].as<std::string>());
  if (!tolerance)
    return usageError("--tolerance must be a percentage or a fraction (10%, 0.1), not '" +
                          vm["tolerance"].as<std::string>() + "'",
                      kCommand);
  std::optional<Baseline> baseline;
  if (vm.count("baseline")) {
    std::string file = vm["baseline"].as<std::string>();
    std::ifstream in(file);
    if (!in) return usageError("--baseline: cannot read '" + file + "'", kCommand);
    nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    std::string error = "not JSON";
    if (!json.is_discarded()) baseline = baselineFromJson(json, error);
    if (!baseline) return usageError("--baseline: " + file + ": " + error, kCommand);
  }
  std::optional<fs::path> keepTraces;
  if (vm.count("keep-traces")) {
    keepTraces = vm["keep-traces"].as<std::string>();
    std::error_code error;
    fs::create_directories(*keepTraces, error);
    if (error || !fs::is_directory(*keepTraces))
      return usageError("--keep-traces: cannot make the folder '" + keepTraces->string() + "'",
                        kCommand);
    runner.recordTraces = true;
  }

  std::vector<Scenario> scenarios;
  if (std::optional<std::string> error =
          findScenarios(vm["path"].as<std::vector<std::string>>(), scenarios))
    return usageError(*error, kCommand);
  if (scenarios.empty())
    return usageError("no scenarios (test_*.py, *_test.py) in the paths given", kCommand);

  WorkDir work;
  if (work.path.empty()) {
    std::cerr << "gilsim: error: cannot make a temporary folder\n";
    return 1;
  }
  runner.workDir = work.path;

  std::vector<Job> plan;
  for (const Scenario& scenario : scenarios)
    for (const TestCell& cell : expandMatrix(scenarioMatrix(matrix, scenario)))
      plan.push_back(Job{&scenario, cell, cellIntent(scenario, cell)});

  // Workers take cells in order; the report prints them in that order as they complete.
  std::vector<ReportEntry> entries(plan.size());
  std::vector<bool> done(plan.size(), false);
  std::mutex mutex;
  std::condition_variable finished;
  std::atomic<size_t> next{0};
  auto started = std::chrono::steady_clock::now();
  auto work_ = [&] {
    for (size_t i; (i = next.fetch_add(1)) < plan.size();) {
      const Job& job = plan[i];
      ReportEntry entry{job.scenario->name, cellLabel(job.cell),
                        runCell(*job.scenario, job.cell, job.intent, runner, i)};
      if (baseline) checkAgainstBaseline(entry, *baseline, *tolerance);
      settleTrace(entry.outcome, *job.scenario, job.cell, keepTraces);
      std::lock_guard lock(mutex);
      entries[i] = std::move(entry);
      done[i] = true;
      finished.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (int w = 0; w < std::min<int>(jobs, static_cast<int>(plan.size())); ++w)
    workers.emplace_back(work_);
  for (size_t i = 0; i < plan.size(); ++i) {
    std::unique_lock lock(mutex);
    finished.wait(lock, [&] { return done[i]; });
    std::cout << formatCell(entries[i]) << std::flush;
  }
  for (std::thread& w : workers)
    w.join();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  bool ok = true;
  for (const ReportEntry& e : entries)
    ok = ok && !isFailure(e.outcome.verdict);
  if (baseline) {
    std::set<std::string> ran;
    for (const ReportEntry& e : entries)
      ran.insert(baselineKey(e.scenario, e.label));
    size_t notRun = 0;
    for (const auto& [key, cell] : *baseline)
      notRun += !ran.count(key);
    if (notRun)
      std::cout << "note: " << notRun << " cell" << (notRun == 1 ? "" : "s")
                << " of the baseline were not run\n";
  }
  std::cout << formatSummary(entries, seconds);

  bool written = true;
  if (vm.count("junit-xml")) {
    std::string error =
        writeFileAtomically(vm["junit-xml"].as<std::string>(), junitXml(entries, seconds));
    if (!error.empty()) {
      std::cerr << "gilsim: error: " << error << "\n";
      written = false;
    }
  }
  if (vm.count("save-baseline")) {
    Baseline saved;
    for (const ReportEntry& e : entries)
      if (e.outcome.verdict == Verdict::Pass)
        saved[baselineKey(e.scenario, e.label)] = BaselineCell{e.outcome.metrics, e.outcome.stats};
    std::string error = writeFileAtomically(vm["save-baseline"].as<std::string>(),
                                            baselineToJson(saved, matrix.sim).dump(1) + "\n");
    if (!error.empty()) {
      std::cerr << "gilsim: error: " << error << "\n";
      written = false;
    }
  }
  return ok && written ? 0 : 1;
}

}  // namespace gilsim::cli
