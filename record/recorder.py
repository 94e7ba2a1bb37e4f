#!/usr/bin/env python3
"""Record the workload of every asyncio.gather and TaskGroup a program runs.

Usage (gatherorder record writes this file to a temporary path and runs it):

    python3 [PYTHON-OPTIONS] recorder.py RAW CLOCK SCRIPT [ARGS...]
    python3 [PYTHON-OPTIONS] recorder.py RAW CLOCK -m MODULE [ARGS...]

RAW is the file the recording is written to when the program ends (JSON,
integer nanoseconds; gatherorder record turns it into the recorder file).
CLOCK is "real" (time.perf_counter_ns) or "virtual" (for tests: time.sleep
and the loop's select advance an exact integer-nanosecond clock instead of
waiting; see VirtualSelector). The program runs as `python3 SCRIPT ARGS` would
run it: sys.argv, sys.path[0] and __main__ are the script's, its stdin,
stdout and stderr are untouched, and its exit status is the recorder's.

What is recorded (package record's documentation states the rules): every
child of a recorded call is a Task; each run of one of its steps is a cpu
step as long as the step ran, and each await between two steps is one of

    sleep d   "timer":  the awaited future was completed by a timer
              callback (asyncio.sleep, call_later); d = deadline - await start
    sleep 0   "yield":  a bare yield (asyncio.sleep(0)); the task re-queued
              itself
    io d      "socket": completed by a reader or writer callback of the
              selector; d = the instant the selector reported the socket
              ready - await start
    io d      "thread": completed by a call_soon_threadsafe callback
              (run_in_executor, to_thread); d = the instant of that call
    sleep 0 x k  "hop": completed by a chain of call_soon callbacks that the
              task itself queued, nothing awaited; the task resumed k loop
              iterations after the await, which is k bare yields
    sleep 0 x k  "turn": completed by another task's step (a lock another
              task releases, an Event it sets) while the loop never waited
              for anything meanwhile (selector loops): the wait was the
              other tasks' steps, which the model runs itself; the task
              resumed k iterations after the await
    sleep d   "task":   completed by another task (an inner gather, a task
              the child awaits, an Event another task sets) while the loop
              did wait for something meanwhile, or under uvloop; d =
              completion - await start
    io d      "loop":   (uvloop only) completed by the loop's own machinery,
              outside any Python callback: a socket or pipe; d = completion
    sleep d   "other":  anything else (d = completion - await start)

A source at depth k > 0 of a call_soon chain adds k bare yields ("hop"
steps after the wait). The hooks are instance attributes of the running
loop (call_soon, call_soon_threadsafe, call_at, call_later, and on selector
loops _process_events) and asyncio.gather / asyncio.TaskGroup; a loop is
instrumented when it starts running (asyncio.events._set_running_loop).
Standard library only; CPython 3.8 to 3.13, the stock loop or uvloop.
"""

import asyncio
import asyncio.events
import asyncio.tasks
import json
import os
import platform
import re
import select
import sys
import threading
import time
import traceback

RAW_VERSION = 1

_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
_DEFAULT_NAME = re.compile(r"Task-\d+\Z")


class _State:
    """Everything the hooks share. cur is the source of the code running now:
    None, or (kind, value, depth, owner) with kind "step" (a recorded task's
    step; owner is the task), "timer" (value: deadline ns), "socket" or
    "thread" (value: the instant ns), "task" (a step of an unrecorded task,
    owner is that task); depth counts call_soon generations from it."""

    def __init__(self):
        self.clock = time.perf_counter_ns
        self.cur = None
        self.tracked = {}   # id(task) -> _Child
        self.waits = {}     # id(future) -> _Wait
        self.calls = []     # finished _Call records, as dicts
        self.open = []      # unfinished _Call objects
        self.errors = []    # the recorder's own failures (never raised)
        self.seq = 0
        self.script_dir = ""
        self.uvloop = False
        self.loops = []
        # Selector loops only: iterations (one select each) and the selects
        # that could wait (nothing was ready); None where not counted.
        self.iters = None
        self.idles = None
        # Hook invocations (handles queued and run, steps, selects, socket
        # events), for the overhead estimate (_event_cost).
        self.events = 0


