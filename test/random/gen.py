#!/usr/bin/env python3
"""Random valid annotated kernels for differential testing (docs/testing.md).

A *program* is a plain-data description (JSON) of one or more kernels: their parameters,
loop nests and tile expressions. `render()` prints it as one annotated C++ file; `runs()`
gives the tilesplit-run batch (tensor sizes, scalars, input range, grid) for each kernel.
The reducer (reduce.py) edits the same data, so everything here is a pure function of it.

Every program stays inside what docs/language-reference.md says the translator accepts, and
inside what the comparison can judge: a numerical screen (`screen()`) evaluates each output
twice in Python -- exactly, and with every operation rounded to the tensors' format and
perturbed by a hardware-sized relative error -- and drops an expression whose outputs the
tolerances of docs/tilesplit-run.md could not tell apart from a rounding error (cancellation,
flat outputs, overflow). So a mismatch on the emulator is a finding, not noise. The screen sees
ordinary inputs only; a kernel marked "special_values" also gets NaN, infinities, zeros and
subnormals among its inputs at run time, on which both sides follow the same rules exactly
(docs/emulator.md#special-values).

    python3 gen.py --seed 7 --kernels 4 --out DIR      # DIR/prog.cpp, DIR/prog.json, DIR/batch.json
"""
import argparse
import array
import json
import math
import os
import random
import sys

# ---------------------------------------------------------------------------------------------
# Operations

UNARY = ["exp", "log", "sqrt", "rsqrt", "recip", "relu", "gelu", "sigmoid", "tanh", "abs",
         "square", "neg", "minus"]
# Operand must be strictly positive (and, for exp, small).
POSITIVE_ONLY = {"log", "sqrt", "rsqrt", "recip"}
# SFPU functions the hardware approximates: the screen allows them a larger error.
APPROXIMATED = {"exp", "log", "sqrt", "rsqrt", "recip", "gelu", "sigmoid", "tanh"}
BINARY = ["add", "sub", "mul"]
REDUCTIONS = ["row_sum", "row_max", "col_sum", "col_max", "tile_sum", "tile_max"]
BROADCASTS = ["bcast_row", "bcast_col", "bcast_scalar"]
# The CPU names of the tile functions (unary minus is printed as '-').
CPP_NAME = {op: op for op in UNARY + REDUCTIONS + BROADCASTS + ["transpose", "matmul"]}
BIN_SYM = {"add": "+", "sub": "-", "mul": "*"}

# Special input values (NaN, infinities, zeros, subnormals; tilesplit-run --special-values): with
# opts["special_values"], this fraction of the kernels gets them, at one of these rates (the
# reductions at the lowest, or every row they reduce would hold one). Drawn from a random stream of
# their own, so the kernels of a seed are the same with and without.
SPECIAL_KERNELS = 0.35
SPECIAL_RATES = [0.002, 0.01, 0.03]

# ---------------------------------------------------------------------------------------------
# Expressions: nested lists, JSON-friendly.
#   ["tile", tensor, [idx...]]     a tensor tile, indices as C++ text
#   ["local", name]                a tile local
#   ["fill", value] / ["zeros"]
#   [unary, e]                     one of UNARY
#   [binary, a, b]                 one of BINARY
#   ["scalar", binop, e, s, left]  tile-scalar: s is a float parameter name or a literal number
#   [reduction, e] / [broadcast, e] / ["transpose", e] / ["matmul", a, b]


def fmt_float(v):
    s = repr(float(v))
    if "e" not in s and "." not in s:
        s += ".0"
    return s + "f"


def render_expr(e, top=True):
    k = e[0]
    if k == "tile":
        return "%s.tile(%s)" % (e[1], ", ".join(e[2]))
    if k == "local":
        return e[1]
    if k == "zeros":
        return "zeros()"
    if k == "fill":
        return "fill(%s)" % fmt_float(e[1])
    if k == "minus":
        s = render_expr(e[1], False)
        return "-(" + s + ")" if s.startswith("-") else "-" + s
    if k in BINARY:
        s = "%s %s %s" % (render_expr(e[1], False), BIN_SYM[k], render_expr(e[2], False))
        return s if top else "(" + s + ")"
    if k == "scalar":
        s_txt = e[3] if isinstance(e[3], str) else fmt_float(e[3])
        t_txt = render_expr(e[2], False)
        s = ("%s %s %s" % (s_txt, BIN_SYM[e[1]], t_txt)) if e[4] else (
            "%s %s %s" % (t_txt, BIN_SYM[e[1]], s_txt))
        return s if top else "(" + s + ")"
    if k == "matmul":
        return "matmul(%s, %s)" % (render_expr(e[1]), render_expr(e[2]))
    return "%s(%s)" % (CPP_NAME[k], render_expr(e[1]))


def children(e):
    k = e[0]
    if k in ("tile", "local", "fill", "zeros"):
        return []
    if k == "scalar":
        return [e[2]]
    return list(e[1:])


def with_children(e, kids):
    k = e[0]
    if k == "scalar":
        return [k, e[1], kids[0], e[3], e[4]]
    if not children(e):
        return list(e)
    return [k] + list(kids)


def size(e):
    return 1 + sum(size(c) for c in children(e))


def dst_need(e):
    """Sethi-Ullman register count, a conservative stand-in for the DST slots an expression takes."""
    kids = children(e)
    if not kids:
        return 1
    if len(kids) == 1:
        return dst_need(kids[0])
    a, b = dst_need(kids[0]), dst_need(kids[1])
    return max(a, b) if a != b else a + 1


