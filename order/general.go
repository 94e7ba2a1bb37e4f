package order

import (
	"math/rand/v2"
	"time"

	"github.com/gatherorder/gatherorder/model"
)

// Search for workloads of any shape, past the reach of Exhaustive: the
// simulator is the only judge of an order, so the search is a local search
// whose every node is one simulation, and the lower bound is the one that
// holds for every task shape.
//
// Relax each task j to its lead λ_j (the cpu steps before its first await:
// what it runs in iteration 1, model/SEMANTICS.md §S2), its first wait ω_j
// (the duration of that await, 0 if it has none), its rest CPU ρ_j (the cpu
// steps after the lead) and its tail τ_j (the durations of all its steps
// after the lead). In iteration 1 the tasks run their leads back to back in
// gather order, so the task at position k ends its lead at
// c = λ_π(1) + … + λ_π(k), and all the leads end at S₁ = Σλ. A step takes at
// least its duration, so:
//
//   - CPU: C >= the sum of all cpu steps (one thread).
//   - Release: the rest CPU of j starts no earlier than λ_j + ω_j and no
//     earlier than S₁; the preemptive Jackson bound of one machine gives
//     C >= max over θ of (max(S₁, θ) + Σ{ρ_j : λ_j + ω_j >= θ}).
//   - Tail: task j finishes no earlier than c_j + τ_j, and max_j (c_j + τ_j)
//     is least in descending-τ order (Jackson's rule with tails).
//
// For three-phase tasks (λ, ω, ρ) = (A, L, B), τ = L + B, and these are
// RootBounds.
type taskShape struct{ lead, wait, rest, tail model.Duration }

func shapes(w *model.Workload) []taskShape {
	out := make([]taskShape, len(w.Tasks))
	for i, t := range w.Tasks {
		var sh taskShape
		k := 0
		for ; k < len(t.Steps) && t.Steps[k].Kind == model.CPU; k++ {
			sh.lead += t.Steps[k].D
		}
		if k < len(t.Steps) {
			sh.wait = t.Steps[k].D
		}
		for _, st := range t.Steps[k:] {
			sh.tail += st.D
			if st.Kind == model.CPU {
				sh.rest += st.D
			}
		}
		out[i] = sh
	}
	return out
}

// WorkloadBounds are the CPU, Release and Tail bounds above for w.
func WorkloadBounds(w *model.Workload) Bounds {
	sh := shapes(w)
	jobs := make([]model.Job, len(sh))
	for i, x := range sh {
		// As a job: A = λ, L = ω, B = ρ gives the CPU and Release bounds;
		// the tail bound needs τ, which may exceed ω + ρ.
		jobs[i] = model.Job{A: x.lead, L: x.wait, B: x.rest}
	}
	b := RootBounds(jobs)
	b.Tail = 0
	var c model.Duration
	for _, j := range orderBy(len(sh), func(j int) (model.Duration, model.Duration) { return -sh[j].tail, 0 }) {
		c += sh[j].lead
		b.Tail = max(b.Tail, c+sh[j].tail)
	}
	return b
}

// DefaultWorkloadWork sets SearchWorkload's node limit when Limits.Nodes is
// 0: DefaultWorkloadWork / n simulations (at least 100), since a simulation
// costs about n; seconds in all.
const DefaultWorkloadWork = 10_000_000

// SearchWorkload is Search for any workload: it starts from the best of the
// given order, LongestIOFirst and the tasks by descending tail, and improves
// it by late-acceptance local search (improver's rule) with insertion moves
// of up to moveWindow positions, each judged by one simulation (a node).
// The lower bound is WorkloadBounds; the order is optimal only when its
// makespan meets it. Without Limits.Time the result is a function of w and
// Limits.Nodes. Makespan is the simulated makespan.
func SearchWorkload(w *model.Workload, lim Limits) Solution {
	return searchWorkload(w, lim, model.Runtime{}, WorkloadBounds(w).Max())
}

// searchWorkload is SearchWorkload on runtime rt's simulator with the
// proven lower bound lb of rt's makespans (LimitedBound for a workload
// with a limit, whose start orders then include LongestTotalFirst).
func searchWorkload(w *model.Workload, lim Limits, rt model.Runtime, lb model.Duration) Solution {
	n := len(w.Tasks)
	if lim.Nodes == 0 {
		lim.Nodes = max(100, DefaultWorkloadWork/int64(max(1, n)))
	}
	s := newSearch(nil, lim)
	s.lb = lb
	sim := model.Sim{Runtime: rt}
	eval := func(ord []int) model.Duration { return sim.Run(w, ord, false).Makespan }
	sh := shapes(w)
	starts := []func() []int{
		func() []int { return Identity(n) },
		func() []int { return LongestIOFirst(w) },
		func() []int {
			return orderBy(n, func(j int) (model.Duration, model.Duration) { return -sh[j].tail, 0 })
		},
	}
	if w.Limit.Bounded() {
		starts = append(starts, func() []int { return LongestTotalFirst(w) })
	}
	var slowest time.Duration
	for i, f := range starts {
		if i > 0 && (s.bestC <= s.lb || !s.fits(slowest) || s.left() == 0) {
			break
		}
		t := time.Now()
		ord := f()
		c := eval(ord)
		s.nodes++
		slowest = max(slowest, time.Since(t))
		if s.best == nil || c < s.bestC {
			s.best, s.bestC = ord, c
		}
	}
	s.report("start")
	if n >= 2 {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		cur := append([]int(nil), s.best...)
		curC := s.bestC
		try := make([]int, n)
		hist := make([]model.Duration, histLen)
		for i := range hist {
			hist[i] = curC
		}
		window := min(moveWindow, n-1)
		for step := int64(0); s.bestC > s.lb && s.left() > 0 && s.fits(slowest); step++ {
			i := rng.IntN(n)
			d := 1 + rng.IntN(window)
			if rng.IntN(2) == 0 {
				d = -d
			}
			k := i + d
			if k < 0 || k >= n {
				k = i - d
				if k < 0 || k >= n {
					continue
				}
			}
			insertMove(try, cur, i, k)
			c := eval(try)
			s.nodes++
			h := int(step % histLen)
			if c <= curC || c <= hist[h] {
				cur, try, curC = try, cur, c
				if c < s.bestC {
					s.best, s.bestC = append(s.best[:0:0], cur...), c
				}
			}
			if curC < hist[h] {
				hist[h] = curC
			}
			if step&255 == 255 {
				s.report("improve")
			}
		}
	}
	s.report("done")
	s.lb = min(s.lb, s.bestC)
	return Solution{Order: s.best, Makespan: s.bestC, LowerBound: s.lb, Optimal: s.lb == s.bestC, Nodes: s.nodes}
}
