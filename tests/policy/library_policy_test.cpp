// A GIL policy built outside the tree (tests/policy/fair_queue.c against include/gilsim/policy.h),
// loaded with --gil PATH: it runs on the real backend and under --sim, it gives the very run the
// built-in `fifo` (the same algorithm) gives, it passes the scenario library through `gilsim
// test`, and a library that cannot be used is refused as a usage error. Suite LibraryPolicySim:
// labels cli and sim.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process_runner.h"
#include "support/temp_dir.h"

#if !defined(GILSIM_BINARY) || !defined(GILSIM_POLICY_LIBRARY) || !defined(GILSIM_FAIRNESS_DIR) || \
    !defined(GILSIM_NOT_A_POLICY)
#error \
    "GILSIM_BINARY, GILSIM_POLICY_LIBRARY, GILSIM_FAIRNESS_DIR and GILSIM_NOT_A_POLICY are needed"
#endif

namespace {

namespace ts = gilsim::testsupport;

ts::ProcessResult gilsim(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {GILSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  ts::ProcessOptions options;
  options.wallLimit = std::chrono::seconds(120);
  return ts::runProcess(argv, options);
}

// Three CPU threads and an I/O-bound one: forced drops, hand-offs and blocking drops all happen.
const char* kMixed =
    "import threading, time\n"
    "stop = [False]\n"
    "def spin():\n"
    "    x = 0\n"
    "    while not stop[0]:\n"
    "        x += 1\n"
    "def io():\n"
    "    for _ in range(20):\n"
    "        time.sleep(0.0005)\n"
    "ts = [threading.Thread(target=spin) for _ in range(3)] + [threading.Thread(target=io)]\n"
    "for t in ts: t.start()\n"
    "ts[3].join()\n"
    "stop[0] = True\n"
    "for t in ts: t.join()\n"
    "print('done')\n";

nlohmann::json statsOf(const ts::TempDir& dir, const std::string& gil) {
  std::string stats = dir.file("stats-" + std::to_string(std::hash<std::string>{}(gil)) + ".json");
  ts::ProcessResult r =
      gilsim({"run", "--sim", "--gil", gil, "--stats-json", stats, dir.file("mixed.py")});
  EXPECT_EQ(r.status, 0) << ts::describe(r);
  EXPECT_EQ(r.out, "done\n");
  nlohmann::json j = nlohmann::json::parse(ts::runProcess({"/bin/cat", stats}).out);
  return j;
}

TEST(LibraryPolicySim, GivesTheRunOfTheBuiltInPolicyWithTheSameAlgorithm) {
  ts::TempDir dir;
  dir.write("mixed.py", kMixed);
  nlohmann::json builtIn = statsOf(dir, "fifo");
  nlohmann::json library = statsOf(dir, GILSIM_POLICY_LIBRARY);
  ASSERT_TRUE(library.contains("processes"));
  const nlohmann::json& p = library["processes"][0];
  int64_t forced = 0;
  for (const nlohmann::json& t : p["threads"])
    forced += t["forced_drops"].get<int64_t>();
  EXPECT_GT(forced, 0) << p.dump();
  EXPECT_GT(p["hand_offs"].get<int64_t>(), 20) << p.dump();
  // Every figure, to the nanosecond, but the policy's name.
  EXPECT_EQ(library["settings"]["gil"], GILSIM_POLICY_LIBRARY);
  builtIn["settings"].erase("gil");
  library["settings"].erase("gil");
  EXPECT_EQ(builtIn.dump(1), library.dump(1));
}

TEST(LibraryPolicySim, PassesTheScenarioLibraryWhereFifoDoes) {
  ts::TempDir dir;
  // The convoy is fifo's expected failure (its header says xfail:gil=fifo); a library policy is
  // not named there, so it is left out and run below on its own.
  std::vector<std::string> args = {"test", "--sim", "--seed",
                                   "1..2", "--gil", GILSIM_POLICY_LIBRARY};
  for (const char* s : {"test_equal_share.py", "test_no_starvation.py", "test_gui_ticks.py",
                        "test_producer_consumer.py"})
    args.push_back(std::string(GILSIM_FAIRNESS_DIR) + "/" + s);
  ts::ProcessResult r = gilsim(args);
  EXPECT_EQ(r.status, 0) << ts::describe(r);
  EXPECT_NE(r.out.find("8 cells: 8 passed"), std::string::npos) << r.out;
  ts::ProcessResult convoy = gilsim({"test", "--sim", "--gil", GILSIM_POLICY_LIBRARY,
                                     std::string(GILSIM_FAIRNESS_DIR) + "/test_convoy.py"});
  EXPECT_EQ(convoy.status, 1) << ts::describe(convoy);
  EXPECT_NE(convoy.out.find("FAIL"), std::string::npos) << convoy.out;
  EXPECT_NE(convoy.out.find("blocking return p99"), std::string::npos) << convoy.out;
}

TEST(LibraryPolicy, RunsOnRealThreads) {
  ts::TempDir dir;
  std::string script = dir.write("mixed.py", kMixed);
  std::string stats = dir.file("stats.json");
  ts::ProcessResult r =
      gilsim({"run", "--gil", GILSIM_POLICY_LIBRARY, "--stats-json", stats, script});
  ASSERT_EQ(r.status, 0) << ts::describe(r);
  EXPECT_EQ(r.out, "done\n");
  nlohmann::json j = nlohmann::json::parse(ts::runProcess({"/bin/cat", stats}).out);
  EXPECT_GT(j["processes"][0]["hand_offs"].get<int64_t>(), 4) << j.dump();
}

TEST(LibraryPolicy, SpawnedAndForkedChildrenRunTheSameLibrary) {
  ts::TempDir dir;
  std::string script = dir.write("children.py",
                                 "import multiprocessing as mp, gilsim\n"
                                 "def child(q):\n"
                                 "    q.put(gilsim.policy())\n"
                                 "if __name__ == '__main__':\n"
                                 "    for method in ('fork', 'spawn'):\n"
                                 "        ctx = mp.get_context(method)\n"
                                 "        q = ctx.Queue()\n"
                                 "        p = ctx.Process(target=child, args=(q,))\n"
                                 "        p.start()\n"
                                 "        print(method, q.get() == gilsim.policy())\n"
                                 "        p.join()\n");
  ts::ProcessResult r = gilsim({"run", "--sim", "--gil", GILSIM_POLICY_LIBRARY, script});
  ASSERT_EQ(r.status, 0) << ts::describe(r);
  EXPECT_EQ(r.out, "fork True\nspawn True\n");
}

TEST(LibraryPolicy, AnUnusableLibraryIsAUsageError) {
  ts::TempDir dir;
  std::string script = dir.write("pass.py", "pass\n");
  ts::ProcessResult missing = gilsim({"run", "--gil", "./no_such_policy.so", script});
  EXPECT_EQ(missing.status, 2) << ts::describe(missing);
  EXPECT_NE(missing.err.find("cannot load the GIL policy library './no_such_policy.so'"),
            std::string::npos)
      << missing.err;
  // An extension module is a shared library, but not a policy.
  ts::ProcessResult wrong = gilsim({"run", "--gil", GILSIM_NOT_A_POLICY, script});
  EXPECT_EQ(wrong.status, 2) << ts::describe(wrong);
  EXPECT_NE(wrong.err.find("exports no gilsim_policy_entry"), std::string::npos) << wrong.err;
  ts::ProcessResult test =
      gilsim({"test", "--gil", "cpython,./no_such_policy.so", "--sim", GILSIM_FAIRNESS_DIR});
  EXPECT_EQ(test.status, 2) << ts::describe(test);
  EXPECT_NE(test.err.find("cannot load"), std::string::npos) << test.err;
}

}  // namespace
