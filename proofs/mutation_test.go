package proofs_test

// The trace checks of model_to_formula_test.go must be able to fail: each
// is run here on a real trace with one fact falsified, and must object.

import (
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

func TestTraceChecksRejectFalsifiedTraces(t *testing.T) {
	js := []model.Job{{A: 1, L: 5, B: 1}, {A: 1, L: 3, B: 1}, {A: 1, L: 1, B: 1}}
	p := []int{2, 1, 0} // the seed's shortest-IO-first order: 9 s
	fresh := func() *model.Result { r := model.Simulate(workload(js), p); return &r }
	l1 := traceCheck(checkL1)
	cases := []struct {
		name   string
		check  traceCheck
		break_ func(r *model.Result)
	}{
		{"L1: a first phase starts late", l1, func(r *model.Result) { r.Segments[1].Start++; r.Segments[1].End++ }},
		{"L1: a wait is due late", l1, func(r *model.Result) { r.Waits[0].Due++ }},
		{"L2: the CPU idles while a task is due", checkL2, func(r *model.Result) {
			for i := range r.Segments {
				if r.Segments[i].Step == 2 {
					r.Segments[i].Start += 2
					r.Segments[i].End += 2
					for k := range r.Waits {
						if r.Waits[k].Task == r.Segments[i].Task {
							r.Waits[k].Resume += 2
						}
					}
					return
				}
			}
		}},
		{"L4: second phases out of release order", checkL4, func(r *model.Result) {
			r.Waits[0].Due, r.Waits[2].Due = r.Waits[2].Due, r.Waits[0].Due
		}},
		{"theorem: the makespan is off by one", checkMakespan, func(r *model.Result) { r.Makespan++ }},
	}
	for _, c := range cases {
		r := fresh()
		if msg := c.check(js, p, r); msg != "" {
			t.Fatalf("%s: the true trace is rejected: %s", c.name, msg)
		}
		c.break_(r)
		if msg := c.check(js, p, r); msg == "" {
			t.Errorf("%s: the falsified trace passes the check", c.name)
		} else {
			t.Logf("%s: rejected: %s", c.name, msg)
		}
	}
}
