#!/usr/bin/env python3
"""GIL benchmark of gilsim: scaling, hand-offs, convoys, lost updates, the GIL battle, overheads.

Runs the helper scripts of tests/bench/gil/ under gilsim (and some under python3 for comparison),
each in its own process, and prints one table: every figure with its target and a ✓/✗ mark, then
the exact command lines used. Every ratio compares runs made by this one invocation of the driver
(the baseline of a ratio comes from the same gilsim process or the same driver run).

It is a report: a missed target never fails it. Exit status: 0 when every run succeeded, 1 on a
usage or set-up error, 2 when a run failed (crashed, hung past --timeout, printed no result);
the report is printed either way, with the failures at the end. Progress goes to stderr, the
report to stdout. See tests/bench/README.md.
"""

import argparse
import errno
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.realpath(__file__))
HELPERS = os.path.join(BENCH_DIR, "gil")
REPO_ROOT = os.path.dirname(os.path.dirname(BENCH_DIR))
DEFAULT_GILSIM = os.path.join(REPO_ROOT, "build", "release", "gilsim")

OK, MISS, NONE = "✓", "✗", "–"


def note(text):
    print(f"[gil-bench] {text}", file=sys.stderr, flush=True)


# --- running the helpers -----------------------------------------------------------------------


class Runner:
    """Runs helper scripts, parses their "@ key value" lines and remembers every command line."""

    def __init__(self, gilsim, python, timeout, wait_for_binary):
        self.gilsim = gilsim
        self.python = python
        self.timeout = timeout
        self.wait_for_binary = wait_for_binary
        self.commands = []  # (number, printable command line)
        self.failures = []  # (number, what, details)
        env_prefix = []
        if os.environ.get("GILSIM_LIBRARY_DIR"):
            env_prefix = [f"GILSIM_LIBRARY_DIR={shlex.quote(os.environ['GILSIM_LIBRARY_DIR'])}"]
        self.env_prefix = env_prefix

    def _await_gilsim(self):
        """gilsim may be being rebuilt: wait for it to be back rather than fail at once."""
        deadline = time.monotonic() + self.wait_for_binary
        warned = False
        while not (os.path.isfile(self.gilsim) and os.access(self.gilsim, os.X_OK)):
            if time.monotonic() >= deadline:
                return False
            if not warned:
                note(f"{self.gilsim} is missing (being rebuilt?); waiting up to "
                     f"{self.wait_for_binary:.0f} s")
                warned = True
            time.sleep(1)
        return True

    def run(self, tool, script, args, gil_options=()):
        """Runs helper `script` under `tool` ("gilsim" or "python3"); returns (dict, number)."""
        path = os.path.join(HELPERS, script)
        args = [str(a) for a in args]
        if tool == "gilsim":
            cmd = [self.gilsim, "run", *gil_options, path, *args]
            shown = self.env_prefix + cmd
        else:
            cmd = [self.python, path, *args]
            shown = cmd
        number = len(self.commands) + 1
        self.commands.append((number, " ".join(shlex.quote(c) for c in shown)))
        note(f"[{number}] {tool} {' '.join(gil_options)} {script} {' '.join(args)}".replace("  ", " "))

        for attempt in range(3):
            if tool == "gilsim" and not self._await_gilsim():
                self._fail(number, "gilsim binary missing", f"{self.gilsim} did not come back")
                return None, number
            try:
                proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                                      text=True, timeout=self.timeout)
            except subprocess.TimeoutExpired as e:
                out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
                err = e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
                self._fail(number, f"timed out after {self.timeout:.0f} s (hang?)",
                           (out + err)[-2000:])
                return None, number
            except OSError as e:
                # ENOENT / ETXTBSY: the binary was replaced between the check and the exec.
                if e.errno in (errno.ENOENT, errno.ETXTBSY, errno.ENOEXEC) and attempt < 2:
                    time.sleep(2)
                    continue
                self._fail(number, f"could not start: {e}", "")
                return None, number
            break

        if proc.returncode != 0:
            what = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
                    else f"exit status {proc.returncode}")
            self._fail(number, what, (proc.stdout + proc.stderr)[-2000:])
            return None, number
        result = {}
        for line in proc.stdout.splitlines():
            if line.startswith("@ "):
                parts = line[2:].split(None, 1)
                key = parts[0]
                value = parts[1] if len(parts) > 1 else ""
                try:
                    result[key] = int(value)
                except ValueError:
                    try:
                        result[key] = float(value)
                    except ValueError:
                        result[key] = value
        if "error" in result:
            self._fail(number, "wrong result", str(result["error"]))
            return None, number
        if not result:
            self._fail(number, "printed no result", (proc.stdout + proc.stderr)[-2000:])
            return None, number
        return result, number

    def _fail(self, number, what, details):
        note(f"[{number}] FAILED: {what}")
        self.failures.append((number, what, details))


