#!/usr/bin/env bash
# Configures and builds deportmap into build/ (incremental, all cores). The build
# folder is configured again whenever one of these settings differs from its cache:
#   DEPORTMAP_BUILD_TYPE  Release (default) or Debug
#   DEPORTMAP_WERROR      ON makes every warning an error (CI sets it)
#   DEPORTMAP_SANITIZE    ON builds with ASan, UBSan and LSan (./test.sh --sanitize)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${DEPORTMAP_BUILD_DIR:-$root/build}"
wanted=("CMAKE_BUILD_TYPE:STRING=${DEPORTMAP_BUILD_TYPE:-Release}")
[ -n "${DEPORTMAP_WERROR:-}" ] && wanted+=("DEPORTMAP_WERROR:BOOL=$DEPORTMAP_WERROR")
[ -n "${DEPORTMAP_SANITIZE:-}" ] && wanted+=("DEPORTMAP_SANITIZE:BOOL=$DEPORTMAP_SANITIZE")
configure=0
if [ ! -f "$build/CMakeCache.txt" ]; then
  configure=1
else
  for setting in "${wanted[@]}"; do
    grep -qxF "$setting" "$build/CMakeCache.txt" || configure=1
  done
fi
if [ "$configure" = 1 ]; then
  args=()
  for setting in "${wanted[@]}"; do args+=("-D${setting%%:*}=${setting#*=}"); done
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
