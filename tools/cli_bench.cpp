// gilsim bench [OPTIONS]: a workload with 1..N workers as threads and as processes, repeated,
// reported like hyperfine (mean ± σ, min … max, runs) with speed-ups, and exported on request.
#include <boost/program_options.hpp>
#include <cmath>
#include <iostream>

#include "fmt/format.h"
#include "tools/bench_chart.h"
#include "tools/bench_export.h"
#include "tools/bench_session.h"
#include "tools/cli.h"
#include "tools/sim_options.h"
#include "tools/worker_list.h"

namespace po = boost::program_options;

namespace gilsim::cli {

namespace {

constexpr long kDefaultIterations = 1'000'000;
constexpr double kDefaultSleep = 0.5;
constexpr double kDefaultRunLimit = 600;

std::string backendChoices() {
  std::string text;
  for (const bench::BackendInfo& b : bench::backends())
    text += fmt::format("\n  {}: {}", b.name, b.description);
  return text;
}

std::string workloadChoices() {
  std::string text;
  for (const bench::WorkloadInfo& w : bench::workloads())
    text += fmt::format("\n  {}: {}", w.name, w.description);
  return text;
}

po::options_description benchOptions() {
  po::options_description options("Options for `gilsim bench [OPTIONS]`", 100, 50);
  options.add_options()("help,h", "show this help")(
      "workload", po::value<std::string>()->default_value("cpu")->value_name("NAMES"),
      ("what each worker does, or a comma-separated list:" + workloadChoices()).c_str())(
      "workers", po::value<std::string>()->value_name("LIST"),
      "worker counts: N, a list 1,2,4 or a range 1..8 (default 1..2x the cores)")(
      "backend", po::value<std::string>()->default_value("threads,processes")->value_name("NAMES"),
      ("how workers run, comma-separated:" + backendChoices()).c_str())(
      "runs", po::value<int>()->default_value(3)->value_name("R"), "measured runs per point")(
      "warmup", po::value<int>()->default_value(0)->value_name("W"), "unmeasured runs before them")(
      "size", po::value<long>()->default_value(kDefaultIterations)->value_name("N"),
      "cpu: iterations of cpu_func per worker")(
      "sleep", po::value<double>()->default_value(kDefaultSleep)->value_name("SECONDS"),
      "io: seconds each worker sleeps")(
      "python", po::value<std::string>()->implicit_value("python3")->value_name("PATH"),
      "run the driver under CPython (or the Python at PATH: --python=PATH or --python PATH) "
      "instead of this gilsim")(
      "timeout", po::value<double>()->default_value(kDefaultRunLimit)->value_name("SECONDS"),
      "seconds after which a run is killed and the benchmark fails")(
      "export-json", po::value<std::string>()->value_name("FILE"),
      "write the results as JSON to FILE")("export-csv",
                                           po::value<std::string>()->value_name("FILE"),
                                           "write the results as CSV to FILE")(
      "export-markdown", po::value<std::string>()->value_name("FILE"),
      "write the table as Markdown to FILE")("chart", po::value<std::string>()->value_name("FILE"),
                                             "write an SVG chart of time against workers to FILE");
  return options;
}

template <typename T, typename Find>
std::optional<std::vector<T>> parseNames(const std::string& text, Find find) {
  std::vector<T> out;
  size_t at = 0;
  while (true) {
    size_t comma = text.find(',', at);
    auto found = find(text.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
    if (!found) return std::nullopt;
    if (std::find(out.begin(), out.end(), *found) == out.end()) out.push_back(*found);
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

const char* kHelpFooter =
    "\n"
    "Each point runs a driver script (embedded in gilsim) that starts the workers, joins them and\n"
    "reports the wall time and every worker's start and end. Each worker does the full work, so\n"
    "'speed-up' is the work done per second against 1 worker, and 'ideal' what the GIL and the\n"
    "cores allow: 1x for CPU-bound threads, N / ceil(N / cores) for CPU-bound processes, N for\n"
    "sleeping workers.\n"
    "\n"
    "Exit status: 0 ok, 1 an output file cannot be written, 2 usage error, 4 a run failed\n"
    "(interpreter missing, non-zero exit, no results, timeout), 130 interrupted.\n";

std::vector<std::string> joinPythonValue(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--python" && i + 1 < args.size() && !args[i + 1].empty() &&
        args[i + 1][0] != '-') {
      out.push_back("--python=" + args[i + 1]);
      ++i;
    } else {
      out.push_back(args[i]);
    }
  }
  return out;
}
}  // namespace

std::optional<int> parseCommandOptions(const std::vector<std::string>& args,
                                       const po::options_description& options,
                                       const std::string& command, po::variables_map& vm) {
  try {
    po::store(po::command_line_parser(joinPythonValue(args))
                  .options(options)
                  .positional(po::positional_options_description())
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usageError(e.what(), command);
  }
  return std::nullopt;
}

int benchCommand(const std::vector<std::string>& args) {
  po::options_description options = benchOptions();
  options.add(simOptionsDescription());
  po::variables_map vm;
  if (std::optional<int> status = parseCommandOptions(args, options, "bench", vm)) return *status;
  bool simulate = false;
  SimSettings sim;
  if (std::optional<int> status = readSimOptions(vm, "bench", simulate, sim)) return *status;
  if (vm.count("help")) {
    std::cout << "usage: gilsim bench [OPTIONS]\n\n" << options << kHelpFooter;
    return 0;
  }
  bench::BenchPlan plan;
  auto workloads = parseNames<bench::Workload>(
      vm["workload"].as<std::string>(), [](std::string_view n) { return bench::findWorkload(n); });
  if (!workloads)
    return usageError("--workload must be cpu, io or both (cpu,io), not '" +
                          vm["workload"].as<std::string>() + "'",
                      "bench");
  plan.workloads = *workloads;
  auto backends = parseNames<bench::Backend>(
      vm["backend"].as<std::string>(), [](std::string_view n) { return bench::findBackend(n); });
  if (!backends)
    return usageError("--backend must be threads, processes or both (threads,processes), not '" +
                          vm["backend"].as<std::string>() + "'",
                      "bench");
  plan.backends = *backends;
  const int cores = simulate ? sim.cores : bench::machineCores();
  std::string workers = vm.count("workers")
                            ? vm["workers"].as<std::string>()
                            : fmt::format("1..{}", std::min(2 * cores, kMaxWorkers));
  auto counts = parseWorkerList(workers);
  if (auto* message = std::get_if<std::string>(&counts))
    return usageError("--workers: " + *message, "bench");
  plan.workers = std::get<std::vector<int>>(counts);
  plan.runs = vm["runs"].as<int>();
  if (plan.runs < 1 || plan.runs > 1000)
    return usageError("--runs must be from 1 to 1000", "bench");
  plan.warmup = vm["warmup"].as<int>();
  if (plan.warmup < 0 || plan.warmup > 1000)
    return usageError("--warmup must be from 0 to 1000", "bench");
  plan.size.cpuIterations = vm["size"].as<long>();
  if (plan.size.cpuIterations < 1) return usageError("--size must be at least 1", "bench");
  plan.size.sleepSeconds = vm["sleep"].as<double>();
  if (!(plan.size.sleepSeconds >= 0 && plan.size.sleepSeconds <= 3600))
    return usageError("--sleep must be from 0 to 3600 seconds", "bench");
  double limit = vm["timeout"].as<double>();
  if (!(limit > 0 && limit <= 86400))
    return usageError("--timeout must be from 0 to 86400 seconds", "bench");
  plan.runLimit = std::chrono::milliseconds(static_cast<long>(std::ceil(limit * 1000)));
  std::optional<std::string> python;
  if (vm.count("python")) python = vm["python"].as<std::string>();

  std::variant<bench::Interpreter, int> interpreter =
      workerInterpreter(python, simulate, sim, "bench");
  if (int* status = std::get_if<int>(&interpreter)) return *status;
  bench::BenchSession session("bench", std::get<bench::Interpreter>(interpreter));
  bench::BenchContext context{session.interpreter().name,
                              bench::interpreterVersion(session.interpreter()),
                              cores,
                              plan.size,
                              plan.runs,
                              plan.warmup};
  if (int status = session.run(plan); status != 0) return status;
  std::vector<bench::ResultRow> rows = bench::analyse(session.measurements(), cores);

  std::string work;
  for (bench::Workload w : plan.workloads)
    work += (work.empty() ? "" : "; ") +
            (w == bench::Workload::Cpu
                 ? fmt::format("cpu: cpu_func, {} iterations per worker",
                               bench::groupThousands(plan.size.cpuIterations))
                 : fmt::format("io: time.sleep({:g} s) per worker", plan.size.sleepSeconds));
  std::cout << work << "\n" << bench::describeContext(context) << "\n\n" << bench::textTable(rows);
  std::cout << "\nspeed-up: work done per second against " << rows.front().baseWorkers << " worker"
            << (rows.front().baseWorkers == 1 ? "" : "s")
            << " (each worker does the full work)\nideal: what the GIL and " << cores << " core"
            << (cores == 1 ? "" : "s") << " allow (1x for CPU-bound threads)\n";

  bool written = true;
  auto exportTo = [&](const char* option, auto render) {
    if (!vm.count(option)) return;
    const std::string& path = vm[option].as<std::string>();
    if (bench::writeOutput("bench", path, render())) {
      std::cout << fmt::format("wrote {}\n", path);
    } else {
      written = false;
    }
  };
  exportTo("export-json", [&] { return bench::toJson(context, rows); });
  exportTo("export-csv", [&] { return bench::toCsv(rows); });
  exportTo("export-markdown", [&] { return bench::toMarkdown(context, rows); });
  exportTo("chart", [&] {
    return renderSvgChart(bench::benchChart("gilsim bench: time against workers", context, rows));
  });
  return written ? 0 : 1;
}

}  // namespace gilsim::cli