S = _State()


def _err(where):
    if len(S.errors) < 20:
        S.errors.append(where + ": " + "".join(traceback.format_exception_only(*sys.exc_info()[:2])).strip())


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------

class _Wait:
    __slots__ = ("fut", "child", "start", "done_at", "src", "iter0", "idle0", "iter1", "idle1")

    def __init__(self, fut, child, start):
        self.fut, self.child, self.start = fut, child, start
        self.done_at = None
        self.src = None
        self.iter0, self.idle0 = S.iters, S.idles
        self.iter1 = self.idle1 = None


class _Child:
    __slots__ = ("task", "name", "steps", "first", "finish", "end", "wait", "calls", "future")

    def __init__(self, task, name, future=False):
        self.task = task
        self.name = name
        self.steps = []
        self.first = None
        self.finish = None
        self.end = None
        self.wait = None
        self.calls = []
        self.future = future


class _Call:
    __slots__ = ("kind", "site", "seq", "children", "notes", "closed", "done", "events0")

    def __init__(self, kind, site):
        S.seq += 1
        self.events0 = S.events
        self.kind, self.site, self.seq = kind, site, S.seq
        self.children = []
        self.notes = []
        self.closed = kind == "gather"
        self.done = False

    def add(self, obj, pos):
        if isinstance(obj, asyncio.Future) and hasattr(obj, "get_coro"):
            ch = S.tracked.get(id(obj))
            if ch is not None and ch.task is obj:
                self.notes.append("task %s is also a child of another recorded call" % ch.name)
            else:
                ch = _Child(obj, _task_name(obj, pos))
                if _started(obj):
                    self.notes.append("task %s had run before this call: its earlier steps are not recorded" % ch.name)
                S.tracked[id(obj)] = ch
                if obj.done():
                    ch.finish = ch.first = S.clock()
                    ch.end = "done before the call"
        else:
            # A plain future (an inner gather passed directly, a Future):
            # one wait of its lifetime, mapped like any awaited future.
            ch = _Child(obj, "%s#%d" % (type(obj).__name__, pos), future=True)
            now = S.clock()
            ch.first = now
            if obj.done():
                ch.finish = now
                ch.end = "done before the call"
            else:
                w = _Wait(obj, ch, now)
                ch.wait = w
                S.waits[id(obj)] = w
            self.notes.append("child %d is a %s, not a task: recorded as one wait" % (pos, type(obj).__name__))
        ch.calls.append(self)
        self.children.append(ch)

    def check(self):
        if self.done or not self.closed:
            return
        for ch in self.children:
            if ch.finish is None:
                return
        self.done = True
        try:
            S.open.remove(self)
        except ValueError:
            pass
        self.emit()

    def emit(self):
        names = {}
        for ch in self.children:
            names[ch.name] = names.get(ch.name, 0) + 1
        tasks = []
        starts = [ch.first for ch in self.children if ch.first is not None]
        t0 = min(starts) if starts else 0
        makespan = 0
        for i, ch in enumerate(self.children):
            name = ch.name
            if names[name] > 1:
                name = "%s#%d" % (name, i + 1)
            t = {"name": name, "steps": [list(s) for s in ch.steps]}
            if ch.end:
                t["end"] = ch.end
            tasks.append(t)
            if ch.finish is not None and ch.finish - t0 > makespan:
                makespan = ch.finish - t0
        S.calls.append({"site": self.site, "kind": self.kind, "seq": self.seq,
                        "start_ns": t0, "makespan_ns": makespan, "events": S.events - self.events0,
                        "tasks": tasks, "notes": self.notes})
        for ch in self.children:
            if self in ch.calls:
                ch.calls.remove(self)
            if not ch.calls and S.tracked.get(id(ch.task)) is ch:
                del S.tracked[id(ch.task)]


_seen_tasks = None


def _started(task):
    try:
        return _seen_tasks is not None and task in _seen_tasks
    except TypeError:
        return False


def _task_name(task, pos):
    try:
        name = task.get_name()
    except Exception:
        name = ""
    if name and not _DEFAULT_NAME.match(name):
        return name
    coro = None
    try:
        coro = task.get_coro()
    except Exception:
        pass
    qual = getattr(coro, "__qualname__", None) or type(coro).__name__
    return "%s#%d" % (qual, pos)


