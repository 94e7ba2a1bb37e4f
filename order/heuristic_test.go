package order_test

import (
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
