// End-to-end tests of `gilsim bench` and `gilsim demo`: the real binary in a child process. The
// measured runs go to python3 (--python) and, for threads, to gilsim itself; `multiprocessing` is
// not in gilsim yet, so its processes backend is accepted either way. No test asserts on a
// measured duration.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "support/process_runner.h"
#include "support/temp_dir.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must name the gilsim executable"
#endif

namespace {

namespace fs = std::filesystem;
using gilsim::testsupport::describe;
using gilsim::testsupport::ProcessOptions;
using gilsim::testsupport::ProcessResult;

constexpr auto kWallLimit = std::chrono::seconds(20);
// `demo --quick` takes about 10 s on an idle machine; CI machines are not idle.
constexpr auto kDemoWallLimit = std::chrono::seconds(120);

ProcessResult runGilsim(const std::vector<std::string>& args, ProcessOptions options = {}) {
  std::vector<std::string> argv = {GILSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  if (options.wallLimit == ProcessOptions{}.wallLimit) options.wallLimit = kWallLimit;
  options.extraEnvironment.push_back("PYTHONDONTWRITEBYTECODE=1");
  ProcessResult result = gilsim::testsupport::runProcess(argv, options);
  if (!result.started)
    ADD_FAILURE() << "could not start gilsim: " << result.error;
  else if (result.timedOut)
    ADD_FAILURE() << "gilsim did not finish in time and was killed\n" << describe(result);
  return result;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    out.push_back(line);
  return out;
}

using gilsim::testsupport::TempDir;

#define REQUIRE_PYTHON3()                                                          \
  do {                                                                             \
    if (!gilsim::testsupport::findPython3()) GTEST_SKIP() << "no python3 on PATH"; \
  } while (0)

void expectUsageError(const std::vector<std::string>& args, const std::string& command,
                      const std::string& mention) {
  SCOPED_TRACE(testing::PrintToString(args));
  ProcessResult r = runGilsim(args);
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_TRUE(contains(r.err, "gilsim: error:")) << describe(r);
  EXPECT_TRUE(contains(r.err, mention)) << describe(r);
  EXPECT_TRUE(contains(r.err, "Try 'gilsim " + command + " --help'")) << describe(r);
  EXPECT_EQ(r.out, "") << "nothing may run";
}

// ---------------------------------------------------------------------------------------------
// Usage.

TEST(BenchUsage, Help) {
  ProcessResult r = runGilsim({"bench", "--help"});
  EXPECT_EQ(r.status, 0) << describe(r);
  for (const char* option : {"--workload", "--workers", "--backend", "--runs", "--warmup",
                             "--python", "--export-json", "--export-csv", "--export-markdown",
                             "--chart", "--timeout", "--size", "--sleep", "Exit status"})
    EXPECT_TRUE(contains(r.out, option)) << option << "\n" << describe(r);
}

TEST(BenchUsage, TopLevelHelpListsBenchAndDemo) {
  ProcessResult r = runGilsim({"--help"});
  EXPECT_TRUE(contains(r.out, "  bench")) << describe(r);
  EXPECT_TRUE(contains(r.out, "  demo")) << describe(r);
}

TEST(BenchUsage, BadWorkers) {
  for (const char* workers : {"0", "abc", "3..1", "1,,2", "1..", "100000", "-1"})
    expectUsageError({"bench", "--python", "--workers", workers}, "bench", "--workers");
}

TEST(BenchUsage, BadBackendAndWorkload) {
  expectUsageError({"bench", "--backend", "fibers"}, "bench", "--backend");
  expectUsageError({"bench", "--backend", "threads,"}, "bench", "--backend");
  expectUsageError({"bench", "--workload", "gpu"}, "bench", "--workload");
}

TEST(BenchUsage, BadNumbers) {
  expectUsageError({"bench", "--runs", "0"}, "bench", "--runs");
  expectUsageError({"bench", "--runs", "many"}, "bench", "--runs");
  expectUsageError({"bench", "--warmup", "-1"}, "bench", "--warmup");
  expectUsageError({"bench", "--size", "0"}, "bench", "--size");
  expectUsageError({"bench", "--sleep", "-1"}, "bench", "--sleep");
  expectUsageError({"bench", "--sleep", "nan"}, "bench", "--sleep");
  expectUsageError({"bench", "--timeout", "0"}, "bench", "--timeout");
}

TEST(BenchUsage, UnknownOptionAndStrayArgument) {
  expectUsageError({"bench", "--no-such-option"}, "bench", "--no-such-option");
  expectUsageError({"demo", "--no-such-option"}, "demo", "--no-such-option");
  ProcessResult r = runGilsim({"bench", "stray"});
  EXPECT_EQ(r.status, 2) << describe(r);
}

TEST(DemoUsage, Help) {
  ProcessResult r = runGilsim({"demo", "--help"});
  EXPECT_EQ(r.status, 0) << describe(r);
  for (const char* option : {"--quick", "--python", "--chart"})
    EXPECT_TRUE(contains(r.out, option)) << option << "\n" << describe(r);
}

// ---------------------------------------------------------------------------------------------
// Measured runs.

TEST(BenchRun, ExportsUnderPython) {
  REQUIRE_PYTHON3();
  TempDir dir;
  std::string json = dir.file("out.json"), csv = dir.file("out.csv"), md = dir.file("out.md"),
              svg = dir.file("chart.svg");
  ProcessResult r = runGilsim({"bench", "--python", "python3", "--workload", "io", "--sleep",
                               "0.05", "--workers", "1,2", "--runs", "1", "--export-json", json,
                               "--export-csv", csv, "--export-markdown", md, "--chart", svg});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "mean ± σ")) << describe(r);
  EXPECT_TRUE(contains(r.out, "python3")) << describe(r);
  EXPECT_EQ(r.err, "") << "progress goes to stderr only when it is a terminal";

