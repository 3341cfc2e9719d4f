// The program corpus: realistic programs written for gilsim (tests/programs/*.py), each run under
// gilsim and CPython.
//
// Every `tests/programs/*.py` (not `_*`) becomes one test that runs `GILSIM_BINARY run NAME.py`
// and `python3 NAME.py` in this folder. CPython must exit 0. A program gilsim runs must exit 0 and
// print CPython's stdout exactly (stderr holds timings by convention and is not compared).
//
// A program that needs what gilsim does not have yet is listed in kExpectedFailures with the
// first missing piece, as text gilsim's stderr must contain. Its test checks that gilsim still
// stops there: it fails when the program starts passing (remove it from the list) or stops at
// another piece (update the entry), so the list shrinks as pieces land and never goes stale.
//
// Compile definitions: GILSIM_PROGRAMS_DIR and GILSIM_BINARY (string literals, required).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/process_runner.h"
#include "support/script_files.h"
#include "support/text_diff.h"

#ifndef GILSIM_PROGRAMS_DIR
#error "GILSIM_PROGRAMS_DIR must be defined as a string literal (the programs folder)"
#endif
#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must be defined as a string literal (the gilsim executable)"
#endif

namespace {

namespace fs = std::filesystem;
namespace ts = gilsim::testsupport;

constexpr std::chrono::seconds kWallLimit{60};

struct ExpectedFailure {
  std::string_view program;
  std::string_view missingPiece;  // text of gilsim's stderr that names it
};

// What stops each program today, the first missing piece only (issue 10).
constexpr ExpectedFailure kExpectedFailures[] = {
    {"primes_sieve.py", "name 'bytearray' is not defined"},
};

const ExpectedFailure* expectedFailureOf(std::string_view program) {
  for (const ExpectedFailure& f : kExpectedFailures)
    if (f.program == program) return &f;
  return nullptr;
}

const fs::path& programsDir() {
  static const fs::path dir = fs::absolute(fs::path(GILSIM_PROGRAMS_DIR));
  return dir;
}

bool isProgramName(const std::string& name) {
  return name.size() > 3 && name.ends_with(".py") && !name.starts_with("_");
}

const std::vector<std::string>& allPrograms() {
  static const std::vector<std::string> names = ts::listFiles(programsDir(), isProgramName);
  return names;
}

std::string commandLine(const std::vector<std::string>& argv) {
  std::string cmd;
  for (const std::string& a : argv)
    cmd += (cmd.empty() ? "" : " ") + a;
  return "[" + cmd + "]";
}

ts::ProcessResult runProgram(const std::vector<std::string>& argv) {
  ts::ProcessOptions options;
  options.workingDir = programsDir();
  options.extraEnvironment = ts::pythonComparisonEnvironment();
  options.wallLimit = kWallLimit;
  return ts::runProcess(argv, options);
}

bool ranCleanly(const ts::ProcessResult& r) {
  return r.started && !r.timedOut && r.error.empty() && r.exitedNormally() && r.status == 0 &&
         !r.outTruncated;
}

class ProgramTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ProgramTest, SameStdoutAsCPython) {
  const std::string name = GetParam();
  const std::optional<std::string> python = ts::findPython3();
  ASSERT_TRUE(python.has_value()) << "python3 not found on PATH: the programs compare against "
                                     "CPython 3.11";
  const std::vector<std::string> pythonArgv = {*python, name};
  const ts::ProcessResult p = runProgram(pythonArgv);
  ASSERT_TRUE(ranCleanly(p)) << commandLine(pythonArgv) << ": CPython must run the program, got "
                             << ts::describe(p);

  const std::vector<std::string> gilsimArgv = {fs::absolute(fs::path(GILSIM_BINARY)).string(),
                                               "run", name};
  const ts::ProcessResult g = runProgram(gilsimArgv);
  ASSERT_TRUE(g.started) << commandLine(gilsimArgv) << ": could not start: " << g.error;
  ASSERT_FALSE(g.timedOut) << commandLine(gilsimArgv) << ": killed after the " << kWallLimit.count()
                           << " s wall limit\n"
                           << ts::describe(g);
  const bool same = ranCleanly(g) && g.out == p.out;

  if (const ExpectedFailure* expected = expectedFailureOf(name)) {
    EXPECT_FALSE(same) << name << " now runs as under CPython: remove it from kExpectedFailures "
                       << "in tests/programs/programs_test.cpp";
    if (!same) {
      EXPECT_NE(g.err.find(expected->missingPiece), std::string::npos)
          << name << " no longer stops at \"" << expected->missingPiece
          << "\": update its entry in kExpectedFailures\n"
          << ts::describe(g);
    }
    return;
  }
  EXPECT_TRUE(ranCleanly(g)) << commandLine(gilsimArgv) << ": expected exit status 0, got "
                             << ts::describe(g);
  EXPECT_TRUE(g.out == p.out) << name << ": gilsim's stdout differs from CPython's\n"
                              << ts::lineDiff(p.out, g.out, commandLine(pythonArgv),
                                              commandLine(gilsimArgv));
}

std::string programName(const ::testing::TestParamInfo<std::string>& info) {
  return ts::testNameForScript(info.param);
}

INSTANTIATE_TEST_SUITE_P(Programs, ProgramTest, ::testing::ValuesIn(allPrograms()), programName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ProgramTest);

TEST(ProgramsFolder, HasThirtyPrograms) {
  EXPECT_GE(allPrograms().size(), 30u) << "issue 10 asks for 30 or more programs";
}

TEST(ProgramsFolder, EveryExpectedFailureIsAProgram) {
  for (const ExpectedFailure& f : kExpectedFailures) {
    EXPECT_NE(std::find(allPrograms().begin(), allPrograms().end(), std::string(f.program)),
              allPrograms().end())
        << f.program << " is listed in kExpectedFailures but is not in " << programsDir();
  }
}

TEST(ProgramsFolder, TestNamesAreUnique) {
  std::vector<std::string> names;
  for (const std::string& s : allPrograms())
    names.push_back(ts::testNameForScript(s));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end())
      << "two programs sanitise to one test name";
}

}  // namespace
