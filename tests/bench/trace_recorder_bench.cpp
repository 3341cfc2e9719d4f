// How many GIL events per second the trace recorder sustains (gil/trace_recorder.h), and what a
// record call costs when recording is off. Google Benchmark; run build/release/tests/
// gilsim_trace_recorder_bench. Each thread records into its own buffer, so the rate should grow
// with the threads until the cores run out.
#include <benchmark/benchmark.h>

#include "gil/eval_breaker.h"
#include "gil/gil_thread.h"
#include "gil/trace_recorder.h"

namespace gilsim {
namespace {

// Big enough that no run fills a buffer (a full buffer only counts, which is cheaper).
constexpr size_t kCapacity = size_t{1} << 26;

TraceRecorder& sharedRecorder(bool enabled) {
  static TraceRecorder on(osSyncPlatform());
  static TraceRecorder off(osSyncPlatform());
  static bool started = (on.start(kCapacity), true);
  (void)started;
  return enabled ? on : off;
}

void recordEvents(benchmark::State& state, bool enabled) {
  TraceRecorder& recorder = sharedRecorder(enabled);
  EvalBreaker breaker;
  GilThread thread(static_cast<uint64_t>(state.thread_index()) + 1, breaker, osSyncPlatform());
  for (auto _ : state)
    recorder.record(thread, TraceEventKind::GilRequest);
  state.SetItemsProcessed(state.iterations());
}

void BM_RecordOn(benchmark::State& state) {
  recordEvents(state, true);
}
void BM_RecordOff(benchmark::State& state) {
  recordEvents(state, false);
}

BENCHMARK(BM_RecordOn)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();
BENCHMARK(BM_RecordOff)->Threads(1);

}  // namespace
}  // namespace gilsim

BENCHMARK_MAIN();