def get(res, *keys):
    """res[key] for every key, or None when the run failed or a key is missing."""
    if res is None or any(k not in res for k in keys):
        return None
    vals = [res[k] for k in keys]
    return vals[0] if len(vals) == 1 else vals


# --- formatting ----------------------------------------------------------------------------------


def ms(seconds, digits=3):
    return f"{seconds * 1e3:.{digits}f} ms"


def fmt_interval(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1e3:g} ms"


def gil_interval_arg(seconds):
    return f"{seconds * 1e6:.0f}us" if seconds < 1e-3 else f"{seconds * 1e3:g}ms"


def mark(ok):
    if ok is None:
        return "n/a"
    return OK if ok else MISS


class Report:
    def __init__(self):
        self.rows = []  # (item, measurement, gilsim, python3, target, mark)

    def section(self, title):
        self.rows.append(("section", title))

    def add(self, item, what, gilsim, python3="", target="", ok=NONE, refs=()):
        if refs:
            what = f"{what} [{','.join(str(r) for r in refs)}]"
        if ok in (True, False, None):
            ok = mark(ok)
        self.rows.append(("row", (item, what, gilsim, python3 or "", target, ok)))

    def render(self, markdown):
        header = ("#", "measurement [command]", "gilsim", "python3", "target", "met")
        out = []
        if markdown:
            out.append("| " + " | ".join(header) + " |")
            out.append("|---|---|---:|---:|---|:---:|")
            for kind, data in self.rows:
                if kind == "section":
                    out.append(f"| | **{data}** | | | | |")
                else:
                    out.append("| " + " | ".join(c.replace("|", "\\|") for c in data) + " |")
            return "\n".join(out)
        rows = [d for k, d in self.rows if k == "row"]
        widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
        widths[1] = min(widths[1], 80)

        def line(cells):
            parts = []
            for i, c in enumerate(cells):
                if i in (2, 3):
                    parts.append(c.rjust(widths[i]))
                else:
                    parts.append(c.ljust(widths[i]))
            return "  ".join(parts).rstrip()

        out.append(line(header))
        out.append("  ".join("-" * w for w in widths))
        for kind, data in self.rows:
            if kind == "section":
                out.append("")
                out.append(data)
            else:
                out.append(line(data))
        return "\n".join(out)


# --- the measurements ----------------------------------------------------------------------------


