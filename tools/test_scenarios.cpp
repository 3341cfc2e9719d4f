#include "tools/test_scenarios.h"

#include <algorithm>
#include <fstream>
#include <system_error>

namespace gilsim::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeaderKey = "gilsim-test:";

bool knownAxis(std::string_view axis) {
  return axis == kAxisGil || axis == kAxisInterval || axis == kAxisCheckPoints ||
         axis == kAxisCores || axis == kAxisSeed;
}

std::string trimmed(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

void addMissing(std::vector<std::string>& to, const std::vector<std::string>& values) {
  for (const std::string& v : values)
    if (!contains(to, v)) to.push_back(v);
}

void addMissing(std::vector<int>& to, const std::vector<std::string>& values) {
  for (const std::string& v : values) {
    std::optional<std::vector<int>> numbers = parseIntList(v);
    if (!numbers) continue;
    for (int n : *numbers)
      if (std::find(to.begin(), to.end(), n) == to.end()) to.push_back(n);
  }
}

}  // namespace

bool isScenarioFileName(const std::string& name) {
  if (!name.ends_with(".py")) return false;
  return (name.starts_with("test_") && name.size() > 8) ||
         (name.ends_with("_test.py") && name.size() > 8);
}

std::optional<std::string> parseScenarioRules(const std::string& text,
                                              std::vector<ScenarioRule>& rules) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    std::string rule = trimmed(text.substr(start, end == std::string::npos ? end : end - start));
    start = end == std::string::npos ? text.size() + 1 : end + 1;
    if (rule.empty()) continue;
    ScenarioRule parsed{ScenarioRule::Kind::Only, "", {}, rule};
    std::string body = rule;
    if (body.starts_with("xfail:")) {
      parsed.kind = ScenarioRule::Kind::ExpectFail;
      body = body.substr(6);
    } else if (body.starts_with("skip:")) {
      parsed.kind = ScenarioRule::Kind::Skip;
      body = body.substr(5);
    }
    size_t equals = body.find('=');
    if (equals == std::string::npos || equals == 0)
      return "'" + rule +
             "' is not AXIS=VALUES, AXIS+=VALUES, xfail:AXIS=VALUES or skip:AXIS=VALUES";
    std::string axis = body.substr(0, equals);
    if (axis.ends_with('+')) {
      if (parsed.kind != ScenarioRule::Kind::Only) return "'" + rule + "': += only extends";
      parsed.kind = ScenarioRule::Kind::Extend;
      axis.pop_back();
    }
    parsed.axis = trimmed(axis);
    if (!knownAxis(parsed.axis))
      return "'" + rule + "': unknown axis '" + parsed.axis +
             "' (gil, interval, check-points, cores, seed)";
    parsed.values = splitList(body.substr(equals + 1));
    if (parsed.values.empty()) return "'" + rule + "': no values";
    rules.push_back(std::move(parsed));
  }
  return std::nullopt;
}

std::optional<std::string> readScenario(const fs::path& path, Scenario& scenario) {
  std::ifstream in(path);
  if (!in) return "cannot read " + path.string();
  scenario.path = path;
  for (std::string line; std::getline(in, line);) {
    std::string text = trimmed(line);
    if (text.empty()) continue;
    if (!text.starts_with("#")) break;  // the header ends at the first line of code
    text = trimmed(text.substr(1));
    if (!text.starts_with(kHeaderKey)) continue;
    if (std::optional<std::string> error =
            parseScenarioRules(text.substr(kHeaderKey.size()), scenario.rules))
      return path.string() + ": gilsim-test header: " + *error;
  }
  return std::nullopt;
}

std::optional<std::string> findScenarios(const std::vector<std::string>& paths,
                                         std::vector<Scenario>& scenarios) {
  for (const std::string& given : paths) {
    std::error_code error;
    fs::path path(given);
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(path, error);
           !error && it != fs::recursive_directory_iterator(); it.increment(error))
        if (it->is_regular_file(error) && isScenarioFileName(it->path().filename().string()))
          found.push_back(it->path());
      if (error) return "cannot list " + given + ": " + error.message();
      std::sort(found.begin(), found.end());
      for (const fs::path& file : found) {
        Scenario scenario;
        if (std::optional<std::string> problem = readScenario(file, scenario)) return problem;
        scenario.name = file.lexically_normal().string();
        scenarios.push_back(std::move(scenario));
      }
    } else if (fs::is_regular_file(path, error)) {
      if (path.extension() != ".py") return given + " is not a Python script (.py)";
      Scenario scenario;
      if (std::optional<std::string> problem = readScenario(path, scenario)) return problem;
      scenario.name = path.lexically_normal().string();
      scenarios.push_back(std::move(scenario));
    } else {
      return "no such file or folder: " + given;
    }
  }
  return std::nullopt;
}

TestMatrix scenarioMatrix(const TestMatrix& base, const Scenario& scenario) {
  TestMatrix matrix = base;
  for (const ScenarioRule& rule : scenario.rules) {
    if (rule.kind != ScenarioRule::Kind::Extend) continue;
    if (rule.axis == kAxisGil) addMissing(matrix.gils, rule.values);
    if (rule.axis == kAxisInterval) addMissing(matrix.switchIntervals, rule.values);
    if (rule.axis == kAxisCheckPoints) addMissing(matrix.checkPoints, rule.values);
    if (rule.axis == kAxisCores && matrix.sim) addMissing(matrix.cores, rule.values);
    if (rule.axis == kAxisSeed && matrix.sim) addMissing(matrix.seeds, rule.values);
  }
  return matrix;
}

CellIntent cellIntent(const Scenario& scenario, const TestCell& cell) {
  CellIntent intent;
  for (const ScenarioRule& rule : scenario.rules) {
    std::string value = axisValue(cell, rule.axis);
    bool listed = contains(rule.values, value);
    if (rule.kind == ScenarioRule::Kind::Only && !listed && !value.empty()) {
      intent.skip = true;
      intent.why = "header: " + rule.text;
    } else if (rule.kind == ScenarioRule::Kind::Skip && listed) {
      intent.skip = true;
      intent.why = "header: " + rule.text;
    } else if (rule.kind == ScenarioRule::Kind::ExpectFail && listed && !intent.expectFail) {
      intent.expectFail = true;
      if (!intent.skip) intent.why = "header: " + rule.text;
    }
  }
  return intent;
}

}  // namespace gilsim::cli
