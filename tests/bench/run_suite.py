#!/usr/bin/env python3
"""Times the object-heavy benchmark suite under gilsim, CPython and PyPy (see tests/bench/README.md).

Every program of tests/bench/suite/ (plus the older int_loop.py, fib.py and cpu_func.py of
tests/bench/) runs under gilsim, CPython (python3) and PyPy (pypy3, when installed), interleaved:
for each repetition every interpreter runs in turn, so that a burst of load on the machine hits
all of them alike. The best of N wall-clock times counts. The outputs of the first run of each
interpreter must agree with CPython's; a mismatch or a failed run makes the exit status 1.

    python3 tests/bench/run_suite.py                       # table, best of 3
    python3 tests/bench/run_suite.py --markdown            # the same as Markdown
    python3 tests/bench/run_suite.py --baseline-gilsim OLD # before/after: a new/old column
    python3 tests/bench/run_suite.py --check-only --size 0 # outputs only (the ctest)

Standard library only. Exit status: 0 all ran and agree, 1 a run failed or outputs differ,
2 a usage error.
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(BENCH_DIR))

# name, path relative to tests/bench/, whether it takes the size argument.
BENCHMARKS = [
    ("attrs", "suite/attrs.py", True),
    ("inherit", "suite/inherit.py", True),
    ("closures", "suite/closures.py", True),
    ("tree", "suite/tree.py", True),
    ("listwork", "suite/listwork.py", True),
    ("dictstr", "suite/dictstr.py", True),
    ("generators", "suite/generators.py", True),
    ("exceptions", "suite/exceptions.py", True),
    ("richards", "suite/richards.py", True),
    ("nbody", "suite/nbody.py", True),
    ("json_encode", "suite/json_encode.py", True),
    # The workloads of run_bench.sh: fixed sizes, no argument.
    ("int_loop", "int_loop.py", False),
    ("fib", "fib.py", False),
    ("cpu_func", "cpu_func.py", False),
]


def note(msg):
    sys.stderr.write("[suite] " + msg + "\n")
    sys.stderr.flush()


def resolve_python(name):
    """The real interpreter behind NAME (a pyenv shim adds tens of ms to every start)."""
    exe = shutil.which(name) if os.sep not in name else name
    if exe is None:
        return None
    try:
        p = subprocess.run([exe, "-c", "import sys; print(sys.executable)"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=60)
        real = p.stdout.decode().strip()
        if p.returncode == 0 and real and os.access(real, os.X_OK):
            return real
    except (OSError, subprocess.TimeoutExpired):
        pass
    return exe


def version_of(cmd):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=30)
        return " ".join(p.stdout.decode(errors="replace").split())
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


class Interp:
    def __init__(self, key, label, exe, is_gilsim):
        self.key = key  # used in the JSON and in messages
        self.label = label  # column heading
        self.exe = exe
        self.is_gilsim = is_gilsim

    def command(self, path, args):
        if self.is_gilsim:
            return [self.exe, "run", path] + args
        return [self.exe, path] + args


def run_once(cmd, timeout):
    """Runs CMD; returns (seconds, returncode, stdout, stderr); returncode None on a timeout."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return time.perf_counter() - t0, None, e.stdout or b"", e.stderr or b""
    t1 = time.perf_counter()
    return t1 - t0, p.returncode, p.stdout, p.stderr


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_s(t):
    return "n/a" if t is None else f"{t:.3f}"


def fmt_x(r):
    return "n/a" if r is None else f"{r:.2f}x"


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Time the object-heavy benchmark suite under gilsim, CPython and PyPy.")
    ap.add_argument("--gilsim", default=None,
                    help="gilsim binary (default: build/release/gilsim under the repo root)")
    ap.add_argument("--baseline-gilsim", metavar="PATH", default=None,
                    help="a second (older) gilsim binary, timed in the same loop; adds a "
                         "'new/old speed-up' column")
    ap.add_argument("--python", default="python3", help="CPython interpreter (default python3)")
    ap.add_argument("--pypy", default=None,
                    help="PyPy interpreter (default pypy3 when installed; with --check-only "
                         "PyPy runs only when this is given)")
    ap.add_argument("--no-pypy", action="store_true", help="leave PyPy out")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each (best counts; default 3)")
    ap.add_argument("--size", type=int, default=1,
                    help="size argument of the suite programs (default 1; 0 is a smoke size)")
    ap.add_argument("--only", default=None,
                    help="comma-separated benchmark names to run (default: all)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--json", metavar="FILE", default=None, help="write the results as JSON")
    ap.add_argument("--check-only", action="store_true",
                    help="one run of each, compare outputs, no timing table; the fixed-size "
                         "programs (int_loop, fib, cpu_func) are skipped unless named in --only")
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds per run (default 600)")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.size < 0:
        ap.error("--size must be 0 or more")
    return ap, args


