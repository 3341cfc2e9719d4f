// The metrics as JSON: what `gilsim run --stats-json` writes and what gilsim.stats() returns
// (converted to Python values), so that both spell every field the same way.
#pragma once

#include <nlohmann/json.hpp>

#include "gil/trace_stats.h"

namespace gilsim {

nlohmann::ordered_json traceStatsToJson(const TraceStats& stats);

}  // namespace gilsim
