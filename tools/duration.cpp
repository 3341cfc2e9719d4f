#include "tools/duration.h"

#include <charconv>
#include <cmath>
#include <string>

namespace gilsim::cli {

namespace {
struct Unit {
  std::string_view suffix;
  double nanos;
};
// Longest suffixes first, so "ms" is not read as "m" + garbage.
constexpr Unit kUnits[] = {{"ns", 1},  {"us", 1e3}, {"µs", 1e3}, {"ms", 1e6},
                           {"s", 1e9}, {"m", 60e9}, {"", 1e9}};
}  // namespace

std::optional<int64_t> parseDuration(std::string_view text) {
  for (const Unit& unit : kUnits) {
    if (!text.ends_with(unit.suffix)) continue;
    std::string_view number = text.substr(0, text.size() - unit.suffix.size());
    if (number.empty()) return std::nullopt;
    double value = 0;
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (error != std::errc() || end != number.data() + number.size()) continue;
    if (!std::isfinite(value) || value < 0) return std::nullopt;
    double nanos = value * unit.nanos;
    if (nanos > 9e18) return std::nullopt;
    return static_cast<int64_t>(std::llround(nanos));
  }
  return std::nullopt;
}

}  // namespace gilsim::cli
