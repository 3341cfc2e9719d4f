#include "gil/trace_stats.h"

#include <algorithm>
#include <cmath>

namespace gilsim {

namespace {

// Length of the union of [begin, end) intervals.
Nanos unionLength(std::vector<std::pair<Nanos, Nanos>> intervals) {
  std::sort(intervals.begin(), intervals.end());
  Nanos total = 0, coveredTo = INT64_MIN;
  for (auto [begin, end] : intervals) {
    begin = std::max(begin, coveredTo);
    if (end > begin) {
      total += end - begin;
      coveredTo = end;
    }
  }
  return total;
}

double fraction(Nanos part, Nanos whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0;
}

ThreadStats statsOf(const ThreadTrack& track) {
  ThreadStats s;
  s.serial = track.serial;
  s.name = track.name;
  s.lifetime = track.end - track.start;
  for (const StateSlice& slice : track.slices) {
    Nanos length = slice.end - slice.begin;
    switch (threadStateInfo(slice.state).need) {
      case GilNeed::Held:
        s.held += length;
        break;
      case GilNeed::Wanted:
        s.wanted += length;
        break;
      case GilNeed::NotNeeding:
        s.notNeeding += length;
        break;
    }
  }
  s.acquisitions = track.acquisitions;
  s.forcedDrops = track.forcedDrops;
  s.longestWait = track.longestWait;
  return s;
}

ProcessStats statsOf(const ProcessTrack& process) {
  ProcessStats s;
  s.pid = process.pid;
  s.name = process.name;
  s.duration = process.end - process.start;
  s.handOffs = process.handOffs.size();
  s.handOffsPerSecond =
      s.duration > 0 ? static_cast<double>(s.handOffs) * 1e9 / static_cast<double>(s.duration) : 0;
  s.handOffLatency = summarizeLatencies(process.handOffLatencies);
  std::vector<std::pair<Nanos, Nanos>> wanting;
  std::vector<Nanos> returns;
  Nanos held = 0;
  double sum = 0, sumOfSquares = 0;
  for (const ThreadTrack& track : process.threads) {
    ThreadStats t = statsOf(track);
    held += t.held;
    for (const StateSlice& slice : track.slices)
      if (slice.state == ThreadStateKind::WantsGil) wanting.emplace_back(slice.begin, slice.end);
    returns.insert(returns.end(), track.blockingReturnLatencies.begin(),
                   track.blockingReturnLatencies.end());
    if (t.wanted > 0) {
      double share = fraction(t.held, t.held + t.wanted);
      sum += share;
      sumOfSquares += share * share;
      ++s.threadsThatWaited;
    }
    s.threads.push_back(std::move(t));
  }
  s.heldFraction = fraction(held, s.duration);
  s.wantedFraction = fraction(unionLength(std::move(wanting)), s.duration);
  if (s.threadsThatWaited > 0 && sumOfSquares > 0)
    s.jainIndex = sum * sum / (static_cast<double>(s.threadsThatWaited) * sumOfSquares);
  s.blockingReturnLatency = summarizeLatencies(std::move(returns));
  return s;
}

}  // namespace

LatencySummary summarizeLatencies(std::vector<Nanos> samples) {
  LatencySummary s;
  s.count = samples.size();
  if (samples.empty()) return s;
  std::sort(samples.begin(), samples.end());
  auto rank = [&](double p) {
    size_t k = static_cast<size_t>(std::ceil(p * static_cast<double>(samples.size())));
    return samples[std::clamp<size_t>(k, 1, samples.size()) - 1];
  };
  s.p50 = rank(0.50);
  s.p99 = rank(0.99);
  s.max = samples.back();
  return s;
}

TraceStats computeTraceStats(const TraceAnalysis& analysis) {
  TraceStats stats;
  stats.duration = analysis.end - analysis.origin;
  stats.events = analysis.events;
  stats.droppedEvents = analysis.droppedEvents;
  for (const ProcessTrack& process : analysis.processes)
    stats.processes.push_back(statsOf(process));
  return stats;
}

}  // namespace gilsim