  nlohmann::json doc;
  ASSERT_NO_THROW(doc = nlohmann::json::parse(readFile(json))) << readFile(json);
  ASSERT_EQ(doc["results"].size(), 4u) << doc.dump(2);
  std::set<std::pair<std::string, int>> points;
  for (const auto& result : doc["results"]) {
    EXPECT_EQ(result["workload"], "io");
    EXPECT_TRUE(result["command"].get<std::string>().starts_with("python3 ")) << result["command"];
    EXPECT_EQ(result["times"].size(), 1u);
    EXPECT_TRUE(result["stddev"].is_null());
    for (const char* key : {"mean", "min", "max", "median", "speedup", "ideal_speedup"})
      EXPECT_TRUE(result[key].is_number()) << key;
    int workers = result["workers"].get<int>();
    ASSERT_EQ(result["worker_spans"].size(), 1u);
    EXPECT_EQ(result["worker_spans"][0].size(), static_cast<size_t>(workers));
    points.insert({result["backend"].get<std::string>(), workers});
  }
  EXPECT_EQ(points, (std::set<std::pair<std::string, int>>{
                        {"threads", 1}, {"threads", 2}, {"processes", 1}, {"processes", 2}}));

  std::vector<std::string> rows = lines(readFile(csv));
  ASSERT_EQ(rows.size(), 5u) << readFile(csv);
  EXPECT_TRUE(rows[0].starts_with("workload,backend,workers,runs,mean,stddev")) << rows[0];
  std::set<std::string> csvPoints;
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(std::count(rows[i].begin(), rows[i].end(), ','),
              std::count(rows[0].begin(), rows[0].end(), ','))
        << rows[i];
    csvPoints.insert(rows[i].substr(0, rows[i].find(',', rows[i].find(',', 3) + 1)));
  }
  EXPECT_EQ(csvPoints, (std::set<std::string>{"io,threads,1", "io,threads,2", "io,processes,1",
                                              "io,processes,2"}));

  std::string markdown = readFile(md);
  EXPECT_TRUE(contains(markdown, "| workload | backend | workers |")) << markdown;
  EXPECT_EQ(std::count(markdown.begin(), markdown.end(), '\n'), 8) << markdown;

  std::string chart = readFile(svg);
  EXPECT_TRUE(chart.starts_with("<svg ")) << chart.substr(0, 200);
  EXPECT_TRUE(chart.ends_with("</svg>\n"));
  EXPECT_TRUE(contains(chart, "data-label=\"I/O-bound threads\"")) << chart;
  EXPECT_TRUE(contains(chart, "data-label=\"I/O-bound processes\"")) << chart;
  EXPECT_TRUE(contains(chart, "data-label=\"I/O-bound threads (ideal)\"")) << chart;

  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_FALSE(entry.path().filename().string().starts_with("."))
        << "temporary file left behind: " << entry.path();
}

