#!/usr/bin/env python3
"""Runs one conformance check of a tt-metal programming example, or reports it skipped.

run_example.py --examples DIR [--expect-failure REGEX] -- COMMAND...

DIR is the examples/ folder of the tt-metal reference tree (TILESPLIT_TT_METAL_TREE/examples);
without it the check is skipped (exit 77). Otherwise COMMAND runs (a tilesplit-run --program
run, or print_examples) and its exit status is the check's. With --expect-failure the command
must fail (exit 1) and print a line matching REGEX: a run that the example's own host arguments
make go wrong, which the emulator must catch.
"""
import argparse
import os
import re
import subprocess
import sys

SKIP = 77


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", required=True)
    ap.add_argument("--expect-failure", metavar="REGEX")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    opts = ap.parse_args()
    command = opts.command[1:] if opts.command[:1] == ["--"] else opts.command
    if not command:
        ap.error("no command")
    if not opts.examples or not os.path.isdir(opts.examples):
        print(f"skipped: no tt-metal examples at '{opts.examples}' (set TILESPLIT_TT_METAL_TREE)")
        return SKIP
    if opts.expect_failure is None:
        return subprocess.call(command)
    p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(p.stdout)
    if p.returncode != 1 or not re.search(opts.expect_failure, p.stdout, re.MULTILINE):
        print(f"error: expected exit status 1 and output matching '{opts.expect_failure}', "
              f"got exit status {p.returncode}")
        return 1
    print(f"ok: failed as expected ('{opts.expect_failure}')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
