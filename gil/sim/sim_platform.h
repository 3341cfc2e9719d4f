// gil/sync.h on the simulated machine: the clock is the machine's virtual clock; a mutex and a
// condition park fibers (SimMachine::block) instead of OS threads. The GIL policies and the thread
// registry run on it unchanged.
#pragma once

#include <memory>

#include "gil/sync.h"

namespace gilsim {

class SimMachine;

std::unique_ptr<SyncPlatform> makeSimPlatform(SimMachine& machine);

}  // namespace gilsim
