#!/usr/bin/env bash
# Performance benchmark of gilsim against CPython (python3) and Lua 5.4.
#
# Runs every workload of tests/bench/ under gilsim, python3 and lua5.4, checks that they print the
# same result, times them (hyperfine when available, else a python3 timer), prints a table and
# whether the performance bars are met. See tests/bench/README.md.
#
# Exit status: 0 when every run succeeded and the results agree (even if a bar is missed; this is a
# report), 1 on a usage or set-up error, 2 when a run fails or the results disagree.
set -euo pipefail

BENCH_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$BENCH_DIR/../.." && pwd -P)"

usage() {
  cat <<EOF
Usage: tests/bench/run_bench.sh [--gilsim PATH] [--runs N] [--markdown] [options]

Times gilsim, python3 and lua5.4 on the workloads in tests/bench/ and prints a table.

  --gilsim PATH        gilsim binary (default: build/release/gilsim under the repo root)
  --runs N             timed runs per heavy workload (default 5)
  --slow-runs N        timed runs of python3 on cpu_func, which takes seconds (default 3; never
                       more than --runs)
  --startup-runs N     timed runs of the start-up workload (default 30)
  --warmup N           untimed warm-up runs before each measurement (default 1)
  --timer KIND         auto (hyperfine if installed, else python3), hyperfine or python (default auto)
  --markdown           print the report as Markdown (for the README)
  -h, --help           show this help

Progress goes to stderr, the report to stdout.
EOF
}

die() { # status message...
  local status="$1"
  shift
  printf 'run_bench.sh: error: %s\n' "$*" >&2
  exit "$status"
}
note() { printf '[bench] %s\n' "$*" >&2; }

is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }

GILSIM="$REPO_ROOT/build/release/gilsim"
RUNS=5
SLOW_RUNS=3
STARTUP_RUNS=30
WARMUP=1
TIMER=auto
MARKDOWN=0

# Split "--opt=value" into "--opt value".
ARGS=()
for a in "$@"; do
  if [[ "$a" == --*=* ]]; then ARGS+=("${a%%=*}" "${a#*=}"); else ARGS+=("$a"); fi
done
set -- "${ARGS[@]+"${ARGS[@]}"}"

need_value() { (($1 >= 2)) || die 1 "$2 needs a value"; }
while (($#)); do
  case "$1" in
  --gilsim) need_value $# "$1"; GILSIM="$2"; shift 2 ;;
  --runs) need_value $# "$1"; is_count "$2" || die 1 "--runs must be a positive integer"; RUNS="$2"; shift 2 ;;
  --slow-runs)
    need_value $# "$1"; is_count "$2" || die 1 "--slow-runs must be a positive integer"; SLOW_RUNS="$2"; shift 2 ;;
  --startup-runs)
    need_value $# "$1"; is_count "$2" || die 1 "--startup-runs must be a positive integer"; STARTUP_RUNS="$2"; shift 2 ;;
  --warmup)
    need_value $# "$1"; [[ "$2" =~ ^[0-9]+$ ]] || die 1 "--warmup must be a non-negative integer"; WARMUP="$2"; shift 2 ;;
  --timer)
    need_value $# "$1"
    case "$2" in auto | hyperfine | python) TIMER="$2" ;; *) die 1 "--timer must be auto, hyperfine or python" ;; esac
    shift 2
    ;;
  --markdown) MARKDOWN=1; shift ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; die 1 "unknown argument: $1" ;;
  esac
done
((SLOW_RUNS <= RUNS)) || SLOW_RUNS="$RUNS"

# --- tools -----------------------------------------------------------------------------------------

# A relative --gilsim path is taken relative to the current directory, as a user would expect.
if [[ ! -f "$GILSIM" || ! -x "$GILSIM" ]]; then
  {
    printf 'run_bench.sh: error: gilsim binary not found or not executable: %s\n' "$GILSIM"
    printf 'Build the release binary first, from the repo root (%s):\n' "$REPO_ROOT"
    printf '    cmake --preset release && cmake --build --preset release\n'
    printf 'or pass another binary with --gilsim PATH.\n'
  } >&2
  exit 1
