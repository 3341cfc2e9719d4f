// Workload scripts under gilsim and CPython.
//
// Every `workloads/*.py` whose name does not start with '_' (those are helper modules), and every
// fairness scenario `workloads/fairness/test_*.py` (run under `--sim --gil priority`), becomes one
// parameterised test. It runs `GILSIM_BINARY run SCRIPT ARGS` and `python3 SCRIPT ARGS` with the
// workloads folder as the working directory: both must exit 0 and print the same stdout. Timings
// go to stderr by convention, so stderr is not compared. ARGS come from a `# test-args: ...` line
// in the script's header comment (space separated; none without such a line).
//
// Compile definitions: GILSIM_WORKLOADS_DIR and GILSIM_BINARY (string literals, required).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/process_runner.h"
#include "support/script_files.h"
#include "support/text_diff.h"

#ifndef GILSIM_WORKLOADS_DIR
#error "GILSIM_WORKLOADS_DIR must be defined as a string literal (the workloads folder)"
#endif
#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must be defined as a string literal (the gilsim executable)"
#endif

namespace {

namespace fs = std::filesystem;
namespace ts = gilsim::testsupport;

constexpr std::chrono::seconds kWallLimit{60};
constexpr std::string_view kArgsKey = "# test-args:";

const fs::path& workloadsDir() {
  static const fs::path dir = fs::absolute(fs::path(GILSIM_WORKLOADS_DIR));
  return dir;
}

// A module the workloads import (like the cext shim) says so in its header and is not run.
constexpr std::string_view kNotWorkloadKey = "# not-a-workload:";

bool isWorkloadName(const std::string& name) {
  if (name.size() <= 3 || !name.ends_with(".py") || name.starts_with("_")) return false;
  const std::optional<std::string> source = ts::readFile(workloadsDir() / name);
  if (!source) return true;  // reported by the test itself
  for (const std::string& line : ts::headerCommentLines(*source))
    if (line.starts_with(kNotWorkloadKey)) return false;
  return true;
}

// The fairness scenarios of `gilsim test` (workloads/fairness/test_*.py) are plain scripts too.
constexpr std::string_view kFairnessDir = "fairness";

bool isFairnessScenario(const std::string& name) {
  return name.starts_with("test_") && name.ends_with(".py");
}

const std::vector<std::string>& allWorkloads() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = ts::listFiles(workloadsDir(), isWorkloadName);
    for (const std::string& name : ts::listFiles(workloadsDir() / kFairnessDir, isFairnessScenario))
      all.push_back(std::string(kFairnessDir) + "/" + name);
    return all;
  }();
  return names;
}

// The arguments of the header's `# test-args:` line (the last one, if there are several).
std::vector<std::string> testArgs(const std::string& source) {
  std::vector<std::string> args;
  for (const std::string& line : ts::headerCommentLines(source)) {
    if (!line.starts_with(kArgsKey)) continue;
    args.clear();
    std::istringstream words(line.substr(kArgsKey.size()));
    for (std::string word; words >> word;)
      args.push_back(word);
  }
  return args;
}

std::string commandLine(const std::vector<std::string>& argv) {
  std::string cmd;
  for (const std::string& a : argv)
    cmd += (cmd.empty() ? "" : " ") + a;
  return cmd;
}

// Runs argv in the workloads folder; fails the test unless it exits 0 by itself.
std::optional<std::string> runToCompletion(const std::vector<std::string>& argv) {
  ts::ProcessOptions options;
  options.workingDir = workloadsDir();
  options.extraEnvironment = ts::pythonComparisonEnvironment();
  options.wallLimit = kWallLimit;
  const ts::ProcessResult r = ts::runProcess(argv, options);
  std::string label = commandLine(argv);
  label.insert(label.begin(), '[');
  label.push_back(']');
  if (!r.started) {
    ADD_FAILURE() << label << ": could not start: " << r.error;
    return std::nullopt;
  }
  if (r.timedOut) {
    ADD_FAILURE() << label << ": killed after the " << kWallLimit.count() << " s wall limit\n"
                  << ts::describe(r);
    return std::nullopt;
  }
  if (!r.error.empty() || r.status != 0 || r.outTruncated) {
    ADD_FAILURE() << label << ": expected exit status 0 and complete output, got "
                  << ts::describe(r);
    return std::nullopt;
  }
  return r.out;
}

class WorkloadTest : public ::testing::TestWithParam<std::string> {};

TEST_P(WorkloadTest, SameStdoutAsCPython) {
  const std::string name = GetParam();
  const std::optional<std::string> source = ts::readFile(workloadsDir() / name);
  ASSERT_TRUE(source.has_value()) << "cannot read " << workloadsDir() / name;
  const std::vector<std::string> args = testArgs(*source);

  std::vector<std::string> gilsimArgv = {fs::absolute(fs::path(GILSIM_BINARY)).string(), "run"};
  // A fairness scenario asserts its bound under gilsim: on the simulated machine (exact) and
  // under a policy that passes them all (the convoy fails under cpython, as it should).
  if (name.starts_with(kFairnessDir))
    gilsimArgv.insert(gilsimArgv.end(), {"--sim", "--gil", "priority"});
  gilsimArgv.push_back(name);
  gilsimArgv.insert(gilsimArgv.end(), args.begin(), args.end());
  const std::optional<std::string> gilsimOut = runToCompletion(gilsimArgv);

  const std::optional<std::string> python = ts::findPython3();
  ASSERT_TRUE(python.has_value())
      << "python3 not found on PATH: the workload tests compare against CPython";
  std::vector<std::string> pythonArgv = {*python, name};
  pythonArgv.insert(pythonArgv.end(), args.begin(), args.end());
  const std::optional<std::string> pythonOut = runToCompletion(pythonArgv);

  if (!gilsimOut || !pythonOut) return;  // already reported
  EXPECT_TRUE(*gilsimOut == *pythonOut)
      << name << ": gilsim's stdout differs from CPython's\n"
      << ts::lineDiff(*pythonOut, *gilsimOut, commandLine(pythonArgv), commandLine(gilsimArgv));
}

std::string workloadName(const ::testing::TestParamInfo<std::string>& info) {
  // fairness/test_convoy.py -> fairness_test_convoy (a name without the folder could collide).
  std::string param = info.param;
  for (char& c : param)
    if (c == '/') c = '_';
  return ts::testNameForScript(param);
}

INSTANTIATE_TEST_SUITE_P(Workloads, WorkloadTest, ::testing::ValuesIn(allWorkloads()),
                         workloadName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(WorkloadTest);

TEST(WorkloadsFolder, IsNotEmpty) {
  EXPECT_FALSE(allWorkloads().empty()) << "no workload scripts found in " << workloadsDir();
}

TEST(WorkloadsFolder, TestNamesAreUnique) {
  std::vector<std::string> names;
  for (const std::string& s : allWorkloads())
    names.push_back(ts::testNameForScript(s));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end())
      << "two workloads sanitise to one test name";
}

}  // namespace
