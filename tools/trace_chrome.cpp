#include "tools/trace_chrome.h"

#include <algorithm>

namespace gilsim::cli {

namespace {

using Json = nlohmann::ordered_json;
// Thread serials count from 1; tid 0 means the idle task to Perfetto, so the GIL track takes a
// tid no serial reaches, and sorts first by its sort index.
constexpr int64_t kGilTrackId = 1'000'000'000;

class ChromeTraceWriter {
 public:
  ChromeTraceWriter(const TraceAnalysis& analysis) : origin_(analysis.origin) {}

  // Whole microseconds, rounded down: integers survive every viewer's conversion to its own
  // units exactly, so back-to-back slices stay back to back (a fractional 1234.567 can come
  // back as 1234566 ns in one field and 1234567 in another, and overlap its neighbour).
  int64_t micros(Nanos t) const {
    Nanos since = t - origin_;
    return since >= 0 ? since / 1000 : -((-since + 999) / 1000);
  }

  void metadata(int64_t pid, int64_t tid, const char* what, Json args) {
    events_.push_back({{"ph", "M"}, {"name", what}, {"pid", pid}, {"tid", tid}, {"args", args}});
  }

  void slice(int64_t pid, int64_t tid, std::string_view name, Nanos begin, Nanos end,
             Json args = nullptr) {
    Json e = {{"ph", "X"},
              {"name", name},
              {"cat", "gil"},
              {"pid", pid},
              {"tid", tid},
              {"ts", micros(begin)},
              {"dur", micros(end) - micros(begin)}};
    if (!args.is_null()) e["args"] = std::move(args);
    events_.push_back(std::move(e));
  }

  void instant(int64_t pid, int64_t tid, std::string_view name, Nanos at, Json args = nullptr) {
    Json e = {{"ph", "i"},  {"s", "t"},   {"name", name},    {"cat", "gil"},
              {"pid", pid}, {"tid", tid}, {"ts", micros(at)}};
    if (!args.is_null()) e["args"] = std::move(args);
    events_.push_back(std::move(e));
  }

  void flow(int64_t pid, const HandOff& handOff, const ProcessTrack& process) {
    uint64_t id = ++flowIds_;
    const ThreadTrack& from = process.threads[handOff.from];
    const ThreadTrack& to = process.threads[handOff.to];
    // The start binds to the slice enclosing its time: just before the end of the running slice.
    events_.push_back({{"ph", "s"},
                       {"name", "hand_off"},
                       {"cat", "gil"},
                       {"id", id},
                       {"pid", pid},
                       {"tid", static_cast<int64_t>(from.serial)},
                       {"ts", std::max(micros(handOff.dropped - 1000), micros(from.start))}});
    events_.push_back({{"ph", "f"},
                       {"bp", "e"},
                       {"name", "hand_off"},
                       {"cat", "gil"},
                       {"id", id},
                       {"pid", pid},
                       {"tid", static_cast<int64_t>(to.serial)},
                       {"ts", micros(handOff.acquired)}});
  }

  Json finish(Json otherData) {
    return {{"traceEvents", std::move(events_)},
            {"displayTimeUnit", "ms"},
            {"otherData", std::move(otherData)}};
  }

 private:
  Nanos origin_;
  Json events_ = Json::array();
  uint64_t flowIds_ = 0;
};

}  // namespace

nlohmann::ordered_json chromeTrace(const TraceAnalysis& analysis,
                                   const nlohmann::ordered_json& otherData) {
  ChromeTraceWriter out(analysis);
  int64_t sortIndex = 0;
  for (const ProcessTrack& process : analysis.processes) {
    int64_t pid = process.pid;
    out.metadata(pid, 0, "process_name",
                 {{"name", process.name + " (pid " + std::to_string(pid) + ")"}});
    out.metadata(pid, 0, "process_sort_index", {{"sort_index", sortIndex++}});
    out.metadata(pid, kGilTrackId, "thread_name", {{"name", "GIL"}});
    out.metadata(pid, kGilTrackId, "thread_sort_index", {{"sort_index", -1}});
    for (const ThreadTrack& thread : process.threads) {
      auto tid = static_cast<int64_t>(thread.serial);
      out.metadata(pid, tid, "thread_name", {{"name", thread.name}});
      out.metadata(pid, tid, "thread_sort_index", {{"sort_index", tid}});
      for (const StateSlice& s : thread.slices) {
        const ThreadStateInfo& state = threadStateInfo(s.state);
        bool afterDrop = s.state != ThreadStateKind::Running &&
                         s.state != ThreadStateKind::Started && s.reason != DropReason::Exit;
        out.slice(pid, tid, state.name, s.begin, s.end,
                  afterDrop ? Json{{"reason", dropReasonName(s.reason)}} : Json(nullptr));
      }
      for (Nanos at : thread.forcedWaits)
        out.instant(pid, tid, "forced_switch", at);
    }
    for (const GilHolding& h : process.holdings)
      out.slice(pid, kGilTrackId, process.threads[h.thread].name, h.begin, h.end,
                {{"holder", process.threads[h.thread].serial}});
    for (const DropRequestMark& r : process.dropRequests)
      out.instant(pid, static_cast<int64_t>(process.threads[r.holder].serial), "drop_request",
                  r.time, {{"by", process.threads[r.by].name}});
    for (const HandOff& h : process.handOffs)
      out.flow(pid, h, process);
  }
  return out.finish(otherData);
}

}  // namespace gilsim::cli
