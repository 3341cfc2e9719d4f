// The GIL policies, declared once: the CLI's --gil help, the README's table, the `gilsim` module
// and the policy tests all iterate this table.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "gil/gil_policy.h"

struct gilsim_policy;

namespace gilsim {

struct GilPolicyInfo {
  std::string_view name;
  std::string_view description;  // one line
  GilSettings defaults;
  std::unique_ptr<GilPolicy> (*make)(SyncPlatform& platform, const GilSettings& settings);
  // A policy loaded from a library (gil/library_policy.h): `make` is null and this is used.
  const gilsim_policy* library = nullptr;

  std::unique_ptr<GilPolicy> create(SyncPlatform& platform, const GilSettings& settings) const;
};

std::span<const GilPolicyInfo> gilPolicies();
// nullptr when no policy has that name.
const GilPolicyInfo* findGilPolicy(std::string_view name);
// The policy of a run that names none: the first of the table (CPython's).
const GilPolicyInfo& defaultGilPolicy();
// What a --gil value names: a policy of the table, or a policy library's path (loaded then).
// Null, with `error` saying why, when it names neither.
const GilPolicyInfo* resolveGilPolicy(std::string_view spec, std::string& error);

}  // namespace gilsim