def locals_used(e, acc=None):
    acc = {} if acc is None else acc
    if e[0] == "local":
        acc[e[1]] = acc.get(e[1], 0) + 1
    for c in children(e):
        locals_used(c, acc)
    return acc


def has_broadcast(e):
    return e[0] in BROADCASTS


# ---------------------------------------------------------------------------------------------
# Intervals: every expression's value range for inputs in the generated input range, so that
# domain-restricted functions get operands they accept and values stay finite.

BIG = 64.0


def interval(e, env):
    k = e[0]
    if k == "tile":
        return env["tensors"][e[1]]
    if k == "local":
        return env["locals"][e[1]]
    if k == "zeros":
        return (0.0, 0.0)
    if k == "fill":
        return (e[1], e[1])
    if k == "scalar":
        s = env["scalars"][e[3]] if isinstance(e[3], str) else e[3]
        a = interval(e[2], env)
        b = (s, s)
        return binop_interval(e[1], b, a) if e[4] else binop_interval(e[1], a, b)
    if k in BINARY:
        return binop_interval(k, interval(e[1], env), interval(e[2], env))
    if k == "matmul":
        a, b = interval(e[1], env), interval(e[2], env)
        lo, hi = binop_interval("mul", a, b)
        return (32 * min(lo, 0.0), 32 * max(hi, 0.0))
    a = interval(e[1], env)
    return unary_interval(k, a)


def binop_interval(k, a, b):
    if k == "add":
        return (a[0] + b[0], a[1] + b[1])
    if k == "sub":
        return (a[0] - b[1], a[1] - b[0])
    p = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
    return (min(p), max(p))


def unary_interval(k, a):
    lo, hi = a
    if k == "exp":
        return (math.exp(max(lo, -80)), math.exp(min(hi, 80)))
    if k == "log":
        return (math.log(lo), math.log(hi)) if lo > 0 else (-math.inf, math.inf)
    if k == "sqrt":
        return (math.sqrt(lo), math.sqrt(hi)) if lo >= 0 else (-math.inf, math.inf)
    if k == "rsqrt":
        return (1 / math.sqrt(hi), 1 / math.sqrt(lo)) if lo > 0 else (-math.inf, math.inf)
    if k == "recip":
        return (1 / hi, 1 / lo) if lo > 0 else (-math.inf, math.inf)
    if k == "relu":
        return (max(lo, 0.0), max(hi, 0.0))
    if k == "gelu":
        return (min(-0.17, lo), max(hi, 0.0))
    if k == "sigmoid":
        return (1 / (1 + math.exp(-max(lo, -80))), 1 / (1 + math.exp(-min(hi, 80))))
    if k == "tanh":
        return (math.tanh(lo), math.tanh(hi))
    if k == "abs":
        return (0.0 if lo <= 0 <= hi else min(abs(lo), abs(hi)), max(abs(lo), abs(hi)))
    if k == "square":
        m = max(abs(lo), abs(hi))
        return (0.0 if lo <= 0 <= hi else min(lo * lo, hi * hi), m * m)
    if k in ("neg", "minus"):
        return (-hi, -lo)
    if k in ("row_sum", "col_sum"):
        return (32 * min(lo, 0.0), 32 * max(hi, 0.0))
    if k == "tile_sum":
        return (1024 * min(lo, 0.0), 1024 * max(hi, 0.0))
    if k in ("row_max", "col_max", "tile_max"):
        return (min(lo, 0.0), max(hi, 0.0))
    return (lo, hi)  # broadcasts, transpose


def tame(iv, limit=BIG):
    return math.isfinite(iv[0]) and math.isfinite(iv[1]) and -limit <= iv[0] and iv[1] <= limit


# ---------------------------------------------------------------------------------------------
# The expression generator


