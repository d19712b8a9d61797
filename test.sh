#!/usr/bin/env bash
# Installs missing Debian packages (as root), builds, and runs every test through CTest.
# Exits non-zero when any test fails; the last line is CTest's summary.
#   ./test.sh [CTEST ARGS...]             the Release build in build/
#   ./test.sh --sanitize [CTEST ARGS...]  a Debug build with ASan, UBSan and LSan in
#                                         build-asan/, GL debug output on, every test
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--sanitize" ]; then
  shift
  export DEPORTMAP_BUILD_DIR="${DEPORTMAP_ASAN_BUILD_DIR:-$root/build-asan}"
  export DEPORTMAP_BUILD_TYPE=Debug DEPORTMAP_SANITIZE=ON
  # A GL error or a high-severity GL message aborts the process (platform/gl_debug.hpp).
  export DEPORTMAP_GL_DEBUG=1
  # intercept_tls_get_addr=0: LeakSanitizer's stop-the-world tracer of GCC 12's libasan
  # can crash at exit ("Tracer caught signal 11") while it walks a thread's dynamic TLS;
  # CI hit it once in 510 tests (render.ExportComposeTest.ViewOptionsMatchTheirGoldens,
  # an 8K export whose llvmpipe threads were ending; google/sanitizers#1322). Leak
  # checking stays on; only the tracking of dynamic-TLS ranges is off, so at worst a
  # pointer kept only in a thread's dynamic TLS would be reported as a leak (a failure
  # that shows, never one that hides).
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:intercept_tls_get_addr=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="print_suppressions=0"
fi
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
cd "${DEPORTMAP_BUILD_DIR:-$root/build}"
exec ctest --output-on-failure -j "$(nproc)" "$@"
