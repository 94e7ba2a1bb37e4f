package proofs_test

// Check of proofs/shorter-step-never-hurts-canonical.md: for a fixed order,
// shortening any step of a canonical workload never raises the makespan.

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
)

// Lemma M: the makespan is non-decreasing in T, in every release and in
// every B, and shortening A_j, L_j or B_j by one lowers none of them; checked
// on the simulator (the shortened L may reach 0, sleep 0).
func TestMShorteningAStepNeverRaisesTheCanonicalMakespan(t *testing.T) {
	sweepJobs(t, canonicalBoxes(false), canonicalChecks(), gen.Jobs(1, canonicalMaxN(), 1000, 1, 1000), func(js []model.Job) string {
		w := workload(js)
		var sim model.Sim
		msg := ""
		forEachOrder(len(js), func(p []int) {
			if msg != "" {
				return
			}
			base := sim.Run(w, p, false).Makespan
			for i := range js {
				for s := 0; s < 3; s++ {
					if w.Tasks[i].Steps[s].D == 0 {
						continue
					}
					w.Tasks[i].Steps[s].D--
					m := sim.Run(w, p, false).Makespan
					w.Tasks[i].Steps[s].D++
					if m > base && msg == "" {
						msg = fmt.Sprintf("order %v: shortening step %d of task %d raises the makespan %d -> %d", p, s, i, base, m)
					}
				}
			}
		})
		return msg
	})
}
