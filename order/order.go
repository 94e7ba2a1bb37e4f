package order

import (
	"fmt"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// Policy names an ordering policy of the CLI.
type Policy string

// The policies.
const (
	Given Policy = "given"
	LIF   Policy = "lif"
	SIF   Policy = "sif"
	Best  Policy = "best"
)

// Policies lists every policy in the order the CLI reports them.
var Policies = []Policy{Given, LIF, SIF, Best}

// Identity returns the given order 0..n-1.
func Identity(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return p
}

// LongestIOFirst orders tasks by descending IOTime, ties in given order.
func LongestIOFirst(w *model.Workload) []int {
	p := Identity(len(w.Tasks))
	slices.SortStableFunc(p, func(i, j int) int { return cmpDur(w.Tasks[j].IOTime(), w.Tasks[i].IOTime()) })
	return p
}

// ShortestIOFirst orders tasks by ascending IOTime, ties in given order.
func ShortestIOFirst(w *model.Workload) []int {
	p := Identity(len(w.Tasks))
	slices.SortStableFunc(p, func(i, j int) int { return cmpDur(w.Tasks[i].IOTime(), w.Tasks[j].IOTime()) })
	return p
}

func cmpDur(a, b model.Duration) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Outcome is the order a policy chose and its simulated result.
type Outcome struct {
	Policy Policy
	Order  []int
	Result model.Result
	// Optimal is set when the order is proven to have the least makespan.
	Optimal bool
}

// Apply runs policy p on w and simulates the order it chooses, with trace.
func Apply(w *model.Workload, p Policy) (Outcome, error) {
	var ord []int
	optimal := false
	switch p {
	case Given:
		ord = Identity(len(w.Tasks))
	case LIF:
		ord = LongestIOFirst(w)
	case SIF:
		ord = ShortestIOFirst(w)
	case Best:
		b, err := Exhaustive(w)
		if err != nil {
			return Outcome{}, err
		}
		ord, optimal = b.Order, true
	default:
		return Outcome{}, fmt.Errorf("unknown order policy %q (want given, lif, sif, best or all)", string(p))
	}
	return Outcome{Policy: p, Order: ord, Result: model.Simulate(w, ord), Optimal: optimal}, nil
}
