// Package libuvclock validates the libuv runtimes of the model, uvloop
// (model/SEMANTICS.md §S14) and Node.js (model/SEMANTICS.md §S15), against
// the real runtimes on the wall clock, with CPython's own asyncio loop as
// the control. The command is cmd/libuvclock (make measure-libuv); the
// committed data are experiments/data/libuvclock.csv.
//
// # Inputs
//
// Workloads draws 2 to 4 tasks per workload (the ids in turn canonical
// cpu/sleep/cpu, general, and Contrast, built where the loops differ;
// durations in whole units, zero included), a function of (seed, n) only. Whole units keep every
// model instant on a whole millisecond, the drivers' clock origin
// (model/SEMANTICS.md §S14.1).
//
// # Measuring
//
// Measure gathers each workload in the longest-IO-first and
// shortest-IO-first orders on each runtime in turn (so that the runtimes
// share the machine's load), Config.Repeats times each, through
// oracle.StartReal, oracle.StartUVLoop and oracle.StartNode. A Row holds
// the model's prediction of the makespan under the runtime's real-clock
// tie rule and under the other one, every runtime's prediction, whether
// the run has ties (two waits due at one instant), the median, minimum and
// maximum measured makespan, the versions, the machine and the load.
// CPython at the real clock is predicted with the armed rule (real clocks
// never tie, model/SEMANTICS.md §S12), uvloop with its one order, Node
// with its list ids (the heapq rule of model/SEMANTICS.md §S15.3).
//
// # Statistics
//
// Summarize splits the rows by runtime and by ties, and counts the rows
// whose measured median lies within a tolerance of the prediction; it
// reports the error and the noise (the spread of the repeats), and
// classifies every disagreement: the other tie rule's prediction fits,
// another runtime's prediction fits, a repeat fits but the median does
// not (load), or none.
package libuvclock
