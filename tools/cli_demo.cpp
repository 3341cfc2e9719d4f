// gilsim demo [--quick] [--python [PATH]] [--chart FILE]: the classic threads-vs-processes
// experiment in about a minute. CPU-bound and I/O-bound workers, as threads and as processes, for
// 1..2x the cores; a table with speed-ups, an SVG chart, and terminal timelines of the CPU-bound
// threads and processes at the largest worker count.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "fmt/format.h"
#include "tools/bench_chart.h"
#include "tools/bench_driver.h"
#include "tools/bench_session.h"
#include "tools/child_process.h"
#include "tools/cli.h"
#include "tools/sim_options.h"
#include "tools/timeline.h"

namespace po = boost::program_options;

namespace gilsim::cli {

namespace {

// How the two lengths of the demo differ.
struct DemoScale {
  double cpuSeconds;  // the CPU-bound runs together take about this long
  double sleepSeconds;
  int runs;
  bool fewCounts;  // 1, cores and 2x cores only
};
constexpr DemoScale kFullScale{36.0, 1.0, 2, false};
constexpr DemoScale kQuickScale{5.0, 0.2, 1, true};

// A first, small run of one CPU-bound thread gives the interpreter's speed, from which the size
// is chosen so that the demo takes about as long on any machine and interpreter.
// It grows the run until it takes kCalibrationSeconds: short runs underestimate (start-up, caches).
constexpr long kCalibrationIterations = 100'000;
constexpr double kCalibrationSeconds = 0.25;
constexpr int kCalibrationTries = 4;
constexpr long kMinIterations = 10'000;
constexpr long kMaxIterations = 200'000'000;

std::vector<int> workerCounts(int cores, bool few) {
  std::vector<int> counts;
  if (few) {
    counts = {1, cores, 2 * cores};
  } else if (2 * cores <= 8) {
    for (int n = 1; n <= 2 * cores; ++n)
      counts.push_back(n);
  } else {
    // Many cores: doubling, plus the core count and twice it, keeps the threads' runs short.
    for (int n = 1; n <= 2 * cores; n *= 2)
      counts.push_back(n);
    counts.push_back(cores);
    counts.push_back(2 * cores);
  }
  if (counts.size() == 1 || counts.back() < 2) counts.push_back(2);
  std::sort(counts.begin(), counts.end());
  counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
  return counts;
}

// The run whose time is the median of the point's runs.
const bench::RunSample& medianRun(const bench::Measurement& m) {
  std::vector<const bench::RunSample*> runs;
  for (const bench::RunSample& r : m.runs)
    runs.push_back(&r);
  std::sort(runs.begin(), runs.end(), [](const bench::RunSample* a, const bench::RunSample* b) {
    return a->seconds < b->seconds;
  });
  return *runs[(runs.size() - 1) / 2];
}

const bench::ResultRow* findRow(const std::vector<bench::ResultRow>& rows, bench::Workload workload,
                                bench::Backend backend, int workers) {
  for (const bench::ResultRow& row : rows)
    if (row.measurement->workload == workload && row.measurement->backend == backend &&
        row.measurement->workers == workers)
      return &row;
  return nullptr;
}

std::string explain(const bench::ResultRow& row, int cores) {
  const bench::Measurement& m = *row.measurement;
  const char* why = "";
  if (m.workload == bench::Workload::Io)
    why = "sleep releases the GIL, so the sleeps overlap";
  else if (m.backend == bench::Backend::Threads)
    why = "the GIL lets one thread run Python at a time";
  else
    why = cores == 1 ? "one core runs one process at a time"
                     : "a GIL per process, one process per core at a time";
  return fmt::format("  {:<9} {:<9} {:>2} workers: {:.2f}× (ideal {:.2f}×)  {}\n",
                     bench::info(m.workload).title, bench::info(m.backend).name, m.workers,
                     row.speedup, row.idealSpeedup, why);
}

// Under gilsim: one more, shorter run of the CPU-bound threads with the GIL recorded
// (`gilsim run --timeline`), to show why they do not scale. Says nothing if it cannot run.
void printGilTimeline(const bench::Interpreter& gilsim, int workers, long iterations, int width) {
  std::string error;
  std::optional<bench::DriverFile> driver = bench::DriverFile::create(error);
  if (!driver) return;
  std::vector<std::string> argv = gilsim.command;
  for (std::string arg :
       {std::string("--timeline"), driver->path(), std::string("threads"), std::to_string(workers),
        std::string("cpu"), std::to_string(iterations), std::string("0")})
    argv.push_back(std::move(arg));
  // The child draws to this terminal's width: its stderr is a pipe.
  ::setenv("COLUMNS", std::to_string(width).c_str(), 1);
  ChildResult run = runChild(argv, std::chrono::minutes(2));
  if (!run.started || run.status != 0 || run.timedOut) return;
  std::cout << fmt::format(
                   "\nWhat the GIL did in a shorter run of {} CPU-bound threads ({} iterations "
                   "each, recorded\n"
                   "with gilsim run --timeline): a row per thread, * while it holds the GIL and "
                   "runs, . while\n"
                   "it waits for it; the GIL row shows the number of the thread holding it. One at "
                   "a time:\n"
                   "that is why the threads do not scale.\n",
                   workers, bench::groupThousands(iterations))
            << run.err;
}

}  // namespace

int demoCommand(const std::vector<std::string>& args) {
  po::options_description options("Options for `gilsim demo [OPTIONS]`", 100, 50);
  options.add_options()("help,h", "show this help")(
      "quick", "about 10 s instead of about a minute: fewer worker counts, 1 run, 0.2 s sleeps")(
      "python", po::value<std::string>()->implicit_value("python3")->value_name("PATH"),
      "run the workers under CPython (or the Python at PATH) instead of this gilsim")(
      "chart", po::value<std::string>()->default_value("gilsim-demo.svg")->value_name("FILE"),
      "where to write the SVG chart");
  options.add(simOptionsDescription());
  po::variables_map vm;
  if (std::optional<int> status = parseCommandOptions(args, options, "demo", vm)) return *status;
  bool simulate = false;
  SimSettings sim;
  if (std::optional<int> status = readSimOptions(vm, "demo", simulate, sim)) return *status;
  if (vm.count("help")) {
    std::cout << "usage: gilsim demo [OPTIONS]\n\n"
              << "The classic threads-vs-processes experiment: CPU-bound and I/O-bound workers,\n"
                 "as threads and as processes, for 1..2x the cores; a table, an SVG chart and\n"
                 "timelines. See `gilsim bench` for the same with every knob.\n\n"
              << options
              << "\nExit status: 0 ok, 1 the chart cannot be written, 2 usage error, 4 a run "
                 "failed, 130 interrupted.\n";
    return 0;
  }
  const DemoScale scale = vm.count("quick") ? kQuickScale : kFullScale;
  std::optional<std::string> python;
  if (vm.count("python")) python = vm["python"].as<std::string>();
  const std::string chartPath = vm["chart"].as<std::string>();
  const int cores = simulate ? sim.cores : bench::machineCores();
  std::variant<bench::Interpreter, int> chosen = workerInterpreter(python, simulate, sim, "demo");
  if (int* status = std::get_if<int>(&chosen)) return *status;
  const bench::Interpreter interpreter = std::get<bench::Interpreter>(chosen);

  // Calibration: the time of one iteration of cpu_func on one thread.
  bench::BenchPlan calibration;
  calibration.workloads = {bench::Workload::Cpu};
  calibration.backends = {bench::Backend::Threads};
  calibration.workers = {1};
  calibration.runs = 1;
  calibration.size.cpuIterations = kCalibrationIterations;
  calibration.runLimit = std::chrono::minutes(2);
  double perIteration = 0;
  for (int attempt = 0; attempt < kCalibrationTries; ++attempt) {
    bench::BenchSession calibrate("demo", interpreter);
    if (int status = calibrate.run(calibration); status != 0) return status;
    const bench::WorkerSpan& span = calibrate.measurements().front().runs.front().workers.front();
    double seconds = std::max(span.end - span.start, 1e-6);
    perIteration = seconds / static_cast<double>(calibration.size.cpuIterations);
    if (seconds >= kCalibrationSeconds * 0.8) break;
    calibration.size.cpuIterations =
        std::min(kMaxIterations, static_cast<long>(kCalibrationSeconds / perIteration));
  }

  bench::BenchPlan plan;
  plan.workloads = {bench::Workload::Cpu, bench::Workload::Io};
  plan.backends = {bench::Backend::Threads, bench::Backend::Processes};
  plan.workers = workerCounts(cores, scale.fewCounts);
  plan.runs = scale.runs;
  plan.size.sleepSeconds = scale.sleepSeconds;
  // The CPU-bound runs take about (sum of N + sum of ceil(N / cores)) times one worker's time;
  // on the simulated machine, whose processes take turns on one host core, sum of 2N.
  double units = 0;
  for (int n : plan.workers)
    units += n + (simulate ? n : std::ceil(static_cast<double>(n) / cores));
  double oneWorker = scale.cpuSeconds / (units * plan.runs);
  plan.size.cpuIterations = std::clamp(static_cast<long>(oneWorker / perIteration / 1000) * 1000,
                                       kMinIterations, kMaxIterations);
  plan.runLimit = std::chrono::minutes(10);

  bench::BenchContext context{
      interpreter.name, bench::interpreterVersion(interpreter), cores, plan.size, plan.runs, 0};
  std::cout << "gilsim demo: threads vs processes, CPU-bound and I/O-bound\n"
            << bench::describeContext(context) << "\n"
            << fmt::format(
                   "CPU-bound: cpu_func, {} iterations per worker\n"
                   "I/O-bound: time.sleep({:g} s) per worker\n",
                   bench::groupThousands(plan.size.cpuIterations), plan.size.sleepSeconds)
            << std::flush;

  bench::BenchSession session("demo", interpreter);
  if (int status = session.run(plan); status != 0) return status;
  std::vector<bench::ResultRow> rows = bench::analyse(session.measurements(), cores);
  std::cout << "\n" << bench::textTable(rows);

  const int most = plan.workers.back();
  std::cout << fmt::format("\nAt {} workers (speed-up: work done per second against 1 worker):\n",
                           most);
  for (bench::Workload w : plan.workloads)
    for (bench::Backend b : plan.backends)
      if (const bench::ResultRow* row = findRow(rows, w, b, most))
        std::cout << explain(*row, cores);

  // Processes that fall far short of their ideal are the machine's doing, not the GIL's.
  if (const bench::ResultRow* row =
          findRow(rows, bench::Workload::Cpu, bench::Backend::Processes, most);
      row && row->idealSpeedup > 1 && row->speedup < 0.75 * row->idealSpeedup)
    std::cout << fmt::format(
        "  note: CPU-bound processes reached {:.0f}% of their ideal: other programs are using "
        "the cores,\n  or fewer are free than the {} this machine reports.\n",
        100 * row->speedup / row->idealSpeedup, cores);

  // The timelines share one time axis, so that the bars' lengths compare. Above the workers of
  // each, an "alone" row: one worker doing the same work by itself (the series' 1-worker run).
  const bench::ResultRow* threads =
      findRow(rows, bench::Workload::Cpu, bench::Backend::Threads, most);
  const bench::ResultRow* processes =
      findRow(rows, bench::Workload::Cpu, bench::Backend::Processes, most);
  if (threads && processes) {
    struct Shown {
      const char* title;
      const bench::RunSample* run;
      const bench::ResultRow* alone;
    };
    const Shown shown[] = {
        {"threads", &medianRun(*threads->measurement),
         findRow(rows, bench::Workload::Cpu, bench::Backend::Threads, 1)},
        {"processes", &medianRun(*processes->measurement),
         findRow(rows, bench::Workload::Cpu, bench::Backend::Processes, 1)},
    };
    double axisEnd = 0;
    for (const Shown& s : shown) {
      axisEnd = std::max(axisEnd, s.run->seconds);
      for (const bench::WorkerSpan& w : s.run->workers)
        axisEnd = std::max(axisEnd, w.end);
    }
    int width = terminalWidth();
    std::cout << fmt::format(
        "\nTimelines of the CPU-bound runs at {} workers: a row per worker, * while it runs, time\n"
        "since the driver started the first worker, one scale for both; 'alone' is one worker\n"
        "doing the same work by itself.\n",
        most);
    for (const Shown& s : shown) {
      std::vector<TimelineRow> timeline;
      if (s.alone && most > 1) {
        const bench::WorkerSpan& w = medianRun(*s.alone->measurement).workers.front();
        timeline.push_back({"alone", w.start, w.end});
      }
      for (const bench::WorkerSpan& w : s.run->workers)
        timeline.push_back({fmt::format("worker {}", w.index + 1), w.start, w.end});
      std::cout << fmt::format("\nCPU-bound {}: {:.2f} s\n", s.title, s.run->seconds)
                << renderTimeline(timeline, axisEnd, width);
    }
  }

  if (interpreter.name == "gilsim" && most > 1)
    printGilTimeline(interpreter, most, std::max(plan.size.cpuIterations / 8, kMinIterations),
                     terminalWidth());

  std::string svg =
      renderSvgChart(bench::benchChart("gilsim demo: threads vs processes", context, rows));
  if (!bench::writeOutput("demo", chartPath, svg)) return 1;
  std::cout << "\nChart written to " << chartPath << " (open it in a browser)\n";
  return 0;
}

}  // namespace gilsim::cli
