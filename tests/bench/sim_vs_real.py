#!/usr/bin/env python3
"""The simulated machine side by side with the real backend and CPython.

Four measurements, each printed as a table (--markdown for the README):
  1. speed: how fast a simulated run goes, in real seconds, against the same run on the real
     backend: cpu_threads.py with 1, 4 and 64 threads sharing the same total work
     (real wall seconds / sim wall seconds; 1.0 means the simulation keeps up);
  2. the classic threads-vs-processes table (workloads/classic_threads_vs_processes.py) at
     --cores C for each C in --cores: sim at C virtual cores; the real backend and CPython only
     where C is this machine's core count (they cannot have other counts);
  3. the convoy (workloads/convoy.py: an I/O thread's 0.1 ms calls next to one CPU-bound thread)
     at switch intervals of 0.5, 5 and 50 ms: each call's median latency;
  4. hand-offs per second between two CPU-bound threads (workloads/fairness.py) at 1, 5 and
     50 ms: the turns the threads see from Python (CPython reports them too) and, under gilsim,
     the GIL's own count.
Real figures are the median of --runs runs; simulated ones are exact (one run). CPython runs
the same scripts (python3, sys.setswitchinterval for the interval).

Usage: tests/bench/sim_vs_real.py [--gilsim PATH] [--python3 PATH] [--runs N] [--cores 2,16]
                                  [--markdown]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
WORKLOADS = os.path.join(ROOT, "workloads")

SPEED_WORK = 1_200_000      # cpu_threads.py iterations in all, split between the threads
CLASSIC_ITERS = 300_000     # cpu_func iterations per worker in the classic table
INTERVALS_MS = [0.5, 5, 50]
HANDOFF_SECONDS = 1.0


def run(command, interval_ms=None):
    """Runs command (a list); returns (stdout, stderr, wall seconds). Raises on failure."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError("{} exited {}:\n{}".format(" ".join(command), done.returncode,
                                                       done.stderr[-2000:]))
    return done.stdout, done.stderr, wall


class Interpreters:
    """The three ways to run a workload: gilsim --sim, gilsim (real threads) and CPython."""

    def __init__(self, gilsim, python3):
        self.gilsim = gilsim
        self.python3 = python3

    def command(self, kind, script, args, interval_ms=None, cores=None):
        path = os.path.join(WORKLOADS, script)
        if kind == "cpython":
            if interval_ms is None:
                return [self.python3, path] + args
            # CPython has no command-line switch interval: set it, then run the script as main.
            code = ("import runpy, sys; sys.setswitchinterval({}); sys.argv = {!r}; "
                    "runpy.run_path(sys.argv[0], run_name='__main__')").format(
                        interval_ms / 1000, [path] + args)
            return [self.python3, "-c", code]
        options = []
        if kind == "sim":
            options += ["--sim", "--cores", str(cores or 2)]
        if interval_ms is not None:
            options += ["--switch-interval", "{}ms".format(interval_ms)]
        return [self.gilsim, "run"] + options + [path] + args


def median_of(runs, measure):
    values = [measure() for _ in range(runs)]
    if isinstance(values[0], dict):
        return {key: statistics.median(v[key] for v in values) for key in values[0]}
    return statistics.median(values)


