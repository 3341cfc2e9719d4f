#include "gil/switch_interval.h"

#include <algorithm>
#include <cmath>

namespace gilsim {

Nanos roundSwitchInterval(Nanos interval) {
  Nanos clamped = std::clamp(interval, kMinSwitchInterval, kMaxSwitchInterval);
  return clamped / kNanosPerMicro * kNanosPerMicro;
}

std::optional<Nanos> switchIntervalFromSeconds(double seconds) {
  if (!(seconds > 0)) return std::nullopt;
  double micros = std::floor(std::min(seconds * 1e6, 9e15));
  return roundSwitchInterval(static_cast<Nanos>(micros) * kNanosPerMicro);
}

}  // namespace gilsim
