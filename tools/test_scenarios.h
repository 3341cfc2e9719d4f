// The scenarios of `gilsim test`: Python scripts named test_*.py or *_test.py, found in the
// folders given (recursively) or given by name, and what each one's header says about its matrix.
//
// A header comment line `# gilsim-test: RULE; RULE; ...` carries the scenario's intent:
//   AXIS=V1,V2         narrows: cells whose AXIS is not one of the values are skipped (SKIP)
//   AXIS+=V1,V2        extends: the values are added to the command line's for this scenario
//   xfail:AXIS=V1,V2   cells with one of the values are expected to fail (XFAIL; a pass is XPASS)
//   skip:AXIS=V1,V2    cells with one of the values are not run (SKIP)
// AXIS is gil, interval, check-points, cores or seed (tools/test_matrix.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tools/test_matrix.h"

namespace gilsim::cli {

struct ScenarioRule {
  enum class Kind { Only, Extend, ExpectFail, Skip };
  Kind kind;
  std::string axis;
  std::vector<std::string> values;
  std::string text;  // as written, for the report
};

struct Scenario {
  std::filesystem::path path;
  std::string name;  // as reported: the path as given, or relative to the folder's parent
  std::vector<ScenarioRule> rules;
};

// Whether a file name is a scenario's (test_*.py, *_test.py).
bool isScenarioFileName(const std::string& name);

// The rules of a header line's text after `gilsim-test:`; an error message if one is malformed.
std::optional<std::string> parseScenarioRules(const std::string& text,
                                              std::vector<ScenarioRule>& rules);

// Reads a scenario's header (the comment lines at the top, before the first code line).
// An error message when it cannot be read or a rule is malformed.
std::optional<std::string> readScenario(const std::filesystem::path& path, Scenario& scenario);

// The scenarios of `paths` (files as given, folders searched, sorted by name). An error message
// when a path does not exist, a file given is not a .py or a header is malformed.
std::optional<std::string> findScenarios(const std::vector<std::string>& paths,
                                         std::vector<Scenario>& scenarios);

// The matrix of one scenario: the command line's, extended by its `+=` rules.
TestMatrix scenarioMatrix(const TestMatrix& base, const Scenario& scenario);

// What the header says of one cell.
struct CellIntent {
  bool skip = false;
  bool expectFail = false;
  std::string why;  // the rule that decided it
};
CellIntent cellIntent(const Scenario& scenario, const TestCell& cell);

}  // namespace gilsim::cli
