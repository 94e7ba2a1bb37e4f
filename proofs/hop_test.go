package proofs_test

// Checks of proofs/hop-makes-order-irrelevant.md: with an `io 0` step
// between the first CPU phase and the sleep, every sleep starts at ΣA, so
// releases ΣA + L_j do not depend on the order, nor does the makespan.

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
)

func hopWorkload(js []model.Job) *model.Workload {
	w := workload(js)
	for i := range w.Tasks {
		s := w.Tasks[i].Steps
		w.Tasks[i].Steps = []model.Step{s[0], {Kind: model.IO}, s[1], s[2]}
	}
	return w
}

// Lemma H: in every order every sleep starts at ΣA (iteration 3) and the
// makespan is the busy-period formula with releases ΣA + L_j from ΣA.
func TestHopEverySleepStartsAtTotalFirstCPUAndTheMakespanIsOrderFree(t *testing.T) {
	sweepJobs(t, canonicalBoxes(false), canonicalChecks(), gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000), func(js []model.Job) string {
		w := hopWorkload(js)
		var T model.Duration
		rel, b := make([]model.Duration, len(js)), make([]model.Duration, len(js))
		for _, j := range js {
			T += j.A
		}
		for i, j := range js {
			rel[i], b[i] = T+j.L, j.B
		}
		want := busyPeriod(rel, b, T)
		msg := ""
		forEachOrder(len(js), func(p []int) {
			if msg != "" {
				return
			}
			r := model.Simulate(w, p)
			for _, wt := range r.Waits {
				if wt.Kind == model.Sleep && (wt.Start != T || wt.Due != T+js[wt.Task].L) {
					msg = fmt.Sprintf("order %v: task %d sleeps from %d (due %d), want from ΣA = %d", p, wt.Task, wt.Start, wt.Due, T)
					return
				}
			}
			if r.Makespan != want {
				msg = fmt.Sprintf("order %v: makespan %d, order-free formula %d", p, r.Makespan, want)
			}
		})
		return msg
	})
}
