// Worker counts on the command line: `4`, a list `1,2,4`, a range `1..8`, or a mix `1,2,4..6`.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gilsim::cli {

// More workers than this is a typing error, not a benchmark.
inline constexpr int kMaxWorkers = 512;

// The counts, sorted and without repeats, or the reason `text` is not a worker list.
std::variant<std::vector<int>, std::string> parseWorkerList(std::string_view text);

}  // namespace gilsim::cli
