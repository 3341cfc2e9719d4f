// The GIL policies, declared once: the CLI's --gil help, the README's table, the `gilsim` module
// and the policy tests all iterate this table.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "gil/gil_policy.h"

namespace gilsim {

struct GilPolicyInfo {
  std::string_view name;
  std::string_view description;  // one line
  GilSettings defaults;
  std::unique_ptr<GilPolicy> (*make)(SyncPlatform& platform, const GilSettings& settings);
};

std::span<const GilPolicyInfo> gilPolicies();
// nullptr when no policy has that name.
const GilPolicyInfo* findGilPolicy(std::string_view name);
// The policy of a run that names none: the first of the table (CPython's).
const GilPolicyInfo& defaultGilPolicy();

}  // namespace gilsim
