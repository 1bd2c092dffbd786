"""Shared helpers for the benchmarks: paths, timing, tilesplit-run, markdown tables.

Python 3 standard library only, so the benchmarks run wherever the build does.
"""
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("TILESPLIT_BUILD_DIR", os.path.join(ROOT, "build"))
TILESPLIT = os.path.join(BUILD, "bin", "tilesplit")
TILESPLIT_RUN = os.path.join(BUILD, "bin", "tilesplit-run")
CLANG = shutil.which("clang++-19") or "/usr/lib/llvm-19/bin/clang++"
# The flags both clang++ -fsyntax-only and tilesplit see: tilesplit appends the
# same -isystem and -Wno-unknown-pragmas itself, so the parse is the same work.
FLAGS = ["-std=c++17", "-isystem", os.path.join(ROOT, "runtime", "include"), "-Wno-unknown-pragmas"]
# Kernels compiled by the emulator are cached here, so repeated benchmark runs
# time the emulation, not the kernel compiler.
EMU_CACHE = os.path.join(BUILD, "bench-emu-cache")
HANDWRITTEN = os.path.join(ROOT, "bench", "handwritten")
EXAMPLES = os.path.join(ROOT, "examples")

TILE_BYTES_BF16 = 2 * 32 * 32


class BenchError(RuntimeError):
    pass


def check_tools():
    for tool in (TILESPLIT, TILESPLIT_RUN):
        if not os.access(tool, os.X_OK):
            raise BenchError(f"{tool} is missing: build it first, e.g. "
                             "TILESPLIT_BUILD_DIR=build ./scripts/build.sh tilesplit tilesplit-run")


def log(message):
    """Progress goes to stderr, so stdout carries only the results."""
    print(message, file=sys.stderr, flush=True)


class Timing:
    """One run of a command: wall seconds, CPU seconds (user + sys) and peak RSS in MiB."""

    def __init__(self, wall, cpu, peak_mib):
        self.wall, self.cpu, self.peak_mib = wall, cpu, peak_mib


def timed(cmd):
    """Runs cmd once and measures it. CPU time is reported next to wall time
    because the machine may be shared: other load stretches wall time but
    hardly changes the CPU a process needs."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4 gives this child's own rusage (peak RSS and CPU), not the sum over
    # every child this script has ever waited for.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise BenchError(f"command failed: {' '.join(cmd)}\n{err}")
    return Timing(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(values):
    return statistics.median(values)


def run_tilesplit_run(source, kernel, tensors, grid=None, program=None, repeat=1):
    """Runs tilesplit-run once and returns its counters JSON (see docs/tilesplit-run.md).

    tilesplit-run checks the result against the CPU reference; a mismatch or a
    protocol error is a benchmark failure, never a number in the report."""
    with tempfile.TemporaryDirectory(prefix="tilesplit-bench-") as work:
        stats_path = os.path.join(work, "counters.json")
        cmd = [TILESPLIT_RUN, source, f"--kernel={kernel}", f"--counters-json={stats_path}",
               f"--repeat={repeat}"]
        cmd += [f"--tensor={name}={shape}" for name, shape in tensors.items()]
        if grid:
            cmd.append(f"--grid={grid}")
        if program:
            cmd.append(f"--program={program}")
        env = dict(os.environ, TILESPLIT_EMU_CACHE=EMU_CACHE)
        proc = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            raise BenchError(f"tilesplit-run failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stdout}")
        with open(stats_path) as f:
            stats = json.load(f)
    if not stats["match"]:
        raise BenchError(f"outputs differ from the CPU reference: {' '.join(cmd)}")
    return stats


def tiles_of(shape):
    """'640x640' (elements) -> number of 32x32 tiles."""
    rows, cols = (int(v) for v in shape.split("x"))
    return (rows // 32) * (cols // 32)


def table(headers, rows, align=None):
    """A markdown table; align is a string of 'l'/'r' per column (default: first left, rest right)."""
    align = align or "l" + "r" * (len(headers) - 1)
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---" if a == "l" else "---:" for a in align) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def fmt(value, digits=2):
    """Counts print as integers, fractional values with `digits` decimals, and
    values below 1 with `digits` significant digits (1/400 is 0.0025, not 0.00)."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    if abs(value) < 1:
        return f"{value:.{digits}g}"
    return f"{value:,.{digits}f}"


def machine_description():
    """What the numbers were measured on, as markdown bullet lines."""
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
            mem = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    osname = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"') + f" (Linux {platform.release()})"
    except OSError:
        pass

    def first_line(cmd):
        try:
            return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True).stdout.splitlines()[0].strip()
        except (OSError, IndexError):
            return "unknown"

    commit = first_line(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; memory {mem}",
        f"- OS: {osname}",
        f"- Compiler: {first_line([CLANG, '--version'])}",
        f"- tilesplit: {first_line([TILESPLIT, '--version'])}, commit {commit}{' (with local changes)' if dirty else ''}",
        f"- Python {platform.python_version()}",
    ]


def load_average():
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "unknown"
