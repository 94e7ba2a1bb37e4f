package gen

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// Case is one workload and the gather order to run it in: the unit of the
// differential comparison of the model with CPython (package oracle).
type Case struct {
	W     *model.Workload
	Order []int
}

// AnyCase draws from the whole workload format: 1 to 8 tasks, 0 to 6 steps
// each, all three kinds, with one of four duration scales: tiny (0..5, so
// nearly every deadline ties), small (0..100), seconds (0..1e9) and beyond
// the 24 h select cap (2e14, CPython's MAXIMUM_SELECT_TIMEOUT); Dur draws
// half of all durations from 0..3 at every scale, so zero durations and
// ties stay frequent. The order is a uniform permutation.
func AnyCase() *rapid.Generator[Case] {
	scales := []model.Duration{5, 100, 1e9, 2e14}
	specs := make([]*rapid.Generator[*model.Workload], len(scales))
	for i, d := range scales {
		specs[i] = Workload(Spec{MinTasks: 1, MaxTasks: 8, MinSteps: 0, MaxSteps: 6, MaxDur: d})
	}
	return rapid.Custom(func(t *rapid.T) Case {
		w := specs[rapid.IntRange(0, len(specs)-1).Draw(t, "scale")].Draw(t, "w")
		return Case{w, Perm(len(w.Tasks)).Draw(t, "order")}
	})
}

// EqualDeadlinesCase makes equal deadlines on purpose. The order is drawn
// first; every task starts `cpu c` (c in 0..2) and then waits (sleep or
// io) exactly until one of at most three common instants T_j, computed
// from where its first step runs in that order (first steps run back to
// back in gather order). So timers tie with timers (CPython's heapq order),
// sockets with sockets (registration order) and sockets with timers
// (readers before timers). Tails of up to 3 steps repeat one shared wait
// duration so that ties recur after the first wave.
func EqualDeadlinesCase() *rapid.Generator[Case] {
	return rapid.Custom(func(t *rapid.T) Case {
		n := rapid.IntRange(1, 8).Draw(t, "n")
		order := Perm(n).Draw(t, "order")
		c := make([]model.Duration, n)
		var total model.Duration
		for i := range c {
			c[i] = model.Duration(rapid.IntRange(0, 2).Draw(t, "c"))
			total += c[i]
		}
		targets := make([]model.Duration, rapid.IntRange(1, 3).Draw(t, "k"))
		for j := range targets {
			targets[j] = total + model.Duration(rapid.IntRange(0, 3).Draw(t, "offset"))
		}
		shared := model.Duration(rapid.IntRange(0, 3).Draw(t, "shared"))
		waitKinds := []model.Kind{model.Sleep, model.IO}
		allKinds := []model.Kind{model.CPU, model.Sleep, model.IO}
		w := &model.Workload{Unit: model.Nanosecond, Tasks: make([]model.Task, n)}
		var start model.Duration // where the next first step runs
		for _, i := range order {
			kind := rapid.SampledFrom(waitKinds).Draw(t, "kind")
			T := rapid.SampledFrom(targets).Draw(t, "target")
			steps := []model.Step{{Kind: model.CPU, D: c[i]}, {Kind: kind, D: T - start - c[i]}}
			start += c[i]
			for m := rapid.IntRange(0, 3).Draw(t, "tail"); m > 0; m-- {
				k := rapid.SampledFrom(allKinds).Draw(t, "tailkind")
				d := shared
				if k == model.CPU {
					d = model.Duration(rapid.IntRange(0, 2).Draw(t, "tailcpu"))
				}
				steps = append(steps, model.Step{Kind: k, D: d})
			}
			w.Tasks[i] = model.Task{Name: fmt.Sprintf("t%d", i), Steps: steps}
		}
		return Case{w, order}
	})
}

// CanonicalCase draws the canonical class (cpu A; sleep L; cpu B) with 1
// to 30 tasks at a tie-heavy scale (A, B ≤ 5, L ≤ 20); with seconds it
// draws, half of the time, at a seconds scale instead (A, B ≤ 2 s,
// L ≤ 10 s).
func CanonicalCase(seconds bool) *rapid.Generator[Case] {
	tiny := Jobs(1, 30, 5, 0, 20)
	wide := Jobs(1, 30, 2e9, 0, 10e9)
	return rapid.Custom(func(t *rapid.T) Case {
		g := tiny
		if seconds && rapid.Bool().Draw(t, "wide") {
			g = wide
		}
		w := JobsWorkload(g.Draw(t, "jobs"))
		return Case{w, Perm(len(w.Tasks)).Draw(t, "order")}
	})
}
