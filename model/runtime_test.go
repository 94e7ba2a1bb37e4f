package model_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

var armed = Runtime{Ties: TiesArmed}

// fourEqualTimers is the example of model/SEMANTICS.md §S4: four tasks
// gathered in order arm one deadline each, then take 1 of CPU.
func fourEqualTimers() *Workload {
	w := &Workload{Unit: Nanosecond}
	for _, n := range "abcd" {
		w.Tasks = append(w.Tasks, task(string(n), sleep(5), cpu(1)))
	}
	return w
}

// Reference: model/SEMANTICS.md §S12: under the armed rule equal
// deadlines leave in arming order, 0, 1, 2, 3, where heapq's are 0, 2, 1, 3.
func TestArmedTiesLeaveInArmingOrder(t *testing.T) {
	w := fourEqualTimers()
	if got := fmt.Sprint(Simulate(w, nil).Finish); got != "[6 8 7 9]" {
		t.Fatalf("heapq: finish %v, want [6 8 7 9]", got)
	}
	if got := fmt.Sprint(armed.Simulate(w, nil).Finish); got != "[6 7 8 9]" {
		t.Fatalf("armed: finish %v, want [6 7 8 9]", got)
	}
	// Gathered in reverse, the arming order is d, c, b, a.
	if got := fmt.Sprint(armed.Simulate(w, []int{3, 2, 1, 0}).Finish); got != "[9 8 7 6]" {
		t.Fatalf("armed, reversed: finish %v, want [9 8 7 6]", got)
	}
}

// Property (model/SEMANTICS.md §S12): under the armed rule, of two timers
// with one deadline the one armed first resumes first (both are due in
// the same iteration and queue their wakeups in pop order); and where no
// two timers share a deadline the two rules give the same run.
func TestArmedRuleOrdersEqualDeadlinesByArming(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var c gen.Case
		if rapid.Bool().Draw(t, "equal") {
			c = gen.EqualDeadlinesCase().Draw(t, "case")
		} else {
			c = gen.AnyCase().Draw(t, "case")
		}
		a := armed.Simulate(c.W, c.Order)
		// Waits are recorded when armed, so their index is the arming order.
		var timers []Wait
		for _, wt := range a.Waits {
			if wt.Kind == Sleep && wt.Due > wt.Start {
				timers = append(timers, wt)
			}
		}
		distinct := true
		for i, x := range timers {
			for _, y := range timers[i+1:] {
				if x.Due == y.Due {
					distinct = false
					if x.Resume > y.Resume {
						t.Fatalf("armed: timer of task %d armed before task %d's, same deadline %d, resumes later (%d > %d)", x.Task, y.Task, x.Due, x.Resume, y.Resume)
					}
				}
			}
		}
		if h := Simulate(c.W, c.Order); distinct && !sameRun(h, a) {
			t.Fatalf("distinct deadlines, yet heapq %v and armed %v differ", h.Finish, a.Finish)
		}
	})
}

func sameRun(a, b Result) bool {
	return a.Makespan == b.Makespan && a.Iterations == b.Iterations && slices.Equal(a.Finish, b.Finish) &&
		slices.Equal(a.Segments, b.Segments) && slices.Equal(a.Waits, b.Waits)
}

// Reference: model/SEMANTICS.md §S11: the CPython version and the spawn
// style change nothing; every valid runtime with heapq ties is the base
// model, and the zero Runtime is exactly Simulate.
func TestEveryRuntimeWithHeapqTiesIsTheBaseModel(t *testing.T) {
	rts := Runtimes(TiesHeapq)
	if len(rts) != 11 {
		t.Fatalf("%d runtimes, want 11 (3.8-3.13 gather, 3.11-3.13 taskgroup, 3.12-3.13 eager): %v", len(rts), rts)
	}
	rapid.Check(t, func(t *rapid.T) {
		c := gen.AnyCase().Draw(t, "case")
		base := Simulate(c.W, c.Order)
		if z := (Runtime{}).Simulate(c.W, c.Order); !sameRun(base, z) {
			t.Fatalf("zero Runtime differs from Simulate")
		}
		var s Sim
		for _, r := range rts {
			s.Runtime = r
			if got := s.Run(c.W, c.Order, true); !sameRun(base, *got) {
				t.Fatalf("%v differs from the base model: %v against %v", r, got.Finish, base.Finish)
			}
		}
	})
}

