#!/usr/bin/env python3
"""Run gatherorder workloads on the real CPython asyncio event loop.

The driver executes each workload with the unmodified CPython asyncio code
(SelectorEventLoop._run_once, the C-accelerated Task and Future, gather,
asyncio.sleep, loop.sock_recv) and reports the finish time of every task.
Only two things are replaced, and only in the default ``--clock virtual``
mode: the loop's clock (``time()`` returns an exact integer nanosecond count)
and the selector (a fake one that makes socket data "arrive" at exact
virtual instants). Everything that decides *which callback runs when* is
CPython's own code. See README.md in this directory.

Protocol: JSON lines on stdin, one workload per line; one JSON line per input
line on stdout, flushed per line.

  input:  {"id": <any>, "tasks": [{"name": "a", "steps": [{"cpu": 1000},
           {"sleep": 5000}, {"io": 0}, {"cpu": 7}]}, ...], "spawn": "gather"}
          Durations are non-negative integers (ns). The order of "tasks" is
          the gather order. A task may have zero steps. "spawn" (optional;
          default: the --spawn option, itself "gather" by default) is how
          the tasks are started, in the order of "tasks":
            gather     await asyncio.gather(*coros)
            taskgroup  async with asyncio.TaskGroup() as tg:
                           for c in coros: tg.create_task(c)   (3.11+)
            eager      loop.set_task_factory(asyncio.eager_task_factory);
                       await asyncio.gather(*coros)             (3.12+)
          "limit" (optional): {"kind": "semaphore" | "workers", "k": K}
          bounds the concurrency (model/SEMANTICS.md S17); the spawn style
          then starts the children that limit_children builds:
            semaphore  sem = asyncio.Semaphore(K); each coroutine c becomes
                       `async with sem: await c`, in the order of "tasks"
            workers    q = asyncio.Queue(); q.put_nowait(c) for each c in
                       order; K workers, each
                       `while True: try: c = q.get_nowait()
                        except asyncio.QueueEmpty: return
                        await c`
          A task's finish is the instant its coroutine returns (inside the
          `async with`, at the same instant and step as the release).

  output, --clock virtual (default):
          {"id": <same>, "finish": {"a": 6007, ...}, "makespan": <max or 0>,
           "segments": [["a", 0, 0, 1000], ...], "iterations": <int>,
           "finish_iter": {"a": 3, ...}, "eager_starts": 0,
           "python": "3.11.7", "spawn": "gather"}
          "segments" lists every cpu step (also zero-length ones) as
          [task, step_index, start_ns, end_ns] in execution order.
          "finish_iter" is the loop iteration in which each task's coroutine
          returned, counting the iteration that runs the children's first
          steps as 1 (with eager, the iteration in which gather runs them
          inside create_task); "iterations" is the largest of them (0 if
          no tasks). "eager_starts" counts the tasks whose coroutine began
          inside create_task: all of them with eager, none otherwise.

  output, --clock real --ns-per-unit N [--repeat K]:
          {"id": <same>, "runs": [{"finish": {...}, "makespan": ...}, ...],
           "ns_per_unit": N, "python": "3.11.7"}
          Times are integer nanoseconds of real time (perf_counter_ns),
          measured from just before gather; they are NOT divided by N.

  bad line: {"id": <id or null>, "error": "<one line>"}; processing continues.
Exit status 0 at EOF.

Standard library only; runs unchanged on CPython 3.8 to 3.13 (the private
names it touches, BaseEventLoop._run_once, _clock_resolution, _selector and
base_events.MAXIMUM_SELECT_TIMEOUT, exist with the same meaning in all of
them; README.md lists them).
"""

import argparse
import asyncio
import asyncio.base_events
import gc
import heapq
import json
import platform
import selectors
import socket
import sys
import threading
import time
from fractions import Fraction

PYTHON_VERSION = platform.python_version()

CPU, SLEEP, IO = 0, 1, 2

