package order

import "github.com/gatherorder/gatherorder/model"

// The subset bound. For any set Q of jobs, let every job outside Q be
// released at its earliest, h_i = A_i + L_i, and let the jobs of Q run
// their first phases back to back in the order σ, so that j in Q is
// released at c^σ_j + L_j with c^σ_j the sum of A over Q up to j. Then
//
//	LB_Q = min over orders σ of Q of J(ΣA; {(c^σ_j + L_j, B_j) : j ∈ Q} ∪ {(h_i, B_i) : i ∉ Q}),
//
// with J(S; items) the earliest-release list schedule of the items' B from
// S, is a lower bound on every order's makespan. Proof: take any order π
// and let σ be its restriction to Q. In π a job j of Q has every job of Q
// before it in σ before it too, and A >= 0, so its release is at least
// c^σ_j + L_j; a job i outside Q is released no earlier than h_i; and the
// makespan of π is J(ΣA; its releases), which is monotone in the releases
// (doc.go). So C(π) is at least the term of σ, hence at least LB_Q.
//
// LB_∅ is the Release bound and LB_Q for Q = all jobs is the optimum;
// growing Q never lowers it (the restriction of an order of Q ∪ {x} to Q
// releases every job of Q no later, and x no earlier than h_x). Search
// computes it for growing sets of the jobs with the longest waits, which
// are released last and decide the makespan (on 100 jobs of the benchmark
// distribution, the 12 longest waits close the root gap of a third of the
// instances the search does not close otherwise).
//
// LB_Q is itself an instance of the search of BranchAndBound, on the jobs
// of Q with the clamp ΣA of the whole instance and the items of the other
// jobs fixed: the bounds LB1 and LB2 and the dominance rules hold
// unchanged (the fixed items are the same for every prefix, so they are
// part of "every completion" in Lemma D), and the fixed items enter LB1
// through fixedSet.schedule at O(|Q| log n) per bound.

// fixedSet holds the jobs outside Q at their earliest releases, sorted by
// release, with a range-maximum tree over g_i = r_i + Σ_{k >= i} b_k.
type fixedSet struct {
	r    []model.Duration // releases, ascending
	suf  []model.Duration // suf[i] = Σ_{k >= i} b_k; suf[len(r)] = 0
	size int
	tree []model.Duration // max tree over g, leaves at size..2·size-1
}

// newFixedSet builds the set from items sorted by release.
func newFixedSet(items []rb) *fixedSet {
	f := &fixedSet{r: make([]model.Duration, len(items)), suf: make([]model.Duration, len(items)+1)}
	for i := len(items) - 1; i >= 0; i-- {
		f.r[i] = items[i].r
		f.suf[i] = f.suf[i+1] + items[i].b
	}
	f.size = 1
	for f.size < len(items) {
		f.size *= 2
	}
	f.tree = make([]model.Duration, 2*f.size)
	for i := range f.tree {
		f.tree[i] = negInf
	}
	for i := range items {
		f.tree[f.size+i] = f.r[i] + f.suf[i]
	}
	for i := f.size - 1; i >= 1; i-- {
		f.tree[i] = max(f.tree[2*i], f.tree[2*i+1])
	}
	return f
}

// rangeMax is the largest g_i for lo <= i < hi (negInf if empty).
func (f *fixedSet) rangeMax(lo, hi int) model.Duration {
	m := negInf
	for lo, hi = lo+f.size, hi+f.size; lo < hi; lo, hi = lo/2, hi/2 {
		if lo&1 == 1 {
			m = max(m, f.tree[lo])
			lo++
		}
		if hi&1 == 1 {
			hi--
			m = max(m, f.tree[hi])
		}
	}
	return m
}

// upper is the number of fixed releases <= t.
func (f *fixedSet) upper(t model.Duration) int {
	lo, hi := 0, len(f.r)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if f.r[mid] <= t {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// lower is the number of fixed releases < t.
func (f *fixedSet) lower(t model.Duration) int {
	lo, hi := 0, len(f.r)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if f.r[mid] < t {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// schedule is J(start; F ∪ x) for x sorted by release: the largest of
// start + ΣB and every item's release plus the work released at or after
// it. An X item at r counts the X items after it and the fixed ones at or
// after r; the fixed items between two X releases count the X items from
// the later one on, and their best term is a range maximum of g. Every
// term counted is at most the true term of its release, and the first
// item of each run of equal releases counts all of them, so the maximum
// is exact. O(|x| log n).
func (f *fixedSet) schedule(start model.Duration, x []rb) model.Duration {
	var total model.Duration
	for _, it := range x {
		total += it.b
	}
	best := start + total + f.suf[0]
	hi := len(f.r)        // fixed items above x[k] are those below hi
	var wx model.Duration // Σ b over x[k+1:]
	for k := len(x) - 1; k >= 0; k-- {
		u := f.upper(x[k].r)
		best = max(best, f.rangeMax(u, hi)+wx) // fixed in (x[k].r, x[k+1].r]
		wx += x[k].b
		best = max(best, x[k].r+wx+f.suf[f.lower(x[k].r)])
		hi = u
	}
	return max(best, f.rangeMax(0, hi)+wx) // fixed at or before x[0].r
}

// newSubsetSolver sets up the search for LB_Q with Q = q (job indices of
// jobs; byHead is every job by ascending A + L): a solver on the jobs of Q
// whose clamp is ΣA of all jobs and whose LB1 includes the other jobs at
// their earliest releases. Its incumbent is ub, a value to beat: the search
// proves LB_Q >= ub or finds the order of Q that attains LB_Q < ub. Leaves
// are values of the subproblem, not makespans of orders, unless q holds
// every job. O(n) besides the search.
func newSubsetSolver(jobs []model.Job, byHead, q []int, ub model.Duration, lim Limits) *solver {
	in := make([]bool, len(jobs))
	sub := make([]model.Job, len(q))
	for k, j := range q {
		in[j] = true
		sub[k] = jobs[j]
	}
	var sumA model.Duration
	out := make([]rb, 0, len(jobs)-len(q))
	for _, j := range byHead {
		x := jobs[j]
		sumA += x.A
		if !in[j] {
			out = append(out, rb{x.A + x.L, x.B})
		}
	}
	s := newSolver(sub, lim, rules{})
	s.sumA = sumA
	s.fixed = newFixedSet(out)
	s.bestC = ub
	return s
}
