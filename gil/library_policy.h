// GIL policies built outside the tree: a shared library written against include/gilsim/policy.h,
// named by its path in --gil. The library's take and drop run behind the same GilPolicy base as
// the built-in policies (lock discipline, counters, trace), on the same SyncPlatform, so a
// library policy runs under --sim too.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "gil/gil_policy.h"

struct gilsim_policy;

namespace gilsim {

struct GilPolicyInfo;

// Whether a --gil value names a library (it has a '/' in it, as `./mine.so` does) rather than a
// policy of the table.
bool isGilPolicyPath(std::string_view spec);

// Loads the policy library at `path` once per process (later calls return the same entry) and
// checks its entry point and ABI version. Null, with `error` saying why, when it cannot be used.
// The entry's name is the library's absolute path: what a spawned child is given.
const GilPolicyInfo* loadGilPolicyLibrary(std::string_view path, std::string& error);

std::unique_ptr<GilPolicy> makeLibraryPolicy(const gilsim_policy& library, SyncPlatform& platform,
                                             const GilSettings& settings);

}  // namespace gilsim