# Spawn styles: how the driver's main coroutine starts the workload's tasks,
# with the first CPython minor version that has it.
SPAWNS = {"gather": 8, "taskgroup": 11, "eager": 12}
_KINDS = {"cpu": CPU, "sleep": SLEEP, "io": IO}

# Largest duration accepted: keep results representable as Go int64 ns.
_MAX_NS = (1 << 63) - 1


class WorkloadError(Exception):
    """A problem with one input line; reported as {"error": ...}."""


class DeadlockError(Exception):
    """The loop would block forever: nothing ready, no timer, no IO pending."""


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------

def _duration(value, where):
    if isinstance(value, bool):
        raise WorkloadError(f"{where}: duration must be an integer, got {value!r}")
    if isinstance(value, float):
        # Go's encoding/json may print large float64 values as 1e+09.
        if value != value or value in (float("inf"), float("-inf")) \
                or not value.is_integer() or abs(value) > 2 ** 53:
            raise WorkloadError(f"{where}: duration must be an integer, got {value!r}")
        value = int(value)
    if not isinstance(value, int):
        raise WorkloadError(f"{where}: duration must be an integer, got {value!r}")
    if value < 0:
        raise WorkloadError(f"{where}: duration must be non-negative, got {value}")
    if value > _MAX_NS:
        raise WorkloadError(f"{where}: duration {value} overflows int64 ns")
    return value


def parse_spawn(obj, default):
    """The request's spawn style ("spawn", else default), checked against
    the running interpreter."""
    spawn = obj.get("spawn", default) if isinstance(obj, dict) else default
    if spawn not in SPAWNS:
        raise WorkloadError(f"unknown spawn {spawn!r} (gather, taskgroup, eager)")
    if sys.version_info[:2] < (3, SPAWNS[spawn]):
        raise WorkloadError(
            f"spawn {spawn} needs CPython 3.{SPAWNS[spawn]} or later, this is {PYTHON_VERSION}")
    return spawn


async def spawn_all(loop, spawn, coros):
    """Start the coroutines as tasks in list order in the given style and
    wait for all of them. loop.spawning is True exactly while the tasks are
    being created, so that a coroutine can tell whether it started inside
    create_task (eagerly)."""
    if spawn == "taskgroup":
        async with asyncio.TaskGroup() as tg:
            loop.spawning = True
            for c in coros:
                tg.create_task(c)
            loop.spawning = False
        return
    if spawn == "eager":
        loop.set_task_factory(asyncio.eager_task_factory)
    try:
        loop.spawning = True
        outer = asyncio.gather(*coros)
        loop.spawning = False
    finally:
        loop.set_task_factory(None)
    await outer


def parse_limit(obj):
    """The request's "limit" as (kind, k), or None."""
    lim = obj.get("limit") if isinstance(obj, dict) else None
    if lim is None:
        return None
    if not isinstance(lim, dict) or set(lim) != {"kind", "k"}:
        raise WorkloadError('limit must be {"kind": "semaphore" or "workers", "k": K}')
    kind, k = lim["kind"], lim["k"]
    if kind not in ("semaphore", "workers"):
        raise WorkloadError(f"unknown limit kind {kind!r} (semaphore, workers)")
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise WorkloadError(f"limit k must be a positive integer, got {k!r}")
    return kind, k


def _eager_mark(loop):
    """Count a gather child that began inside create_task (eagerly)."""
    if loop.spawning:
        loop.eager_starts += 1


def limit_children(loop, limit, coros):
    """The children to spawn: coros themselves, or under a limit the
    wrapped coroutines or the workers (model/SEMANTICS.md S17)."""
    if limit is None:
        return coros
    kind, k = limit
    if kind == "semaphore":
        sem = asyncio.Semaphore(k)

        async def limited(c):
            _eager_mark(loop)
            async with sem:
                await c
        return [limited(c) for c in coros]
    q = asyncio.Queue()
    for c in coros:
        q.put_nowait(c)

    async def worker():
        _eager_mark(loop)
        while True:
            try:
                c = q.get_nowait()
            except asyncio.QueueEmpty:
                return
            await c
    return [worker() for _ in range(k)]