def _site(frame):
    fn = frame.f_code.co_filename
    if S.script_dir:
        try:
            rel = os.path.relpath(os.path.abspath(fn), S.script_dir)
            if not rel.startswith(".." + os.sep) and rel != "..":
                fn = rel
        except ValueError:
            pass
    return "%s:%d" % (fn, frame.f_lineno)


def _caller(depth):
    """The first frame outside asyncio and this file, from depth up."""
    f = sys._getframe(depth + 1)
    while f is not None and (f.f_code.co_filename.startswith(_ASYNCIO_DIR) or f.f_code.co_filename == __file__):
        f = f.f_back
    return f


# --------------------------------------------------------------------------
# Step timing and wait classification
# --------------------------------------------------------------------------

def _resolve(w, now):
    """The steps of a finished wait: [(kind, ns, source), ...]."""
    src = w.src
    end = w.done_at if w.done_at is not None else now
    if src is None:
        if S.uvloop and w.done_at is not None:
            return [("io", max(0, end - w.start), "loop")]
        return [("sleep", max(0, end - w.start), "other")]
    kind, value, depth, owner = src
    hops = [("sleep", 0, "hop")] * depth
    if kind == "timer":
        return [("sleep", max(0, value - w.start), "timer")] + hops
    if kind in ("socket", "thread"):
        return [("io", max(0, value - w.start), kind)] + hops
    if kind == "step" and owner is w.child.task and depth > 0:
        return [("sleep", 0, "hop")] * (depth + 1)
    if kind in ("step", "task"):
        if w.iter1 is not None and w.iter0 is not None and w.idle1 == w.idle0:
            # The loop never waited meanwhile: the wait was the other
            # tasks' steps, which the model runs itself; k turns.
            return [("sleep", 0, "turn")] * (w.iter1 - w.iter0 + 1)
        return [("sleep", max(0, end - w.start), "task")]
    return [("sleep", max(0, end - w.start), "other")]


def _run_step(ch, callback, args, prev):
    S.events += 1
    clock = S.clock
    t = clock()
    w = ch.wait
    if w is not None:
        ch.wait = None
        S.waits.pop(id(w.fut), None)
        ch.steps.extend(_resolve(w, t))
    if ch.first is None:
        ch.first = t
    S.cur = ("step", None, 0, ch.task)
    try:
        return callback(*args)
    finally:
        e = clock()
        S.cur = prev
        try:
            ch.steps.append(("cpu", e - t))
            task = ch.task
            if task.done():
                ch.finish = e
                if task.cancelled():
                    ch.end = "cancelled"
                elif task.exception() is not None:
                    ch.end = "raised " + type(task.exception()).__name__
                for c in list(ch.calls):
                    c.check()
            else:
                fw = getattr(task, "_fut_waiter", None)
                if fw is None:
                    ch.steps.append(("sleep", 0, "yield"))
                else:
                    nw = _Wait(fw, ch, e)
                    ch.wait = nw
                    S.waits[id(fw)] = nw
        except Exception:
            _err("step")


def _future_done(ch, w, now):
    """A recorded plain-future child completed."""
    ch.steps.extend(_resolve(w, now))
    ch.wait = None
    ch.finish = now
    for c in list(ch.calls):
        c.check()


def _child_origin(cur):
    if cur is None:
        return None
    kind, value, depth, owner = cur
    return (kind, value, depth + 1, owner)


_STEP_TYPES = ("TaskStepMethWrapper", "TaskWakeupMethWrapper")
_STEP_NAMES = ("task_wakeup", "__step", "__wakeup")


def _task_of(callback):
    """The task whose step callback is callback, else None: the C Task's
    step and wakeup wrappers (3.8 to 3.13) and the pure-Python Task's
    __step and __wakeup methods."""
    task = getattr(callback, "__self__", None)
    if task is None or not isinstance(task, asyncio.Future):
        return None
    if type(callback).__name__ in _STEP_TYPES or getattr(callback, "__name__", None) in _STEP_NAMES:
        return task
    return None


