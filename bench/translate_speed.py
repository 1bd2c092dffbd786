#!/usr/bin/env python3
"""Translation speed: tilesplit against `clang++-19 -fsyntax-only` on the same file.

The parse is the floor (tilesplit parses the same file with the same flags);
tilesplit's overhead is everything above it. Both are timed in this run, on this
machine, as medians of several runs; the report gives their ratio. Also: a
corpus of generated kernels through a compile_commands.json with -j 1 and -j 2,
and peak memory per translation.

Usage: bench/translate_speed.py [--runs N] [--corpus N] [--out FILE]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("TILESPLIT_BUILD_DIR", os.path.join(ROOT, "build"))
TILESPLIT = os.path.join(BUILD, "bin", "tilesplit")
CLANG = shutil.which("clang++-19") or "/usr/lib/llvm-19/bin/clang++"
FLAGS = ["-std=c++17", "-isystem", os.path.join(ROOT, "runtime", "include"), "-Wno-unknown-pragmas"]


def timed(cmd):
    """Wall seconds and peak RSS (KiB) of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss


def median_run(cmd, runs):
    times, peaks = [], []
    timed(cmd)  # warm the page cache
    for _ in range(runs):
        t, m = timed(cmd)
        times.append(t)
        peaks.append(m)
    return statistics.median(times), max(peaks)


def large_kernel(path, ops=50, tensors=6):
    """A kernel with `ops` fused tile operations over `tensors` tensors."""
    names = [f"t{i}" for i in range(tensors - 1)]
    unary = ["exp", "relu", "sigmoid", "tanh", "abs", "square", "gelu", "neg"]
    expr = f"{names[0]}.tile(i)"
    for k in range(ops):
        kind = k % 3
        if kind == 0:
            expr = f"{unary[k % len(unary)]}({expr})"
        elif kind == 1:
            expr = f"({expr} + {names[k % len(names)]}.tile(i))"
        else:
            expr = f"({expr} * {0.5 + k / 100:.2f}f)"
    params = ", ".join(f"Tensor<bf16> {n}" for n in names)
    with open(path, "w") as f:
        f.write("#include <tilesplit/tile.hpp>\nusing namespace tilesplit;\n\n")
        f.write(f"void large({params}, Tensor<bf16> out) {{\n")
        f.write("#pragma tt tile_loop parallel\n")
        f.write("  for (uint32_t i = 0; i < out.num_tiles(); ++i)\n")
        f.write(f"    out.tile(i) = {expr};\n}}\n")


def corpus(directory, count):
    """`count` small kernel files and a compile_commands.json for them."""
    unary = ["exp", "relu", "sigmoid", "tanh", "abs", "square", "gelu", "neg", "sqrt", "log"]
    entries, files = [], []
    for i in range(count):
        path = os.path.join(directory, f"kernel_{i}.cpp")
        op = unary[i % len(unary)]
        with open(path, "w") as f:
            f.write("#include <tilesplit/tile.hpp>\nusing namespace tilesplit;\n\n")
            f.write(f"void kernel_{i}(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c, float s) {{\n")
            f.write("#pragma tt tile_loop parallel\n")
            f.write("  for (uint32_t i = 0; i < c.num_tiles(); ++i)\n")
            f.write(f"    c.tile(i) = {op}(a.tile(i) * s + b.tile(i));\n}}\n")
        files.append(path)
        entries.append({"directory": directory, "file": path,
                        "arguments": [CLANG, *FLAGS, "-c", path]})
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--corpus", type=int, default=200)
    ap.add_argument("--out", default=None, help="write the markdown section here")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="tilesplit-bench-")
    try:
        sources = sorted(os.path.join(ROOT, "examples", f) for f in os.listdir(os.path.join(ROOT, "examples"))
                         if f.endswith(".cpp"))
        big = os.path.join(work, "large_50ops_6tensors.cpp")
        large_kernel(big)
        sources.append(big)

        rows = []
        for src in sources:
            parse, parse_mem = median_run([CLANG, "-fsyntax-only", *FLAGS, src], args.runs)
            ours, ours_mem = median_run([TILESPLIT, src, "-o", os.path.join(work, "out"), "--", *FLAGS], args.runs)
            rows.append((os.path.basename(src), parse, ours, ours / parse, ours_mem))
            print(f"{rows[-1][0]:32s} parse {parse*1000:7.1f} ms  tilesplit {ours*1000:7.1f} ms  "
                  f"ratio {ours/parse:5.2f}  peak {ours_mem/1024:6.1f} MiB", flush=True)

        cdir = os.path.join(work, "corpus")
        os.makedirs(cdir)
        files = corpus(cdir, args.corpus)
        throughput = {}
        for jobs in (1, 2):
            cmd = [TILESPLIT, "-p", cdir, "-j", str(jobs), "-o", os.path.join(work, f"corpus_out_{jobs}"), *files]
            t, _ = median_run(cmd, max(3, args.runs // 2))
            throughput[jobs] = len(files) / t
            print(f"corpus of {len(files)} kernels, -j {jobs}: {t:.2f} s, {throughput[jobs]:.1f} kernels/s", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    lines = ["## Translation speed", "",
             f"Median of {args.runs} runs on this machine ({os.cpu_count()} cores), "
             f"`{os.path.basename(CLANG)} -fsyntax-only` and `tilesplit` on the same file with the same flags. "
             "The ratio is tilesplit's time over the parse alone (target: at most 1.25).", "",
             "| file | parse (ms) | tilesplit (ms) | ratio | tilesplit peak RSS (MiB) |",
             "|---|---:|---:|---:|---:|"]
    for name, parse, ours, ratio, mem in rows:
        lines.append(f"| {name} | {parse*1000:.1f} | {ours*1000:.1f} | {ratio:.2f} | {mem/1024:.1f} |")
    lines += ["", f"Corpus of {args.corpus} generated kernels through a `compile_commands.json`:", "",
              "| jobs | kernels/s |", "|---:|---:|",
              f"| 1 | {throughput[1]:.1f} |", f"| 2 | {throughput[2]:.1f} |", "",
              f"Parallel speed-up with `-j 2`: {throughput[2]/throughput[1]:.2f}x.", ""]
    text = "\n".join(lines)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