def item1_and_5(r, rep, cfg, results):
    """1. Scaling, and 5. the GIL battle (which reuses the cpython run of 1a)."""
    rep.section("1. Scaling (--gil cpython, the default)")
    cpu, n1 = r.run("gilsim", "cpu.py", [cfg.cpu_iters, cfg.runs], ["--gil", "cpython"])
    results["cpu_cpython"] = (cpu, n1)
    one, two = get(cpu, "one_s", "two_s") or (None, None)
    if one:
        ratio = two / one
        rep.add("1a", f"CPU-bound pure Python ({cfg.cpu_iters:,} iterations): 2 threads, each "
                "the full work / 1 thread", f"{ratio:.2f}x ({two:.3f} s / {one:.3f} s)",
                target="≥ 1.9x", ok=ratio >= 1.9, refs=[n1])
    else:
        rep.add("1a", "CPU-bound pure Python: 2 threads / 1 thread", "n/a", target="≥ 1.9x",
                ok=None, refs=[n1])

    sl, n2 = r.run("gilsim", "scaling.py", ["sleep", 4, 1])
    wall = get(sl, "wall_s")
    rep.add("1b", "4 threads each sleep 1 s: wall time",
            "n/a" if wall is None else f"{wall:.3f} s", target="≤ 1.05 s",
            ok=None if wall is None else wall <= 1.05, refs=[n2])

    for item, func, target, test in (
            ("1c", "compute", "≤ 0.55", lambda x: x <= 0.55),
            ("1d", "compute_holding", "≈ 1.0 (0.90–1.10)", lambda x: 0.9 <= x <= 1.1)):
        res, n = r.run("gilsim", "scaling.py", ["cext", func, cfg.cext_units, cfg.runs])
        serial, two = get(res, "serial_s", "two_s") or (None, None)
        how = "releases" if func == "compute" else "holds"
        what = (f"cext.{func}({cfg.cext_units}) ({how} the GIL): 2 threads at once / the same "
                "work serially")
        if serial:
            x = two / serial
            rep.add(item, what, f"{x:.2f} ({two:.3f} s / {serial:.3f} s)", target=target,
                    ok=test(x), refs=[n])
        else:
            rep.add(item, what, "n/a", target=target, ok=None, refs=[n])


def item2(r, rep, cfg, results):
    """2. Hand-offs per second and shares, 2 equal CPU threads; python3 for comparison."""
    rep.section(f"2. Hand-offs, 2 equal CPU-bound threads for {cfg.handoff_s:g} s "
                "(gilsim --gil cpython; python3 with sys.setswitchinterval)")
    results["handoff"] = {}
    for interval in (0.001, 0.005, 0.05):
        g, ng = r.run("gilsim", "handoff.py", [cfg.handoff_s],
                      ["--gil", "cpython", "--switch-interval", gil_interval_arg(interval)])
        p, npy = r.run("python3", "handoff.py", [cfg.handoff_s, interval])
        results["handoff"][interval] = (g, ng, p, npy)
        label = fmt_interval(interval)
        expect = 1 / interval

        def rate(res):
            h, w = get(res, "handoffs", "window_s") or (None, None)
            return None if not w else h / w

        gr, pr = rate(g), rate(p)
        sw = get(g, "switches")
        rep.add("2", f"interval {label}: hand-offs per second",
                "n/a" if gr is None else f"{gr:.0f}/s ({sw} switches)",
                "n/a" if pr is None else f"{pr:.0f}/s (timed)",
                target=f"≈ {expect:.0f}/s (±20 %)",
                ok=None if gr is None else 0.8 * expect <= gr <= 1.2 * expect, refs=[ng, npy])

        def shares(res):
            c = get(res, "chunks_0", "chunks_1")
            if not c or sum(c) == 0:
                return None
            return [100 * x / sum(c) for x in c]

        gs, ps = shares(g), shares(p)
        fmt = lambda s: "n/a" if s is None else f"{s[0]:.1f} % / {s[1]:.1f} %"
        rep.add("2", f"interval {label}: each thread's share of the iterations", fmt(gs), fmt(ps),
                target="50 % each (45–55)",
                ok=None if gs is None else all(45 <= x <= 55 for x in gs), refs=[ng, npy])