def main(argv):
    ap, args = parse_args(argv)

    if args.list:
        for name, rel, sized in BENCHMARKS:
            print(f"{name:12} tests/bench/{rel}" + ("" if sized else "  (fixed size)"))
        return 0

    names = [b[0] for b in BENCHMARKS]
    if args.only:
        wanted = [w.strip() for w in args.only.split(",") if w.strip()]
        unknown = [w for w in wanted if w not in names]
        if unknown:
            ap.error("unknown benchmark(s): " + ", ".join(unknown) + " (known: " + ", ".join(names) + ")")
        benches = [b for b in BENCHMARKS if b[0] in wanted]
    elif args.check_only:
        benches = [b for b in BENCHMARKS if b[2]]
    else:
        benches = list(BENCHMARKS)

    gilsim = args.gilsim or os.path.join(REPO_ROOT, "build", "release", "gilsim")
    gilsim = os.path.abspath(gilsim)
    if not (os.path.isfile(gilsim) and os.access(gilsim, os.X_OK)):
        sys.stderr.write(f"run_suite.py: error: gilsim binary not found or not executable: {gilsim}\n"
                         "Build it first (cmake --preset release && cmake --build --preset release) "
                         "or pass --gilsim PATH.\n")
        return 2
    interps = [Interp("gilsim", "gilsim s", gilsim, True)]
    if args.baseline_gilsim:
        old = os.path.abspath(args.baseline_gilsim)
        if not (os.path.isfile(old) and os.access(old, os.X_OK)):
            sys.stderr.write(f"run_suite.py: error: baseline gilsim not found or not executable: {old}\n")
            return 2
        interps.append(Interp("gilsim_old", "old gilsim s", old, True))
    python = resolve_python(args.python)
    if python is None:
        sys.stderr.write(f"run_suite.py: error: CPython interpreter not found: {args.python}\n")
        return 2
    interps.append(Interp("cpython", "CPython s", python, False))
    pypy = None
    if not args.no_pypy and (args.pypy is not None or not args.check_only):
        pypy = resolve_python(args.pypy or "pypy3")
        if pypy is None:
            if args.pypy is not None:
                sys.stderr.write(f"run_suite.py: error: PyPy interpreter not found: {args.pypy}\n")
                return 2
            note("pypy3 not installed (apt-get install -y pypy3); the PyPy column reads n/a")
        else:
            interps.append(Interp("pypy", "PyPy s", pypy, False))
    have = {i.key for i in interps}

    repeat = 1 if args.check_only else args.repeat
    failed = False
    results = {}  # name -> {"times": {key: [...]}, "output": str, "mismatch": [...], "failed": [...]}

    for name, rel, sized in benches:
        path = os.path.join(BENCH_DIR, rel)
        extra = [str(args.size)] if sized else []
        times = {i.key: [] for i in interps}
        outputs = {}
        broken = set()
        res = {"file": "tests/bench/" + rel, "args": extra, "times": times,
               "mismatch": [], "failed": []}
        results[name] = res
        note(f"{name}: " + ("checking" if args.check_only else f"{repeat} round(s)"))
        for rep in range(repeat):
            for it in interps:
                if it.key in broken:
                    continue
                cmd = it.command(path, extra)
                secs, rc, out, err = run_once(cmd, args.timeout)
                if rc != 0:
                    why = "timed out" if rc is None else f"exited with status {rc}"
                    tail = err.decode(errors="replace").strip().splitlines()[-15:]
                    sys.stderr.write(f"\nrun_suite.py: FAILED: {it.key} on {name} {why}\n"
                                     f"  command: {' '.join(cmd)}\n" +
                                     "".join("    " + ln + "\n" for ln in tail))
                    broken.add(it.key)
                    res["failed"].append(it.key)
                    failed = True
                    continue
                if rep == 0:
                    outputs[it.key] = out.decode(errors="replace")
                times[it.key].append(secs)
        ref = outputs.get("cpython")
        res["output"] = ref
        if ref is not None:
            for key, out in outputs.items():
                if key != "cpython" and out != ref:
                    res["mismatch"].append(key)
                    failed = True
                    sys.stderr.write(f"\nrun_suite.py: OUTPUTS DIFFER on {name}: {key} vs cpython\n"
                                     f"  cpython printed: {ref!r}\n  {key} printed: {out!r}\n")
        if not res["mismatch"] and not res["failed"]:
            first = (ref or "").strip().splitlines()
            note(f"  {name}: all agree ({first[0] if first else '<no output>'})")

    if args.check_only:
        checked = ", ".join(i.key for i in interps)
        if failed:
            print(f"run_suite.py: check FAILED ({len(benches)} programs, size {args.size}; {checked})")
            return 1
        print(f"run_suite.py: all {len(benches)} programs print the same under {checked} "
              f"(size {args.size})")
        return 0

    # Table.
    def best(name, key):
        t = results[name]["times"].get(key)
        return min(t) if t else None

    def ratio(a, b):
        return None if a is None or b is None or b <= 0 else a / b

    header = ["benchmark"] + [i.label for i in interps]
    ratio_cols = [("CPython/gilsim", "cpython", "gilsim")]
    ratio_cols.append(("PyPy/gilsim", "pypy", "gilsim"))
    if "gilsim_old" in have:
        ratio_cols.append(("new/old speed-up", "gilsim_old", "gilsim"))
    if "pypy" not in have:
        header.insert(1 + len(interps), "PyPy s")
    header += [c[0] for c in ratio_cols]

    rows = []
    ratio_values = {c[0]: [] for c in ratio_cols}
    for name, rel, sized in benches:
        cells = [name if sized else name + " (fixed)"]
        for it in interps:
            cells.append(fmt_s(best(name, it.key)))
        if "pypy" not in have:
            cells.append("n/a")
        for label, num, den in ratio_cols:
            r = ratio(best(name, num), best(name, den))
            if results[name]["mismatch"] or results[name]["failed"]:
                r = None
            ratio_values[label].append(r)
            cells.append(fmt_x(r))
        results[name]["best"] = {i.key: best(name, i.key) for i in interps}
        results[name]["median"] = {i.key: (statistics.median(results[name]["times"][i.key])
                                           if results[name]["times"][i.key] else None)
                                   for i in interps}
        results[name]["ratios"] = {label: ratio_values[label][-1] for label, _, _ in ratio_cols}
        rows.append(cells)
    geo = {label: geomean(vals) for label, vals in ratio_values.items()}
    rows.append(["geometric mean"] + [""] * (len(header) - 1 - len(ratio_cols)) +
                [fmt_x(geo[c[0]]) for c in ratio_cols])

    out = []
    if args.markdown:
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        for r in rows:
            if r[0] == "geometric mean":
                r = ["**geometric mean**"] + r[1:]
            out.append("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]

        def line(cells):
            return "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                             for i, c in enumerate(cells)).rstrip()

        out.append(line(header))
        out.append("  ".join("-" * w for w in widths))
        for r in rows[:-1]:
            out.append(line(r))
        out.append("  ".join("-" * w for w in widths))
        out.append(line(rows[-1]))
    out.append("")
    out.append(f"Best of {repeat} wall-clock times in seconds (interleaved runs), size {args.size}; "
               "a ratio above 1 means gilsim is faster"
               + ("; new/old speed-up is old gilsim's time / gilsim's" if "gilsim_old" in have else "")
               + "." + (" (fixed): a program of run_bench.sh that takes no size argument."
                        if any(not b[2] for b in benches) else ""))
    try:
        load = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load = ["unknown"]
    meta = {
        "size": args.size, "repeat": repeat, "nproc": os.cpu_count(),
        "loadavg_end": " ".join(load),
        "gilsim": gilsim, "gilsim_version": version_of([gilsim, "--version"]),
        "cpython": python, "cpython_version": version_of([python, "--version"]),
    }
    if "gilsim_old" in have:
        meta["gilsim_old"] = interps[1].exe
        meta["gilsim_old_version"] = version_of([interps[1].exe, "--version"])
    if pypy:
        meta["pypy"] = pypy
        meta["pypy_version"] = version_of([pypy, "--version"])
    tools = f"gilsim: {meta['gilsim_version']}; CPython: {meta['cpython_version']}"
    if pypy:
        tools += f"; PyPy: {meta['pypy_version']}"
    out.append(f"{meta['nproc']} CPUs, load average at the end {meta['loadavg_end']}; {tools}")
    print("\n".join(out))

    if args.json:
        doc = {"meta": meta, "benchmarks": results, "geomean": geo, "ok": not failed}
        target = os.path.abspath(args.json)
        fd, tmp = tempfile.mkstemp(prefix=".run_suite.", suffix=".json", dir=os.path.dirname(target))
        try:
            with os.fdopen(fd, "w") as f:
                json.dump(doc, f, indent=2, sort_keys=True)
                f.write("\n")
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        note(f"wrote {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
