package order

import (
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// searchRuntimes are the runtimes other than the base model.
var searchRuntimes = []model.Runtime{{Ties: model.TiesArmed}, {Loop: model.UVLoop}, {Loop: model.Node}, {Loop: model.Node, Ties: model.TiesArmed}}

// BoundsOn never exceeds the makespan of any order on its runtime, for
// workloads of any shape whose durations are drawn in units of 0.7 ms (so
// that the libuv loops' millisecond rounding, both ways, is exercised).
func TestBoundsOnBoundEveryOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 5, MaxSteps: 5, MaxDur: 12}).Draw(t, "w")
		for i := range w.Tasks {
			for k := range w.Tasks[i].Steps {
				w.Tasks[i].Steps[k].D *= 700_000
			}
		}
		for _, rt := range searchRuntimes {
			lb := BoundsOn(w, rt).Max()
			sim := model.Sim{Runtime: rt}
			ForEachPerm(len(w.Tasks), func(p []int) {
				if m := sim.Run(w, p, false).Makespan; m < lb {
					t.Fatalf("%s: order %v takes %d < bound %d (%+v): %s", rt, p, m, lb, BoundsOn(w, rt), model.Marshal(w))
				}
			})
		}
	})
}

// Past MaxExhaustive tasks, Best on a runtime other than the base model is
// the search with bound: a permutation whose makespan on that runtime it
// reports, never below its bound, no slower than the given order, within
// its node limit, deterministic; at most MaxExhaustive tasks it is
// exhaustive and optimal.
func TestChooseOnSearchesWithABoundBeyondExhaustive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: MaxExhaustive + 1, MaxTasks: 20, MaxSteps: 4, MaxDur: 30}).Draw(t, "w")
		for i := range w.Tasks {
			for k := range w.Tasks[i].Steps {
				w.Tasks[i].Steps[k].D *= 1_000_000
			}
		}
		rt := rapid.SampledFrom(searchRuntimes).Draw(t, "rt")
		lim := Limits{Nodes: int64(rapid.IntRange(1, 200).Draw(t, "nodes"))}
		c, err := ChooseOn(w, Best, lim, rt)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := ChooseOn(w, Best, lim, rt)
		sorted := slices.Sorted(slices.Values(c.Order))
		if c.Method != MethodSearch || !slices.Equal(sorted, Identity(len(w.Tasks))) || !slices.Equal(c.Order, again.Order) || c.Nodes > lim.Nodes {
			t.Fatalf("method %q, order %v (again %v), nodes %d of %d", c.Method, c.Order, again.Order, c.Nodes, lim.Nodes)
		}
		o := c.OutcomeOn(w, rt, false)
		sim := model.Sim{Runtime: rt}
		if given := sim.Run(w, nil, false).Makespan; o.Result.Makespan > given || o.LowerBound > o.Result.Makespan || o.LowerBound != BoundsOn(w, rt).Max() && !o.Optimal {
			t.Fatalf("makespan %d, given %d, bound %d (BoundsOn %d)", o.Result.Makespan, given, o.LowerBound, BoundsOn(w, rt).Max())
		}
	})
	w := gen.JobsWorkload([]model.Job{{A: 1e6, L: 3e6, B: 1e6}, {A: 1e6, L: 1e6, B: 1e6}})
	c, err := ChooseOn(w, Best, Limits{}, model.Runtime{Loop: model.UVLoop})
	if err != nil || c.Method != MethodExhaustive || !c.Optimal {
		t.Fatalf("two tasks on uvloop: %+v, %v", c, err)
	}
}
