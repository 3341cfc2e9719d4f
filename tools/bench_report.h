// The results of a benchmark as rows with their statistics and speed-ups, and the human table of
// them (stdout and Markdown share its columns, declared once in bench_report.cpp).
#pragma once

#include <string>
#include <vector>

#include "tools/bench_model.h"
#include "tools/bench_stats.h"

namespace gilsim::bench {

// Where the numbers come from, for headers and exports.
struct BenchContext {
  std::string interpreter;  // "gilsim" or the --python path
  std::string version;      // what `INTERPRETER --version` printed
  int cores = 1;
  WorkSize size;
  int runs = 0;
  int warmup = 0;
};

struct ResultRow {
  const Measurement* measurement = nullptr;
  Summary summary;
  // Speed-ups count work done per second against the series' smallest worker count (1 unless
  // --workers left it out): N workers that each do the full work in the time one takes alone
  // have a speed-up of N.
  int baseWorkers = 1;
  double speedup = 0;
  double idealSpeedup = 0;
  // The time idealFactor() predicts from the base point's mean.
  double idealSeconds = 0;
};

// One row per measurement, in the same order.
std::vector<ResultRow> analyse(const std::vector<Measurement>& measurements, int cores);

// The table of rows, aligned for a terminal.
std::string textTable(const std::vector<ResultRow>& rows);
// The same table in Markdown.
std::string markdownTable(const std::vector<ResultRow>& rows);

// "1.234 s"
std::string formatSeconds(double seconds);
// "1,000,000"
std::string groupThousands(long value);
// "interpreter: python3 (Python 3.11.7), 2 cores, 3 runs each after 0 warm-up runs"
std::string describeContext(const BenchContext& context);

}  // namespace gilsim::bench
