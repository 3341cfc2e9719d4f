#include "tools/bench_report.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "fmt/format.h"

namespace gilsim::bench {

namespace {

enum class Align { Left, Right };

struct Column {
  const char* title;
  Align align;
  std::string (*cell)(const ResultRow& row);
};

std::string timeCell(const ResultRow& r) {
  const Summary& s = r.summary;
  return s.stddev ? fmt::format("{} ± {}", formatSeconds(s.mean), formatSeconds(*s.stddev))
                  : formatSeconds(s.mean);
}

// The columns of the human table, for the terminal and for Markdown.
const std::array kColumns = {
    Column{"workload", Align::Left,
           [](const ResultRow& r) { return std::string(info(r.measurement->workload).name); }},
    Column{"backend", Align::Left,
           [](const ResultRow& r) { return std::string(info(r.measurement->backend).name); }},
    Column{"workers", Align::Right,
           [](const ResultRow& r) { return std::to_string(r.measurement->workers); }},
    Column{"mean ± σ", Align::Right, timeCell},
    Column{"min … max", Align::Right,
           [](const ResultRow& r) {
             return fmt::format("{} … {}", formatSeconds(r.summary.min),
                                formatSeconds(r.summary.max));
           }},
    Column{"runs", Align::Right,
           [](const ResultRow& r) { return std::to_string(r.summary.count); }},
    Column{"speed-up", Align::Right,
           [](const ResultRow& r) { return fmt::format("{:.2f}×", r.speedup); }},
    Column{"ideal", Align::Right,
           [](const ResultRow& r) { return fmt::format("{:.2f}×", r.idealSpeedup); }},
};

// Display width in terminal cells: UTF-8 continuation bytes take none.
size_t width(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(const std::string& text, size_t to, Align align) {
  std::string fill(to > width(text) ? to - width(text) : 0, ' ');
  return align == Align::Left ? text + fill : fill + text;
}

std::vector<std::vector<std::string>> cells(const std::vector<ResultRow>& rows) {
  std::vector<std::vector<std::string>> table;
  for (const ResultRow& row : rows) {
    std::vector<std::string> line;
    for (const Column& c : kColumns)
      line.push_back(c.cell(row));
    table.push_back(std::move(line));
  }
  return table;
}

}  // namespace

std::string formatSeconds(double seconds) {
  return fmt::format("{:.3f} s", seconds);
}

std::string groupThousands(long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<size_t>(at), ",");
  return value < 0 ? "-" + digits : digits;
}

std::vector<ResultRow> analyse(const std::vector<Measurement>& measurements, int cores) {
  std::vector<ResultRow> rows;
  // The base point of each (backend, workload) series: its smallest worker count.
  std::map<std::pair<Backend, Workload>, const ResultRow*> bases;
  rows.reserve(measurements.size());
  for (const Measurement& m : measurements) {
    ResultRow row;
    row.measurement = &m;
    std::vector<double> times;
    for (const RunSample& run : m.runs)
      times.push_back(run.seconds);
    row.summary = summarize(times);
    rows.push_back(row);
  }
  for (const ResultRow& row : rows) {
    auto key = std::pair(row.measurement->backend, row.measurement->workload);
    auto [at, inserted] = bases.try_emplace(key, &row);
    if (!inserted && row.measurement->workers < at->second->measurement->workers) at->second = &row;
  }
  for (ResultRow& row : rows) {
    const Measurement& m = *row.measurement;
    const ResultRow& base = *bases.at(std::pair(m.backend, m.workload));
    int baseWorkers = base.measurement->workers;
    double work = static_cast<double>(m.workers) / baseWorkers;
    double factor = idealFactor(m.backend, m.workload, m.workers, cores) /
                    idealFactor(m.backend, m.workload, baseWorkers, cores);
    row.baseWorkers = baseWorkers;
    row.idealSeconds = base.summary.mean * factor;
    row.speedup = row.summary.mean > 0 ? work * base.summary.mean / row.summary.mean : 0;
    row.idealSpeedup = work / factor;
  }
  return rows;
}

std::string textTable(const std::vector<ResultRow>& rows) {
  auto table = cells(rows);
  std::vector<size_t> widths;
  for (const Column& c : kColumns)
    widths.push_back(width(c.title));
  for (const auto& line : table)
    for (size_t i = 0; i < line.size(); ++i)
      widths[i] = std::max(widths[i], width(line[i]));
  auto render = [&](const std::vector<std::string>& line) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      if (i > 0) text += "  ";
      text += pad(line[i], widths[i], kColumns[i].align);
    }
    while (!text.empty() && text.back() == ' ')
      text.pop_back();
    return text + "\n";
  };
  std::vector<std::string> header;
  for (const Column& c : kColumns)
    header.push_back(c.title);
  std::string text = render(header);
  // A blank line between series keeps the (workload, backend) groups apart.
  for (size_t i = 0; i < table.size(); ++i) {
    if (i > 0 && (rows[i].measurement->backend != rows[i - 1].measurement->backend ||
                  rows[i].measurement->workload != rows[i - 1].measurement->workload))
      text += "\n";
    text += render(table[i]);
  }
  return text;
}

std::string markdownTable(const std::vector<ResultRow>& rows) {
  std::string text = "|";
  std::string rule = "|";
  for (const Column& c : kColumns) {
    text += fmt::format(" {} |", c.title);
    rule += c.align == Align::Left ? ":---|" : "---:|";
  }
  text += "\n" + rule + "\n";
  for (const auto& line : cells(rows)) {
    text += "|";
    for (const std::string& cell : line)
      text += fmt::format(" {} |", cell);
    text += "\n";
  }
  return text;
}

std::string describeContext(const BenchContext& context) {
  return fmt::format("interpreter: {} ({}), {} core{}, {} run{} per point after {} warm-up run{}",
                     context.interpreter, context.version, context.cores,
                     context.cores == 1 ? "" : "s", context.runs, context.runs == 1 ? "" : "s",
                     context.warmup, context.warmup == 1 ? "" : "s");
}

}  // namespace gilsim::bench
