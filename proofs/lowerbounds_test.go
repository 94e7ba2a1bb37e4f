package proofs_test

// Checks of proofs/lower-bounds.md: the branch and bound's root lower
// bound, max(LB1, LB2) of order/doc.go, is exactly Carlier's preemptive
// bound of the one-machine relaxation with heads and tails, and how far
// both are from the optimum on seeded instances.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// op is an operation of the relaxation 1|r_j,q_j|Cmax: head r, processing
// time p, tail q.
type op struct{ r, p, q model.Duration }

// relaxation is the head-tail relaxation of canonical jobs: each job's
// first phase (head 0, time A, tail L + B) and second phase (head
// max(ΣA, A + L), time B, tail 0), with the coupling between them dropped.
func relaxation(js []model.Job) []op {
	var T model.Duration
	for _, j := range js {
		T += j.A
	}
	var ops []op
	for _, j := range js {
		ops = append(ops, op{0, j.A, j.L + j.B}, op{max(T, j.A+j.L), j.B, 0})
	}
	return ops
}

// preemptiveJackson is the optimum of 1|r_j,q_j,pmtn|Cmax (Carlier's lower
// bound for 1|r_j,q_j|Cmax): at every moment run, among the released
// unfinished operations, one with the largest tail; the value is the
// largest completion plus tail. Written by events, independently of the
// subset formula below.
func preemptiveJackson(ops []op) model.Duration {
	left := make([]model.Duration, len(ops))
	for i, o := range ops {
		left[i] = o.p
	}
	done := make([]bool, len(ops))
	var t, best model.Duration
	for {
		cur, next := -1, model.Duration(-1)
		for i, o := range ops {
			if done[i] {
				continue
			}
			if o.r <= t {
				if cur < 0 || o.q > ops[cur].q {
					cur = i
				}
			} else if next < 0 || o.r < next {
				next = o.r
			}
		}
		if cur < 0 {
			if next < 0 {
				return best
			}
			t = next
			continue
		}
		run := left[cur]
		if next >= 0 && next-t < run {
			run = next - t
		}
		t += run
		left[cur] -= run
		if left[cur] == 0 {
			done[cur] = true
			best = max(best, t+ops[cur].q)
		}
	}
}

// subsetBound is max over nonempty sets K of operations of
// min_K r + Σ_K p + min_K q, by brute force over all subsets.
func subsetBound(ops []op) model.Duration {
	var best model.Duration
	for mask := 1; mask < 1<<len(ops); mask++ {
		r, q := model.Duration(-1), model.Duration(-1)
		var p model.Duration
		for i, o := range ops {
			if mask>>i&1 == 1 {
				if r < 0 || o.r < r {
					r = o.r
				}
				if q < 0 || o.q < q {
					q = o.q
				}
				p += o.p
			}
		}
		best = max(best, r+p+q)
	}
	return best
}

// rootBound is the branch and bound's bound at the root, restated from
// order/doc.go (its functions are unexported): LB1, the earliest-release
// list schedule from ΣA of the second phases released at A + L, and LB2,
// Jackson's rule with tails L + B on the first phases from 0.
func rootBound(js []model.Job) model.Duration {
	var T model.Duration
	for _, j := range js {
		T += j.A
	}
	rel := make([][2]model.Duration, len(js))
	for i, j := range js {
		rel[i] = [2]model.Duration{max(T, j.A+j.L), j.B}
	}
	slices.SortFunc(rel, func(a, b [2]model.Duration) int { return int(a[0] - b[0]) })
	lb1 := T
	for _, x := range rel {
		lb1 = max(lb1, x[0]) + x[1]
	}
	byTail := slices.Clone(js)
	slices.SortFunc(byTail, func(a, b model.Job) int { return int((b.L + b.B) - (a.L + a.B)) })
	var lb2, c model.Duration
	for _, j := range byTail {
		c += j.A
		lb2 = max(lb2, c+j.L+j.B)
	}
	return max(lb1, lb2)
}

// Lemma C: Carlier's preemptive bound of the head-tail relaxation equals
// the subset formula and the branch and bound's root bound max(LB1, LB2),
// and none exceeds the optimum.
func TestCarliersBoundIsTheRootBound(t *testing.T) {
	b := []box{{MinN: 1, MaxN: 3, MaxA: 2, MaxB: 2, MinL: 1, MaxL: 4}}
	sweepJobs(t, b, canonicalChecks(), gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000), func(js []model.Job) string {
		ops := relaxation(js)
		carlier, root := preemptiveJackson(ops), rootBound(js)
		if carlier != root {
			return fmt.Sprintf("Carlier's preemptive bound %d, root bound max(LB1, LB2) %d", carlier, root)
		}
		if len(js) <= 3 {
			if s := subsetBound(ops); s != carlier {
				return fmt.Sprintf("subset formula %d, preemptive schedule %d", s, carlier)
			}
		}
		if opt := optimum(js); carlier > opt {
			return fmt.Sprintf("bound %d above the optimum %d", carlier, opt)
		}
		return ""
	})
}

// How far the root bound (= Carlier's) is from the optimum on seeded
// instances drawn like optbench.HeuristicDist(n, w): A, B uniform on
// 1..100, L uniform on 1..W with W = w% of the mean total first phase 50n.
// The counts and the gaps are pinned, as lower-bounds.md quotes them.
func TestRootBoundGapToTheOptimum(t *testing.T) {
	type row struct {
		n, wait int
		tight   int     // instances where the bound equals the optimum
		meanGap float64 // mean (OPT - bound)/OPT in per cent, rounded to 0.01
		maxGap  float64
	}
	want := []row{
		{8, 50, 100, 0, 0}, {8, 100, 98, 0.06, 4.29}, {8, 200, 39, 2.24, 10.78}, {8, 400, 64, 0.67, 7.33},
		{12, 50, 100, 0, 0}, {12, 100, 100, 0, 0}, {12, 200, 51, 1.53, 8.40}, {12, 400, 53, 0.55, 5.47},
	}
	const instances = 100
	rng := rand.New(rand.NewPCG(20040501, 1982))
	for i, w := range want {
		got := row{n: w.n, wait: w.wait}
		var sum float64
		for range instances {
			js := make([]model.Job, w.n)
			for k := range js {
				js[k] = model.Job{A: model.Duration(1 + rng.Int64N(100)), L: model.Duration(1 + rng.Int64N(max(1, int64(w.wait*50*w.n/100)))), B: model.Duration(1 + rng.Int64N(100))}
			}
			sol := order.BranchAndBound(js, order.Limits{Nodes: -1})
			lb := preemptiveJackson(relaxation(js))
			if lb != rootBound(js) || lb > sol.Makespan {
				t.Fatalf("jobs %v: Carlier %d, root %d, optimum %d", js, lb, rootBound(js), sol.Makespan)
			}
			if lb == sol.Makespan {
				got.tight++
			}
			gap := 100 * float64(sol.Makespan-lb) / float64(sol.Makespan)
			sum += gap
			got.maxGap = max(got.maxGap, gap)
		}
		got.meanGap = float64(int(sum/instances*100+0.5)) / 100
		got.maxGap = float64(int(got.maxGap*100+0.5)) / 100
		t.Logf("n = %d, waits up to %d%% of 50n: bound = OPT on %d of %d, mean gap %.2f%%, worst %.2f%%", w.n, w.wait, got.tight, instances, got.meanGap, got.maxGap)
		if got != want[i] {
			t.Errorf("got %+v, pinned %+v", got, want[i])
		}
	}
}
