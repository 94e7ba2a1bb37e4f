package oracle_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/golden"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// checkDriverRuns starts a real-clock driver and runs a workload with
// every kind of step at duration 0, which takes no time to speak of: the
// driver answers with repeat runs and a finish for every task. It checks
// the protocol, never a time.
func checkDriverRuns(t *testing.T, start func(int) (*oracle.Real, error), loop string) {
	r, err := start(2)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !strings.HasPrefix(r.Loop, loop) {
		t.Fatalf("Loop %q, want %s ...", r.Loop, loop)
	}
	w := &model.Workload{Tasks: []model.Task{
		{Name: "a", Steps: []model.Step{cpu(0), sleep(0), io(0), sleep(1000)}},
		{Name: "b"},
	}}
	runs, err := r.Measure(w, []int{1, 0})
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || len(runs[0].Finish) != 2 || runs[0].Makespan != max(runs[0].Finish[0], runs[0].Finish[1]) {
		t.Fatalf("runs %+v", runs)
	}
}

// The uvloop driver mode (drivers/asyncio_driver.py --loop uvloop) speaks
// the real-clock protocol on Debian's uvloop.
func TestUVLoopDriverRuns(t *testing.T) { checkDriverRuns(t, oracle.StartUVLoop, "uvloop ") }

// tolerance bounds measured minus predicted finish in the real-clock golden
// check: well under the 20 to 25 ms by which the runtimes' predictions of
// each case differ, and above the loop overheads of a few milliseconds.
const tolerance = 7_500_000

// checkGoldenReal runs every golden case that has a real scale
// (model/testdata/libuv_golden.json) five times on a real runtime and
// requires some run to finish every task within [-1 ms, +tolerance] of
// rt's prediction for the scaled workload (col's column, scaled, but for
// millisecond effects, which do not scale). Where rt's two tie rules
// predict different finishes, a run may fit either, as a real clock can
// split an exact tie both ways (model/SEMANTICS.md §S12 and §S15.3); the
// log says which rule each run fits.
func checkGoldenReal(t *testing.T, start func(int) (*oracle.Real, error), col string, rt model.Runtime) {
	if !verify.On() {
		t.Skip("wall-clock run: under GATHERORDER_VERIFY=1 (make verify)")
	}
	cases, err := golden.Read(golden.Path())
	if err != nil {
		t.Fatal(err)
	}
	r, err := start(5)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fits := func(m oracle.Measurement, want []model.Duration) bool {
		for i, f := range m.Finish {
			if d := f - want[i]; d < -1_000_000 || d > tolerance {
				return false
			}
		}
		return true
	}
	for _, c := range cases {
		if c.Scale == nil {
			continue
		}
		w, fin, err := c.Scaled()
		if err != nil {
			t.Fatal(err)
		}
		rules := map[string][]model.Duration{}
		for _, ties := range model.TieRules() {
			v := rt
			v.Ties = ties
			rules[ties.String()] = v.Simulate(w, nil).Finish
		}
		if got := rules[rt.Ties.String()]; col != "" && !slices.Equal(got, fin[col]) {
			// Millisecond effects do not scale: P9's +1 ms penalty stays 1 ms.
			t.Logf("%s: the model predicts %s at this scale, the golden %s column scaled %s", c.Name, ms(got), col, ms(fin[col]))
		}
		runs, err := r.Measure(w, nil)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		ok := false
		for _, m := range runs {
			var which []string
			for _, ties := range model.TieRules() {
				if fits(m, rules[ties.String()]) {
					which = append(which, ties.String())
				}
			}
			ok = ok || len(which) > 0
			all = append(all, fmt.Sprintf("%s fits %v", ms(m.Finish), which))
		}
		if !ok {
			t.Errorf("%s (%s) on %s: no run within %s ms of %s (or %s under the other tie rule): %s",
				c.Name, c.Sections, r.Loop, model.Format(tolerance, model.Millisecond), ms(rules[rt.Ties.String()]), ms(rules[otherRule(rt.Ties)]), strings.Join(all, "; "))
			continue
		}
		t.Logf("%s: predicted %s (%s), runs %s", c.Name, ms(rules[rt.Ties.String()]), rt.Ties, strings.Join(all, "; "))
	}
}

func otherRule(t model.TieRule) string {
	if t == model.TiesArmed {
		return model.TiesHeapq.String()
	}
	return model.TiesArmed.String()
}

// ms prints finishes in ms with one decimal.
func ms(ds []model.Duration) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = fmt.Sprintf("%.1f", float64(d)/1e6)
	}
	return "[" + strings.Join(s, " ") + "]"
}

// Reference: model/SEMANTICS.md §S14: the golden uvloop runs, on the real
// uvloop at 25 ms per unit (the ms cases at 20 ms of CPU).
func TestUVLoopGoldenOnTheRealClock(t *testing.T) {
	checkGoldenReal(t, oracle.StartUVLoop, "uvloop", model.Runtime{Loop: model.UVLoop})
}

// The control: the same cases on CPython's own loop at the real clock,
// predicted with the armed tie rule (model/SEMANTICS.md §S12), as equal
// deadlines do not tie there (the golden asyncio column is heapq's).
func TestAsyncioGoldenOnTheRealClock(t *testing.T) {
	checkGoldenReal(t, oracle.StartReal, "", model.Runtime{Ties: model.TiesArmed})
}
