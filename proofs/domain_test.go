package proofs_test

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
)

// box bounds an exhaustive domain of canonical jobs: every job has integer
// A in [0, MaxA], L in [MinL, MaxL] and B in [0, MaxB]; instances have N
// jobs with MinN ≤ N ≤ MaxN.
type box struct {
	MinN, MaxN       int
	MaxA, MaxB       model.Duration
	MinL, MaxL       model.Duration
	EqualCPU, NoPost bool // A = B = c for all jobs; B = 0 for all jobs
}

func (b box) String() string {
	s := fmt.Sprintf("n in [%d,%d], A in [0,%d], L in [%d,%d], B in [0,%d]", b.MinN, b.MaxN, b.MaxA, b.MinL, b.MaxL, b.MaxB)
	if b.EqualCPU {
		s = fmt.Sprintf("n in [%d,%d], A = B = c in [0,%d], L in [%d,%d]", b.MinN, b.MaxN, b.MaxA, b.MinL, b.MaxL)
	}
	if b.NoPost {
		s += ", B = 0"
	}
	return s
}

// each calls f with every multiset of jobs in b (as a slice in a canonical
// arrangement). Checks that quantify over all gather orders may enumerate
// multisets only: rearranging the jobs permutes the set of orders.
// It returns the number of instances.
func (b box) each(f func(js []model.Job)) int {
	count := 0
	if b.EqualCPU {
		for c := model.Duration(0); c <= b.MaxA; c++ {
			var space []model.Job
			for l := b.MinL; l <= b.MaxL; l++ {
				space = append(space, model.Job{A: c, L: l, B: c})
			}
			count += multisets(space, b.MinN, b.MaxN, f)
		}
		return count
	}
	var space []model.Job
	for a := model.Duration(0); a <= b.MaxA; a++ {
		for l := b.MinL; l <= b.MaxL; l++ {
			maxB := b.MaxB
			if b.NoPost {
				maxB = 0
			}
			for bb := model.Duration(0); bb <= maxB; bb++ {
				space = append(space, model.Job{A: a, L: l, B: bb})
			}
		}
	}
	return multisets(space, b.MinN, b.MaxN, f)
}

// multisets calls f with every multiset of size n in [minN, maxN] drawn
// from space, as nondecreasing index sequences.
func multisets(space []model.Job, minN, maxN int, f func([]model.Job)) int {
	count := 0
	for n := minN; n <= maxN; n++ {
		js := make([]model.Job, n)
		var rec func(i, lo int)
		rec = func(i, lo int) {
			if i == n {
				count++
				f(js)
				return
			}
			for x := lo; x < len(space); x++ {
				js[i] = space[x]
				rec(i+1, x)
			}
		}
		rec(0, 0)
	}
	return count
}

// forEachOrder calls f with every permutation of 0..n-1 (Heap's algorithm,
// written here so that the proofs' checks do not rest on package order's
// enumeration).
func forEachOrder(n int, f func(p []int)) {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	c := make([]int, n)
	f(p)
	for i := 0; i < n; {
		if c[i] < i {
			if i%2 == 0 {
				p[0], p[i] = p[i], p[0]
			} else {
				p[c[i]], p[i] = p[i], p[c[i]]
			}
			f(p)
			c[i]++
			i = 0
		} else {
			c[i] = 0
			i++
		}
	}
}

// workload is the canonical workload of js (unit ns, tasks t0, t1, ...).
func workload(js []model.Job) *model.Workload {
	w := &model.Workload{Unit: model.Nanosecond, Tasks: make([]model.Task, len(js))}
	for i, j := range js {
		w.Tasks[i] = j.Task(fmt.Sprintf("t%d", i))
	}
	return w
}

// releases returns, for the jobs gathered in order p, the release r_j of
// each job j (indexed by job): r_j = A_{p(1)} + … + A_{p(k)} + L_{p(k)}
// where p(k) = j, and the total first-stage work T = ΣA.
func releases(js []model.Job, p []int) (r []model.Duration, T model.Duration) {
	r = make([]model.Duration, len(js))
	for _, j := range p {
		T += js[j].A
		r[j] = T + js[j].L
	}
	return r, T
}

// busyPeriod is the makespan of every non-idling schedule of jobs with
// releases r and processing times p on one machine free from time s:
//
//	max( s + Σp,  max_j ( max(s, r_j) + Σ_{i : r_i ≥ r_j} p_i ) ),
//
// computed by the quadratic definition, independently of model.ClosedForm.
func busyPeriod(r, p []model.Duration, s model.Duration) model.Duration {
	c := s
	for _, x := range p {
		c += x
	}
	for j := range r {
		v := max(s, r[j])
		for i := range r {
			if r[i] >= r[j] {
				v += p[i]
			}
		}
		c = max(c, v)
	}
	return c
}

// optimum is the least makespan over all orders, by simulation.
func optimum(js []model.Job) model.Duration {
	w := workload(js)
	var s model.Sim
	best := model.Duration(-1)
	forEachOrder(len(js), func(p []int) {
		if m := s.Run(w, p, false).Makespan; best < 0 || m < best {
			best = m
		}
	})
	return best
}
