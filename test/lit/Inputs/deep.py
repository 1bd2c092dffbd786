#!/usr/bin/env python3
"""Writes a kernel that is deep in one way, N levels of it, to stdout.

    deep.py sum N      c.tile(i) = a.tile(i) + a.tile(i) + ...   (N tile terms)
    deep.py chain N    Tile t1 = a.tile(i); Tile t2 = t1 + a.tile(i); ...  (N locals)
    deep.py scale N    c.tile(i) = a.tile(i) * alpha * alpha ...  (N factors)
    deep.py index N    c.tile(i) = a.tile(i + 0 + 0 ...)           (N terms)
    deep.py loops N    c.tile(i) = a.tile(i); then N nested, empty tile loops
    deep.py locals N   uint32_t j1 = j0 + j0 - j0; ...; c.tile(i) = a.tile(jN)
    deep.py casts N    c.tile(i) = a.tile((uint32_t)(uint32_t)...i)   (N casts)
    deep.py negations N   c.tile(i) = - - ... a.tile(i)                (N minuses)

The tests of expression-too-deep, and of what tilesplit accepts up to its
limit, generate their inputs with it: the deep ones are too big to check in
and read. Terms are written 16 to a line, so that a diagnostic's source line
stays short.
"""
import sys


def wrapped(first, sep, term, n, indent):
    """first sep term sep term ... (n terms in all), 16 terms a line."""
    terms = [first] + [term] * (n - 1)
    lines = [sep.join(terms[k:k + 16]) for k in range(0, n, 16)]
    return ("\n" + indent + sep.lstrip()).join(lines)


def body(kind, n):
    ind = "      "
    if kind == "sum":
        return ["    c.tile(i) = " + wrapped("a.tile(i)", " + ", "a.tile(i)", n, ind) + ";"]
    if kind == "scale":
        return ["    c.tile(i) = a.tile(i) * " + wrapped("alpha", " * ", "alpha", n, ind) + ";"]
    if kind == "index":
        return ["    c.tile(i) = a.tile(" + wrapped("i", " + ", "0", n, ind) + ");"]
    if kind == "chain":
        out = ["    Tile t1 = a.tile(i);"]
        out += ["    Tile t%d = t%d + a.tile(i);" % (k, k - 1) for k in range(2, n + 1)]
        return out + ["    c.tile(i) = t%d;" % n]
    if kind == "loops":
        out = ["    c.tile(i) = a.tile(i);"]
        for k in range(n):
            out += ["#pragma tt tile_loop", "    for (uint32_t j%d = 0; j%d < 2; ++j%d)" % (k, k, k)]
        return out + ["      ;"]
    if kind == "locals":
        out = ["    uint32_t j0 = i;"]
        out += ["    uint32_t j%d = j%d + j%d - j%d;" % (k, k - 1, k - 1, k - 1) for k in range(1, n + 1)]
        return out + ["    c.tile(i) = a.tile(j%d);" % n]
    if kind == "casts":
        return ["    c.tile(i) = a.tile(" + wrapped("(uint32_t)", "", "(uint32_t)", n, ind) + "i);"]
    if kind == "negations":
        return ["    c.tile(i) = " + wrapped("-", " ", "-", n, ind) + " a.tile(i);"]
    raise SystemExit("deep.py: unknown kind '%s'" % kind)


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or int(sys.argv[2]) < 1:
        raise SystemExit(__doc__)
    kind, n = sys.argv[1], int(sys.argv[2])
    print("#include <tilesplit/tile.hpp>")
    print("using namespace tilesplit;")
    print("")
    print("void deep(Tensor<bf16> a, Tensor<bf16> c, float alpha) {")
    print("#pragma tt tile_loop parallel")
    print("  for (uint32_t i = 0; i < c.num_tiles(); ++i) {")
    print("\n".join(body(kind, n)))
    print("  }")
    print("}")


if __name__ == "__main__":
    main()
