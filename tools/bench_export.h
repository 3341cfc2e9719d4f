// The machine-readable exports of `gilsim bench`: JSON (shaped like hyperfine's, with the backend,
// workload and workers of each result and every run's worker spans), CSV and Markdown.
#pragma once

#include <string>
#include <vector>

#include "tools/bench_report.h"

namespace gilsim::bench {

std::string toJson(const BenchContext& context, const std::vector<ResultRow>& rows);
// A header line, then one line per row.
std::string toCsv(const std::vector<ResultRow>& rows);
std::string toMarkdown(const BenchContext& context, const std::vector<ResultRow>& rows);

}  // namespace gilsim::bench
