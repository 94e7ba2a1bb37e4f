package order

import (
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"pgregory.net/rapid"
)

// RootBounds are the branch and bound's LB1 and LB2 at the root, the CPU
// bound is ΣA + ΣB, and none exceeds the optimum (brute force).
func TestRootBoundsAreTheSearchsRootBoundsAndValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(0, 7, 8, 0, 25).Draw(t, "jobs")
		b := RootBounds(js)
		s := newSolver(js, Limits{}, rules{})
		if len(js) > 0 && (b.Release != s.releaseBound() || b.Tail != s.tailBound()) {
			t.Fatalf("RootBounds %+v, solver LB1 %d LB2 %d", b, s.releaseBound(), s.tailBound())
		}
		var cpu int64
		for _, j := range js {
			cpu += int64(j.A + j.B)
		}
		if int64(b.CPU) != cpu {
			t.Fatalf("CPU bound %d, ΣA + ΣB %d", b.CPU, cpu)
		}
		if opt := ExhaustiveMakespan(js); b.Max() > opt || b.Release < b.CPU {
			t.Fatalf("bounds %+v, optimum %d", b, opt)
		}
	})
}
