// Durations on the command line: a number with a unit (`5ms`, `500us`, `0.005s`, `2m`), or a
// bare number of seconds, as sys.setswitchinterval takes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gilsim::cli {

// Nanoseconds, or nullopt if `text` is not a duration (negative, NaN, unknown unit, garbage).
std::optional<int64_t> parseDuration(std::string_view text);

}  // namespace gilsim::cli
