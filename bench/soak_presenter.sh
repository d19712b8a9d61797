#!/usr/bin/env bash
# Soak of presenter autoplay: FRAMES frames (default 10000) of the example story, every
# step held one second so that steps, flights, colour fades and caption fades follow each
# other all the time, under a private Xvfb (tests/support/xserver_run.sh). The window's
# resident memory (VmRSS) is sampled every second; after the warm-up (WARMUP seconds,
# default 30: the background levels of detail, the fonts, the first flights) the growth
# from the first sample to the largest must stay within 1 MiB. The GL objects alive at the
# end (--dump-state's gl_objects) are compared with those of a short run of the same story:
# they must be the same number.
#
#   bench/soak_presenter.sh [BUILD_DIR]         (default: build)
#   FRAMES=2000 WARMUP=10 bench/soak_presenter.sh
# Prints the samples' summary and exits 1 when a limit is broken. It is a benchmark
# script, not a unit test: it runs for minutes and its figures depend on the machine.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build="$here/$build" ;; esac
frames=${FRAMES:-10000}
warmup=${WARMUP:-30}
bin="$build/deportmap"
[ -x "$bin" ] || { echo "soak_presenter.sh: no $bin; build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The example story with every step one second long.
awk '/^\[\[step\]\]/ { print; print "duration = 1"; next } !/^duration = / { print }' \
  "$here/assets/stories/third-country-deportations.toml" >"$work/story.toml"

run_window() {  # FRAMES STATE RSS_LOG
  "$here/tests/support/xserver_run.sh" --screen 1280x720x24 -- bash -c '
    bin=$1 frames=$2 state=$3 log=$4 story=$5
    XDG_CONFIG_HOME=$(dirname "$state")/config "$bin" --size 1280x720 --present --autoplay --loop \
      --story "$story" --frames "$frames" --dump-state "$state" &
    pid=$!
    t=0
    while kill -0 "$pid" 2>/dev/null; do
      rss=$(awk "/^VmRSS:/ { print \$2 }" "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$rss" ] && echo "$t $rss" >>"$log"
      sleep 1
      t=$((t + 1))
    done
    wait "$pid"' bash "$bin" "$1" "$2" "$3" "$work/story.toml"
}

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
start=$(date +%s)
run_window "$frames" "$work/long.json" "$work/rss.log"
seconds=$(($(date +%s) - start))
run_window 300 "$work/short.json" "$work/short-rss.log"

python3 - "$work/rss.log" "$work/long.json" "$work/short.json" "$warmup" "$frames" "$seconds" <<'EOF'
import json, sys
log, long_state, short_state, warmup, frames, seconds = sys.argv[1:7]
samples = [tuple(map(int, line.split())) for line in open(log) if line.strip()]
after = [kib for t, kib in samples if t >= int(warmup)]
if len(after) < 5:
    print(f"soak: only {len(after)} samples after the {warmup} s warm-up: run more frames")
    sys.exit(1)
growth = max(after) - after[0]
gl_long = json.load(open(long_state))["gl_objects"]
gl_short = json.load(open(short_state))["gl_objects"]
steps = json.load(open(long_state))["presenter"]
print(f"frames={frames} seconds={seconds} samples={len(samples)} rss_first_kib={samples[0][1]} "
      f"rss_after_warmup_kib={after[0]} rss_max_kib={max(after)} rss_last_kib={after[-1]} "
      f"growth_kib={growth} gl_objects={gl_long} gl_objects_short_run={gl_short} "
      f"last_step={steps['step']}/{steps['steps']}")
ok = growth <= 1024 and gl_long == gl_short
print("soak: " + ("pass" if ok else "FAIL") + " (limits: growth <= 1024 KiB after warm-up, GL objects equal)")
sys.exit(0 if ok else 1)
EOF