def item3(r, rep, cfg):
    """3. Convoy: latency of a short blocking call in an I/O thread while a CPU thread runs."""
    op_desc = {"sleep0": "time.sleep(0)", "pipe": "1-byte os.write + os.read on a pipe",
               "read": "1-byte os.read from a pipe holding data"}[cfg.convoy_op]
    rep.section(f"3. Convoy: latency of {op_desc} in an I/O thread while 1 CPU-bound thread runs")

    def cell(res):
        v = get(res, "p50_ms", "p99_ms", "n")
        if v is None:
            return "n/a", None
        return f"p50 {v[0]:.3f} ms, p99 {v[1]:.3f} ms (n={v[2]})", v

    base, nb = r.run("gilsim", "convoy.py", [cfg.convoy_op, 0, cfg.convoy_s, cfg.convoy_max])
    text, _ = cell(base)
    rep.add("3", "baseline: no CPU thread", text, target="–", ok=NONE, refs=[nb])
    for policy in ("cpython", "priority"):
        for interval in (0.0005, 0.005, 0.05):
            seconds = max(cfg.convoy_s, cfg.convoy_slices * interval)
            res, n = r.run("gilsim", "convoy.py", [cfg.convoy_op, 1, f"{seconds:g}", cfg.convoy_max],
                           ["--gil", policy, "--switch-interval", gil_interval_arg(interval)])
            text, v = cell(res)
            if policy == "cpython":
                target = f"p50 ≈ interval ({ms(0.5 * interval, 2)}–{ms(2 * interval, 2)})"
                ok = None if v is None else 0.5 * interval * 1e3 <= v[0] <= 2 * interval * 1e3
            else:
                target = "p50 and p99 < 1 ms"
                ok = None if v is None else (v[0] < 1 and v[1] < 1)
            rep.add("3", f"--gil {policy}, interval {fmt_interval(interval)}", text,
                    target=target, ok=ok, refs=[n])


def item4(r, rep, cfg):
    """4. Lost updates: 4 threads x N `counter += 1`."""
    n = cfg.lost_n
    rep.section(f"4. Lost updates: 4 threads x {n:,} `counter += 1` (--gil cpython)")
    cases = [
        ("plain", ["--check-points", "branches"], "check points at branches (default, CPython "
         "3.10+)", "0 lost", lambda lost: lost == 0),
        ("plain", ["--check-points", "every"], "--check-points every (CPython < 3.10)",
         "> 0 lost", lambda lost: lost > 0),
        ("call", ["--check-points", "branches"], "a function call between the read and the write",
         "> 0 lost", lambda lost: lost > 0),
        ("lock", ["--check-points", "branches"], "with a threading.Lock", "0 lost",
         lambda lost: lost == 0),
    ]
    for mode, opts, what, target, test in cases:
        res, num = r.run("gilsim", "lost.py", [mode, 4, n], opts)
        v = get(res, "lost", "expected", "wall_s")
        if v is None:
            rep.add("4", what, "n/a", target=target, ok=None, refs=[num])
        else:
            lost, expected, wall = v
            rep.add("4", what, f"{lost:,} lost ({100 * lost / expected:.1f} %), {wall:.3f} s",
                    target=target, ok=test(lost), refs=[num])


def item5(r, rep, cfg, results):
    rep.section("5. The GIL battle: 2 CPU-bound threads / the same work done sequentially")
    old, nold = r.run("gilsim", "cpu.py", [cfg.cpu_iters, cfg.runs], ["--gil", "cpython-old"])
    new, nnew = results["cpu_cpython"]
    for policy, res, num, target, test in (
            ("cpython-old", old, nold, "> 1.1x, slower (Beazley: 1.8x on 2 cores)",
             lambda x: x > 1.1),
            ("cpython", new, nnew, "≤ 1.1x", lambda x: x <= 1.1)):
        v = get(res, "seq_s", "two_s")
        what = f"--gil {policy}"
        if policy == "cpython":
            what += " (the run of 1a)"
        if v is None:
            rep.add("5", what, "n/a", target=target, ok=None, refs=[num])
        else:
            seq, two = v
            extra = ""
            fd = get(res, "forced_drops")
            if fd is not None:
                extra = f"; {fd:,} forced drops, {get(res, 'switches'):,} switches"
            rep.add("5", what, f"{two / seq:.2f}x ({two:.3f} s / {seq:.3f} s{extra})",
                    target=target, ok=test(two / seq), refs=[num])