def _wrap(callback, origin):
    task = _task_of(callback)

    def run(*args):
        S.events += 1
        prev = S.cur
        if task is not None:
            ch = S.tracked.get(id(task))
            if ch is not None and ch.task is task and not ch.future:
                return _run_step(ch, callback, args, prev)
            if _seen_tasks is not None:
                try:
                    _seen_tasks.add(task)
                except TypeError:
                    pass
            S.cur = ("task", None, 0, task)
        else:
            S.cur = origin
        try:
            return callback(*args)
        finally:
            S.cur = prev
    return run


def _note_completion(fut):
    w = S.waits.get(id(fut))
    if w is not None and w.fut is fut and w.done_at is None:
        w.done_at = S.clock()
        w.src = S.cur
        w.iter1, w.idle1 = S.iters, S.idles
        if w.child.future:
            S.waits.pop(id(fut), None)
            _future_done(w.child, w, w.done_at)


# --------------------------------------------------------------------------
# Loop instrumentation
# --------------------------------------------------------------------------

def instrument(loop):
    if loop is None or loop.__dict__.get("_gatherorder_instrumented"):
        return
    try:
        _instrument(loop)
    except Exception:
        _err("instrument")


def _instrument(loop):
    d = loop.__dict__
    d["_gatherorder_instrumented"] = True
    S.loops.append(loop)
    cls = type(loop)
    if cls.__module__.split(".")[0] == "uvloop":
        S.uvloop = True
    orig_soon = loop.call_soon
    orig_soon_ts = loop.call_soon_threadsafe
    orig_at = loop.call_at
    orig_later = loop.call_later
    loop_time = loop.time
    clock = S.clock
    guard = [False]

    def call_soon(callback, *args, context=None):
        S.events += 1
        if args and S.waits:
            _note_completion(args[0])
        return orig_soon(_wrap(callback, _child_origin(S.cur)), *args, context=context)

    def call_soon_threadsafe(callback, *args, context=None):
        return orig_soon_ts(_wrap(callback, ("thread", clock(), 0, None)), *args, context=context)

    def call_at(when, callback, *args, context=None):
        if guard[0]:
            return orig_at(when, callback, *args, context=context)
        deadline = clock() + int(round((when - loop_time()) * 1e9))
        guard[0] = True
        try:
            return orig_at(when, _wrap(callback, ("timer", deadline, 0, None)), *args, context=context)
        finally:
            guard[0] = False

    def call_later(delay, callback, *args, context=None):
        if guard[0]:
            return orig_later(delay, callback, *args, context=context)
        deadline = clock() + int(round(delay * 1e9))
        guard[0] = True
        try:
            return orig_later(delay, _wrap(callback, ("timer", deadline, 0, None)), *args, context=context)
        finally:
            guard[0] = False

    d["call_soon"] = call_soon
    d["call_soon_threadsafe"] = call_soon_threadsafe
    d["call_at"] = call_at
    d["call_later"] = call_later

    sel = getattr(loop, "_selector", None)
    proc = getattr(loop, "_process_events", None)
    if sel is not None and proc is not None and isinstance(loop, asyncio.selector_events.BaseSelectorEventLoop):
        if VIRTUAL:
            sel = loop._selector = VirtualSelector(sel)
        else:
            READINESS.mirror(sel)
        if S.iters is None:
            S.iters = S.idles = 0
        real_select = sel.select

        def counting_select(timeout=None):
            S.events += 1
            S.iters += 1
            if timeout is None or timeout > 0:
                S.idles += 1
            return real_select(timeout)

        sel.select = counting_select

        def process_events(event_list):
            t = clock()
            for key, mask in event_list:
                data = key.data
                if not isinstance(data, tuple) or len(data) != 2:
                    continue
                reader, writer = data
                if mask & 1 and reader is not None:
                    _mark_io(reader, READINESS.take(key, 1, t), key.fd, 1)
                if mask & 2 and writer is not None:
                    _mark_io(writer, READINESS.take(key, 2, t), key.fd, 2)
            return proc(event_list)

        d["_process_events"] = process_events


