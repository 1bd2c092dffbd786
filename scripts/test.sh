#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: unit (GoogleTest),
# lit/FileCheck over generated code, and end to end on the emulator.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TILESPLIT_BUILD_DIR:-$root/build}
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
