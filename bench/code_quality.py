#!/usr/bin/env python3
"""Quality of the generated code: tilesplit's kernels against hand-written ones.

For each pair, the same annotated example is run twice through `tilesplit-run`:
once as tilesplit translates it, once with the hand-written program of
bench/handwritten/ (`--program`). Both are checked against the same CPU
reference, and the emulator counts what each does (NOC transactions and bytes,
barriers, CB operations, compute tile ops). The counters are divided by the
number of output tiles. They count operations, not time: the emulator has no
timing model (docs/emulator.md).

Also: DRAM bytes read per output tile of the matmul as K grows, measured with
and without a 2x4 DST block, next to what blocked schedules that reuse tiles
would read (a model).

Part of bench/run_all.py; runnable alone: bench/code_quality.py [--quick]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (EXAMPLES, HANDWRITTEN, ROOT, TILE_BYTES_BF16, BenchError, fmt, log, run_tilesplit_run,  # noqa: E402
                    table, tiles_of)

# (name, annotated source, kernel, tensor sizes in elements, grid, output tensor)
# Sizes follow the tt-metal examples: 64 tiles for the elementwise ones, 640^3 for matmul.
PAIRS = [
    ("eltwise_binary", "eltwise_binary.cpp", "eltwise_binary",
     {"src0": "256x256", "src1": "256x256", "dst": "256x256"}, "1x1", "dst"),
    ("eltwise_sfpu", "eltwise_sfpu.cpp", "eltwise_sfpu",
     {"src": "256x256", "dst": "256x256"}, "1x1", "dst"),
    ("matmul_single_core", "matmul.cpp", "matmul",
     {"A": "640x640", "B": "640x640", "C": "640x640"}, "1x1", "C"),
    ("matmul_multi_core", "matmul.cpp", "matmul",
     {"A": "640x640", "B": "640x640", "C": "640x640"}, "8x8", "C"),
]

# The metrics compared, per output tile: (label, how to get it from the totals).
# All reads in these programs come from DRAM and all writes go to DRAM, so NOC
# bytes are DRAM bytes.
METRICS = [
    ("NOC reads (DRAM)", lambda c: c["noc_reads"]),
    ("DRAM bytes read", lambda c: c["noc_read_bytes"]),
    ("NOC writes (DRAM)", lambda c: c["noc_writes"]),
    ("DRAM bytes written", lambda c: c["noc_write_bytes"]),
    ("read barriers", lambda c: c["read_barriers"]),
    ("write barriers", lambda c: c["write_barriers"]),
    ("write flushes", lambda c: c["writes_flushed"]),
    ("CB reserve + push", lambda c: c["cb_reserves"] + c["cb_pushes"]),
    ("CB wait + pop", lambda c: c["cb_waits"] + c["cb_pops"]),
    ("FPU tile ops", lambda c: c["fpu_tiles"]),
    ("SFPU tile ops", lambda c: c["sfpu_tiles"]),
    ("packed tiles", lambda c: c["packed_tiles"]),
]

# A flush is the lighter replacement for a write barrier (a barrier waits for
# everything a flush does, and for the acknowledgements too). So flushes are
# judged together with barriers: more flushes are no extra work when they come
# with fewer barriers and stand where the other program waits anyway (no more
# flushes than the other program's flushes and barriers together), and fewer
# flushes are no win when they come with more barriers.
FLUSHES, BARRIERS = "write flushes", "write barriers"


def flush_verdict(hand, ours):
    h, o = hand[FLUSHES], ours[FLUSHES]
    fewer_barriers = ours[BARRIERS] < hand[BARRIERS]
    in_place_of_barriers = o <= h + hand[BARRIERS]
    if o > h and fewer_barriers and in_place_of_barriers:
        return "instead of barriers (see write barriers)"
    if o < h and ours[BARRIERS] > hand[BARRIERS]:
        return "fewer, but see write barriers"
    return None


WRITER_FLUSHES = (
    "tilesplit's writer frees each output page once its write has left L1 (`noc_async_writes_flushed`) and "
    "waits for the acknowledgements once per core, at the end (as tt-metal's `writer_unary_interleaved_start_id` "
    "does); the hand-written writer, like tt-metal's {example} example, waits for every acknowledgement "
    "(`noc_async_write_barrier`) before popping the page.")

FLUSH_PER_TILE = (
    "one flush per tile where the hand-written writer has a barrier per tile (see write barriers); the last "
    "tile's flush is followed by the closing barrier.")

# Why the two differ, where they do; printed only next to a measured difference.
REASONS = {
    ("matmul_single_core", "read barriers"):
        "tilesplit reads the A and the B tile of one k step behind one barrier (as tt-metal's eltwise_binary "
        "reader does for its two inputs); the hand-written reader, like tt-metal's matmul examples, waits after "
        "each tile.",
    ("matmul_multi_core", "read barriers"):
        "as for the single core: one barrier per k step for A and B together in tilesplit, one per tile in the "
        "hand-written reader.",
    ("eltwise_binary", BARRIERS): WRITER_FLUSHES.format(example="eltwise_binary"),
    ("eltwise_binary", FLUSHES): FLUSH_PER_TILE,
    ("eltwise_sfpu", FLUSHES): FLUSH_PER_TILE,
    ("matmul_single_core", FLUSHES): FLUSH_PER_TILE,
    ("eltwise_sfpu", BARRIERS): WRITER_FLUSHES.format(example="eltwise_sfpu"),
    ("matmul_single_core", BARRIERS): WRITER_FLUSHES.format(example="matmul_single_core"),
}


def cores(stats):
    n = stats["num_cores"]
    return f"{n} core" + ("s" if n != 1 else "")


def per_tile(stats, out_tiles):
    return {label: get(stats["totals"]) / out_tiles for label, get in METRICS}


def compare_pair(name, source, kernel, tensors, grid, output):
    src = os.path.join(EXAMPLES, source)
    log(f"  {name}: tilesplit ...")
    ours = run_tilesplit_run(src, kernel, tensors, grid=grid)
    log(f"  {name}: hand-written ...")
    hand = run_tilesplit_run(src, kernel, tensors, grid=grid, program=os.path.join(HANDWRITTEN, name))
    out_tiles = tiles_of(tensors[output])
    return per_tile(hand, out_tiles), per_tile(ours, out_tiles), ours, hand, out_tiles


def quality_section(quick=False):
    pairs = PAIRS[1:2] if quick else PAIRS
    lines = ["## 2. Generated code against hand-written kernels", "",
             "Each example is run through `tilesplit-run` twice: as tilesplit translates it, and with the "
             "hand-written program of the same name in `bench/handwritten/` (`tilesplit-run --program`), written in "
             "the structure of tt-metal's programming examples. Both pass the same CPU-reference comparison. "
             "Counters are the emulator's (`tilesplit::emu::last_run_stats`), summed over all cores and kernels "
             "and divided by the number of output tiles. They are exact counts of API calls, identical from run to "
             "run, so there is nothing to take a median of; they say how much work each program asks for, not how "
             "long it takes.", ""]
    summary = {"worse": [], "better": []}
    for name, source, kernel, tensors, grid, output in pairs:
        hand, ours, ours_raw, hand_raw, out_tiles = compare_pair(name, source, kernel, tensors, grid, output)
        shapes = ", ".join(f"{k}={v}" for k, v in tensors.items())
        lines += [f"### {name}", "",
                  f"`examples/{source}` with {shapes} ({out_tiles} output tiles) on a {grid} grid "
                  f"({cores(ours_raw)} with work for tilesplit, {cores(hand_raw)} for the hand-written program). "
                  "Per output tile:", ""]
        rows, notes = [], []
        for label, _ in METRICS:
            h, o = hand[label], ours[label]
            special = flush_verdict(hand, ours) if label == FLUSHES else None
            if special:
                verdict = special
            elif o > h:
                verdict = "**tilesplit does more**"
                summary["worse"].append((name, label, h, o))
            elif o < h:
                verdict = "tilesplit does less"
                summary["better"].append((name, label, h, o))
            else:
                verdict = "same"
            rows.append((label, fmt(h), fmt(o), verdict))
            # The reasons explain where tilesplit does less or does it differently.
            if o != h and not verdict.startswith("**") and (name, label) in REASONS:
                notes.append(f"- {label}: {REASONS[(name, label)]}")
        lines += table(["per output tile", "hand-written", "tilesplit", ""], rows, "lrrl")
        lines.append("")
        if notes:
            lines += notes + [""]
    lines += ["### Summary", ""]
    if summary["worse"]:
        lines.append("tilesplit's output does **more** work than the hand-written kernels here:")
        lines.append("")
        for name, label, h, o in summary["worse"]:
            lines.append(f"- {name}: {label} per output tile, {fmt(o)} against {fmt(h)}.")
        lines.append("")
    else:
        lines += ["tilesplit's output never does more counted work than the hand-written kernels.", ""]
    if summary["better"]:
        lines.append("tilesplit's output does less:")
        lines.append("")
        for name, label, h, o in summary["better"]:
            lines.append(f"- {name}: {label} per output tile, {fmt(o)} against {fmt(h)}.")
        lines.append("")
    lines += ["Not counted by the emulator, and so not in the tables: work done once per kernel rather than per "
              "tile. tilesplit's eltwise_sfpu compute kernel starts with `compute_kernel_hw_startup(in, out)` and "
              "`copy_init(in)` where the hand-written one calls `init_sfpu(in, out)`, which does both: one more "
              "call per kernel launch. tilesplit's kernels also read a few more runtime arguments (`unit_begin`, "
              "`unit_count` and the tensor sizes their index expressions use), and its matmul reader and writer "
              "recover (m, n) from the unit number with a division and a remainder per output tile, as "
              "tt-metal's multi-core reader does, where the single-core hand-written kernels use nested loops.", ""]
    return lines, summary


# ---- matmul: DRAM traffic as K grows ---------------------------------------------------------

BLOCKED_MATMUL = os.path.join(ROOT, "bench", "kernels", "matmul_block.cpp")


def blocked_tiles_per_output(kt, bm, bn):
    """Model: a core holds a bm x bn block of output tiles in L1 and walks k once; at
    each k step it reads bm tiles of A and bn tiles of B, and every A tile is used bn
    times, every B tile bm times. DRAM tiles read per output tile: kt * (bm + bn) / (bm * bn)."""
    return kt * (bm + bn) / (bm * bn)


def blocked_l1_kib(bm, bn):
    """L1 for that schedule: A and B CBs double-buffered (2 * bm and 2 * bn tiles) and
    the bm * bn partial sums, which do not fit in DST (8 tiles) and so live in a CB."""
    return (2 * bm + 2 * bn + bm * bn) * TILE_BYTES_BF16 / 1024


def k_sweep_section(quick=False):
    mt = nt = 16  # a 512 x 512 output: 256 tiles
    ks = [1] if quick else [1, 2, 4, 8, 16]
    rows = []
    block_matches_model = True
    for kt in ks:
        tensors = {"A": f"{mt * 32}x{kt * 32}", "B": f"{kt * 32}x{nt * 32}", "C": f"{mt * 32}x{nt * 32}"}
        log(f"  matmul K={kt} tiles: tilesplit ...")
        ours = run_tilesplit_run(os.path.join(EXAMPLES, "matmul.cpp"), "matmul", tensors, grid="8x8")
        log(f"  matmul K={kt} tiles: tilesplit, 2x4 DST block ...")
        blocked = run_tilesplit_run(BLOCKED_MATMUL, "matmul_block", tensors, grid="8x8")
        out_tiles = mt * nt
        measured = ours["totals"]["noc_read_bytes"] / out_tiles
        measured_block = blocked["totals"]["noc_read_bytes"] / out_tiles
        streaming = 2 * kt * TILE_BYTES_BF16
        b24 = blocked_tiles_per_output(kt, 2, 4) * TILE_BYTES_BF16
        b4 = blocked_tiles_per_output(kt, 4, 4) * TILE_BYTES_BF16
        b8 = blocked_tiles_per_output(kt, 8, 8) * TILE_BYTES_BF16
        once = (mt * kt + kt * nt) / (mt * nt) * TILE_BYTES_BF16
        block_matches_model &= measured_block == b24
        rows.append((kt, fmt(measured), fmt(measured_block), fmt(streaming), fmt(b24), fmt(b4), fmt(b8),
                     fmt(once)))
    lines = ["## 3. Matmul: DRAM bytes read per output tile as K grows", "",
             f"`examples/matmul.cpp`, and the same loops with a 2x4 DST block "
             f"(`{os.path.relpath(BLOCKED_MATMUL, ROOT)}`: `block(2)` on m, `block(4)` on n), with a "
             f"{mt * 32}x{nt * 32} output ({mt * nt} tiles, bf16) on the 8x8 grid, K from {ks[0] * 32} to "
             f"{ks[-1] * 32} elements. "
             "*Measured* columns are the emulator's DRAM read bytes divided by the output tiles; the other "
             "columns are a **model** (computed, not run).", ""]
    lines += table(["K (tiles)", "tilesplit, measured", "tilesplit 2x4 block, measured", "model: stream (2K tiles)",
                    "model: 2x4 block", "model: 4x4 block in L1", "model: 8x8 block in L1",
                    "model: each input tile read once"], rows)
    lines += ["", "tilesplit's matmul streams: for every output tile it reads the tile's whole row of A and "
              "column of B, 2K tiles, so the traffic grows linearly with K, and over the run every A tile is read "
              "Nt times and every B tile Mt times. The hand-written matmuls of section 2 stream the same way (equal "
              "DRAM bytes there, at K = 20). The model columns are what a blocked schedule with reuse would read "
              "(the structure of tt-metal's `matmul_multicore_reuse`):", "",
              "- **2x4 block** (generated with `block(2)` and `block(4)`, and measured in its own column): per k "
              "step a block reads 2 tiles of A and 4 of B for its 8 output tiles, K * 6 / 8 tiles per output tile, "
              f"{2 / blocked_tiles_per_output(1, 2, 4):.1f}x less than streaming. Its 8 accumulators fill DST (8 "
              "tiles in bf16), and of the blocks that fit, it reads the least (a 1x8 block reads 9 tiles per 8 "
              "outputs per k step). "
              + ("The measured column equals the model at every K: the reader reads each shared tile once."
                 if block_matches_model else
                 "**The measured column differs from the model**: the reader does not read each shared tile "
                 "exactly once."),
              "- **b x b block in L1**: each core owns a b x b block of output tiles and walks k once; per k step it "
              "reads b tiles of A and b of B and uses each b times, so it reads K * 2b / b^2 = 2K / b tiles per "
              f"output tile: a 4x4 block reads 4x less than streaming ({blocked_l1_kib(4, 4):.0f} KiB of L1 for "
              f"the double-buffered inputs and the 16 partial sums), an 8x8 block 8x less "
              f"({blocked_l1_kib(8, 8):.0f} KiB of the 1464 KiB). The partial sums exceed DST's 8 tiles, so they "
              "live in a CB and are packed and unpacked at each k block: that costs L1 traffic and compute-side CB "
              "operations, not DRAM bytes. Blocks also cost parallelism: this 16x16-tile output has 16 blocks of "
              "4x4 (16 cores busy) but only 4 of 8x8.",
              f"- **each input tile read once**: the lower bound, (Mt*K + K*Nt) / (Mt*Nt) tiles per output tile; "
              f"here K/{mt * nt // (mt + nt)}. It needs every A and B tile to reach all the cores that use it "
              "from one DRAM read, i.e. multicast over the NOC (`matmul_multicore_reuse_mcast`).",
              "", "Without `block` clauses a `reduce` loop streams. Blocks larger than DST, with partial sums in "
              "L1, and multicast are not generated.", ""]
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    try:
        lines, _ = quality_section(args.quick)
        lines += k_sweep_section(args.quick)
    except BenchError as e:
        sys.exit(f"bench: error: {e}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
