#!/usr/bin/env python3
"""Shrinks a failing random kernel (a difftest finding) to a small one that fails the same way.

Works on the plain-data program gen.py writes (prog.json), as C-Reduce works on text but with
edits that keep the kernel inside the language: a subexpression replaced by one of its operands
or by a tensor tile it reads, a tile local inlined, an extra output dropped, loop clauses and
kernel clauses removed, the grid made 1x1, shapes made smaller. An edit is kept when the kernel
is still valid by gen.py's rules (operands in their functions' domains; for a mismatch, the
numerical screen too, so a smaller kernel is not kept because of a rounding difference) and
difftest's check still classifies its failure as before. Greedy, to a fixed point.

    python3 reduce.py FINDING_DIR [--bin build/bin] [--out DIR] [--max-tests 300]

FINDING_DIR is one of difftest's findings (prog.json and kind.txt). The reduced program goes to
--out (default FINDING_DIR/reduced): prog.cpp, prog.json, batch.json, and test.txt with the
tilesplit-run command line that reproduces it, ready for a regression test in test/e2e.
"""
import argparse
import copy
import json
import os
import random
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import difftest  # noqa: E402
import gen  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Walking a kernel's statements and expressions


def statements(body):
    """Every statement of a body, nested loops included, in source order."""
    for s in body:
        yield s
        if s["kind"] == "loop":
            yield from statements(s["body"])


def expr_paths(e, path=()):
    """Paths (tuples of child positions) to every node of an expression, root first."""
    yield path
    for i, c in enumerate(gen.children(e)):
        yield from expr_paths(c, path + (i,))


def get_at(e, path):
    for i in path:
        e = gen.children(e)[i]
    return e


def replace_at(e, path, new):
    if not path:
        return copy.deepcopy(new)
    kids = gen.children(e)
    kids[path[0]] = replace_at(kids[path[0]], path[1:], new)
    return gen.with_children(e, kids)


def subst_local(e, name, value):
    if e[0] == "local" and e[1] == name:
        return copy.deepcopy(value)
    kids = gen.children(e)
    if not kids:
        return e
    return gen.with_children(e, [subst_local(c, name, value) for c in kids])


def tensors_read(e, acc):
    if e[0] == "tile":
        acc.add(e[1])
    for c in gen.children(e):
        tensors_read(c, acc)
    return acc


def scalars_used(e, acc):
    if e[0] == "scalar" and isinstance(e[3], str):
        acc.add(e[3])
    for c in gen.children(e):
        scalars_used(c, acc)
    return acc


def bodies(k):
    return [ph["body"] for ph in k["phases"]]


def tidy(k):
    """Drops tensors and scalars nothing uses any more (a bound's tensor counts as used)."""
    read, scal, stored = set(), set(), set()
    for body in bodies(k):
        for s in statements(body):
            if "expr" in s:
                tensors_read(s["expr"], read)
                scalars_used(s["expr"], scal)
            if s["kind"] == "store":
                stored.add(s["tensor"])
            if s["kind"] == "loop":
                read.add(s["loop"]["bound"].split(".")[0])
    for ph in k["phases"]:
        for loop in ph["loops"]:
            read.add(loop["bound"].split(".")[0])
    k["tensors"] = [t for t in k["tensors"] if t["name"] in read | stored]
    k["scalars"] = [s for s in k["scalars"] if s["name"] in scal]
    return k


# ---------------------------------------------------------------------------------------------
# Candidate edits, cheapest and biggest first


