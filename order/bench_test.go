package order_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// benchInstances are the benchmarks' instances: 25 per n from
// order.ScalingDist(n), seed 1, one stream per n.
func benchInstances(n int) [][]model.Job {
	rng := order.NewRand(1, uint64(n))
	out := make([][]model.Job, 25)
	for i := range out {
		out[i] = order.RandomJobs(rng, n, order.ScalingDist(n))
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
				sol, _ := order.BranchAndBound(insts[k], order.Limits{Nodes: -1})
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

// The scaling experiment (GATHERORDER_VERIFY=1 only: minutes): the largest
// n at which every one of 10 instances from ScalingDist is proven optimal
// within 10 s, and the time and node counts against exhaustive search.
func TestLargestNSolvedUnderTenSeconds(t *testing.T) {
	if !verify() {
		t.Skip("scaling run: set GATHERORDER_VERIFY=1 (make verify)")
	}
	largest := 0
	for n := 8; n <= 40; n += 2 {
		p := order.ScalingRun([]int{n}, 10, 1)[0]
		t.Logf("n=%2d solved %d/%d  median %v (%d nodes)  max %v (%d nodes)  exhaustive %v", p.N, p.Solved, p.Instances, p.MedianTime, p.MedianNodes, p.MaxTime, p.MaxNodes, p.ExhaustiveTime)
		if p.Solved < p.Instances {
			break
		}
		largest = n
	}
	t.Logf("largest n with all 10 instances proven optimal within %v: %d", order.ScalingBudget, largest)
	if largest < 12 {
		t.Errorf("largest n solved within %v is %d, below the target 12", order.ScalingBudget, largest)
	}
}
