package order_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"pgregory.net/rapid"
)

// Apply(w, Best) on canonical workloads (sleep or io waits, L >= 0) goes
// through the branch and bound and finds the simulated optimum that
// exhaustive simulation of all orders finds, and says it is proven.
func TestBestEqualsExhaustiveSimulationOnCanonicalWorkloads(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(1, 7, 12, 0, 30).Draw(t, "jobs")
		w := gen.JobsWorkload(js)
		for i := range w.Tasks {
			if rapid.Bool().Draw(t, "io") {
				w.Tasks[i].Steps[1].Kind = model.IO
			}
		}
		ex, err := order.Exhaustive(w)
		if err != nil {
			t.Fatal(err)
		}
		o, err := order.Apply(w, order.Best)
		if err != nil {
			t.Fatal(err)
		}
		if !o.Optimal || o.Result.Makespan != ex.Makespan || o.LowerBound != ex.Makespan {
			t.Fatalf("best: makespan %d (optimal %v, bound %d), exhaustive %d", o.Result.Makespan, o.Optimal, o.LowerBound, ex.Makespan)
		}
	})
}

// Beyond MaxExhaustive, canonical workloads are still solved exactly.
func TestBestSolvesTwelveCanonicalTasks(t *testing.T) {
	js := order.ScalingJobs(rand.New(rand.NewPCG(3, 12)), 12)
	w := gen.JobsWorkload(js)
	o, err := order.Apply(w, order.Best)
	if err != nil {
		t.Fatal(err)
	}
	lif, _ := order.Apply(w, order.LIF)
	if !o.Optimal || o.Result.Makespan > lif.Result.Makespan || o.Result.Makespan != model.ClosedForm(js, o.Order) {
		t.Fatalf("best %d (optimal %v), LIF %d", o.Result.Makespan, o.Optimal, lif.Result.Makespan)
	}
}

// A general workload beyond MaxExhaustive is searched on the simulator,
// not refused: Best returns an order no slower than the given order and
// LIF, with a lower bound that no order beats, and is optimal only when
// the bound is met.
func TestBestSearchesLargeGeneralWorkloads(t *testing.T) {
	w := &model.Workload{}
	for i := range order.MaxExhaustive + 3 {
		w.Tasks = append(w.Tasks, model.Task{Name: fmt.Sprint(i), Steps: []model.Step{
			{Kind: model.CPU, D: model.Duration(1 + i%3)}, {Kind: model.IO, D: 0}, {Kind: model.Sleep, D: model.Duration(3 * i)}, {Kind: model.CPU, D: model.Duration(1 + i%4)}}})
	}
	o, err := order.ApplyWith(w, order.Best, order.Limits{Nodes: 2000})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []order.Policy{order.Given, order.LIF} {
		q, _ := order.Apply(w, p)
		if q.Result.Makespan < o.Result.Makespan {
			t.Errorf("best %d slower than %s %d", o.Result.Makespan, p, q.Result.Makespan)
		}
	}
	if lb := order.WorkloadBounds(w).Max(); o.LowerBound != min(lb, o.Result.Makespan) || o.Optimal != (o.LowerBound == o.Result.Makespan) {
		t.Errorf("best: lower bound %d (bounds %d), makespan %d, optimal %v", o.LowerBound, lb, o.Result.Makespan, o.Optimal)
	}
	if o.LowerBound <= 0 || o.LowerBound > o.Result.Makespan {
		t.Errorf("lower bound %d, makespan %d", o.LowerBound, o.Result.Makespan)
	}
}

// The seed thread's example: three tasks with 1 s of CPU before and after
// waits of 1, 3 and 5 s. Given shortest-IO-first, the best order is proven
// to take 7 s.
func ExampleBranchAndBound() {
	jobs := []model.Job{{A: 1e9, L: 1e9, B: 1e9}, {A: 1e9, L: 3e9, B: 1e9}, {A: 1e9, L: 5e9, B: 1e9}}
	sol := order.BranchAndBound(jobs, order.Limits{})
	fmt.Println(sol.Order, model.Format(sol.Makespan, model.Second), sol.Optimal)
	fmt.Println("given order:", model.Format(model.ClosedForm(jobs, nil), model.Second))
	// Output:
	// [2 1 0] 7 true
	// given order: 9
}