def parse_workload(obj):
    """Return [(name, [(kind, d), ...]), ...] in gather order."""
    if not isinstance(obj, dict):
        raise WorkloadError("workload must be a JSON object")
    tasks = obj.get("tasks")
    if not isinstance(tasks, list):
        raise WorkloadError('workload needs a "tasks" list')
    out = []
    seen = set()
    for ti, task in enumerate(tasks):
        if not isinstance(task, dict):
            raise WorkloadError(f"task {ti}: must be an object")
        name = task.get("name")
        if not isinstance(name, str):
            raise WorkloadError(f"task {ti}: needs a string \"name\"")
        if name in seen:
            raise WorkloadError(f"task {ti}: duplicate name {name!r}")
        seen.add(name)
        steps = task.get("steps", [])
        if not isinstance(steps, list):
            raise WorkloadError(f"task {name!r}: \"steps\" must be a list")
        parsed = []
        for si, step in enumerate(steps):
            where = f"task {name!r} step {si}"
            if not isinstance(step, dict) or len(step) != 1:
                raise WorkloadError(f"{where}: a step is an object with exactly one key")
            ((key, value),) = step.items()
            kind = _KINDS.get(key)
            if kind is None:
                raise WorkloadError(f"{where}: unknown step kind {key!r} (cpu, sleep, io)")
            parsed.append((kind, _duration(value, where)))
        out.append((name, parsed))
    return out


# --------------------------------------------------------------------------
# Virtual clock: fake selector + loop subclass
# --------------------------------------------------------------------------

class VirtualSelector(selectors.BaseSelector):
    """A selector whose IO readiness is driven by scheduled virtual arrivals.

    Registration bookkeeping is the usual fd -> SelectorKey map. Readiness:
    the driver schedules an *arrival* (time, seq, fd, peer socket). At
    select(), the clock advances (to the select deadline or the earliest
    arrival, whichever is first) and every arrival with time <= now is
    delivered in (time, seq) order: one byte is really written into the
    peer socket, and the registered read key is reported, in that order.
    This mirrors epoll's FIFO ready list (an fd joins the tail when its data
    arrives). The loop's self-pipe is never reported (nobody writes to it).
    """

    def __init__(self, loop):
        self._loop = loop
        self._map = {}
        self._pending = []  # heap of (arrival_ns, seq, fd, peer_socket)
        self._seq = 0

    # -- bookkeeping --------------------------------------------------------
    @staticmethod
    def _fd(fileobj):
        if isinstance(fileobj, int):
            return fileobj
        return fileobj.fileno()

    def register(self, fileobj, events, data=None):
        if not events or events & ~(selectors.EVENT_READ | selectors.EVENT_WRITE):
            raise ValueError(f"Invalid events: {events!r}")
        fd = self._fd(fileobj)
        if fd in self._map:
            raise KeyError(f"{fileobj!r} (FD {fd}) is already registered")
        key = selectors.SelectorKey(fileobj, fd, events, data)
        self._map[fd] = key
        return key

    def unregister(self, fileobj):
        try:
            return self._map.pop(self._fd(fileobj))
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def modify(self, fileobj, events, data=None):
        fd = self._fd(fileobj)
        try:
            key = self._map[fd]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None
        key = key._replace(events=events, data=data)
        self._map[fd] = key
        return key

    def get_key(self, fileobj):
        if self._map is None:
            raise RuntimeError("Selector is closed")
        try:
            return self._map[self._fd(fileobj)]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def get_map(self):
        return self._map

    def close(self):
        self._map = None
        self._pending = []

    # -- virtual IO ---------------------------------------------------------
    def schedule_arrival(self, when, fd, peer):
        self._seq += 1
        heapq.heappush(self._pending, (when, self._seq, fd, peer))

    def select(self, timeout=None):
        loop = self._loop
        now = loop._vnow
        pending = self._pending
        if timeout is None:
            if not pending:
                raise DeadlockError(
                    "select(None) with no pending IO: the loop would block forever")
            target = pending[0][0]
        else:
            target = now + timeout
            if pending and pending[0][0] < target:
                target = pending[0][0]
        if target > now:
            loop._vnow = now = target
        ready = []
        while pending and pending[0][0] <= now:
            _, _, fd, peer = heapq.heappop(pending)
            peer.send(b"\x01")
            key = self._map.get(fd)
            if key is None or not key.events & selectors.EVENT_READ:
                raise RuntimeError(
                    f"IO arrival for fd {fd} which has no registered reader")
            ready.append((key, selectors.EVENT_READ))
        return ready


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """The real selector event loop with an exact integer ns clock."""

    def __init__(self):
        self._vnow = 0
        self._iters = 0
        self.spawning = False
        self.eager_starts = 0
        super().__init__(selector=VirtualSelector(self))
        # A timer is due iff when < now + 1, i.e. when <= now (integers).
        self._clock_resolution = 1
        self.set_debug(False)

    def time(self):
        return self._vnow

    def _run_once(self):
        # Counting only; the iteration itself is CPython's code.
        self._iters += 1
        super()._run_once()


