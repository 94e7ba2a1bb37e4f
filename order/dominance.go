package order

import "slices"

// The dominance rules of the branch and bound (doc.go, "Dominance"). Each
// prunes a prefix only when another order is at least as good for every
// completion and strictly smaller in the potential (Φ, key order), so an
// optimal order minimal in that potential is never pruned.

// allowed applies the rules that depend only on which jobs are placed:
// zero-A jobs go first in index order (rule Z), identical jobs in index
// order (rule T), and the adjacent-exchange rule (rule X) against the
// previous position.
func (s *solver) allowed(j, depth int) bool {
	x := s.jobs[j]
	if !s.rules.noZeroA && s.zeroA > 0 && x.A > 0 {
		return false
	}
	if !s.rules.noTwins && s.twin[j] >= 0 && !s.placed[s.twin[j]] {
		return false
	}
	if !s.rules.noAdjacent && depth > 0 && s.adjacentPrunes(s.prefix[depth-1], j) {
		return false
	}
	return true
}

// adjacentPrunes reports whether placing j right after i (the last placed
// job) is dominated by placing j before i: the pair's releases after the
// exchange have tail functions no larger (rule X); on equality the pair in
// key order wins.
func (s *solver) adjacentPrunes(i, j int) bool {
	a, b := s.jobs[i], s.jobs[j]
	st := s.e - a.A // where the pair starts
	x := pair(rb{max(st+a.A+a.L, s.sumA), a.B}, rb{max(st+a.A+b.A+b.L, s.sumA), b.B})
	y := pair(rb{max(st+b.A+b.L, s.sumA), b.B}, rb{max(st+a.A+b.A+a.L, s.sumA), a.B})
	dom, eq := dominates(y, x)
	return dom && (!eq || s.key[j] < s.key[i])
}

func pair(u, v rb) profile {
	if u.r > v.r {
		u, v = v, u
	}
	return profile{u, v}
}

// memoPrunes applies rule M: among prefixes holding the same set of jobs,
// one whose profile dominates another's is at least as good for every
// completion. It remembers one profile per set (the first met, replaced by
// one that dominates it) and prunes the current prefix if the remembered
// one dominates it (on equality: if the remembered prefix is smaller in key
// order).
func (s *solver) memoPrunes() bool {
	if s.memo == nil {
		return false
	}
	m, ok := s.memo[s.mask]
	if ok {
		if dom, eq := dominates(m.prof, s.prof); dom && (!eq || s.keyLess(m.prefix, s.prefix)) {
			return true
		}
		if dom, eq := dominates(s.prof, m.prof); dom && (!eq || s.keyLess(s.prefix, m.prefix)) {
			m.prof = append(m.prof[:0], s.prof...)
			m.prefix = append(m.prefix[:0], s.prefix...)
		}
		return false
	}
	if len(s.memo) < s.memoLimit {
		s.memo[s.mask] = &memoEntry{slices.Clone(s.prof), slices.Clone(s.prefix)}
	}
	return false
}

// keyLess compares two prefixes of the same length lexicographically by
// key (zero-A jobs before the others, then index).
func (s *solver) keyLess(p, q []int) bool {
	for k := range p {
		if p[k] != q[k] {
			return s.key[p[k]] < s.key[q[k]]
		}
	}
	return false
}
