#!/usr/bin/env python3
"""What recording the GIL trace costs (gilsim run --trace/--stats), measured against runs without it.

1. Hand-off-heavy: two CPU-bound threads at a 50 us switch interval for SECONDS
   (tests/bench/gil/handoff.py): work done per second with and without recording.
2. The demo's runs: tools/bench_driver.py (what `gilsim demo` runs), 4 CPU-bound threads and
   4 processes: wall time with and without recording.
3. The recorder alone: events per second (build/release/tests/gilsim_trace_recorder_bench).
4. Trace size: 4 CPU-bound threads for 10 s at a 1 ms switch interval, --trace.

Runs with and without recording alternate, and each ratio compares medians of the same driver
run, so a busy machine slows both sides. A report: it never fails on a figure. Exit status 2 when
a run failed. Usage: tests/bench/trace_bench.py [--gilsim PATH] [--runs N] [--markdown]
"""

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.realpath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(BENCH_DIR))
HANDOFF = os.path.join(BENCH_DIR, "gil", "handoff.py")
SPIN = os.path.join(BENCH_DIR, "gil", "spin_threads.py")
DRIVER = os.path.join(REPO_ROOT, "tools", "bench_driver.py")
COMMANDS = []


def note(text):
    print(f"[trace-bench] {text}", file=sys.stderr, flush=True)


def run(argv):
    """Runs argv; returns (stdout, wall seconds). Exits 2 if it fails."""
    COMMANDS.append(" ".join(shlex.quote(a) for a in argv))
    start = time.monotonic()
    p = subprocess.run(argv, capture_output=True, text=True)
    wall = time.monotonic() - start
    if p.returncode != 0:
        print(f"failed ({p.returncode}): {COMMANDS[-1]}\n{p.stdout}{p.stderr}", file=sys.stderr)
        sys.exit(2)
    return p.stdout, wall


def at_values(out):
    return {m[0]: float(m[1]) for m in re.findall(r"^@ (\S+) ([-+0-9.eE]+)$", out, re.M)}


def bench_lines(out, key):
    return [float(m) for m in re.findall(rf"^gilsim-bench {key} (\S+)$", out, re.M)]


def alternate(runs, off, on):
    """Runs off(), on() and off() again in turn; returns the three lists of results. The two
    lists without recording, A/A, show how far apart identical runs land on this machine."""
    offs, ons, controls = [], [], []
    for i in range(runs):
        offs.append(off())
        ons.append(on())
        controls.append(off())
    return offs, ons, controls


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gilsim", default=os.path.join(REPO_ROOT, "build", "release", "gilsim"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2.0, help="length of the hand-off runs")
    parser.add_argument("--size", type=int, default=1500000, help="cpu_func iterations per demo worker")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    g = args.gilsim
    tmp = tempfile.mkdtemp(prefix="trace_bench_")
    stats_file = os.path.join(tmp, "stats.json")
    rows = []

    # 1. Hand-off-heavy.
    note("hand-off-heavy runs")
    base = [g, "run", "--switch-interval", "50us"]

    def handoff(extra):
        out, _ = run(base + extra + [HANDOFF, str(args.seconds)])
        v = at_values(out)
        return (v["chunks_0"] + v["chunks_1"]) / v["wall_s"], v.get("switches", 0) / v["wall_s"]

    offs, ons, controls = alternate(args.runs, lambda: handoff([]), lambda: handoff(["--stats-json", stats_file]))
    rate_off = statistics.median(r for r, _ in offs)
    rate_on = statistics.median(r for r, _ in ons)
    rate_control = statistics.median(r for r, _ in controls)
    switches = statistics.median(s for _, s in ons)
    with open(stats_file) as f:
        stats = json.load(f)
    events_per_s = stats["events"] / stats["duration_s"]
    rows.append(("1", "hand-off-heavy (2 CPU threads, 50 us interval): work per second, recording off / on",
                 f"{rate_off:,.0f} / {rate_on:,.0f} chunks/s: overhead {100 * (1 - rate_on / rate_off):.1f} % "
                 f"(off vs off again: {100 * (1 - rate_control / rate_off):+.1f} %)",
                 "≤ 5 %"))
    rows.append(("1", "  hand-offs per second; events recorded per second in that run",
                 f"{switches:,.0f}/s; {events_per_s:,.0f} events/s", "–"))

    # 2. The demo's runs.
    for backend in ("threads", "processes"):
        note(f"demo runs, {backend}")
        argv = [DRIVER, backend, "4", "cpu", str(args.size), "0"]

        def demo(extra):
            out, _ = run([g, "run"] + extra + argv)
            return bench_lines(out, "total")[0]

        offs, ons, controls = alternate(args.runs, lambda: demo([]), lambda: demo(["--stats-json", stats_file]))
        off, on, control = statistics.median(offs), statistics.median(ons), statistics.median(controls)
        rows.append(("2", f"demo: 4 CPU-bound {backend} (bench_driver.py, {args.size:,} iterations each), recording off / on",
                     f"{off:.3f} s / {on:.3f} s: overhead {100 * (on / off - 1):+.1f} % "
                     f"(off vs off again: {100 * (control / off - 1):+.1f} %)", "≤ 5 %"))

    # 3. The recorder alone.
    micro = os.path.join(os.path.dirname(g), "tests", "gilsim_trace_recorder_bench")
    if os.path.exists(micro):
        note("recorder micro-benchmark")
        out, _ = run([micro, "--benchmark_format=json", "--benchmark_min_time=0.2"])
        for b in json.loads(out)["benchmarks"]:
            rows.append(("3", f"recorder alone: {b['name']}",
                         f"{b['items_per_second'] / 1e6:,.1f} M events/s ({1e9 / b['items_per_second'] * b.get('threads', 1):.1f} ns/event/thread)", "–"))

    # 4. Trace size.
    note("10 s trace of 4 threads")
    trace = os.path.join(tmp, "trace.json")
    _, wall = run([g, "run", "--switch-interval", "1ms", "--trace", trace, "--stats-json", stats_file, SPIN, "4", "10"])
    with open(stats_file) as f:
        stats = json.load(f)
    size = os.path.getsize(trace)
    rows.append(("4", "trace of 4 CPU threads, 10 s at 1 ms: file size; events; export time (wall − 10 s)",
                 f"{size / 1e6:.1f} MB; {stats['events']:,} events ({stats['events'] * 16 / 1e6:.1f} MB in memory); {wall - 10:.2f} s", "–"))

    if args.markdown:
        print("| # | measurement | gilsim | aim |\n|---|---|---|---|")
        for r in rows:
            print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")
    else:
        for r in rows:
            print(f"{r[0]:>2}  {r[1]}\n    {r[2]}   (aim {r[3]})")
    shutil.rmtree(tmp, ignore_errors=True)
    print("\nCommands:")
    for c in dict.fromkeys(COMMANDS):
        print(f"  {c}")


if __name__ == "__main__":
    main()