class ExprGen:
    """Random tile expressions over given leaves.

    leaves: list of (expr, weight). ctx['step'] marks an accumulation step, where a
    reduction, broadcast or transpose takes a tensor tile directly and no maximum is allowed.
    """

    def __init__(self, rng, env, leaves, scalars, ctx):
        self.rng, self.env, self.leaves, self.scalars, self.ctx = rng, env, leaves, scalars, ctx

    def leaf(self):
        exprs = [l for l, _ in self.leaves]
        weights = [w for _, w in self.leaves]
        e = self.rng.choices(exprs, weights)[0]
        if self.rng.random() < 0.06 and not self.ctx.get("no_fill"):
            return ["fill", self.rng.choice([0.5, 1.5, -0.25, 2.0, 0.75])]
        return list(e)

    def tensor_leaf(self):
        tiles = [l for l, _ in self.leaves if l[0] == "tile"]
        return list(self.rng.choice(tiles)) if tiles else self.leaf()

    def positive(self, depth):
        """An operand for log/sqrt/rsqrt/recip: strictly positive by construction."""
        r = self.rng.random()
        inner = self.expr(depth - 1)
        if r < 0.3:
            return ["exp", self.clamp_for_exp(inner)]
        if r < 0.55:
            return ["scalar", "add", ["abs", inner], self.rng.choice([0.5, 1.0, 0.25]), False]
        if r < 0.75:
            return ["scalar", "add", ["square", inner], self.rng.choice([0.5, 1.0]), True]
        if r < 0.9:
            return ["sigmoid", inner]
        return ["scalar", "add", ["sigmoid", inner], 0.5, False]

    def clamp_for_exp(self, e):
        lo, hi = interval(e, self.env)
        if hi > 2.5 or lo < -6:
            return ["tanh", e] if self.rng.random() < 0.5 else ["sigmoid", e]
        return e

    def expr(self, depth):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.18:
            return self.leaf()
        r = rng.random()
        step = self.ctx.get("step")
        if r < 0.38:
            op = rng.choice(UNARY)
            if op in POSITIVE_ONLY:
                return [op, self.positive(depth)]
            sub = self.expr(depth - 1)
            if op == "exp":
                sub = self.clamp_for_exp(sub)
            return [op, sub]
        if r < 0.66:
            op = rng.choice(BINARY)
            return [op, self.expr(depth - 1), self.expr(depth - 1)]
        if r < 0.80:
            op = rng.choice(BINARY)
            if self.scalars and rng.random() < 0.6:
                s = rng.choice(self.scalars)
            else:
                s = rng.choice([0.5, 2.0, -1.5, 0.25, 3.0, -0.75, 1.0])
            return ["scalar", op, self.expr(depth - 1), s, rng.random() < 0.4]
        if r < 0.88 and not self.ctx.get("no_reduce"):
            ops = [o for o in REDUCTIONS if not (step and o.endswith("max"))]
            op = rng.choice(ops)
            sub = self.tensor_leaf() if step else self.expr(depth - 1)
            red = [op, sub]
            if "sum" in op:  # keep sums of 32 or 1024 elements in range
                red = ["scalar", "mul", red, 1.0 / 32 if op != "tile_sum" else 1.0 / 256, False]
            return red
        if r < 0.95 and not self.ctx.get("no_bcast"):
            op = rng.choice(BINARY)
            bop = self.bcast_operand(rng, step, depth)
            other = self.expr(depth - 1)
            while has_broadcast(other):
                other = self.leaf()
            return [op, bop, other] if rng.random() < 0.5 else [op, other, bop]
        if not self.ctx.get("no_transpose"):
            sub = self.tensor_leaf() if step else self.expr(depth - 1)
            return ["transpose", sub]
        return self.leaf()

    def bcast_operand(self, rng, step, depth):
        kind = rng.choice(BROADCASTS)
        # Broadcasting a reduction's result is the common use: row_max -> bcast_col etc.
        partner = {"bcast_col": ["row_sum", "row_max"], "bcast_row": ["col_sum", "col_max"],
                   "bcast_scalar": ["tile_sum", "tile_max"]}[kind]
        if step:
            return [kind, self.tensor_leaf()]
        if rng.random() < 0.5 and not self.ctx.get("no_reduce"):
            red = rng.choice(partner)
            sub = [red, self.expr(depth - 2)]
            if "sum" in red:
                sub = ["scalar", "mul", sub, 1.0 / 32 if red != "tile_sum" else 1.0 / 256, False]
            return [kind, sub]
        return [kind, self.expr(depth - 2)]

    def good(self, e, max_size=12, max_need=3):
        iv = interval(e, self.env)
        if not tame(iv):
            return False
        if size(e) > max_size or dst_need(e) > max_need:
            return False
        return domain_ok(e, self.env)

    def make(self, depth, tries=40, **limits):
        for _ in range(tries):
            e = self.expr(depth)
            if self.good(e, **limits):
                return e
        return self.leaf()


def domain_ok(e, env):
    """Every operand of a restricted function is in its domain; nothing overflows."""
    k = e[0]
    for c in children(e):
        if not domain_ok(c, env):
            return False
    iv = interval(e, env)
    if not tame(iv, 1e4):
        return False
    if k in POSITIVE_ONLY:
        lo, _ = interval(e[1], env)
        if lo < 0.05:
            return False
    if k == "exp":
        if interval(e[1], env)[1] > 4:
            return False
    return True


# ---------------------------------------------------------------------------------------------
# The numerical screen: exact evaluation against a pessimistic model of the device.

N = 32 * 32


def to_bf16(xs):
    u = array.array("I")
    u.frombytes(array.array("f", [min(max(x, -3e38), 3e38) for x in xs]).tobytes())
    out = array.array("I", [((v + 0x7FFF + ((v >> 16) & 1)) & 0xFFFF0000) for v in u])
    return array.array("f", out.tobytes()).tolist()


def to_f32(xs):
    return array.array("f", [min(max(x, -3e38), 3e38) for x in xs]).tolist()