fi
GILSIM="$(cd -- "$(dirname -- "$GILSIM")" && pwd -P)/$(basename -- "$GILSIM")"

command -v python3 >/dev/null 2>&1 || die 1 "python3 is required (it is both a contender and the report generator)"
# Time the real interpreter, not a wrapper such as a pyenv shim (a shell script that would add tens
# of milliseconds to every start).
PYTHON="$(python3 -c 'import sys; print(sys.executable)')"
[[ -x "$PYTHON" ]] || die 1 "cannot resolve the python3 executable (sys.executable is '$PYTHON')"

apt_install() { # package
  note "installing $1 with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >&2; then
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >&2
  fi
}

LUA=""
if command -v lua5.4 >/dev/null 2>&1; then
  LUA="$(command -v lua5.4)"
elif [[ "$(id -u)" == 0 ]]; then
  if apt_install lua5.4 && command -v lua5.4 >/dev/null 2>&1; then
    LUA="$(command -v lua5.4)"
  else
    note "WARNING: could not install lua5.4; the Lua column will read n/a"
  fi
else
  note "WARNING: lua5.4 is not installed and this is not root. Install it with:"
  note "    sudo apt-get install -y lua5.4"
  note "Carrying on without Lua; the Lua column will read n/a."
fi

HYPERFINE=""
if [[ "$TIMER" != python ]]; then
  if command -v hyperfine >/dev/null 2>&1; then
    HYPERFINE="$(command -v hyperfine)"
  elif [[ "$(id -u)" == 0 ]] && apt_install hyperfine && command -v hyperfine >/dev/null 2>&1; then
    HYPERFINE="$(command -v hyperfine)"
  elif [[ "$TIMER" == hyperfine ]]; then
    die 1 "--timer hyperfine given but hyperfine is not installed (apt-get install -y hyperfine)"
  else
    note "hyperfine not available (apt-get install -y hyperfine); timing with python3 instead"
  fi
fi

# hyperfine >= 1.16 can feed stdin from /dev/null explicitly; older ones do so by default.
HF_INPUT=""
if [[ -n "$HYPERFINE" ]] && "$HYPERFINE" --help 2>/dev/null | grep -q -- '--input'; then HF_INPUT="--input=null"; fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/gilsim-bench.XXXXXX")"
trap 'rm -rf -- "$TMP"' EXIT

# --- workloads -------------------------------------------------------------------------------------

# name  python-file  lua-file (- when Lua has no comparable version)
WORKLOADS=(cpu_func int_loop fib empty)
declare -A LUA_FILE=([cpu_func]=- [int_loop]=int_loop.lua [fib]=fib.lua [empty]=empty.lua)
TOOLS=(gilsim python3 lua5.4)

for w in "${WORKLOADS[@]}"; do
  [[ -f "$BENCH_DIR/$w.py" ]] || die 1 "missing workload $BENCH_DIR/$w.py"
  if [[ "${LUA_FILE[$w]}" != - ]]; then
    [[ -f "$BENCH_DIR/${LUA_FILE[$w]}" ]] || die 1 "missing workload $BENCH_DIR/${LUA_FILE[$w]}"
  fi
done

# Fills the array CMD with the command line of tool $1 on workload $2; returns 1 when the tool does
# not run that workload.
make_cmd() {
  local tool="$1" w="$2"
  case "$tool" in
  gilsim) CMD=("$GILSIM" run "$BENCH_DIR/$w.py") ;;
  python3) CMD=("$PYTHON" "$BENCH_DIR/$w.py") ;;
  lua5.4)
    [[ -n "$LUA" && "${LUA_FILE[$w]}" != - ]] || return 1
    CMD=("$LUA" "$BENCH_DIR/${LUA_FILE[$w]}")
    ;;
  esac
}

