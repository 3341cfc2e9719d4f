// The report of `gilsim test`: a line a cell (with the failure's message and the scenario's last
// lines of output under a failing one), a summary line, and JUnit XML for CI.
#pragma once

#include <string>
#include <vector>

#include "tools/test_runner.h"

namespace gilsim::cli {

struct ReportEntry {
  std::string scenario;
  std::string label;  // tools/test_matrix.h cellLabel
  CellOutcome outcome;
};

// "PASS  workloads/fairness/test_convoy.py [gil=priority seed=1] 0.12s", then for a cell that did
// not pass its message and last lines, indented.
std::string formatCell(const ReportEntry& entry);

// "12 cells: 9 passed, 1 failed, 0 errors, 2 xfailed, 0 xpassed, 0 skipped in 3.4s"
std::string formatSummary(const std::vector<ReportEntry>& entries, double seconds);

// One <testsuite> of one <testcase> a cell: classname the scenario, name its parameters; FAIL and
// XPASS are <failure>, ERROR <error>, XFAIL and SKIP <skipped>, each with its message.
std::string junitXml(const std::vector<ReportEntry>& entries, double seconds);

// Text made safe for an XML attribute or element.
std::string xmlEscape(const std::string& text);

}  // namespace gilsim::cli
