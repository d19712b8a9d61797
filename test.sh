#!/usr/bin/env bash
# Installs missing Debian packages (as root), builds, and runs every test through CTest.
# Exits non-zero when any test fails; the last line is CTest's summary.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "${DEPORTMAP_BUILD_DIR:-$root/build}"
exec ctest --output-on-failure -j "$(nproc)" "$@"
