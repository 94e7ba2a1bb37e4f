#!/usr/bin/env python3
"""Run gatherorder workloads on the real Trio run loop under a virtual clock.

Each workload runs as ``async with trio.open_nursery() as n`` with one
``n.start_soon`` per task in the order of "tasks", on Trio's unmodified
``Runner.unrolled_run``, cancel scopes, deadline heap and epoll IO manager.
Three inputs are replaced, and nothing that decides which task runs when:

* the clock: a ``trio.abc.Clock`` whose time is an exact Python int (ns),
  moved only by ``cpu`` steps (``jump``) and by autojumps to the next
  deadline or socket arrival (``--clock mock``: the stock
  ``trio.testing.MockClock(autojump_threshold=0)``, floats, no io);
* the socket data: ``io d`` awaits ``recv`` on a trio socket of a real
  socketpair whose peer byte is written, in (arrival, registration) order,
  just before the first epoll wait at or after the arrival instant;
* the batch coin, ``trio._core._run._r``: seeded (``random.Random(seed)``,
  the real Mersenne Twister stream, one draw per pass) or scripted (one
  given bit per batch of two or more workload tasks); either way the driver
  reports the direction of every such batch.

With "ties": "armed" (the default) equal deadlines expire in arming order
(``Deadlines.add`` keys the heap by a counter instead of
``id(cancel_scope)``); with "ties": "trio" Trio's own ``id()`` key decides.

Protocol: JSON lines on stdin, one request per line; one JSON line per
request on stdout, flushed per line (README.md in this directory).

  input:  {"id": 7, "tasks": [{"name": "t0", "steps": [{"cpu": 1},
           {"sleep": 5}, {"io": 0}]}, ...],
           "mode": "coins" | "seeded" | "enumerate",   (default "coins")
           "coins": [0, 1, ...],      mode coins: bit k for the k-th batch
                                      of >= 2 workload tasks (0: runq order,
                                      1: reversed); missing bits are 0
           "seeds": [1, 2, ...],      mode seeded: one run per seed
           "max_paths": 4096,         mode enumerate: every coin path, DFS
           "ties": "armed" | "trio", "clock": "virtual" | "mock"}
  output: {"id": 7, "runs": [{"coins": [1, 0], "finish": {"t0": 9}, "makespan": 9,
           "segments": [["t0", 0, 0, 1], ...], "passes": 12}, ...],
           "python": "3.11.7", "trio": "0.22.2", "ties": "armed",
           "clock": "virtual"}
  bad line: {"id": <id or null>, "error": "<one line>"}; processing continues.

Standard library and trio only. Exit status 0 at EOF.
"""

import argparse
import heapq
import itertools
import json
import math
import platform
import random
import socket
import sys

import trio
import trio.testing
from trio._core import _run as R

PREFIX = "w:"  # task names of the workload's tasks inside Trio
_MOCK_MAX = 2 ** 53  # MockClock's float time is exact below this


class WorkloadError(Exception):
    """A problem with one input line; reported as {"error": ...}."""


def _int(value, where, limit=(1 << 63) - 1):
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Go may print 1e+09
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise WorkloadError(f"{where}: want an integer in [0, {limit}], got {value!r}")
    return value


def parse_tasks(obj):
    """[(name, [(kind, d), ...]), ...] in start order."""
    tasks = obj.get("tasks")
    if not isinstance(tasks, list):
        raise WorkloadError('a request needs a "tasks" list')
    out, names = [], set()
    for ti, task in enumerate(tasks):
        name = task.get("name") if isinstance(task, dict) else None
        if not isinstance(name, str) or name in names:
            raise WorkloadError(f"task {ti}: needs a unique string name")
        names.add(name)
        steps = []
        for si, step in enumerate(task.get("steps", [])):
            if not isinstance(step, dict) or len(step) != 1:
                raise WorkloadError(f"task {name} step {si}: one key per step")
            ((kind, d),) = step.items()
            if kind not in ("cpu", "sleep", "io"):
                raise WorkloadError(f"task {name} step {si}: unknown kind {kind!r}")
            steps.append((kind, _int(d, f"task {name} step {si}")))
        out.append((name, steps))
    return out


