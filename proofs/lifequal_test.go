package proofs_test

// Checks of proofs/lif-additive-equal-cpu.md, lif-within-1.25x-equal-cpu.md
// and lif-five-quarters-family.md: with equal CPU phases c, the averaged
// Jackson bound (E4), the releases of longest-IO-first (E5), the additive
// bound C(LIF) ≤ OPT + (n−1)c/2, the family that attains it, and the
// exhaustive search that gives the worst ratio for each small n.

import (
	"fmt"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"github.com/gatherorder/gatherorder/props"
)

// Lemma E4 (averaged Jackson bound): for every order and every s, s·C ≥
// s(s+1)c + (sum of the s longest waits).
func TestE4AveragedJacksonBound(t *testing.T) {
	sweepJobs(t, equalCPUBoxes(), equalCPUChecks(), equalCPUJobs(7, 100, 1000), func(js []model.Job) string {
		ms, orders := makespans(js)
		c := js[0].A
		ls := make([]model.Duration, len(js))
		for i, j := range js {
			ls[i] = j.L
		}
		slices.Sort(ls)
		slices.Reverse(ls)
		for r, p := range orders {
			var sum model.Duration
			for s := 1; s <= len(js); s++ {
				sum += ls[s-1]
				S := model.Duration(s)
				if S*ms[r] < S*(S+1)*c+sum {
					return fmt.Sprintf("order %v takes %d < (s+1)c + (top-%d waits)/%d = (%d + %d)/%d", p, ms[r], s, s, S*(S+1)*c, sum, s)
				}
			}
		}
		return ""
	})
}

// Lemma E5: in every longest-IO-first order the release of position k+1 is
// at most the release of position k plus c.
func TestE5LIFReleasesRiseByAtMostOnePhase(t *testing.T) {
	sweepJobs(t, equalCPUBoxes(), equalCPUChecks(), equalCPUJobs(7, 100, 1000), func(js []model.Job) string {
		msg := ""
		forEachOrder(len(js), func(p []int) {
			if msg != "" || !isLIF(js, p) {
				return
			}
			rel, _ := releases(js, p)
			for k := 1; k < len(p); k++ {
				if rel[p[k]] > rel[p[k-1]]+js[0].A {
					msg = fmt.Sprintf("LIF order %v: release %d at position %d after %d at position %d", p, rel[p[k]], k+1, rel[p[k-1]], k)
				}
			}
		})
		return msg
	})
}

// The theorem of lif-additive-equal-cpu.md in its sharp form: for every
// longest-IO-first order with critical release r > nc, the last position K
// released at or after r and the number q of such jobs satisfy
// 2K·(C − OPT) ≤ c·q(q−1); hence C − OPT ≤ (n−1)c/2, and C/OPT ≤ (5n−1)/(4n).
func TestLIFAdditiveBound(t *testing.T) {
	sweepJobs(t, equalCPUBoxes(), equalCPUChecks(), equalCPUJobs(7, 100, 1000), func(js []model.Job) string {
		ms, orders := makespans(js)
		opt := slices.Min(ms)
		n, c := model.Duration(len(js)), js[0].A
		for r, p := range orders {
			if !isLIF(js, p) {
				continue
			}
			C := ms[r]
			if 2*(C-opt) > (n-1)*c || 4*n*C > (5*n-1)*opt {
				return fmt.Sprintf("LIF order %v takes %d, OPT %d: beyond (n-1)c/2 or (5n-1)/(4n)", p, C, opt)
			}
			rel, T := releases(js, p)
			for k, j := range p {
				var q, K model.Duration
				for k2, i := range p {
					if rel[i] >= rel[j] {
						q++
						K = model.Duration(k2 + 1)
					}
				}
				if rel[j] <= T || rel[j]+q*c != C {
					continue
				}
				if 2*K*(C-opt) > c*q*(q-1) {
					return fmt.Sprintf("LIF order %v, critical position %d: 2K(C-OPT) = %d > c q(q-1) = %d", p, k+1, 2*K*(C-opt), c*q*(q-1))
				}
			}
		}
		return ""
	})
}

// fiveQuartersMaxN is the largest odd n the family is checked for.
func fiveQuartersMaxN() int {
	if verify.On() {
		return 201
	}
	return 41
}

