#!/usr/bin/env bash
# Installs missing Debian packages (as root), builds, then runs deportmap with the
# given arguments: ./run.sh            opens the map window
#                  ./run.sh export --out map.png
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
exec "${DEPORTMAP_BUILD_DIR:-$root/build}/deportmap" "$@"
