#!/usr/bin/env bash
# Configures and builds tilesplit (tool, emulator, tests) into build/ (or $TILESPLIT_BUILD_DIR).
# Extra arguments are passed to the build step, e.g. a target name.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" >/dev/null
build=${TILESPLIT_BUILD_DIR:-$root/build}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 ${TILESPLIT_CMAKE_ARGS:-} >/dev/null
fi
cmake --build "$build" -j "$(nproc)" "$@"
