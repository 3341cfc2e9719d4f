// The statistics of a benchmark's repeated runs: mean, sample standard deviation, median, range.
#pragma once

#include <optional>
#include <span>

namespace gilsim::bench {

struct Summary {
  int count = 0;
  double mean = 0;
  // The sample standard deviation (divides by n - 1); none for fewer than two values.
  std::optional<double> stddev;
  double median = 0;
  double min = 0;
  double max = 0;
};

// All zero with count 0 for no values.
Summary summarize(std::span<const double> values);

}  // namespace gilsim::bench
