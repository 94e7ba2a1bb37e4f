// Package oracle runs gatherorder workloads on real CPython asyncio (3.11
// by default; any of 3.8 to 3.13 on request) and returns what happened, so
// that the model (package model) can be judged by the runtime it claims to
// reproduce.
//
// # What the oracle is
//
// Start launches one long-lived python3 process running
// drivers/asyncio_driver.py (embedded in the binary, embed.go, and written
// to a temporary file). In its virtual-clock mode the
// driver executes the unmodified asyncio code — SelectorEventLoop._run_once,
// call_soon, call_at and the timer heapq, the C-accelerated Task and Future,
// gather, asyncio.sleep and loop.sock_recv — and replaces only two inputs:
// the loop's clock (an exact integer nanosecond count, with
// clock_resolution 1 so that "due iff when < now + resolution" is exactly
// "due iff when ≤ now") and the selector (socket data arrives at exact
// virtual instants, reported in (arrival, registration) order like epoll's
// FIFO ready list). CPU steps advance that clock inside the running
// callback, as time.sleep blocks the loop thread. So for a workload W and a
// gather order π the oracle computes, with no modelling of its own beyond
// "cpu d takes exactly d" and "io d's byte arrives exactly d after the await
// starts",
//
//	F_i(W, π)  the instant task i's coroutine returned, for every task i,
//	C(W, π) = max_i F_i(W, π)  the makespan (0 with no tasks),
//	S(W, π)   the sequence of CPU segments (task, step, start, end) in the
//	          order they ran,
//
// and the differential tests (differential_test.go, through
// Python.Differential) require model.Simulate to produce the same three
// objects, exactly, integer for integer. Diff renders the two side by side when they do not.
//
// # Versions and spawn styles
//
// Start runs CPython 3.11 with gather, the base model's runtime. StartWith
// runs any interpreter of CPython 3.8 to 3.13 (Config.Python) with any
// spawn style its version has (Config.Spawn: model.Gather,
// model.TaskGroup from 3.11, model.Eager from 3.12); the request may also
// name its own style (drivers/README.md). Interpreters lists the ones
// under pyenv's versions directory (PyenvVersions, $PYENV_ROOT/versions)
// and InterpretersFor picks one per minor version. Python.Runtime is the
// model variant a driver judges (model/SEMANTICS.md §S11) with heapq
// ties, as the virtual clock makes equal deadlines exactly equal
// (model/SEMANTICS.md §S12), and
// Differential compares with it. The driver is the same script on every
// version; the private names it touches are listed in drivers/README.md.
//
// # Protocol and speed
//
// The driver speaks JSON lines: one workload per line in, one result per
// line out (drivers/README.md). Run sends one workload and
// waits; RunBatch writes a whole batch from one goroutine while reading
// results in another, so the pipe never stalls and the cost per workload is
// CPython's own (a fresh event loop per workload; a few thousand workloads
// per second on one core). A Python is safe for concurrent use; calls are
// serialised.
//
// Task names never cross the pipe: the tasks are sent as t0, t1, … in gather
// order and mapped back to indices of w.Tasks, so any valid workload name is
// safe.
//
// # Real clock
//
// StartReal (StartRealWith for another version or spawn style) runs the
// same driver with the wall clock: cpu is time.sleep,
// sleep is asyncio.sleep, io is a socketpair whose byte a helper thread
// writes at the arrival instant, on the default epoll loop. Its makespans
// are measurements, not exact values; experiments/realclock compares them
// with the model's predictions. On the wall clock equal deadlines do not
// tie; they leave in arming order, the model's armed tie rule
// (model/SEMANTICS.md §S12, checked by a test under make verify).
//
// # uvloop and Node.js
//
// StartUVLoop runs the same driver in real mode with uvloop's loop
// (--loop uvloop, gather only) on a CPython 3.11 that imports uvloop
// (FindUVLoopPython: Debian's python3-uvloop for /usr/bin/python3), and
// StartNode runs drivers/node_driver.js on Node.js 20 (FindNode;
// StartNodeWith for blocking cpu steps), each workload as
// `await Promise.all([...])` over async functions. Both return a Real;
// their models are model.Runtime{Loop: model.UVLoop} and
// model.Runtime{Loop: model.Node} (model/SEMANTICS.md §S14, §S15). libuv
// reads CLOCK_MONOTONIC itself, so neither can run under a virtual clock;
// each run starts within 50 µs after a whole millisecond of that clock,
// the model's clock origin. The golden runs of
// model/testdata/libuv_golden.json are checked on both under make verify,
// and experiments/libuvclock compares seeded workloads with their
// predictions.
//
// # References
//
// CPython 3.11 Lib/asyncio/base_events.py (BaseEventLoop._run_once),
// events.py (TimerHandle), tasks.py (Task.__step, sleep, gather),
// selector_events.py (sock_recv), and for the other versions and styles
// the sources model/SEMANTICS.md §S11 cites (taskgroups.py,
// eager_task_factory); epoll(7) for the ready-list order.
// W. M. McKeeman, Differential testing for software, Digital Technical
// Journal 10(1), 1998, for the method.
package oracle
