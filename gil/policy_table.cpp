#include "gil/policy_table.h"

#include "gil/library_policy.h"
#include "gil/policies/policies.h"

namespace gilsim {

namespace {
constexpr Nanos kMs = kNanosPerMilli;
const GilPolicyInfo kGilPolicies[] = {
    {"cpython",
     "CPython 3.2+: waiters ask the holder to drop after a switch interval; forced switching",
     {5 * kMs, 100},
     makeCPythonPolicy},
    {"cpython-old",
     "Python 2 / 3.0-3.1: release and retake every check interval ticks, no hand-off",
     {5 * kMs, 100},
     makeCPythonOldPolicy},
    {"fifo",
     "Ruby's GVL: first-in first-out hand-off after a quantum (the switch interval)",
     {5 * kMs, 100},
     makeFifoPolicy},
    {"ruby", "the fifo policy with Ruby's 100 ms quantum", {100 * kMs, 100}, makeFifoPolicy},
    {"priority",
     "Beazley's fix: threads back from I/O preempt CPU-bound holders at once",
     {5 * kMs, 100},
     makePriorityPolicy},
};
}  // namespace

std::span<const GilPolicyInfo> gilPolicies() {
  return kGilPolicies;
}

const GilPolicyInfo& defaultGilPolicy() {
  return kGilPolicies[0];
}

const GilPolicyInfo* findGilPolicy(std::string_view name) {
  for (const GilPolicyInfo& info : kGilPolicies)
    if (info.name == name) return &info;
  return nullptr;
}

const GilPolicyInfo* resolveGilPolicy(std::string_view spec, std::string& error) {
  if (isGilPolicyPath(spec)) return loadGilPolicyLibrary(spec, error);
  if (const GilPolicyInfo* info = findGilPolicy(spec)) return info;
  error = "unknown GIL policy '" + std::string(spec) + "'";
  return nullptr;
}

std::unique_ptr<GilPolicy> GilPolicyInfo::create(SyncPlatform& platform,
                                                 const GilSettings& settings) const {
  if (library) return makeLibraryPolicy(*library, platform, settings);
  return make(platform, settings);
}

}  // namespace gilsim
