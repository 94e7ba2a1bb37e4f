"""What the setups share: the command line, the CPU work, the timing.

Every setup script is an ordinary asyncio program: it gathers one task per
delay (in the order given by --order, in units) that runs a CPU phase,
waits on a real library, and runs a CPU phase, --reps times, and prints
one JSON line per repetition: {"rep": i, "makespan_ns": n}, the time from
just before the gather to just after it (time.perf_counter_ns).

CPU phases are time.sleep(unit) (--cpu sleep, the thread's) or real work
(--cpu work): a fixed number (--work N) of rounds of parsing a JSON
document and hashing it with SHA-256; --calibrate prints the N that takes
about one unit on this machine.
"""

import argparse
import hashlib
import json
import sys
import time

DOC = json.dumps({"items": [{"id": i, "name": "item-%d" % i, "tags": ["a", "b", "c"], "price": i * 1.25}
                            for i in range(40)]})


def args():
    p = argparse.ArgumentParser()
    p.add_argument("--order", default="5,3,1", help="delays in units, in gather order")
    p.add_argument("--unit", type=float, default=0.1, help="seconds per unit")
    p.add_argument("--reps", type=int, default=1)
    p.add_argument("--url", default="", help="base URL of the delay server")
    p.add_argument("--dsn", default="", help="PostgreSQL connection string")
    p.add_argument("--cpu", choices=("sleep", "work"), default="sleep")
    p.add_argument("--work", type=int, default=0, help="rounds of CPU work per phase")
    p.add_argument("--calibrate", action="store_true")
    a = p.parse_args()
    a.delays = [int(x) for x in a.order.split(",")]
    if a.reps < 1 or a.reps > 50 or a.unit <= 0 or a.unit > 2:
        sys.exit("bad --reps or --unit")
    if a.calibrate:
        print(calibrate(a.unit))
        sys.exit(0)
    return a


def work_round():
    doc = json.loads(DOC)
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).digest()


def calibrate(unit):
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 0.5:
        work_round()
        n += 1
    return max(1, round(n * unit / (time.perf_counter() - t0)))


def cpu(a):
    if a.cpu == "sleep":
        time.sleep(a.unit)
    else:
        for _ in range(a.work):
            work_round()


def report(rep, t0):
    print(json.dumps({"rep": rep, "makespan_ns": time.perf_counter_ns() - t0}), flush=True)
