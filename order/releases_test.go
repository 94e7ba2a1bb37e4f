package order

import (
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// The release tree's makespan is model.ClosedForm of its current order
// after every exchange of neighbours, on tie-heavy jobs (zero phases, equal
// releases) and on the benchmark distribution; linearMakespan is the same
// number without the tree.
func TestReleaseTreeTracksTheClosedForm(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var js []model.Job
		if rapid.Bool().Draw(t, "tie-heavy") {
			js = gen.Jobs(1, 40, 4, 0, 6).Draw(t, "jobs")
		} else {
			js = gen.Jobs(1, 40, 100, 1, 4000).Draw(t, "jobs")
		}
		ord := gen.Perm(len(js)).Draw(t, "order")
		r, slots := releaseSlots(js, ord)
		if got, want := linearMakespan(js, r, slots), model.ClosedForm(js, ord); got != want {
			t.Fatalf("linearMakespan %d, ClosedForm %d", got, want)
		}
		tr := newReleaseTree(js, ord)
		if got, want := tr.makespan(), model.ClosedForm(js, ord); got != want {
			t.Fatalf("tree %d, ClosedForm %d", got, want)
		}
		if len(js) < 2 {
			return
		}
		for range rapid.IntRange(1, 60).Draw(t, "swaps") {
			k := rapid.IntRange(0, len(js)-2).Draw(t, "k")
			tr.swap(k)
			if got, want := tr.makespan(), model.ClosedForm(js, tr.ord); got != want {
				t.Fatalf("after exchanging %d and %d: tree %d, ClosedForm of %v %d", k, k+1, got, tr.ord, want)
			}
		}
	})
}
