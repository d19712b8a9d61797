#!/usr/bin/env bash
# Times `deportmap export` against the peer renderers (Mapnik, geopandas, QGIS,
# gdal_rasterize) with the shared harness in ../shared/bench/peers (see its README):
# same map, same size, whole processes, alternating runs. Prints the markdown table.
#
#   bench/export_bench.sh [BUILD_DIR]        (default build folder: build)
#   N=5 bench/export_bench.sh build-exp
# Configurations (peer names as in run_bench.sh): Equal Earth at 1920x1080 (110m) and
# 7680x4320 (10m) from its "proj" set, equirectangular 3840x2160 (10m) from "render"
# (the harness has no Equal Earth at 3840). Override with PROJ_ONLY / RENDER_ONLY.
#
# Needs the peers installed once (sudo ../shared/bench/peers/install.sh, then its
# fetch_data.sh and prep_data.py; run_bench.sh says what is missing).
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD="$HERE/$BUILD" ;; esac
PEERS=${PEERS_DIR:-$HERE/../shared/bench/peers}
[ -x "$BUILD/deportmap" ] || { echo "export_bench.sh: no $BUILD/deportmap; build first" >&2; exit 1; }
[ -x "$PEERS/run_bench.sh" ] || { echo "export_bench.sh: no peer harness at $PEERS (set PEERS_DIR)" >&2; exit 1; }
export PEERS_OUT=${PEERS_OUT:-${TMPDIR:-/tmp}/deportmap-peers}
export N=${N:-3}
PROJ_ONLY=${PROJ_ONLY:-'^(mapnik|geopandas|qgis|rasterize)_eqearth_(110m_1920|10m_7680)$'}
RENDER_ONLY=${RENDER_ONLY:-'^(mapnik|geopandas|qgis|rasterize)_eqc_10m_3840$'}
export DEPORTMAP="$BUILD/deportmap"
cd "$PEERS"
ONLY=$PROJ_ONLY ./run_bench.sh proj
ONLY=$RENDER_ONLY ./run_bench.sh render
/usr/bin/python3 summarise.py "$PEERS_OUT/bench"
