#include "tools/bench_model.h"

#include <algorithm>
#include <array>

namespace gilsim::bench {

namespace {

constexpr std::array kBackends = {
    BackendInfo{Backend::Threads, "threads", "threading.Thread, one per worker, under the GIL"},
    BackendInfo{Backend::Processes, "processes",
                "multiprocessing.Process, one per worker, each with its own interpreter"},
};

constexpr std::array kWorkloads = {
    WorkloadInfo{Workload::Cpu, "cpu", "CPU-bound",
                 "cpu_func of workloads/cpu_bound.py for --size iterations (holds the GIL)"},
    WorkloadInfo{Workload::Io, "io", "I/O-bound",
                 "time.sleep(--sleep seconds) (releases the GIL while it waits)"},
};

static_assert(kBackends.size() == 2 && kWorkloads.size() == 2);

}  // namespace

std::span<const BackendInfo> backends() {
  return kBackends;
}
std::span<const WorkloadInfo> workloads() {
  return kWorkloads;
}

const BackendInfo& info(Backend backend) {
  return *std::find_if(kBackends.begin(), kBackends.end(),
                       [&](const BackendInfo& b) { return b.backend == backend; });
}

const WorkloadInfo& info(Workload workload) {
  return *std::find_if(kWorkloads.begin(), kWorkloads.end(),
                       [&](const WorkloadInfo& w) { return w.workload == workload; });
}

std::optional<Backend> findBackend(std::string_view name) {
  for (const BackendInfo& b : kBackends)
    if (b.name == name) return b.backend;
  return std::nullopt;
}

std::optional<Workload> findWorkload(std::string_view name) {
  for (const WorkloadInfo& w : kWorkloads)
    if (w.name == name) return w.workload;
  return std::nullopt;
}

std::string joinCommand(const std::vector<std::string>& argv) {
  std::string text;
  for (const std::string& a : argv)
    text += (text.empty() ? "" : " ") + a;
  return text;
}

double idealFactor(Backend backend, Workload workload, int workers, int cores) {
  if (workload == Workload::Io) return 1.0;
  if (backend == Backend::Threads) return workers;
  cores = std::max(cores, 1);
  return (workers + cores - 1) / cores;
}

}  // namespace gilsim::bench