def item6(r, rep, cfg, results):
    rep.section("6. Uncontended GIL cost and overheads")
    args = ["dropcost", cfg.sleep_n, cfg.native_n, cfg.runs]
    g, ng = r.run("gilsim", "overhead.py", args)
    p, npy = r.run("python3", "overhead.py", args)

    def diff(res, a, b):
        v = get(res, a, b)
        return None if v is None else v[0] - v[1]

    gd, pd = diff(g, "sleep0_ns", "abs_ns"), diff(p, "sleep0_ns", "abs_ns")
    acq = get(g, "acq_per_call")
    rep.add("6a", f"time.sleep(0) − abs(0), per call, {cfg.sleep_n:,} calls (includes the "
            "nanosleep system call and its timer slack)",
            "n/a" if gd is None else f"{gd:,.0f} ns ({acq:g} GIL takes/call)",
            "n/a" if pd is None else f"{pd:,.0f} ns", target="–", ok=NONE, refs=[ng, npy])
    nd = diff(g, "release0_ns", "hold0_ns")
    racq = get(g, "release_acq_per_call")
    rep.add("6a", f"cext.compute(0) − cext.compute_holding(0), per call, {cfg.native_n:,} calls "
            "(the drop+take pair alone)",
            "n/a" if nd is None else f"{nd:,.0f} ns ({racq:g} GIL takes/call)",
            "", target="–", ok=NONE, refs=[ng])
    gr, pr = get(g, "read1_ns"), get(p, "read1_ns")
    share = None if nd is None or not gr else 100 * nd / gr
    rep.add("6a", "uncontended cost on one thread: the drop+take pair as a share of a 1-byte "
            "os.read from a pipe holding data, the cheapest call that releases the GIL "
            "(CPU-bound code on one thread takes and drops nothing)",
            "n/a" if share is None else f"{share:.0f} % of {gr:,.0f} ns",
            "n/a" if pr is None else f"os.read: {pr:,.0f} ns", target="≤ 2 %",
            ok=None if share is None else share <= 2, refs=[ng, npy])

    for interval, (gres, ngr, pres, npr) in results["handoff"].items():
        def over(res):
            v = get(res, "window_s", "handoffs")
            return None if not v or not v[1] else v[0] / v[1] - interval
        go, po = over(gres), over(pres)
        rep.add("6b", f"hand-off overhead at {fmt_interval(interval)}: time / hand-offs − "
                "interval (runs of item 2)",
                "n/a" if go is None else ms(go), "n/a" if po is None else ms(po),
                target="≤ 0.1 ms", ok=None if go is None else go <= 1e-4, refs=[ngr, npr])

    g, ng = r.run("gilsim", "overhead.py", ["threads", cfg.threads_n])
    p, npy = r.run("python3", "overhead.py", ["threads", cfg.threads_n])
    gm, pm = get(g, "median_us"), get(p, "median_us")
    rep.add("6c", f"thread start+join, median of {cfg.threads_n:,}, one at a time",
            "n/a" if gm is None else f"{gm:.0f} µs", "n/a" if pm is None else f"{pm:.0f} µs",
            target="≤ 50 µs", ok=None if gm is None else gm <= 50, refs=[ng, npy])


# --- main -----------------------------------------------------------------------------------------


class Config:
    pass


def make_config(args):
    c = Config()
    c.runs = args.runs if args.runs else (1 if args.quick else 5)
    c.convoy_op = args.convoy_op
    if args.quick:
        c.cpu_iters, c.cext_units = 3_000_000, 50
        c.handoff_s = 1.0
        c.convoy_s, c.convoy_slices, c.convoy_max = 0.5, 20, 2000
        c.lost_n = 100_000
        c.sleep_n, c.native_n = 5_000, 50_000
        c.threads_n = 500
    else:
        c.cpu_iters, c.cext_units = 8_000_000, 100
        c.handoff_s = 3.0
        c.convoy_s, c.convoy_slices, c.convoy_max = 1.0, 40, 5000
        c.lost_n = 1_000_000
        c.sleep_n, c.native_n = 20_000, 200_000
        c.threads_n = 2000
    return c


