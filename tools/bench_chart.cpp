#include "tools/bench_chart.h"

#include <array>

#include "fmt/format.h"

namespace gilsim::bench {

namespace {

struct SeriesStyle {
  Workload workload;
  Backend backend;
  const char* color;
};

// CPU-bound in strong colours, I/O-bound in lighter ones; threads warm, processes cool.
constexpr std::array kStyles = {
    SeriesStyle{Workload::Cpu, Backend::Threads, "#c0392b"},
    SeriesStyle{Workload::Cpu, Backend::Processes, "#1f5fa8"},
    SeriesStyle{Workload::Io, Backend::Threads, "#e69f00"},
    SeriesStyle{Workload::Io, Backend::Processes, "#2a9d8f"},
};

const char* colorOf(Workload workload, Backend backend) {
  for (const SeriesStyle& s : kStyles)
    if (s.workload == workload && s.backend == backend) return s.color;
  return "#333";
}

}  // namespace

cli::ChartSpec benchChart(const std::string& title, const BenchContext& context,
                          const std::vector<ResultRow>& rows) {
  cli::ChartSpec spec;
  spec.title = title;
  spec.subtitle = describeContext(context);
  spec.xLabel = "workers (each does the full work)";
  spec.yLabel = "wall time (s)";
  spec.marker =
      cli::ChartMarker{static_cast<double>(context.cores),
                       fmt::format("{} core{}", context.cores, context.cores == 1 ? "" : "s")};
  spec.notes = {"points: mean time; bars: min … max", "dashed: the ideal under the GIL",
                "on the cores (from 1 worker's time)"};
  // Rows come grouped by (workload, backend); each group is one measured and one ideal series.
  std::vector<cli::ChartSeries> ideals;
  for (size_t i = 0; i < rows.size();) {
    const Measurement& first = *rows[i].measurement;
    std::string name = fmt::format("{} {}", info(first.workload).title, info(first.backend).name);
    cli::ChartSeries measured{name, colorOf(first.workload, first.backend), false, {}};
    cli::ChartSeries ideal{name + " (ideal)", measured.color, true, {}};
    for (; i < rows.size() && rows[i].measurement->workload == first.workload &&
           rows[i].measurement->backend == first.backend;
         ++i) {
      const ResultRow& row = rows[i];
      double x = row.measurement->workers;
      measured.points.push_back({x, row.summary.mean, row.summary.min, row.summary.max});
      ideal.points.push_back({x, row.idealSeconds, std::nullopt, std::nullopt});
    }
    spec.series.push_back(std::move(measured));
    ideals.push_back(std::move(ideal));
  }
  for (cli::ChartSeries& s : ideals)
    spec.series.push_back(std::move(s));
  return spec;
}

}  // namespace gilsim::bench