def candidates(k):
    """Yields (description, edited kernel) for every one-step simplification of k."""
    def edited(f):
        c = copy.deepcopy(k)
        f(c)
        return tidy(c)

    if k["grid"] != "1x1":
        yield "grid 1x1", edited(lambda c: c.update(grid="1x1"))
    if k.get("grid_clause"):
        yield "no grid clause", edited(lambda c: c.pop("grid_clause"))
    if k.get("fp32_dest_acc"):
        yield "no fp32_dest_acc", edited(lambda c: c.update(fp32_dest_acc=False))
    for pi, ph in enumerate(k["phases"]):
        for li, loop in enumerate(ph["loops"]):
            if loop.get("clause"):
                yield "no clause on loop %s" % loop["var"], edited(
                    lambda c, pi=pi, li=li: c["phases"][pi]["loops"][li].update(clause=""))
        for si, s in enumerate(statements(ph["body"])):
            if s["kind"] == "loop" and s["loop"].get("clause"):
                yield "no clause on loop %s" % s["loop"]["var"], edited(
                    lambda c, pi=pi, si=si: list(statements(c["phases"][pi]["body"]))[si][
                        "loop"].update(clause=""))
    # Statements: drop one of several stores; inline a tile local into its uses.
    for pi, ph in enumerate(k["phases"]):
        body = ph["body"]
        stores = [i for i, s in enumerate(body) if s["kind"] == "store"]
        if len(stores) > 1:
            for i in stores:
                yield "drop store to %s" % body[i]["tensor"], edited(
                    lambda c, pi=pi, i=i: c["phases"][pi]["body"].pop(i))
        for i, s in enumerate(body):
            if s["kind"] == "local" and not any(
                    t["kind"] == "accum" and t["name"] == s["name"] for t in statements(body)):
                def inline(c, pi=pi, i=i):
                    b = c["phases"][pi]["body"]
                    name, value = b[i]["name"], b[i]["expr"]
                    del b[i]
                    for t in statements(b):
                        if "expr" in t:
                            t["expr"] = subst_local(t["expr"], name, value)
                yield "inline local %s" % s["name"], edited(inline)
    # Expressions: a node replaced by one of its operands, or by a tile leaf of the statement.
    for pi, ph in enumerate(k["phases"]):
        for si, s in enumerate(statements(ph["body"])):
            if "expr" not in s:
                continue
            e = s["expr"]
            leaves = [get_at(e, p) for p in expr_paths(e) if get_at(e, p)[0] in ("tile", "local")]
            for path in expr_paths(e):
                node = get_at(e, path)
                options = list(gen.children(node))
                if node[0] not in ("tile", "local"):
                    options += [l for l in leaves if l != node]
                seen = []
                for new in options:
                    if new in seen:
                        continue
                    seen.append(new)

                    def put(c, pi=pi, si=si, path=path, new=new):
                        t = list(statements(c["phases"][pi]["body"]))[si]
                        t["expr"] = replace_at(t["expr"], path, new)
                    yield "replace %s by %s" % (gen.render_expr(node), gen.render_expr(new)), \
                        edited(put)
    # A loop bound read from a tensor that is neither read nor written otherwise: bound it by
    # an output of the same shape, so the tensor can go.
    shapes = {t["name"]: (t["rows"], t["cols"]) for t in k["tensors"]}
    stored = [s["tensor"] for body in bodies(k) for s in statements(body) if s["kind"] == "store"]
    for pi, ph in enumerate(k["phases"]):
        for li, loop in enumerate(ph["loops"]):
            name, member = loop["bound"].split(".")
            for other in stored:
                if other != name and shapes.get(other) == shapes.get(name):
                    yield "bound %s by %s" % (loop["var"], other), edited(
                        lambda c, pi=pi, li=li, b=other + "." + member:
                            c["phases"][pi]["loops"][li].update(bound=b))
                    break
    # Shapes: one tile row or column fewer for every tensor of that extent.
    for dim in ("rows", "cols"):
        for v in sorted({t[dim] for t in k["tensors"] if t[dim] > 1}, reverse=True):
            def shrink(c, dim=dim, v=v):
                for t in c["tensors"]:
                    if t[dim] == v:
                        t[dim] = v - 1
            yield "%s %d -> %d" % (dim, v, v - 1), edited(shrink)


# ---------------------------------------------------------------------------------------------
# Validity and the interestingness test


