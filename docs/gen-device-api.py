#!/usr/bin/env python3
"""Writes docs/emulator.md's table of tt-metal's device API: per header, which functions the
emulator implements and which it does not.

    python3 docs/gen-device-api.py --tree ../shared/tt-metal-2026-02           # rewrite the table
    python3 docs/gen-device-api.py --tree ../shared/tt-metal-2026-02 --check   # fail if stale

The functions are read from the reference tree's own headers (the 2026-02 API: the dataflow API,
compute_kernel_api.h and compute_kernel_api/**): every function declared at namespace scope whose
name is public (not `_`-prefixed, not an `llk_` call, not in a `detail` or `internal` namespace).
Whether the emulator has one is asked of the compiler, not read off the emulator's sources: a
probe translation unit includes every emulator header of that kernel kind for the 2026-02
profile, as a kernel would see them, and names each function in a using-declaration; the ones
clang reports as missing are the ones the emulator lacks. Functions the emulator accepts but that
change nothing in its model are listed with the reason (NO_EFFECT below), so nothing is a silent
stub. Exits 77 (CTest's skip) when the tree is not there.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "emulator.md")
BEGIN, END = "<!-- device-api:begin -->", "<!-- device-api:end -->"
SKIP = 77

# Accepted by the emulator, without effect on what it computes, and why.
NO_EFFECT = {
    "reconfig_data_format": "the unpacker reads each CB's own format on every unpack",
    "reconfig_data_format_srca": "the unpacker reads each CB's own format on every unpack",
    "reconfig_data_format_srcb": "the unpacker reads each CB's own format on every unpack",
    "pack_reconfig_data_format": "the packer writes each CB's own format on every pack",
    "pack_reconfig_l1_acc": "with 0; enabling L1 accumulation is an emulator error",
}

# (kernel kind, headers of the reference tree relative to tree/tt_metal, emulator headers to
# include in the probe, the prelude's defines)
KINDS = [
    ("data movement",
     ["hw/inc/api/dataflow/dataflow_api.h"],
     ["api/dataflow/dataflow_api.h"],
     ["COMPILE_FOR_BRISC 1"]),
    ("compute",
     ["include/compute_kernel_api.h", "include/compute_kernel_api/"],
     None,  # every header of the profile's compute tree
     ["COMPILE_FOR_TRISC 1", "MAIN kernel_main()"]),
]

DECL = re.compile(
    r"^(?:template\s*<.*>\s*)?"
    r"(?:(?:FORCE_INLINE|ALWI|inline|static|constexpr|__attribute__\(\([\w\s,]*\)\)|\[\[[^\]]*\]\])\s+)*"
    r"(?:const\s+)?[A-Za-z_][\w:]*(?:<[^()]*>)?[\s\*&]+([a-z_][a-z0-9_]*)\s*\(")
NAMESPACE = re.compile(r"^namespace\s+([\w:]+)\s*\{")
NOT_TYPES = {"return", "else", "case", "do", "using", "typedef", "goto", "throw", "delete", "new"}


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def public_functions(path):
    """(namespace, name) of every public function declared at namespace scope in path."""
    found = []
    depth = 0
    spaces = []  # (name, depth inside it)
    for line in strip_comments(open(path, encoding="utf-8", errors="replace").read()).split("\n"):
        s = line.strip()
        if s.startswith("#"):
            continue
        at_namespace_scope = depth == (spaces[-1][1] if spaces else 0)
        m = NAMESPACE.match(s)
        if m and at_namespace_scope:
            spaces.append((m.group(1), depth + 1))
        elif at_namespace_scope:
            d = DECL.match(s)
            if d and s.split()[0] not in NOT_TYPES:
                ns = "::".join(n for n, _ in spaces)
                name = d.group(1)
                if not (name.startswith("_") or "llk_" in name or
                        re.search(r"detail|internal", ns)):
                    found.append((ns, name))
        s = re.sub(r"'(?:\\.|[^'])'|\"(?:\\.|[^\"])*\"", "", s)
        depth += s.count("{") - s.count("}")
        while spaces and depth < spaces[-1][1]:
            spaces.pop()
    return found


def reference_functions(tree, headers):
    """{header relative to the API root: sorted [(namespace, name)]}."""
    base = os.path.join(tree, "tree", "tt_metal")
    files = []
    for h in headers:
        p = os.path.join(base, h)
        if h.endswith("/"):
            for d, _, names in os.walk(p):
                files += [os.path.join(d, n) for n in names if n.endswith(".h")]
        else:
            files.append(p)
    result = {}
    for f in sorted(files):
        rel = os.path.relpath(f, base)
        rel = re.sub(r"^(include|hw/inc)/", "", rel)
        funcs = sorted(set(public_functions(f)))
        if funcs:
            result[rel] = funcs
    return result


def emulator_headers(profile_dir):
    out = []
    for d, _, names in os.walk(profile_dir):
        out += [os.path.relpath(os.path.join(d, n), profile_dir) for n in names if n.endswith(".h")]
    return sorted(out)


def missing_in_emulator(cxx, functions, includes, defines):
    """The (namespace, name) pairs a kernel compiled against the emulator cannot name."""
    inc = os.path.join(ROOT, "emu", "include")
    lines = ["#define TILESPLIT_EMU_KERNEL 1", "#define TILESPLIT_EMU_API_2026_02 1",
             "#define ARCH_WORMHOLE 1", "#define KERNEL_BUILD 1",
             "#define TILESPLIT_EMU_CT_ARGS", "#define TILESPLIT_EMU_CT_ARG_COUNT 0",
             "#define TILESPLIT_EMU_NAMED_CT_ARGS", "#define KERNEL_COMPILE_TIME_ARGS",
             "#include <cstdint>", "constexpr bool DST_ACCUM_MODE = false;",
             "#define DST_SYNC_MODE DstSync::SyncHalf", "constexpr std::int32_t MATH_FIDELITY = 4;",
             "constexpr bool APPROX = false;"]
    lines += ["#define " + d for d in defines]
    lines += ['#include "%s"' % h for h in includes]
    first = len(lines) + 1
    pairs = sorted({p for funcs in functions.values() for p in funcs})
    # Kernel code names these unqualified, so the emulator may declare one in its namespace or
    # globally: two probes per function, and it is missing when both fail.
    for ns, name in pairs:
        lines += ["using %s::%s;" % (ns, name), "using ::%s;" % name]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "probe.cpp")
        with open(src, "w") as f:
            f.write("\n".join(lines) + "\n")
        r = subprocess.run([cxx, "-std=c++17", "-fsyntax-only", "-ferror-limit=0", "-w",
                            "-I", os.path.join(inc, "common"), "-I", os.path.join(inc, "api-2026-02"),
                            src], capture_output=True, text=True)
    failed = {}
    for m in re.finditer(r"probe\.cpp:(\d+):\d+: error: (.*)", r.stderr):
        line = int(m.group(1))
        if line < first:
            raise SystemExit("gen-device-api: the emulator's headers do not compile together:\n" +
                             r.stderr[:4000])
        pair = pairs[(line - first) // 2]
        failed[pair] = failed.get(pair, 0) + 1
    return {pair for pair, n in failed.items() if n == 2}


def table(tree, cxx):
    rows = ["", "Generated by `docs/gen-device-api.py` from the reference tree's headers (tt-metal "
            "%s, the 2026-02 API) and a compile of every name against the emulator's 2026-02 "
            "headers; a function is listed once per header that declares it, overloads together."
            % commit_of(tree), ""]
    totals = [0, 0]
    body = []
    for kind, headers, includes, defines in KINDS:
        functions = reference_functions(tree, headers)
        if includes is None:
            includes = emulator_headers(os.path.join(ROOT, "emu", "include", "api-2026-02"))
        missing = missing_in_emulator(cxx, functions, includes, defines)
        body += ["", "**%s** kernels:" % kind.capitalize(), "",
                 "| header | emulated | not emulated |", "|---|---|---|"]
        for header, funcs in functions.items():
            have = [n for ns, n in funcs if (ns, n) not in missing]
            lack = [n for ns, n in funcs if (ns, n) in missing]
            totals[0] += len(have)
            totals[1] += len(lack)
            shown = ["`%s`%s" % (n, " (no effect: %s)" % NO_EFFECT[n] if n in NO_EFFECT else "")
                     for n in have]
            body.append("| `%s` | %s | %s |" % (header, ", ".join(shown) or "-",
                                               ", ".join("`%s`" % n for n in lack) or "-"))
    rows.append("%d functions: %d emulated, %d not (a kernel that calls one of those does not "
                "compile on the emulator; it is never stubbed)." % (sum(totals), totals[0], totals[1]))
    return "\n".join([BEGIN] + rows + body + ["", END])


def commit_of(tree):
    readme = os.path.join(tree, "README.md")
    m = re.search(r"commit ([0-9a-f]{12,40})", open(readme).read()) if os.path.exists(readme) else None
    return m.group(1)[:12] if m else "(unknown commit)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", required=True, help="a tt-metal reference folder (tree/, README.md)")
    ap.add_argument("--cxx", default="clang++-19")
    ap.add_argument("--check", action="store_true", help="fail if docs/emulator.md is stale")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.tree, "tree")):
        print("gen-device-api: no tt-metal tree at %s: skipped" % args.tree)
        return SKIP
    text = table(args.tree, args.cxx)
    doc = open(DOC).read()
    if BEGIN not in doc or END not in doc:
        raise SystemExit("gen-device-api: %s has no %s ... %s markers" % (DOC, BEGIN, END))
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = head + text + tail
    if args.check:
        if new != doc:
            print("gen-device-api: docs/emulator.md's device API table is stale; run "
                  "python3 docs/gen-device-api.py --tree %s" % args.tree)
            return 1
        print("gen-device-api: docs/emulator.md's device API table is up to date")
        return 0
    with open(DOC, "w") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
