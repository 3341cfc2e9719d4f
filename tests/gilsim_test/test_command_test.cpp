// `gilsim test` end to end, under --sim (where times and metrics are exact): report lines and exit
// statuses, a failure's message and last lines, JUnit XML, --keep-traces, the baseline round trip,
// usage errors. Suite TestCommandSim: label sim.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process_runner.h"
#include "support/temp_dir.h"

#ifndef GILSIM_BINARY
#error "GILSIM_BINARY must be defined as a string literal (the gilsim executable)"
#endif
#ifndef GILSIM_FAIRNESS_DIR
#error "GILSIM_FAIRNESS_DIR must be defined as a string literal (workloads/fairness)"
#endif

namespace {

namespace fs = std::filesystem;
namespace ts = gilsim::testsupport;

ts::ProcessResult gilsimTest(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {GILSIM_BINARY, "test"};
  argv.insert(argv.end(), args.begin(), args.end());
  ts::ProcessOptions options;
  options.wallLimit = std::chrono::seconds(120);
  return ts::runProcess(argv, options);
}

std::string readAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Two CPU threads for 50 ms of virtual time: its hand-off rate depends on the switch interval.
const char* kPassing =
    "import threading, time\n"
    "stop = [False]\n"
    "def spin():\n"
    "    while not stop[0]:\n"
    "        pass\n"
    "ts = [threading.Thread(target=spin) for _ in range(2)]\n"
    "for t in ts: t.start()\n"
    "time.sleep(0.05)\n"
    "stop[0] = True\n"
    "for t in ts: t.join()\n"
    "print('done')\n";

const char* kFailing =
    "print('first line')\n"
    "print('second line')\n"
    "assert 1 + 1 == 3, 'arithmetic is broken'\n";

TEST(TestCommandSim, PassFailAndExitStatus) {
  ts::TempDir dir;
  dir.write("test_ok.py", kPassing);
  ts::ProcessResult r = gilsimTest({"--sim", "--gil", "cpython,fifo", dir.file("test_ok.py")});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS  " + dir.file("test_ok.py") + " [gil=cpython] "), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[gil=fifo]"), std::string::npos);
  EXPECT_NE(r.out.find("2 cells: 2 passed, 0 failed"), std::string::npos) << r.out;

  dir.write("test_bad.py", kFailing);
  r = gilsimTest({"--sim", dir.path()});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL  " + dir.file("test_bad.py") + " [gil=cpython]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("AssertionError: arithmetic is broken"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("first line\n      second line"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 passed, 1 failed"), std::string::npos) << r.out;
}

TEST(TestCommandSim, TimeoutIsAnError) {
  ts::TempDir dir;
  dir.write("test_forever.py", "import time\nwhile True:\n    time.sleep(1)\n");
  ts::ProcessResult r = gilsimTest({"--sim", "--timeout", "1s", dir.file("test_forever.py")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("ERROR "), std::string::npos) << r.out;
}

TEST(TestCommandSim, HeaderNarrowsAndExpectsFailures) {
  ts::TempDir dir;
  dir.write("test_x.py", std::string("# gilsim-test: gil=fifo,priority; xfail:gil=priority\n") +
                             "import sys\ntry:\n    import gilsim\nexcept ImportError:\n"
                             "    sys.exit(0)\nassert gilsim.policy() != 'priority'\n");
  ts::ProcessResult r =
      gilsimTest({"--sim", "--gil", "cpython,fifo,priority", dir.file("test_x.py")});
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("SKIP  " + dir.file("test_x.py") + " [gil=cpython]"), std::string::npos);
  EXPECT_NE(r.out.find("PASS  " + dir.file("test_x.py") + " [gil=fifo]"), std::string::npos);
  EXPECT_NE(r.out.find("XFAIL " + dir.file("test_x.py") + " [gil=priority]"), std::string::npos)
      << r.out;
}

TEST(TestCommandSim, JUnitXmlAndKeptTraces) {
  ts::TempDir dir;
  dir.write("test_ok.py", kPassing);
  dir.write("test_bad.py", kFailing);
  std::string xml = dir.file("r.xml"), traces = dir.file("traces");
  ts::ProcessResult r = gilsimTest(
      {"--sim", "--seed", "1..2", "--junit-xml", xml, "--keep-traces", traces, dir.path()});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  std::string text = readAll(xml);
  EXPECT_TRUE(
      text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"4\" "
                       "failures=\"2\" errors=\"0\""))
      << text;
  size_t testcases = 0;
  for (size_t at = 0; (at = text.find("<testcase ", at)) != std::string::npos; ++at)
    ++testcases;
  EXPECT_EQ(testcases, 4u);
  EXPECT_NE(text.find("name=\"gil=cpython seed=2\""), std::string::npos);
  EXPECT_NE(text.find("<failure message=\"FAIL: AssertionError: arithmetic is broken"),
            std::string::npos)
      << text;
  // Balanced: every element opened is closed.
  EXPECT_EQ(text.find("</testsuites>\n"), text.size() - 14);
  std::vector<std::string> kept;
  for (const auto& entry : fs::directory_iterator(traces))
    kept.push_back(entry.path().filename().string());
  std::sort(kept.begin(), kept.end());
  EXPECT_EQ(kept, (std::vector<std::string>{"test_bad.py-gil_cpython-seed_1.trace.json",
                                            "test_bad.py-gil_cpython-seed_2.trace.json"}));
  nlohmann::json trace = nlohmann::json::parse(readAll(traces + "/" + kept[0]), nullptr, false);
  EXPECT_FALSE(trace.is_discarded());
}

