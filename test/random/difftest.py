#!/usr/bin/env python3
"""Differential testing: random kernels -> tilesplit -> emulator, against the CPU reference.

Each program (gen.py) holds several kernels and goes through one `tilesplit-run --batch`:
one translation, one build, one emulator process, so a program's fixed costs are shared by
its kernels; the emulator's kernel cache (TILESPLIT_EMU_CACHE) is reused across programs.
A kernel is a *finding* when the translator rejects it (it is valid by construction), the
generated code does not compile, the emulator reports an error or crashes, or an output
differs from the reference by more than tilesplit-run's tolerance. When a batch fails as a
whole (translation, build, crash), its unfinished kernels are run one by one to tell which.

    python3 difftest.py --bin build/bin --seed 1 --programs 20 [--kernels 6] [--findings DIR]
                        [--no-special-values]

Exit status 0 when nothing was found, 1 otherwise. Findings are written to --findings
(default: ./difftest-findings), one directory per kernel with prog.cpp, prog.json (for
reduce.py), batch.json, kind.txt (what failed) and the run's log.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402


def run_batch(prog, work, bin_dir, timeout):
    """Runs every kernel of `prog`; returns ({kernel: status}, exit status, log text)."""
    os.makedirs(work, exist_ok=True)
    src = gen.write_program(prog, work)
    results = os.path.join(work, "results.jsonl")
    if os.path.exists(results):
        os.remove(results)
    cmd = [os.path.join(bin_dir, "tilesplit-run"), src, "--batch", os.path.join(work, "batch.json"),
           "--tt-metal-api=" + prog["api"], "--counters-json", results]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           timeout=timeout, errors="replace")
        rc, log = p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        rc, log = "timeout", out + "\n[difftest: timed out after %d s]\n" % timeout
    status = {}
    if os.path.exists(results):
        with open(results) as f:
            for line in f:
                try:
                    o = json.loads(line)
                except ValueError:
                    continue
                status[o["kernel"]] = o["status"]
    return status, rc, log


def section(log, kernel):
    """The part of a batch log that reports one kernel's run."""
    start = log.find("=== kernel %s (" % kernel)
    end = log.find("=== kernel %s: " % kernel)
    if start < 0:
        return log[-4000:]
    return log[start:end if end > 0 else None]


def classify(rc, log, status=None):
    """A short name for what went wrong, used to tell whether a reduced program still fails
    the same way."""
    if status == "mismatch":
        return "mismatch"
    if rc == "timeout":
        return "timeout"
    if "translation failed" in log:
        for line in log.splitlines():
            if ": error: " in line and "[tilesplit-" in line:
                return "diagnostic:" + line.rsplit("[tilesplit-", 1)[1].rstrip("]")
            if "Stack dump" in line or "PLEASE submit a bug report" in line:
                return "translator-crash"
        return "translate"
    if "does not compile" in log or "failed to compile" in log:
        return "compile"
    if "deadlock" in log:
        return "deadlock"
    if "emu error" in log:
        return "emulator-error"
    if "the CPU reference failed" in log:
        return "reference-error"
    if "cannot run" in log:
        return "crash"
    if status == "error" or rc:
        return "error"
    return "pass"


def single(prog, kernel):
    """The program with one kernel."""
    p = dict(prog)
    p["kernels"] = [k for k in prog["kernels"] if k["name"] == kernel]
    return p


def timeout_for(prog):
    return 120 + 30 * len(prog["kernels"])


def check_program(prog, work, bin_dir):
    """Runs a program; returns a list of findings (kernel, kind, log) and whether the batch
    ran through."""
    status, rc, log = run_batch(prog, work, bin_dir, timeout_for(prog))
    findings = []
    names = [k["name"] for k in prog["kernels"]]
    missing = [n for n in names if n not in status]
    for n in names:
        if n in status and status[n] != "pass":
            findings.append((n, classify(rc, section(log, n), status[n]), section(log, n)))
    if missing and len(names) == 1:
        findings.append((names[0], classify(rc, log), log))
    elif missing:
        # The batch stopped before these ran: run each alone to tell which one fails.
        for n in missing:
            sub = single(prog, n)
            s2, rc2, log2 = run_batch(sub, os.path.join(work, "alone-" + n), bin_dir,
                                      timeout_for(sub))
            if s2.get(n) != "pass":
                findings.append((n, classify(rc2, log2, s2.get(n)), log2))
    return findings, not missing


