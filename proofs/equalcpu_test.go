package proofs_test

// Checks of proofs/sif-worst-equal-cpu.md, lif-beats-sif-equal-cpu.md,
// lif-optimal-two-tasks-equal-cpu.md and any-order-within-1.5x-equal-cpu.md:
// with every CPU phase equal to c, shortest-IO-first takes
// max(2nc, (n+1)c + max L), no order takes longer, and the optimum is at
// least max(2nc, 2c + max L), so every order is within (3n-1)/(2n).

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
)

func equalCPUBoxes() []box {
	if verify.On() {
		return []box{{MinN: 1, MaxN: 6, MaxA: 3, MinL: 1, MaxL: 10, EqualCPU: true}, {MinN: 7, MaxN: 7, MaxA: 2, MinL: 1, MaxL: 6, EqualCPU: true}}
	}
	return []box{{MinN: 1, MaxN: 5, MaxA: 2, MinL: 1, MaxL: 10, EqualCPU: true}}
}

func equalCPUChecks() int {
	if verify.On() {
		return 5000
	}
	return 300
}

// sifFormula is max(2nc, (n+1)c + max L).
func sifFormula(js []model.Job) model.Duration {
	n, c := model.Duration(len(js)), js[0].A
	var lmax model.Duration
	for _, j := range js {
		lmax = max(lmax, j.L)
	}
	return max(2*n*c, (n+1)*c+lmax)
}

// Lemma E1's count: in a shortest-IO-first order with c > 0 the jobs
// released at or after the job at position k are exactly those at
// positions k..n (N = n − k + 1). The count from the last position k′
// sharing the release, n − k′ + 1, which an earlier text of the proof
// used, is wrong when earlier positions share it; that happens only for
// c = 0 (waits 1, 1 give N = 2 at position 1, not 1), where N is multiplied
// by c = 0.
func TestE1LaterReleasesAreTheLaterPositions(t *testing.T) {
	oldCountFailsAtZero := false
	for _, b := range equalCPUBoxes() {
		b.each(func(js []model.Job) {
			forEachOrder(len(js), func(p []int) {
				if !isSIF(js, p) {
					return
				}
				n, c := len(js), js[0].A
				rel, _ := releases(js, p)
				for k := 1; k <= n; k++ {
					r := rel[p[k-1]]
					count, last := 0, k
					for k2 := 1; k2 <= n; k2++ {
						if rel[p[k2-1]] >= r {
							count++
						}
						if rel[p[k2-1]] == r {
							last = max(last, k2)
						}
					}
					if c > 0 && count != n-k+1 {
						t.Fatalf("jobs %v, order %v, c = %d: %d jobs released at or after position %d, want n-k+1 = %d", js, p, c, count, k, n-k+1)
					}
					if count != n-last+1 {
						if c > 0 {
							t.Fatalf("jobs %v, order %v: the count from the last tied position is wrong with c = %d > 0", js, p, c)
						}
						oldCountFailsAtZero = true
					}
				}
			})
		})
	}
	if !oldCountFailsAtZero {
		t.Fatal("the count n - k' + 1 never differs from N at c = 0: the domain lacks tied waits")
	}
}

// Lemma E1: every shortest-IO-first order takes max(2nc, (n+1)c + max L).
func TestE1ShortestIOFirstTakesTheFormula(t *testing.T) {
	sweepJobs(t, equalCPUBoxes(), equalCPUChecks(), equalCPUJobs(7, 100, 1000), func(js []model.Job) string {
		ms, orders := makespans(js)
		for r, p := range orders {
			if isSIF(js, p) && ms[r] != sifFormula(js) {
				return fmt.Sprintf("SIF order %v takes %d, formula %d", p, ms[r], sifFormula(js))
			}
		}
		return ""
	})
}