TEST(TestCommandSim, BaselineRoundTrip) {
  ts::TempDir dir;
  dir.write("test_ok.py", kPassing);
  std::string baseline = dir.file("baseline.json");
  ts::ProcessResult r =
      gilsimTest({"--sim", "--gil", "cpython,fifo", "--save-baseline", baseline, dir.path()});
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  nlohmann::json saved = nlohmann::json::parse(readAll(baseline));
  EXPECT_EQ(saved["cells"].size(), 2u);
  // The same cells reproduce exactly: even a tolerance of 0 passes.
  r = gilsimTest(
      {"--sim", "--gil", "cpython,fifo", "--baseline", baseline, "--tolerance", "0", dir.path()});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  // A shorter switch interval hands the GIL over about five times as often: a changed hand-off
  // rate, named, with both values. The cell has another label, so the run names the interval...
  r = gilsimTest({"--sim", "--gil", "cpython", "--baseline", baseline, "--switch-interval", "1ms",
                  dir.path()});
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("baseline: the baseline has no such cell"), std::string::npos) << r.out;
  // ... and a baseline saved with 5ms, run with 1ms under the same label, fails on its metrics.
  std::string fiveMs = dir.file("five.json");
  ASSERT_EQ(gilsimTest({"--sim", "--save-baseline", fiveMs, dir.path()}).status, 0);
  std::string text = readAll(fiveMs);
  nlohmann::json json = nlohmann::json::parse(text);
  nlohmann::json cells = nlohmann::json::object();
  for (auto& [key, cell] : json["cells"].items())
    cells[key.substr(0, key.find('[')) + "[gil=cpython interval=1ms]"] = cell;
  json["cells"] = cells;
  std::ofstream(fiveMs) << json.dump();
  r = gilsimTest({"--sim", "--baseline", fiveMs, "--switch-interval", "1ms", dir.path()});
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("baseline: MainProcess.hand_offs_per_s went up from "), std::string::npos)
      << r.out;
}

TEST(TestCommandSim, UsageErrors) {
  ts::TempDir dir;
  dir.write("test_ok.py", kPassing);
  dir.write("test_badheader.py", "# gilsim-test: colour=red\n");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{},
                                             {"--gil", "nosuch", dir.file("test_ok.py")},
                                             {"--seed", "1..3", dir.file("test_ok.py")},
                                             {"--sim", "--seed", "3..1", dir.file("test_ok.py")},
                                             {"--switch-interval", "fast", dir.file("test_ok.py")},
                                             {"--tolerance", "lots", dir.file("test_ok.py")},
                                             {"--gil", "./nosuch.so", dir.file("test_ok.py")},
                                             {"--baseline", dir.file("none.json"), dir.path()},
                                             {dir.file("missing.py")},
                                             {dir.file("test_badheader.py")},
                                             {"--bogus", dir.path()}}) {
    ts::ProcessResult r = gilsimTest(args);
    EXPECT_EQ(r.status, 2) << r.out << r.err;
    EXPECT_NE(r.err.find("gilsim: error: "), std::string::npos) << r.err;
  }
}

TEST(TestCommandSim, FairnessLibrary) {
  std::string xml = ts::TempDir().file("unused");
  ts::ProcessResult r = gilsimTest({GILSIM_FAIRNESS_DIR, "--sim", "--gil", "cpython,priority"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("XFAIL "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("test_convoy.py [gil=priority]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("FAIL  "), std::string::npos) << r.out;
}

}  // namespace
