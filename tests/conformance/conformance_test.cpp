// Conformance corpus runner.
//
// Every `NNN_*.py` script in GILSIM_CONFORMANCE_DIR becomes one parameterised test. The test runs
// `GILSIM_BINARY run NNN_name.py` and then `python3 NNN_name.py`, both with the conformance folder
// as the working directory, and checks each against the expectations:
//   - the exit status equals `# expect-exit: N` (default 0),
//   - stdout equals `NNN_name.out` byte for byte,
//   - every `# expect-stderr: TEXT` line occurs in stderr (gilsim and CPython),
//   - every `# expect-gilsim-stderr: TEXT` line occurs in gilsim's stderr.
// The expectation lines live in the comment block at the top of the script (see README.md).
//
// Compile definitions: GILSIM_CONFORMANCE_DIR and GILSIM_BINARY (string literals, required);
// GILSIM_PYTHON3 (string literal, optional: the CPython to compare with; default: python3 on PATH).

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "gil/policy_table.h"
#include "support/process_runner.h"
#include "support/script_files.h"
#include "support/text_diff.h"

#ifndef GILSIM_CONFORMANCE_DIR
#error "GILSIM_CONFORMANCE_DIR must be defined as a string literal (the conformance folder)"
#endif
#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must be defined as a string literal (the gilsim executable)"
#endif

namespace {

namespace fs = std::filesystem;
namespace ts = gilsim::testsupport;

// The limit catches hangs, not slowness: sanitizer builds run scripts several times slower (the
// deep-structure scripts take 11 s under ASan on an idle machine), and CI runs two at once.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr std::chrono::seconds kWallLimit{60};
#else
constexpr std::chrono::seconds kWallLimit{20};
#endif

const fs::path& conformanceDir() {
  static const fs::path dir = fs::absolute(fs::path(GILSIM_CONFORMANCE_DIR));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Discovery

bool isScriptName(const std::string& name) {
  static const std::regex re(R"(^[0-9]{3}_.+\.py$)");
  return std::regex_match(name, re);
}

const std::vector<std::string>& allScripts() {
  static const std::vector<std::string> scripts = ts::listFiles(conformanceDir(), isScriptName);
  return scripts;
}

std::string stemOf(const std::string& name) {
  return fs::path(name).stem().string();
}

// ---------------------------------------------------------------------------------------------
// Headers

struct Expectations {
  int exitCode = 0;
  std::vector<std::string> stderrBoth;    // # expect-stderr:
  std::vector<std::string> stderrGilsim;  // # expect-gilsim-stderr:
  std::vector<std::string> problems;      // malformed header lines
};

Expectations parseHeader(const std::string& source) {
  Expectations ex;
  static const std::regex keyRe(R"(^#\s*expect-([A-Za-z-]+):\s?(.*)$)");
  for (const std::string& line : ts::headerCommentLines(source)) {
    std::smatch m;
    if (!std::regex_match(line, m, keyRe)) continue;
    const std::string key = m[1].str();
    const std::string value = m[2].str();
    if (key == "exit") {
      char* end = nullptr;
      errno = 0;
      const long v = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || errno != 0 || end == nullptr || *end != '\0' || v < 0 || v > 255) {
        ex.problems.push_back("bad expect-exit value: '" + value + "'");
      } else {
        ex.exitCode = static_cast<int>(v);
      }
    } else if (key == "stderr") {
      if (value.empty())
        ex.problems.push_back("empty expect-stderr line");
      else
        ex.stderrBoth.push_back(value);
    } else if (key == "gilsim-stderr") {
      if (value.empty())
        ex.problems.push_back("empty expect-gilsim-stderr line");
      else
        ex.stderrGilsim.push_back(value);
    } else {
      ex.problems.push_back("unknown header key 'expect-" + key + "'");
    }
  }
  return ex;
}

// ---------------------------------------------------------------------------------------------
// Running and reporting

ts::ProcessResult runScript(const std::vector<std::string>& argv) {
  ts::ProcessOptions options;
  options.workingDir = conformanceDir();
  options.extraEnvironment = ts::pythonComparisonEnvironment();
  options.wallLimit = kWallLimit;
  return ts::runProcess(argv, options);
}

std::string statusText(const ts::ProcessResult& r) {
  if (!r.started) return "not started (" + r.error + ")";
  if (r.timedOut) return "killed after the " + std::to_string(kWallLimit.count()) + " s wall limit";
  if (r.status >= 0) return "exit status " + std::to_string(r.status);
  return "killed by signal " + std::to_string(-r.status) + " (" + strsignal(-r.status) + ")";
}

std::string whoLabel(const std::string& who, const std::vector<std::string>& argv) {
  std::string cmd;
  for (const std::string& a : argv)
    cmd += (cmd.empty() ? "" : " ") + a;
  return who + " [" + cmd + "]";
}

// Checks one run against the expectations; reports every mismatch.
void checkRun(const std::string& who, const std::vector<std::string>& argv,
              const ts::ProcessResult& r, const Expectations& ex, const std::string& expectedStdout,
              bool checkGilsimOnlyLines) {
  const std::string label = whoLabel(who, argv);
  if (!r.started) {
    ADD_FAILURE() << label << ": could not start: " << r.error;
    return;
  }
  if (r.timedOut) {
    ADD_FAILURE() << label << ": " << statusText(r) << "\n  stdout so far:\n"
                  << ts::indentBlock(r.out) << "  stderr so far:\n"
                  << ts::indentBlock(r.err);
    return;
  }
  if (!r.error.empty()) ADD_FAILURE() << label << ": runner error: " << r.error;
  const bool exitOk = r.exitedNormally() && r.status == ex.exitCode;
  EXPECT_TRUE(exitOk) << label << ": expected exit status " << ex.exitCode << ", got "
                      << statusText(r) << "\n  stderr:\n"
                      << ts::indentBlock(r.err);
  if (r.outTruncated || r.errTruncated) {
    ADD_FAILURE() << label << ": output exceeded " << ts::kDefaultMaxCapture
                  << " bytes and was truncated";
  }
  EXPECT_TRUE(r.out == expectedStdout) << label << ": stdout differs from the .out file\n"
                                       << ts::lineDiff(expectedStdout, r.out, "expected (.out)");
  auto checkLines = [&](const std::vector<std::string>& lines, const char* key) {
    for (const std::string& want : lines) {
      EXPECT_TRUE(r.err.find(want) != std::string::npos)
          << label << ": stderr lacks the " << key << " text\n    " << want << "\n  stderr was:\n"
          << ts::indentBlock(r.err);
    }
  };
  checkLines(ex.stderrBoth, "expect-stderr");
  if (checkGilsimOnlyLines) checkLines(ex.stderrGilsim, "expect-gilsim-stderr");
}

std::optional<std::string> python3Path() {
#ifdef GILSIM_PYTHON3
  return ts::findOnPath(GILSIM_PYTHON3);
#else
  return ts::findPython3();
#endif
}

// ---------------------------------------------------------------------------------------------
// Tests

class ConformanceTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ConformanceTest, Script) {
  const std::string name = GetParam();
  const fs::path dir = conformanceDir();
  const fs::path script = dir / name;
  const fs::path outFile = dir / (stemOf(name) + ".out");

