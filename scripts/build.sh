#!/usr/bin/env bash
# Configures (once) and builds deportmap into build/ (Release, incremental, all cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${DEPORTMAP_BUILD_DIR:-$root/build}"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j "$(nproc)" -- --no-print-directory >&2
