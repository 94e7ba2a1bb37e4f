package proofs_test

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// sweepJobs calls check on every instance of each box (check quantifies
// over orders itself), then on `checks` rapid instances drawn by draw.
func sweepJobs(t *testing.T, boxes []box, checks int, draw *rapid.Generator[[]model.Job], check func(js []model.Job) string) {
	t.Helper()
	for _, b := range boxes {
		fail := ""
		n := b.each(func(js []model.Job) {
			if fail == "" {
				if msg := check(js); msg != "" {
					fail = fmt.Sprintf("jobs %v: %s", js, msg)
				}
			}
		})
		if fail != "" {
			t.Fatalf("exhaustive (%s): %s", b, fail)
		}
		t.Logf("exhaustive: %s, every order: %d instances, 0 violations", b, n)
	}
	rapidCheck(t, checks, func(rt *rapid.T) {
		js := draw.Draw(rt, "jobs")
		if msg := check(js); msg != "" {
			rt.Fatalf("jobs %v: %s", js, msg)
		}
	})
}

// equalCPUJobs draws n ≤ maxN jobs cpu c; sleep L; cpu c with one shared c.
func equalCPUJobs(maxN int, maxC, maxL model.Duration) *rapid.Generator[[]model.Job] {
	return rapid.Custom(func(t *rapid.T) []model.Job {
		n := rapid.IntRange(1, maxN).Draw(t, "n")
		c := model.Duration(rapid.Int64Range(0, int64(maxC)).Draw(t, "c"))
		js := make([]model.Job, n)
		for i := range js {
			js[i] = model.Job{A: c, L: model.Duration(rapid.Int64Range(1, int64(maxL)).Draw(t, "l")), B: c}
		}
		return js
	})
}

// makespans returns the simulated makespan of every order, with the orders.
func makespans(js []model.Job) (ms []model.Duration, orders [][]int) {
	w := workload(js)
	var s model.Sim
	forEachOrder(len(js), func(p []int) {
		ms = append(ms, s.Run(w, p, false).Makespan)
		orders = append(orders, append([]int(nil), p...))
	})
	return ms, orders
}

func isLIF(js []model.Job, p []int) bool {
	for k := 1; k < len(p); k++ {
		if js[p[k-1]].L < js[p[k]].L {
			return false
		}
	}
	return true
}

func isSIF(js []model.Job, p []int) bool {
	for k := 1; k < len(p); k++ {
		if js[p[k-1]].L > js[p[k]].L {
			return false
		}
	}
	return true
}
