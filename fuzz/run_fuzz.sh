#!/usr/bin/env bash
# Fuzzes the translator for a bounded time from the project's own sources.
#   run_fuzz.sh <tilesplit-fuzz> <work-dir> <seconds> [libFuzzer options...]
# Seeds: examples/*.cpp, the lit and e2e test sources, and fuzz/regressions. New inputs go to
# <work-dir>/corpus (kept between runs with the same work dir), crashes to <work-dir>/crash-*.
# Exit status 0 when nothing crashed.
set -euo pipefail
fuzzer=$1 work=$2 seconds=$3
shift 3
root=$(cd "$(dirname "$0")/.." && pwd)

mkdir -p "$work/corpus"
rm -rf "$work/seeds" "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
mkdir -p "$work/seeds"
# Flattened, because libFuzzer reads directories recursively and would take in everything.
# Whole-line comments (the lit tests' RUN and CHECK lines) are dropped: mutations spent on them
# are wasted. test/e2e/ops.cpp is left out: its 30 kernels make one run cost as much as 30 others,
# and the lit tests have the same ops one by one.
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  grep -v '^[[:space:]]*//' "$f" > "$work/seeds/$n-$(basename "$f")" || true
done < <(find "$root/examples" -maxdepth 1 -name '*.cpp' -print0
         find "$root/test/lit" "$root/test/e2e" -name '*.cpp' -not -path '*/Inputs/*' \
           -not -name ops.cpp -print0
         find "$root/fuzz/regressions" -name '*.cpp' -print0)

echo "run_fuzz: $n seeds, $seconds s"
# Without -max_len, libFuzzer caps inputs at the largest seed (about 5 KB here), far below the
# generated kernels that once overflowed the stack (a 32 KB sum of 2,600 tiles, a 220 KB index of
# 50,000 terms). 256 KB admits those. Inputs still start at the seeds' sizes and grow only as
# coverage stalls (-len_control), so a short run spends its time on small inputs.
status=0
"$fuzzer" "$work/corpus" "$work/seeds" -dict="$root/fuzz/tilesplit.dict" \
  -max_len=262144 -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix="$work/" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run_fuzz: FAILED (status $status). Reproduce with: $fuzzer <artifact>;"
  echo "  print diagnostics with TILESPLIT_FUZZ_VERBOSE=1. Artifacts:"
  ls -1 "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null || true
fi
exit "$status"
