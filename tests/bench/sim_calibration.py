#!/usr/bin/env python3
"""How close the simulated machine's virtual durations are to the real backend's.

Runs each workload under `gilsim run` (the real backend) and `gilsim run --sim`, reads the run's
duration from --stats-json (duration_s, from the first thread's start to the end of the run, so
process start-up is left out), and prints the ratio sim / real. The real figure is the minimum
of --runs runs (the machine's noise only ever adds time); the simulated one is exact. The
instruction costs (interp/common/opcodes.h) and native costs (interp/objects/native_cost.h) are
calibrated against this: a ratio within 0.75..1.25 on every workload is the bar.

Usage: tests/bench/sim_calibration.py [--gilsim PATH] [--runs N] [WORKLOAD.py ...]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WORKLOADS = ["cpu_func.py", "int_loop.py", "fib.py", "dict_str.py"]


def duration(gilsim, workload, sim):
    with tempfile.TemporaryDirectory() as tmp:
        stats = os.path.join(tmp, "stats.json")
        command = [gilsim, "run"] + (["--sim"] if sim else []) + ["--stats-json", stats, workload]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        with open(stats) as f:
            return json.load(f)["duration_s"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gilsim", default=os.path.join(HERE, "..", "..", "build", "release", "gilsim"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("workloads", nargs="*")
    args = parser.parse_args()
    workloads = args.workloads or [os.path.join(HERE, w) for w in DEFAULT_WORKLOADS]
    print(f"{'workload':<14} {'real s (min)':>12} {'sim s':>10} {'sim/real':>9}")
    worst = 0.0
    for w in workloads:
        real = min(duration(args.gilsim, w, False) for _ in range(args.runs))
        sim = duration(args.gilsim, w, True)
        ratio = sim / real
        worst = max(worst, abs(ratio - 1))
        print(f"{os.path.basename(w):<14} {real:>12.4f} {sim:>10.4f} {ratio:>9.2f}")
    print(f"largest deviation: {worst:.0%} (bar: 25%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
