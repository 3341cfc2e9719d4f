// `gilsim run --timeline`: the trace as a terminal timeline. A row per thread, each cell marked
// with the state that filled most of it (the marks come from the state table in
// gil/trace_analysis.h: `*` running, `.` wants the GIL, ...), and per process with more than one
// thread a GIL row that shows the holder's number. Several processes: one block each.
#pragma once

#include <string>

#include "gil/trace_analysis.h"

namespace gilsim::cli {

std::string renderTraceTimeline(const TraceAnalysis& analysis, int width);

}  // namespace gilsim::cli