class _Readiness:
    """When each registered socket became ready, per (fd, EVENT_READ or
    EVENT_WRITE), first instant since the loop last reported it: the loop's
    own select learns of data only when it is called, which is late when a
    step was running as the data arrived (model/SEMANTICS.md §S7 counts from
    the arrival). Real clock: a daemon thread waits on its own epoll set, a
    one-shot mirror of the loop's selector registrations, and stamps each
    readiness as it happens (within the interpreter's switch interval when
    the program holds the GIL). Virtual clock: the selector is polled each
    time the virtual clock is about to advance."""

    def __init__(self):
        self.ready_at = {}
        self.ep = None
        self.events = {}    # fd -> the loop's registered events (real clock)

    def start_thread(self):
        if self.ep is not None or not hasattr(select, "epoll"):
            return
        self.ep = select.epoll()
        threading.Thread(target=self._run, name="gatherorder-readiness", daemon=True).start()

    def _run(self):
        ep, ready_at, clock = self.ep, self.ready_at, S.clock
        while True:
            try:
                evs = ep.poll(-1)
            except InterruptedError:
                continue
            except OSError:
                return
            t = clock()
            for fd, m in evs:
                if m & ~select.EPOLLOUT:
                    ready_at.setdefault((fd, 1), t)
                if m & ~select.EPOLLIN:
                    ready_at.setdefault((fd, 2), t)

    def arm(self, fd, events):
        ep = self.ep
        if ep is None:
            return
        self.events[fd] = events
        mask = select.EPOLLONESHOT
        if events & 1:
            mask |= select.EPOLLIN
        if events & 2:
            mask |= select.EPOLLOUT
        try:
            ep.modify(fd, mask)
        except OSError:
            try:
                ep.register(fd, mask)
            except OSError:
                pass

    def disarm(self, fd):
        self.ready_at.pop((fd, 1), None)
        self.ready_at.pop((fd, 2), None)
        self.events.pop(fd, None)
        if self.ep is not None:
            try:
                self.ep.unregister(fd)
            except OSError:
                pass

    def mirror(self, sel):
        """Mirror the registrations of the loop's selector (real clock)."""
        self.start_thread()
        if self.ep is None:
            return
        for key in list(sel.get_map().values()):
            self.arm(key.fd, key.events)
        reg, mod, unreg = sel.register, sel.modify, sel.unregister

        def register(fileobj, events, data=None):
            key = reg(fileobj, events, data)
            self.arm(key.fd, events)
            return key

        def modify(fileobj, events, data=None):
            key = mod(fileobj, events, data)
            for ev in (1, 2):
                if not events & ev:
                    self.ready_at.pop((key.fd, ev), None)
            self.arm(key.fd, events)
            return key

        def unregister(fileobj):
            key = unreg(fileobj)
            self.disarm(key.fd)
            return key

        sel.register, sel.modify, sel.unregister = register, modify, unregister

    def poll(self, sel):
        """Stamp every registered socket that is ready now (virtual clock)."""
        t = S.clock()
        for key, mask in sel.select(0):
            if mask & 1:
                self.ready_at.setdefault((key.fd, 1), t)
            if mask & 2:
                self.ready_at.setdefault((key.fd, 2), t)

    def take(self, key, ev, t):
        """The readiness instant of a reported (key, ev)."""
        r = self.ready_at.pop((key.fd, ev), None)
        return t if r is None or r > t else r

    def done(self, fd, ev):
        """The callback of a reported (fd, ev) has run: it has read (or
        written) what made the socket ready. Forget what was stamped while
        it was still ready, and watch it again (one-shot, level-triggered:
        what is left unread is stamped at once)."""
        self.ready_at.pop((fd, ev), None)
        events = self.events.get(fd)
        if events is not None:
            self.arm(fd, events)


READINESS = _Readiness()


def _mark_io(handle, t, fd, ev):
    S.events += 1
    cb = getattr(handle, "_callback", None)
    if cb is None:
        return
    cell = getattr(cb, "_gatherorder_cell", None)
    if cell is None:
        cell = [t]

        def run(*args):
            prev = S.cur
            S.cur = ("socket", cell[0], 0, None)
            try:
                return cb(*args)
            finally:
                S.cur = prev
                READINESS.done(fd, ev)
        run._gatherorder_cell = cell
        try:
            handle._callback = run
        except AttributeError:
            return
    else:
        cell[0] = t


