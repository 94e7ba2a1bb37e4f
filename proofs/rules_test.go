package proofs_test

// Checks of proofs/lif-within-1.5x-canonical.md, ltf-within-1.5x-canonical.md
// and mitten-within-1.5x-canonical.md: lemmas T1 and T2 for every order, the
// prefix bounds of longest-IO-first, longest-tail-first and Mitten's rule,
// their 3/2 guarantees, and the families that make them tight; and the
// family on which Johnson's rule on (A, L+B) tends to 2.

import (
	"fmt"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// critical describes job j of order p as in lemma T1: its position k
// (1-based), the total first-phase work A(P) of positions 1..k and A(R) of
// the rest, and Q, the jobs released at or after j.
type critical struct {
	k        int
	AP, AR   model.Duration
	Q        []bool
	BQ       model.Duration
	released model.Duration
}

func criticalOf(js []model.Job, p []int, j int) critical {
	rel, _ := releases(js, p)
	c := critical{Q: make([]bool, len(js)), released: rel[j]}
	seen := false
	for k, i := range p {
		if !seen {
			c.AP += js[i].A
		} else {
			c.AR += js[i].A
		}
		if i == j {
			c.k, seen = k+1, true
		}
	}
	for i := range js {
		if rel[i] >= rel[j] {
			c.Q[i] = true
			c.BQ += js[i].B
		}
	}
	return c
}

// Lemma T1, for every order and every job j of it: (a) OPT ≥ A(P) + A(R) +
// B(Q) + B(H) for H the jobs outside Q (the total CPU work), and (b) OPT ≥
// L_j − A(R) + B(Q).
func TestT1BoundsHoldForEveryOrderAndJob(t *testing.T) {
	sweepJobs(t, canonicalBoxes(false), canonicalChecks(), gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000), func(js []model.Job) string {
		ms, orders := makespans(js)
		opt := slices.Min(ms)
		for _, p := range orders {
			for j := range js {
				c := criticalOf(js, p, j)
				var bOut model.Duration
				for i := range js {
					if !c.Q[i] {
						bOut += js[i].B
					}
				}
				if a := c.AP + c.AR + c.BQ + bOut; opt < a {
					return fmt.Sprintf("order %v, job %d: OPT %d < A(P)+A(R)+B(Q)+B(outside Q) = %d", p, j, opt, a)
				}
				if b := js[j].L - c.AR + c.BQ; opt < b {
					return fmt.Sprintf("order %v, job %d: OPT %d < L_j - A(R) + B(Q) = %d", p, j, opt, b)
				}
			}
		}
		return ""
	})
}

// isLTF: the order has non-increasing L + B (every tie-break of
// longest-tail-first).
func isLTF(js []model.Job, p []int) bool {
	for k := 1; k < len(p); k++ {
		if js[p[k-1]].L+js[p[k-1]].B < js[p[k]].L+js[p[k]].B {
			return false
		}
	}
	return true
}

// isHeavyFirst: the B-heavy jobs (A ≤ B) come first, in any order, and the
// others follow with non-increasing L + B: the orders lemma M1 covers, which
// include every tie-break of Mitten's rule (ascending A + L among the
// B-heavy jobs is one of these orders).
func isHeavyFirst(js []model.Job, p []int) bool {
	light := false
	for k, j := range p {
		heavy := js[j].A <= js[j].B
		if heavy && light {
			return false
		}
		if !heavy {
			if light && js[p[k-1]].L+js[p[k-1]].B < js[j].L+js[j].B {
				return false
			}
			light = true
		}
	}
	return true
}