runs_for() { # tool workload
  if [[ "$2" == empty ]]; then
    echo "$STARTUP_RUNS"
  elif [[ "$2" == cpu_func && "$1" == python3 ]]; then
    echo "$SLOW_RUNS"
  else
    echo "$RUNS"
  fi
}

# --- 1. correctness: every tool prints what CPython prints ----------------------------------------

note "checking results (one run of each)"
declare -A OUTPUT
for w in "${WORKLOADS[@]}"; do
  for tool in "${TOOLS[@]}"; do
    make_cmd "$tool" "$w" || continue
    out="$TMP/$tool.$w.out"
    status=0
    "${CMD[@]}" </dev/null >"$out" 2>"$TMP/$tool.$w.err" || status=$?
    if ((status != 0)); then
      {
        printf '\nrun_bench.sh: FAILED: %s on %s exited with status %s\n' "$tool" "$w" "$status"
        printf '  command: %s\n' "${CMD[*]}"
        printf '  stderr (last lines):\n'
        tail -n 20 "$TMP/$tool.$w.err" | sed 's/^/    /'
      } >&2
      exit 2
    fi
    OUTPUT[$tool.$w]="$(cat "$out")"
  done
  for tool in gilsim lua5.4; do
    [[ -v "OUTPUT[$tool.$w]" ]] || continue
    if [[ "${OUTPUT[$tool.$w]}" != "${OUTPUT[python3.$w]}" ]]; then
      {
        printf '\nrun_bench.sh: RESULTS DISAGREE on %s\n' "$w"
        printf '  python3 printed: %q\n' "${OUTPUT[python3.$w]}"
        printf '  %s printed: %q\n' "$tool" "${OUTPUT[$tool.$w]}"
      } >&2
      exit 2
    fi
  done
  note "  $w: all agree (${OUTPUT[python3.$w]:-<no output>})"
done

# --- 2. timing -------------------------------------------------------------------------------------

# Prints "mean stddev" in seconds for the command in CMD, run $1 times after $WARMUP warm-ups.
measure() {
  local runs="$1" json="$TMP/hf.json"
  if [[ -n "$HYPERFINE" ]]; then
    local cmdline
    cmdline="$(printf '%q ' "${CMD[@]}")"
    # -N: run without an intermediate shell, so that start-up times in milliseconds are exact.
    # shellcheck disable=SC2086  # HF_INPUT is empty or one word
    if ! "$HYPERFINE" -N --style none --warmup "$WARMUP" --runs "$runs" $HF_INPUT \
      --export-json "$json" "$cmdline" >"$TMP/hf.log" 2>&1; then
      {
        printf '\nrun_bench.sh: FAILED while timing: %s\n' "${CMD[*]}"
        tail -n 20 "$TMP/hf.log" | sed 's/^/    /'
      } >&2
      return 2
    fi
    "$PYTHON" - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(r["mean"], r["stddev"] if r.get("stddev") is not None else 0.0)
PY
  else
    "$PYTHON" - "$WARMUP" "$runs" "${CMD[@]}" <<'PY'
import statistics, subprocess, sys, time
warmup, runs, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
def once():
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    t1 = time.perf_counter()
    if p.returncode != 0:
        sys.stderr.write("\nrun_bench.sh: FAILED while timing: %s (exit status %d)\n%s\n"
                         % (" ".join(cmd), p.returncode, p.stderr.decode(errors="replace")[-2000:]))
        sys.exit(2)
    return t1 - t0
for _ in range(warmup):
    once()
times = [once() for _ in range(runs)]
print(statistics.mean(times), statistics.stdev(times) if len(times) > 1 else 0.0)
PY
  fi
}

RESULTS="$TMP/results.tsv"
: >"$RESULTS"
if [[ -n "$HYPERFINE" ]]; then
  TIMER_DESC="$("$HYPERFINE" --version 2>&1)"