# --------------------------------------------------------------------------
# gather and TaskGroup
# --------------------------------------------------------------------------

_orig_gather = asyncio.tasks.gather


def gather(*aws, **kwargs):
    caller = sys._getframe(1)
    if caller.f_code.co_filename.startswith(_ASYNCIO_DIR):
        return _orig_gather(*aws, **kwargs)
    try:
        instrument(asyncio.events._get_running_loop())
    except Exception:
        _err("gather")
    outer = _orig_gather(*aws, **kwargs)
    try:
        call = _Call("gather", _site(caller))
        children = getattr(outer, "_children", None)
        if children is None:
            children = []
        for i, ch in enumerate(children):
            call.add(ch, i + 1)
        S.open.append(call)
        call.check()
    except Exception:
        _err("gather")
    return outer


gather.__doc__ = _orig_gather.__doc__
asyncio.tasks.gather = gather
asyncio.gather = gather

if hasattr(asyncio, "TaskGroup"):
    import asyncio.taskgroups

    _OrigTaskGroup = asyncio.taskgroups.TaskGroup

    class TaskGroup(_OrigTaskGroup):
        __doc__ = _OrigTaskGroup.__doc__

        async def __aenter__(self):
            f = _caller(1)
            self._gatherorder_call = None
            self._gatherorder_site = _site(f) if f is not None else "?"
            self._gatherorder_n = 0
            try:
                instrument(asyncio.events._get_running_loop())
            except Exception:
                _err("taskgroup")
            return await super().__aenter__()

        def create_task(self, coro, *args, **kwargs):
            task = super().create_task(coro, *args, **kwargs)
            try:
                call = getattr(self, "_gatherorder_call", None)
                if call is None and hasattr(self, "_gatherorder_site"):
                    call = _Call("taskgroup", self._gatherorder_site)
                    self._gatherorder_call = call
                    S.open.append(call)
                if call is not None:
                    self._gatherorder_n += 1
                    call.add(task, self._gatherorder_n)
            except Exception:
                _err("taskgroup")
            return task

        async def __aexit__(self, et, exc, tb):
            try:
                return await super().__aexit__(et, exc, tb)
            finally:
                call = getattr(self, "_gatherorder_call", None)
                if call is not None:
                    call.closed = True
                    call.check()

    TaskGroup.__name__ = TaskGroup.__qualname__ = "TaskGroup"
    TaskGroup.__module__ = _OrigTaskGroup.__module__
    asyncio.taskgroups.TaskGroup = TaskGroup
    asyncio.TaskGroup = TaskGroup

_orig_set_running_loop = asyncio.events._set_running_loop


def _set_running_loop(loop):
    if loop is not None:
        instrument(loop)
    return _orig_set_running_loop(loop)


asyncio.events._set_running_loop = _set_running_loop
asyncio._set_running_loop = _set_running_loop


# --------------------------------------------------------------------------
# The virtual clock (tests)
# --------------------------------------------------------------------------

VIRTUAL = False


class _VClock:
    now = 0

    @classmethod
    def ns(cls):
        return cls.now

    @classmethod
    def seconds(cls):
        return cls.now / 1e9


_IDLE = threading.Event()


def _vsleep(secs):
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    if threading.current_thread() is not threading.main_thread():
        # Another thread's sleep moves the one clock only while the loop
        # waits for it (select without timeout), so runs are deterministic.
        _IDLE.wait()
    for loop in S.loops:
        sel = getattr(loop, "_selector", None)
        if isinstance(sel, VirtualSelector) and not loop.is_closed():
            READINESS.poll(sel._real)
    _VClock.now += int(round(secs * 1e9))