class Sim:
    """Evaluates tile expressions on lists of 1024 floats (row-major 32x32).

    noisy=False: float64, i.e. exact up to the final store (the reference rounds once per
    operation in float; float64 is closer to the truth than either side).
    noisy=True: every operation's result is perturbed by a relative error (larger for the
    functions the hardware approximates) and rounded to the DST format.
    """

    def __init__(self, rng, noisy, bf16):
        self.rng, self.noisy, self.bf16 = rng, noisy, bf16

    def round(self, xs, op):
        if not self.noisy:
            return xs
        d = 2.0 ** -8 if op in APPROXIMATED else 2.0 ** -11
        r = self.rng.random
        xs = [x * (1.0 + d * (2 * r() - 1)) for x in xs]
        return to_bf16(xs) if self.bf16 else to_f32(xs)

    def eval(self, e, env):
        k = e[0]
        if k == "tile":
            return env["tiles"][(e[1], tuple(e[2]))]
        if k == "local":
            return env["locals"][e[1]]
        if k == "zeros":
            return [0.0] * N
        if k == "fill":
            return [float(e[1])] * N
        if k == "scalar":
            s = env["scalars"][e[3]] if isinstance(e[3], str) else float(e[3])
            t = self.eval(e[2], env)
            if e[1] == "add":
                out = [x + s for x in t]
            elif e[1] == "mul":
                out = [x * s for x in t]
            else:
                out = [s - x for x in t] if e[4] else [x - s for x in t]
            return self.round(out, "scalar")
        if k in BINARY:
            a, b = self.eval(e[1], env), self.eval(e[2], env)
            if k == "add":
                out = [x + y for x, y in zip(a, b)]
            elif k == "sub":
                out = [x - y for x, y in zip(a, b)]
            else:
                out = [x * y for x, y in zip(a, b)]
            return self.round(out, k)
        if k == "matmul":
            a, b = self.eval(e[1], env), self.eval(e[2], env)
            out = []
            cols = [b[j::32] for j in range(32)]
            for i in range(32):
                row = a[32 * i:32 * i + 32]
                out.extend(sum(x * y for x, y in zip(row, col)) for col in cols)
            return self.round(out, k)
        t = self.eval(e[1], env)
        return self.round(apply_unary(k, t), k)


def gelu(x):
    return 0.5 * x * (1.0 + math.erf(x / 1.4142135381698608))


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x)) if x > -80 else 0.0


def apply_unary(k, t):
    if k == "exp":
        return [math.exp(min(x, 88.0)) for x in t]
    if k == "log":
        return [math.log(x) if x > 0 else -1e30 for x in t]
    if k == "sqrt":
        return [math.sqrt(x) if x >= 0 else 0.0 for x in t]
    if k == "rsqrt":
        return [1.0 / math.sqrt(x) if x > 0 else 1e30 for x in t]
    if k == "recip":
        return [1.0 / x if x != 0 else 1e30 for x in t]
    if k == "relu":
        return [x if x > 0 else 0.0 for x in t]
    if k == "gelu":
        return [gelu(x) for x in t]
    if k == "sigmoid":
        return [sigmoid(x) for x in t]
    if k == "tanh":
        return [math.tanh(x) for x in t]
    if k == "abs":
        return [abs(x) for x in t]
    if k == "square":
        return [x * x for x in t]
    if k in ("neg", "minus"):
        return [-x for x in t]
    if k in ("row_sum", "row_max"):
        f = sum if k == "row_sum" else max
        out = [0.0] * N
        for r in range(32):
            out[32 * r] = f(t[32 * r:32 * r + 32])
        return out
    if k in ("col_sum", "col_max"):
        f = sum if k == "col_sum" else max
        out = [0.0] * N
        for c in range(32):
            out[c] = f(t[c::32])
        return out
    if k in ("tile_sum", "tile_max"):
        out = [0.0] * N
        out[0] = sum(t) if k == "tile_sum" else max(t)
        return out
    if k == "bcast_row":
        return t[:32] * 32
    if k == "bcast_col":
        return [t[32 * r] for r in range(32) for _ in range(32)]
    if k == "bcast_scalar":
        return [t[0]] * N
    if k == "transpose":
        return [t[32 * c + r] for r in range(32) for c in range(32)]
    raise ValueError(k)


# Tolerances of docs/tilesplit-run.md; the screen asks for a margin below them.
TOLERANCE = {"elementwise": (1e-2, 2e-2, 0.0, 0.999), "accumulating": (5e-2, 5e-2, 2e-2, 0.99)}
MARGIN = 0.4


def judge(dev, ref, kind):
    atol, rtol, srtol, min_pcc = TOLERANCE[kind]
    scale = max(abs(y) for y in ref)
    for x, y in zip(dev, ref):
        if not math.isfinite(x) or not math.isfinite(y):
            return False
        if abs(x - y) > MARGIN * (atol + rtol * abs(y) + srtol * scale):
            return False
    n = len(ref)
    mx, my = sum(dev) / n, sum(ref) / n
    vx = sum((x - mx) ** 2 for x in dev)
    vy = sum((y - my) ** 2 for y in ref)
    if vx <= 1e-30 and vy <= 1e-30:
        return True
    if vx <= 1e-30 or vy <= 1e-30:
        return False
    pcc = sum((x - mx) * (y - my) for x, y in zip(dev, ref)) / math.sqrt(vx * vy)
    return pcc >= 1 - MARGIN * (1 - min_pcc)


# ---------------------------------------------------------------------------------------------
# Programs


def fresh_inputs(rng, lo, hi, bf16):
    xs = [rng.uniform(lo, hi) for _ in range(N)]
    return to_bf16(xs) if bf16 else to_f32(xs)


def store_round(xs, bf16):
    return to_bf16(xs) if bf16 else to_f32(xs)


