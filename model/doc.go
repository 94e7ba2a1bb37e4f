// Package model is an exact, executable model of CPython 3.11's asyncio
// selector event loop running `await asyncio.gather(*tasks)`, with integer
// nanosecond time; through Runtime, also of CPython 3.8 to 3.13 starting
// the tasks with gather, a TaskGroup or the eager task factory, and with
// either tie rule.
//
// The behaviour it reproduces, with the CPython source it comes from, and
// the workload format are specified in model/SEMANTICS.md, which the
// rest of the repository cites by section; this comment maps the sections
// to the code.
//
// # Workloads and time
//
// A Workload is a list of tasks in gather order; each Task is a list of
// Steps of kind CPU, Sleep or IO (model/SEMANTICS.md §S5 to §S7). Parse
// reads and Marshal writes the JSON format of model/SEMANTICS.md §S10;
// Validate checks a workload built in code. A Duration is an exact
// int64 count of nanoseconds; ParseDuration, Format and Add are the
// arithmetic of model/SEMANTICS.md §S9.
//
// # Random durations
//
// A step's duration may be random (model/SEMANTICS.md §S16): Task.Dists
// holds one Dist per step (Empirical, LogNormal or Uniform; Fixed is the
// constant Step.D), and Step.D is then the median, the nominal duration
// (Dist.Nominal). Workload.Uncertain reports one; Dist.Mean is the exact
// (log-normal: float64) expectation. Draw draws seeded Scenarios, each a
// deterministic workload (Scenarios.Scenario, Scenarios.Fill).
//
// # The loop
//
// Sim (loop.go) runs the iterations of model/SEMANTICS.md §S3 from the
// first steps of model/SEMANTICS.md §S2. Its ready deque (ready.go) holds
// only the handles that take time or wake a task, and runs them in
// batches of ntodo; its timer heap (heapq.go) is CPython's heapq
// algorithm (model/SEMANTICS.md §S4); sockets are a heap of (arrival,
// registration). The bookkeeping handles it leaves out, and why that
// changes iteration counts but no time, are in model/SEMANTICS.md §S8.
// Simulate returns every finish time, the makespan and the trace (CPU
// Segments and Waits); Sim.Run reuses its buffers and can skip the trace.
//
// # Runtimes and tie rules
//
// A Runtime (runtime.go) is a CPython minor version, a Spawn style
// (Gather, TaskGroup, Eager) and a TieRule (TiesHeapq, TiesArmed); its
// zero value is the base model, CPython 3.11 with gather and heapq ties,
// and Sim.Runtime selects one (Runtime.Simulate, Runtimes, ParseRuntime).
// Version and spawn style select no other code: model/SEMANTICS.md §S11
// gives the CPython sources of every version and style and why they
// queue the same handles. The tie rule of model/SEMANTICS.md §S12 does:
// under TiesArmed the timers go to a heap of (deadline, arming
// sequence), the arrival heap that sockets use, in place of the heapq
// heap.
//
// # The libuv runtimes
//
// Runtime.Loop selects the event loop: Asyncio (the zero value, all of the
// above), UVLoop or Node. uvloop.go simulates uvloop
// (model/SEMANTICS.md §S14) and node.go Node.js (model/SEMANTICS.md §S15) with libuv's
// millisecond clock, its phases and epoll's ready order, in the same Sim
// buffers; ParseRuntime reads "uvloop" and "node". Their hand-derived
// golden runs are testdata/libuv_golden.json.
//
// # Bounded concurrency
//
// Workload.Limit (limit.go; Limit, LimitKind, Semaphore, Workers) bounds
// the gather as model/SEMANTICS.md §S17 specifies: every body inside
// `async with sem:` of one asyncio.Semaphore(K), or K workers draining an
// asyncio.Queue. Sim runs it in the same loop, with the semaphore's
// counter, waiter deque and each version's acquire and release code, or
// the workers' queue; Runtime.SupportsLimit refuses it off CPython's loop.
// Parse reads and Marshal writes the "limit" key (model/SEMANTICS.md §S17.4).
//
// # Canonical tasks and the closed form
//
// A canonical task is exactly `cpu A; sleep L; cpu B` with A, L, B >= 0
// (Canonical builds one, AsJob recognises one, Job holds its durations).
// The word means that shape and nothing else throughout the repository:
// props.Canonical is the class of workloads of canonical tasks with L >= 1,
// and order.ThreePhaseJobs, which also admits io as the wait, says so.
//
// For canonical tasks ClosedForm gives the
// makespan without simulation: first phases back to back in gather order,
// releases r_j = S_k + A_j + L_j, second phases list-scheduled in release
// order from ΣA without idling (the earliest-release-first rule, optimal for
// 1|r_j|Cmax: scheduling folklore, the time-reversed image of Jackson's 1955
// due-date rule; proofs/README.md places it). The makespan equals the simulator's for L >= 0
// and for io in place of sleep; per-task finishes agree when releases are
// distinct and L > 0 (tests in closedform_test.go draw the boundary).
//
// # Trio
//
// Trio (trio.go, trio_dist.go, trio_result.go) is the model of Trio 0.22's
// run loop, model/SEMANTICS.md §S13: a nursery whose tasks are started
// with start_soon in the given order, each batch of runnable tasks run
// forwards or backwards on a fair coin. Trio.Distribution returns the
// exact Distribution of the Outcomes (finish times, makespan, exact
// probability), by forward enumeration of merged branch states, or past
// Trio.MaxStates a seeded estimate with CI95; Trio.Support is the set of
// outcomes under either tie rule; Trio.Path and Trio.PathFunc run one
// coin sequence, traced.
package model
