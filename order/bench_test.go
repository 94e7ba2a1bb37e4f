package order_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// benchInstances are the benchmarks' instances: 25 per n from
// order.ScalingJobs, seed 1, one stream per n (those of
// experiments/optbench.ScalingRun).
func benchInstances(n int) [][]model.Job {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	out := make([][]model.Job, 25)
	for i := range out {
		out[i] = order.ScalingJobs(rng, n)
	}
	return out
}

// BenchmarkBranchAndBound solves the instances in turn, each to proven
// optimality (no node limit); ns/op is the mean per instance and
// median-ns/instance the median of the per-instance times.
func BenchmarkBranchAndBound(b *testing.B) {
	for _, n := range []int{8, 10, 12, 14, 16} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			insts := benchInstances(n)
			per := make([][]time.Duration, len(insts))
			i := 0
			for b.Loop() {
				k := i % len(insts)
				t0 := time.Now()
				sol := order.BranchAndBound(insts[k], order.Limits{Nodes: -1})
				per[k] = append(per[k], time.Since(t0))
				if !sol.Optimal {
					b.Fatal("not proven optimal")
				}
				i++
			}
			var meds []time.Duration
			for _, ts := range per {
				if len(ts) > 0 {
					meds = append(meds, medianDur(ts))
				}
			}
			b.ReportMetric(float64(medianDur(meds)), "median-ns/instance")
		})
	}
}

// BenchmarkHeuristic times Heuristic on the same instances.
func BenchmarkHeuristic(b *testing.B) {
	for _, n := range []int{8, 12, 16, 32} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			insts := benchInstances(n)
			i := 0
			for b.Loop() {
				order.Heuristic(insts[i%len(insts)])
				i++
			}
		})
	}
}

func medianDur(xs []time.Duration) time.Duration {
	ys := append([]time.Duration(nil), xs...)
	for i := 1; i < len(ys); i++ {
		for j := i; j > 0 && ys[j-1] > ys[j]; j-- {
			ys[j-1], ys[j] = ys[j], ys[j-1]
		}
	}
	return ys[(len(ys)-1)/2]
}
