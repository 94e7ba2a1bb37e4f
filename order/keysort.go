package order

import (
	"cmp"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// keyed is one element of a keyed sort: up to two keys, then the element's
// rank in the input as the last tie-break, so that every comparison is
// decided and an unstable sort gives the stable sort's result.
type keyed struct {
	k1, k2 model.Duration
	seq    int
	v      int
}

// sortKeyed sorts xs by (k1, k2, seq). slices.SortStableFunc does the same
// in O(n log² n) moves, a second at n = 10⁶; this is pdqsort on distinct
// keys, O(n log n).
func sortKeyed(xs []keyed) {
	slices.SortFunc(xs, func(x, y keyed) int {
		if c := cmp.Compare(x.k1, y.k1); c != 0 {
			return c
		}
		if c := cmp.Compare(x.k2, y.k2); c != 0 {
			return c
		}
		return x.seq - y.seq
	})
}

// sortByKey sorts idx by key[idx[i]] ascending; equal keys keep their order
// in idx.
func sortByKey(idx []int, key []model.Duration) {
	xs := make([]keyed, len(idx))
	for i, v := range idx {
		xs[i] = keyed{k1: key[v], seq: i, v: v}
	}
	sortKeyed(xs)
	for i, x := range xs {
		idx[i] = x.v
	}
}

// orderBy is the order of jobs 0..n-1 by the keys key(j), ties by index.
func orderBy(n int, key func(j int) (k1, k2 model.Duration)) []int {
	xs := make([]keyed, n)
	for j := range xs {
		k1, k2 := key(j)
		xs[j] = keyed{k1: k1, k2: k2, seq: j, v: j}
	}
	sortKeyed(xs)
	p := make([]int, n)
	for i, x := range xs {
		p[i] = x.v
	}
	return p
}
