#include "tools/nice_ticks.h"

#include <cmath>

namespace gilsim::cli {

double niceStep(double max, int count) {
  if (!(max > 0) || !std::isfinite(max)) return 1;
  double raw = max / (count < 1 ? 1 : count);
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * power * 1.0000001) return m * power;
  return 10 * power;
}

int decimalsFor(double step) {
  int decimals = 0;
  while (decimals < 6 && std::fabs(step * std::pow(10.0, decimals) -
                                   std::round(step * std::pow(10.0, decimals))) > 1e-6)
    ++decimals;
  return decimals;
}

std::vector<double> ticksUpTo(double max, double step) {
  std::vector<double> ticks;
  if (!(step > 0)) return {0};
  for (int i = 0; i <= 1000; ++i) {
    double t = i * step;
    if (t > max + step * 1e-9) break;
    ticks.push_back(t);
  }
  return ticks;
}

}  // namespace gilsim::cli
