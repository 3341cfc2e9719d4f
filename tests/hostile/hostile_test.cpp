// The hostile-input suite (issue 15): every `NN_name.py` in GILSIM_HOSTILE_DIR is one test. Each
// is run under gilsim as its header says, with a wall limit, and must end as the header says:
// never by a signal, never at the time limit. Header lines (the comment block at the top):
//   # hostile-exit: N             the exit status (default 0)
//   # hostile-stderr: TEXT        stderr contains TEXT (any number of lines)
//   # hostile-no-stderr: TEXT     stderr does not contain TEXT
//   # hostile-stdout: TEXT        stdout contains TEXT
//   # hostile-args: A B ...       gilsim run options, before the script
//   # hostile-output: pipe-closed | dev-full
//                                 stdout to a pipe whose reader exits after one byte, or to
//                                 /dev/full (default: captured)
//   # hostile-memory-kb: N        address-space limit (ulimit -v); skipped under ASan, whose
//                                 shadow memory needs more
//   # hostile-generate            the file is a python3 program that prints the script to run
//   # hostile-interrupt-on: TEXT  SIGINT to gilsim once stdout contains TEXT
//   # hostile-skip: REASON        known to fail until REASON (another branch) lands
//   # hostile-asan-skip: REASON   not under ASan, for REASON (its frames are larger, say)
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "support/process_runner.h"
#include "support/script_files.h"
#include "support/temp_dir.h"

#ifndef GILSIM_HOSTILE_DIR
#error "GILSIM_HOSTILE_DIR must be defined as a string literal (the hostile folder)"
#endif
#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must be defined as a string literal (the gilsim executable)"
#endif

#if defined(__SANITIZE_ADDRESS__)
#define GILSIM_HOSTILE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GILSIM_HOSTILE_ASAN 1
#endif
#endif

