package order

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// checkSearch checks what Search promises of any run: a permutation whose
// closed form is the reported makespan, no slower than LIF, a bound no
// larger (and optimal exactly when equal), and at most limit nodes.
func checkSearch(t fataler, js []model.Job, sol Solution, limit int64) {
	n := len(js)
	seen := make([]bool, n)
	for _, j := range sol.Order {
		if j < 0 || j >= n || seen[j] {
			t.Fatalf("order %v is not a permutation", sol.Order)
		}
		seen[j] = true
	}
	if len(sol.Order) != n {
		t.Fatalf("order of %d jobs for %d", len(sol.Order), n)
	}
	if c := model.ClosedForm(js, sol.Order); c != sol.Makespan || c > model.ClosedForm(js, JobsLIF(js)) {
		t.Fatalf("makespan %d, closed form %d, LIF %d", sol.Makespan, c, model.ClosedForm(js, JobsLIF(js)))
	}
	if sol.LowerBound > sol.Makespan || sol.Optimal != (sol.LowerBound == sol.Makespan) || sol.LowerBound < RootBounds(js).Max() && !sol.Optimal {
		t.Fatalf("bound %d, makespan %d, optimal %v, root bounds %+v", sol.LowerBound, sol.Makespan, sol.Optimal, RootBounds(js))
	}
	if limit > 0 && sol.Nodes > limit {
		t.Fatalf("%d nodes, limit %d", sol.Nodes, limit)
	}
}

// Past ClassicMax, Search's bound never exceeds the optimum (the exact
// branch and bound's) and an order it calls optimal is: on the benchmark
// distribution and on tie-heavy jobs, at node limits that stop it in every
// phase.
func TestSearchBoundsTheOptimumBeyondClassicMax(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 17))
	stopped := 0
	for i := range 24 {
		n := ClassicMax + 1 + i%3
		js := scalingJobs(rng, n)
		if i%2 == 1 {
			js = randomJobs(rng, n, 4, 3*n)
		}
		opt := BranchAndBound(js, Limits{Nodes: -1})
		if !opt.Optimal {
			t.Fatal("branch and bound without a limit did not finish")
		}
		for _, limit := range []int64{1, 300, 5000, 200_000} {
			sol := Search(js, Limits{Nodes: limit})
			checkSearch(t, js, sol, limit)
			if sol.LowerBound > opt.Makespan || sol.Optimal && sol.Makespan != opt.Makespan {
				t.Fatalf("limit %d on %v: bound %d, makespan %d (optimal %v), optimum %d", limit, js, sol.LowerBound, sol.Makespan, sol.Optimal, opt.Makespan)
			}
			if !sol.Optimal {
				stopped++
			}
		}
	}
	if stopped == 0 {
		t.Fatal("no run stopped before proving optimality: the test does not exercise the gap")
	}
}

// Under a node limit Search is a function of the jobs and the limit, and
// never visits more nodes than the limit, at every size.
func TestSearchIsDeterministicUnderANodeLimit(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.SampledFrom([]int{ClassicMax + 1, 40, 300, 3000}).Draw(t, "n")
		js := randomJobs(rand.New(rand.NewPCG(rapid.Uint64().Draw(t, "seed"), 1)), n, 100, 100*n)
		limit := int64(rapid.IntRange(1, 20_000).Draw(t, "limit"))
		a, b := Search(js, Limits{Nodes: limit}), Search(js, Limits{Nodes: limit})
		checkSearch(t, js, a, limit)
		if !slices.Equal(a.Order, b.Order) || a.LowerBound != b.LowerBound || a.Nodes != b.Nodes {
			t.Fatalf("two runs differ: %d/%d/%d nodes and %d/%d/%d", a.Makespan, a.LowerBound, a.Nodes, b.Makespan, b.LowerBound, b.Nodes)
		}
	})
}

// When a start order meets a root bound, Search stops at once, with no
// search node: here LIF meets the CPU bound on 2,000 jobs whose waits all
// end before the first phases do.
func TestSearchStopsAtOnceWhenAStartMeetsABound(t *testing.T) {
	js := randomJobs(rand.New(rand.NewPCG(1, 2)), 2000, 100, 10)
	sol := Search(js, Limits{})
	if !sol.Optimal || sol.Nodes != 0 || sol.Makespan != RootBounds(js).CPU {
		t.Fatalf("%d nodes, makespan %d, bound %d, optimal %v; CPU bound %d", sol.Nodes, sol.Makespan, sol.LowerBound, sol.Optimal, RootBounds(js).CPU)
	}
}

// Tie-heavy jobs (zero phases, equal jobs, equal releases) keep every
// promise of Search at sizes past ClassicMax.
func TestSearchOnTieHeavyJobs(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(ClassicMax+1, 60, 3, 0, 40).Draw(t, "jobs")
		limit := int64(rapid.IntRange(1, 5000).Draw(t, "limit"))
		checkSearch(t, js, Search(js, Limits{Nodes: limit}), limit)
	})
}

// The local search's state stays consistent: its current makespan is the
// closed form of the tree's order and its best is attained by its best order.
func TestImproverKeepsItsOrdersConsistent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(2, 50, 20, 0, 300).Draw(t, "jobs")
		im := newImprover(js, gen.Perm(len(js)).Draw(t, "start"), rapid.Uint64().Draw(t, "seed"))
		im.run(int64(rapid.IntRange(1, 3000).Draw(t, "moves")), 0, func() bool { return false })
		if c := model.ClosedForm(js, im.t.ord); c != im.cur || c != im.t.makespan() {
			t.Fatalf("current %d, tree %d, closed form %d", im.cur, im.t.makespan(), c)
		}
		if c := model.ClosedForm(js, im.best); c != im.bestC || c > im.cur {
			t.Fatalf("best %d, closed form %d, current %d", im.bestC, c, im.cur)
		}
	})
}
