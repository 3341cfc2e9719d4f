// Gives the GIL up around a blocking call, as CPython's Py_BEGIN_ALLOW_THREADS does, and takes it
// back at the end of the scope. Nothing inside the scope may touch a Python object: copy what the
// call needs out first, and raise (KeyboardInterrupt, OSError) only after the scope has ended.
#pragma once

#include "gil/drop_reason.h"
#include "gil/gil_policy.h"
#include "gil/trace_recorder.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm.h"

namespace gilsim {

class GilReleased {
 public:
  GilReleased(VM& vm, DropReason reason)
      : gil_(vm.interp().gil()),
        thread_(vm.thread().gil()),
        recorder_(vm.interp().recorder()),
        reason_(reason) {
    gil_.drop(thread_, reason);
    recorder_.record(thread_, TraceEventKind::BlockingBegin, reason);
  }
  ~GilReleased() {
    recorder_.record(thread_, TraceEventKind::BlockingEnd, reason_);
    gil_.take(thread_);
  }
  GilReleased(const GilReleased&) = delete;
  GilReleased& operator=(const GilReleased&) = delete;

 private:
  GilPolicy& gil_;
  GilThread& thread_;
  TraceRecorder& recorder_;
  DropReason reason_;
};

}  // namespace gilsim
