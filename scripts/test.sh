#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: unit (GoogleTest), lit/FileCheck
# over generated code, end to end on the emulator, and integration (the CMake package, compilation
# databases, clangd). Then the project built with AddressSanitizer and UndefinedBehaviorSanitizer
# (in $TILESPLIT_BUILD_DIR-asan, or $TILESPLIT_ASAN_BUILD_DIR) runs the unit and lit suites, part of
# the end-to-end suite, the fuzz regressions and 60 seconds of fuzzing (docs/testing.md says what
# and why). TILESPLIT_SKIP_SANITIZERS=1 skips that second part.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TILESPLIT_BUILD_DIR:-$root/build}
asan=${TILESPLIT_ASAN_BUILD_DIR:-$build-asan}
jobs=$(nproc)

stage() { # stage <name> <command...>: runs the command and says how long it took
  local name=$1 start=$SECONDS
  shift
  echo "== $name"
  "$@"
  echo "== $name: $((SECONDS - start)) s"
}

"$root/scripts/setup.sh"
stage "build" "$root/scripts/build.sh"
stage "tests" ctest --test-dir "$build" --output-on-failure -j "$jobs"

if [ "${TILESPLIT_SKIP_SANITIZERS:-0}" = 1 ]; then
  exit 0
fi
# Every finding aborts the process, so a test that expects its command to fail (`not tilesplit`)
# cannot take a sanitizer report for the expected failure.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-abort_on_error=1:print_stacktrace=1}
stage "sanitizer build" env TILESPLIT_BUILD_DIR="$asan" \
  TILESPLIT_CMAKE_ARGS="-DTILESPLIT_SANITIZE=address,undefined -DTILESPLIT_FUZZ=ON" \
  "$root/scripts/build.sh"
stage "sanitizer tests" ctest --test-dir "$asan" --output-on-failure -j "$jobs"