  const std::optional<std::string> source = ts::readFile(script);
  ASSERT_TRUE(source.has_value()) << "cannot read " << script;
  const Expectations ex = parseHeader(*source);
  for (const std::string& p : ex.problems)
    ADD_FAILURE() << name << ": header: " << p;

  const std::optional<std::string> expectedStdout = ts::readFile(outFile);
  ASSERT_TRUE(expectedStdout.has_value())
      << "missing expected-output file " << outFile << " (generate it with: cd " << dir.string()
      << " && python3 " << name << " > " << outFile.filename().string() << ")";

  // gilsim
  const std::vector<std::string> gilsimArgv = {fs::absolute(fs::path(GILSIM_BINARY)).string(),
                                               "run", name};
  const ts::ProcessResult g = runScript(gilsimArgv);
  checkRun("gilsim", gilsimArgv, g, ex, *expectedStdout, /*checkGilsimOnlyLines=*/true);

  // CPython, to keep the corpus honest.
  const std::optional<std::string> python = python3Path();
  if (!python) {
    ADD_FAILURE()
        << "python3 not found on PATH: the conformance tests compare against CPython 3.11, "
           "install python3 (CI does) or define GILSIM_PYTHON3";
    return;
  }
  const std::vector<std::string> pythonArgv = {*python, name};
  const ts::ProcessResult p = runScript(pythonArgv);
  checkRun("python3", pythonArgv, p, ex, *expectedStdout, /*checkGilsimOnlyLines=*/false);
}

std::string scriptName(const ::testing::TestParamInfo<std::string>& info) {
  return ts::testNameForScript(info.param);
}

INSTANTIATE_TEST_SUITE_P(Corpus, ConformanceTest, ::testing::ValuesIn(allScripts()), scriptName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ConformanceTest);

// The thread scripts (NNN_thr_*) again under every other GIL policy: a policy changes when threads
// switch, never what a correct program prints. CPython's run above already vouches for the .out.
using ScriptAndPolicy = std::tuple<std::string, std::string>;
class ThreadScriptUnderPolicy : public ::testing::TestWithParam<ScriptAndPolicy> {};

