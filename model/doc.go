// Package model is an exact, executable model of CPython 3.11's asyncio
// selector event loop running `await asyncio.gather(*tasks)`, with integer
// nanosecond time.
//
// # Workloads
//
// A Workload is a list of tasks in gather order; each task is a list of
// steps: CPU d (blocking work, like time.sleep(d)), Sleep d
// (await asyncio.sleep(d)) and IO d (await loop.sock_recv(...) on a socket
// whose data arrives d after the await starts). Durations are exact
// Durations (int64 ns) parsed from decimal text without floating point
// (ParseDuration, Parse); a valid workload's total duration fits in int64,
// and since the clock never passes that total, simulation cannot overflow.
//
// # The loop
//
// Sim reproduces, handle for handle where it matters for time, one
// _run_once iteration of base_events.py:
//
//  1. select timeout: 0 if the ready deque is non-empty, else the time to
//     the earliest timer capped at 24 h, or no timeout (block) without timers;
//     select returns early when a registered socket becomes readable;
//  2. _process_events appends the reader callbacks of readable sockets, in
//     (arrival, registration) order, like epoll's FIFO ready list;
//  3. every timer with when < now + clock_resolution (1 ns, so when <= now)
//     is popped from a heap ordered only by when, with CPython's heapq
//     algorithm, so equal deadlines leave in heapq's order (timerHeap);
//  4. exactly the ntodo handles present now run; handles they queue wait.
//
// A task's step runs its CPU steps back to back (advancing the clock) up to
// its next await. A timer or reader callback completes a future, whose done
// callback (the task's wakeup) is queued with call_soon: the task resumes
// one iteration after its timer fires or its socket is reported. sleep(0)
// arms no timer: the task re-queues its own step. IO first tries to read,
// finds nothing, and registers a reader, so even IO 0 costs two loop turns.
//
// CPython also queues bookkeeping handles that take no time and wake no
// task: _sock_read_done, queued together with an io task's wakeup, and
// gather's _done_callback, queued when a child returns. The first always
// shares its iteration with a wakeup the model keeps, so it changes nothing.
// The second can make the next select non-blocking where the model's ready
// deque is empty; that adds one iteration in which nothing runs and the
// clock does not move, after which the loop goes on as the model does: no
// timer or socket becomes due earlier or later. The model omits both, so
// its iteration counts can be lower than CPython's while every time is
// the same; the differential tests against real CPython (package props)
// check every finish time and CPU segment.
//
// # The closed form
//
// For canonical tasks (cpu A; sleep L; cpu B) ClosedForm gives the
// makespan without simulation: first phases back to back in gather order,
// releases r_j = S_k + A_j + L_j, second phases list-scheduled in release
// order from ΣA without idling (Jackson's earliest-release-date rule for
// 1|r_j|Cmax; J. R. Jackson, Scheduling a production line to minimize
// maximum tardiness, 1955). The makespan equals the simulator's for L >= 0
// and for io in place of sleep; per-task finishes agree when releases are
// distinct and L > 0 (tests in closedform_test.go draw the boundary).
package model
