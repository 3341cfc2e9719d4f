// Factories of the GIL policies; the table in gil/policy_table.cpp is their only user.
#pragma once

#include <memory>

#include "gil/gil_policy.h"

namespace gilsim {

std::unique_ptr<GilPolicy> makeCPythonPolicy(SyncPlatform& platform, const GilSettings& settings);
std::unique_ptr<GilPolicy> makeCPythonOldPolicy(SyncPlatform& platform,
                                                const GilSettings& settings);
std::unique_ptr<GilPolicy> makeFifoPolicy(SyncPlatform& platform, const GilSettings& settings);
std::unique_ptr<GilPolicy> makePriorityPolicy(SyncPlatform& platform, const GilSettings& settings);

}  // namespace gilsim