else
  TIMER_DESC="python3 time.perf_counter around subprocess.run"
fi
for w in "${WORKLOADS[@]}"; do
  for tool in "${TOOLS[@]}"; do
    make_cmd "$tool" "$w" || continue
    n="$(runs_for "$tool" "$w")"
    note "timing $tool on $w ($n runs, $WARMUP warm-up)"
    stats="$(measure "$n")" || exit 2
    printf '%s\t%s\t%s\t%s\n' "$w" "$tool" "$n" "$stats" >>"$RESULTS"
  done
done

# --- 3. report -------------------------------------------------------------------------------------

CPU_MODEL="$(grep -m1 -E '^(model name|Model|Hardware)[[:space:]]*:' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
[[ -n "$CPU_MODEL" ]] || CPU_MODEL="unknown ($(uname -m))"
GILSIM_VERSION="$(timeout 5 "$GILSIM" --version </dev/null 2>/dev/null | head -n 1 || true)"
GIT_REV="$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || true)"
if [[ -n "$GIT_REV" ]] && [[ -n "$(git -C "$REPO_ROOT" status --porcelain 2>/dev/null | head -n 1)" ]]; then
  GIT_REV="$GIT_REV (dirty tree)"
fi
PY_VERSION="$("$PYTHON" --version 2>&1)"
LUA_VERSION="not available"
[[ -z "$LUA" ]] || LUA_VERSION="$("$LUA" -v 2>&1 | head -n 1)"

NPROC="$(nproc)"
LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
export BENCH_MARKDOWN="$MARKDOWN" BENCH_RESULTS="$RESULTS" BENCH_NPROC="$NPROC" BENCH_CPU="$CPU_MODEL" \
  BENCH_LOAD="$LOAD" \
  BENCH_GILSIM="$GILSIM" BENCH_GILSIM_VERSION="${GILSIM_VERSION:-unknown (no --version output)}" \
  BENCH_GIT_REV="${GIT_REV:-unknown}" BENCH_PYTHON="$PYTHON" BENCH_PY_VERSION="$PY_VERSION" \
  BENCH_LUA="${LUA:-}" BENCH_LUA_VERSION="$LUA_VERSION" BENCH_TIMER="$TIMER_DESC" \
  BENCH_WARMUP="$WARMUP"

"$PYTHON" - <<'PY'
import os

env = os.environ
markdown = env["BENCH_MARKDOWN"] == "1"

res = {}  # (workload, tool) -> (mean_s, stddev_s, runs)
with open(env["BENCH_RESULTS"]) as f:
    for line in f:
        w, tool, runs, mean, sd = line.split()
        res[w, tool] = (float(mean), float(sd), int(runs))

WORKLOADS = [
    ("cpu_func", "cpu_func(1, 10M), big ints"),
    ("int_loop", "int_loop, 10M iterations"),
    ("fib", "fib(32), recursive calls"),
    ("empty", "start-up, empty script"),
]
TOOLS = ["gilsim", "python3", "lua5.4"]


def cell(w, tool):
    if (w, tool) not in res:
        if tool == "lua5.4" and w == "cpu_func":
            return "n/a (no big ints)"
        return "n/a"
    mean, sd, runs = res[w, tool]
    if w == "empty":
        return f"{mean * 1e3:.2f} ms ± " + (f"{sd * 1e3:.2f}" if runs > 1 else "n/a")
    return f"{mean:.3f} s ± " + (f"{sd:.3f}" if runs > 1 else "n/a")


def ratio(a, b):
    """mean(a) / mean(b), or None when either is missing."""
    if a not in res or b not in res or res[b][0] <= 0:
        return None
    return res[a][0] / res[b][0]


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.2f}x"


