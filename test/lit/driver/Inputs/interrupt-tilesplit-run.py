#!/usr/bin/env python3
"""Sends a signal to tilesplit-run while one of its children is running.

    interrupt-tilesplit-run.py TMPDIR SIGNAL CHILD_ARG -- tilesplit-run ...

Runs tilesplit-run with TMPDIR as its temporary directory, waits until a child
process whose command line contains CHILD_ARG and the run's temporary
directory is running (e.g. "reference_glue.cpp": the compiler of the build
step; "/kernels": tilesplit translating), sends SIGNAL to tilesplit-run alone,
as `kill` would, and reports how it ended, what is left in TMPDIR and whether
any of its children still runs.
"""
import glob
import os
import signal
import subprocess
import sys
import time


def processes_mentioning(text):
    """Pids of the processes whose command line contains text."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline:
            found.append(int(entry))
    return found


def main():
    tmpdir, signame, child_arg, dashdash, *command = sys.argv[1:]
    assert dashdash == "--"
    env = dict(os.environ, TMPDIR=tmpdir)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while True:
        if proc.poll() is not None:
            print("ended before the child started:", proc.returncode)
            return 1
        if time.monotonic() > deadline:
            proc.kill()
            print("timed out waiting for the child")
            return 1
        work = glob.glob(os.path.join(tmpdir, "tilesplit-run-*"))
        if work and any(p != proc.pid for p in processes_mentioning(work[0]) if
                        p in processes_mentioning(child_arg)):
            break
        time.sleep(0.01)
    proc.send_signal(getattr(signal, "SIG" + signame))
    proc.wait()
    if proc.returncode < 0:
        print("killed by", signal.Signals(-proc.returncode).name)
    else:
        print("exit", proc.returncode)
    print("left in TMPDIR:", sorted(os.listdir(tmpdir)))
    print("children still running:", len(processes_mentioning(work[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
