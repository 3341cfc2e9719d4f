// What `gilsim bench` and `gilsim demo` measure: the backends and workloads (each declared once,
// in bench_model.cpp), one run's measurements, and the series of runs for one (backend, workload,
// workers) point.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gilsim::bench {

enum class Backend { Threads, Processes };
enum class Workload { Cpu, Io };

struct BackendInfo {
  Backend backend;
  std::string_view name;         // on the command line and in the exports
  std::string_view description;  // for --help
};

struct WorkloadInfo {
  Workload workload;
  std::string_view name;
  std::string_view title;        // in tables, charts and timelines
  std::string_view description;  // for --help
};

std::span<const BackendInfo> backends();
std::span<const WorkloadInfo> workloads();
const BackendInfo& info(Backend backend);
const WorkloadInfo& info(Workload workload);
std::optional<Backend> findBackend(std::string_view name);
std::optional<Workload> findWorkload(std::string_view name);

// One worker of one run, in seconds since the driver's start stamp (time.monotonic(), shared by
// every process on the machine).
struct WorkerSpan {
  int index = 0;
  double start = 0;
  double end = 0;
};

// One run of the driver: its wall time (first start() to last join()) and each worker's span,
// ordered by worker index.
struct RunSample {
  double seconds = 0;
  std::vector<WorkerSpan> workers;
};

// What the work of one worker is.
struct WorkSize {
  long cpuIterations = 0;   // cpu: iterations of cpu_func
  double sleepSeconds = 0;  // io: the time.sleep()
};

// The runs of one point of the benchmark.
struct Measurement {
  Backend backend = Backend::Threads;
  Workload workload = Workload::Cpu;
  int workers = 1;
  std::vector<std::string> command;  // the driver's command line, for the exports
  std::vector<RunSample> runs;       // warm-up runs are not kept
};

// The command line as one string, arguments separated by blanks (for messages and exports).
std::string joinCommand(const std::vector<std::string>& argv);

// The time that `workers` workers ideally take, as a multiple of one worker's time: each worker
// does the full work, so under a GIL CPU-bound threads take N times as long, processes
// ceil(N / cores) times (one per core at a time), and sleeping workers all overlap.
double idealFactor(Backend backend, Workload workload, int workers, int cores);

}  // namespace gilsim::bench
