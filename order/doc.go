// Package order holds the gather-order policies: the given order,
// longest-IO-first (LIF, the 2022 blog's advice), shortest-IO-first (SIF)
// and the exact optimum (Best).
//
// The "IO time" that LIF and SIF sort by is model.Task.IOTime: the sum of
// a task's sleep and io durations (for the canonical class cpu A; sleep L;
// cpu B it is L). Both sorts are stable, so ties keep the given order.
//
// Best minimises the simulated makespan over all n! orders by exhaustive
// enumeration in lexicographic order of positions and returns the
// lexicographically first optimal order, so its answer is deterministic.
package order
