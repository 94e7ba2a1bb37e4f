package order

import (
	"cmp"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// stableSort is a stable sort by (k1, k2) at every size, on both sides of
// radixMin and for keys whose packed ranges do and do not fit one word.
func TestStableSortIsAStableSortByBothKeys(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 3*radixMin).Draw(t, "n")
		wide := rapid.Bool().Draw(t, "wide")
		key := rapid.Int64Range(-5, 5)
		if wide {
			key = rapid.Int64Range(-1<<62, 1<<62)
		}
		k1, k2 := make([]model.Duration, n), make([]model.Duration, n)
		for i := range n {
			k1[i], k2[i] = model.Duration(key.Draw(t, "k1")), model.Duration(key.Draw(t, "k2"))
		}
		two := rapid.Bool().Draw(t, "two keys")
		want := Identity(n)
		slices.SortStableFunc(want, func(x, y int) int {
			if c := cmp.Compare(k1[x], k1[y]); c != 0 || !two {
				return c
			}
			return cmp.Compare(k2[x], k2[y])
		})
		got := Identity(n)
		if two {
			stableSort(got, k1, k2)
		} else {
			stableSort(got, k1, nil)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("stableSort = %v, want %v", got, want)
		}
	})
}
