package pbt_test

import (
	"testing"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/props"
	"github.com/gatherorder/gatherorder/props/pbt"
	"pgregory.net/rapid"
)

// Every rapid generator stays inside its class.
func TestGeneratorsStayInTheirClass(t *testing.T) {
	for _, c := range append(append([]*props.Class(nil), props.Classes...), props.LimitedClasses...) {
		g := pbt.Generator(c, props.Quick.Wides[c])
		rapid.Check(t, func(rt *rapid.T) {
			if x := g.Draw(rt, "w"); !c.Member(x) || x.Validate() != nil {
				rt.Fatalf("%s: rapid drew a non-member %s", c.ID, model.Marshal(x))
			}
		})
	}
}

// rapid's shrinker, run through a Recorder, reaches a counterexample of the
// same size (tasks, total duration) as the exhaustive minimum. Pinned per
// claim at the quick budget: where rapid stops at a larger instance the
// test says so, so that a change in either direction is noticed.
func TestRapidShrinksToTheMinimalSize(t *testing.T) {
	reaches := map[string]bool{
		"lif-optimal-equal-cpu":             true,
		"lif-optimal-unequal-cpu":           true,
		"shorter-step-never-hurts":          true,
		"lif-beats-sif-unequal-cpu":         false, // rapid stops at 3 tasks, total 7; the minimum has 2 tasks, total 6
		"any-order-within-1.5x-unequal-cpu": false, // rapid stops at 2 tasks, total 8; the minimum has total 6
	}
	b := props.Quick
	for _, c := range props.Registry() {
		want, ok := reaches[c.ID]
		if !ok {
			continue
		}
		r := pbt.Rapid(c, b.Wides[c.Class], b.RandomChecks, b.Seed)
		ex := props.Exhaustive(c, b.Scopes[c.Class])
		if r.Found == nil || ex.Minimal == nil {
			t.Errorf("%s: rapid found %v, exhaustive %v", c.ID, r.Found != nil, ex.Minimal != nil)
			continue
		}
		rw, m := r.Found.W, ex.Minimal.W
		same := len(rw.Tasks) == len(m.Tasks) && props.Total(rw) == props.Total(m)
		if same != want {
			t.Errorf("%s: rapid shrank to %d tasks, total %d; the minimum has %d tasks, total %d (pinned: same size %v)",
				c.ID, len(rw.Tasks), props.Total(rw), len(m.Tasks), props.Total(m), want)
		}
	}
}

// The engines are deterministic: two runs report the same checks and the
// same counterexample.
func TestEnginesAreDeterministic(t *testing.T) {
	b := props.Quick
	b.RandomChecks, b.GopterChecks = 100, 100
	for _, c := range props.Registry()[:8] {
		for _, e := range pbt.Engines() {
			r1, r2 := e.Run(c, b), e.Run(c, b)
			if r1.Checks != r2.Checks || (r1.Found == nil) != (r2.Found == nil) ||
				(r1.Found != nil && string(model.Marshal(r1.Found.W)) != string(model.Marshal(r2.Found.W))) {
				t.Errorf("%s %s: two runs differ: %s / %s", c.ID, e.Name, r1, r2)
			}
		}
	}
}
