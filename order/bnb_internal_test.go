package order

import (
	"math/rand/v2"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// optimum is the least closed-form makespan over all orders, by brute force.
func optimum(jobs []model.Job) model.Duration { return ExhaustiveMakespan(jobs) }

// ruleSets are the rule combinations checked against brute force: all
// rules, each rule alone, none, and the search without the heuristic
// incumbent (so that the tree search, not the heuristic, finds the optimum).
var ruleSets = []struct {
	name string
	r    rules
}{
	{"all", rules{}},
	{"none", rules{noTwins: true, noZeroA: true, noAdjacent: true, noMemo: true}},
	{"twins-only", rules{noZeroA: true, noAdjacent: true, noMemo: true, noHeuristic: true}},
	{"zeroA-only", rules{noTwins: true, noAdjacent: true, noMemo: true, noHeuristic: true}},
	{"adjacent-only", rules{noTwins: true, noZeroA: true, noMemo: true, noHeuristic: true}},
	{"memo-only", rules{noTwins: true, noZeroA: true, noAdjacent: true, noHeuristic: true}},
	{"all-no-heuristic", rules{noHeuristic: true}},
}

type fataler interface{ Fatalf(string, ...any) }

func checkSolution(t fataler, name string, jobs []model.Job, sol Solution, want model.Duration) {
	if !sol.Optimal || sol.Makespan != want || sol.LowerBound != want {
		t.Fatalf("rules %s on %v: got makespan %d (lower bound %d, optimal %v), brute force %d", name, jobs, sol.Makespan, sol.LowerBound, sol.Optimal, want)
	}
	if c := model.ClosedForm(jobs, sol.Order); c != sol.Makespan {
		t.Fatalf("rules %s on %v: order %v has makespan %d, reported %d", name, jobs, sol.Order, c, sol.Makespan)
	}
}

// Each dominance rule on its own, all together, and none keep an optimal
// order: branch and bound equals brute force on tie-heavy small instances
// (A = 0, L = 0 and B = 0 allowed).
func TestEachDominanceRuleKeepsAnOptimum(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// n >= 4 so that the tree has depth; rapid's small draws would
		// otherwise spend most cases on trivial instances.
		jobs := gen.Jobs(4, 7, 6, 0, 12).Draw(t, "jobs")
		want := optimum(jobs)
		for _, rs := range ruleSets {
			checkSolution(t, rs.name, jobs, branchAndBound(jobs, Limits{Nodes: -1}, rs.r), want)
		}
	})
}

// family is a seeded distribution of small instances for the sweep.
type family struct {
	name string
	draw func(rng *rand.Rand, n int) []model.Job
}

func uniformJob(rng *rand.Rand, a, l, b int) model.Job {
	return model.Job{A: model.Duration(rng.IntN(a + 1)), L: model.Duration(rng.IntN(l + 1)), B: model.Duration(rng.IntN(b + 1))}
}

var families = []family{
	// Durations 0..3: equal releases, twins and zero phases everywhere.
	{"tie-heavy", func(rng *rand.Rand, n int) []model.Job {
		js := make([]model.Job, n)
		for i := range js {
			js[i] = uniformJob(rng, 3, 3, 3)
		}
		return js
	}},
	// L = 0 for every job: the sleep(0) edge of the class.
	{"L=0", func(rng *rand.Rand, n int) []model.Job {
		js := make([]model.Job, n)
		for i := range js {
			js[i] = uniformJob(rng, 9, 0, 9)
		}
		return js
	}},
	// Equal CPU phases (the seed's class), waits 0..4n.
	{"equal-cpu", func(rng *rand.Rand, n int) []model.Job {
		c := model.Duration(1 + rng.IntN(5))
		js := make([]model.Job, n)
		for i := range js {
			js[i] = model.Job{A: c, L: model.Duration(rng.IntN(4*n + 1)), B: c}
		}
		return js
	}},
	// The benchmarks' distribution (scalingJobs), wide integers.
	{"scaling", scalingJobs},
	// Mixed: copies of a few job types (twins) with some zero first phases.
	{"twins", func(rng *rand.Rand, n int) []model.Job {
		types := []model.Job{uniformJob(rng, 4, 12, 4), uniformJob(rng, 4, 12, 4), {A: 0, L: model.Duration(rng.IntN(9)), B: 2}}
		js := make([]model.Job, n)
		for i := range js {
			js[i] = types[rng.IntN(len(types))]
		}
		return js
	}},
}

