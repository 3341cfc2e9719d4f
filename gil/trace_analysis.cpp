#include "gil/trace_analysis.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace gilsim {

const std::vector<ThreadStateInfo>& threadStates() {
  static const std::vector<ThreadStateInfo> states = {
#define GILSIM_THREAD_STATE_INFO(e, name, mark, need, doc) \
  {ThreadStateKind::e, name, mark, GilNeed::need, doc},
      GILSIM_THREAD_STATES(GILSIM_THREAD_STATE_INFO)
#undef GILSIM_THREAD_STATE_INFO
  };
  return states;
}

const ThreadStateInfo& threadStateInfo(ThreadStateKind kind) {
  return threadStates()[static_cast<size_t>(kind)];
}

namespace {

ThreadStateKind stateAfterDrop(DropReason reason) {
  switch (reason) {
    case DropReason::Forced:
    case DropReason::Tick:
      return ThreadStateKind::WantsGil;  // it asks again at once
    case DropReason::Sleep:
      return ThreadStateKind::Sleeping;
    case DropReason::Cext:
      return ThreadStateKind::Cext;
    case DropReason::Io:
    case DropReason::Wait:
    case DropReason::Exit:
      break;
  }
  return ThreadStateKind::Waiting;
}

// Replays one thread's events as its state machine.
class ThreadReplay {
 public:
  ThreadReplay(ThreadTrack& track, Nanos processEnd) : track_(track), processEnd_(processEnd) {}

  void apply(const TraceEvent& e) {
    if (!started_) {
      started_ = true;
      track_.start = e.time;
    }
    lastTime_ = e.time;
    switch (e.kind) {
      case TraceEventKind::ThreadStart:
        enter(e.time, ThreadStateKind::Started, e.reason);
        break;
      case TraceEventKind::GilRequest:
        if (state_ != ThreadStateKind::WantsGil || !inState_) {
          enter(e.time, ThreadStateKind::WantsGil, e.reason);
          wantsSince_ = e.time;
        }
        break;
      case TraceEventKind::GilAcquire:
        if (inState_ && state_ == ThreadStateKind::WantsGil)
          track_.longestWait = std::max(track_.longestWait, e.time - wantsSince_);
        if (blockingEnded_) {
          track_.blockingReturnLatencies.push_back(e.time - *blockingEnded_);
          blockingEnded_.reset();
        }
        ++track_.acquisitions;
        enter(e.time, ThreadStateKind::Running, e.reason);
        break;
      case TraceEventKind::GilDrop:
        if (e.reason == DropReason::Forced || e.reason == DropReason::Tick) ++track_.forcedDrops;
        if (e.reason == DropReason::Exit) {
          // Its life as a Python thread ends here; what follows (thread_exit) is teardown.
          close(e.time);
          track_.exited = true;
          track_.end = e.time;
        } else {
          enter(e.time, stateAfterDrop(e.reason), e.reason);
          if (state_ == ThreadStateKind::WantsGil) wantsSince_ = e.time;
        }
        break;
      case TraceEventKind::BlockingEnd:
        blockingEnded_ = e.time;
        break;
      case TraceEventKind::ForcedWaitBegin:
        track_.forcedWaits.push_back(e.time);
        break;
      case TraceEventKind::ThreadExit:
        close(e.time);
        if (!track_.exited) track_.end = e.time;
        track_.exited = true;
        break;
      case TraceEventKind::DropRequest:
      case TraceEventKind::ForcedWaitEnd:
      case TraceEventKind::BlockingBegin:
      case TraceEventKind::ProcessStart:
      case TraceEventKind::ProcessExit:
        break;
    }
  }

  void finish() {
    if (track_.exited) return;
    // A thread whose buffer filled up is known only until its last kept event: ending it there
    // keeps its slices (and the GIL track) consistent with the other threads'.
    Nanos end = track_.droppedEvents > 0 ? lastTime_ : std::max(processEnd_, track_.start);
    close(end);
    track_.end = end;
  }