class KernelBuilder:
    """Builds one random kernel (a dict) of one of the shapes below."""

    def __init__(self, rng, name, opts):
        self.rng, self.name, self.opts = rng, name, opts

    def common(self):
        rng = self.rng
        fmt = "float" if rng.random() < 0.25 else "bf16"
        fp32_dest = fmt == "float" or rng.random() < 0.25
        rng_choice = rng.choice([(-1.0, 1.0), (-1.0, 1.0), (-2.0, 2.0), (0.25, 2.0), (-0.5, 1.5)])
        return {"name": self.name, "format": fmt, "fp32_dest_acc": fp32_dest and fmt == "bf16" and
                rng.random() < 0.8, "range": list(rng_choice), "scalars": [], "tensors": [],
                "phases": [], "grid": self.grid(), "seed": rng.randrange(1, 1 << 30)}

    def grid(self):
        rng = self.rng
        return rng.choice(["1x1", "2x2", "2x3", "3x1", "4x4", "8x8", "5x3", "1x7"])

    def scalars(self, k, n):
        out = []
        for i in range(n):
            v = self.rng.choice([0.5, -0.75, 1.25, 2.0, -1.5, 0.3])
            out.append({"name": "s%d" % i, "type": "float", "value": v})
        k["scalars"] += out
        return [s["name"] for s in out]

    def loop_clause(self):
        r = self.rng.random()
        if r < 0.25:
            return " buffers(%d)" % self.rng.choice([1, 2, 3, 4, 6])
        return ""


def env_for(k, tensors_iv, locals_iv=None):
    return {"tensors": tensors_iv, "locals": dict(locals_iv or {}),
            "scalars": {s["name"]: s["value"] for s in k["scalars"]}}


def gen_map(rng, kb, k, two_d):
    """Elementwise phases: parallel loop(s), tile locals, one or more outputs."""
    R, C = rng.randint(1, 4), rng.randint(1, 5)
    lo, hi = k["range"]
    inputs = []
    n_in = rng.randint(1, 3)
    for i in range(n_in):
        inputs.append({"name": "x%d" % i, "rows": R, "cols": C})
    leaves = []
    tensors_iv = {}
    if two_d:
        idx = ["r", "c"]
        # Broadcast partners and a transposed input.
        extras = []
        if rng.random() < 0.5:
            extras.append(({"name": "brow", "rows": 1, "cols": C}, ["0", "c"]))
        if rng.random() < 0.5:
            extras.append(({"name": "bcol", "rows": R, "cols": 1}, ["r", "0"]))
        if rng.random() < 0.3:
            extras.append(({"name": "bone", "rows": 1, "cols": 1}, ["0", "0"]))
        if rng.random() < 0.3:
            extras.append(({"name": "xt", "rows": C, "cols": R}, ["c", "r"]))
    else:
        idx = ["i"]
        extras = []
    shift = 0
    if not two_d and rng.random() < 0.2:
        shift = rng.randint(1, 2)
    for t in inputs:
        tensors_iv[t["name"]] = (lo, hi)
        if shift:
            for d in range(shift + 1):
                leaves.append((["tile", t["name"], ["i - %d" % d if d else "i"]], 1))
        else:
            leaves.append((["tile", t["name"], idx], 3))
    for t, tidx in extras:
        inputs.append(t)
        tensors_iv[t["name"]] = (lo, hi)
        leaves.append((["tile", t["name"], tidx], 1))
    scal = kb.scalars(k, rng.randint(0, 2))
    n_out = rng.choices([1, 2, 3], [6, 3, 1])[0]
    outputs = []
    transposed_out = two_d and rng.random() < 0.15
    for j in range(n_out):
        tr = transposed_out and j == 0
        outputs.append({"name": "y%d" % j, "rows": C if tr else R, "cols": R if tr else C,
                        "index": ["c", "r"] if tr else (["i - %d" % shift] if shift else idx)})
    k["tensors"] += inputs + [{"name": o["name"], "rows": o["rows"], "cols": o["cols"]}
                              for o in outputs]
    env = env_for(k, tensors_iv)
    gen = ExprGen(rng, env, leaves, scal, {})
    stmts = []
    n_locals = rng.choice([0, 0, 1, 2, 3])
    local_leaves = []
    for li in range(n_locals):
        name = "t%d" % li
        e = gen.make(rng.randint(1, 3))
        env["locals"][name] = interval(e, env)
        stmts.append({"kind": "local", "name": name, "expr": e})
        local_leaves.append((["local", name], 4))
        gen.leaves = leaves + local_leaves
    for o in outputs:
        e = gen.make(rng.randint(1, 4))
        stmts.append({"kind": "store", "tensor": o["name"], "index": o["index"], "expr": e})
    if two_d:
        loops = [{"var": "r", "bound": bound_text(rng, k, "r", outputs[0], R, C),
                  "kind": "parallel", "begin": 0, "clause": ""},
                 {"var": "c", "bound": bound_text(rng, k, "c", outputs[0], R, C),
                  "kind": "parallel", "begin": 0, "clause": kb.loop_clause()}]
    else:
        loops = [{"var": "i", "bound": "%s.num_tiles()" % outputs[0]["name"] if not shift else
                  "%s.num_tiles()" % inputs[0]["name"], "kind": "parallel", "begin": shift,
                  "clause": kb.loop_clause()}]
    return {"loops": loops, "body": stmts}


def bound_text(rng, k, var, out, R, C):
    name = out["name"]
    transposed = out["index"] == ["c", "r"]
    if var == "r":
        return "%s.tile_%s()" % (name, "cols" if transposed else "rows")
    return "%s.tile_%s()" % (name, "rows" if transposed else "cols")