class _PatchedMaxSelectTimeout:
    """MAXIMUM_SELECT_TIMEOUT is in loop-clock units: 24 h in ns here."""

    VALUE = 24 * 3600 * 10 ** 9

    def __enter__(self):
        self._saved = asyncio.base_events.MAXIMUM_SELECT_TIMEOUT
        asyncio.base_events.MAXIMUM_SELECT_TIMEOUT = self.VALUE

    def __exit__(self, *exc):
        asyncio.base_events.MAXIMUM_SELECT_TIMEOUT = self._saved
        return False


async def _virtual_task(loop, name, steps, finish, finish_iter, segments, child=True):
    if child:
        _eager_mark(loop)
    selector = loop._selector
    for index, (kind, d) in enumerate(steps):
        if kind == CPU:
            start = loop._vnow
            loop._vnow = end = start + d
            segments.append([name, index, start, end])
        elif kind == SLEEP:
            await asyncio.sleep(d)
        else:
            sock, peer = socket.socketpair()
            try:
                sock.setblocking(False)
                selector.schedule_arrival(loop._vnow + d, sock.fileno(), peer)
                data = await loop.sock_recv(sock, 1)
                if data != b"\x01":
                    raise RuntimeError(f"io step received {data!r}")
            finally:
                sock.close()
                peer.close()
    finish[name] = loop._vnow
    finish_iter[name] = loop._iters


def run_virtual(tasks, spawn="gather", limit=None):
    """Run one parsed workload on a fresh virtual-clock loop."""
    finish = {name: None for name, _ in tasks}
    finish_iter = {name: None for name, _ in tasks}
    segments = []
    loop = VirtualClockLoop()

    async def main():
        coros = [_virtual_task(loop, name, steps, finish, finish_iter, segments,
                               limit is None)
                 for name, steps in tasks]
        coros = limit_children(loop, limit, coros)
        loop._vnow = 0
        # The iteration that runs the children's first steps is 1: the next
        # one, except with eager tasks, which take their first steps inside
        # create_task, in this very iteration.
        loop._iters = 1 if spawn == "eager" else 0
        await spawn_all(loop, spawn, coros)

    try:
        with _PatchedMaxSelectTimeout():
            loop.run_until_complete(main())
    finally:
        loop.close()
    makespan = max(finish.values(), default=0)
    if makespan > _MAX_NS:
        raise WorkloadError(f"makespan {makespan} ns overflows int64")
    return {
        "finish": finish,
        "makespan": makespan,
        "segments": segments,
        "iterations": max(finish_iter.values(), default=0),
        "finish_iter": finish_iter,
        "eager_starts": loop.eager_starts,
    }


