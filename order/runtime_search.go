package order

import (
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// Best orders on the runtimes that are not the base model (model.Runtime
// with TiesArmed, uvloop, Node.js): exhaustive up to MaxExhaustive tasks,
// beyond that SearchWorkload's local search on the runtime's simulator with
// the lower bound BoundsOn.

// Method names how Best found its order: MethodBranchAndBound (the closed
// form's branch and bound, Search), MethodExhaustive (every order
// simulated) or MethodSearch (local search on the simulator with a proven
// lower bound, SearchWorkload and SearchWorkloadOn).
type Method string

const (
	MethodBranchAndBound Method = "branch and bound"
	MethodExhaustive     Method = "exhaustive"
	MethodSearch         Method = "search with bound"
)

// LibuvWaitSlack is how much earlier than its duration a wait may end on
// the libuv loops (model/SEMANTICS.md §S14.3, §S15.3): a timer armed at the
// exact instant t is due at ⌊t⌋ + round(d) ms on uvloop and fires once
// now − ⌊t⌋ ≥ max(1, trunc(d)) ms on Node, both later than t + d − 2 ms,
// and uvloop runs a sleep of at most 0.5 ms as a bare yield, which is at
// least d − 2 ms long too. An io step's data arrives d after its await on
// both, which the slack covers as well.
const LibuvWaitSlack model.Duration = 2_000_000

// BoundsOn is WorkloadBounds for runtime rt: on every CPython runtime (any
// version, spawn style and tie rule) WorkloadBounds itself, whose proof
// uses only that one thread runs every cpu step for its duration, that the
// first steps run back to back from 0 in gather order
// (model/SEMANTICS.md §S2, model/SEMANTICS.md §S11) and that a wait lasts
// at least its duration, which the tie rule does not change. On uvloop and
// Node.js the first two facts hold too (model/SEMANTICS.md §S14,
// model/SEMANTICS.md §S15.1), and a wait lasts at least its duration less
// LibuvWaitSlack, so the bounds are WorkloadBounds of w with every wait
// shortened by the slack (to no less than 0). TestBoundsOnBoundEveryOrder
// checks them against every order of random workloads.
func BoundsOn(w *model.Workload, rt model.Runtime) Bounds {
	if rt.Loop == model.Asyncio {
		return WorkloadBounds(w)
	}
	short := &model.Workload{Unit: w.Unit, Tasks: make([]model.Task, len(w.Tasks))}
	for i, t := range w.Tasks {
		steps := slices.Clone(t.Steps)
		for k := range steps {
			if steps[k].Kind != model.CPU {
				steps[k].D = max(0, steps[k].D-LibuvWaitSlack)
			}
		}
		short.Tasks[i] = model.Task{Name: t.Name, Steps: steps}
	}
	return WorkloadBounds(short)
}

// SearchWorkloadOn is SearchWorkload on runtime rt's simulator, with the
// lower bound BoundsOn(w, rt): the order is optimal only when its makespan
// meets the bound.
func SearchWorkloadOn(w *model.Workload, lim Limits, rt model.Runtime) Solution {
	return searchWorkload(w, lim, rt, BoundsOn(w, rt).Max())
}
