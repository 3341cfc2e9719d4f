// Unit tests of the pieces of `gilsim bench` and `gilsim demo` that need no interpreter: the
// statistics, worker lists, the driver's records, speed-ups, the exports, the timeline renderer
// (golden output) and the SVG chart. No test measures anything.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "nlohmann/json.hpp"
#include "support/temp_dir.h"
#include "tools/atomic_file.h"
#include "tools/bench_chart.h"
#include "tools/bench_export.h"
#include "tools/bench_report.h"
#include "tools/bench_runner.h"
#include "tools/bench_stats.h"
#include "tools/nice_ticks.h"
#include "tools/svg_chart.h"
#include "tools/timeline.h"
#include "tools/worker_list.h"

namespace {

using namespace gilsim::bench;
using gilsim::cli::parseWorkerList;

// ---------------------------------------------------------------------------------------------
// Statistics.

TEST(BenchStats, MeanSampleStddevMedianRange) {
  std::vector<double> values = {2, 4, 4, 4, 5, 5, 7, 9};
  Summary s = summarize(values);
  EXPECT_EQ(s.count, 8);
  EXPECT_DOUBLE_EQ(s.mean, 5.0);
  ASSERT_TRUE(s.stddev.has_value());
  // Sum of squared deviations 32, over n - 1 = 7.
  EXPECT_DOUBLE_EQ(*s.stddev, std::sqrt(32.0 / 7.0));
  EXPECT_DOUBLE_EQ(s.median, 4.5);
  EXPECT_DOUBLE_EQ(s.min, 2.0);
  EXPECT_DOUBLE_EQ(s.max, 9.0);
}

TEST(BenchStats, OddCountMedianAndUnsortedInput) {
  std::vector<double> values = {3.0, 1.0, 2.0};
  Summary s = summarize(values);
  EXPECT_DOUBLE_EQ(s.median, 2.0);
  EXPECT_DOUBLE_EQ(s.min, 1.0);
  EXPECT_DOUBLE_EQ(s.max, 3.0);
  EXPECT_DOUBLE_EQ(*s.stddev, 1.0);
}

TEST(BenchStats, OneValueHasNoStddev) {
  std::vector<double> values = {1.25};
  Summary s = summarize(values);
  EXPECT_EQ(s.count, 1);
  EXPECT_DOUBLE_EQ(s.mean, 1.25);
  EXPECT_FALSE(s.stddev.has_value());
  EXPECT_DOUBLE_EQ(s.min, 1.25);
  EXPECT_DOUBLE_EQ(s.max, 1.25);
}

TEST(BenchStats, NoValues) {
  Summary s = summarize({});
  EXPECT_EQ(s.count, 0);
  EXPECT_DOUBLE_EQ(s.mean, 0.0);
  EXPECT_FALSE(s.stddev.has_value());
}

TEST(BenchStats, EqualValuesHaveZeroStddev) {
  std::vector<double> values(5, 0.1);
  EXPECT_NEAR(*summarize(values).stddev, 0.0, 1e-15);
}

// ---------------------------------------------------------------------------------------------
// Worker lists.

TEST(WorkerList, CountsListsAndRanges) {
  using Counts = std::vector<int>;
  EXPECT_EQ(std::get<Counts>(parseWorkerList("4")), Counts({4}));
  EXPECT_EQ(std::get<Counts>(parseWorkerList("1,2,4")), Counts({1, 2, 4}));
  EXPECT_EQ(std::get<Counts>(parseWorkerList("1..4")), Counts({1, 2, 3, 4}));
  EXPECT_EQ(std::get<Counts>(parseWorkerList("8,1..3,2")), Counts({1, 2, 3, 8}));
  EXPECT_EQ(std::get<Counts>(parseWorkerList("3..3")), Counts({3}));
}

TEST(WorkerList, RejectsGarbage) {
  for (const char* bad : {"", "0", "-1", "abc", "1,,2", "1,", ",1", "3..1", "1..", "..4", "1...4",
                          "1..x", "999999", "513", "1.5", " 1", "99999999999999999999"}) {
    SCOPED_TRACE(bad);
    EXPECT_TRUE(std::holds_alternative<std::string>(parseWorkerList(bad)));
  }
}

// ---------------------------------------------------------------------------------------------
// The driver's records.

TEST(DriverOutput, ParsesRecordsAndIgnoresOtherLines) {
  auto parsed = parseDriverOutput(
      "hello from the script\n"
      "gilsim-bench cores 2\n"
      "gilsim-bench worker 1 0.5 1.5\n"
      "gilsim-bench worker 0 0.25 1.0\n"
      "gilsim-bench total 1.75\n",
      2);
  ASSERT_TRUE(std::holds_alternative<RunSample>(parsed)) << std::get<std::string>(parsed);
  const RunSample& run = std::get<RunSample>(parsed);
  EXPECT_DOUBLE_EQ(run.seconds, 1.75);
  ASSERT_EQ(run.workers.size(), 2u);
  EXPECT_EQ(run.workers[0].index, 0);
  EXPECT_DOUBLE_EQ(run.workers[0].start, 0.25);
  EXPECT_DOUBLE_EQ(run.workers[1].end, 1.5);
}

TEST(DriverOutput, ReportsWhatIsWrong) {
  struct Case {
    const char* out;
    const char* expect;
  };
  for (const Case& c : {
           Case{"", "no total"},
           Case{"gilsim-bench worker 0 0 1\n", "no total"},
           Case{"gilsim-bench total 1\n", "0 of 1 workers"},
           Case{"gilsim-bench worker 0 0 1\ngilsim-bench worker 0 0 1\ngilsim-bench total 1\n",
                "twice"},
           Case{"gilsim-bench worker 5 0 1\ngilsim-bench total 1\n", "bad record"},
           Case{"gilsim-bench worker 0 2 1\ngilsim-bench total 1\n", "bad record"},
           Case{"gilsim-bench total abc\n", "bad record"},
           Case{"gilsim-bench error no multiprocessing here\n", "no multiprocessing here"},
       }) {
    SCOPED_TRACE(c.out);
    auto parsed = parseDriverOutput(c.out, 1);
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
    EXPECT_NE(std::get<std::string>(parsed).find(c.expect), std::string::npos)
        << std::get<std::string>(parsed);
  }
}

// ---------------------------------------------------------------------------------------------
// Speed-ups and the ideal.

Measurement point(Backend backend, Workload workload, int workers, std::vector<double> times) {
  Measurement m;
  m.backend = backend;
  m.workload = workload;
  m.workers = workers;
  m.command = {"python3", "driver.py"};
  for (double t : times) {
    RunSample run;
    run.seconds = t;
    for (int i = 0; i < workers; ++i)
      run.workers.push_back({i, 0.0, t});
    m.runs.push_back(run);
  }
  return m;
}

TEST(BenchReport, IdealFactors) {
  EXPECT_DOUBLE_EQ(idealFactor(Backend::Threads, Workload::Cpu, 4, 2), 4.0);
  EXPECT_DOUBLE_EQ(idealFactor(Backend::Processes, Workload::Cpu, 1, 2), 1.0);
  EXPECT_DOUBLE_EQ(idealFactor(Backend::Processes, Workload::Cpu, 3, 2), 2.0);
  EXPECT_DOUBLE_EQ(idealFactor(Backend::Processes, Workload::Cpu, 4, 2), 2.0);
  EXPECT_DOUBLE_EQ(idealFactor(Backend::Threads, Workload::Io, 8, 2), 1.0);
  EXPECT_DOUBLE_EQ(idealFactor(Backend::Processes, Workload::Io, 8, 2), 1.0);
}

TEST(BenchReport, SpeedupsAgainstTheSmallestWorkerCount) {
  std::vector<Measurement> ms = {
      point(Backend::Threads, Workload::Cpu, 1, {1.0, 1.0}),
      point(Backend::Threads, Workload::Cpu, 2, {2.0, 2.0}),
      point(Backend::Processes, Workload::Cpu, 1, {1.0}),
      point(Backend::Processes, Workload::Cpu, 4, {2.0}),
      point(Backend::Threads, Workload::Io, 2, {0.5}),
      point(Backend::Threads, Workload::Io, 4, {0.5}),
  };
  std::vector<ResultRow> rows = analyse(ms, 2);
  ASSERT_EQ(rows.size(), ms.size());
  EXPECT_DOUBLE_EQ(rows[1].speedup, 1.0);  // twice the work in twice the time
  EXPECT_DOUBLE_EQ(rows[1].idealSpeedup, 1.0);
  EXPECT_DOUBLE_EQ(rows[1].idealSeconds, 2.0);
  EXPECT_DOUBLE_EQ(rows[3].speedup, 2.0);  // four times the work in twice the time
  EXPECT_DOUBLE_EQ(rows[3].idealSpeedup, 2.0);
  EXPECT_DOUBLE_EQ(rows[3].idealSeconds, 2.0);
  EXPECT_EQ(rows[5].baseWorkers, 2);
  EXPECT_DOUBLE_EQ(rows[5].speedup, 2.0);
  EXPECT_DOUBLE_EQ(rows[5].idealSpeedup, 2.0);
  EXPECT_DOUBLE_EQ(rows[5].idealSeconds, 0.5);
}

TEST(BenchReport, TextAndMarkdownTables) {
  std::vector<Measurement> ms = {point(Backend::Threads, Workload::Cpu, 1, {1.0, 1.5}),
                                 point(Backend::Threads, Workload::Cpu, 2, {2.0})};
  std::vector<ResultRow> rows = analyse(ms, 2);
  std::string text = textTable(rows);
  EXPECT_NE(text.find("mean ± σ"), std::string::npos) << text;
  EXPECT_NE(text.find("1.250 s ± 0.354 s"), std::string::npos) << text;
  EXPECT_NE(text.find("1.000 s … 1.500 s"), std::string::npos) << text;
  EXPECT_NE(text.find("1.25×"), std::string::npos) << text;  // twice the work in 2.0 s, not 2.5 s
  std::string md = markdownTable(rows);
  EXPECT_EQ(md.rfind("| workload | backend | workers |", 0), 0u) << md;
  EXPECT_EQ(std::count(md.begin(), md.end(), '\n'), 4) << md;
  EXPECT_EQ(groupThousands(1234567), "1,234,567");
  EXPECT_EQ(groupThousands(999), "999");
}

// ---------------------------------------------------------------------------------------------
// Exports.

BenchContext context() {
  BenchContext c;
  c.interpreter = "python3";
  c.version = "Python 3.11.7";
  c.cores = 2;
  c.size.sleepSeconds = 0.05;
  c.runs = 2;
  return c;
}

TEST(BenchExport, JsonLikeHyperfine) {
  std::vector<Measurement> ms = {point(Backend::Threads, Workload::Io, 1, {0.5, 0.7}),
                                 point(Backend::Processes, Workload::Io, 2, {0.5})};
  auto rows = analyse(ms, 2);
  nlohmann::json doc = nlohmann::json::parse(toJson(context(), rows));
  ASSERT_EQ(doc["results"].size(), 2u);
  const auto& first = doc["results"][0];
  EXPECT_EQ(first["command"], "python3 driver.py");
  EXPECT_EQ(first["backend"], "threads");
  EXPECT_EQ(first["workload"], "io");
  EXPECT_EQ(first["workers"], 1);
  EXPECT_DOUBLE_EQ(first["mean"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(first["min"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(first["max"].get<double>(), 0.7);
  EXPECT_EQ(first["times"].size(), 2u);
  EXPECT_EQ(first["worker_spans"].size(), 2u);
  EXPECT_TRUE(doc["results"][1]["stddev"].is_null()) << "one run has no standard deviation";
  EXPECT_EQ(doc["results"][1]["worker_spans"][0].size(), 2u);
  EXPECT_EQ(doc["cores"], 2);
}

TEST(BenchExport, CsvHeaderAndRows) {
  std::vector<Measurement> ms = {point(Backend::Threads, Workload::Cpu, 1, {1.0}),
                                 point(Backend::Threads, Workload::Cpu, 2, {2.0, 2.0})};
  std::string csv = toCsv(analyse(ms, 2));
  std::istringstream in(csv);
  std::string header, row1, row2, extra;
  std::getline(in, header);
  std::getline(in, row1);
  std::getline(in, row2);
  EXPECT_FALSE(std::getline(in, extra));
  EXPECT_EQ(header,
            "workload,backend,workers,runs,mean,stddev,median,min,max,speedup,ideal_speedup,"
            "ideal_seconds");
  EXPECT_EQ(row1, "cpu,threads,1,1,1.000000,,1.000000,1.000000,1.000000,1.0000,1.0000,1.000000");
  EXPECT_EQ(row2,
            "cpu,threads,2,2,2.000000,0.000000,2.000000,2.000000,2.000000,1.0000,1.0000,2.000000");
}

TEST(AtomicFile, WritesWholeAndLeavesNoTemporary) {
  gilsim::testsupport::TempDir temp("gilsim_atomic");
  const std::string& dir = temp.path();
  std::string path = temp.file("out.txt");
  EXPECT_EQ(gilsim::cli::writeFileAtomically(path, "first"), "");
  EXPECT_EQ(gilsim::cli::writeFileAtomically(path, "second"), "");
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "second");
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
    ++files;
  EXPECT_EQ(files, 1u);
  std::string error = gilsim::cli::writeFileAtomically(dir + "/missing/out.txt", "x");
  EXPECT_NE(error.find("cannot write"), std::string::npos) << error;
}

// ---------------------------------------------------------------------------------------------
// The timeline (golden output) and the chart.

TEST(Timeline, Golden) {
  std::vector<gilsim::cli::TimelineRow> rows = {
      {"worker 1", 0.0, 1.0},
      {"worker 2", 0.5, 2.0},
      {"w3", 1.9, 1.95},
  };
  // 42 columns: 31 cells of 2/31 s between the borders. A cell shows '*' when the worker runs at
  // its middle; w3 is shorter than a cell and still shows. Ticks every 0.5 s, each label starting
  // at its tick; "2.0 s" has no room after "1.5 s" and is left out.
  std::string expected =
      "worker 1 |***************                |\n"
      "worker 2 |        ***********************|\n"
      "w3       |                             * |\n"
      "          +-------+-------+------+-------+\n"
      "          0.0 s   0.5 s   1.0 s  1.5 s\n";
  EXPECT_EQ(gilsim::cli::renderTimeline(rows, 2.0, 42), expected);
}

TEST(Timeline, FitsTheWidthAndStretchesTheAxisToTheLatestEnd) {
  std::vector<gilsim::cli::TimelineRow> rows = {{"worker 1", 0.0, 3.0}, {"worker 2", 0.0, 1.0}};
  for (int width : {24, 40, 80, 200}) {
    SCOPED_TRACE(width);
    std::string text = gilsim::cli::renderTimeline(rows, 1.0, width);
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
      EXPECT_LE(static_cast<int>(line.size()), width) << line;
    EXPECT_EQ(text.substr(0, text.find('\n')).find(' ', 10), std::string::npos)
        << "worker 1 runs to the end of the axis:\n"
        << text;
  }
}

TEST(Timeline, NoRowsOrZeroTimesDoNotCrash) {
  EXPECT_NE(gilsim::cli::renderTimeline({}, 0.0, 80).find("0 s"), std::string::npos);
  EXPECT_NO_THROW(gilsim::cli::renderTimeline({{"w", 0, 0}}, 0.0, 5));
}

TEST(NiceTicks, RoundSteps) {
  EXPECT_DOUBLE_EQ(gilsim::cli::niceStep(10, 5), 2);
  EXPECT_DOUBLE_EQ(gilsim::cli::niceStep(1.2, 6), 0.2);
  EXPECT_DOUBLE_EQ(gilsim::cli::niceStep(7, 10), 1);
  EXPECT_DOUBLE_EQ(gilsim::cli::niceStep(0, 10), 1);
  EXPECT_EQ(gilsim::cli::ticksUpTo(1.0, 0.25).size(), 5u);
}

TEST(SvgChart, SeriesIdealMarkerAndEscaping) {
  std::vector<Measurement> ms = {point(Backend::Threads, Workload::Cpu, 1, {1.0}),
                                 point(Backend::Threads, Workload::Cpu, 2, {2.0}),
                                 point(Backend::Processes, Workload::Cpu, 1, {1.0}),
                                 point(Backend::Processes, Workload::Cpu, 2, {1.0})};
  auto rows = analyse(ms, 2);
  std::string svg = gilsim::cli::renderSvgChart(benchChart("a <b> & c", context(), rows));
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_NE(svg.find("a &lt;b&gt; &amp; c"), std::string::npos);
  EXPECT_NE(svg.find("data-label=\"CPU-bound threads\""), std::string::npos);
  EXPECT_NE(svg.find("data-label=\"CPU-bound processes\""), std::string::npos);
  EXPECT_NE(svg.find("data-label=\"CPU-bound threads (ideal)\""), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray=\"6 4\""), std::string::npos);
  EXPECT_NE(svg.find("2 cores"), std::string::npos);
  // Every element that opens closes: as many <g and </g>, and no stray '<' in text.
  size_t opens = 0, closes = 0;
  for (size_t at = svg.find("<g"); at != std::string::npos; at = svg.find("<g", at + 1))
    ++opens;
  for (size_t at = svg.find("</g>"); at != std::string::npos; at = svg.find("</g>", at + 1))
    ++closes;
  EXPECT_EQ(opens, closes);
}

}  // namespace
