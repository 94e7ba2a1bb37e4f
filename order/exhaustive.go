package order

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
)

// MaxExhaustive is the largest number of tasks Exhaustive accepts
// (8! = 40,320 simulations, a few milliseconds).
const MaxExhaustive = 8

// Found is an optimal order and its makespan.
type Found struct {
	Order    []int
	Makespan model.Duration
	// Ties is how many orders attain the optimum.
	Ties int
}

// Exhaustive simulates every order of w and returns the lexicographically
// first one with the least makespan. It refuses more than MaxExhaustive
// tasks.
func Exhaustive(w *model.Workload) (Found, error) { return ExhaustiveOn(w, model.Runtime{}) }

// ExhaustiveOn is Exhaustive on the simulator of runtime rt
// (model.Runtime; rt must be valid).
func ExhaustiveOn(w *model.Workload, rt model.Runtime) (Found, error) {
	n := len(w.Tasks)
	if n > MaxExhaustive {
		return Found{}, fmt.Errorf("best order: %d tasks, exhaustive search handles at most %d", n, MaxExhaustive)
	}
	s := model.Sim{Runtime: rt}
	best := Found{Makespan: -1}
	ForEachPerm(n, func(p []int) {
		m := s.Run(w, p, false).Makespan
		switch {
		case best.Makespan < 0 || m < best.Makespan:
			best = Found{Order: append([]int(nil), p...), Makespan: m, Ties: 1}
		case m == best.Makespan:
			best.Ties++
		}
	})
	return best, nil
}

// ExhaustiveMakespan is the least model.ClosedForm makespan over all n!
// orders of jobs, by brute force: the reference the branch and bound is
// checked against. It has no size limit; mind n.
func ExhaustiveMakespan(jobs []model.Job) model.Duration {
	best := model.Duration(-1)
	ForEachPerm(len(jobs), func(p []int) {
		if c := model.ClosedForm(jobs, p); best < 0 || c < best {
			best = c
		}
	})
	return best
}

// ForEachPerm calls f with every permutation of 0..n-1 in lexicographic
// order (one permutation for n = 0). f must not keep or modify p.
func ForEachPerm(n int, f func(p []int)) {
	p := Identity(n)
	for {
		f(p)
		// Next permutation (Knuth, TAOCP 7.2.1.2, Algorithm L).
		i := n - 2
		for i >= 0 && p[i] >= p[i+1] {
			i--
		}
		if i < 0 {
			return
		}
		j := n - 1
		for p[j] <= p[i] {
			j--
		}
		p[i], p[j] = p[j], p[i]
		for l, r := i+1, n-1; l < r; l, r = l+1, r-1 {
			p[l], p[r] = p[r], p[l]
		}
	}
}
