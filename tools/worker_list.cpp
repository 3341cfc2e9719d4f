#include "tools/worker_list.h"

#include <algorithm>
#include <charconv>

#include "fmt/format.h"

namespace gilsim::cli {

namespace {

bool parseCount(std::string_view text, int& value) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value >= 1 &&
         value <= kMaxWorkers;
}

}  // namespace

std::variant<std::vector<int>, std::string> parseWorkerList(std::string_view text) {
  std::vector<int> counts;
  std::string bad = fmt::format(
      "'{}' is not a worker count, list or range (like 4, 1,2,4 or 1..8; each from 1 to {})", text,
      kMaxWorkers);
  if (text.empty()) return bad;
  size_t at = 0;
  while (at <= text.size()) {
    size_t comma = text.find(',', at);
    std::string_view item =
        text.substr(at, comma == std::string_view::npos ? text.npos : comma - at);
    size_t dots = item.find("..");
    int low = 0, high = 0;
    if (dots == std::string_view::npos) {
      if (!parseCount(item, low)) return bad;
      high = low;
    } else if (!parseCount(item.substr(0, dots), low) || !parseCount(item.substr(dots + 2), high) ||
               high < low) {
      return bad;
    }
    for (int n = low; n <= high; ++n)
      counts.push_back(n);
    if (comma == std::string_view::npos) break;
    at = comma + 1;
  }
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  return counts;
}

}  // namespace gilsim::cli
