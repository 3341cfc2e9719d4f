#include "tools/test_baseline.h"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace gilsim::cli {

namespace {

constexpr const char* kFormatKey = "gilsim_test_baseline";
constexpr int kFormatVersion = 1;

// Two figures this close are equal: --stats-json writes doubles of whole nanoseconds.
constexpr double kEpsilon = 1e-12;

void addNumber(std::map<std::string, double>& into, const std::string& name,
               const nlohmann::json& value) {
  if (value.is_number()) into[name] = value.get<double>();
}

std::string describeValue(double value) {
  return fmt::format("{:.6g}", value);
}

}  // namespace

std::map<std::string, double> cellMetrics(const nlohmann::json& stats) {
  std::map<std::string, double> metrics;
  if (!stats.is_object() || !stats.contains("processes") || !stats["processes"].is_array())
    return metrics;
  for (const nlohmann::json& p : stats["processes"]) {
    std::string process = p.value("name", std::string("process"));
    addNumber(metrics, process + ".jain_index", p.value("jain_index", nlohmann::json()));
    addNumber(metrics, process + ".hand_offs_per_s", p.value("hand_offs_per_s", nlohmann::json()));
    for (const char* latency : {"hand_off_latency_ms", "blocking_return_latency_ms"})
      if (p.contains(latency) && p[latency].value("count", 0) > 0)
        addNumber(metrics, process + "." + latency + ".p99",
                  p[latency].value("p99", nlohmann::json()));
    if (!p.contains("threads") || !p["threads"].is_array()) continue;
    for (const nlohmann::json& t : p["threads"]) {
      std::string thread = process + "/" + std::to_string(t.value("serial", 0)) + ":" +
                           t.value("name", std::string());
      double held = t.value("held_s", 0.0), wanted = t.value("wanted_s", 0.0);
      if (held + wanted > 0) metrics[thread + ".held_share"] = held / (held + wanted);
      addNumber(metrics, thread + ".longest_wait_ms", t.value("longest_wait_ms", nlohmann::json()));
    }
  }
  return metrics;
}

std::map<std::string, double> medianMetrics(
    const std::vector<std::map<std::string, double>>& runs) {
  std::map<std::string, std::vector<double>> values;
  for (const auto& run : runs)
    for (const auto& [name, value] : run)
      values[name].push_back(value);
  std::map<std::string, double> medians;
  for (auto& [name, list] : values) {
    std::sort(list.begin(), list.end());
    size_t n = list.size();
    medians[name] = n % 2 ? list[n / 2] : (list[n / 2 - 1] + list[n / 2]) / 2;
  }
  return medians;
}

MetricDirection metricDirection(const std::string& name) {
  if (name.ends_with(".jain_index") || name.ends_with(".held_share"))
    return MetricDirection::LowerIsWorse;
  if (name.ends_with(".hand_offs_per_s")) return MetricDirection::ChangeIsWorse;
  return MetricDirection::HigherIsWorse;  // latencies and waits
}

std::vector<std::string> compareMetrics(const std::map<std::string, double>& baseline,
                                        const std::map<std::string, double>& now,
                                        double tolerance) {
  std::vector<std::string> problems;
  for (const auto& [name, before] : baseline) {
    auto found = now.find(name);
    if (found == now.end()) {
      problems.push_back(name + " is gone (baseline " + describeValue(before) + ")");
      continue;
    }
    double after = found->second;
    double allowed = std::abs(before) * tolerance + kEpsilon;
    bool up = after > before + allowed, down = after < before - allowed;
    MetricDirection direction = metricDirection(name);
    bool worse = (direction == MetricDirection::HigherIsWorse && up) ||
                 (direction == MetricDirection::LowerIsWorse && down) ||
                 (direction == MetricDirection::ChangeIsWorse && (up || down));
    if (!worse) continue;
    std::string change = before != 0 ? fmt::format(" ({:+.1f}%", (after - before) / before * 100)
                                     : std::string(" (");
    problems.push_back(fmt::format("{} went {} from {} to {}{}{}tolerance {:g}%)", name,
                                   up ? "up" : "down", describeValue(before), describeValue(after),
                                   change, before != 0 ? ", " : "", tolerance * 100));
  }
  return problems;
}

std::string baselineKey(const std::string& scenario, const std::string& label) {
  return scenario + " [" + label + "]";
}

nlohmann::json baselineToJson(const Baseline& baseline, bool sim) {
  nlohmann::json cells = nlohmann::json::object();
  for (const auto& [key, cell] : baseline)
    cells[key] = {{"metrics", cell.metrics}, {"stats", cell.stats}};
  return {{kFormatKey, kFormatVersion}, {"backend", sim ? "sim" : "real"}, {"cells", cells}};
}

std::optional<Baseline> baselineFromJson(const nlohmann::json& json, std::string& error) {
  if (!json.is_object() || json.value(kFormatKey, 0) != kFormatVersion || !json.contains("cells") ||
      !json["cells"].is_object()) {
    error = "not a gilsim test baseline (written by --save-baseline)";
    return std::nullopt;
  }
  Baseline baseline;
  for (const auto& [key, cell] : json["cells"].items()) {
    BaselineCell entry;
    if (cell.contains("metrics") && cell["metrics"].is_object())
      for (const auto& [name, value] : cell["metrics"].items())
        if (value.is_number()) entry.metrics[name] = value.get<double>();
    if (cell.contains("stats")) entry.stats = cell["stats"];
    baseline[key] = std::move(entry);
  }
  return baseline;
}

std::optional<double> parseTolerance(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string number = text;
  double scale = 1;
  if (number.ends_with('%')) {
    number.pop_back();
    scale = 0.01;
  }
  try {
    size_t used = 0;
    double value = std::stod(number, &used);
    if (used != number.size() || !std::isfinite(value) || value < 0) return std::nullopt;
    return value * scale;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace gilsim::cli
