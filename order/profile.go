package order

import "github.com/gatherorder/gatherorder/model"

// rb is one placed job as the second stage sees it: its release r (the end
// of its wait, clamped to ΣA because the CPU is busy with first phases
// until then) and its second-phase length b.
type rb struct{ r, b model.Duration }

// profile is the multiset of rb of the placed jobs, kept sorted by r
// ascending. By the closed form the makespan of any completion depends on
// the placed jobs only through their profile (and ΣA).
type profile []rb

// insert adds x keeping p sorted by r and returns where x went (for a
// later remove, valid while later inserts are removed first); equal r keep
// insertion order, which does not matter for the makespan.
func (p profile) insert(x rb) (profile, int) {
	p = append(p, x)
	i := len(p) - 1
	for i > 0 && p[i-1].r > x.r {
		p[i] = p[i-1]
		i--
	}
	p[i] = x
	return p, i
}

// remove deletes the element at index i.
func (p profile) remove(i int) profile {
	copy(p[i:], p[i+1:])
	return p[:len(p)-1]
}

// dominates reports whether every completion of a prefix with profile y
// has a makespan at most that of the same completion of a prefix with
// profile x (x and y hold the same number of jobs). The sufficient
// condition (Lemma D in doc.go): for every t, the work released at or after
// t and the number of jobs released at or after t are no larger in y than
// in x. equal reports whether both tail functions coincide.
func dominates(y, x profile) (dom, equal bool) {
	i, j := len(y)-1, len(x)-1
	var ty, tx, ny, nx model.Duration
	equal = true
	for i >= 0 || j >= 0 {
		// The next breakpoint t, walking down from the largest release.
		var t model.Duration
		switch {
		case i < 0:
			t = x[j].r
		case j < 0:
			t = y[i].r
		default:
			t = max(y[i].r, x[j].r)
		}
		for i >= 0 && y[i].r == t {
			ty += y[i].b
			ny++
			i--
		}
		for j >= 0 && x[j].r == t {
			tx += x[j].b
			nx++
			j--
		}
		if ty > tx || ny > nx {
			return false, false
		}
		if ty != tx || ny != nx {
			equal = false
		}
	}
	return true, equal
}
