// The trace as Chrome Trace Event JSON (the "JSON Object Format"), which Perfetto
// (ui.perfetto.dev) and chrome://tracing open:
//
//   - a process group per process (pid), named by process_name metadata;
//   - per thread (tid = its serial) back-to-back complete ("X") slices named after its state:
//     running, wants_gil, waiting, sleeping, cext (and `started` for the moment before its
//     first request); slices after a drop carry args.reason;
//   - per process a "GIL" track (tid 1000000000) with a slice per holding, named after the holder;
//   - instant ("i") events: drop_request on the holder's track (args.by: the waiter), and
//     forced_switch where a holder had to wait for another thread to take the lock;
//   - flow events ("s"/"f", name hand_off) from the end of one holder's slice to the start of
//     the next holder's;
//   - otherData: the dropped-event count and the run's settings.
// Times are whole microseconds since the run's start (the metrics keep the nanoseconds).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gil/trace_analysis.h"

namespace gilsim::cli {

nlohmann::ordered_json chromeTrace(const TraceAnalysis& analysis,
                                   const nlohmann::ordered_json& otherData);

}  // namespace gilsim::cli
