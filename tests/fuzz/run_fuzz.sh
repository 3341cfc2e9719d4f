#!/usr/bin/env bash
# Runs both gilsim libFuzzer targets, SECONDS (default 60) each, on scratch copies of their seed
# corpora: gilsim_fuzz (source text, fuzz_source.cpp, corpus/) and then gilsim_fuzz_data
# (data-structure operations, fuzz_data.cpp, corpus_data/). Builds nothing: build them first with
#   cmake --preset fuzz && cmake --build --preset fuzz -j2
# Exits 0 when both runs end clean, non-zero (and prints the reproducer) when libFuzzer reports a
# crash, leak, timeout or out-of-memory. Environment:
#   GILSIM_FUZZ_BIN, GILSIM_FUZZ_DATA_BIN   the binaries (default build/fuzz/tests/fuzz/...)
#   GILSIM_FUZZ_CORPUS, GILSIM_FUZZ_DATA_CORPUS  directories to keep the grown corpora in across
#                       runs (seeded from the checked-in ones); default: scratch copies
#   GILSIM_FUZZ_TARGETS  "source", "data" or "source data" (default): which targets run
# A scratch directory is removed after a clean run and kept (path printed) after a failing one.
set -u

seconds="${1:-60}"
case "$seconds" in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# fuzz_one NAME BINARY SEED_CORPUS KEPT_CORPUS: one libFuzzer run; returns its verdict.
fuzz_one() {
  local name="$1" bin="$2" seeds="$3" kept="$4"
  if [[ ! -x "$bin" ]]; then
    echo "run_fuzz.sh: $bin not found; build it with:" >&2
    echo "  cmake --preset fuzz && cmake --build --preset fuzz -j2" >&2
    return 2
  fi
  local work
  work="$(mktemp -d "${TMPDIR:-/tmp}/gilsim_fuzz_$name.XXXXXX")"
  local corpus="${kept:-$work/corpus}"
  mkdir -p "$corpus" "$work/artifacts" "$work/sandbox"
  corpus="$(cd "$corpus" && pwd)"
  cp -n "$seeds"/* "$corpus/"
  echo "run_fuzz.sh: $name for ${seconds}s"
  # The targets run scripts; run them in an empty directory with no stdin so nothing they do
  # (imports of missing modules, say) touches the tree.
  local status
  (
    cd "$work/sandbox" || exit 2
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
    exit "${PIPESTATUS[0]}"
  )
  status=$?
  shopt -s nullglob
  local artifacts=("$work"/artifacts/*)
  if [[ "$status" -ne 0 || ${#artifacts[@]} -gt 0 ]] ||
     grep -qE '^==[0-9]+==ERROR|runtime error:|ERROR: libFuzzer' "$work/fuzz.log"; then
    echo
    echo "run_fuzz.sh: libFuzzer reported a problem in $name (exit status $status)"
    for a in "${artifacts[@]}"; do
      echo "---- reproducer: $a ($(wc -c <"$a") bytes)"
      cat -v "$a"
      echo
      echo "----"
    done
    echo "run_fuzz.sh: log and artifacts kept in $work"
    return 1
  fi
  rm -rf "$work"
  echo "run_fuzz.sh: clean run of $name, ${seconds}s"
  return 0
}

verdict=0
for target in ${GILSIM_FUZZ_TARGETS:-source data}; do
  case "$target" in
    source)
      fuzz_one source "${GILSIM_FUZZ_BIN:-$root/build/fuzz/tests/fuzz/gilsim_fuzz}" \
        "$here/corpus" "${GILSIM_FUZZ_CORPUS:-}" || verdict=1 ;;
    data)
      fuzz_one data "${GILSIM_FUZZ_DATA_BIN:-$root/build/fuzz/tests/fuzz/gilsim_fuzz_data}" \
        "$here/corpus_data" "${GILSIM_FUZZ_DATA_CORPUS:-}" || verdict=1 ;;
    *) echo "run_fuzz.sh: unknown target '$target' (source, data)" >&2; exit 2 ;;
  esac
done
exit "$verdict"
