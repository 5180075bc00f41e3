#!/usr/bin/env python3
"""Run a command and report its wall time, CPU time and peak RSS.

    python3 bench/rusage_run.py OUT.txt -- COMMAND [ARGS...]

The command inherits standard input, output and error. When it ends, OUT.txt
gets `key: value` lines:

    exit_status: 0
    wall_s: 12.345
    user_s: 12.001
    sys_s: 0.210
    max_rss_kb: 23456

CPU times and max_rss_kb come from getrusage(RUSAGE_CHILDREN): the CPU times
add up every descendant the command waited for (xargs waits for each tracker
process it starts), and max_rss_kb is the peak resident set of the largest
single descendant, which is what a "peak RSS per process" target means. The
same figures as GNU time's %e %U %S %M, without needing the `time` package.
"""

import os
import resource
import subprocess
import sys
import time


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    out_path, command = sys.argv[1], sys.argv[3:]
    start = time.monotonic()
    status = subprocess.call(command)
    wall = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(f"exit_status: {status}\n")
        out.write(f"wall_s: {wall:.3f}\n")
        out.write(f"user_s: {usage.ru_utime:.3f}\n")
        out.write(f"sys_s: {usage.ru_stime:.3f}\n")
        out.write(f"max_rss_kb: {usage.ru_maxrss}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
