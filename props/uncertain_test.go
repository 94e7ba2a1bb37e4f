package props

import (
	"math/big"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// The exact expectation of scenarioSet (closed form over the 2^n
// enumerated scenarios) equals an independent computation: model.Draw's
// scenarios of a workload whose random steps have the same two samples
// converge to it, and the enumeration itself agrees with simulating every
// scenario workload on model.Simulate.
func TestScenarioSetIsTheExactExpectation(t *testing.T) {
	in := NewInstance(&model.Workload{Unit: model.Nanosecond, Tasks: named([]model.Task{
		twoPointTask(1, 1, 6, 1), twoPointTask(1, 2, 5, 1), twoPointTask(2, 3, 3, 0)})})
	s := scenariosOf(in)
	for _, p := range perms(3) {
		var sim model.Duration
		for k, c := range s.comparisons("x", p) {
			sim += s.weight[k] * model.Simulate(c.W, c.Order).Makespan
		}
		if sim != s.sum(p) {
			t.Fatalf("order %v: closed form sum %d, simulated %d", p, s.sum(p), sim)
		}
		sc, err := model.Draw(in.W, 20000, 11, 0)
		if err != nil {
			t.Fatal(err)
		}
		e := order.Summarize(order.NewEvaluator(sc, model.Runtime{}).Makespans(p, nil), make([]model.Duration, sc.N))
		exact, _ := big.NewRat(int64(s.sum(p)), s.total).Float64()
		if float64(e.CI95[0]) > exact || float64(e.CI95[1]) < exact {
			t.Errorf("order %v: exact %v outside the sampled interval %v", p, exact, e.CI95)
		}
	}
}

// The factors of the claims in expectation within the quick scopes,
// computed by exhaustive enumeration (ExpectationRatios) and pinned: the
// worst order best for the mean durations against the best order in
// expectation, and the best single order against the clairvoyant optimum.
func TestExpectationRatios(t *testing.T) {
	want := map[string]string{
		"mean-best / best-expected on two-point-equal-cpu":   "15/13 ≈ 1.1538",
		"best-expected / clairvoyant on two-point-equal-cpu": "23/21 ≈ 1.0952",
		"mean-best / best-expected on two-point-canonical":   "9/7 ≈ 1.2857",
		"best-expected / clairvoyant on two-point-canonical": "8/7 ≈ 1.1429",
	}
	for _, r := range ExpectationRatios(Quick) {
		got := r.Ratio.RatString() + " ≈ " + r.Ratio.FloatString(4)
		t.Logf("%s: %s over %d instances, first at %s", r.What, got, r.Instances, model.Marshal(r.Witness.W))
		if want[r.What] != got {
			t.Errorf("%s: %s, pinned %s", r.What, got, want[r.What])
		}
	}
}
