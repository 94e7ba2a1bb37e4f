package order_test

import (
	"math"
	"math/big"
	"reflect"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/model"
	. "github.com/gatherorder/gatherorder/order"
)

func mustParse(t testing.TB, src string) *model.Workload {
	t.Helper()
	w, err := model.Parse("test", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// twoPoint is three canonical tasks whose waits are each {"samples":
// [lo, hi]}: 8 equiprobable scenarios.
const twoPoint = `{"unit": "ns", "tasks": [
  {"name": "a", "steps": [{"cpu": 2}, {"sleep": {"samples": [1, 9]}}, {"cpu": 2}]},
  {"name": "b", "steps": [{"cpu": 2}, {"sleep": {"samples": [4, 6]}}, {"cpu": 1}]},
  {"name": "c", "steps": [{"cpu": 1}, {"io": {"samples": [0, 3]}}, {"cpu": 3}]}]}`

// exactExpectation enumerates every joint outcome of w's empirical
// distributions (each sample of each step equally likely, independently)
// and returns the exact expected makespan of ord, simulated by
// model.Simulate: the reference, independent of Draw, Evaluator and
// ClosedForm.
func exactExpectation(w *model.Workload, ord []int) *big.Rat {
	type slot struct{ t, s int }
	var slots []slot
	for i, t := range w.Tasks {
		for j := range t.Steps {
			if t.Dists != nil && t.Dists[j].Kind == model.Empirical {
				slots = append(slots, slot{i, j})
			}
		}
	}
	sc := &model.Workload{Unit: w.Unit}
	for _, t := range w.Tasks {
		sc.Tasks = append(sc.Tasks, model.Task{Name: t.Name, Steps: slices.Clone(t.Steps)})
	}
	sum, count := new(big.Int), int64(0)
	var rec func(i int)
	rec = func(i int) {
		if i == len(slots) {
			sum.Add(sum, big.NewInt(int64(model.Simulate(sc, ord).Makespan)))
			count++
			return
		}
		s := slots[i]
		for _, v := range w.Tasks[s.t].Dists[s.s].Samples {
			sc.Tasks[s.t].Steps[s.s].D = v
			rec(i + 1)
		}
	}
	rec(0)
	return new(big.Rat).SetFrac(sum, big.NewInt(count))
}

// The estimates agree with the exact expectations of enumerated
// scenarios: for every order of twoPoint, the 95% interval from 4000
// draws (seed 1) holds the exact expectation and the estimate is within
// four standard errors of it; and Estimate.Sum equals the sum of an
// independent simulation of every drawn scenario.
func TestEstimateMatchesExactExpectation(t *testing.T) {
	w := mustParse(t, twoPoint)
	s, err := model.Draw(w, 4000, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	ev := NewEvaluator(s, model.Runtime{})
	given := ev.Makespans(Identity(3), nil)
	ForEachPerm(3, func(p []int) {
		ms := ev.Makespans(p, nil)
		e := Summarize(ms, given)
		exact, _ := exactExpectation(w, p).Float64()
		if float64(e.CI95[0]) > exact || float64(e.CI95[1]) < exact {
			t.Errorf("order %v: exact expectation %v outside the 95%% interval %v", p, exact, e.CI95)
		}
		half := float64(e.CI95[1]-e.CI95[0]) / 2
		if math.Abs(float64(e.Expected)-exact) > 2*half+1 {
			t.Errorf("order %v: estimate %d, exact %v", p, e.Expected, exact)
		}
		ref := new(big.Int)
		for k := 0; k < s.N; k++ {
			ref.Add(ref, big.NewInt(int64(model.Simulate(s.Scenario(k), p).Makespan)))
		}
		if ref.Cmp(e.Sum) != 0 {
			t.Errorf("order %v: evaluator sum %v, simulated %v", p, e.Sum, ref)
		}
	})
}

// With all 8 scenarios of twoPoint given once each (an empirical
// distribution over the joint outcomes), the estimate is the exact
// expectation: Summarize's arithmetic checked on an enumerated case.
func TestSummarizeOnEnumeratedScenarios(t *testing.T) {
	w := mustParse(t, twoPoint)
	ord := []int{2, 0, 1}
	var ms, given []model.Duration
	for _, a := range []model.Duration{1, 9} {
		for _, b := range []model.Duration{4, 6} {
			for _, c := range []model.Duration{0, 3} {
				sc := model.Workload{Tasks: []model.Task{
					model.Canonical("a", 2, a, 2), model.Canonical("b", 2, b, 1),
					{Name: "c", Steps: []model.Step{{Kind: model.CPU, D: 1}, {Kind: model.IO, D: c}, {Kind: model.CPU, D: 3}}}}}
				ms = append(ms, model.Simulate(&sc, ord).Makespan)
				given = append(given, model.Simulate(&sc, nil).Makespan)
			}
		}
	}
	e := Summarize(ms, given)
	exact := exactExpectation(w, ord)
	if new(big.Rat).SetFrac(e.Sum, big.NewInt(8)).Cmp(exact) != 0 {
		t.Fatalf("sum/8 = %v/8, exact %v", e.Sum, exact)
	}
}

// Summarize on hand-computed values: mean 2.5 rounds up to 3, the
// nearest-rank p50 of 1..4 is 2 and p95 is 4, s = √(5/3), the interval
// 2.5 ± 1.96·1.291/2 = [1.235, 3.765] widens to [1, 4]; ties are not wins.
func TestSummarizeByHand(t *testing.T) {
	e := Summarize([]model.Duration{4, 1, 3, 2}, []model.Duration{4, 2, 3, 3})
	want := Estimate{N: 4, Sum: big.NewInt(10), Expected: 3, CI95: [2]model.Duration{1, 4}, P50: 2, P95: 4, Beats: 2, Ties: 2}
	if !reflect.DeepEqual(e, want) {
		t.Fatalf("Summarize = %+v\nwant %+v", e, want)
	}
	if e.PBeatsGiven().Cmp(big.NewRat(1, 2)) != 0 {
		t.Fatalf("PBeatsGiven = %v", e.PBeatsGiven())
	}
	c := Summarize([]model.Duration{7, 7, 7}, []model.Duration{7, 7, 7})
	if c.Expected != 7 || c.CI95 != [2]model.Duration{7, 7} || c.P50 != 7 || c.P95 != 7 || c.Beats != 0 {
		t.Fatalf("constant makespans: %+v", c)
	}
}

// Best with the exhaustive search returns the lexicographically first
// order of least sample mean (or p95), found by brute force over the
// evaluated makespans; the local search never returns worse than its
// starts and is deterministic under a node limit.
func TestBestUncertainIsExhaustiveMinimum(t *testing.T) {
	w := mustParse(t, twoPoint)
	s, _ := model.Draw(w, 300, 5, 0)
	ev := NewEvaluator(s, model.Runtime{})
	for _, obj := range []Objective{Mean, P95} {
		var want []int
		var wantV int64 = -1
		ForEachPerm(3, func(p []int) {
			e := Summarize(ev.Makespans(p, nil), ev.Makespans(p, nil))
			v := e.Sum.Int64()
			if obj == P95 {
				v = int64(e.P95)
			}
			if wantV < 0 || v < wantV {
				want, wantV = slices.Clone(p), v
			}
		})
		c, err := ChooseUncertain(w, Best, ev, Limits{}, obj)
		if err != nil {
			t.Fatal(err)
		}
		if !c.Optimal || c.Method != "exhaustive" || !slices.Equal(c.Order, want) {
			t.Errorf("%s: best %v (optimal %v, %s), want %v", obj, c.Order, c.Optimal, c.Method, want)
		}
	}
}

// lif-mean and lif-median differ where a skewed distribution's mean
// and median disagree: a's samples {1, 1, 100} have median 1 and mean
// 34, b's wait is a constant 10.
func TestLIFMeanAndMedian(t *testing.T) {
	w := mustParse(t, `{"tasks": [
	  {"name": "a", "steps": [{"cpu": 1}, {"sleep": {"samples": [1, 1, 100]}}, {"cpu": 1}]},
	  {"name": "b", "steps": [{"cpu": 1}, {"sleep": 10}, {"cpu": 1}]}]}`)
	for p, want := range map[Policy][]int{LIFMean: {0, 1}, LIFMedian: {1, 0}, SIFMean: {1, 0}, SIFMedian: {0, 1}, LIF: {0, 1}, LTFMean: {0, 1}, LTFMedian: {1, 0}} {
		c, err := ChooseUncertain(w, p, nil, Limits{}, Mean)
		if err != nil || !slices.Equal(c.Order, want) {
			t.Errorf("%s: %v %v, want %v", p, c.Order, err, want)
		}
	}
	if _, err := Choose(w, LIF, Limits{}); err == nil {
		t.Error("Choose accepted a workload with random durations")
	}
}

// Beyond MaxExhaustive tasks Best is the local search: deterministic
// under a node limit, never worse than the given order or lif-mean.
func TestBestUncertainLocalSearch(t *testing.T) {
	src := `{"unit": "ms", "tasks": [`
	for i := 0; i < 10; i++ {
		if i > 0 {
			src += ","
		}
		src += `{"name": "t` + string(rune('a'+i)) + `", "steps": [{"cpu": ` + string(rune('1'+i%3)) + `}, {"sleep": {"median": ` + string(rune('1'+i%7)) + `, "p95": 9}}, {"cpu": 1}]}`
	}
	w := mustParse(t, src+"]}")
	s, _ := model.Draw(w, 200, 3, 0)
	ev := NewEvaluator(s, model.Runtime{})
	c1, _ := ChooseUncertain(w, Best, ev, Limits{Nodes: 500}, Mean)
	c2, _ := ChooseUncertain(w, Best, ev, Limits{Nodes: 500}, Mean)
	if !slices.Equal(c1.Order, c2.Order) || c1.Optimal || c1.Method != "insertion local search" {
		t.Fatalf("local search: %+v vs %+v", c1, c2)
	}
	given := ev.Makespans(Identity(10), nil)
	best := Summarize(ev.Makespans(c1.Order, nil), given)
	for _, p := range []Policy{Given, LIFMean, LIFMedian} {
		o, _ := ChooseUncertain(w, p, ev, Limits{}, Mean)
		if e := Summarize(ev.Makespans(o.Order, nil), given); e.Sum.Cmp(best.Sum) < 0 {
			t.Errorf("best %v worse than %s", best.Sum, p)
		}
	}
}
