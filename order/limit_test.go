package order_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Claim: under a limit, Best's exhaustive search (identical tasks
// deduplicated, stopping at LimitedBound) finds the least makespan of all
// orders, LimitedBound is below every order, and past the exhaustive size
// the local search returns a permutation whose simulated makespan is at
// least its proven bound.
func TestBestUnderALimit(t *testing.T) {
	g := gen.LimitedCase()
	var sim model.Sim
	for seed := 0; seed < 120; seed++ {
		c := g.Example(seed)
		w := c.W
		if len(w.Tasks) > 6 {
			w.Tasks = w.Tasks[:6]
		}
		lb := order.LimitedBound(w)
		best := model.Duration(-1)
		order.ForEachPerm(len(w.Tasks), func(p []int) {
			m := sim.Run(w, p, false).Makespan
			if m < lb {
				t.Fatalf("seed %d: order %v takes %d < LimitedBound %d", seed, p, m, lb)
			}
			if best < 0 || m < best {
				best = m
			}
		})
		ch, err := order.Choose(w, order.Best, order.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		out := ch.Outcome(w, false)
		if !out.Optimal || out.Result.Makespan != best || out.Method != order.MethodExhaustive {
			t.Fatalf("seed %d: best %d (optimal %v, %s), brute force %d\n%s", seed, out.Result.Makespan, out.Optimal, out.Method, best, model.Marshal(w))
		}
	}
	// Beyond the exhaustive size.
	w := gen.LimitedBusyCase().Example(3).W
	for len(w.Tasks) <= order.MaxLimitedExhaustive {
		w.Tasks = append(w.Tasks, model.Task{Name: "x" + w.Tasks[len(w.Tasks)-1].Name, Steps: w.Tasks[0].Steps})
	}
	ch, err := order.Choose(w, order.Best, order.Limits{Nodes: 500})
	if err != nil {
		t.Fatal(err)
	}
	out := ch.Outcome(w, false)
	p := slices.Clone(out.Order)
	slices.Sort(p)
	if !slices.Equal(p, order.Identity(len(w.Tasks))) || out.Method != order.MethodSearch ||
		out.LowerBound > out.Result.Makespan || out.LowerBound < order.LimitedBound(w) && !out.Optimal {
		t.Fatalf("local search: order %v, %s, makespan %d, bound %d", out.Order, out.Method, out.Result.Makespan, out.LowerBound)
	}
}

// Claim: under Semaphore(1) the bound is every order's makespan, so Best
// proves its order optimal at once (model/SEMANTICS.md §S17.3).
func TestBestUnderSemaphore1IsProvenAtOnce(t *testing.T) {
	w := gen.LimitedBusyCase().Example(11).W
	w.Limit = model.Limit{Kind: model.Semaphore, K: 1}
	ch, err := order.Choose(w, order.Best, order.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Optimal || ch.Nodes != 1 {
		t.Fatalf("optimal %v after %d orders", ch.Optimal, ch.Nodes)
	}
}

// ChooseOn refuses what a runtime cannot run: a limit off CPython's loop,
// random durations anywhere (their medians are not the workload).
func TestChooseOnRefusesWhatTheRuntimeCannotRun(t *testing.T) {
	w := &model.Workload{Tasks: []model.Task{model.Canonical("a", 1, 2, 1), model.Canonical("b", 1, 1, 1)},
		Limit: model.Limit{Kind: model.Semaphore, K: 1}}
	if _, err := order.ChooseOn(w, order.Best, order.Limits{}, model.Runtime{Loop: model.UVLoop}); !errors.Is(err, model.ErrLimitNotModelled) {
		t.Errorf("limit on uvloop: %v, want ErrLimitNotModelled", err)
	}
	if _, err := (model.Trio{}).Distribution(w, nil); !errors.Is(err, model.ErrLimitNotModelled) {
		t.Errorf("limit under Trio: %v, want ErrLimitNotModelled", err)
	}
	u := &model.Workload{Tasks: []model.Task{model.Canonical("a", 1, 2, 1)}}
	u.Tasks[0].Dists = []model.Dist{{}, {Kind: model.Uniform, Min: 1, Max: 3}, {}}
	if _, err := order.ChooseOn(u, order.Best, order.Limits{}, model.Runtime{Loop: model.Node}); err == nil {
		t.Error("random durations on node: no error")
	}
}
