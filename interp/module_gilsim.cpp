// The gilsim module: the GIL policy and its counters, for scripts that test scheduling.
// Workloads import it guarded (`try: import gilsim except ImportError`) to run under CPython too.
#include "gil/gil_policy.h"
#include "gil/policy_table.h"
#include "interp/class_object.h"
#include "interp/containers.h"
#include "interp/dict_object.h"
#include "interp/interpreter.h"
#include "interp/native_args.h"
#include "interp/native_modules.h"
#include "interp/str_object.h"
#include "interp/thread_state.h"
#include "interp/vm.h"

namespace gilsim {

namespace {

Value seconds(Nanos ns) {
  return Value::real(static_cast<double>(ns) / 1e9);
}

Value gilsimPolicy(VM& vm, CallArgs args) {
  expectArgs("policy", args, 0, 0);
  return makeStr(vm.interp().config().gilPolicy);
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

}  // namespace

void initGilsimModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  d->setStr("policy", makeNative("policy", gilsimPolicy));
  d->setStr("policies", makeNative("policies", gilsimPolicies));
  d->setStr("check_points", makeNative("check_points", gilsimCheckPoints));
  d->setStr("counters", makeNative("counters", gilsimCounters));
  d->setStr("thread_counters", makeNative("thread_counters", gilsimThreadCounters));
}

}  // namespace gilsim
