#include "tools/test_matrix.h"

#include <charconv>

namespace gilsim::cli {

namespace {

std::string_view trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::optional<int> parseNonNegative(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::string> splitList(std::string_view text) {
  std::vector<std::string> items;
  while (true) {
    size_t comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

std::optional<std::vector<int>> parseIntList(std::string_view text) {
  std::vector<int> values;
  std::vector<std::string> items = splitList(text);
  if (items.empty()) return std::nullopt;
  for (const std::string& item : items) {
    size_t dots = item.find("..");
    if (dots == std::string::npos) {
      std::optional<int> value = parseNonNegative(item);
      if (!value) return std::nullopt;
      values.push_back(*value);
    } else {
      std::optional<int> first = parseNonNegative(trim(std::string_view(item).substr(0, dots)));
      std::optional<int> last = parseNonNegative(trim(std::string_view(item).substr(dots + 2)));
      if (!first || !last || *first > *last) return std::nullopt;
      if (static_cast<size_t>(*last - *first) >= kMaxListSize) return std::nullopt;
      for (int v = *first; v <= *last; ++v)
        values.push_back(v);
    }
    if (values.size() > kMaxListSize) return std::nullopt;
  }
  return values;
}

std::vector<TestCell> expandMatrix(const TestMatrix& matrix) {
  // An empty axis of the simulator means "its default": one cell without the setting.
  std::vector<std::optional<int>> cores, seeds;
  for (int c : matrix.cores)
    cores.emplace_back(c);
  for (int s : matrix.seeds)
    seeds.emplace_back(s);
  if (cores.empty() || !matrix.sim) cores = {std::nullopt};
  if (seeds.empty() || !matrix.sim) seeds = {std::nullopt};
  std::vector<TestCell> cells;
  for (const std::string& gil : matrix.gils)
    for (const std::string& interval : matrix.switchIntervals)
      for (const std::string& points : matrix.checkPoints)
        for (const std::optional<int>& core : cores)
          for (const std::optional<int>& seed : seeds)
            cells.push_back(TestCell{gil, interval, points, matrix.sim, core, seed});
  return cells;
}

std::string axisValue(const TestCell& cell, std::string_view axis) {
  if (axis == kAxisGil) return cell.gil;
  if (axis == kAxisInterval) return cell.switchInterval;
  if (axis == kAxisCheckPoints) return cell.checkPoints;
  if (axis == kAxisCores) return cell.cores ? std::to_string(*cell.cores) : "";
  if (axis == kAxisSeed) return cell.seed ? std::to_string(*cell.seed) : "";
  return "";
}

std::string cellLabel(const TestCell& cell) {
  std::string label = "gil=" + cell.gil;
  if (!cell.switchInterval.empty()) label += " interval=" + cell.switchInterval;
  if (cell.checkPoints != "branches") label += " check-points=" + cell.checkPoints;
  if (cell.cores) label += " cores=" + std::to_string(*cell.cores);
  if (cell.seed) label += " seed=" + std::to_string(*cell.seed);
  return label;
}

}  // namespace gilsim::cli
