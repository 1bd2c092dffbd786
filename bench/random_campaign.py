#!/usr/bin/env python3
"""A long differential-testing campaign (test/random), reported in docs/testing.md.

    python3 bench/random_campaign.py                    # 2,000 kernels from seed 100000
    python3 bench/random_campaign.py --kernels-total 300 --seed 7 --no-docs

Random valid kernels (gen.py, 6 per program: one translation, one build and one emulator
process serve a program's kernels) go through tilesplit and the emulator and are compared
with the CPU reference (difftest.py), --jobs programs at a time. Every kernel is its own
random program -- parameters, shapes, format, grid, input seed -- that happens to share a file
with five others. The report gives the rate in kernels and programs per second of wall time
on this machine, and every finding with its directory (reduce one with test/random/reduce.py).
Unless --no-docs, the report replaces the block between the campaign markers in
docs/testing.md. Exit status 1 when something was found.
"""
import argparse
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, ROOT, check_tools, load_average, log, machine_description  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "test", "random"))
import difftest  # noqa: E402

DOC = os.path.join(ROOT, "docs", "testing.md")
BEGIN, END = "<!-- random-campaign:begin -->", "<!-- random-campaign:end -->"


def report_text(args, programs, kernels, found, secs, load_before):
    lines = [BEGIN, "",
             "Last campaign, %s: `python3 bench/random_campaign.py --seed %d --kernels-total %d "
             "--jobs %d%s` (%s), load average %s before the run, on" % (
                 datetime.date.today().isoformat(), args.seed, args.kernels_total, args.jobs,
                 "" if args.special_values else " --no-special-values",
                 "about a third of the kernels with NaN, infinities, zeros and subnormals among "
                 "their inputs" if args.special_values else "no special input values",
                 load_before), ""]
    lines += machine_description()
    lines += ["",
             "| programs | kernels | wall time | kernels/s | programs/s | findings |",
             "|---:|---:|---:|---:|---:|---:|",
             "| %d | %d | %.0f s | %.2f | %.3f | %d |" % (
                 programs, kernels, secs, kernels / secs, programs / secs, len(found)), ""]
    if found:
        lines.append("Findings (seed, kernel, kind):")
        lines.append("")
        lines += ["- seed %d, %s: %s" % (seed, kernel, kind) for seed, kernel, kind, _ in found]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def update_doc(text):
    with open(DOC) as f:
        doc = f.read()
    if BEGIN not in doc or END not in doc:
        raise SystemExit("random_campaign: %s has no campaign markers" % DOC)
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(DOC, "w") as f:
        f.write(head + text + tail)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    difftest.add_arguments(ap)
    ap.set_defaults(seed=100000, bin=os.path.join(BUILD, "bin"), jobs=os.cpu_count() or 1,
                    findings=os.path.join(BUILD, "random-campaign-findings"))
    ap.add_argument("--kernels-total", type=int, default=2000,
                    help="kernels to check (rounded up to whole programs)")
    ap.add_argument("--no-docs", action="store_true", help="do not update docs/testing.md")
    args = ap.parse_args()
    args.programs = -(-args.kernels_total // args.kernels)
    check_tools()
    os.environ.setdefault("TILESPLIT_EMU_CACHE", os.path.join(BUILD, "random-campaign-cache"))
    load_before = load_average()
    log("random_campaign: %d programs of %d kernels from seed %d, %d at a time" % (
        args.programs, args.kernels, args.seed, args.jobs))
    programs, kernels, found, secs = difftest.campaign(args, report=log)
    text = report_text(args, programs, kernels, found, secs, load_before)
    print(text)
    if not args.no_docs:
        update_doc(text)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