def speed(interps, runs):
    rows = []
    for threads in (1, 4, 64):
        args = [str(SPEED_WORK // threads), str(threads)]
        real = median_of(runs, lambda: run(interps.command("real", "cpu_threads.py", args))[2])
        sim = median_of(runs, lambda: run(interps.command("sim", "cpu_threads.py", args,
                                                          cores=4))[2])
        rows.append([str(threads), "{:.3f}".format(real), "{:.3f}".format(sim),
                     "{:.2f}".format(real / sim)])
    return ("Speed of the simulation: cpu_threads.py, {:,} iterations shared by the threads, "
            "real seconds of a whole run (--sim at 4 cores)".format(SPEED_WORK),
            ["threads", "real backend s", "--sim s", "sim speed (real / sim)"], rows)


def classic_rows(stderr):
    """{nthreads: (threads seconds, processes seconds)} from the classic workload's stderr."""
    table = {}
    for line in stderr.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[0].isdigit():
            table[int(fields[0])] = (float(fields[1]), float(fields[2]))
    return table


def classic(interps, runs, cores, host_cores):
    args = [str(CLASSIC_ITERS), str(cores)]
    sim = classic_rows(run(interps.command("sim", "classic_threads_vs_processes.py", args,
                                           cores=cores))[1])
    real = cpython = None
    if cores == host_cores:
        def measured(kind):
            tables = [classic_rows(run(interps.command(kind, "classic_threads_vs_processes.py",
                                                       args))[1]) for _ in range(runs)]
            return {n: tuple(statistics.median(t[n][i] for t in tables) for i in range(2))
                    for n in tables[0]}
        real, cpython = measured("real"), measured("cpython")
    rows = []
    for n in sorted(sim):
        row = [str(n)]
        for i in range(2):
            row.append("{:.3f}".format(sim[n][i]))
            row.append("{:.3f}".format(real[n][i]) if real else "n/a")
            row.append("{:.3f}".format(cpython[n][i]) if cpython else "n/a")
        rows.append(row)
    note = "" if real else " (the real backend and CPython need a {}-core machine: n/a)".format(
        cores)
    return ("Classic threads vs processes, {:,} iterations a worker, {} cores{}: seconds".format(
                CLASSIC_ITERS, cores, note),
            ["workers", "threads sim", "threads real", "threads CPython", "processes sim",
             "processes real", "processes CPython"], rows)


def convoy_p50(stderr):
    # The row for 1 CPU thread: "          1    200   5.123 ..." (CPU threads, calls, p50).
    for line in stderr.splitlines():
        fields = line.split()
        if len(fields) == 6 and fields[0] == "1":
            return float(fields[2])
    raise RuntimeError("no convoy row in:\n" + stderr)


def convoy(interps, runs, cores):
    rows = []
    for interval in INTERVALS_MS:
        calls = "20" if interval >= 50 else "100"
        args = [calls, "1", "0.0001"]
        sim = convoy_p50(run(interps.command("sim", "convoy.py", args, interval, cores))[1])
        real = median_of(runs, lambda: convoy_p50(
            run(interps.command("real", "convoy.py", args, interval))[1]))
        cpython = median_of(runs, lambda: convoy_p50(
            run(interps.command("cpython", "convoy.py", args, interval))[1]))
        rows.append(["{:g} ms".format(interval), "{:.3f}".format(sim), "{:.3f}".format(real),
                     "{:.3f}".format(cpython)])
    return ("Convoy: p50 latency of a 0.1 ms blocking call next to one CPU-bound thread, ms "
            "(--gil cpython; sim at {} cores)".format(cores),
            ["switch interval", "sim", "real", "CPython"], rows)


def handoff_rates(stderr):
    turns = re.search(r"took turns [\d,]+ times, (\d+) per second", stderr)
    gil = re.search(r"hand-offs, (\d+) per second", stderr)
    return {"turns": float(turns.group(1)), "gil": float(gil.group(1)) if gil else 0.0}


def handoffs(interps, runs, cores):
    rows = []
    for interval in INTERVALS_MS[1:] + [1]:
        args = [str(HANDOFF_SECONDS), str(interval)]
        sim = handoff_rates(run(interps.command("sim", "fairness.py", args, cores=cores))[1])
        real = median_of(runs, lambda: handoff_rates(
            run(interps.command("real", "fairness.py", args))[1]))
        cpython = median_of(runs, lambda: handoff_rates(
            run(interps.command("cpython", "fairness.py", args))[1]))
        rows.append(["{:g} ms".format(interval), "{:.0f} ({:.0f})".format(sim["turns"], sim["gil"]),
                     "{:.0f} ({:.0f})".format(real["turns"], real["gil"]),
                     "{:.0f}".format(cpython["turns"])])
    rows.sort(key=lambda r: float(r[0].split()[0]))
    return ("Hand-offs per second between two CPU-bound threads: turns seen from Python "
            "(the GIL's own count); sim at {} cores".format(cores),
            ["switch interval", "sim", "real", "CPython"], rows)


def render(title, header, rows, markdown):
    out = []
    if markdown:
        out.append("**{}**\n".format(title))
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join("---:" for _ in header) + "|")
        out += ["| " + " | ".join(row) + " |" for row in rows]
    else:
        out.append(title)
        widths = [max(len(x) for x in col) for col in zip(header, *rows)]
        for row in [header] + rows:
            out.append("  ".join(x.rjust(w) for x, w in zip(row, widths)))
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gilsim", default=os.path.join(ROOT, "build", "release", "gilsim"))
    parser.add_argument("--python3", default="python3")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cores", default="2,16", help="virtual core counts, e.g. 2,16")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    interps = Interpreters(args.gilsim, args.python3)
    host_cores = os.cpu_count()
    print("{} real cores here; real figures: median of {} runs\n".format(host_cores, args.runs))
    sections = [lambda: speed(interps, args.runs)]
    for cores in [int(c) for c in args.cores.split(",")]:
        sections.append(lambda c=cores: classic(interps, args.runs, c, host_cores))
    sections.append(lambda: convoy(interps, args.runs, 2))
    sections.append(lambda: handoffs(interps, args.runs, 2))
    for section in sections:
        print(render(*section(), args.markdown), flush=True)


if __name__ == "__main__":
    sys.exit(main())
