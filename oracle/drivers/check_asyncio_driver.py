#!/usr/bin/env python3
"""Self-check and throughput test for asyncio_driver.py (virtual clock).

    python3 oracle/drivers/check_asyncio_driver.py [--n 5000] [--seed 1]

Run it with any CPython 3.8 to 3.13; it checks every spawn style that
version has.

Runs golden cases through the driver (as a subprocess, exactly as other
tools use it) and checks the expected finish times, then times N random
small workloads and prints the throughput. Exit status 1 on a mismatch.
Standard library only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "asyncio_driver.py")
S = 10 ** 9


def cws(name, l):
    """The seed's task: cpu 1 s, sleep l s, cpu 1 s."""
    return {"name": name, "steps": [{"cpu": S}, {"sleep": l * S}, {"cpu": S}]}


GOLDEN = [
    # Semaphore(1) serialises the seed's tasks: 3 + 5 + 3 s in gather order.
    ({"id": "sem1", "limit": {"kind": "semaphore", "k": 1}, "tasks": [cws("a", 5), cws("b", 3), cws("c", 1)]},
     {"a": 7 * S, "b": 12 * S, "c": 15 * S}, None),
    # Two workers: the one that finishes b at 6 takes c at once, whose
    # cpu 6..7 delays a, due at 6, to 7..8.
    ({"id": "workers2", "limit": {"kind": "workers", "k": 2}, "tasks": [cws("a", 5), cws("b", 3), cws("c", 1)]},
     {"a": 8 * S, "b": 6 * S, "c": 9 * S}, None),
    # The seed's 7-vs-9 example: a waits 5 s, b 3 s, c 1 s.
    ({"id": "seed-531", "tasks": [cws("a", 5), cws("b", 3), cws("c", 1)]},
     {"a": 7 * S, "b": 6 * S, "c": 5 * S}, None),
    ({"id": "seed-135", "tasks": [cws("c", 1), cws("b", 3), cws("a", 5)]},
     {"c": 4 * S, "b": 6 * S, "a": 9 * S}, None),
    # io 0 costs loop turns: step, select+reader, wakeup.
    ({"id": "io0", "tasks": [{"name": "a", "steps": [{"cpu": 1}, {"io": 0}, {"cpu": 1}]}]},
     {"a": 2}, 3),
    # Four equal timers leave CPython's heapq in the order 0, 2, 1, 3.
    ({"id": "heap-ties", "tasks": [{"name": n, "steps": [{"sleep": 5}, {"cpu": 1}]}
                                   for n in "abcd"]},
     {"a": 6, "c": 7, "b": 8, "d": 9}, 3),
    # sleep 0 is the bare-yield path: one iteration later, no timer.
    ({"id": "sleep0", "tasks": [{"name": "a", "steps": [{"sleep": 0}, {"cpu": 1}]},
                                {"name": "b", "steps": [{"cpu": 2}]}]},
     {"a": 3, "b": 2}, 2),
    # Same instant: IO readers are queued before due timers.
    ({"id": "io-before-timer", "tasks": [{"name": "a", "steps": [{"sleep": 5}, {"cpu": 1}]},
                                         {"name": "b", "steps": [{"io": 5}, {"cpu": 1}]}]},
     {"a": 7, "b": 6}, 3),
    # Simultaneous arrivals are delivered in scheduling order (seq).
    ({"id": "io-seq", "tasks": [{"name": "a", "steps": [{"io": 3}, {"cpu": 1}]},
                                {"name": "b", "steps": [{"io": 3}, {"cpu": 1}]},
                                {"name": "c", "steps": [{"io": 2}, {"cpu": 1}]}]},
     {"a": 4, "b": 5, "c": 3}, 5),
    # A sleep longer than MAXIMUM_SELECT_TIMEOUT (24 h) is still exact.
    ({"id": "long-sleep", "tasks": [{"name": "a", "steps": [{"sleep": 3 * 86400 * S + 7}]}]},
     {"a": 3 * 86400 * S + 7}, None),
    ({"id": "no-tasks", "tasks": []}, {}, 0),
]


def run_driver(lines):
    proc = subprocess.run([sys.executable, DRIVER], input="".join(lines),
                          capture_output=True, text=True, check=True)
    return [json.loads(l) for l in proc.stdout.splitlines()], proc.stderr


def random_workload(rng, i):
    ntasks = rng.randint(1, 5)
    tasks = []
    for t in range(ntasks):
        steps = []
        for _ in range(rng.randint(0, 5)):
            kind = rng.choice(("cpu", "cpu", "sleep", "io"))
            steps.append({kind: rng.choice((0, rng.randint(0, 10), rng.randint(0, 10 ** 9)))})
        tasks.append({"name": f"t{t}", "steps": steps})
    return {"id": i, "tasks": tasks}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    ok = True
    # Every golden case in every spawn style this interpreter has: the
    # styles change no time and no iteration count (model/SEMANTICS.md S11).
    spawns = [s for s, since in (("gather", 8), ("taskgroup", 11), ("eager", 12))
              if sys.version_info[:2] >= (3, since)]
    cases = [(dict(w, spawn=s), want, iters) for s in spawns for w, want, iters in GOLDEN]
    outs, _ = run_driver([json.dumps(w) + "\n" for w, _, _ in cases])
    for (w, want, want_iters), got in zip(cases, outs):
        good = (got.get("finish") == want
                and got.get("makespan") == max(want.values(), default=0)
                and got.get("spawn") == w["spawn"]
                and got.get("eager_starts") == (len(w["tasks"]) if w["spawn"] == "eager" else 0)
                and (want_iters is None or got.get("iterations") == want_iters))
        ok &= good
        print(("ok  " if good else "FAIL"), w["id"], w["spawn"], "finish", got.get("finish"),
              "makespan", got.get("makespan"), "iterations", got.get("iterations"))

    rng = random.Random(args.seed)
    lines = [json.dumps(random_workload(rng, i)) + "\n" for i in range(args.n)]
    steps = sum(len(t["steps"]) for l in lines for t in json.loads(l)["tasks"])
    t0 = time.perf_counter()
    outs, err = run_driver(lines)
    dt = time.perf_counter() - t0
    errors = [o for o in outs if "error" in o]
    if len(outs) != args.n or errors or err.strip():
        ok = False
        print("FAIL random:", len(outs), "outputs,", len(errors), "errors", errors[:3], err[:500])
    print(f"{args.n} random workloads ({steps} steps) in {dt:.2f} s "
          f"(process start included): {args.n / dt:.0f} workloads/s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
