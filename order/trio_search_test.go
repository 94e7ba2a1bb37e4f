package order

import (
	"math/big"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// BoundsTrio never exceeds any outcome of Trio's run in any start order.
func TestBoundsTrioBoundEveryOutcome(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 4, MaxSteps: 4, MaxDur: 10}).Draw(t, "w")
		lb := BoundsTrio(w).Max()
		ForEachPerm(len(w.Tasks), func(p []int) {
			d, err := model.Trio{}.Distribution(w, p)
			if err != nil {
				t.Fatal(err)
			}
			if d.Min() < lb {
				t.Fatalf("order %v: an outcome takes %d < bound %d (%+v): %s", p, d.Min(), lb, BoundsTrio(w), model.Marshal(w))
			}
		})
	})
}

// SearchTrio returns a permutation with its distribution, no worse in
// expectation than the given order, within its node limit, the same on
// every run.
func TestSearchTrioKeepsItsPromises(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: MaxExhaustive + 1, MaxTasks: 11, MaxSteps: 3, MaxDur: 20}).Draw(t, "w")
		lim := Limits{Nodes: int64(rapid.IntRange(1, 12).Draw(t, "nodes"))}
		sol, err := SearchTrio(w, lim)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := SearchTrio(w, lim)
		given, _ := model.Trio{}.Distribution(w, nil)
		if !slices.Equal(slices.Sorted(slices.Values(sol.Order)), Identity(len(w.Tasks))) || !slices.Equal(sol.Order, again.Order) ||
			sol.Nodes > max(lim.Nodes, 1) || sol.Dist.Expected().Cmp(given.Expected()) > 0 ||
			new(big.Rat).SetInt64(int64(sol.LowerBound)).Cmp(sol.Dist.Expected()) > 0 && sol.Dist.Exact {
			t.Fatalf("order %v (again %v), nodes %d of %d, expected %s (given %s), bound %d",
				sol.Order, again.Order, sol.Nodes, lim.Nodes, sol.Dist.Expected().RatString(), given.Expected().RatString(), sol.LowerBound)
		}
	})
}
