#!/usr/bin/env bash
# A long fuzzing run of the translator, beyond the suite's 60-second fuzz.run test.
#
#   bench/fuzz.sh [SECONDS [PROCESSES]]     default: 3600 s, one process per core
#
# Builds the sanitizer configuration (ASan + UBSan, with tilesplit-fuzz) in build-asan/ (or
# $TILESPLIT_ASAN_BUILD_DIR) and fuzzes in libFuzzer's fork mode. The corpus is kept in
# build-asan/fuzz-long/corpus, so each run continues where the last stopped. A crash stops the
# run; the reproducer is build-asan/fuzz-long/crash-*. Make it a regression: minimise it
# (tilesplit-fuzz -minimize_crash=1 -runs=10000 crash-...), give it a name and put it in
# fuzz/regressions/*.cpp, which the suite then runs in every build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TILESPLIT_ASAN_BUILD_DIR:-${TILESPLIT_BUILD_DIR:-$root/build}-asan}
seconds=${1:-3600}
processes=${2:-$(nproc)}

TILESPLIT_BUILD_DIR=$build \
  TILESPLIT_CMAKE_ARGS="-DTILESPLIT_SANITIZE=address,undefined -DTILESPLIT_FUZZ=ON" \
  "$root/scripts/build.sh" tilesplit-fuzz
exec "$root/fuzz/run_fuzz.sh" "$build/bin/tilesplit-fuzz" "$build/fuzz-long" "$seconds" \
  -fork="$processes"