TEST(BenchRun, CpuWorkloadUnderPython) {
  REQUIRE_PYTHON3();
  ProcessResult r = runGilsim({"bench", "--python", "--workload", "cpu", "--size", "2000",
                               "--workers", "1..2", "--runs", "2", "--warmup", "1"});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "cpu: cpu_func, 2,000 iterations per worker")) << describe(r);
  EXPECT_TRUE(contains(r.out, "1 warm-up run")) << describe(r);
  // Two runs per point: each row has a standard deviation, so '±' shows twice (header and row).
  for (const std::string& line : lines(r.out)) {
    if (line.starts_with("cpu ")) {
      EXPECT_TRUE(contains(line, " ± ")) << line;
    }
  }
}

TEST(BenchRun, ThreadsUnderGilsim) {
  ProcessResult r = runGilsim({"bench", "--backend", "threads", "--workload", "cpu,io", "--size",
                               "2000", "--sleep", "0.01", "--workers", "1,3", "--runs", "1"});
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "interpreter: gilsim (gilsim ")) << describe(r);
  EXPECT_TRUE(contains(r.out, "cpu       threads")) << describe(r);
  EXPECT_TRUE(contains(r.out, "io        threads")) << describe(r);
}

TEST(BenchRun, ProcessesUnderGilsimWorkOrSayWhyNot) {
  // Until gilsim has multiprocessing, the driver says so and the hint names --python.
  ProcessResult r = runGilsim({"bench", "--backend", "processes", "--workload", "io", "--sleep",
                               "0", "--workers", "1", "--runs", "1"});
  if (r.status == 0) return;
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "multiprocessing")) << describe(r);
  EXPECT_TRUE(contains(r.err, "--python")) << describe(r);
}

// ---------------------------------------------------------------------------------------------
// Failing runs: exit status 4 and a clear message; nothing written.

TEST(BenchFailure, MissingInterpreter) {
  TempDir dir;
  ProcessResult r = runGilsim({"bench", "--python", dir.file("no-such-python"), "--workers", "1",
                               "--runs", "1", "--export-json", dir.file("out.json")});
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "cannot run")) << describe(r);
  EXPECT_TRUE(contains(r.err, "no-such-python")) << describe(r);
  EXPECT_FALSE(fs::exists(dir.file("out.json")));
  EXPECT_EQ(r.out, "");
}

TEST(BenchFailure, InterpreterExitsNonZero) {
  auto falseProgram = gilsim::testsupport::findOnPath("false");
  if (!falseProgram) GTEST_SKIP() << "no false on PATH";
  ProcessResult r = runGilsim({"bench", "--python", *falseProgram, "--backend", "threads",
                               "--workers", "1", "--runs", "1"});
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "exited with status 1")) << describe(r);
  EXPECT_TRUE(contains(r.err, "gilsim bench: error: run of cpu threads, 1 worker failed"))
      << describe(r);
}

TEST(BenchFailure, ProcessesAreCheckedFirst) {
  // The processes backend is tried once before any measured run, so the failure names it.
  auto falseProgram = gilsim::testsupport::findOnPath("false");
  if (!falseProgram) GTEST_SKIP() << "no false on PATH";
  ProcessResult r =
      runGilsim({"bench", "--python", *falseProgram, "--workers", "1", "--runs", "1"});
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "run of io processes, 1 worker failed")) << describe(r);
}

