#!/usr/bin/env python3
"""Interrupts tilesplit at an exact point of writing its outputs.

    stop-and-signal.py SIGNAL [--then CMD] -- tilesplit ... --test-stop=STAGE

Runs the command, which stops itself with SIGSTOP at STAGE (tilesplit's hidden
--test-stop option); once it is stopped, runs CMD (a shell command, e.g. a
second tilesplit into the same directory) while it stays stopped, then sends it
SIGNAL (TERM, INT, KILL, or CONT to let it finish) and lets it continue.
Prints how it ended, "exit N" or "killed by SIGNAME", so a test can FileCheck
it: waiting for the stop rather than sleeping keeps the test deterministic.
"""
import os
import signal
import subprocess
import sys


def main():
    args = sys.argv[1:]
    sig = getattr(signal, "SIG" + args.pop(0))
    then = None
    if args[0] == "--then":
        then = args[1]
        args = args[2:]
    assert args.pop(0) == "--"
    proc = subprocess.Popen(args)
    _, status = os.waitpid(proc.pid, os.WUNTRACED)
    if not os.WIFSTOPPED(status):
        # It never reached the stage: report how it ended instead.
        code = os.waitstatus_to_exitcode(status)
        print("ended before stopping:", code)
        return 1
    if then:
        sys.stdout.flush()
        subprocess.run(then, shell=True)
    os.kill(proc.pid, sig)
    if sig != signal.SIGKILL:
        os.kill(proc.pid, signal.SIGCONT)
    _, status = os.waitpid(proc.pid, 0)
    proc.returncode = 0  # reaped above; keeps Popen from waiting again
    if os.WIFSIGNALED(status):
        print("killed by", signal.Signals(os.WTERMSIG(status)).name)
    else:
        print("exit", os.WEXITSTATUS(status))
    return 0


if __name__ == "__main__":
    sys.exit(main())
