package order

import (
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// subsetBruteForce is LB_Q by its definition: over every order σ of q, the
// list schedule of q's jobs released as σ runs their first phases and the
// other jobs released at A + L, from ΣA of all jobs.
func subsetBruteForce(jobs []model.Job, q []int) model.Duration {
	var sumA model.Duration
	var fixed []rb
	for i, x := range jobs {
		sumA += x.A
		if !slices.Contains(q, i) {
			fixed = append(fixed, rb{x.A + x.L, x.B})
		}
	}
	best := model.Duration(-1)
	ForEachPerm(len(q), func(p []int) {
		items := slices.Clone(fixed)
		var c model.Duration
		for _, k := range p {
			x := jobs[q[k]]
			c += x.A
			items = append(items, rb{c + x.L, x.B})
		}
		if v := listSchedule(sumA, items); best < 0 || v < best {
			best = v
		}
	})
	return best
}

// listSchedule is the earliest-release list schedule of the items from t.
func listSchedule(t model.Duration, items []rb) model.Duration {
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(x, y rb) int { return int(x.r - y.r) })
	for _, it := range items {
		t = max(t, it.r) + it.b
	}
	return t
}

// The subset search computes LB_Q exactly (brute force over the orders of
// Q), LB_Q never exceeds the optimum, and with Q = every job it is the
// optimum; an incumbent value below LB_Q is proven, one above is beaten.
func TestSubsetBoundIsTheLeastOverOrdersOfTheSubset(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(1, 7, 6, 0, 20).Draw(t, "jobs")
		n := len(js)
		perm := gen.Perm(n).Draw(t, "perm")
		q := perm[:rapid.IntRange(0, n).Draw(t, "m")]
		want := subsetBruteForce(js, q)
		opt := ExhaustiveMakespan(js)
		if want > opt || (len(q) == n && want != opt) {
			t.Fatalf("LB_Q %d, optimum %d, |Q| %d of %d", want, opt, len(q), n)
		}
		_, _, byHead := rootBounds(js)
		for _, ub := range []model.Duration{opt + 5, want} {
			sol := newSubsetSolver(js, byHead, q, ub, Limits{Nodes: -1}).solve()
			if !sol.Optimal || sol.LowerBound != min(want, ub) {
				t.Fatalf("Q %v, incumbent %d: subset search %+v, LB_Q %d", q, ub, sol, want)
			}
		}
	})
}

// fixedSet.schedule is the list schedule of the fixed items and the given
// ones together, whatever the ties between them.
func TestFixedSetScheduleIsTheListSchedule(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		item := func(name string) rb {
			return rb{model.Duration(rapid.Int64Range(0, 12).Draw(t, name+".r")), model.Duration(rapid.Int64Range(0, 5).Draw(t, name+".b"))}
		}
		var fixed, x []rb
		for range rapid.IntRange(0, 9).Draw(t, "fixed") {
			fixed = append(fixed, item("f"))
		}
		for range rapid.IntRange(0, 6).Draw(t, "x") {
			x = append(x, item("x"))
		}
		slices.SortStableFunc(fixed, func(a, b rb) int { return int(a.r - b.r) })
		slices.SortStableFunc(x, func(a, b rb) int { return int(a.r - b.r) })
		start := model.Duration(rapid.Int64Range(0, 10).Draw(t, "start"))
		got := newFixedSet(fixed).schedule(start, x)
		if want := listSchedule(start, append(slices.Clone(fixed), x...)); got != want {
			t.Fatalf("schedule(%d, fixed %v, x %v) = %d, list schedule %d", start, fixed, x, got, want)
		}
	})
}
