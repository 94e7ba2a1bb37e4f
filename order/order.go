package order

import (
	"cmp"
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
	slices.SortStableFunc(p, func(i, j int) int { return cmp.Compare(w.Tasks[j].IOTime(), w.Tasks[i].IOTime()) })
	return p
}

// ShortestIOFirst orders tasks by ascending IOTime, ties in given order.
func ShortestIOFirst(w *model.Workload) []int {
	p := Identity(len(w.Tasks))
	slices.SortStableFunc(p, func(i, j int) int { return cmp.Compare(w.Tasks[i].IOTime(), w.Tasks[j].IOTime()) })
	return p
}

// Outcome is the order a policy chose and its simulated result.
type Outcome struct {
	Policy Policy
	Order  []int
	Result model.Result
	// Optimal is set when the order is proven to have the least makespan.
	Optimal bool
	// LowerBound, for Best only, is a proven lower bound of every order's
	// makespan (equal to Result.Makespan when Optimal); 0 for other policies.
	LowerBound model.Duration
}

// Apply runs policy p on w and simulates the order it chooses, with trace.
// Best uses BranchAndBound with the default node limit when every task has
// three phases (ThreePhaseJobs), at any n, and exhaustive search otherwise (at
// most MaxExhaustive tasks).
func Apply(w *model.Workload, p Policy) (Outcome, error) {
	return ApplyWith(w, p, Limits{})
}

// ApplyWith is Apply with explicit limits for the branch and bound (the
// CLI may pass a wall-clock budget; other policies ignore lim).
func ApplyWith(w *model.Workload, p Policy, lim Limits) (Outcome, error) {
	var ord []int
	optimal := false
	var lb model.Duration
	switch p {
	case Given:
		ord = Identity(len(w.Tasks))
	case LIF:
		ord = LongestIOFirst(w)
	case SIF:
		ord = ShortestIOFirst(w)
	case Best:
		if js, ok := ThreePhaseJobs(w); ok {
			sol := BranchAndBound(js, lim)
			ord, optimal, lb = sol.Order, sol.Optimal, sol.LowerBound
			break
		}
		b, err := Exhaustive(w)
		if err != nil {
			return Outcome{}, fmt.Errorf("%w (branch and bound needs every task to be cpu; sleep or io; cpu)", err)
		}
		ord, optimal, lb = b.Order, true, b.Makespan
	default:
		return Outcome{}, fmt.Errorf("unknown order policy %q (want given, lif, sif, best or all)", string(p))
	}
	res := model.Simulate(w, ord)
	if lb > res.Makespan {
		// Cannot happen while the closed form matches the simulator (tested
		// in package model); the simulator is the reference, so drop the
		// bound rather than report one it contradicts.
		lb = 0
	}
	// Optimality is claimed only for what the simulator confirms.
	optimal = optimal && res.Makespan == lb
	return Outcome{Policy: p, Order: ord, Result: res, Optimal: optimal, LowerBound: lb}, nil
}

// ThreePhaseJobs returns the jobs of w if every task has three phases,
// cpu A; wait L; cpu B, where the wait is sleep L (a canonical task,
// model.AsJob) or io L (L >= 0). On that class the closed form's makespan
// equals the simulator's (model.ClosedForm; for L = 0 and for io the
// per-task finishes may differ, the makespan does not), so BranchAndBound's
// optimum is the simulated optimum.
func ThreePhaseJobs(w *model.Workload) ([]model.Job, bool) {
	js := make([]model.Job, len(w.Tasks))
	for i, t := range w.Tasks {
		s := t.Steps
		if len(s) != 3 || s[0].Kind != model.CPU || s[1].Kind == model.CPU || s[2].Kind != model.CPU {
			return nil, false
		}
		js[i] = model.Job{A: s[0].D, L: s[1].D, B: s[2].D}
	}
	return js, true
}