def valid(k, kind):
    """The kernel is still one gen.py could have generated: every operand in its function's
    domain, every local defined before it is used; for a mismatch also the numerical screen."""
    lo, hi = k["range"]
    env = gen.env_for(k, {t["name"]: (lo, hi) for t in k["tensors"]})
    try:
        for body in bodies(k):
            for s in statements(body):
                if "expr" not in s:
                    continue
                if not gen.domain_ok(s["expr"], env):
                    return False
                if s["kind"] == "local":
                    env["locals"][s["name"]] = gen.interval(s["expr"], env)
    except KeyError:  # a local or tensor the edit removed is still read
        return False
    if kind == "mismatch":
        return gen.screen(k, random.Random(k["seed"]), trials=3)
    return True


class Oracle:
    def __init__(self, prog, kind, bin_dir, work):
        self.prog, self.kind, self.bin, self.work, self.tests = prog, kind, bin_dir, work, 0

    def fails_same_way(self, k):
        self.tests += 1
        prog = dict(self.prog, kernels=[k])
        work = os.path.join(self.work, "t%d" % self.tests)
        findings, _ = difftest.check_program(prog, work, self.bin)
        shutil.rmtree(work, ignore_errors=True)
        return any(kind == self.kind for _, kind, _ in findings)


def reduce_kernel(k, oracle, max_tests, log=print):
    progress = True
    while progress and oracle.tests < max_tests:
        progress = False
        for what, c in candidates(k):
            if oracle.tests >= max_tests:
                break
            if c == k or not c["tensors"] or not valid(c, oracle.kind):
                continue
            if oracle.fails_same_way(c):
                log("reduce: kept: %s (test %d)" % (what, oracle.tests))
                k, progress = c, True
                break
    return k


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("finding", help="a difftest finding directory (prog.json, kind.txt)")
    ap.add_argument("--bin", default=os.path.join(here, "..", "..", "build", "bin"))
    ap.add_argument("--out", help="where the reduced program goes (default FINDING/reduced)")
    ap.add_argument("--max-tests", type=int, default=300,
                    help="stop after this many runs of the failing check")
    args = ap.parse_args()
    with open(os.path.join(args.finding, "prog.json")) as f:
        prog = json.load(f)
    with open(os.path.join(args.finding, "kind.txt")) as f:
        kind = f.read().strip()
    if len(prog["kernels"]) != 1:
        sys.exit("reduce: %s holds %d kernels; a finding holds one" % (args.finding,
                                                                       len(prog["kernels"])))
    work = tempfile.mkdtemp(prefix="reduce-")
    try:
        oracle = Oracle(prog, kind, args.bin, work)
        if not oracle.fails_same_way(prog["kernels"][0]):
            sys.exit("reduce: the finding no longer fails as '%s'; nothing to reduce" % kind)
        before = gen.render_kernel(prog["kernels"][0])
        k = reduce_kernel(prog["kernels"][0], oracle, args.max_tests)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = args.out or os.path.join(args.finding, "reduced")
    reduced = dict(prog, kernels=[k])
    gen.write_program(reduced, out)
    run = gen.runs(reduced)[0]
    cmd = ["tilesplit-run", "prog.cpp", "--kernel=" + k["name"], "--tt-metal-api=" + prog["api"],
           "--seed=%d" % run["seed"], "--range=" + run["range"], "--grid=" + run["grid"],
           "--tolerance=" + run["tolerance"]]
    cmd += ["--tensor=%s=%s" % kv for kv in run["tensors"].items()]
    cmd += ["--scalar=%s=%r" % kv for kv in run["scalars"].items()]
    with open(os.path.join(out, "test.txt"), "w") as f:
        f.write(" ".join(cmd) + "\n")
    print("reduce: %s, %d test run(s): %d -> %d lines" % (
        kind, oracle.tests, before.count("\n") + 1, gen.render_kernel(k).count("\n") + 1))
    print(gen.render_kernel(k))
    print("reduce: written to %s (test.txt: the command that reproduces it)" % out)


if __name__ == "__main__":
    main()
