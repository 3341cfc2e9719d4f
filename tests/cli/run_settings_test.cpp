// The run's settings travel whole: a child process, forked or spawned, runs with every setting
// its parent was started with (interp/vm/interpreter_config.h), and the interval a script sees
// is the one the trace and the stats record (gil/switch_interval.h).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/process_runner.h"
#include "support/temp_dir.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must name the gilsim executable"
#endif

namespace {

using gilsim::testsupport::describe;
using gilsim::testsupport::ProcessOptions;
using gilsim::testsupport::ProcessResult;
using gilsim::testsupport::TempDir;

// Prints what the script sees of each setting, from the parent and from one child of each start
// method, a line a setting: WHO KEY repr(VALUE). Every value is read where a script reads it (sys,
// gilsim), and gilsim.settings() (what --trace and --stats-json record) must agree with those.
constexpr const char* kShowSettings = R"(import gilsim, multiprocessing, sys

def show(who):
    s = gilsim.settings()
    seen = {"gil": gilsim.policy(), "switch_interval_s": sys.getswitchinterval(),
            "check_interval": sys.getcheckinterval(), "check_points": gilsim.check_points(),
            "recursion_limit": sys.getrecursionlimit(), "recording": gilsim.recording()}
    for key, value in seen.items():
        if s[key] != value:
            print("MISMATCH", who, key, s[key], value)
    for key in sorted(s):
        print(who, key, repr(s[key]), flush=True)

if __name__ == "__main__":
    show("parent")
    for method in ("fork", "spawn"):
        p = multiprocessing.get_context(method).Process(target=show, args=(method,))
        p.start()
        p.join()
)";

struct Seen {
  ProcessResult run;
  // settings[who][key] = repr(value), who: parent, fork, spawn
  std::map<std::string, std::map<std::string, std::string>> settings;
};

Seen runShowSettings(const std::vector<std::string>& options) {
  TempDir dir;
  dir.write("show.py", kShowSettings);
  std::vector<std::string> argv = {GILSIM_BINARY, "run"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back("show.py");
  ProcessOptions o;
  o.workingDir = dir.path();
  o.wallLimit = std::chrono::seconds(30);
  Seen seen;
  seen.run = gilsim::testsupport::runProcess(argv, o);
  std::istringstream lines(seen.run.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string who, key, value;
    words >> who >> key;
    std::getline(words >> std::ws, value);
    seen.settings[who][key] = value;
  }
  return seen;
}

struct SettingCase {
  std::string name;                  // for the test's name
  std::vector<std::string> options;  // given to the parent
  std::string key;                   // in gilsim.settings()
  std::string expected;              // repr() of what the parent and both children see
};

void PrintTo(const SettingCase& c, std::ostream* os) {
  *os << c.name;
}

class CliProcessSettings : public ::testing::TestWithParam<SettingCase> {};

TEST_P(CliProcessSettings, ForkAndSpawnChildrenRunWithTheParentsSetting) {
  const SettingCase& c = GetParam();
  Seen seen = runShowSettings(c.options);
  ASSERT_EQ(seen.run.status, 0) << describe(seen.run);
  EXPECT_EQ(seen.run.out.find("MISMATCH"), std::string::npos) << describe(seen.run);
  for (const char* who : {"parent", "fork", "spawn"}) {
    SCOPED_TRACE(who);
    ASSERT_TRUE(seen.settings.count(who)) << describe(seen.run);
    EXPECT_EQ(seen.settings[who][c.key], c.expected) << describe(seen.run);
    // Nothing else moved either: the child's settings are the parent's, whole.
    EXPECT_EQ(seen.settings[who], seen.settings["parent"]) << describe(seen.run);
  }
}

INSTANTIATE_TEST_SUITE_P(
    EverySetting, CliProcessSettings,
    ::testing::Values(
        SettingCase{"Policy", {"--gil", "priority"}, "gil", "'priority'"},
        SettingCase{"SwitchInterval", {"--switch-interval", "1ms"}, "switch_interval_s", "0.001"},
        SettingCase{"PolicyDefaultInterval", {"--gil", "ruby"}, "switch_interval_s", "0.1"},
        SettingCase{"CheckInterval", {"--check-interval", "7"}, "check_interval", "7"},
        SettingCase{"CheckPoints", {"--check-points", "every"}, "check_points", "'every'"},
        SettingCase{"RecursionLimit", {"--recursion-limit", "321"}, "recursion_limit", "321"},
        SettingCase{"CheckPointBudget",
                    {"--check-point-budget", "100000000"},
                    "check_point_budget",
                    "100000000"},
        SettingCase{"Recording", {"--stats-json", "stats.json"}, "recording", "True"},
        SettingCase{"TraceBuffer",
                    {"--stats-json", "stats.json", "--trace-buffer", "4096"},
                    "trace_buffer",
                    "4096"}),
    [](const ::testing::TestParamInfo<SettingCase>& info) { return info.param.name; });

// The interval is kept in whole microseconds, as CPython keeps it; the script, gilsim.settings()
// and the exported stats all say the rounded value.
TEST(CliThreadsSettings, TheIntervalAScriptSeesIsTheOneRecorded) {
  TempDir dir;
  dir.write("seen.py", "import sys\nprint(sys.getswitchinterval())\n");
  ProcessOptions o;
  o.workingDir = dir.path();
  o.wallLimit = std::chrono::seconds(20);
  ProcessResult r = gilsim::testsupport::runProcess(
      {GILSIM_BINARY, "run", "--switch-interval", "1.5us", "--stats-json", "stats.json", "seen.py"},
      o);
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "1e-06\n");
  std::ifstream in(dir.file("stats.json"));
  nlohmann::json stats = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(stats.is_object());
  EXPECT_EQ(stats["settings"]["switch_interval_s"], 1e-06);
}

// A script that changes the interval changes what is recorded with it: the record is of what
// the script saw last.
TEST(CliThreadsSettings, SetswitchintervalIsWhatTheStatsRecord) {
  TempDir dir;
  dir.write("set.py",
            "import sys\nsys.setswitchinterval(0.0000025)\nprint(sys.getswitchinterval())\n");
  ProcessOptions o;
  o.workingDir = dir.path();
  o.wallLimit = std::chrono::seconds(20);
  ProcessResult r = gilsim::testsupport::runProcess(
      {GILSIM_BINARY, "run", "--stats-json", "stats.json", "set.py"}, o);
  ASSERT_EQ(r.status, 0) << describe(r);
  EXPECT_EQ(r.out, "2e-06\n");
  std::ifstream in(dir.file("stats.json"));
  nlohmann::json stats = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(stats.is_object());
  EXPECT_EQ(stats["settings"]["switch_interval_s"], 2e-06);
}

}  // namespace
