package proofs_test

// Check of lemma L3 of proofs/model-to-formula.md, pure scheduling theory
// with no event loop: on one machine free from time s, every non-idling
// non-preemptive schedule of jobs with releases r_j and processing times
// p_j has the same makespan, the busy-period formula.

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// nonIdlingMakespans calls f with the makespan of every non-idling
// schedule: whenever the machine is free at time t, it starts some job
// already released (r_j ≤ t) if there is one (each choice is a branch), and
// otherwise waits for the earliest release.
func nonIdlingMakespans(r, p []model.Duration, s model.Duration, f func(model.Duration)) {
	n := len(r)
	done := make([]bool, n)
	var rec func(t model.Duration, left int)
	rec = func(t model.Duration, left int) {
		if left == 0 {
			f(t)
			return
		}
		next := model.Duration(-1)
		for j := range n {
			if !done[j] && (next < 0 || r[j] < next) {
				next = r[j]
			}
		}
		t = max(t, next) // idle only when nothing is released
		for j := range n {
			if !done[j] && r[j] <= t {
				done[j] = true
				rec(t+p[j], left-1)
				done[j] = false
			}
		}
	}
	rec(s, n)
}

func TestL3EveryNonIdlingScheduleHasTheBusyPeriodMakespan(t *testing.T) {
	maxN, maxR, maxP, maxS := 4, model.Duration(4), model.Duration(3), model.Duration(3)
	if verify.On() {
		maxN, maxR, maxP = 5, 5, 3
	}
	type job struct{ r, p model.Duration }
	var space []job
	for r := model.Duration(0); r <= maxR; r++ {
		for p := model.Duration(0); p <= maxP; p++ {
			space = append(space, job{r, p})
		}
	}
	check := func(r, p []model.Duration, s model.Duration) string {
		want := busyPeriod(r, p, s)
		msg := ""
		nonIdlingMakespans(r, p, s, func(c model.Duration) {
			if c != want && msg == "" {
				msg = fmt.Sprintf("releases %v, times %v, machine free at %d: a non-idling schedule ends at %d, formula %d", r, p, s, c, want)
			}
		})
		return msg
	}
	instances := 0
	for n := 1; n <= maxN; n++ {
		idx := make([]int, n)
		var rec func(i, lo int) string
		rec = func(i, lo int) string {
			if i == n {
				r, p := make([]model.Duration, n), make([]model.Duration, n)
				for k, x := range idx {
					r[k], p[k] = space[x].r, space[x].p
				}
				for s := model.Duration(0); s <= maxS; s++ {
					instances++
					if msg := check(r, p, s); msg != "" {
						return msg
					}
				}
				return ""
			}
			for x := lo; x < len(space); x++ {
				idx[i] = x
				if msg := rec(i+1, x); msg != "" {
					return msg
				}
			}
			return ""
		}
		if msg := rec(0, 0); msg != "" {
			t.Fatal(msg)
		}
	}
	t.Logf("exhaustive: n ≤ %d, r in [0,%d], p in [0,%d], s in [0,%d]: %d instances, every non-idling schedule, 0 violations", maxN, maxR, maxP, maxS, instances)
	rapidCheck(t, 300, func(rt *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(rt, "n")
		r, p := make([]model.Duration, n), make([]model.Duration, n)
		for i := range r {
			r[i] = model.Duration(rapid.Int64Range(0, 1000).Draw(rt, "r"))
			p[i] = model.Duration(rapid.Int64Range(0, 1000).Draw(rt, "p"))
		}
		s := model.Duration(rapid.Int64Range(0, 1000).Draw(rt, "s"))
		if msg := check(r, p, s); msg != "" {
			rt.Fatal(msg)
		}
	})
}
