#!/usr/bin/env bash
# Runs the gilsim libFuzzer target for SECONDS (default 60) on a scratch copy of the seed corpus.
# Builds nothing: build it first with
#   cmake --preset fuzz && cmake --build --preset fuzz -j2
# Exits 0 when the run ends clean, non-zero (and prints the reproducer) when libFuzzer reports a
# crash, leak, timeout or out-of-memory. Environment:
#   GILSIM_FUZZ_BIN   the fuzzer binary (default build/fuzz/tests/fuzz/gilsim_fuzz)
#   GILSIM_FUZZ_CORPUS  a directory to keep the grown corpus in across runs (seeded from
#                       tests/fuzz/corpus); default: a scratch copy, discarded after the run
# The scratch directory is removed after a clean run and kept (path printed) after a failing one.
set -u

seconds="${1:-60}"
case "$seconds" in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${GILSIM_FUZZ_BIN:-$root/build/fuzz/tests/fuzz/gilsim_fuzz}"
if [[ ! -x "$bin" ]]; then
  echo "run_fuzz.sh: $bin not found; build it with:" >&2
  echo "  cmake --preset fuzz && cmake --build --preset fuzz -j2" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/gilsim_fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
corpus="${GILSIM_FUZZ_CORPUS:-$work/corpus}"
mkdir -p "$corpus" "$work/artifacts" "$work/sandbox"
corpus="$(cd "$corpus" && pwd)"
cp -n "$here"/corpus/* "$corpus/"

# The target runs scripts; run it in an empty directory with no stdin so nothing it does (imports
# of missing modules, say) touches the tree.
cd "$work/sandbox"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
"$bin" "$corpus" \
  -dict="$here/python.dict" \
  -max_total_time="$seconds" \
  -rss_limit_mb=2048 \
  -timeout=10 \
  -max_len=4096 \
  -artifact_prefix="$work/artifacts/" \
  -print_final_stats=1 \
  </dev/null 2>&1 | tee "$work/fuzz.log"
status="${PIPESTATUS[0]}"

shopt -s nullglob
artifacts=("$work"/artifacts/*)
if [[ "$status" -ne 0 || ${#artifacts[@]} -gt 0 ]] ||
   grep -qE '^==[0-9]+==ERROR|runtime error:|ERROR: libFuzzer' "$work/fuzz.log"; then
  echo
  echo "run_fuzz.sh: libFuzzer reported a problem (exit status $status)"
  for a in "${artifacts[@]}"; do
    echo "---- reproducer: $a ($(wc -c <"$a") bytes)"
    cat -v "$a"
    echo
    echo "----"
  done
  echo "run_fuzz.sh: log and artifacts kept in $work"
  trap - EXIT
  exit 1
fi
echo "run_fuzz.sh: clean run of ${seconds}s"
exit 0