// The prefix bounds behind lemma T2 and the 3/2 guarantees: for the
// critical job j of every longest-IO-first order, OPT ≥ A(P) + L_j (T3);
// of every longest-tail-first order, OPT ≥ A(P) + L_j + B_j (L1); of every
// heavy-first order, OPT ≥ L_j + A(P) − A(H) with H the B-heavy jobs of P
// outside Q (M1); and every such order is within 3/2 of the optimum.
func TestPrefixBoundsAndThreeHalvesForLIFLTFAndMitten(t *testing.T) {
	sweepJobs(t, canonicalBoxes(false), canonicalChecks(), gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000), func(js []model.Job) string {
		ms, orders := makespans(js)
		opt := slices.Min(ms)
		for r, p := range orders {
			lif, ltf, heavy := isLIF(js, p), isLTF(js, p), isHeavyFirst(js, p)
			if !lif && !ltf && !heavy {
				continue
			}
			if 2*ms[r] > 3*opt {
				return fmt.Sprintf("order %v (lif %v, ltf %v, heavy-first %v) takes %d > 3/2 × OPT %d", p, lif, ltf, heavy, ms[r], opt)
			}
			rel, T := releases(js, p)
			for j := range js {
				// Only a job whose term attains the makespan with r_j > T is
				// critical; the lemmas are stated for those.
				c := criticalOf(js, p, j)
				if rel[j] <= T || rel[j]+c.BQ != ms[r] {
					continue
				}
				if lif && opt < c.AP+js[j].L {
					return fmt.Sprintf("LIF order %v, critical job %d: OPT %d < A(P) + L_j = %d", p, j, opt, c.AP+js[j].L)
				}
				if ltf && opt < c.AP+js[j].L+js[j].B {
					return fmt.Sprintf("LTF order %v, critical job %d: OPT %d < A(P) + L_j + B_j = %d", p, j, opt, c.AP+js[j].L+js[j].B)
				}
				if heavy {
					var aH model.Duration
					for _, i := range p[:c.k] {
						if js[i].A <= js[i].B && !c.Q[i] {
							aH += js[i].A
						}
					}
					if opt < js[j].L+c.AP-aH {
						return fmt.Sprintf("heavy-first order %v, critical job %d: OPT %d < L_j + A(P) - A(H) = %d", p, j, opt, js[j].L+c.AP-aH)
					}
				}
			}
		}
		return ""
	})
}

// Every order of order.Mitten and order.LongestTailFirst is one the lemmas
// cover (heavy-first; non-increasing L + B).
func TestMittenAndLongestTailFirstAreCoveredOrders(t *testing.T) {
	n := canonicalBoxes(false)[0].each(func(js []model.Job) {
		if p := order.Mitten(js); !isHeavyFirst(js, p) {
			t.Fatalf("jobs %v: order.Mitten %v is not heavy-first", js, p)
		}
		if p := order.LongestTailFirst(js); !isLTF(js, p) {
			t.Fatalf("jobs %v: order.LongestTailFirst %v has increasing L+B", js, p)
		}
	})
	t.Logf("%d instances", n)
}

// Tightness of longest-tail-first: X = cpu M; sleep M+2; cpu 0 and M+1
// copies of Y = cpu 0; sleep M; cpu 1. X has the longest tail, so
// longest-tail-first (and longest-IO-first) runs it first and takes 3M+1;
// the copies of Y first take 2M+2, which is X's own length, so optimal.
func TestLTFThreeHalvesIsTight(t *testing.T) {
	prev := 0.0
	for M := model.Duration(1); M <= 256; M *= 2 {
		js := []model.Job{{A: M, L: M + 2, B: 0}}
		for range M + 1 {
			js = append(js, model.Job{A: 0, L: M, B: 1})
		}
		w := workload(js)
		ltf := model.Simulate(w, order.LongestTailFirst(js)).Makespan
		good := make([]int, len(js))
		for i := range good {
			good[i] = (i + 1) % len(js)
		}
		best := model.Simulate(w, good).Makespan
		if ltf != 3*M+1 || best != 2*M+2 || best != js[0].A+js[0].L+js[0].B {
			t.Fatalf("M = %d: LTF %d, Y-first %d; want %d and %d = X alone", M, ltf, best, 3*M+1, 2*M+2)
		}
		if lif := model.Simulate(w, order.JobsLIF(js)).Makespan; lif != ltf {
			t.Fatalf("M = %d: LIF %d, LTF %d: LIF should be as bad", M, lif, ltf)
		}
		if mitten := model.Simulate(w, order.Mitten(js)).Makespan; mitten != best {
			t.Fatalf("M = %d: Mitten %d, not the optimum %d", M, mitten, best)
		}
		if len(js) <= 7 && optimum(js) != best {
			t.Fatalf("M = %d: optimum %d, not %d", M, optimum(js), best)
		}
		ratio := float64(ltf) / float64(best)
		if ratio <= prev && M > 1 {
			t.Fatalf("M = %d: ratio %.4f does not increase", M, ratio)
		}
		prev = ratio
	}
	t.Logf("ratio at M = 256: %.4f", prev)
}

