package order

import (
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// WorkloadBounds never exceed the simulated optimum of a workload of any
// shape (all orders simulated), and for three-phase tasks they are
// RootBounds.
func TestWorkloadBoundsNeverExceedTheSimulatedOptimum(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 6, MaxSteps: 6, MaxDur: 20}).Draw(t, "w")
		ex, err := Exhaustive(w)
		if err != nil {
			t.Fatal(err)
		}
		if b := WorkloadBounds(w); b.Max() > ex.Makespan {
			t.Fatalf("bounds %+v, optimum %d", b, ex.Makespan)
		}
		if js, ok := ThreePhaseJobs(w); ok && WorkloadBounds(w) != RootBounds(js) {
			t.Fatalf("three-phase tasks: WorkloadBounds %+v, RootBounds %+v", WorkloadBounds(w), RootBounds(js))
		}
	})
}

// SearchWorkload returns a permutation whose simulated makespan it
// reports, no slower than the given order and (with two simulations or
// more) LIF, with a bound no larger,
// within its node limit (a node is one simulation), the same on every run.
func TestSearchWorkloadKeepsItsPromises(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: MaxExhaustive + 1, MaxTasks: 30, MaxSteps: 6, MaxDur: 50}).Draw(t, "w")
		limit := int64(rapid.IntRange(1, 400).Draw(t, "limit"))
		sol := SearchWorkload(w, Limits{Nodes: limit})
		again := SearchWorkload(w, Limits{Nodes: limit})
		if !slices.Equal(sol.Order, again.Order) || sol.LowerBound != again.LowerBound {
			t.Fatalf("two runs differ")
		}
		if got := slices.Sorted(slices.Values(sol.Order)); !slices.Equal(got, Identity(len(w.Tasks))) {
			t.Fatalf("not a permutation: %v", sol.Order)
		}
		m := model.Simulate(w, sol.Order).Makespan
		if m != sol.Makespan || m > model.Simulate(w, nil).Makespan || limit >= 2 && m > model.Simulate(w, LongestIOFirst(w)).Makespan {
			t.Fatalf("makespan %d reported %d", m, sol.Makespan)
		}
		if sol.LowerBound > m || sol.Optimal != (sol.LowerBound == m) || sol.Nodes > limit {
			t.Fatalf("bound %d, makespan %d, optimal %v, %d nodes of %d", sol.LowerBound, m, sol.Optimal, sol.Nodes, limit)
		}
	})
}