def save_finding(prog, kernel, kind, log, findings_dir):
    d = os.path.join(findings_dir, "seed%d-%s" % (prog["seed"], kernel))
    sub = single(prog, kernel)
    gen.write_program(sub, d)
    with open(os.path.join(d, "log.txt"), "w") as f:
        f.write(log)
    with open(os.path.join(d, "kind.txt"), "w") as f:
        f.write(kind + "\n")
    return d


def campaign(args, report=print):
    """Generates and checks programs, --jobs at a time; returns (programs, kernels, findings,
    seconds). Programs are numbered by seed, so a campaign's programs do not depend on --jobs;
    with --max-seconds, no program starts after the deadline."""
    work_root = tempfile.mkdtemp(prefix="difftest-")
    opts = {"special_values": args.special_values}
    start = time.time()
    found = []
    totals = {"programs": 0, "kernels": 0}
    lock = threading.Lock()

    def one(seed):
        if args.max_seconds and time.time() - start > args.max_seconds:
            return
        prog = gen.generate(seed, args.kernels, dict(opts, api=args.api))
        work = os.path.join(work_root, "p%d" % seed)
        fs, _ = check_program(prog, work, args.bin)
        with lock:
            totals["programs"] += 1
            totals["kernels"] += len(prog["kernels"])
            for kernel, kind, log in fs:
                d = save_finding(prog, kernel, kind, log, args.findings)
                found.append((seed, kernel, kind, d))
                report("FINDING seed %d kernel %s: %s (%s)" % (seed, kernel, kind, d))
            if args.verbose:
                el = time.time() - start
                report("program %d (seed %d): %d kernel(s), %s; %.2f kernels/s" % (
                    totals["programs"], seed, len(prog["kernels"]),
                    "ok" if not fs else "%d finding(s)" % len(fs), totals["kernels"] / el))
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for f in [pool.submit(one, args.seed + i) for i in range(args.programs)]:
                f.result()
    finally:
        if not args.keep:
            shutil.rmtree(work_root, ignore_errors=True)
    return totals["programs"], totals["kernels"], found, time.time() - start


def add_arguments(ap):
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--bin", default=os.path.join(here, "..", "..", "build", "bin"),
                    help="directory of tilesplit and tilesplit-run")
    ap.add_argument("--seed", type=int, default=1, help="seed of the first program")
    ap.add_argument("--programs", type=int, default=10)
    ap.add_argument("--kernels", type=int, default=6, help="kernels per program")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="programs checked at the same time (each one's build and emulator "
                         "run use several processes of their own)")
    ap.add_argument("--api", choices=["2026-08", "2026-02"],
                    help="API profile (default: chosen per program)")
    ap.add_argument("--special-values", action=argparse.BooleanOptionalAction, default=True,
                    help="NaN, infinities, zeros and subnormals among the inputs of a fraction "
                         "of the kernels (tilesplit-run --special-values; default: on)")
    ap.add_argument("--max-seconds", type=float, default=0,
                    help="stop starting programs after this long")
    ap.add_argument("--findings", default="difftest-findings",
                    help="directory for the findings (default: ./difftest-findings)")
    ap.add_argument("--keep", action="store_true", help="keep every program's files")
    ap.add_argument("-v", "--verbose", action="store_true")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap)
    args = ap.parse_args()
    programs, kernels, found, secs = campaign(args)
    print("difftest: %d program(s), %d kernel(s) in %.1f s (%.2f kernels/s); %d finding(s)" % (
        programs, kernels, secs, kernels / secs if secs else 0, len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
