#include "gil/gil_policy.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "gil/switch_interval.h"

namespace gilsim {

void gilDisciplineFailure(const char* what) {
  std::fprintf(stderr, "gilsim: GIL discipline broken: %s\n", what);
  std::abort();
}

GilPolicy::GilPolicy(SyncPlatform& platform, const GilSettings& settings)
    : platform_(platform),
      mutex_(platform.makeMutex()),
      switchInterval_(roundSwitchInterval(settings.switchInterval)),
      checkInterval_(std::max(settings.checkInterval, 1)) {}

void GilPolicy::take(GilThread& t) {
  if (t.holdsGil) gilDisciplineFailure("take: GIL already held by this thread");
  t.askedAt = platform_.now();
  traceAt(t, t.askedAt, TraceEventKind::GilRequest);
  takeImpl(t);
  t.holdsGil = true;
  // Recorded by the new holder once it runs, as only the thread itself may write its events. It
  // took the lock itself at heldSince, unless a hand-off policy granted it the lock while it slept:
  // then it runs only now.
  if (tracing()) traceAt(t, t.granted ? platform_.now() : t.heldSince, TraceEventKind::GilAcquire);
}

void GilPolicy::drop(GilThread& t, DropReason reason) {
  if (!t.holdsGil) gilDisciplineFailure("drop: GIL not held by this thread");
  t.holdsGil = false;
  dropImpl(t, reason);
}

void GilPolicy::checkPoint(GilThread& t) {
  if (!t.holdsGil) gilDisciplineFailure("check point: GIL not held by this thread");
  checkPointImpl(t);
  if (!t.holdsGil) gilDisciplineFailure("check point: policy returned without the GIL");
}

void GilPolicy::checkPointImpl(GilThread& t) {
  if (!(t.breaker.load() & kDropGilRequest)) return;
  drop(t, DropReason::Forced);
  take(t);
}

void GilPolicy::setSwitchInterval(Nanos interval) {
  switchInterval_.store(roundSwitchInterval(interval), std::memory_order_relaxed);
}

void GilPolicy::setCheckInterval(int ticks) {
  checkInterval_.store(std::max(ticks, 1), std::memory_order_relaxed);
}

GilCounters GilPolicy::counters() {
  SyncLock lock(*mutex_);
  return counters_;
}

GilThreadCounters GilPolicy::countersOf(GilThread& t) {
  SyncLock lock(*mutex_);
  GilThreadCounters c = t.counters;
  // Count the time of the slice or wait in progress too.
  Nanos now = platform_.now();
  if (holder_ == &t) c.heldNs += now - t.heldSince;
  if (t.wantedSince) c.wantedNs += now - t.wantedSince;
  return c;
}

void GilPolicy::noteWanted(GilThread& t) {
  // Already set when a forced switch made the thread wait for another to take the lock first.
  if (!t.wantedSince) t.wantedSince = t.askedAt;
}

void GilPolicy::noteAcquired(GilThread& t) {
  if (holder_) gilDisciplineFailure("acquire: the GIL already has a holder");
  Nanos now = platform_.now();
  holder_ = &t;
  ++counters_.acquisitions;
  ++t.counters.acquisitions;
  if (lastHolder_ && lastHolder_ != &t) ++counters_.switches;
  lastHolder_ = &t;
  if (t.wantedSince) {
    Nanos waited = now - t.wantedSince;
    t.counters.wantedNs += waited;
    t.counters.longestWaitNs = std::max(t.counters.longestWaitNs, waited);
    t.wantedSince = 0;
  }
  t.heldSince = now;
  // A request aimed at this thread's previous slice is stale now.
  t.breaker.clear(kDropGilRequest);
}

void GilPolicy::noteDropped(GilThread& t, DropReason reason) {
  if (holder_ != &t) gilDisciplineFailure("drop: the policy's holder is another thread");
  holder_ = nullptr;
  Nanos now = platform_.now();
  t.droppedAt = now;
  // The dropping thread itself calls this, under the mutex: before any next holder's acquire.
  traceAt(t, now, TraceEventKind::GilDrop, reason);
  t.counters.heldNs += now - t.heldSince;
  if (reason == DropReason::Forced || reason == DropReason::Tick) {
    // Made to let go, it wants the lock back from this moment: the time it then spends in the
    // policy (forced switching's wait included) counts as wanting it, as the trace shows it.
    t.wantedSince = now;
    ++counters_.forcedDrops;
    ++t.counters.forcedDrops;
  } else if (isBlockingDrop(reason)) {
    ++counters_.blockingDrops;
    ++t.counters.blockingDrops;
  }
}

void GilPolicy::requestDrop(GilThread& by, GilThread& holder) {
  ++counters_.dropRequests;
  trace(by, TraceEventKind::DropRequest, DropReason::Exit, static_cast<uint32_t>(holder.serial));
  holder.breaker.set(kDropGilRequest);
}

}  // namespace gilsim
