package order_test

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"pgregory.net/rapid"
)

// Heuristic starts from LIF among others and only accepts improvements, so
// it is never slower than LIF, and it returns a permutation.
func TestHeuristicNeverSlowerThanLIF(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(0, 12, 20, 0, 60).Draw(t, "jobs")
		h := order.Heuristic(js)
		seen := make([]bool, len(js))
		for _, j := range h {
			if j < 0 || j >= len(js) || seen[j] {
				t.Fatalf("not a permutation: %v", h)
			}
			seen[j] = true
		}
		if len(h) != len(js) {
			t.Fatalf("not a permutation: %v", h)
		}
		if c, l := model.ClosedForm(js, h), model.ClosedForm(js, order.JobsLIF(js)); c > l {
			t.Fatalf("heuristic %d > LIF %d", c, l)
		}
	})
}

// Mitten's rule puts the jobs with A <= B first by ascending A+L, then the
// others by descending L+B, ties by index.
func TestMittenIsJohnsonOnTheLaggedPair(t *testing.T) {
	jobs := []model.Job{
		{A: 3, L: 1, B: 1}, // A > B: second group, L+B = 2
		{A: 1, L: 4, B: 2}, // A <= B: first group, A+L = 5
		{A: 2, L: 5, B: 1}, // A > B: second group, L+B = 6
		{A: 0, L: 2, B: 3}, // A <= B: first group, A+L = 2
		{A: 1, L: 1, B: 1}, // A <= B: first group, A+L = 2, after job 3
	}
	got := order.Mitten(jobs)
	want := []int{3, 4, 1, 2, 0}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Mitten = %v, want %v", got, want)
	}
}
