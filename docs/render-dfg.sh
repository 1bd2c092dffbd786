#!/usr/bin/env bash
# Renders the tile dataflow graph of every example (examples/*.cpp) to
# docs/images/dfg-<kernel>.png, the pictures in docs/dataflow.md. Run it after a
# change to an example or to the graph (lib/DFG/DfgDump.cpp). Needs a built
# tilesplit (build/, or $TILESPLIT_BUILD_DIR) and Graphviz's dot, which
# scripts/setup.sh installs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TILESPLIT_BUILD_DIR:-$root/build}
command -v dot >/dev/null || { echo "render-dfg: Graphviz's dot is missing; run scripts/setup.sh" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bin/tilesplit" "$root"/examples/*.cpp -o "$tmp" --dump-dfg=dot
mkdir -p "$root/docs/images"
for graph in "$tmp"/*/dfg.dot; do
  kernel=$(basename "$(dirname "$graph")")
  dot -Tpng -Gdpi=96 "$graph" -o "$root/docs/images/dfg-$kernel.png"
  echo "docs/images/dfg-$kernel.png"
done
