#include "gil/policies/handoff_policy.h"

#include <algorithm>

namespace gilsim {

void HandoffPolicy::takeImpl(GilThread& t) {
  SyncLock lock(*mutex_);
  noteWanted(t);
  t.granted = false;
  if (!holder_) {  // with hand-off, a free lock means an empty queue
    noteAcquired(t);
    return;
  }
  enqueue(t);
  onQueued(t);
  while (!t.granted) {
    if (queue_.front() != &t || !holder_) {
      t.wakeup->wait(*mutex_);
      continue;
    }
    Nanos left = holder_->heldSince + switchInterval() - platform_.now();
    if (left > 0) {
      t.wakeup->waitFor(*mutex_, left);
      continue;
    }
    if (!(holder_->breaker.load() & kDropGilRequest)) requestDrop(t, *holder_);
    t.wakeup->wait(*mutex_);
  }
}

void HandoffPolicy::dropImpl(GilThread& t, DropReason reason) {
  SyncLock lock(*mutex_);
  noteDropped(t, reason);
  onDropped(t, reason);
  t.breaker.clear(kDropGilRequest);
  if (queue_.empty()) return;
  GilThread* next = queue_.front();
  queue_.erase(queue_.begin());
  next->granted = true;
  noteAcquired(*next);
  next->wakeup->notifyOne();
  // The new head keeps the quantum of the new holder.
  if (!queue_.empty()) queue_.front()->wakeup->notifyOne();
}

}  // namespace gilsim