 private:
  void enter(Nanos time, ThreadStateKind state, DropReason reason) {
    close(time);
    inState_ = true;
    state_ = state;
    since_ = time;
    reason_ = reason;
  }
  void close(Nanos time) {
    if (inState_ && time > since_) track_.slices.push_back({since_, time, state_, reason_});
    inState_ = false;
  }

  ThreadTrack& track_;
  const Nanos processEnd_;
  bool started_ = false;
  bool inState_ = false;
  ThreadStateKind state_ = ThreadStateKind::Started;
  Nanos since_ = 0;
  DropReason reason_ = DropReason::Exit;
  Nanos wantsSince_ = 0;
  Nanos lastTime_ = 0;
  std::optional<Nanos> blockingEnded_;
};

struct Acquisition {
  Nanos time;
  size_t thread;
};

void analyzeGil(const TracedProcess& traced, ProcessTrack& process) {
  std::unordered_map<uint64_t, size_t> indexOf;
  for (size_t i = 0; i < process.threads.size(); ++i)
    indexOf[process.threads[i].serial] = i;
  for (size_t i = 0; i < process.threads.size(); ++i)
    for (const StateSlice& s : process.threads[i].slices)
      if (s.state == ThreadStateKind::Running) process.holdings.push_back({s.begin, s.end, i});
  std::sort(process.holdings.begin(), process.holdings.end(),
            [](const GilHolding& a, const GilHolding& b) { return a.begin < b.begin; });
  for (size_t i = 1; i < process.holdings.size(); ++i) {
    const GilHolding& before = process.holdings[i - 1];
    const GilHolding& after = process.holdings[i];
    if (before.thread != after.thread)
      process.handOffs.push_back({before.end, after.begin, before.thread, after.thread});
  }
  for (const TracedThread& thread : traced.threads)
    for (const TraceEvent& e : thread.events) {
      if (e.kind != TraceEventKind::DropRequest) continue;
      auto by = indexOf.find(thread.serial), holder = indexOf.find(e.arg);
      if (by != indexOf.end() && holder != indexOf.end())
        process.dropRequests.push_back({e.time, by->second, holder->second});
    }
  std::sort(process.dropRequests.begin(), process.dropRequests.end(),
            [](const DropRequestMark& a, const DropRequestMark& b) { return a.time < b.time; });
  // Each request is answered by the first holding of another thread that begins after it.
  size_t h = 0;
  for (size_t r = 0; r < process.dropRequests.size(); ++r) {
    const DropRequestMark& request = process.dropRequests[r];
    while (h < process.holdings.size() && process.holdings[h].begin <= request.time)
      ++h;
    size_t k = h;
    while (k < process.holdings.size() && process.holdings[k].thread == request.holder)
      ++k;
    if (k == process.holdings.size()) continue;
    process.handOffLatencies.push_back(process.holdings[k].begin - request.time);
    // Later requests to the same holder before that hand-off were repeats of this one.
    while (r + 1 < process.dropRequests.size() &&
           process.dropRequests[r + 1].time < process.holdings[k].begin)
      ++r;
  }
}

}  // namespace

TraceAnalysis analyzeTrace(const TraceLog& log) {
  TraceAnalysis analysis;
  analysis.origin = log.origin;
  analysis.end = log.end();
  for (const TracedProcess& traced : log.processes) {
    ProcessTrack process;
    process.pid = traced.pid;
    process.parentPid = traced.parentPid;
    process.name = traced.name;
    process.start = traced.start;
    process.end = traced.end;
    for (const TracedThread& thread : traced.threads) {
      if (thread.events.empty()) continue;
      ThreadTrack track;
      track.serial = thread.serial;
      track.name = thread.name;
      track.droppedEvents = thread.droppedEvents;
      ThreadReplay replay(track, traced.end);
      for (const TraceEvent& e : thread.events)
        replay.apply(e);
      replay.finish();
      analysis.events += thread.events.size();
      analysis.droppedEvents += thread.droppedEvents;
      process.threads.push_back(std::move(track));
    }
    analyzeGil(traced, process);
    analysis.processes.push_back(std::move(process));
  }
  return analysis;
}

}  // namespace gilsim
