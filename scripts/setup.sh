#!/usr/bin/env bash
# Installs the Debian 12 packages deportmap needs to build, run and test, and only
# those that are missing. As root it runs apt-get; as another user it prints the
# exact command to run and exits non-zero.
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config
  libgdal-dev            # vector I/O and PROJ (through GDAL's OSR); GEOS for tessellation
  libglfw3-dev           # window and input
  libimgui-dev           # Dear ImGui 1.86 (with backend sources under /usr/share/doc)
  python3-glad           # glad2 GL loader generator, run at configure time
  libstb-dev             # stb_image (logo reading), stb_truetype (export text)
  libegl-dev libegl1 libgl1-mesa-dri   # headless EGL + Mesa llvmpipe
  libpng-dev zlib1g-dev  # fast PNG encoding
  nlohmann-json3-dev     # JSON reading/writing
  iso-codes              # ISO 3166-1 names and codes for the country resolver
  fonts-noto-core        # Noto Sans: UI and export text
  libgtest-dev googletest  # unit tests
  xvfb xauth             # GUI tests, each on its own Xvfb (tests/support/xserver_run.sh)
  libx11-dev             # the drag-and-drop test's X11 drag source (tests/gui/xdnd_drop.cpp)
  libxml2-utils          # xmllint: SVG validity in tests
  ffmpeg                 # animations
  nettle-dev             # SHA-256 of export inputs (sidecar files)
  clang-14 libfuzzer-14-dev libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer + ASan/UBSan runtimes
  libtomlplusplus-dev    # toml++: story files
  libcairo2-dev          # Cairo's PDF surface: vector PDF export
  poppler-utils          # pdftotext/pdfinfo: PDF export tests
  chromium               # headless browser tests of the HTML embed
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "deportmap needs these Debian packages: ${missing[*]}" >&2
  echo "Run:  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Update the lists only when they are missing or a package cannot be found.
if ! apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
