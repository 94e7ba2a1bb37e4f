// Package gen holds the rapid generators of workloads shared by the
// model's tests and the claim engines, so that every property draws from
// the same, documented distributions.
//
// Durations are drawn small and tie-heavy on purpose: ties between
// deadlines are where event-loop models go wrong (the order of equal
// timers is CPython's heapq order, not insertion order), so every
// generator mixes a narrow range of small integers, which makes equal
// deadlines common, with occasional wide values.
package gen