// Runs `name` with `options` before it (`gilsim run OPTIONS NAME`) against its .out file and
// header, as the Corpus run does; a script's "# sim-skip: POLICY why" line skips it under --sim.
void runScriptWith(const std::string& name, const std::vector<std::string>& options) {
  const fs::path dir = conformanceDir();
  const std::optional<std::string> source = ts::readFile(dir / name);
  ASSERT_TRUE(source.has_value()) << "cannot read " << dir / name;
  std::vector<std::string> argv = {fs::absolute(fs::path(GILSIM_BINARY)).string(), "run"};
  argv.insert(argv.end(), options.begin(), options.end());
  std::string label = "gilsim";
  for (const std::string& o : options)
    label += " " + o;
  const bool simulated = std::find(options.begin(), options.end(), "--sim") != options.end();
  if (simulated && !options.empty() &&
      source->find("# sim-skip: " + options.back() + " ") != std::string::npos)
    GTEST_SKIP() << name << " says why it does not run under " << label;
  const Expectations ex = parseHeader(*source);
  const std::optional<std::string> expectedStdout = ts::readFile(dir / (stemOf(name) + ".out"));
  ASSERT_TRUE(expectedStdout.has_value()) << name << " has no .out file";
  argv.push_back(name);
  checkRun(label, argv, runScript(argv), ex, *expectedStdout, /*checkGilsimOnlyLines=*/true);
}

TEST_P(ThreadScriptUnderPolicy, Script) {
  const auto& [name, policy] = GetParam();
  runScriptWith(name, {"--gil", policy});
}

std::vector<std::string> threadScripts() {
  std::vector<std::string> out;
  for (const std::string& s : allScripts())
    if (s.size() > 8 && s.compare(3, 5, "_thr_") == 0) out.push_back(s);
  return out;
}

std::vector<std::string> nonDefaultPolicies() {
  std::vector<std::string> out;
  for (const gilsim::GilPolicyInfo& info : gilsim::gilPolicies())
    if (info.name != gilsim::defaultGilPolicy().name) out.emplace_back(info.name);
  return out;
}

std::string scriptAndPolicyName(const ::testing::TestParamInfo<ScriptAndPolicy>& info) {
  std::string policy = std::get<1>(info.param);
  std::replace(policy.begin(), policy.end(), '-', '_');
  return ts::testNameForScript(std::get<0>(info.param)) + "_" + policy;
}

INSTANTIATE_TEST_SUITE_P(Policies, ThreadScriptUnderPolicy,
                         ::testing::Combine(::testing::ValuesIn(threadScripts()),
                                            ::testing::ValuesIn(nonDefaultPolicies())),
                         scriptAndPolicyName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ThreadScriptUnderPolicy);

// The thread and process scripts (NNN_thr_*, NNN_mp_*) once more under every policy on the
// simulated machine (gilsim run --sim): its fibers, virtual clock and processes in lockstep must
// print what CPython prints too. Named Sim/..., labelled sim (not threads: ThreadSanitizer does
// not follow fibers).
class ScriptOnSimulatedMachine : public ::testing::TestWithParam<ScriptAndPolicy> {};

TEST_P(ScriptOnSimulatedMachine, Script) {
  const auto& [name, policy] = GetParam();
  // A script may say why it cannot end under a policy in exact time: "# sim-skip: POLICY why".
  runScriptWith(name, {"--sim", "--gil", policy});
}

std::vector<std::string> concurrencyScripts() {
  std::vector<std::string> out;
  for (const std::string& s : allScripts())
    if (s.size() > 8 && (s.compare(3, 5, "_thr_") == 0 || s.compare(3, 4, "_mp_") == 0))
      out.push_back(s);
  return out;
}

std::vector<std::string> allPolicies() {
  std::vector<std::string> out;
  for (const gilsim::GilPolicyInfo& info : gilsim::gilPolicies())
    out.emplace_back(info.name);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Sim, ScriptOnSimulatedMachine,
                         ::testing::Combine(::testing::ValuesIn(concurrencyScripts()),
                                            ::testing::ValuesIn(allPolicies())),
                         scriptAndPolicyName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ScriptOnSimulatedMachine);

TEST(ConformanceCorpus, HasThreadScripts) {
  EXPECT_GE(threadScripts().size(), 20u) << "the NNN_thr_* scripts run under every policy";
}

TEST(ConformanceCorpus, IsNotEmpty) {
  EXPECT_FALSE(allScripts().empty()) << "no NNN_*.py scripts found in " << conformanceDir();
}

TEST(ConformanceCorpus, EveryScriptHasAnOutFile) {
  for (const std::string& name : allScripts()) {
    EXPECT_TRUE(fs::exists(conformanceDir() / (stemOf(name) + ".out")))
        << name << " has no .out file";
  }
}

TEST(ConformanceCorpus, TestNamesAreUnique) {
  std::vector<std::string> names;
  for (const std::string& s : allScripts())
    names.push_back(ts::testNameForScript(s));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end())
      << "two scripts sanitise to one test name";
}

}  // namespace