def gen_reduce(rng, kb, k):
    """parallel loop(s) { Tile acc = ...; reduce loop { acc += step }; store(epilogue) }."""
    variant = rng.choice(["matmul", "matmul", "rows", "cols", "rows"])
    lo, hi = k["range"]
    scal = kb.scalars(k, rng.randint(0, 2))
    blocked = rng.random() < 0.3
    cap = 4 if (k["fp32_dest_acc"] or k["format"] == "float") else 8
    if variant == "matmul":
        M, K, Nn = rng.randint(1, 4), rng.randint(1, 4), rng.randint(1, 4)
        k["tensors"] += [{"name": "A", "rows": M, "cols": K}, {"name": "B", "rows": K, "cols": Nn}]
        tiv = {"A": (lo, hi), "B": (lo, hi)}
        extra = []
        if rng.random() < 0.4:
            k["tensors"].append({"name": "D", "rows": M, "cols": Nn})
            tiv["D"] = (lo, hi)
            extra.append(["tile", "D", ["m", "n"]])
        if rng.random() < 0.3:
            k["tensors"].append({"name": "bias", "rows": 1, "cols": Nn})
            tiv["bias"] = (lo, hi)
            extra.append(["tile", "bias", ["0", "n"]])
        k["tensors"].append({"name": "C", "rows": M, "cols": Nn})
        step = ["matmul", ["tile", "A", ["m", "k"]], ["tile", "B", ["k", "n"]]]
        steps = 1
        loops = [{"var": "m", "bound": "A.tile_rows()", "kind": "parallel", "begin": 0,
                  "clause": ""},
                 {"var": "n", "bound": "B.tile_cols()", "kind": "parallel", "begin": 0,
                  "clause": ""}]
        red = {"var": "k", "bound": "A.tile_cols()", "kind": "reduce", "begin": 0,
               "clause": kb.loop_clause()}
        out, out_idx = "C", ["m", "n"]
        step_iv = (32 * min(lo * hi, lo * lo, hi * hi, 0) * 1.0, 32 * max(lo * lo, hi * hi))
    else:
        R, Cc = rng.randint(1, 4), rng.randint(1, 5)
        k["tensors"].append({"name": "x", "rows": R, "cols": Cc})
        tiv = {"x": (lo, hi)}
        if variant == "rows":
            tidx, loops = ["r", "k"], [{"var": "r", "bound": "x.tile_rows()", "kind": "parallel",
                                        "begin": 0, "clause": ""}]
            red = {"var": "k", "bound": "x.tile_cols()", "kind": "reduce", "begin": 0,
                   "clause": kb.loop_clause()}
            out, out_idx = "s", ["r", "0"]
            k["tensors"].append({"name": "s", "rows": R, "cols": 1})
        else:
            tidx, loops = ["k", "c"], [{"var": "c", "bound": "x.tile_cols()", "kind": "parallel",
                                        "begin": 0, "clause": ""}]
            red = {"var": "k", "bound": "x.tile_rows()", "kind": "reduce", "begin": 0,
                   "clause": kb.loop_clause()}
            out, out_idx = "s", ["0", "c"]
            k["tensors"].append({"name": "s", "rows": 1, "cols": Cc})
        extra = []
        leaves = [(["tile", "x", tidx], 1)]
        env = env_for(k, tiv)
        gen = ExprGen(rng, env, leaves, scal, {"step": True, "no_bcast": True,
                                                "no_transpose": True, "no_fill": True})
        step = gen.make(rng.randint(1, 2), max_size=5, max_need=2)
        steps = max(R, Cc)
        step_iv = interval(step, env)
    init = ["zeros"] if rng.random() < 0.7 else ["fill", rng.choice([0.5, 1.0, -0.25])]
    acc_iv = (min(init[-1] if init[0] == "fill" else 0, 0) + steps * min(step_iv[0], 0),
              max(init[-1] if init[0] == "fill" else 0, 0) + steps * max(step_iv[1], 0))
    env = env_for(k, tiv, {"acc": acc_iv})
    body = [{"kind": "local", "name": "acc", "expr": init},
            {"kind": "loop", "loop": red, "body": [{"kind": "accum", "name": "acc",
                                                    "expr": step}]}]
    if blocked:
        # The loop body of a DST block is one accumulation; the result stays in acc's slot.
        nb = len(loops)
        sizes = [rng.randint(1, 4) for _ in loops]
        epi = rng.choice([["local", "acc"], ["relu", ["local", "acc"]]] +
                         ([["add", ["local", "acc"], extra[0]]] if extra else []) +
                         ([["scalar", "mul", ["add", ["local", "acc"], extra[0]], scal[0], False]]
                          if extra and scal else []))
        # Slots above the accumulators: the epilogue's tensor tile, a computed step's operands.
        need = 1 if any(e[0] == "tile" for e in children(epi)) or (
            epi[0] == "scalar" and epi[2][0] == "add") else 0
        if step[0] != "matmul":
            need = max(need, dst_need(step))
        while math.prod(sizes) + need > cap:
            i = sizes.index(max(sizes))
            sizes[i] -= 1
        for l, s in zip(loops, sizes):
            if s > 1 or rng.random() < 0.3:
                l["clause"] = " block(%d)" % s
        if all("block" not in l["clause"] for l in loops):
            loops[-1]["clause"] = " block(1)"
        body.append({"kind": "store", "tensor": out, "index": out_idx, "expr": epi})
        return {"loops": loops, "body": body}
    leaves = [(["local", "acc"], 4)] + [(e, 1) for e in extra]
    # No reduction in the epilogue: its operand would need DST while the accumulator holds
    # it, which the translator rejects (tilesplit-unsupported-expression).
    epilogue_ctx = {"no_fill": True, "no_reduce": True}
    gen = ExprGen(rng, env, leaves, scal, epilogue_ctx)
    # The accumulator is used once, by the statement right after its loop.
    softmax = variant == "rows" and rng.random() < 0.35
    if softmax:
        # A softmax-like second pass over the row: the accumulator's row sums broadcast.
        body.append({"kind": "local", "name": "inv",
                     "expr": ["recip", ["scalar", "add", ["abs", ["row_sum", ["local", "acc"]]],
                                        1.0, False]]})
        env["locals"]["inv"] = (0.0, 1.0)
        leaves = [(["local", "inv"], 4)] + [(e, 1) for e in extra]
    gen = ExprGen(rng, env, leaves, scal, epilogue_ctx)
    for _ in range(40):
        epi = gen.make(rng.randint(0, 2))
        if sum(locals_used(epi).values()) == 1 or softmax:
            break
    else:
        epi = leaves[0][0]
    body.append({"kind": "store", "tensor": out, "index": out_idx, "expr": epi})
    if softmax:
        k["tensors"].append({"name": "y", "rows": k["tensors"][0]["rows"],
                             "cols": k["tensors"][0]["cols"]})
        seq = {"var": "c", "bound": "x.tile_cols()", "kind": "seq", "begin": 0,
               "clause": kb.loop_clause()}
        f = rng.choice([["tile", "x", ["r", "c"]], ["exp", ["tile", "x", ["r", "c"]]],
                        ["abs", ["tile", "x", ["r", "c"]]]])
        body.append({"kind": "loop", "loop": seq, "body": [
            {"kind": "store", "tensor": "y", "index": ["r", "c"],
             "expr": ["mul", f, ["bcast_col", ["local", "inv"]]]}]})
    return {"loops": loops, "body": body}