def machine_lines(gilsim, python, load_start, load_end, elapsed, cfg, quick):
    cpu_model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if re.match(r"^(model name|Model|Hardware)\s*:", line):
                    cpu_model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        version = subprocess.run([gilsim, "--version"], capture_output=True, text=True,
                                 timeout=10).stdout.strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        version = "unknown"
    rev = "unknown"
    try:
        rev = subprocess.run(["git", "-C", REPO_ROOT, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10).stdout.strip() or rev
        dirty = subprocess.run(["git", "-C", REPO_ROOT, "status", "--porcelain"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        if dirty:
            rev += " (dirty tree)"
    except (OSError, subprocess.SubprocessError):
        pass
    pyver = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()
    return [
        ("machine", f"{os.cpu_count()} CPUs, {cpu_model}; load average at the start "
                    f"{load_start}, at the end {load_end}"),
        ("gilsim", f"{version}; {gilsim}; repo at {rev}"),
        ("python3", f"{pyver}; {python}"),
        ("settings", f"{'--quick, ' if quick else ''}--runs {cfg.runs}, convoy op "
                     f"{cfg.convoy_op}; the whole run took {elapsed:.0f} s"),
    ]


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


NOTES = """\
How to read it:
- 1a: each thread does the full work, so under a GIL 2 threads take about 2x as long as 1 (no
  parallel speed-up); times are the smallest of --runs repetitions. 1c/1d: native work that
  releases the GIL runs in parallel (about 0.5 on 2 free cores); work that holds it does not.
  On a shared machine another busy process takes a core away and pushes 1c towards 1.0.
- 2: hand-offs per second = hand-offs between the two threads / the time they spanned; gilsim's
  threads see each hand-off exactly (their acquisitions counter), python3's by a gap of more than
  half an interval in their clock readings ("timed"). Shares are loop iterations.
- 3: a call that releases the GIL must take it back; under --gil cpython a running CPU thread
  gives it up only when asked, one switch interval after the I/O thread starts waiting (the
  convoy effect); --gil priority lets a thread back from I/O preempt at once.
- 4: `counter += 1` is a load, an add and a store; an update is lost when the GIL changes hands
  between them, which branch-only check points rule out and a call or per-instruction check points
  allow.
- 5: ratio > 1 means running the two threads together is slower than running their work one
  after the other: the old GIL's release-and-retake battle on several cores.
- 6a: time.sleep(0) is a nanosleep system call, which Linux delays by the thread's timer slack
  (50 µs by default), so its figure is mostly kernel time, under both interpreters; the cext row
  isolates gilsim's own drop+take pair. 6b: the part of each hand-off beyond the interval (the
  waiter's timed wait also wakes up to one timer slack late).
- Marks: ✓ target met, ✗ missed, – no target (for information), n/a the run failed."""


def main():
    ap = argparse.ArgumentParser(
        description="GIL benchmark of gilsim: scaling, hand-offs, convoys, lost updates, the GIL "
                    "battle and overheads. Prints a table with a ✓/✗ mark against each target and "
                    "the command lines used. Progress goes to stderr, the report to stdout.")
    ap.add_argument("--gilsim", metavar="PATH", default=DEFAULT_GILSIM,
                    help="gilsim binary (default: build/release/gilsim under the repo root)")
    ap.add_argument("--python", metavar="PATH", default=None,
                    help="python3 to compare with (default: the python3 on PATH)")
    ap.add_argument("--runs", metavar="N", type=int, default=0,
                    help="repetitions inside each timed helper; the smallest time counts "
                         "(default 5, or 1 with --quick)")
    ap.add_argument("--quick", action="store_true",
                    help="smaller workloads (about 30 s instead of about 2 minutes)")
    ap.add_argument("--convoy-op", choices=("sleep0", "pipe", "read"), default="sleep0",
                    help="the blocking call of item 3: time.sleep(0) (default), a 1-byte "
                         "os.write + os.read round trip on a pipe, or a 1-byte os.read of a pipe "
                         "holding data (the pipe calls return at once, before a waiting thread "
                         "wakes, so they rarely lose the GIL: no convoy to see)")
    ap.add_argument("--timeout", metavar="S", type=float, default=120,
                    help="seconds after which a helper run counts as hung (default 120)")
    ap.add_argument("--wait-for-binary", metavar="S", type=float, default=180,
                    help="how long to wait for a missing gilsim binary, e.g. during a rebuild "
                         "(default 180)")
    ap.add_argument("--library-dir", metavar="DIR", default=None,
                    help="set GILSIM_LIBRARY_DIR for gilsim (load interp/lib modules from DIR)")
    ap.add_argument("--markdown", action="store_true", help="print the report as Markdown")
    args = ap.parse_args()
    if args.runs < 0:
        ap.error("--runs must be a positive integer")
    if args.library_dir:
        os.environ["GILSIM_LIBRARY_DIR"] = os.path.abspath(args.library_dir)

    gilsim = os.path.abspath(args.gilsim)
    if not (os.path.isfile(gilsim) and os.access(gilsim, os.X_OK)):
        deadline = time.monotonic() + args.wait_for_binary
        note(f"gilsim binary not found: {gilsim}; waiting up to {args.wait_for_binary:.0f} s")
        while not (os.path.isfile(gilsim) and os.access(gilsim, os.X_OK)):
            if time.monotonic() >= deadline:
                print(f"gil_bench.py: error: gilsim binary not found or not executable: {gilsim}\n"
                      "Build it first (cmake --preset release && cmake --build --preset release)"
                      " or pass another binary with --gilsim PATH.", file=sys.stderr)
                return 1
            time.sleep(1)
    python = args.python
    if python is None:
        try:
            python = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                                    capture_output=True, text=True).stdout.strip()
        except OSError:
            python = ""
        if not python:
            print("gil_bench.py: error: python3 not found", file=sys.stderr)
            return 1
    for name in ("cpu.py", "scaling.py", "handoff.py", "convoy.py", "lost.py", "overhead.py"):
        if not os.path.isfile(os.path.join(HELPERS, name)):
            print(f"gil_bench.py: error: missing helper {os.path.join(HELPERS, name)}",
                  file=sys.stderr)
            return 1

    cfg = make_config(args)
    load_start = loadavg()
    t0 = time.monotonic()
    try:
        mtime0 = os.stat(gilsim).st_mtime
    except OSError:
        mtime0 = None
    r = Runner(gilsim, python, args.timeout, args.wait_for_binary)
    rep = Report()
    results = {}
    item1_and_5(r, rep, cfg, results)
    item2(r, rep, cfg, results)
    item3(r, rep, cfg)
    item4(r, rep, cfg)
    item5(r, rep, cfg, results)
    item6(r, rep, cfg, results)
    elapsed = time.monotonic() - t0
    load_end = loadavg()
    try:
        mtime1 = os.stat(gilsim).st_mtime
    except OSError:
        mtime1 = None

    md = args.markdown
    out = []
    out.append("## gilsim GIL benchmark" if md else "gilsim GIL benchmark")
    out.append("")
    out.append(rep.render(md))
    out.append("")
    out.append(NOTES)
    out.append("")
    lines = machine_lines(gilsim, python, load_start, load_end, elapsed, cfg, args.quick)
    if mtime0 != mtime1:
        lines.append(("WARNING", "the gilsim binary changed during the run (rebuilt?): the "
                                 "figures may come from two builds"))
    if md:
        out.append("Machine and tools:")
        out.append("")
        out.extend(f"- {k}: {v}" for k, v in lines)
    else:
        w = max(len(k) for k, _ in lines)
        out.extend(f"{k.ljust(w)}  {v}" for k, v in lines)
    out.append("")
    out.append("Commands:")
    out.append("")
    if md:
        out.append("```")
    out.extend(f"[{n}] {c}" for n, c in r.commands)
    if md:
        out.append("```")
    if r.failures:
        out.append("")
        out.append("FAILED RUNS:")
        for n, what, details in r.failures:
            out.append(f"[{n}] {what}")
            for dl in details.rstrip().splitlines()[-15:]:
                out.append(f"    {dl}")
    print("\n".join(out))
    return 2 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main())