// Lemma E2: no order takes longer than max(2nc, (n+1)c + max L); hence
// shortest-IO-first is a slowest order and longest-IO-first is never
// slower than it, and with two tasks longest-IO-first is optimal.
func TestE2NoOrderIsSlowerThanShortestIOFirst(t *testing.T) {
	sweepJobs(t, equalCPUBoxes(), equalCPUChecks(), equalCPUJobs(7, 100, 1000), func(js []model.Job) string {
		ms, orders := makespans(js)
		for r, p := range orders {
			if ms[r] > sifFormula(js) {
				return fmt.Sprintf("order %v takes %d > max(2nc, (n+1)c + max L) = %d", p, ms[r], sifFormula(js))
			}
		}
		return ""
	})
}

// Corollary: with two tasks every longest-IO-first order is optimal.
func TestE2LongestIOFirstIsOptimalForTwoTasks(t *testing.T) {
	b := []box{{MinN: 2, MaxN: 2, MaxA: 20, MinL: 1, MaxL: 60, EqualCPU: true}}
	sweepJobs(t, b, 1000, equalCPUJobs(2, 1e6, 1e9), func(js []model.Job) string {
		if len(js) != 2 {
			return ""
		}
		ms, orders := makespans(js)
		best := min(ms[0], ms[1])
		for r, p := range orders {
			if isLIF(js, p) && ms[r] != best {
				return fmt.Sprintf("LIF order %v takes %d, the other %d", p, ms[r], best)
			}
		}
		return ""
	})
}

// Lemma E3 and the bound: the optimum is at least max(2nc, 2c + max L), so
// every order is within (3n-1)/(2n) < 3/2 of it.
func TestE3EveryOrderWithinThreeNMinusOneOverTwoN(t *testing.T) {
	sweepJobs(t, equalCPUBoxes(), equalCPUChecks(), equalCPUJobs(7, 100, 1000), func(js []model.Job) string {
		ms, _ := makespans(js)
		n, c := model.Duration(len(js)), js[0].A
		var lmax model.Duration
		for _, j := range js {
			lmax = max(lmax, j.L)
		}
		best, worst := ms[0], ms[0]
		for _, m := range ms {
			best, worst = min(best, m), max(worst, m)
		}
		if best < max(2*n*c, 2*c+lmax) {
			return fmt.Sprintf("optimum %d < max(2nc, 2c + max L) = %d", best, max(2*n*c, 2*c+lmax))
		}
		if 2*n*worst > (3*n-1)*best {
			return fmt.Sprintf("worst %d > (3n-1)/(2n) × optimum %d", worst, best)
		}
		return ""
	})
}

// Tightness: c = 1, one wait 2n-2 and n-1 waits 1: the slowest order takes
// 3n-1 and the best 2n, for every n ≥ 3 (and the ratio tends to 5/4 for
// n = 2 as c grows: waits 2c and 1 give 5c against 4c+1).
func TestE3BoundIsAttained(t *testing.T) {
	for n := 3; n <= 7; n++ {
		js := make([]model.Job, n)
		for i := range js {
			js[i] = model.Job{A: 1, L: 1, B: 1}
		}
		js[n-1].L = model.Duration(2*n - 2)
		ms, _ := makespans(js)
		best, worst := ms[0], ms[0]
		for _, m := range ms {
			best, worst = min(best, m), max(worst, m)
		}
		if best != model.Duration(2*n) || worst != model.Duration(3*n-1) {
			t.Fatalf("n = %d: best %d, worst %d; want %d and %d", n, best, worst, 2*n, 3*n-1)
		}
		t.Logf("n = %d: worst/best = %d/%d = %.4f", n, worst, best, float64(worst)/float64(best))
	}
	for c := model.Duration(1); c <= 1000; c *= 10 {
		js := []model.Job{{A: c, L: 1, B: c}, {A: c, L: 2 * c, B: c}}
		ms, _ := makespans(js)
		if lo, hi := min(ms[0], ms[1]), max(ms[0], ms[1]); lo != 4*c+1 || hi != 5*c {
			t.Fatalf("n = 2, c = %d: best %d, worst %d; want %d and %d", c, lo, hi, 4*c+1, 5*c)
		}
	}
}
