#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang-14, ASan and UBSan into
# build-fuzz/ (configured once) and runs each for SECONDS (default 20).
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 60 date events_csv
# Every run starts from a copy of the committed corpus under build-fuzz/fuzz-runs/TARGET/
# (new inputs stay there, never in tests/fuzz/corpus/). Exits non-zero when any target
# crashed, leaked, timed out or ran out of memory, naming the saved input.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${DEPORTMAP_FUZZ_BUILD_DIR:-$root/build-fuzz}"
all=(events_csv events_xlsx events_ods events_geojson sources date countries statuses story sidecar settings world)

seconds=20
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for t in "${targets[@]}"; do
  if [[ ! " ${all[*]} " =~ " ${t#fuzz_} " ]]; then
    echo "fuzz: unknown target '$t' (known: ${all[*]})" >&2
    exit 2
  fi
done

start=$(date +%s)
"$root/scripts/setup.sh"

if [ ! -f "$build/CMakeCache.txt" ]; then
  # The libraries get the sanitizers too (coverage for libFuzzer, checks for ASan/UBSan);
  # the fuzz binaries add -fsanitize=fuzzer themselves (tests/fuzz/CMakeLists.txt).
  flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  log=$(mktemp)
  if ! CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
       -DDEPORTMAP_FUZZ=ON "-DCMAKE_C_FLAGS=$flags" "-DCMAKE_CXX_FLAGS=$flags" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    rm -f "$build/CMakeCache.txt"
    exit 1
  fi
  rm -f "$log"
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}" -- --no-print-directory >&2
built=$(date +%s)
echo "fuzz: build took $((built - start)) s" >&2

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for t in "${targets[@]}"; do
  t=${t#fuzz_}
  work="$build/fuzz-runs/$t"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/found"
  cp -r "$root/tests/fuzz/corpus/$t/." "$work/corpus/"
  rc=0
  (cd "$work" && "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 \
     -timeout=10 -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/found/" \
     corpus >"$work/log" 2>&1) || rc=$?
  done_line=$(grep -E "^#[0-9]+[[:space:]]+DONE" "$work/log" | tail -1 || true)
  [ -z "$done_line" ] && done_line=$(grep -E "^#[0-9]+" "$work/log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: //p' "$work/log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  corp=$(ls "$work/corpus" | wc -l)
  printf 'fuzz: %-15s rc %d, %s execs, cov %s, ft %s, corpus %d files (log: %s)\n' \
    "$t" "$rc" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corp" "$work/log"
  found=$(find "$work/found" -type f | sort)
  if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
    failed+=("$t")
    grep -E "^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz check failed|terminate called)" "$work/log" \
      | head -5 | sed 's/^/fuzz:   /' || true
    for f in $found; do echo "fuzz:   input: $f"; done
  fi
done
echo "fuzz: ${#targets[@]} targets x ${seconds} s; $(( $(date +%s) - start )) s in all" >&2
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
