// The pieces of `gilsim test` on their own: the matrix, scenario headers, report lines, JUnit XML
// and the comparison of metrics against a baseline.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tools/test_baseline.h"
#include "tools/test_matrix.h"
#include "tools/test_report.h"
#include "tools/test_scenarios.h"

namespace gilsim::cli {
namespace {

TEST(TestMatrix, IntListsTakeRangesAndLists) {
  EXPECT_EQ(parseIntList("1..5"), (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(parseIntList("2,8"), (std::vector<int>{2, 8}));
  EXPECT_EQ(parseIntList("1..2, 7"), (std::vector<int>{1, 2, 7}));
  EXPECT_FALSE(parseIntList("5..1"));
  EXPECT_FALSE(parseIntList("x"));
  EXPECT_FALSE(parseIntList("-1"));
  EXPECT_FALSE(parseIntList(""));
  EXPECT_FALSE(parseIntList("0..1000000"));
}

TEST(TestMatrix, ExpandsTheProductInOrder) {
  TestMatrix m;
  m.gils = {"cpython", "fifo"};
  m.switchIntervals = {"1ms", "5ms"};
  m.sim = true;
  m.seeds = {1, 2};
  std::vector<TestCell> cells = expandMatrix(m);
  ASSERT_EQ(cells.size(), 8u);
  EXPECT_EQ(cellLabel(cells[0]), "gil=cpython interval=1ms seed=1");
  EXPECT_EQ(cellLabel(cells[7]), "gil=fifo interval=5ms seed=2");
}

TEST(TestMatrix, SeedsAndCoresNeedTheSimulator) {
  TestMatrix m;
  m.seeds = {1, 2, 3};
  m.cores = {2, 8};
  ASSERT_EQ(expandMatrix(m).size(), 1u);
  EXPECT_EQ(cellLabel(expandMatrix(m)[0]), "gil=cpython");
}

TEST(TestScenarios, HeaderRulesNarrowExtendAndExpectFailures) {
  Scenario s;
  ASSERT_FALSE(
      parseScenarioRules(" gil=fifo,priority; interval+=1ms; xfail:gil=priority", s.rules));
  ASSERT_EQ(s.rules.size(), 3u);
  TestMatrix m;
  m.gils = {"cpython", "fifo", "priority"};
  m.switchIntervals = {"5ms"};
  TestMatrix own = scenarioMatrix(m, s);
  EXPECT_EQ(own.switchIntervals, (std::vector<std::string>{"5ms", "1ms"}));
  std::vector<TestCell> cells = expandMatrix(own);
  ASSERT_EQ(cells.size(), 6u);
  EXPECT_TRUE(cellIntent(s, cells[0]).skip);  // cpython is not in gil=fifo,priority
  EXPECT_FALSE(cellIntent(s, cells[2]).skip);
  EXPECT_FALSE(cellIntent(s, cells[2]).expectFail);
  EXPECT_TRUE(cellIntent(s, cells[4]).expectFail);
  EXPECT_EQ(cellIntent(s, cells[4]).why, "header: xfail:gil=priority");
}

TEST(TestScenarios, MalformedRulesAreErrors) {
  std::vector<ScenarioRule> rules;
  EXPECT_TRUE(parseScenarioRules("colour=red", rules));
  EXPECT_TRUE(parseScenarioRules("gil", rules));
  EXPECT_TRUE(parseScenarioRules("gil=", rules));
  EXPECT_TRUE(parseScenarioRules("xfail:gil+=fifo", rules));
}

TEST(TestScenarios, FileNames) {
  EXPECT_TRUE(isScenarioFileName("test_convoy.py"));
  EXPECT_TRUE(isScenarioFileName("convoy_test.py"));
  EXPECT_FALSE(isScenarioFileName("scenario.py"));
  EXPECT_FALSE(isScenarioFileName("test_.py"));
  EXPECT_FALSE(isScenarioFileName("test_convoy.txt"));
}

TEST(TestBaseline, MetricsMoveInTheirBadDirection) {
  std::map<std::string, double> base = {
      {"P.jain_index", 0.9}, {"P.hand_off_latency_ms.p99", 1.0}, {"P.hand_offs_per_s", 100.0}};
  EXPECT_TRUE(compareMetrics(base, base, 0).empty());
  // Better is not a regression; a changed hand-off rate is, either way.
  std::map<std::string, double> better = {
      {"P.jain_index", 0.99}, {"P.hand_off_latency_ms.p99", 0.5}, {"P.hand_offs_per_s", 100.0}};
  EXPECT_TRUE(compareMetrics(base, better, 0.1).empty());
  std::map<std::string, double> worse = {
      {"P.jain_index", 0.5}, {"P.hand_off_latency_ms.p99", 1.05}, {"P.hand_offs_per_s", 50.0}};
  std::vector<std::string> problems = compareMetrics(base, worse, 0.1);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "P.hand_offs_per_s went down from 100 to 50 (-50.0%, tolerance 10%)");
  EXPECT_EQ(problems[1], "P.jain_index went down from 0.9 to 0.5 (-44.4%, tolerance 10%)");
  EXPECT_EQ(compareMetrics(base, {}, 0.1).size(), 3u);  // every metric gone
}

TEST(TestBaseline, MedianOfRepeats) {
  auto m = medianMetrics({{{"a", 3}}, {{"a", 1}}, {{"a", 2}, {"b", 4}}});
  EXPECT_EQ(m["a"], 2);
  EXPECT_EQ(m["b"], 4);
}

TEST(TestBaseline, Tolerance) {
  EXPECT_DOUBLE_EQ(*parseTolerance("10%"), 0.1);
  EXPECT_DOUBLE_EQ(*parseTolerance("0.25"), 0.25);
  EXPECT_DOUBLE_EQ(*parseTolerance("0"), 0);
  EXPECT_FALSE(parseTolerance("-1"));
  EXPECT_FALSE(parseTolerance("ten"));
}

TEST(TestReport, LinesAndJUnit) {
  ReportEntry pass{"s/test_a.py", "gil=fifo", {}};
  pass.outcome.seconds = 0.123;
  ReportEntry fail{"s/test_a.py", "gil=cpython", {}};
  fail.outcome.verdict = Verdict::Fail;
  fail.outcome.message = "AssertionError: x < \"1\" & more";
  fail.outcome.lastLines = {"printed"};
  EXPECT_EQ(formatCell(pass), "PASS  s/test_a.py [gil=fifo] 0.12s\n");
  EXPECT_EQ(formatCell(fail),
            "FAIL  s/test_a.py [gil=cpython] 0.00s\n      AssertionError: x < \"1\" & more\n"
            "      last lines of output:\n      printed\n");
  std::string xml = junitXml({pass, fail}, 1.0);
  EXPECT_NE(xml.find("<testcase classname=\"s/test_a.py\" name=\"gil=fifo\""), std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"FAIL: AssertionError: x &lt; &quot;1&quot; &amp; more\">"),
            std::string::npos);
  EXPECT_NE(xml.find("failures=\"1\""), std::string::npos);
  EXPECT_EQ(formatSummary({pass, fail}, 1.0),
            "2 cells: 1 passed, 1 failed, 0 errors, 0 xfailed, 0 xpassed, 0 skipped in 1.0s\n");
}

}  // namespace
}  // namespace gilsim::cli
