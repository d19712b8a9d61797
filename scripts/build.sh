#!/usr/bin/env bash
# Configures (once) and builds deportmap into build/ (Release, incremental, all cores).
# DEPORTMAP_WERROR=ON (CI sets it) makes every warning an error; the build folder is
# configured again whenever that setting changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${DEPORTMAP_BUILD_DIR:-$root/build}"
werror="${DEPORTMAP_WERROR:-}"
configured=""
[ -f "$build/CMakeCache.txt" ] && configured=$(sed -n 's/^DEPORTMAP_WERROR:BOOL=//p' "$build/CMakeCache.txt")
if [ ! -f "$build/CMakeCache.txt" ] || { [ -n "$werror" ] && [ "$werror" != "$configured" ]; }; then
  args=(-DCMAKE_BUILD_TYPE=Release)
  [ -n "$werror" ] && args+=("-DDEPORTMAP_WERROR=$werror")
  log=$(mktemp)
  if ! cmake -S "$root" -B "$build" "${args[@]}" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  grep -E "deportmap options|not found|not added" "$log" >&2 || true
  rm -f "$log"
fi
cmake --build "$build" -j "$(nproc)" -- --no-print-directory >&2