TEST(BenchFailure, InterpreterPrintsNoResults) {
  auto echo = gilsim::testsupport::findOnPath("echo");
  if (!echo) GTEST_SKIP() << "no echo on PATH";
  ProcessResult r = runGilsim({"bench", "--python", *echo, "--workers", "1", "--runs", "1"});
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "no total time")) << describe(r);
}

TEST(BenchFailure, InterpreterThatPrintsForeverIsKilled) {
  auto yes = gilsim::testsupport::findOnPath("yes");
  if (!yes) GTEST_SKIP() << "no yes on PATH";
  ProcessResult r = runGilsim(
      {"bench", "--python", *yes, "--backend", "threads", "--workers", "1", "--runs", "1"});
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "printed more than")) << describe(r);
}

TEST(BenchFailure, RunPastTheTimeoutIsKilled) {
  REQUIRE_PYTHON3();
  ProcessResult r =
      runGilsim({"bench", "--python", "python3", "--workload", "io", "--sleep", "60", "--workers",
                 "2", "--runs", "1", "--backend", "processes", "--timeout", "0.5"});
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "ran past the limit")) << describe(r);
}

TEST(BenchFailure, UnwritableExport) {
  REQUIRE_PYTHON3();
  TempDir dir;
  ProcessResult r = runGilsim({"bench", "--python", "--workload", "io", "--sleep", "0", "--workers",
                               "1", "--runs", "1", "--backend", "threads", "--export-csv",
                               dir.file("missing/out.csv")});
  EXPECT_EQ(r.status, 1) << describe(r);
  EXPECT_TRUE(contains(r.err, "cannot write")) << describe(r);
}

// ---------------------------------------------------------------------------------------------
// The demo.

TEST(Demo, QuickUnderPython) {
  REQUIRE_PYTHON3();
  TempDir dir;
  ProcessOptions options;
  options.workingDir = dir.path();
  options.wallLimit = kDemoWallLimit;
  options.extraEnvironment = {"COLUMNS=64"};
  ProcessResult r = runGilsim({"demo", "--quick", "--python", "python3"}, options);
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "mean ± σ")) << describe(r);
  EXPECT_TRUE(contains(r.out, "speed-up")) << describe(r);
  EXPECT_TRUE(contains(r.out, "Timelines")) << describe(r);
  EXPECT_TRUE(contains(r.out, "CPU-bound threads:")) << describe(r);
  EXPECT_TRUE(contains(r.out, "CPU-bound processes:")) << describe(r);
  EXPECT_TRUE(contains(r.out, "worker 1 |")) << describe(r);
  EXPECT_TRUE(contains(r.out, "alone    |")) << describe(r);
  EXPECT_TRUE(contains(r.out, "gilsim-demo.svg")) << describe(r);
  for (const std::string& line : lines(r.out)) {
    if (line.starts_with("worker ") || line.starts_with("alone ") ||
        line.find("+--") != std::string::npos) {
      EXPECT_LE(line.size(), 64u) << line;
    }
  }
  std::string chart = readFile(dir.file("gilsim-demo.svg"));
  EXPECT_TRUE(chart.starts_with("<svg ")) << chart.substr(0, 200);
  EXPECT_TRUE(contains(chart, "data-label=\"CPU-bound processes\"")) << chart;
  EXPECT_TRUE(contains(chart, "data-label=\"I/O-bound threads\"")) << chart;
}

TEST(Demo, ChartOption) {
  REQUIRE_PYTHON3();
  TempDir dir;
  ProcessOptions options;
  options.wallLimit = kDemoWallLimit;
  ProcessResult r =
      runGilsim({"demo", "--quick", "--python", "--chart", dir.file("mine.svg")}, options);
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(contains(r.out, "Chart written to " + dir.file("mine.svg"))) << describe(r);
  EXPECT_TRUE(fs::exists(dir.file("mine.svg")));
}

TEST(Demo, MissingInterpreter) {
  ProcessResult r = runGilsim({"demo", "--quick", "--python", "/no/such/python"});
  EXPECT_EQ(r.status, 4) << describe(r);
  EXPECT_TRUE(contains(r.err, "cannot run '/no/such/python'")) << describe(r);
}

}  // namespace