# --------------------------------------------------------------------------
# Real clock
# --------------------------------------------------------------------------

class _ArrivalWriter(threading.Thread):
    """Writes one byte into a socket at a given perf_counter_ns instant."""

    def __init__(self):
        super().__init__(name="io-arrivals", daemon=True)
        self._cond = threading.Condition()
        self._heap = []
        self._seq = 0

    def schedule(self, when_ns, peer):
        with self._cond:
            self._seq += 1
            heapq.heappush(self._heap, (when_ns, self._seq, peer))
            self._cond.notify()

    def run(self):
        cond, heap = self._cond, self._heap
        while True:
            with cond:
                while True:
                    if not heap:
                        cond.wait()
                        continue
                    delay = heap[0][0] - time.perf_counter_ns()
                    if delay > 0:
                        cond.wait(delay / 1e9)
                        continue
                    _, _, peer = heapq.heappop(heap)
                    break
            try:
                peer.send(b"\x01")
            except OSError:
                pass


class _ArmedSocket(socket.socket):
    """A socket that starts the peer's write timer after its first recv().

    This keeps the rule that the first read attempt inside loop.sock_recv
    finds no data, as in virtual mode: the data is written (at the arrival
    instant, or at once if that instant has passed) only after that
    attempt.
    """

    def recv(self, *args):
        try:
            return super().recv(*args)
        finally:
            arm = self.__dict__.pop("_arm", None)
            if arm is not None:
                arm()


def _real_socketpair():
    a, b = socket.socketpair()
    sock = _ArmedSocket(a.family, a.type, a.proto, a.detach())
    sock.setblocking(False)
    return sock, b


async def _real_task(loop, writer, name, steps, scale, finish, t0_box, uv=False):
    for kind, d in steps:
        real = round(d * scale)  # integer ns of real time
        if kind == CPU:
            if real > 0:
                time.sleep(real / 1e9)
        elif kind == SLEEP:
            await asyncio.sleep(real / 1e9 if real > 0 else 0)
        else:
            if uv:
                # uvloop's sock_recv never tries to read first: it registers
                # the reader at once. So the byte is due d after the await
                # starts, written now for io 0 (it is there when the next
                # poll adds the socket to epoll) and by the writer thread
                # otherwise.
                sock, peer = socket.socketpair()
                sock.setblocking(False)
                if real > 0:
                    writer.schedule(time.perf_counter_ns() + real, peer)
                else:
                    peer.send(b"\x01")
            else:
                sock, peer = _real_socketpair()
                when = time.perf_counter_ns() + real
                sock._arm = lambda: writer.schedule(when, peer)
            try:
                data = await loop.sock_recv(sock, 1)
                if data != b"\x01":
                    raise RuntimeError(f"io step received {data!r}")
            finally:
                sock.close()
                peer.close()
    finish[name] = time.perf_counter_ns() - t0_box[0]


def _align_to_millisecond():
    """Spin until CLOCK_MONOTONIC is within 50 us after a whole millisecond
    and return that instant (perf_counter_ns is CLOCK_MONOTONIC on Linux,
    the clock libuv's loop time counts in whole ms). The model starts its
    clock on a whole millisecond of libuv's (model/SEMANTICS.md S14.1)."""
    while True:
        now = time.perf_counter_ns()
        if now % 1_000_000 < 50_000:
            return now


