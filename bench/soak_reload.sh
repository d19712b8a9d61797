#!/usr/bin/env bash
# Soak of the data watcher: the window runs on copies of the bundled events and sources
# files under a private Xvfb (tests/support/xserver_run.sh) while this script touches the
# events file RELOADS times (default 1000), each time once the window has said on stderr
# that it reloaded the previous change (the watcher looks once a second, so this takes
# about RELOADS seconds). Then it replaces the file with one the reader cannot use (no
# header it knows) and closes the window (gui_xkey_send, as a close button does).
#
# Checked, from the samples of the window's VmRSS taken every second and its
# --dump-state at exit:
#   - growth from the first sample after WARMUP reloads (default 30) to the largest at
#     most 1 MiB;
#   - the GL objects alive at the end (gl_objects) the same as in a short run of 3 reloads;
#   - the last good data kept after the broken write: the same number of countries as
#     before, and "kept the last good data" in the window's messages.
#
#   bench/soak_reload.sh [BUILD_DIR]            (default: build)
#   RELOADS=200 WARMUP=20 bench/soak_reload.sh
# Prints a summary line and exits 1 when a limit is broken. A benchmark script, not a
# unit test: it runs for many minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build="$here/$build" ;; esac
reloads=${RELOADS:-1000}
warmup=${WARMUP:-30}
bin="$build/deportmap"
closer="$build/tests/gui/gui_xkey_send"
for f in "$bin" "$closer"; do
  [ -x "$f" ] || { echo "soak_reload.sh: no $f; build first" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One soak: RELOADS NAME. Leaves $work/NAME.json (state), NAME.rss (t kib), NAME.err.
run_soak() {
  local n=$1 name=$2
  mkdir -p "$work/$name"
  cp "$here/geodata/events/events.csv" "$here/geodata/events/sources.csv" "$work/$name/"
  "$here/tests/support/xserver_run.sh" --screen 1280x800x24 -- bash -c '
    bin=$1 closer=$2 dir=$3 n=$4 state=$5 rss=$6 err=$7
    XDG_CONFIG_HOME=$dir/config "$bin" --size 1024x640 --data "$dir/events.csv" --data "$dir/sources.csv" \
      --dump-state "$state" 2>"$err" &
    pid=$!
    reloaded() { grep -c "reloaded after a change on disk" "$err" 2>/dev/null || true; }
    sample() { awk "/^VmRSS:/ { print \$2 }" "/proc/$pid/status" 2>/dev/null || true; }
    # The data is read before the first frame sets the title; touching it earlier would
    # be missed (its time would be the one remembered).
    "$closer" "Equal Earth" "" "Equal Earth" "" 60 || { echo "soak: no window" >&2; exit 1; }
    start=$(date +%s) next_sample=0 base=$(date +%s)
    for ((i = 1; i <= n; i++)); do
      touch -d "@$((base + i))" "$dir/events.csv"   # a new modification time each time
      until [ "$(reloaded)" -ge "$i" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "soak: the window ended at reload $i" >&2; exit 1; }
        now=$(($(date +%s) - start))
        if [ "$now" -ge "$next_sample" ]; then echo "$now $i $(sample)" >>"$rss"; next_sample=$((now + 1)); fi
        sleep 0.1
      done
    done
    echo "country,iso3,when" >"$dir/events.csv"   # no header the reader knows
    sleep 3
    echo "$(($(date +%s) - start)) $n $(sample)" >>"$rss"
    "$closer" "Equal Earth" "" "" "Equal Earth" 30
    wait "$pid"' bash "$bin" "$closer" "$work/$name" "$n" "$work/$name.json" "$work/$name.rss" "$work/$name.err"
}

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; commit $(git -C "$here" rev-parse --short HEAD)"
start=$(date +%s)
run_soak "$reloads" long
seconds=$(($(date +%s) - start))
run_soak 3 short

python3 - "$work" "$warmup" "$reloads" "$seconds" <<'EOF'
import json, sys
work, warmup, reloads, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
samples = [tuple(map(int, l.split())) for l in open(f"{work}/long.rss") if len(l.split()) == 3]
after = [kib for t, i, kib in samples if i > warmup]
if len(after) < 5:
    print(f"soak: only {len(after)} samples after {warmup} reloads: run more reloads")
    sys.exit(1)
long, short = json.load(open(f"{work}/long.json")), json.load(open(f"{work}/short.json"))
growth = max(after) - after[0]
kept = "kept the last good data" in long["data_messages"]
same_data = long["countries_named"] == short["countries_named"]
print(f"reloads={reloads} seconds={seconds} samples={len(samples)} rss_first_kib={samples[0][2]} "
      f"rss_after_warmup_kib={after[0]} rss_max_kib={max(after)} rss_last_kib={after[-1]} growth_kib={growth} "
      f"gl_objects={long['gl_objects']} gl_objects_short_run={short['gl_objects']} "
      f"countries_named={long['countries_named']} kept_last_good={kept}")
print("last data messages: " + " | ".join(long["data_messages"][-2:]))
ok = growth <= 1024 and long["gl_objects"] == short["gl_objects"] and kept and same_data
print("soak: " + ("pass" if ok else "FAIL") +
      " (limits: growth <= 1024 KiB after warm-up, GL objects equal, last good data kept)")
sys.exit(0 if ok else 1)
EOF
