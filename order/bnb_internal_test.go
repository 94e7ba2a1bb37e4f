package order

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// optimum is the least closed-form makespan over all orders, by brute force.
func optimum(jobs []model.Job) model.Duration {
	best := model.Duration(-1)
	ForEachPerm(len(jobs), func(p []int) {
		if c := model.ClosedForm(jobs, p); best < 0 || c < best {
			best = c
		}
	})
	return best
}

// ruleSets are the rule combinations checked against brute force: all
// rules, each rule alone, none, and the search without the heuristic
// incumbent (so that the tree search, not the heuristic, finds the optimum).
var ruleSets = map[string]rules{
	"all":         {},
	"none":        {noTwins: true, noZeroA: true, noAdjacent: true, noMemo: true},
	"twins-only":  {noZeroA: true, noAdjacent: true, noMemo: true, noHeuristic: true},
	"zeroA-only":  {noTwins: true, noAdjacent: true, noMemo: true, noHeuristic: true},
	"adj-only":    {noTwins: true, noZeroA: true, noMemo: true, noHeuristic: true},
	"memo-only":   {noTwins: true, noZeroA: true, noAdjacent: true, noHeuristic: true},
	"all-no-heur": {noHeuristic: true},
}

func checkAgainstBruteForce(t interface {
	Fatalf(string, ...any)
}, jobs []model.Job) {
	want := optimum(jobs)
	for name, r := range ruleSets {
		sol := branchAndBound(jobs, Limits{Nodes: -1}, r)
		if !sol.Optimal || sol.Makespan != want || sol.LowerBound != want {
			t.Fatalf("rules %s on %v: got makespan %d (lb %d, optimal %v), brute force %d", name, jobs, sol.Makespan, sol.LowerBound, sol.Optimal, want)
		}
		if c := model.ClosedForm(jobs, sol.Order); c != sol.Makespan {
			t.Fatalf("rules %s on %v: order %v has makespan %d, reported %d", name, jobs, sol.Order, c, sol.Makespan)
		}
	}
}

// Each dominance rule on its own, and all together, keep an optimal order:
// branch and bound equals brute force on tie-heavy small instances (with
// L = 0 and A = 0 allowed).
func TestEachDominanceRuleKeepsAnOptimum(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		checkAgainstBruteForce(t, gen.Jobs(0, 7, 6, 0, 12).Draw(t, "jobs"))
	})
}

func TestQuickSweep(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for it := 0; it < 3000; it++ {
		n := 1 + rng.IntN(8)
		jobs := make([]model.Job, n)
		for i := range jobs {
			jobs[i] = model.Job{A: model.Duration(rng.IntN(5)), L: model.Duration(rng.IntN(3 * n)), B: model.Duration(rng.IntN(5))}
		}
		checkAgainstBruteForce(t, jobs)
	}
	fmt.Println("ok")
}