class VirtualSelector:
    """Wraps the loop's real selector: sockets ready now are reported at
    once; otherwise a select that would wait for a timer advances the
    virtual clock by its timeout instead, and a select without timeout
    blocks on the real selector while other threads' sleeps advance the
    clock."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def select(self, timeout=None):
        ev = self._real.select(0)
        if ev:
            return ev
        if timeout is None:
            _IDLE.set()
            try:
                return self._real.select(None)
            finally:
                _IDLE.clear()
        if timeout > 0:
            READINESS.poll(self._real)
            _VClock.now += int(round(timeout * 1e9))
        return self._real.select(0)


def _use_virtual_clock():
    global VIRTUAL
    VIRTUAL = True
    S.clock = _VClock.ns
    time.sleep = _vsleep
    time.monotonic = time.perf_counter = time.time = _VClock.seconds
    time.monotonic_ns = time.perf_counter_ns = time.time_ns = _VClock.ns


# --------------------------------------------------------------------------
# Running the program
# --------------------------------------------------------------------------

def _event_cost():
    """The recorder's cost per hook invocation, in picoseconds: a handle
    queued and run through the wrappers against the bare callback, the
    minimum of five rounds (0 under the virtual clock)."""
    if VIRTUAL:
        return 0
    clock = time.perf_counter_ns

    def noop(*args):
        pass
    n, best = 5000, None
    for _ in range(5):
        t0 = clock()
        for _ in range(n):
            S.events += 1
            _wrap(noop, None)()
        t1 = clock()
        for _ in range(n):
            noop()
        t2 = clock()
        c = max(0, (t1 - t0) - (t2 - t1)) * 1000 // (2 * n)
        best = c if best is None or c < best else best
    return best


def _write(path):
    incomplete = len(S.open)
    try:
        cost = _event_cost()
    except Exception:
        _err("event cost")
        cost = 0
    data = {"recorder": RAW_VERSION, "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "loop": "uvloop" if S.uvloop else "asyncio",
            "clock": "virtual" if VIRTUAL else "real",
            "calls": sorted(S.calls, key=lambda c: (c["start_ns"], c["seq"])),
            "incomplete": incomplete, "errors": S.errors, "event_ps": cost}
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f)
    os.replace(tmp, path)


def _trimmed(tb, target):
    """The traceback from the program's first frame on: the recorder's and
    runpy's frames are not the program's (python3 SCRIPT prints none)."""
    if target is not None:
        t = tb
        while t is not None:
            if t.tb_frame.f_code.co_filename == target:
                return t
            t = t.tb_next
    t = tb
    runpy_file = getattr(sys.modules.get("runpy"), "__file__", None)
    while t is not None:
        fn = t.tb_frame.f_code.co_filename
        if fn != __file__ and fn != runpy_file and not fn.startswith("<frozen runpy"):
            return t
        t = t.tb_next
    return tb


def main():
    global _seen_tasks
    if len(sys.argv) < 4 or sys.argv[2] not in ("real", "virtual"):
        sys.stderr.write("usage: recorder.py RAW real|virtual SCRIPT [ARGS...] | -m MODULE [ARGS...]\n")
        return 2
    raw, clock = sys.argv[1], sys.argv[2]
    rest = sys.argv[3:]
    if clock == "virtual":
        _use_virtual_clock()
    import runpy
    import weakref
    _seen_tasks = weakref.WeakSet()
    isolated = getattr(sys.flags, "isolated", 0) or getattr(sys.flags, "safe_path", False)
    if rest[0] == "-m":
        if len(rest) < 2:
            sys.stderr.write("recorder.py: -m needs a module name\n")
            return 2
        module = rest[1]
        sys.argv = [rest[1]] + rest[2:]
        S.script_dir = os.getcwd()
        if not isolated:
            sys.path[0] = os.getcwd()
        target = None
    else:
        module = None
        target = rest[0]
        sys.argv = list(rest)
        S.script_dir = os.path.dirname(os.path.abspath(target))
        if not isolated:
            sys.path[0] = os.path.dirname(target) or ""
            if sys.path[0] == "":
                sys.path[0] = os.getcwd()
            sys.path[0] = os.path.abspath(sys.path[0])
    try:
        if module is not None:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        else:
            runpy.run_path(target, run_name="__main__")
    except SystemExit:
        _write(raw)
        raise
    except BaseException as e:
        _write(raw)
        sys.stdout.flush()
        tb = _trimmed(e.__traceback__, target)
        traceback.print_exception(type(e), e, tb)
        sys.stderr.flush()
        if isinstance(e, KeyboardInterrupt):
            import signal
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
        return 1
    _write(raw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
