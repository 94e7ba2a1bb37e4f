package order_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/order"
)

// BenchmarkBest times Apply's best order as the CLI asks for it: every
// instance of benchInstances (the paper's distribution) under the CLI's
// default budget of 2 s of wall clock, one instance per iteration (run it
// with -benchtime=Nx). Besides ns/op it reports the share of instances
// proven optimal and the median relative gap (makespan - proven bound) /
// bound. It uses only ApplyWith and Limits.Time, so that the same file
// runs against the solver before Search (commit 209549a) for benchstat.
func BenchmarkBest(b *testing.B) {
	for _, n := range []int{10, 30, 100, 300, 1000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			insts := benchInstances(n)
			var gaps []float64
			optimal, i := 0, 0
			for b.Loop() {
				w := gen.JobsWorkload(insts[i%len(insts)])
				i++
				o, err := order.ApplyWith(w, order.Best, order.Limits{Time: 2 * time.Second})
				if err != nil {
					b.Fatal(err)
				}
				if o.Optimal {
					optimal++
				}
				gaps = append(gaps, 100*float64(o.Result.Makespan-o.LowerBound)/float64(o.LowerBound))
			}
			slices.Sort(gaps)
			b.ReportMetric(gaps[(len(gaps)-1)/2], "median-gap-%")
			b.ReportMetric(100*float64(optimal)/float64(i), "optimal-%")
		})
	}
}
