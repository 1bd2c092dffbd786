#!/usr/bin/env bash
# The main job on a shipped example: translate examples/eltwise.cpp into reader,
# compute and writer kernels plus a host program, run them on the emulator, and
# compare every output with the annotated kernel run on the CPU.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TILESPLIT_BUILD_DIR:-$root/build}
"$root/scripts/build.sh" tilesplit tilesplit-run
out="$root/out/demo"
echo "== tilesplit examples/eltwise.cpp -o $out"
"$build/bin/tilesplit" "$root/examples/eltwise.cpp" -o "$out"
echo "== generated compute kernel ($out/eltwise/compute.cpp):"
sed -n '/void kernel_main/,$p' "$out/eltwise/compute.cpp"
echo
echo "== tilesplit-run: emulator vs CPU reference"
exec "$build/bin/tilesplit-run" "$root/examples/eltwise.cpp" --kernel=eltwise \
  --tensor a=256x256 --tensor b=256x256 --tensor out=256x256 --scalar alpha=0.5 \
  --seed 7 --keep "$out/run"
