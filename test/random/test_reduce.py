#!/usr/bin/env python3
"""Tests reduce.py against a stand-in tilesplit-run with a known bug (reduce-test/): a kernel
fails when its source has sigmoid( and, later in the same statement, exp(. From random kernels
that have the bug among much else, the reducer must reach a kernel of one store whose
expression is at most sigmoid(tile) + exp(tile), on a 1x1 grid, with no clauses, no scalars and
no tensor but the one read and the one written -- and the result must still fail."""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import difftest  # noqa: E402
import gen  # noqa: E402

FAKE_BIN = os.path.join(here, "reduce-test")
BUG = re.compile(r"sigmoid\([^;]*exp\(")


def buggy_kernels(want):
    """Random kernels whose source has the bug and is big enough to be worth reducing."""
    found = []
    seed = 1
    while len(found) < want:
        prog = gen.generate(seed, 6, {"api": "2026-08"})
        for k in prog["kernels"]:
            text = gen.render_kernel(k)
            if BUG.search(text) and text.count("\n") >= 4:
                found.append((prog, k))
        seed += 1
    return found[:want]


def main():
    failures = 0
    for prog, k in buggy_kernels(2):
        with tempfile.TemporaryDirectory() as tmp:
            finding = difftest.save_finding(prog, k["name"], "emulator-error", "", tmp)
            out = os.path.join(tmp, "reduced")
            p = subprocess.run([sys.executable, os.path.join(here, "reduce.py"), finding,
                                "--bin", FAKE_BIN, "--out", out],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            print(p.stdout)
            with open(os.path.join(out, "prog.json")) as f:
                r = json.load(f)["kernels"][0]
            stores = [s for ph in r["phases"] for s in ph["body"] if s["kind"] == "store"]
            text = gen.render_kernel(r)
            ok = (p.returncode == 0 and BUG.search(text) and len(stores) == 1 and
                  gen.size(stores[0]["expr"]) <= 5 and len(r["tensors"]) <= 2 and r["grid"] == "1x1" and
                  "buffers" not in text and "block" not in text and not r["scalars"] and
                  os.path.exists(os.path.join(out, "test.txt")))
            print("%s: seed %d kernel %s reduced to %d lines" % (
                "ok" if ok else "FAIL", prog["seed"], k["name"], text.count("\n") + 1))
            failures += not ok
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
