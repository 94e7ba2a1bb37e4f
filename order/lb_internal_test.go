package order

import (
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// bestCompletion is the least makespan over all completions of prefix, by
// brute force over the orders of the other jobs.
func bestCompletion(jobs []model.Job, prefix []int) model.Duration {
	var rest []int
	for j := range jobs {
		if !slices.Contains(prefix, j) {
			rest = append(rest, j)
		}
	}
	best := model.Duration(-1)
	ord := make([]int, len(jobs))
	ForEachPerm(len(rest), func(p []int) {
		copy(ord, prefix)
		for k, i := range p {
			ord[len(prefix)+k] = rest[i]
		}
		if c := model.ClosedForm(jobs, ord); best < 0 || c < best {
			best = c
		}
	})
	return best
}

// The lower bounds LB1 and LB2 (bound) never exceed
// the best makespan of any completion of the prefix, and are exact on a
// complete order.
func TestLowerBoundsAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		jobs := gen.Jobs(1, 7, 8, 0, 25).Draw(t, "jobs")
		perm := gen.Perm(len(jobs)).Draw(t, "perm")
		k := rapid.IntRange(0, len(jobs)).Draw(t, "k")
		s := newSolver(jobs, Limits{}, rules{})
		for _, j := range perm[:k] {
			s.apply(j)
		}
		want := bestCompletion(jobs, perm[:k])
		if lb := s.bound(); lb > want {
			t.Fatalf("LB1/LB2 = %d > best completion %d of prefix %v", lb, want, perm[:k])
		} else if k == len(jobs) && lb != want {
			t.Fatalf("complete order: bound %d, makespan %d", lb, want)
		}
	})
}