header = ["workload", "gilsim", "python3", "lua5.4", "python3 / gilsim", "gilsim / lua"]
rows = []
for w, label in WORKLOADS:
    rows.append([
        label,
        cell(w, "gilsim"),
        cell(w, "python3"),
        cell(w, "lua5.4"),
        fmt_ratio(ratio((w, "python3"), (w, "gilsim"))),
        fmt_ratio(ratio((w, "gilsim"), (w, "lua5.4"))),
    ])

out = []
if markdown:
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for r in rows:
        out.append("| " + " | ".join(r) + " |")
else:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    def line(cells):
        return "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                         for i, c in enumerate(cells)).rstrip()
    out.append(line(header))
    out.append("  ".join("-" * n for n in widths))
    for r in rows:
        out.append(line(r))
out.append("")
out.append("mean ± standard deviation of the wall-clock time; python3 / gilsim > 1 means gilsim is "
           "faster than CPython, gilsim / lua < 1 means gilsim is faster than Lua.")
out.append("")

# Bars.
bars = []
r = ratio(("cpu_func", "python3"), ("cpu_func", "gilsim"))
if r is None:
    bars.append(("cpu_func: gilsim >= 3x faster than CPython (aim 5x)", "n/a", "UNKNOWN"))
else:
    verdict = "MET" if r >= 3 else "MISSED"
    if r >= 5:
        verdict += " (aim of 5x reached)"
    elif r >= 3:
        verdict += " (aim of 5x not yet reached)"
    bars.append(("cpu_func: gilsim >= 3x faster than CPython (aim 5x)", f"{r:.2f}x", verdict))
for w in ("int_loop", "fib"):
    r = ratio((w, "gilsim"), (w, "lua5.4"))
    what = f"{w}: within 1.5x of Lua (gilsim / lua <= 1.5)"
    if r is None:
        bars.append((what, "n/a", "UNKNOWN (no lua5.4)"))
    else:
        bars.append((what, f"{r:.2f}x", "MET" if r <= 1.5 else "MISSED"))
if ("empty", "gilsim") in res:
    ms = res["empty", "gilsim"][0] * 1e3
    bars.append(("start-up: gilsim < 2 ms", f"{ms:.2f} ms", "MET" if ms < 2 else "MISSED"))

if markdown:
    out.append("Bars:")
    out.append("")
    for what, value, verdict in bars:
        out.append(f"- {what}: {value}, **{verdict}**")
else:
    out.append("Bars:")
    wv = max(len(b[0]) for b in bars)
    wn = max(len(b[1]) for b in bars)
    for what, value, verdict in bars:
        out.append(f"  {what.ljust(wv)}  {value.rjust(wn)}  {verdict}")
out.append("")

runs = {w: sorted({res[k][2] for k in res if k[0] == w}) for w, _ in WORKLOADS}
runs_desc = ", ".join(f"{w} {'/'.join(map(str, n))}" for w, n in runs.items() if n)
machine = [
    ("machine", f"{env['BENCH_NPROC']} CPUs, {env['BENCH_CPU']} (load average at the end: {env['BENCH_LOAD']})"),
    ("gilsim", f"{env['BENCH_GILSIM_VERSION']}; {env['BENCH_GILSIM']}; repo at {env['BENCH_GIT_REV']}"),
    ("python3", f"{env['BENCH_PY_VERSION']}; {env['BENCH_PYTHON']}"),
    ("lua5.4", env["BENCH_LUA_VERSION"] + (f"; {env['BENCH_LUA']}" if env["BENCH_LUA"] else "")),
    ("timer", f"{env['BENCH_TIMER']}; runs: {runs_desc}; "
              f"{env['BENCH_WARMUP']} warm-up run(s) each"),
]
if markdown:
    out.append("Machine and tools:")
    out.append("")
    for k, v in machine:
        out.append(f"- {k}: {v}")
else:
    wk = max(len(k) for k, _ in machine)
    for k, v in machine:
        out.append(f"{k.ljust(wk)}  {v}")
print("\n".join(out))
PY