class VClock(trio.abc.Clock):
    """MockClock(rate=0, autojump_threshold=0) with int time, whose autojump
    also stops at the next socket arrival."""

    def __init__(self):
        self.t = 0
        self.arrivals = []  # heap of (when, seq, peer socket)
        self.seq = 0

    def start_clock(self):
        # What MockClock.start_clock does for autojump_threshold=0.
        R.GLOBAL_RUN_CONTEXT.runner.clock_autojump_threshold = 0.0

    def current_time(self):
        return self.t

    def deadline_to_sleep_time(self, deadline):
        return 0 if deadline - self.t <= 0 else 999999999

    def jump(self, d):
        self.t += d

    def _autojump(self):
        target = R.GLOBAL_RUN_CONTEXT.runner.deadlines.next_deadline()
        if self.arrivals:
            target = min(target, self.arrivals[0][0])
        if self.t < target < math.inf:
            self.t = target

    def arm(self, when, peer):
        heapq.heappush(self.arrivals, (when, self.seq, peer))
        self.seq += 1

    def deliver(self):
        while self.arrivals and self.arrivals[0][0] <= self.t:
            heapq.heappop(self.arrivals)[2].send(b"x")


class Passes(trio.abc.Instrument):
    """Counts passes and delivers due socket data before each epoll wait."""

    def __init__(self, clock):
        self.clock = clock
        self.n = 0

    def before_io_wait(self, timeout):
        self.n += 1
        if isinstance(self.clock, VClock):
            self.clock.deliver()


class Coins:
    """Stands in for trio._core._run._r. Every draw comes from `rng` (a
    seeded random.Random) or, when `script` is given, is 0.25 or 0.75 by
    the script's next bit. The direction of every batch holding two or more
    workload tasks is recorded (0: runq order, 1: reversed)."""

    def __init__(self, rng=None, script=None):
        self.rng, self.script, self.bits = rng, script, []

    def random(self):
        frame = sys._getframe(1)
        if frame.f_code.co_name != "unrolled_run":
            raise RuntimeError(f"trio drew a coin from {frame.f_code.co_name}, not unrolled_run")
        batch = frame.f_locals["batch"]
        mine = sum(1 for t in batch if t.name.startswith(PREFIX))
        if mine and mine != len(batch):
            raise RuntimeError("a batch mixes workload tasks with trio's own tasks")
        if self.script is None:
            v = self.rng.random()
        else:
            k = len(self.bits)
            v = 0.75 if mine >= 2 and k < len(self.script) and self.script[k] else 0.25
        if mine >= 2:
            # `if _r.random() < 0.5: batch.reverse()`, then batch.pop():
            # below 1/2 the tasks run in runq order.
            self.bits.append(0 if v < 0.5 else 1)
        return v

    def __getattr__(self, name):
        raise RuntimeError(f"trio used _r.{name}, which the driver does not model")


_original_add = R.Deadlines.add
_arming = itertools.count()


def _armed_add(self, deadline, cancel_scope):
    # Deadlines.add with a counter in place of id(cancel_scope): equal
    # deadlines expire in arming order (expire and next_deadline read only
    # the first and the last element of the tuple).
    heapq.heappush(self._heap, (deadline, next(_arming), cancel_scope))
    self._active += 1