// The optimizer agrees with exhaustive search: a seeded sweep of every
// family with n = 1..8, each instance solved with all rules, once with the
// heuristic incumbent and once with LIF's (so that the tree search, not
// the heuristic, has to find the optimum), and compared with brute force
// over all n! orders.
func TestBranchAndBoundEqualsBruteForceSweep(t *testing.T) {
	per := 120 // instances per family and n: 5 × 8 × 120 = 4,800
	if verify.On() {
		per = 1500
	}
	rng := rand.New(rand.NewPCG(2026, 4))
	total, nodes := 0, int64(0)
	for _, f := range families {
		for n := 1; n <= MaxExhaustive; n++ {
			for range per {
				jobs := f.draw(rng, n)
				want := optimum(jobs)
				for _, r := range []rules{{}, {noHeuristic: true}} {
					sol := branchAndBound(jobs, Limits{Nodes: -1}, r)
					checkSolution(t, f.name, jobs, sol, want)
					nodes += sol.Nodes
				}
				total++
			}
		}
	}
	t.Logf("%d instances (n = 1..%d, %d families), 2 incumbents each, %d search nodes, 0 disagreements", total, MaxExhaustive, len(families), nodes)
}

// Lemma D (doc.go): if prefix Y's profile dominates prefix X's (same set of
// jobs), every completion of Y is no slower than the same completion of X.
// Checked on every pair of prefixes of the same set, with every completion,
// for small tie-heavy instances.
func TestProfileDominanceImpliesNoSlowerCompletions(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		jobs := gen.Jobs(2, 5, 5, 0, 10).Draw(t, "jobs")
		n := len(jobs)
		k := rapid.IntRange(1, n-1).Draw(t, "k")
		type pre struct {
			order []int
			prof  profile
		}
		bySet := map[uint64][]pre{}
		ForEachPerm(n, func(p []int) {
			s := newSolver(jobs, Limits{}, rules{})
			for _, j := range p[:k] {
				s.apply(j)
			}
			bySet[s.mask] = append(bySet[s.mask], pre{append([]int(nil), p...), append(profile(nil), s.prof...)})
		})
		for _, ps := range bySet {
			for _, y := range ps {
				for _, x := range ps {
					dom, eq := dominates(y.prof, x.prof)
					if !dom {
						continue
					}
					// Same completion: x's suffix after y's prefix. All
					// permutations with x's prefix are in ps, so every
					// completion is covered.
					oy := append(append([]int(nil), y.order[:k]...), x.order[k:]...)
					cy, cx := model.ClosedForm(jobs, oy), model.ClosedForm(jobs, x.order)
					if cy > cx || eq && cy != cx {
						t.Fatalf("profile of %v dominates (equal %v) that of %v, yet completion %v gives %d > %d", y.order[:k], eq, x.order[:k], x.order[k:], cy, cx)
					}
				}
			}
		}
	})
}

// Rule Z's lemma: moving a job with A = 0 to the front never slows the
// order (its release can only move earlier and nobody else's moves).
func TestZeroFirstPhaseToFrontNeverHurts(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		jobs := gen.Jobs(1, 7, 5, 0, 12).Draw(t, "jobs")
		p := gen.Perm(len(jobs)).Draw(t, "p")
		i := rapid.IntRange(0, len(jobs)-1).Draw(t, "i")
		jobs[p[i]].A = 0
		q := append([]int{p[i]}, p[:i]...)
		q = append(q, p[i+1:]...)
		if cq, cp := model.ClosedForm(jobs, q), model.ClosedForm(jobs, p); cq > cp {
			t.Fatalf("moving zero-A job %d to the front of %v: %d > %d", p[i], p, cq, cp)
		}
	})
}

// A node limit returns the best order found with a valid proven gap:
// LowerBound <= optimum <= Makespan = ClosedForm(Order), and the same
// answer on every run.
func TestNodeLimitReturnsAValidGap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	stopped := 0
	for range 300 {
		n := 6 + rng.IntN(3)
		jobs := randomJobs(rng, n, 100, 100*n)
		want := optimum(jobs)
		for _, limit := range []int64{1, 3, 10, 30} {
			sol := branchAndBound(jobs, Limits{Nodes: limit}, rules{noHeuristic: true})
			again := branchAndBound(jobs, Limits{Nodes: limit}, rules{noHeuristic: true})
			if sol.LowerBound > want || sol.Makespan < want || model.ClosedForm(jobs, sol.Order) != sol.Makespan {
				t.Fatalf("limit %d on %v: lower bound %d, optimum %d, makespan %d", limit, jobs, sol.LowerBound, want, sol.Makespan)
			}
			if sol.Optimal != (sol.LowerBound == sol.Makespan) || sol.Nodes > limit {
				t.Fatalf("limit %d: inconsistent %+v", limit, sol)
			}
			if !equalInts(sol.Order, again.Order) || sol.LowerBound != again.LowerBound {
				t.Fatalf("limit %d: two runs differ: %+v and %+v", limit, sol, again)
			}
			if !sol.Optimal {
				stopped++
			}
		}
	}
	if stopped == 0 {
		t.Fatal("no run hit its node limit: the test does not exercise the gap")
	}
	t.Logf("%d limited runs stopped early with a proven gap", stopped)
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