namespace {

namespace fs = std::filesystem;
namespace ts = gilsim::testsupport;

// Generous for a slow sanitizer build; a hang is what it catches, not slowness.
constexpr std::chrono::seconds kWallLimit{60};

const fs::path& hostileDir() {
  static const fs::path dir = fs::absolute(fs::path(GILSIM_HOSTILE_DIR));
  return dir;
}

const std::vector<std::string>& allCases() {
  static const std::vector<std::string> cases =
      ts::listFiles(hostileDir(), [](const std::string& n) {
        static const std::regex re(R"(^[0-9]{2}_.+\.py$)");
        return std::regex_match(n, re);
      });
  return cases;
}

struct Case {
  int exit = 0;
  std::vector<std::string> stderrHas, stderrLacks, stdoutHas;
  std::string args, output, interruptOn, skip, asanSkip;
  long memoryKb = 0;
  bool generate = false;
  std::vector<std::string> problems;
};

Case parseCase(const std::string& source) {
  Case c;
  static const std::regex keyRe(R"(^#\s*hostile-([a-z-]+):?\s?(.*)$)");
  for (const std::string& line : ts::headerCommentLines(source)) {
    std::smatch m;
    if (!std::regex_match(line, m, keyRe)) continue;
    const std::string key = m[1].str(), value = m[2].str();
    if (key == "exit")
      c.exit = std::atoi(value.c_str());
    else if (key == "stderr")
      c.stderrHas.push_back(value);
    else if (key == "no-stderr")
      c.stderrLacks.push_back(value);
    else if (key == "stdout")
      c.stdoutHas.push_back(value);
    else if (key == "args")
      c.args = value;
    else if (key == "output")
      c.output = value;
    else if (key == "memory-kb")
      c.memoryKb = std::atol(value.c_str());
    else if (key == "generate")
      c.generate = true;
    else if (key == "interrupt-on")
      c.interruptOn = value;
    else if (key == "skip")
      c.skip = value;
    else if (key == "asan-skip")
      c.asanSkip = value;
    else
      c.problems.push_back("unknown header key 'hostile-" + key + "'");
  }
  if (!c.output.empty() && c.output != "pipe-closed" && c.output != "dev-full")
    c.problems.push_back("bad hostile-output '" + c.output + "'");
  return c;
}

// The shell line that runs gilsim as the case asks; the paths come through the environment, so
// nothing needs quoting. The status is gilsim's own, also behind a pipe.
std::string commandFor(const Case& c) {
  std::string cmd;
  if (c.memoryKb > 0) cmd += "ulimit -v " + std::to_string(c.memoryKb) + " || exit 99; ";
  std::string run = "\"$HOSTILE_GILSIM\" run " + c.args + " \"$HOSTILE_SCRIPT\"";
  if (c.output == "pipe-closed")
    cmd += run + " | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}";
  else if (c.output == "dev-full")
    cmd += "exec " + run + " >/dev/full";
  else
    cmd += "exec " + run;
  return cmd;
}

class HostileTest : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileTest, EndsAsExpected) {
  const std::string name = GetParam();
  const fs::path file = hostileDir() / name;
  const std::optional<std::string> source = ts::readFile(file);
  ASSERT_TRUE(source.has_value()) << "cannot read " << file;
  const Case c = parseCase(*source);
  for (const std::string& p : c.problems)
    ADD_FAILURE() << name << ": header: " << p;
  if (!c.skip.empty()) GTEST_SKIP() << "known to fail until " << c.skip;
#ifdef GILSIM_HOSTILE_ASAN
  if (c.memoryKb > 0) GTEST_SKIP() << "an address-space limit cannot hold ASan's shadow memory";
  if (!c.asanSkip.empty()) GTEST_SKIP() << c.asanSkip;
#endif
  ts::TempDir temp;
  fs::path script = file;
  if (c.generate) {
    std::optional<std::string> python = ts::findPython3();
    if (!python) GTEST_SKIP() << "python3 is needed to generate the script";
    ts::ProcessResult gen = ts::runProcess({*python, file.string()});
    ASSERT_EQ(gen.status, 0) << ts::describe(gen);
    script = temp.write(fs::path(name).stem().string() + "_generated.py", gen.out);
  }
  std::optional<std::string> bash = ts::findOnPath("bash");
  ASSERT_TRUE(bash.has_value()) << "bash is needed on PATH";
  ts::ProcessOptions options;
  options.workingDir = temp.path();
  options.extraEnvironment = {"HOSTILE_GILSIM=" + fs::absolute(GILSIM_BINARY).string(),
                              "HOSTILE_SCRIPT=" + script.string()};
  options.wallLimit = kWallLimit;
  if (!c.interruptOn.empty()) options.interruptWhenStdoutContains = c.interruptOn;
  ts::ProcessResult r = ts::runProcess({*bash, "-c", commandFor(c)}, options);
  ASSERT_TRUE(r.started) << r.error;
  ASSERT_FALSE(r.timedOut) << "hung: killed after " << kWallLimit.count() << " s\n"
                           << ts::describe(r);
  // bash reports a child killed by signal S as 128 + S (120 is CPython's flush failure).
  EXPECT_TRUE(r.status >= 0 && (r.status < 128 || r.status == c.exit)) << "killed by a signal\n"
                                                                       << ts::describe(r);
  EXPECT_EQ(r.status, c.exit) << ts::describe(r);
  for (const std::string& want : c.stderrHas)
    EXPECT_NE(r.err.find(want), std::string::npos) << "stderr lacks: " << want << "\n"
                                                   << ts::describe(r);
  for (const std::string& unwanted : c.stderrLacks)
    EXPECT_EQ(r.err.find(unwanted), std::string::npos) << "stderr has: " << unwanted << "\n"
                                                       << ts::describe(r);
  for (const std::string& want : c.stdoutHas)
    EXPECT_NE(r.out.find(want), std::string::npos) << "stdout lacks: " << want << "\n"
                                                   << ts::describe(r);
}

INSTANTIATE_TEST_SUITE_P(Cases, HostileTest, ::testing::ValuesIn(allCases()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return ts::testNameForScript(info.param);
                         });

TEST(HostileSuite, HasItsCases) {
  EXPECT_GE(allCases().size(), 40u) << "in " << hostileDir();
}

}  // namespace
