package order_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	. "github.com/gatherorder/gatherorder/order"
)

// uncertain10 is a canonical gather of 10 tasks with log-normal waits
// (median i+1 ms, p95 4(i+1) ms) and uniform CPU phases.
func uncertain10(tb testing.TB) *model.Workload {
	var ts []string
	for i := 0; i < 10; i++ {
		ts = append(ts, fmt.Sprintf(`{"name": "t%d", "steps": [{"cpu": {"min": 0.5, "max": 1.5}}, {"sleep": {"median": %d, "p95": %d}}, {"cpu": 1}]}`, i, i+1, 4*(i+1)))
	}
	return mustParse(tb, `{"unit": "ms", "tasks": [`+strings.Join(ts, ",")+`]}`)
}

// Target: 10,000 scenarios × 4 policies for a 10-task canonical
// gather in under 100 ms: the draw of the scenarios, the orders of given,
// lif-mean, lif-median and sif-mean, their makespans on every scenario
// (model.ClosedForm) and their Estimates.
func BenchmarkUncertain10kScenarios4Policies(b *testing.B) {
	benchFourPolicies(b, uncertain10(b))
}

// benchFourPolicies draws 10,000 scenarios of w and estimates given,
// lif-mean, lif-median and sif-mean on them, per iteration.
func benchFourPolicies(b *testing.B, w *model.Workload) {
	var buf, given []model.Duration
	for b.Loop() {
		s, err := model.Draw(w, 10_000, 1, 0)
		if err != nil {
			b.Fatal(err)
		}
		ev := NewEvaluator(s, model.Runtime{})
		given = ev.Makespans(Identity(len(w.Tasks)), given)
		for _, p := range []Policy{Given, LIFMean, LIFMedian, SIFMean} {
			c, _ := ChooseUncertain(w, p, ev, Limits{}, Mean)
			buf = ev.Makespans(c.Order, buf)
			Summarize(buf, given)
		}
	}
}

// The same on the simulator (model.Sim.Run, reused buffers, no trace)
// instead of the closed form, for tasks that are not three-phase.
func BenchmarkUncertain10kScenarios4PoliciesSim(b *testing.B) {
	w := uncertain10(b)
	for i := range w.Tasks {
		// A fourth step (cpu 0) takes the tasks off the closed form.
		w.Tasks[i].Steps = append(w.Tasks[i].Steps, model.Step{Kind: model.CPU})
		w.Tasks[i].Dists = append(w.Tasks[i].Dists, model.Dist{})
	}
	benchFourPolicies(b, w)
}

// Best's local search on the 10-task gather over 1,000 scenarios.
func BenchmarkUncertainBest10Tasks1kScenarios(b *testing.B) {
	w := uncertain10(b)
	s, _ := model.Draw(w, 1000, 1, 0)
	ev := NewEvaluator(s, model.Runtime{})
	for b.Loop() {
		ChooseUncertain(w, Best, ev, Limits{}, Mean)
	}
}