def gen_kernel(rng, name, opts):
    kb = KernelBuilder(rng, name, opts)
    k = kb.common()
    shape = rng.choices(["map1d", "map2d", "reduce"], [4, 3, 3])[0]
    if shape == "reduce":
        k["phases"].append(gen_reduce(rng, kb, k))
    else:
        k["phases"].append(gen_map(rng, kb, k, shape == "map2d"))
    k["tolerance"] = "accumulating" if shape == "reduce" else "elementwise"
    if k["grid"] and rng.random() < 0.1:
        gx, gy = (int(v) for v in k["grid"].split("x"))
        k["grid_clause"] = [rng.randint(1, gx), rng.randint(1, gy)]
    return k


# ---------------------------------------------------------------------------------------------
# Screening a kernel numerically


def tensor_is_bf16(k):
    return k["format"] == "bf16"


def screen(k, rng, trials=2):
    """True when every output is judged equal by tilesplit-run's tolerance under the device
    model, with a margin (see MARGIN)."""
    bf16 = tensor_is_bf16(k)
    lo, hi = k["range"]
    for trial in range(trials):
        tiles = {}
        scal = {s["name"]: s["value"] for s in k["scalars"]}
        exact = Sim(rng, False, bf16)
        noisy = Sim(rng, True, bf16 and not k["fp32_dest_acc"])
        results = {}

        def tile_env():
            class Tiles(dict):
                def __missing__(self, key):
                    v = fresh_inputs(rng, lo, hi, bf16)
                    self[key] = v
                    return v
            return Tiles()
        tiles = tile_env()
        for ph in k["phases"]:
            run_body(ph["body"], exact, noisy, tiles, scal, results, bf16, k)
        kind = k["tolerance"]
        for name, (ref, dev) in results.items():
            if not judge(store_round(dev, bf16), store_round(ref, bf16), kind):
                return False
    return True


def run_body(body, exact, noisy, tiles, scal, results, bf16, k):
    """Evaluates one instance of a phase body (one output tile per store, one pass per loop
    with its real trip count for reduce loops)."""
    envs = {"x": {"tiles": tiles, "locals": {}, "scalars": scal},
            "d": {"tiles": tiles, "locals": {}, "scalars": scal}}
    trip = {}
    for t in k["tensors"]:
        trip[t["name"]] = (t["rows"], t["cols"])

    def exec_stmts(stmts):
        for s in stmts:
            if s["kind"] == "local":
                envs["x"]["locals"][s["name"]] = exact.eval(s["expr"], envs["x"])
                envs["d"]["locals"][s["name"]] = noisy.eval(s["expr"], envs["d"])
            elif s["kind"] == "accum":
                for env, sim in ((envs["x"], exact), (envs["d"], noisy)):
                    acc = env["locals"][s["name"]]
                    add = sim.eval(s["expr"], env)
                    env["locals"][s["name"]] = sim.round([a + b for a, b in zip(acc, add)], "add")
            elif s["kind"] == "loop":
                n = loop_trips(s["loop"], trip)
                for it in range(n if s["loop"]["kind"] == "reduce" else 1):
                    # Distinct tiles per reduce step: rebind the reduce variable's tiles.
                    for key in [key for key in tiles if s["loop"]["var"] in key[1]]:
                        del tiles[key]
                    exec_stmts(s["body"])
            elif s["kind"] == "store":
                results[s["tensor"]] = (exact.eval(s["expr"], envs["x"]),
                                        noisy.eval(s["expr"], envs["d"]))
    exec_stmts(body)