// The family of lif-five-quarters-family.md for every odd n from 3 to
// fiveQuartersMaxN and several c: the simulator gives (m+2n)c for
// longest-IO-first and for every rotation of its order, and 2nc (the total
// CPU work, so optimal) for props.FiveQuartersOrder; up to n = 7 the
// optimum over all orders is 2nc as well.
func TestFiveQuartersFamily(t *testing.T) {
	for n := 3; n <= fiveQuartersMaxN(); n += 2 {
		for _, c := range []model.Duration{1, 2, 3, 7} {
			js := props.FiveQuartersFamily(n, c)
			wantLIF, wantOPT := props.FiveQuartersValues(n, c)
			m := model.Duration(n / 2)
			if wantLIF != (m+2*model.Duration(n))*c || wantOPT != 2*model.Duration(n)*c {
				t.Fatalf("n = %d, c = %d: FiveQuartersValues %d, %d", n, c, wantLIF, wantOPT)
			}
			w := workload(js)
			if !isLIF(js, order.Identity(n)) {
				t.Fatalf("n = %d: FiveQuartersFamily is not in longest-IO-first order", n)
			}
			for s := range n {
				rot := make([]int, n)
				for k := range rot {
					rot[k] = (k + s) % n
				}
				if got := model.Simulate(w, rot).Makespan; got != wantLIF {
					t.Fatalf("n = %d, c = %d: rotation %d of the LIF order takes %d, want (m+2n)c = %d", n, c, s, got, wantLIF)
				}
			}
			if got := model.Simulate(w, props.FiveQuartersOrder(n)).Makespan; got != wantOPT {
				t.Fatalf("n = %d, c = %d: the interleaved order takes %d, want 2nc = %d", n, c, got, wantOPT)
			}
			if n <= 7 && c <= 2 {
				if got := optimum(js); got != wantOPT {
					t.Fatalf("n = %d, c = %d: optimum %d, want %d", n, c, got, wantOPT)
				}
			}
			if 2*(wantLIF-wantOPT) != model.Duration(n-1)*c {
				t.Fatalf("n = %d: the excess is not (n-1)c/2", n)
			}
		}
	}
	t.Logf("odd n = 3..%d, c in {1, 2, 3, 7}", fiveQuartersMaxN())
}

// worstLIFEqualCPU is the exhaustive search behind the worst ratios that
// proofs/lif-additive-equal-cpu.md quotes: every multiset of n waits in
// [1, maxL] with CPU phases c, longest-IO-first against the optimum of
// order.BranchAndBound (no node limit). It returns the largest C − OPT and
// the largest ratio C/OPT as a fraction, with an instance attaining it.
func worstLIFEqualCPU(n int, c, maxL model.Duration) (excess, num, den model.Duration, at []model.Duration, count int) {
	num, den = 1, 1
	ls := make([]model.Duration, n)
	var rec func(k int, lo model.Duration)
	rec = func(k int, lo model.Duration) {
		if k == n {
			js := make([]model.Job, n)
			for i := range js {
				js[i] = model.Job{A: c, L: ls[n-1-i], B: c}
			}
			lif := model.ClosedForm(js, nil)
			opt := order.BranchAndBound(js, order.Limits{Nodes: -1}).Makespan
			count++
			excess = max(excess, lif-opt)
			if lif*den > num*opt {
				num, den, at = lif, opt, slices.Clone(ls)
			}
			return
		}
		for l := lo; l <= maxL; l++ {
			ls[k] = l
			rec(k+1, l)
		}
	}
	rec(0, 1)
	return
}

// The exact worst ratio of longest-IO-first with equal CPU phases for each
// small n, by exhaustive search (c = 1, waits up to 3n; c = 2, waits up to
// 6n, so half-phase waits too): (2n + ⌊(n−1)/2⌋)/(2n), attained for odd n
// by the five-quarters family, and an excess of ⌊(n−1)/2⌋ phases. These
// are the numbers lif-additive-equal-cpu.md quotes.
func TestLIFEqualCPUWorstRatioByExhaustiveSearch(t *testing.T) {
	type dom struct {
		n int
		c model.Duration
	}
	doms := []dom{{2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {2, 2}, {3, 2}, {4, 2}}
	if verify.On() {
		doms = append(doms, dom{7, 1}, dom{5, 2}, dom{4, 3})
	}
	for _, d := range doms {
		maxL := 3 * model.Duration(d.n) * d.c
		excess, num, den, at, count := worstLIFEqualCPU(d.n, d.c, maxL)
		h := model.Duration((d.n - 1) / 2)
		N := model.Duration(d.n)
		if excess != h*d.c || num*2*N != (2*N+h)*den {
			t.Fatalf("n = %d, c = %d, waits ≤ %d: worst excess %d, worst ratio %d/%d at waits %v; want %d and (2n+%d)/(2n)", d.n, d.c, maxL, excess, num, den, at, h*d.c, h)
		}
		t.Logf("n = %d, c = %d, waits 1..%d: %d instances; worst LIF/OPT = %d/%d at waits %v, worst excess %d = %d phase(s)", d.n, d.c, maxL, count, num, den, at, excess, h)
	}
}
