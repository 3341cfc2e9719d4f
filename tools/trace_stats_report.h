// `gilsim run --stats`: the metrics of gil/trace_stats.h as a table a class can read. README.md
// ("Reading --stats") defines each column and line.
#pragma once

#include <string>

#include "gil/trace_stats.h"

namespace gilsim::cli {

std::string renderTraceStats(const TraceStats& stats);

}  // namespace gilsim::cli