def loop_trips(loop, trip):
    b = loop["bound"]
    name, member = b.split(".")
    rows, cols = trip[name]
    return {"tile_rows()": rows, "tile_cols()": cols, "num_tiles()": rows * cols}[member]


def gen_screened_kernel(rng, name, opts, tries=30):
    for _ in range(tries):
        k = gen_kernel(rng, name, opts)
        if screen(k, rng):
            return k
    return None


# ---------------------------------------------------------------------------------------------
# Rendering


def render_kernel(k):
    T = "float" if k["format"] == "float" else "bf16"
    params = ["Tensor<%s> %s" % (T, t["name"]) for t in k["tensors"]]
    params += ["%s %s" % (s["type"], s["name"]) for s in k["scalars"]]
    lines = []
    clauses = []
    if k.get("fp32_dest_acc"):
        clauses.append("fp32_dest_acc")
    if k.get("grid_clause"):
        clauses.append("grid(%d, %d)" % tuple(k["grid_clause"]))
    if clauses:
        lines.append("#pragma tt kernel " + " ".join(clauses))
    lines.append("void %s(%s) {" % (k["name"], ", ".join(params)))
    for ph in k["phases"]:
        render_nest(ph["loops"], ph["body"], lines, 1)
    lines.append("}")
    return "\n".join(lines)


def render_loop_header(l, lines, ind):
    kind = {"parallel": "parallel", "reduce": "reduce", "seq": ""}[l["kind"]]
    pragma = ("#pragma tt tile_loop " + kind + l.get("clause", "")).rstrip()
    pragma = pragma.replace("tile_loop  ", "tile_loop ")
    lines.append(pragma)
    lines.append("  " * ind + "for (uint32_t %s = %d; %s < %s; ++%s) {" % (
        l["var"], l["begin"], l["var"], l["bound"], l["var"]))


def render_nest(loops, body, lines, ind):
    if loops:
        render_loop_header(loops[0], lines, ind)
        render_nest(loops[1:], body, lines, ind + 1)
        lines.append("  " * ind + "}")
        return
    render_stmts(body, lines, ind)


def render_stmts(body, lines, ind):
    pad = "  " * ind
    for s in body:
        if s["kind"] == "local":
            lines.append(pad + "Tile %s = %s;" % (s["name"], render_expr(s["expr"])))
        elif s["kind"] == "accum":
            lines.append(pad + "%s += %s;" % (s["name"], render_expr(s["expr"])))
        elif s["kind"] == "store":
            lines.append(pad + "%s.tile(%s) = %s;" % (s["tensor"], ", ".join(s["index"]),
                                                      render_expr(s["expr"])))
        elif s["kind"] == "loop":
            render_loop_header(s["loop"], lines, ind)
            render_stmts(s["body"], lines, ind + 1)
            lines.append(pad + "}")


def render(prog):
    out = ["// Generated by test/random/gen.py (seed %s); every kernel is checked on the emulator"
           % prog.get("seed"),
           "// against the CPU reference by tilesplit-run --batch.",
           "#include <tilesplit/tile.hpp>", "using namespace tilesplit;", ""]
    for k in prog["kernels"]:
        out.append(render_kernel(k))
        out.append("")
    return "\n".join(out)


def runs(prog):
    """The tilesplit-run batch: one run per kernel."""
    rs = []
    for k in prog["kernels"]:
        rs.append({"kernel": k["name"],
                   "tensors": {t["name"]: "%dx%d" % (32 * t["rows"], 32 * t["cols"])
                               for t in k["tensors"]},
                   "scalars": {s["name"]: s["value"] for s in k["scalars"]},
                   "seed": k["seed"], "range": "%g:%g" % tuple(k["range"]),
                   "grid": k["grid"], "tolerance": k["tolerance"]})
        if k.get("special_values"):
            rs[-1]["special_values"] = k["special_values"]
    return rs


def generate(seed, n_kernels, opts=None):
    rng = random.Random(seed)
    opts = opts or {}
    kernels = []
    i = 0
    while len(kernels) < n_kernels:
        k = gen_screened_kernel(rng, "k%d" % i, opts)
        i += 1
        if k:
            kernels.append(k)
    api = opts.get("api") or rng.choice(["2026-08", "2026-02"])
    if opts.get("special_values"):
        srng = random.Random("special-values-%d" % seed)
        for k in kernels:
            if srng.random() < SPECIAL_KERNELS:
                k["special_values"] = (SPECIAL_RATES[0] if k["tolerance"] == "accumulating"
                                       else srng.choice(SPECIAL_RATES))
    return {"seed": seed, "api": api, "kernels": kernels}


def write_program(prog, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    src = os.path.join(out_dir, "prog.cpp")
    with open(src, "w") as f:
        f.write(render(prog))
    with open(os.path.join(out_dir, "prog.json"), "w") as f:
        json.dump(prog, f, indent=1)
    with open(os.path.join(out_dir, "batch.json"), "w") as f:
        json.dump(runs(prog), f, indent=1)
    return src


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kernels", type=int, default=4)
    ap.add_argument("--api", choices=["2026-08", "2026-02"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--special-values", action="store_true",
                    help="special input values for a fraction of the kernels (SPECIAL_KERNELS)")
    args = ap.parse_args()
    prog = generate(args.seed, args.kernels, {"api": args.api,
                                              "special_values": args.special_values})
    print(write_program(prog, args.out))


if __name__ == "__main__":
    main()
