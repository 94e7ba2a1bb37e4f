package order

import (
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// The start orders of Search are the heuristics' orders, tie-breaks
// included, below and above the size where the sorts switch to radix.
func TestStartsAreTheHeuristicsOrders(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.SampledFrom([]int{0, 1, 5, 40, radixMin - 1, radixMin, 3 * radixMin}).Draw(t, "n")
		js := gen.Jobs(n, n, model.Duration(rapid.SampledFrom([]int64{3, 100, 1e12}).Draw(t, "cpu")), 0, 400).Draw(t, "jobs")
		for _, c := range []struct {
			name       string
			fast, slow func() []int
		}{
			{"lif", func() []int { return fastLIF(js) }, func() []int { return JobsLIF(js) }},
			{"ltf", func() []int { return longestTailFirst(js) }, func() []int { return LongestTailFirst(js) }},
			{"mitten", func() []int { return fastMitten(js) }, func() []int { return Mitten(js) }},
			{"johnson", func() []int { return fastJohnsonOrder(js) }, func() []int { return JohnsonOrder(js) }},
		} {
			if got, want := c.fast(), c.slow(); !slices.Equal(got, want) {
				t.Fatalf("%s: %v, heuristic.go gives %v", c.name, got, want)
			}
		}
	})
}
