// Baselines of `gilsim test`: every cell's fairness metrics saved as JSON (--save-baseline), and a
// later run's compared against them (--baseline, --tolerance): a metric that moved past the
// tolerance in its bad direction fails the cell, naming the metric and both values.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gilsim::cli {

// The compared metrics of one --stats-json, by name: per process (named after it, e.g.
// "MainProcess") `jain_index`, `hand_offs_per_s`, `hand_off_latency_ms.p99` and
// `blocking_return_latency_ms.p99`; per thread ("MainProcess/2:cpu-1", the serial and the name)
// `held_share` (held / (held + wanted)) and `longest_wait_ms`.
std::map<std::string, double> cellMetrics(const nlohmann::json& stats);

// The median of each metric over several runs (the real backend's --repeat); a metric missing
// from some runs is the median of those that have it.
std::map<std::string, double> medianMetrics(const std::vector<std::map<std::string, double>>& runs);

enum class MetricDirection { HigherIsWorse, LowerIsWorse, ChangeIsWorse };
MetricDirection metricDirection(const std::string& name);

// "hand_off_latency_ms.p99 went up from 5.25 to 6.1 (+16.2%, tolerance 10%)" for each metric of
// `now` that moved past `tolerance` (a fraction: 0.1 is 10%) in its bad direction from `baseline`,
// and for each metric of the baseline the run lacks.
std::vector<std::string> compareMetrics(const std::map<std::string, double>& baseline,
                                        const std::map<std::string, double>& now, double tolerance);

// A cell's key in the baseline file: "SCENARIO [LABEL]".
std::string baselineKey(const std::string& scenario, const std::string& label);

struct BaselineCell {
  std::map<std::string, double> metrics;
  nlohmann::json stats;  // the whole --stats-json, for the reader
};
using Baseline = std::map<std::string, BaselineCell>;

// The file's JSON: {"gilsim_test_baseline": 1, "backend": ..., "cells": {KEY: {"metrics": {...},
// "stats": {...}}}}.
nlohmann::json baselineToJson(const Baseline& baseline, bool sim);
// nullopt and `error` set when the file is not a baseline.
std::optional<Baseline> baselineFromJson(const nlohmann::json& json, std::string& error);

// "10%", "0.1" -> 0.1; nullopt for a negative or malformed value.
std::optional<double> parseTolerance(const std::string& text);

}  // namespace gilsim::cli