// A Sim reused across tie rules gives each rule's own result.
func TestSimSwitchesTieRulesBetweenRuns(t *testing.T) {
	w := fourEqualTimers()
	var s Sim
	for _, want := range []string{"[6 8 7 9]", "[6 7 8 9]", "[6 8 7 9]"} {
		if got := fmt.Sprint(s.Run(w, nil, false).Finish); got != want {
			t.Fatalf("%v: finish %v, want %v", s.Runtime, got, want)
		}
		s.Runtime.Ties = TiesArmed - s.Runtime.Ties
	}
}

func TestRuntimeParseStringValidate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"3.11", "3.11/gather/heapq"},
		{"3.8/gather", "3.8/gather/heapq"},
		{"3.12/eager/armed", "3.12/eager/armed"},
		{"3.13/taskgroup/heapq", "3.13/taskgroup/heapq"},
	} {
		r, err := ParseRuntime(c.in)
		if err != nil || r.String() != c.want {
			t.Errorf("ParseRuntime(%q) = %v, %v; want %s", c.in, r, err, c.want)
		}
		if back, err := ParseRuntime(r.String()); err != nil || back != r {
			t.Errorf("ParseRuntime(%q) = %v, %v; want %v", r.String(), back, err, r)
		}
	}
	for in, why := range map[string]string{
		"3.7": "not covered", "3.14": "not covered", "2.7": "not 3.MINOR", "3.011": "not 3.MINOR", "3.x": "not 3.MINOR",
		"3.10/taskgroup": "3.11 or later", "3.11/eager": "3.12 or later", "3.12/lazy": "unknown spawn",
		"3.12/eager/fifo": "unknown tie rule", "3.12/eager/armed/x": "want 3.MINOR", "": "not 3.MINOR",
	} {
		if _, err := ParseRuntime(in); err == nil || !strings.Contains(err.Error(), why) || strings.Contains(err.Error(), "\n") {
			t.Errorf("ParseRuntime(%q): error %v, want one line saying %q", in, err, why)
		}
	}
	if r := (Runtime{}); r.Version() != BaseMinor || r.String() != "3.11/gather/heapq" || r.Validate() != nil {
		t.Errorf("zero Runtime is %v (%v)", r, r.Validate())
	}
	for _, s := range Spawns() {
		if p, err := ParseSpawn(s.String()); err != nil || p != s {
			t.Errorf("ParseSpawn(%q) = %v, %v", s, p, err)
		}
	}
	for _, tr := range TieRules() {
		if p, err := ParseTieRule(tr.String()); err != nil || p != tr {
			t.Errorf("ParseTieRule(%q) = %v, %v", tr, p, err)
		}
	}
	if Spawn(9).String() != "Spawn(9)" || TieRule(9).String() != "TieRule(9)" || (Runtime{Spawn: 9}).Validate() == nil || (Runtime{Ties: 9}).Validate() == nil {
		t.Error("out-of-range spawn or tie rule accepted or misnamed")
	}
}

// An invalid Runtime is a programming error: Run panics naming it.
func TestInvalidRuntimePanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "eager needs CPython 3.12") {
			t.Fatalf("recovered %v", r)
		}
	}()
	s := Sim{Runtime: Runtime{Minor: 10, Spawn: Eager}}
	s.Run(fourEqualTimers(), nil, false)
}

// IsBase holds exactly for the runtimes that simulate as the zero Runtime.
func TestIsBaseIsHeapqTies(t *testing.T) {
	for _, ties := range TieRules() {
		for _, r := range Runtimes(ties) {
			if got, want := r.IsBase(), ties == TiesHeapq; got != want {
				t.Errorf("%s: IsBase %v, want %v", r, got, want)
			}
		}
		for _, l := range []Loop{UVLoop, Node} {
			if r := (Runtime{Loop: l, Ties: ties}); r.IsBase() {
				t.Errorf("%s: IsBase", r)
			}
		}
	}
}
