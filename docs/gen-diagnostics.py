#!/usr/bin/env python3
"""Keeps docs/diagnostics.md, Diagnostics.def and test/lit/diagnostics/ in step.

    docs/gen-diagnostics.py [--tilesplit build/bin/tilesplit]
        Rewrites the generated part of docs/diagnostics.md (the table and one
        section per diagnostic) from Diagnostics.def and the lit tests, running
        tilesplit on each test so the outputs shown are real ones.

    docs/gen-diagnostics.py --check
        Runs nothing; fails if a diagnostic of Diagnostics.def has no lit test
        named after it or no row and section in the docs, or if an output in
        the docs no longer matches what its test checks. The lit suite runs
        this (test/lit/diagnostics/documented.test).

A test test/lit/diagnostics/<name>.cpp is the example of diagnostic <name>;
<name>-<variant>.cpp are other forms of it. The example source is the test file
up to its first RUN line; the command line is the test's first RUN line.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEF = os.path.join(ROOT, "include", "tilesplit", "Support", "Diagnostics.def")
TESTS = os.path.join(ROOT, "test", "lit", "diagnostics")
DOC = os.path.join(ROOT, "docs", "diagnostics.md")
BEGIN = "<!-- BEGIN GENERATED: docs/gen-diagnostics.py -->"
END = "<!-- END GENERATED -->"
SEVERITY = {"Error": "error", "Warning": "warning", "Note": "note"}


def read_def():
    """[(name, severity, message, section)] in table order."""
    diags, section = [], ""
    for line in open(DEF):
        m = re.match(r"^// (\w[\w ]*)\.$", line.strip())
        if m:
            section = m.group(1)
        m = re.match(r'^DIAG\(\w+, "([^"]+)", (\w+), "((?:[^"\\]|\\.)*)"\)', line)
        if m:
            diags.append((m.group(1), SEVERITY[m.group(2)], m.group(3), section))
    return diags


class Example:
    def __init__(self, path):
        self.path = path
        self.stem = os.path.splitext(os.path.basename(path))[0]
        text = open(path).read()
        lines = text.split("\n")
        first_run = next(i for i, l in enumerate(lines) if l.startswith("// RUN:"))
        self.source = "\n".join(lines[:first_run]).rstrip() + "\n"
        # The comment lines that open the file say what the example shows.
        head = []
        for l in lines:
            if not l.startswith("// "):
                break
            head.append(l[3:])
        self.description = " ".join(head)
        run = lines[first_run]
        m = re.search(r"%tilesplit %s -o %t(.*?) 2>&1", run)
        self.args = m.group(1).strip() if m else ""
        self.checks = [re.sub(r"^// [A-Z]+(-NEXT)?:\s*", "", l).replace("{{$}}", "")
                       for l in lines if re.match(r"^// CHECK(-NEXT)?:", l)]
        tags = re.findall(r"\[tilesplit-([a-z0-9-]+)\]", "\n".join(self.checks))
        self.diag = tags[0] if tags else None

    def command(self):
        return "tilesplit %s.cpp -o out%s" % (self.stem, " " + self.args if self.args else "")


def examples():
    """{diagnostic: [primary example, variants...]}"""
    found = {}
    for f in sorted(os.listdir(TESTS)):
        if not f.endswith(".cpp"):
            continue
        e = Example(os.path.join(TESTS, f))
        if e.diag and (e.stem == e.diag or e.stem.startswith(e.diag + "-")):
            found.setdefault(e.diag, []).append(e)
    for name in found:
        found[name].sort(key=lambda e: (e.stem != name, e.stem))
    return found


def run(tilesplit, e):
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [tilesplit, e.stem + ".cpp", "-o", os.path.join(tmp, "out")] + e.args.split()
        r = subprocess.run(cmd, cwd=TESTS, capture_output=True, text=True)
    out = (r.stdout + r.stderr).replace(TESTS + "/", "")
    return "\n".join(l.rstrip() for l in out.rstrip().split("\n"))


def cell(text):
    return "`" + text.replace("|", "\\|") + "`"


def generate(tilesplit):
    diags, found = read_def(), examples()
    out = [BEGIN, "", "| name | severity | message |", "|---|---|---|"]
    for name, sev, msg, _ in diags:
        link = "[`%s`](#%s)" % (name, name) if sev != "note" else "`%s`" % name
        out.append("| %s | %s | %s |" % (link, sev, cell(msg)))
    section = None
    for name, sev, msg, sec in diags:
        if sev == "note":
            continue
        if sec != section:
            section = sec
            out += ["", "## %s" % sec]
        exs = found.get(name, [])
        if not exs:
            sys.exit("no test/lit/diagnostics/%s.cpp for diagnostic '%s'" % (name, name))
        primary = exs[0]
        # The example's opening comment says what it shows.
        out += ["", "### %s" % name, "", "%s: %s" % (sev.capitalize(), cell(msg)), "",
                "```cpp", primary.source.rstrip(), "```", "",
                "```console", "$ " + primary.command(), run(tilesplit, primary), "```"]
        if len(exs) > 1:
            out += ["", "Other forms:"]
            for e in exs[1:]:
                out += ["", e.description, "", "```console", "$ " + e.command(),
                        run(tilesplit, e), "```"]
    out += ["", END]
    doc = open(DOC).read()
    head, rest = doc.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    open(DOC, "w").write(head + "\n".join(out) + tail)


def check():
    diags, found = read_def(), examples()
    doc = open(DOC).read()
    errors = []
    for name, sev, msg, _ in diags:
        row = "| %s | %s |" % (sev, cell(msg))
        if not any(l.startswith("| ") and ("`%s`" % name) in l and l.endswith(row)
                   for l in doc.split("\n")):
            errors.append("docs/diagnostics.md: no table row for '%s' saying %s" % (name, row))
        if sev == "note":
            continue
        if not os.path.exists(os.path.join(TESTS, name + ".cpp")):
            errors.append("test/lit/diagnostics/%s.cpp is missing" % name)
        if "\n### %s\n" % name not in doc:
            errors.append("docs/diagnostics.md: no section '### %s'" % name)
    # Every diagnostic line shown in the docs is one its test checks.
    for exs in found.values():
        for e in exs:
            block = re.search(r"\$ %s\n(.*?)\n```" % re.escape(e.command()), doc, re.S)
            if not block:
                errors.append("docs/diagnostics.md: no output of '%s'" % e.command())
                continue
            for line in block.group(1).split("\n"):
                if re.match(r"^\S+\.cpp:\d+:\d+: (error|warning|note): ", line) and \
                        not any(c.endswith(line) for c in e.checks):
                    errors.append("docs/diagnostics.md: '%s' is not what %s.cpp checks; "
                                  "run docs/gen-diagnostics.py" % (line, e.stem))
    for line in errors:
        print(line)
    return 1 if errors else 0


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true")
    p.add_argument("--tilesplit", default=os.path.join(ROOT, "build", "bin", "tilesplit"))
    a = p.parse_args()
    sys.exit(check() if a.check else generate(a.tilesplit))
