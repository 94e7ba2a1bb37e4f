package proofs_test

// Checks of proofs/lif-within-1.5x-canonical.md: on canonical workloads
// every longest-IO-first order is within 3/2 of the optimum, and 3/2 is
// tight.

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
)

// Theorem LIF: 2·C(LIF) ≤ 3·OPT, for every tie-break of LIF.
func TestLIFWithinThreeHalvesOnCanonicalWorkloads(t *testing.T) {
	sweepJobs(t, canonicalBoxes(false), canonicalChecks(), gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000), func(js []model.Job) string {
		ms, orders := makespans(js)
		best := ms[0]
		for _, m := range ms {
			best = min(best, m)
		}
		for r, p := range orders {
			if isLIF(js, p) && 2*ms[r] > 3*best {
				return fmt.Sprintf("longest-IO-first order %v takes %d > 3/2 × optimum %d", p, ms[r], best)
			}
		}
		return ""
	})
}

// Tightness: X = cpu M; sleep M+1; cpu 0 and Y = cpu 0; sleep M; cpu M.
// Longest-IO-first runs X first and takes 3M; Y first takes 2M+1. With
// equal waits (sleep M for both) the tie-break X-first takes exactly 3/2
// of the optimum 2M.
func TestLIFThreeHalvesIsTight(t *testing.T) {
	prev := 0.0
	for M := model.Duration(1); M <= 1<<12; M *= 4 {
		js := []model.Job{{A: M, L: M + 1, B: 0}, {A: 0, L: M, B: M}}
		lif := model.Simulate(workload(js), []int{0, 1}).Makespan
		if best := optimum(js); lif != 3*M || best != 2*M+1 {
			t.Fatalf("M = %d: LIF %d, best %d; want %d and %d", M, lif, best, 3*M, 2*M+1)
		}
		ratio := float64(lif) / float64(2*M+1)
		if ratio <= prev && M > 1 {
			t.Fatalf("M = %d: ratio %.5f does not increase (previous %.5f)", M, ratio, prev)
		}
		prev = ratio
		tie := []model.Job{{A: M, L: M, B: 0}, {A: 0, L: M, B: M}}
		if lif, best := model.Simulate(workload(tie), []int{0, 1}).Makespan, optimum(tie); 2*lif != 3*best {
			t.Fatalf("M = %d, equal waits: LIF (X first) %d, best %d: not 3/2", M, lif, best)
		}
	}
	t.Logf("strict family at M = 4096: ratio %.5f; equal-wait family: exactly 3/2", prev)
}
