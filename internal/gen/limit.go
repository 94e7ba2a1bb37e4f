package gen

import (
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// LimitedCase draws a bounded gather (model/SEMANTICS.md §S17): 1 to 10
// tasks of 0 to 5 steps of all three kinds, durations on a tiny (0..5, so
// nearly every deadline ties and many waits are sleep 0 or io 0) or small
// (0..100) scale, under a Semaphore or a pool of workers with k = 1, 2 or
// 3, in a uniform order.
func LimitedCase() *rapid.Generator[Case] {
	return limitedCase(Spec{MinTasks: 1, MaxTasks: 10, MinSteps: 0, MaxSteps: 5}, 5, 100)
}

// LimitedBusyCase draws crowded bounded gathers: 4 to 10 tasks of 1 to 5
// steps, durations 0..5 or 0..30, so that slots are contended, releases
// and waits coincide and many tasks park, under either limit with k = 1,
// 2 or 3, in a uniform order.
func LimitedBusyCase() *rapid.Generator[Case] {
	return limitedCase(Spec{MinTasks: 4, MaxTasks: 10, MinSteps: 1, MaxSteps: 5}, 5, 30)
}

// limitedCase draws workloads of shape s with MaxDur one of scales, under
// a limit of either kind with k = 1..3, in a uniform order.
func limitedCase(s Spec, scales ...model.Duration) *rapid.Generator[Case] {
	specs := make([]*rapid.Generator[*model.Workload], len(scales))
	for i, d := range scales {
		s.MaxDur = d
		specs[i] = Workload(s)
	}
	return rapid.Custom(func(t *rapid.T) Case {
		w := specs[rapid.IntRange(0, len(specs)-1).Draw(t, "scale")].Draw(t, "w")
		w.Limit = drawLimit(t)
		return Case{w, Perm(len(w.Tasks)).Draw(t, "order")}
	})
}

// WithLimit draws g's cases under a limit of either kind with k = 1..3:
// AnyCase's duration scales (to beyond the 24 h select cap) and
// EqualDeadlinesCase's ties, bounded.
func WithLimit(g *rapid.Generator[Case]) *rapid.Generator[Case] {
	return rapid.Custom(func(t *rapid.T) Case {
		c := g.Draw(t, "case")
		c.W.Limit = drawLimit(t)
		return c
	})
}

func drawLimit(t *rapid.T) model.Limit {
	return model.Limit{
		Kind: rapid.SampledFrom([]model.LimitKind{model.Semaphore, model.Workers}).Draw(t, "limit"),
		K:    rapid.IntRange(1, 3).Draw(t, "k"),
	}
}
