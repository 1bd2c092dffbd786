#!/usr/bin/env python3
"""Runs every benchmark and writes docs/performance.md.

    python3 bench/run_all.py            # all benchmarks: 8-10 minutes on an idle 2-core machine
    python3 bench/run_all.py --quick    # a few seconds' worth of each, to check it all works

Needs build/bin/tilesplit and build/bin/tilesplit-run (or $TILESPLIT_BUILD_DIR).
The document it writes is exactly what it prints on stdout; progress goes to
stderr. A full run writes docs/performance.md; --quick writes only where --out
says (its numbers are too few to be worth keeping).

Sections (each also runnable alone):
  1. bench/translate_speed.py  tilesplit against clang++ -fsyntax-only; a 200-kernel corpus with -j 1/-j 2
  2. bench/code_quality.py     counters of tilesplit's kernels against bench/handwritten/
  3. bench/code_quality.py     matmul DRAM bytes per output tile as K grows, and a blocked-schedule model
  4. bench/emulator_speed.py   emulator wall time and tiles/s on 1 and 64 emulated cores
"""
import argparse
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import code_quality  # noqa: E402
import emulator_speed  # noqa: E402
import translate_speed  # noqa: E402
from common import ROOT, BenchError, check_tools, fmt, load_average, log, machine_description  # noqa: E402

DEFAULT_OUT = os.path.join(ROOT, "docs", "performance.md")


def key_numbers(ts, quality, emu):
    files = ts["files"]
    large = files.get("large_50ops_6tensors.cpp")
    examples = {n: f for n, f in files.items() if n != "large_50ops_6tensors.cpp"}
    lines = ["## Key numbers", ""]
    lines.append(f"- Translation, tilesplit over `clang++ -fsyntax-only`: examples "
                 f"{min(f['wall_ratio'] for f in examples.values()):.2f}–"
                 f"{max(f['wall_ratio'] for f in examples.values()):.2f}x in wall time, "
                 f"{min(f['cpu_ratio'] for f in examples.values()):.2f}–"
                 f"{max(f['cpu_ratio'] for f in examples.values()):.2f}x in CPU time"
                 + (f"; the 50-op kernel {large['wall_ratio']:.2f}x wall, {large['cpu_ratio']:.2f}x CPU" if large else "")
                 + f" (target {translate_speed.TARGET_RATIO}x, wall); fastest runs' CPU ratio at most "
                 f"{max(f['fastest_ratio'] for f in files.values()):.2f}x.")
    if "own_share" in ts:
        lines.append(f"- tilesplit's own passes, emitters and formatting: {100 * ts['own_share']:.1f}% of the CPU "
                     "samples of the 50-op translation; the rest is Clang's parse and process start-up"
                     + (f"; freeing the AST at exit, which `clang++` skips, costs {100 * ts['teardown_share']:.1f}% "
                        "of a parse (fastest runs)" if ts.get("teardown_share", 0) > 0 else
                        "; freeing the AST at exit, which `clang++` skips, costs nothing measurable"
                        if "teardown_share" in ts else "") + ".")
    lines.append(f"- Corpus: {ts['kps_j1']:.2f} kernels/s with -j 1, {ts['kps_j2']:.2f} with -j 2 "
                 f"(speed-up {ts['speedup']:.2f}x); peak memory per translation "
                 f"{max(f['peak_mib'] for f in files.values()):.0f} MiB.")
    if quality["worse"]:
        worse = "; ".join(f"{n}: {label} {fmt(o)} vs {fmt(h)}" for n, label, h, o in quality["worse"])
        lines.append(f"- Generated code does more work than hand-written in: {worse} (per output tile).")
    else:
        lines.append("- Generated code never does more counted work than the hand-written kernels.")
    if quality["better"]:
        better = "; ".join(f"{n}: {label} {fmt(o)} vs {fmt(h)}" for n, label, h, o in quality["better"])
        lines.append(f"- Generated code does less in: {better} (per output tile).")
    for (label, cores), v in emu.items():
        lines.append(f"- Emulator, {label}, {cores} core{'s' if cores != 1 else ''}: "
                     f"{v['wall'] * 1000:.0f} ms, {v['tiles_per_s']:,.0f} output tiles/s.")
    lines.append("")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="a small run of every benchmark, to check they work")
    ap.add_argument("--out", help=f"where to write the document (default {os.path.relpath(DEFAULT_OUT, ROOT)}; "
                                  "with --quick, nowhere unless given)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per file for translation speed (default 7)")
    ap.add_argument("--corpus", type=int, default=200, help="kernels in the generated corpus (default 200)")
    ap.add_argument("--corpus-runs", type=int, default=3, help="timed runs of the corpus per -j (default 3)")
    ap.add_argument("--emu-runs", type=int, default=5, help="emulated runs per program (default 5)")
    args = ap.parse_args()
    out = args.out or (None if args.quick else DEFAULT_OUT)

    try:
        check_tools()
        start = time.perf_counter()
        started = datetime.datetime.now().astimezone()
        load_start = load_average()
        log("1. translation speed")
        ts_lines, ts = translate_speed.run(args.runs, args.corpus, args.corpus_runs, quick=args.quick)
        log("2. generated code against hand-written kernels")
        q_lines, quality = code_quality.quality_section(args.quick)
        log("3. matmul DRAM traffic as K grows")
        k_lines = code_quality.k_sweep_section(args.quick)
        log("4. emulator speed")
        e_lines, emu = emulator_speed.run(args.emu_runs, args.quick)
        elapsed = time.perf_counter() - start
    except BenchError as e:
        sys.exit(f"bench: error: {e}")

    command = "python3 bench/run_all.py" + (" --quick" if args.quick else "")
    doc = ["# Performance", "",
           f"Generated by `{command}` on {started.strftime('%Y-%m-%d %H:%M %Z')}; every number below is what that "
           "command printed. Do not edit by hand: rerun it.", ""]
    if args.quick:
        doc += ["**This is a `--quick` run: too few repetitions and sizes to be representative.**", ""]
    doc += ["## Machine", ""] + machine_description() + [
        f"- Load average (1, 5, 15 min) at start: {load_start}; at end: {load_average()}. The machine may be "
        "shared; wall times include whatever else was running, CPU times less so.",
        f"- The whole command took {elapsed / 60:.1f} min.", ""]
    doc += ["## How to rerun", "", "```sh",
            "TILESPLIT_BUILD_DIR=build ./scripts/build.sh tilesplit tilesplit-run",
            "python3 bench/run_all.py            # writes docs/performance.md (8-10 min on an idle 2-core machine)",
            "python3 bench/run_all.py --quick --out /tmp/perf.md   # checks that every benchmark works",
            "```", "",
            "Options: `--runs N` (translation timings per file, default 7), `--corpus N` (default 200), "
            "`--corpus-runs N` (default 3), `--emu-runs N` (default 5). Each section also runs alone: "
            "`bench/translate_speed.py`, `bench/code_quality.py`, `bench/emulator_speed.py`. Timings are medians; "
            "tests never assert them.", ""]
    doc += key_numbers(ts, quality, emu)
    doc += ts_lines + q_lines + k_lines + e_lines
    text = "\n".join(doc).rstrip() + "\n"
    sys.stdout.write(text)
    if out:
        with open(out, "w") as f:
            f.write(text)
        log(f"wrote {out}")


if __name__ == "__main__":
    main()
