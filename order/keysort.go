package order

import (
	"cmp"
	"math/bits"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// Stable sorts of job indices by one or two integer keys, for the
// O(n log n) steps of Search at any n: slices.SortStableFunc takes a second
// at n = 10⁶ (O(n log² n) moves); these take tens of milliseconds.

// radixMin is the size from which stableSort uses radix sort: below it a
// comparison sort is faster.
const radixMin = 256

// digitBits is the radix sort's digit: 2048 buckets, three passes for keys
// of up to 33 bits.
const digitBits = 11

// stableSort permutes vals so that (k1[i], k2[i]) ascend, where i is an
// element's position in vals on entry (k2 may be nil: one key); equal keys
// keep their order. Radix sort, least significant digit first, on the two
// keys packed into one word when their ranges fit, else on k2 then k1.
func stableSort(vals []int, k1, k2 []model.Duration) {
	n := len(vals)
	if n < radixMin {
		type e struct {
			a, b model.Duration
			v    int
		}
		es := make([]e, n)
		for i, v := range vals {
			es[i] = e{a: k1[i], v: v}
			if k2 != nil {
				es[i].b = k2[i]
			}
		}
		slices.SortStableFunc(es, func(x, y e) int {
			if c := cmp.Compare(x.a, y.a); c != 0 {
				return c
			}
			return cmp.Compare(x.b, y.b)
		})
		for i, x := range es {
			vals[i] = x.v
		}
		return
	}
	u1, w1 := offsets(k1)
	u2, w2 := offsets(k2)
	type e struct {
		key uint64
		v   int
	}
	src, dst := make([]e, n), make([]e, n)
	pass := func(key func(i int) uint64, width int) {
		for i := range src {
			src[i].key = key(i)
		}
		for shift := 0; shift < width; shift += digitBits {
			var count [1<<digitBits + 1]int
			for i := range src {
				count[(src[i].key>>shift)&(1<<digitBits-1)+1]++
			}
			for b := 1; b < len(count); b++ {
				count[b] += count[b-1]
			}
			for i := range src {
				b := (src[i].key >> shift) & (1<<digitBits - 1)
				dst[count[b]] = src[i]
				count[b]++
			}
			src, dst = dst, src
		}
	}
	// src[i] holds the element at position i; passes reorder it, so the
	// keys are read through the element's original position.
	pos := make([]int, n)
	for i, v := range vals {
		src[i] = e{v: i}
		pos[i] = v
	}
	switch {
	case u2 == nil:
		pass(func(i int) uint64 { return u1[src[i].v] }, w1)
	case w1+w2 <= 64:
		pass(func(i int) uint64 { p := src[i].v; return u1[p]<<w2 | u2[p] }, w1+w2)
	default:
		pass(func(i int) uint64 { return u2[src[i].v] }, w2)
		pass(func(i int) uint64 { return u1[src[i].v] }, w1)
	}
	for i := range src {
		vals[i] = pos[src[i].v]
	}
}

// offsets maps keys to their distance from the least key, as unsigned
// words (the difference of two int64 fits in a uint64), and returns the
// bits the largest distance needs; nil keys are all 0.
func offsets(k []model.Duration) ([]uint64, int) {
	if len(k) == 0 {
		return nil, 0
	}
	lo := slices.Min(k)
	u := make([]uint64, len(k))
	var hi uint64
	for i, x := range k {
		u[i] = uint64(x) - uint64(lo)
		hi = max(hi, u[i])
	}
	return u, bits.Len64(hi)
}

// sortByKey sorts idx by key[idx[i]] ascending; equal keys keep their order
// in idx.
func sortByKey(idx []int, key []model.Duration) {
	k := make([]model.Duration, len(idx))
	for i, v := range idx {
		k[i] = key[v]
	}
	stableSort(idx, k, nil)
}

// orderBy is the order of jobs 0..n-1 by the keys key(j), ties by index.
func orderBy(n int, key func(j int) (k1, k2 model.Duration)) []int {
	p := Identity(n)
	k1, k2 := make([]model.Duration, n), make([]model.Duration, n)
	for j := range p {
		k1[j], k2[j] = key(j)
	}
	stableSort(p, k1, k2)
	return p
}
