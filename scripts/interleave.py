#!/usr/bin/env python3
"""Side-by-side timing of short commands on a noisy machine: runs each command in turn, N rounds
(after two unmeasured rounds), and prints each one's median wall time (from fork to wait) and
median CPU time (user + system of the child and its children, from wait4), then the second's
ratios to the first. Interleaving makes a drift of the machine's speed hit every command alike.

    scripts/interleave.py 40 "OLD/renacer -o /dev/null true" "./renacer -o /dev/null true"

A command is split on blanks (no shell); its stdout and stderr go to /dev/null.
"""
import os
import statistics
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = [c.split() for c in sys.argv[2:]]
    devnull = os.open(os.devnull, os.O_WRONLY)
    wall = [[] for _ in commands]
    cpu = [[] for _ in commands]
    for r in range(rounds + 2):
        for k, command in enumerate(commands):
            start = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                try:
                    os.execvp(command[0], command)
                finally:
                    os._exit(127)
            _, _, usage = os.wait4(pid, 0)
            if r >= 2:
                wall[k].append((time.perf_counter() - start) * 1000)
                cpu[k].append((usage.ru_utime + usage.ru_stime) * 1000)
    for k, command in enumerate(commands):
        w = sorted(wall[k])
        print(f"{statistics.median(w):7.1f} ms wall [q1 {w[len(w) // 4]:.1f}, q3 {w[3 * len(w) // 4]:.1f}]"
              f"  cpu {statistics.median(cpu[k]):6.1f} ms  {' '.join(command)}")
    if len(commands) > 1:
        print("ratio second/first: wall %.3f, cpu %.3f" % (statistics.median(wall[1]) / statistics.median(wall[0]),
                                                          statistics.median(cpu[1]) / statistics.median(cpu[0])))


if __name__ == "__main__":
    main()
