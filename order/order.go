package order

import (
	"errors"
	"fmt"

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
	// LTF is LongestTailFirst and MittenRule is Mitten; both are defined
	// for three-phase tasks only (ThreePhaseJobs).
	LTF        Policy = "ltf"
	MittenRule Policy = "mitten"
)

// Policies lists the policies the CLI reports by default ("all"), in that
// order.
var Policies = []Policy{Given, LIF, SIF, Best}

// AllPolicies lists every policy.
var AllPolicies = []Policy{Given, LIF, SIF, LTF, MittenRule, Best}

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
	return orderBy(len(w.Tasks), func(j int) (model.Duration, model.Duration) { return -w.Tasks[j].IOTime(), 0 })
}

// ShortestIOFirst orders tasks by ascending IOTime, ties in given order.
func ShortestIOFirst(w *model.Workload) []int {
	return orderBy(len(w.Tasks), func(j int) (model.Duration, model.Duration) { return w.Tasks[j].IOTime(), 0 })
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
	// Method is Choice.Method.
	Method Method
}

// Apply runs policy p on w and simulates the order it chooses, with trace.
// Best uses Search with its default node limit when every task has three
// phases (ThreePhaseJobs), at any n, Exhaustive up to MaxExhaustive tasks
// otherwise, and SearchWorkload beyond.
func Apply(w *model.Workload, p Policy) (Outcome, error) {
	return ApplyWith(w, p, Limits{})
}

// ApplyWith is Apply with explicit limits for Best's search (the CLI passes
// a wall-clock budget; other policies ignore lim).
func ApplyWith(w *model.Workload, p Policy, lim Limits) (Outcome, error) {
	c, err := Choose(w, p, lim)
	if err != nil {
		return Outcome{}, err
	}
	return c.Outcome(w, true), nil
}

// Choice is the order a policy chose, before it is simulated.
type Choice struct {
	Policy Policy
	Order  []int
	// Optimal and LowerBound are what the search proved, on the closed form
	// for three-phase tasks; Outcome confirms them on the simulator.
	Optimal    bool
	LowerBound model.Duration
	// Nodes is the number of search nodes Best visited (0 for the others).
	Nodes int64
	// Method is how Best found the order on a runtime other than the base
	// model (ChooseOn) or for a workload with a limit; "" otherwise.
	Method Method
}

// ChooseOn is Choose for runtime rt. Every runtime that is the base model
// (CPython 3.8 to 3.13 with heapq ties, model.Runtime.IsBase) gets Choose
// itself; on any other, whose makespans the closed form does not describe,
// Best tries every order on rt's simulator up to MaxExhaustive tasks
// (MethodExhaustive) and beyond runs SearchWorkloadOn, a local search on
// rt's simulator within lim with the proven lower bound BoundsOn
// (MethodSearch). Choice.Method says which.
func ChooseOn(w *model.Workload, p Policy, lim Limits, rt model.Runtime) (Choice, error) {
	if w.Uncertain() {
		return Choose(w, p, lim) // which refuses it
	}
	if err := rt.SupportsLimit(w.Limit); err != nil {
		return Choice{}, err
	}
	if p == Best && w.Limit.Bounded() && rt.Loop == model.Asyncio {
		return chooseLimited(w, lim, rt), nil
	}
	if p != Best || rt.IsBase() {
		return Choose(w, p, lim)
	}
	if len(w.Tasks) > MaxExhaustive {
		sol := SearchWorkloadOn(w, lim, rt)
		return Choice{Policy: Best, Order: sol.Order, Optimal: sol.Optimal, LowerBound: sol.LowerBound, Nodes: sol.Nodes, Method: MethodSearch}, nil
	}
	b, err := ExhaustiveOn(w, rt)
	if err != nil {
		return Choice{}, fmt.Errorf("%w on runtime %s", err, rt)
	}
	return Choice{Policy: Best, Order: b.Order, Optimal: true, LowerBound: b.Makespan, Method: MethodExhaustive}, nil
}

// Choose runs policy p on w: the order it picks and, for Best, what is
// proven about it.
func Choose(w *model.Workload, p Policy, lim Limits) (Choice, error) {
	if w.Uncertain() {
		// Its Step.D are medians: an answer for them is not an answer for
		// the workload (ChooseUncertain is).
		return Choice{}, errors.New("the workload has random durations: choose on its scenarios (ChooseUncertain)")
	}
	c := Choice{Policy: p}
	switch p {
	case Given:
		c.Order = Identity(len(w.Tasks))
	case LIF:
		c.Order = LongestIOFirst(w)
	case SIF:
		c.Order = ShortestIOFirst(w)
	case LTF, MittenRule:
		js, ok := ThreePhaseJobs(w)
		if !ok {
			return Choice{}, fmt.Errorf("%s is defined for tasks of three steps, cpu; sleep or io; cpu", p)
		}
		if p == LTF {
			c.Order = longestTailFirst(js)
		} else {
			c.Order = fastMitten(js)
		}
	case Best:
		if w.Limit.Bounded() {
			// The closed form and its bounds describe unbounded gathers.
			return chooseLimited(w, lim, model.Runtime{}), nil
		}
		if js, ok := ThreePhaseJobs(w); ok {
			sol := Search(js, lim)
			c.Order, c.Optimal, c.LowerBound, c.Nodes = sol.Order, sol.Optimal, sol.LowerBound, sol.Nodes
			break
		}
		if len(w.Tasks) <= MaxExhaustive {
			b, err := Exhaustive(w)
			if err != nil {
				return Choice{}, err
			}
			c.Order, c.Optimal, c.LowerBound = b.Order, true, b.Makespan
			break
		}
		sol := SearchWorkload(w, lim)
		c.Order, c.Optimal, c.LowerBound, c.Nodes = sol.Order, sol.Optimal, sol.LowerBound, sol.Nodes
	default:
		return Choice{}, fmt.Errorf("unknown order policy %q (want given, lif, sif, ltf, mitten, best or all)", string(p))
	}
	return c, nil
}

// Outcome simulates the chosen order (with the trace when trace is set;
// without, Result.Segments and Result.Waits are empty, which saves time and
// memory on large workloads) and keeps the claims the simulator confirms.
func (c Choice) Outcome(w *model.Workload, trace bool) Outcome {
	return c.OutcomeOn(w, model.Runtime{}, trace)
}

// OutcomeOn is Outcome on the simulator of runtime rt (model.Runtime; rt
// must be valid). The choice's proof must be about rt's makespans
// (ChooseOn).
func (c Choice) OutcomeOn(w *model.Workload, rt model.Runtime, trace bool) Outcome {
	sim := model.Sim{Runtime: rt}
	res := *sim.Run(w, c.Order, trace)
	lb := c.LowerBound
	if lb > res.Makespan {
		// Cannot happen while the closed form matches the simulator (tested
		// in package model); the simulator is the reference, so drop the
		// bound rather than report one it contradicts.
		lb = 0
	}
	// Optimality is claimed only for what the simulator confirms.
	optimal := c.Optimal && res.Makespan == lb
	return Outcome{Policy: c.Policy, Order: c.Order, Result: res, Optimal: optimal, LowerBound: lb, Method: c.Method}
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
