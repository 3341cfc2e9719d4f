#include "gil/trace_events.h"

#include <iterator>

namespace gilsim {

namespace {
constexpr std::string_view kTraceEventNames[] = {
#define GILSIM_TRACE_EVENT_NAME(e, name, arg, doc) name,
    GILSIM_TRACE_EVENTS(GILSIM_TRACE_EVENT_NAME)
#undef GILSIM_TRACE_EVENT_NAME
};
static_assert(std::size(kTraceEventNames) == kTraceEventKindCount);
}  // namespace

std::string_view traceEventName(TraceEventKind kind) {
  return kTraceEventNames[static_cast<size_t>(kind)];
}

}  // namespace gilsim
