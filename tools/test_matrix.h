// The matrix of `gilsim test`: the settings a scenario runs under (one cell a combination), as
// the command line gives them (`--gil A,B`, `--seed 1..20`, ...) and as a scenario's header
// narrows or extends them (tools/test_scenarios.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gilsim::cli {

// One run of one scenario. Empty optionals leave the setting to `gilsim run`'s default.
struct TestCell {
  std::string gil;
  std::string switchInterval;  // as written ("5ms"); empty: the policy's default
  std::string checkPoints;     // "branches" or "every"
  bool sim = false;
  std::optional<int> cores;  // --sim only
  std::optional<int> seed;   // --sim only
};

// The axes. Every axis has at least one value; the matrix is their product.
struct TestMatrix {
  std::vector<std::string> gils = {"cpython"};
  std::vector<std::string> switchIntervals = {""};
  std::vector<std::string> checkPoints = {"branches"};
  bool sim = false;
  std::vector<int> cores = {};  // empty: the simulator's default
  std::vector<int> seeds = {};  // empty: the simulator's default
};

// The names a header and a cell's label use for the axes.
inline constexpr std::string_view kAxisGil = "gil";
inline constexpr std::string_view kAxisInterval = "interval";
inline constexpr std::string_view kAxisCheckPoints = "check-points";
inline constexpr std::string_view kAxisCores = "cores";
inline constexpr std::string_view kAxisSeed = "seed";

// "a,b,,c" -> {"a", "b", "c"} (spaces around items dropped, empty items skipped).
std::vector<std::string> splitList(std::string_view text);

// "1..5", "1,3,7", "1..3,10" -> the integers in order; nullopt on anything else (a reversed
// range, a negative number, garbage, more than kMaxListSize values).
std::optional<std::vector<int>> parseIntList(std::string_view text);
inline constexpr size_t kMaxListSize = 100000;

// The product, in a fixed order: gil, interval, check points, cores, seed.
std::vector<TestCell> expandMatrix(const TestMatrix& matrix);

// The value of `axis` in `cell` as the header and the label spell it ("" when unset).
std::string axisValue(const TestCell& cell, std::string_view axis);

// "gil=cpython interval=1ms seed=3": the settings that tell this cell from the others (the
// check points only when not the default; cores and seed only under --sim when set).
std::string cellLabel(const TestCell& cell);

}  // namespace gilsim::cli