def run_real(tasks, scale, writer, spawn="gather", uv=None, limit=None):
    """One wall-clock run; uv is the uvloop module for --loop uvloop."""
    finish = {name: None for name, _ in tasks}
    t0_box = [0]
    # Default policy: the real epoll selector; or uvloop's libuv loop.
    loop = uv.new_event_loop() if uv is not None else asyncio.new_event_loop()
    loop.set_debug(False)

    async def main():
        coros = [_real_task(loop, writer, name, steps, scale, finish, t0_box, uv is not None)
                 for name, steps in tasks]
        coros = limit_children(loop, limit, coros)
        t0_box[0] = _align_to_millisecond() if uv is not None else time.perf_counter_ns()
        await spawn_all(loop, spawn, coros)

    gc.collect()
    gc.disable()
    try:
        loop.run_until_complete(main())
    finally:
        gc.enable()
        loop.close()
    return {"finish": finish, "makespan": max(finish.values(), default=0)}


def _real_scale(value):
    # ns of real time per workload ns; an int or exact decimal.
    try:
        frac = Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise argparse.ArgumentTypeError(f"bad --ns-per-unit {value!r}")
    if frac < 0:
        raise argparse.ArgumentTypeError("--ns-per-unit must be non-negative")
    return frac


# --------------------------------------------------------------------------
# Main loop
# --------------------------------------------------------------------------

def _one_line(exc):
    text = f"{type(exc).__name__}: {exc}" if not isinstance(exc, WorkloadError) else str(exc)
    return " ".join(text.split())


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clock", choices=("virtual", "real"), default="virtual")
    ap.add_argument("--ns-per-unit", type=_real_scale, default=Fraction(1),
                    help="real mode: real ns per workload ns (default 1)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="real mode: runs per workload (default 1)")
    ap.add_argument("--spawn", choices=tuple(SPAWNS), default="gather",
                    help="how tasks are started unless a request says (default gather)")
    ap.add_argument("--loop", choices=("asyncio", "uvloop"), default="asyncio",
                    help="real mode: the event loop (default asyncio's; uvloop needs the "
                         "uvloop package, and only gather)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")
    uv = None
    loop_info = {}
    if args.loop == "uvloop":
        if args.clock != "real":
            ap.error("--loop uvloop needs --clock real: libuv reads CLOCK_MONOTONIC itself")
        if args.spawn != "gather":
            ap.error("--loop uvloop runs gather only")
        try:
            import uvloop as uv
            import uvloop.loop
        except ImportError as exc:
            ap.error(f"--loop uvloop: {exc}")
        v = uvloop.loop.libuv_get_version()
        loop_info = {"loop": "uvloop", "uvloop": uv.__version__,
                     "libuv": f"{v >> 16}.{(v >> 8) & 0xff}.{v & 0xff}"}
    try:
        parse_spawn(None, args.spawn)
    except WorkloadError as exc:
        ap.error(str(exc))

    writer = None
    if args.clock == "real":
        # The writer thread stands in for the network; let it take the GIL
        # quickly when the loop thread is busy in Python code.
        sys.setswitchinterval(0.0002)
        writer = _ArrivalWriter()
        writer.start()
        scale = args.ns_per_unit
        scale = int(scale) if scale.denominator == 1 else scale

    out = sys.stdout
    dumps = json.dumps
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
            tasks = parse_workload(obj)
            spawn = parse_spawn(obj, args.spawn)
            limit = parse_limit(obj)
            if uv is not None and spawn != "gather":
                raise WorkloadError(f"--loop uvloop runs gather only, not {spawn}")
            if args.clock == "virtual":
                result = {"id": wid}
                result.update(run_virtual(tasks, spawn, limit))
            else:
                runs = []
                for _ in range(args.repeat):
                    r = run_real(tasks, scale, writer, spawn, uv, limit)
                    runs.append(r)
                result = {"id": wid, "runs": runs,
                          "ns_per_unit": str(args.ns_per_unit)
                          if args.ns_per_unit.denominator != 1
                          else int(args.ns_per_unit)}
            result["python"] = PYTHON_VERSION
            result["spawn"] = spawn
            result.update(loop_info)
            text = dumps(result)
        except Exception as exc:  # one bad line must not stop the stream
            text = dumps({"id": wid, "error": _one_line(exc)})
        out.write(text + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
