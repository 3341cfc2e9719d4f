#include "tools/bench_stats.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace gilsim::bench {

Summary summarize(std::span<const double> values) {
  Summary s;
  if (values.empty()) return s;
  s.count = static_cast<int>(values.size());
  double sum = 0;
  for (double v : values)
    sum += v;
  s.mean = sum / s.count;
  if (s.count > 1) {
    // Two passes: the squares of deviations, not of values, so that nothing cancels.
    double squares = 0;
    for (double v : values)
      squares += (v - s.mean) * (v - s.mean);
    s.stddev = std::sqrt(squares / (s.count - 1));
  }
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  s.min = sorted.front();
  s.max = sorted.back();
  size_t mid = sorted.size() / 2;
  s.median = sorted.size() % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return s;
}

}  // namespace gilsim::bench
