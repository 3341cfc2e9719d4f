// The chart of a benchmark: time against workers, a solid line per (backend, workload) with its
// min…max whiskers, the ideal of each as a dashed line, and a marker at the core count.
#pragma once

#include <string>
#include <vector>

#include "tools/bench_report.h"
#include "tools/svg_chart.h"

namespace gilsim::bench {

cli::ChartSpec benchChart(const std::string& title, const BenchContext& context,
                          const std::vector<ResultRow>& rows);

}  // namespace gilsim::bench
