#include "tools/bench_export.h"

#include <array>

#include "fmt/format.h"
#include "nlohmann/json.hpp"

namespace gilsim::bench {

namespace {

std::string number(double value) {
  return fmt::format("{:.6f}", value);
}

struct CsvColumn {
  const char* name;
  std::string (*cell)(const ResultRow& row);
};

// The CSV columns: plain numbers in seconds, an empty stddev for a single run.
const std::array kCsvColumns = {
    CsvColumn{"workload",
              [](const ResultRow& r) { return std::string(info(r.measurement->workload).name); }},
    CsvColumn{"backend",
              [](const ResultRow& r) { return std::string(info(r.measurement->backend).name); }},
    CsvColumn{"workers", [](const ResultRow& r) { return std::to_string(r.measurement->workers); }},
    CsvColumn{"runs", [](const ResultRow& r) { return std::to_string(r.summary.count); }},
    CsvColumn{"mean", [](const ResultRow& r) { return number(r.summary.mean); }},
    CsvColumn{"stddev",
              [](const ResultRow& r) {
                return r.summary.stddev ? number(*r.summary.stddev) : std::string();
              }},
    CsvColumn{"median", [](const ResultRow& r) { return number(r.summary.median); }},
    CsvColumn{"min", [](const ResultRow& r) { return number(r.summary.min); }},
    CsvColumn{"max", [](const ResultRow& r) { return number(r.summary.max); }},
    CsvColumn{"speedup", [](const ResultRow& r) { return fmt::format("{:.4f}", r.speedup); }},
    CsvColumn{"ideal_speedup",
              [](const ResultRow& r) { return fmt::format("{:.4f}", r.idealSpeedup); }},
    CsvColumn{"ideal_seconds", [](const ResultRow& r) { return number(r.idealSeconds); }},
};

}  // namespace

std::string toJson(const BenchContext& context, const std::vector<ResultRow>& rows) {
  using nlohmann::json;
  json results = json::array();
  for (const ResultRow& row : rows) {
    const Measurement& m = *row.measurement;
    json times = json::array();
    json spans = json::array();
    for (const RunSample& run : m.runs) {
      times.push_back(run.seconds);
      json workers = json::array();
      for (const WorkerSpan& w : run.workers)
        workers.push_back(json::array({w.start, w.end}));
      spans.push_back(std::move(workers));
    }
    results.push_back({
        {"command", joinCommand(m.command)},
        {"backend", info(m.backend).name},
        {"workload", info(m.workload).name},
        {"workers", m.workers},
        {"mean", row.summary.mean},
        {"stddev", row.summary.stddev ? json(*row.summary.stddev) : json(nullptr)},
        {"median", row.summary.median},
        {"min", row.summary.min},
        {"max", row.summary.max},
        {"times", std::move(times)},
        {"exit_codes", json::array()},
        {"speedup", row.speedup},
        {"ideal_speedup", row.idealSpeedup},
        {"ideal_seconds", row.idealSeconds},
        {"base_workers", row.baseWorkers},
        {"worker_spans", std::move(spans)},
    });
    json& codes = results.back()["exit_codes"];
    for (size_t i = 0; i < m.runs.size(); ++i)
      codes.push_back(0);
  }
  json document = {
      {"interpreter", context.interpreter},
      {"interpreter_version", context.version},
      {"cores", context.cores},
      {"cpu_iterations", context.size.cpuIterations},
      {"sleep_seconds", context.size.sleepSeconds},
      {"runs", context.runs},
      {"warmup", context.warmup},
      {"results", std::move(results)},
  };
  return document.dump(2) + "\n";
}

std::string toCsv(const std::vector<ResultRow>& rows) {
  std::string text;
  for (const CsvColumn& c : kCsvColumns)
    text += (text.empty() ? "" : ",") + std::string(c.name);
  text += "\n";
  for (const ResultRow& row : rows) {
    std::string line;
    for (const CsvColumn& c : kCsvColumns)
      line += (line.empty() ? "" : ",") + c.cell(row);
    text += line + "\n";
  }
  return text;
}

std::string toMarkdown(const BenchContext& context, const std::vector<ResultRow>& rows) {
  return fmt::format("{}\n\n{}", describeContext(context), markdownTable(rows));
}

}  // namespace gilsim::bench
