package proofs_test

// Checks of proofs/lif-minimizes-last-io.md and lif-optimal-no-post-cpu.md:
// Jackson's rule (largest tail first minimises max_k (S_k + A + L)) and
// the makespan max(ΣA, last release) when no task has CPU after its wait.

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
)

func canonicalBoxes(noPost bool) []box {
	if verify.On() {
		return []box{{MinN: 1, MaxN: 4, MaxA: 2, MaxB: 2, MinL: 1, MaxL: 4, NoPost: noPost}, {MinN: 5, MaxN: 5, MaxA: 1, MaxB: 1, MinL: 1, MaxL: 3, NoPost: noPost}}
	}
	return []box{{MinN: 1, MaxN: 3, MaxA: 2, MaxB: 2, MinL: 1, MaxL: 4, NoPost: noPost}, {MinN: 4, MaxN: 4, MaxA: 2, MaxB: 1, MinL: 1, MaxL: 3, NoPost: noPost}}
}

// lastIO is the time the last wait of the trace is due.
func lastIO(r *model.Result) model.Duration {
	var m model.Duration
	for _, w := range r.Waits {
		m = max(m, w.Due)
	}
	return m
}

// Lemma J (Jackson's rule): for every order, the last wait is due at
// max_k (S_k + A + L), and every order with non-increasing L attains the
// least such time over all orders, whatever the A_j and B_j.
func TestJLongestIOFirstMinimisesTheLastRelease(t *testing.T) {
	sweepJobs(t, canonicalBoxes(false), canonicalChecks(), gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000), func(js []model.Job) string {
		w := workload(js)
		best := model.Duration(-1)
		var lif []model.Duration
		msg := ""
		forEachOrder(len(js), func(p []int) {
			r := model.Simulate(w, p)
			rel, _ := releases(js, p)
			var formula model.Duration
			for _, x := range rel {
				formula = max(formula, x)
			}
			if got := lastIO(&r); got != formula && msg == "" {
				msg = fmt.Sprintf("order %v: last wait due at %d, max_k(S_k + A + L) = %d", p, got, formula)
			}
			if best < 0 || formula < best {
				best = formula
			}
			if isLIF(js, p) {
				lif = append(lif, formula)
			}
		})
		if msg != "" {
			return msg
		}
		for _, x := range lif {
			if x != best {
				return fmt.Sprintf("a longest-IO-first order's last wait is due at %d, the earliest possible is %d", x, best)
			}
		}
		return ""
	})
}

// Lemma N: with B = 0 for every job the makespan is max(ΣA, last
// release); with lemma J every longest-IO-first order is optimal.
func TestNNoPostCPUMakespanIsTheLastReleaseAndLIFIsOptimal(t *testing.T) {
	draw := gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000)
	sweepJobs(t, canonicalBoxes(true), canonicalChecks(), draw, func(js []model.Job) string {
		for i := range js {
			js[i].B = 0 // rapid draws B; the class has none
		}
		ms, orders := makespans(js)
		best := ms[0]
		for r, p := range orders {
			rel, T := releases(js, p)
			want := T
			for _, x := range rel {
				want = max(want, x)
			}
			if ms[r] != want {
				return fmt.Sprintf("order %v: makespan %d, max(ΣA, last release) = %d", p, ms[r], want)
			}
			best = min(best, ms[r])
		}
		for r, p := range orders {
			if isLIF(js, p) && ms[r] != best {
				return fmt.Sprintf("longest-IO-first order %v takes %d, the optimum %d", p, ms[r], best)
			}
		}
		return ""
	})
}

// canonicalMaxN and canonicalChecks bound the rapid part of the checks that
// simulate every order of an instance (n! simulations per instance).
func canonicalMaxN() int {
	if verify.On() {
		return 7
	}
	return 5
}

func canonicalChecks() int {
	if verify.On() {
		return 2000
	}
	return 200
}
