package optbench

import (
	"slices"
	"time"

	"github.com/gatherorder/gatherorder/order"
)

// ScalingPoint is the time to proven optimality at one n (ScalingRun).
type ScalingPoint struct {
	N, Instances int
	// Solved counts instances proven optimal within the per-instance
	// budget (ScalingBudget).
	Solved int
	// Median and Max wall-clock time and search nodes of the branch and
	// bound over the instances (unsolved ones count with their budget).
	MedianTime, MaxTime   time.Duration
	MedianNodes, MaxNodes int64
	// ExhaustiveTime is the median time of evaluating all n! orders with
	// model.ClosedForm (0 when n > ExhaustiveScalingMax: not run).
	ExhaustiveTime time.Duration
}

// ScalingBudget is ScalingRun's wall-clock budget per instance.
const ScalingBudget = 10 * time.Second

// ExhaustiveScalingMax is the largest n ScalingRun times exhaustive search
// at (10! = 3.6 million closed forms, about a second).
const ExhaustiveScalingMax = 10

// ScalingRun times order.BranchAndBound (no node limit, ScalingBudget of
// wall clock per instance) and, up to ExhaustiveScalingMax, exhaustive
// search (order.ExhaustiveMakespan), on instances seeded instances per n
// from ScalingDist(n), drawn with NewRand(seed, n). The instances and node
// counts are deterministic; the times are measurements of this machine.
func ScalingRun(ns []int, instances int, seed uint64) []ScalingPoint {
	var out []ScalingPoint
	for _, n := range ns {
		rng := NewRand(seed, uint64(n))
		p := ScalingPoint{N: n, Instances: instances}
		var times, exTimes []time.Duration
		var nodes []int64
		for range instances {
			js := RandomJobs(rng, n, ScalingDist(n))
			t0 := time.Now()
			sol := order.BranchAndBound(js, order.Limits{Nodes: -1, Time: ScalingBudget})
			times = append(times, time.Since(t0))
			nodes = append(nodes, sol.Nodes)
			if sol.Optimal {
				p.Solved++
			}
			if n <= ExhaustiveScalingMax {
				t0 = time.Now()
				order.ExhaustiveMakespan(js)
				exTimes = append(exTimes, time.Since(t0))
			}
		}
		p.MedianTime, p.MaxTime = median(times), slices.Max(times)
		p.MedianNodes, p.MaxNodes = median(nodes), slices.Max(nodes)
		if len(exTimes) > 0 {
			p.ExhaustiveTime = median(exTimes)
		}
		out = append(out, p)
	}
	return out
}

// median is the lower median of xs (which it sorts).
func median[T int64 | time.Duration](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[(len(xs)-1)/2]
}