def run_once(tasks, coins, ties, clock_kind):
    """One trio.run of the workload; returns the run's record."""
    if R._ALLOW_DETERMINISTIC_SCHEDULING:
        raise RuntimeError("trio's deterministic scheduling is on: batches would be shuffled")
    clock = VClock() if clock_kind == "virtual" else trio.testing.MockClock(autojump_threshold=0)
    passes = Passes(clock)
    finish, segments = {}, []

    def now():
        t = trio.current_time()
        if t != int(t):
            raise RuntimeError(f"clock {t!r} is not an integer")
        return int(t)

    async def child(name, steps):
        for si, (kind, d) in enumerate(steps):
            if kind == "cpu":
                t = now()
                clock.jump(d)
                segments.append([name, si, t, t + d])
            elif kind == "sleep":
                await trio.sleep(d)
            else:
                r, w = socket.socketpair()
                r.setblocking(False)
                tr = trio.socket.from_stdlib_socket(r)
                clock.arm(clock.t + d, w)
                if await tr.recv(1) != b"x":
                    raise RuntimeError("io: wrong byte")
                tr.close()
                w.close()
        finish[name] = now()

    async def main():
        async with trio.open_nursery() as nursery:
            for name, steps in tasks:
                nursery.start_soon(child, name, steps, name=PREFIX + name)

    saved = R._r
    R._r = coins
    R.Deadlines.add = _armed_add if ties == "armed" else _original_add
    try:
        trio.run(main, clock=clock, instruments=[passes])
    finally:
        R._r = saved
        R.Deadlines.add = _original_add
    return {"coins": coins.bits, "finish": finish,
            "makespan": max(finish.values(), default=0),
            "segments": segments, "passes": passes.n}


def enumerate_paths(tasks, ties, clock_kind, max_paths):
    """Every coin path, depth first: run with a prefix and 0 after it; every
    0 past the prefix opens a sibling branch with 1 there."""
    runs, stack = [], [[]]
    while stack:
        prefix = stack.pop()
        r = run_once(tasks, Coins(script=prefix), ties, clock_kind)
        runs.append(r)
        if len(runs) > max_paths:
            raise WorkloadError(f"more than {max_paths} coin paths")
        for k in range(len(r["coins"]) - 1, len(prefix) - 1, -1):
            stack.append(r["coins"][:k] + [1])
    return runs


def handle(obj):
    if not isinstance(obj, dict):
        raise WorkloadError("a request is a JSON object")
    tasks = parse_tasks(obj)
    ties = obj.get("ties", "armed")
    clock_kind = obj.get("clock", "virtual")
    mode = obj.get("mode", "coins")
    if ties not in ("armed", "trio"):
        raise WorkloadError(f"unknown ties {ties!r} (armed, trio)")
    if clock_kind not in ("virtual", "mock"):
        raise WorkloadError(f"unknown clock {clock_kind!r} (virtual, mock)")
    if clock_kind == "mock":
        if any(k == "io" for _, steps in tasks for k, _ in steps):
            raise WorkloadError("clock mock cannot time socket data (io steps)")
        if sum(d for _, steps in tasks for _, d in steps) >= _MOCK_MAX:
            raise WorkloadError("clock mock: durations sum to 2**53 or more (float time)")
    if mode == "coins":
        script = [_int(b, "coins", 1) for b in obj.get("coins", [])]
        runs = [run_once(tasks, Coins(script=script), ties, clock_kind)]
    elif mode == "seeded":
        seeds = obj.get("seeds")
        if not isinstance(seeds, list):
            raise WorkloadError('mode seeded needs a "seeds" list')
        runs = [run_once(tasks, Coins(rng=random.Random(_int(s, "seed", (1 << 64) - 1))), ties, clock_kind)
                for s in seeds]
    elif mode == "enumerate":
        runs = enumerate_paths(tasks, ties, clock_kind, _int(obj.get("max_paths", 4096), "max_paths"))
    else:
        raise WorkloadError(f"unknown mode {mode!r} (coins, seeded, enumerate)")
    return {"runs": runs, "ties": ties, "clock": clock_kind}


def main(argv=None):
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    info = {"python": platform.python_version(), "trio": trio.__version__}
    for line in sys.stdin:
        if not line.strip():
            continue
        wid = None
        try:
            try:
                obj = json.loads(line)
            except ValueError as exc:
                raise WorkloadError(f"bad JSON: {exc}") from None
            if isinstance(obj, dict):
                wid = obj.get("id")
            result = {"id": wid}
            result.update(handle(obj))
            result.update(info)
            text = json.dumps(result)
        except Exception as exc:  # one bad line must not stop the stream
            msg = str(exc) if isinstance(exc, WorkloadError) else f"{type(exc).__name__}: {exc}"
            text = json.dumps({"id": wid, "error": " ".join(msg.split())})
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
