#!/usr/bin/env python3
"""How close the simulated machine's virtual durations are to the real backend's.

Runs each workload under `gilsim run` (the real backend) and `gilsim run --sim`, reads the run's
duration from --stats-json (duration_s, from the first thread's start to the end of the run, so
process start-up is left out), and prints the ratio sim / real. The real figure is the minimum
of --runs runs (the machine's noise only ever adds time); the simulated one is exact. On a busy
machine even the minimum wall time is inflated (the run waits for a core), so the run's CPU time
(user + system, less an empty script's) is measured too: the workloads are single-threaded, so
on a quiet machine the two agree, and the ratio is taken against the smaller. The
instruction costs (interp/common/opcodes.h) and native costs (interp/objects/native_cost.h) are
calibrated against this: a ratio within 0.75..1.25 on every workload is the bar.

Usage: tests/bench/sim_calibration.py [--gilsim PATH] [--runs N] [WORKLOAD.py ...]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WORKLOADS = ["cpu_func.py", "int_loop.py", "fib.py", "dict_str.py"]


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def duration(gilsim, workload, sim):
    """(duration_s from --stats-json, the run's CPU seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        stats = os.path.join(tmp, "stats.json")
        command = [gilsim, "run"] + (["--sim"] if sim else []) + ["--stats-json", stats, workload]
        before = children_cpu()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        cpu = children_cpu() - before
        with open(stats) as f:
            return json.load(f)["duration_s"], cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gilsim", default=os.path.join(HERE, "..", "..", "build", "release", "gilsim"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("workloads", nargs="*")
    args = parser.parse_args()
    workloads = args.workloads or [os.path.join(HERE, w) for w in DEFAULT_WORKLOADS]
    empty = os.path.join(HERE, "empty.py")
    startup_cpu = min(duration(args.gilsim, empty, False)[1] for _ in range(args.runs))
    print(f"{'workload':<14} {'real wall s':>11} {'real cpu s':>10} {'sim s':>8} {'sim/real':>9}")
    worst = 0.0
    for w in workloads:
        runs = [duration(args.gilsim, w, False) for _ in range(args.runs)]
        wall = min(r[0] for r in runs)
        cpu = max(min(r[1] for r in runs) - startup_cpu, 1e-9)
        real = min(wall, cpu)
        sim = duration(args.gilsim, w, True)[0]
        ratio = sim / real
        worst = max(worst, abs(ratio - 1))
        print(f"{os.path.basename(w):<14} {wall:>11.4f} {cpu:>10.4f} {sim:>8.4f} {ratio:>9.2f}")
    print(f"largest deviation: {worst:.0%} (bar: 25%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
