// The gilsim module: the GIL policy and its counters, for scripts that test scheduling.
// Workloads import it guarded (`try: import gilsim except ImportError`) to run under CPython too.
#include "gil/gil_policy.h"
#include "gil/policy_table.h"
#include "gil/trace_analysis.h"
#include "gil/trace_recorder.h"
#include "gil/trace_stats.h"
#include "gil/trace_stats_json.h"
#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/containers.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/errors.h"
#include "interp/objects/int_object.h"
#include "interp/objects/native_args.h"
#include "interp/objects/str_object.h"
#include "interp/vm/interpreter.h"
#include "interp/vm/thread_state.h"
#include "interp/vm/vm.h"

namespace gilsim {

namespace {

Value seconds(Nanos ns) {
  return Value::real(static_cast<double>(ns) / 1e9);
}

Value gilsimPolicy(VM& vm, CallArgs args) {
  expectArgs("policy", args, 0, 0);
  return makeStr(vm.interp().config().gilPolicy);
}

// The machine: "real" or "sim"; the simulated one's cores and seed (None on the real machine).
Value gilsimBackend(VM& vm, CallArgs args) {
  expectArgs("backend", args, 0, 0);
  return makeStr(vm.interp().machine().simulated() ? "sim" : "real");
}

Value gilsimCores(VM& vm, CallArgs args) {
  expectArgs("cores", args, 0, 0);
  const SimSettings* sim = vm.interp().machine().simSettings();
  return sim ? Value::integer(sim->cores) : Value::none();
}

Value gilsimSeed(VM& vm, CallArgs args) {
  expectArgs("seed", args, 0, 0);
  const SimSettings* sim = vm.interp().machine().simSettings();
  return sim ? makeInt128(static_cast<__int128>(sim->seed)) : Value::none();
}

Value gilsimPolicies(VM&, CallArgs args) {
  expectArgs("policies", args, 0, 0);
  std::vector<Value> names;
  for (const GilPolicyInfo& policy : gilPolicies())
    names.push_back(makeStr(policy.name));
  return makeList(std::move(names));
}

Value gilsimCheckPoints(VM& vm, CallArgs args) {
  expectArgs("check_points", args, 0, 0);
  return makeStr(vm.interp().config().checkPoints == CheckPointMode::Every ? "every" : "branches");
}

Value gilsimCounters(VM& vm, CallArgs args) {
  expectArgs("counters", args, 0, 0);
  GilCounters c = vm.interp().gil().counters();
  Value d = makeDict();
  auto* dict = d.as<DictObject>();
  dict->setStr("acquisitions", Value::integer(static_cast<int64_t>(c.acquisitions)));
  dict->setStr("switches", Value::integer(static_cast<int64_t>(c.switches)));
  dict->setStr("drop_requests", Value::integer(static_cast<int64_t>(c.dropRequests)));
  dict->setStr("forced_drops", Value::integer(static_cast<int64_t>(c.forcedDrops)));
  dict->setStr("blocking_drops", Value::integer(static_cast<int64_t>(c.blockingDrops)));
  return d;
}

Value gilsimThreadCounters(VM& vm, CallArgs args) {
  expectArgs("thread_counters", args, 0, 0);
  GilThreadCounters c = vm.interp().gil().countersOf(vm.thread().gil());
  Value d = makeDict();
  auto* dict = d.as<DictObject>();
  dict->setStr("acquisitions", Value::integer(static_cast<int64_t>(c.acquisitions)));
  dict->setStr("forced_drops", Value::integer(static_cast<int64_t>(c.forcedDrops)));
  dict->setStr("blocking_drops", Value::integer(static_cast<int64_t>(c.blockingDrops)));
  dict->setStr("held_s", seconds(c.heldNs));
  dict->setStr("wanted_s", seconds(c.wantedNs));
  dict->setStr("longest_wait_s", seconds(c.longestWaitNs));
  return d;
}

// JSON values as Python values: gilsim.stats() says exactly what --stats-json writes.
Value fromJson(const nlohmann::ordered_json& j) {
  if (j.is_object()) {
    Value d = makeDict();
    for (const auto& [key, value] : j.items())
      d.as<DictObject>()->setStr(key, fromJson(value));
    return d;
  }
  if (j.is_array()) {
    std::vector<Value> items;
    for (const auto& item : j)
      items.push_back(fromJson(item));
    return makeList(std::move(items));
  }
  if (j.is_string()) return makeStr(j.get<std::string>());
  if (j.is_boolean()) return Value::boolean(j.get<bool>());
  if (j.is_number_unsigned()) return Value::integer(static_cast<int64_t>(j.get<uint64_t>()));
  if (j.is_number_integer()) return Value::integer(j.get<int64_t>());
  if (j.is_number()) return Value::real(j.get<double>());
  return Value::none();
}

Value gilsimSettings(VM& vm, CallArgs args) {
  expectArgs("settings", args, 0, 0);
  return fromJson(vm.interp().runSettings());
}

Value gilsimStartRecording(VM& vm, CallArgs args) {
  expectArgs("start_recording", args, 0, 0);
  TraceRecorder& recorder = vm.interp().recorder();
  if (recorder.enabled()) return Value::none();
  recorder.start(vm.interp().config().traceCapacity);
  // The caller holds the GIL: its track starts running. Other threads appear from their next
  // GIL event.
  GilThread& self = vm.thread().gil();
  recorder.record(self, TraceEventKind::ThreadStart);
  recorder.record(self, TraceEventKind::GilAcquire);
  return Value::none();
}

Value gilsimRecording(VM& vm, CallArgs args) {
  expectArgs("recording", args, 0, 0);
  return Value::boolean(vm.interp().recorder().enabled());
}

Value gilsimStats(VM& vm, CallArgs args) {
  expectArgs("stats", args, 0, 0);
  TraceRecorder& recorder = vm.interp().recorder();
  if (!recorder.enabled())
    raiseRuntimeError(
        "no GIL events recorded: call gilsim.start_recording() first, or run with --stats, "
        "--stats-json, --trace or --timeline");
  return fromJson(traceStatsToJson(computeTraceStats(analyzeTrace(recorder.snapshot()))));
}

Value gilsimSetProcessName(VM& vm, CallArgs args) {
  expectArgs("_set_process_name", args, 1, 1);
  if (!isStr(args[0])) raiseTypeError("process name must be str, not {}", typeName(args[0]));
  vm.interp().recorder().nameProcess(asStr(args[0])->str());
  return Value::none();
}

}  // namespace

void initGilsimModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("policy", makeNative("policy", gilsimPolicy));
  d->setStr("policies", makeNative("policies", gilsimPolicies));
  d->setStr("backend", makeNative("backend", gilsimBackend));
  d->setStr("cores", makeNative("cores", gilsimCores));
  d->setStr("seed", makeNative("seed", gilsimSeed));
  d->setStr("check_points", makeNative("check_points", gilsimCheckPoints));
  d->setStr("settings", makeNative("settings", gilsimSettings));
  d->setStr("counters", makeNative("counters", gilsimCounters));
  d->setStr("thread_counters", makeNative("thread_counters", gilsimThreadCounters));
  d->setStr("start_recording", makeNative("start_recording", gilsimStartRecording));
  d->setStr("recording", makeNative("recording", gilsimRecording));
  d->setStr("stats", makeNative("stats", gilsimStats));
  d->setStr("_set_process_name", makeNative("_set_process_name", gilsimSetProcessName));
}

}  // namespace gilsim