// Tightness of Mitten's rule, attained: cpu 0; sleep 4K; cpu 0 and two
// copies of cpu K; sleep 1; cpu K. All three are B-heavy and the copies
// have the smaller A + L, so Mitten's rule runs them first and takes 6K;
// the long wait first takes 4K, the total CPU work.
func TestMittenThreeHalvesIsAttained(t *testing.T) {
	for K := model.Duration(1); K <= 1000; K *= 10 {
		js := []model.Job{{A: 0, L: 4 * K, B: 0}, {A: K, L: 1, B: K}, {A: K, L: 1, B: K}}
		w := workload(js)
		mitten := model.Simulate(w, order.Mitten(js)).Makespan
		best := optimum(js)
		if mitten != 6*K || best != 4*K {
			t.Fatalf("K = %d: Mitten %d, optimum %d; want %d and %d", K, mitten, best, 6*K, 4*K)
		}
		for _, p := range [][]int{order.JobsLIF(js), order.LongestTailFirst(js)} {
			if m := model.Simulate(w, p).Makespan; m != best {
				t.Fatalf("K = %d: LIF or LTF order %v takes %d, not the optimum %d", K, p, m, best)
			}
		}
	}
}

// Johnson's rule on (A, L+B) has no guarantee below 2: k copies of
// cpu 1; sleep 1; cpu 0 and X = cpu 2; sleep k; cpu 1. Every job has
// A ≤ L + B, the copies the smaller A, so the rule runs X last and takes
// 2k+3; X first takes k+3, the total CPU work.
func TestJohnsonRatioTendsToTwo(t *testing.T) {
	prev := 0.0
	for k := model.Duration(1); k <= 128; k *= 2 {
		js := []model.Job{{A: 2, L: k, B: 1}}
		for range k {
			js = append(js, model.Job{A: 1, L: 1, B: 0})
		}
		w := workload(js)
		john := model.Simulate(w, order.JohnsonOrder(js)).Makespan
		best := model.Simulate(w, order.Identity(len(js))).Makespan
		if john != 2*k+3 || best != k+3 {
			t.Fatalf("k = %d: Johnson %d, X first %d; want %d and %d", k, john, best, 2*k+3, k+3)
		}
		if len(js) <= 7 && optimum(js) != best {
			t.Fatalf("k = %d: optimum %d, not %d", k, optimum(js), best)
		}
		ratio := float64(john) / float64(best)
		if ratio <= prev {
			t.Fatalf("k = %d: ratio %.4f does not increase", k, ratio)
		}
		prev = ratio
	}
	t.Logf("ratio at k = 128: %.4f", prev)
}

// The best of longest-IO-first, longest-tail-first and Mitten's rule has no
// guarantee below 4/3: X = cpu 0; sleep k; cpu k+1, Y = cpu 0; sleep 3k+1;
// cpu 0 and Z = cpu k; sleep k+1; cpu k. Longest-IO-first and
// longest-tail-first run Y, Z, X and Mitten's rule X, Z, Y; all three take
// 4k+1, while Y, X, Z takes 3k+1, the CPU's total work.
func TestBestOfThreeTendsToFourThirds(t *testing.T) {
	prev := 0.0
	for k := model.Duration(1); k <= 1024; k *= 4 {
		js := []model.Job{{A: 0, L: k, B: k + 1}, {A: 0, L: 3*k + 1, B: 0}, {A: k, L: k + 1, B: k}}
		w := workload(js)
		for _, p := range [][]int{order.JobsLIF(js), order.LongestTailFirst(js), order.Mitten(js)} {
			if m := model.Simulate(w, p).Makespan; m != 4*k+1 {
				t.Fatalf("k = %d: order %v takes %d, want 4k+1 = %d", k, p, m, 4*k+1)
			}
		}
		if best := optimum(js); best != 3*k+1 || model.Simulate(w, []int{1, 0, 2}).Makespan != best {
			t.Fatalf("k = %d: optimum %d, want 3k+1 = %d by Y, X, Z", k, best, 3*k+1)
		}
		ratio := float64(4*k+1) / float64(3*k+1)
		if ratio <= prev {
			t.Fatalf("k = %d: ratio %.4f does not increase", k, ratio)
		}
		prev = ratio
	}
	t.Logf("ratio at k = 1024: %.4f", prev)
}
