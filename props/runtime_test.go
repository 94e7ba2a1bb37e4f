package props_test

import (
	"math/big"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"github.com/gatherorder/gatherorder/props"
	"github.com/gatherorder/gatherorder/props/pbt"
)

// smallBudget is Quick with every exhaustive scope cut to at most three
// tasks and the random engines to 25 checks each: the size of the runtime
// tests of `go test`; make verify runs Quick itself.
func smallBudget() props.Budget {
	b := props.Quick
	if verify.On() {
		return b
	}
	b.Scopes = map[*props.Class]props.Scope{}
	for c, s := range props.Quick.Scopes {
		s.MaxN, s.MaxDur, s.MaxTotal = min(s.MaxN, 3), min(s.MaxDur, 8), min(s.MaxTotal, 8)
		if c == props.FiveQuarters {
			s.MaxN, s.MaxDur, s.MaxTotal = 5, 24, 1<<20
		}
		b.Scopes[c] = s
	}
	b.Wides = map[*props.Class]props.Wide{}
	for c, w := range props.Quick.Wides {
		w.MaxN, w.MaxDur = min(w.MaxN, 4), min(w.MaxDur, 20)
		if c == props.FiveQuarters {
			w.MaxN = 5
		}
		b.Wides[c] = w
	}
	b.RandomChecks, b.GopterChecks = 25, 25
	return b
}

// Every CPython from 3.8 to 3.13 with every spawn style it has, under the
// heapq tie rule, gives every claim the base model's verdict, instance
// counts, violation counts and minimal counterexample: one column of the
// claims × runtimes table stands for all of them.
func TestClaimsUnderEveryCPythonWithHeapqTiesAreTheBaseVerdicts(t *testing.T) {
	b := smallBudget()
	claims := props.Registry()
	if !verify.On() {
		// The canonical classes are decided by the closed form under every
		// one of these runtimes (props.Runtime.Base), the same code as on
		// the base model; the classes the runtimes' simulators decide are
		// multi-step and hop.
		claims = slices.DeleteFunc(claims, func(c props.Claim) bool { return c.Class != props.MultiStep && c.Class != props.Hop })
		s := b.Scopes[props.MultiStep]
		s.MaxDur, s.MaxTotal = 3, 3
		b.Scopes[props.MultiStep] = s
	}
	base := map[string]props.Result{}
	for _, c := range claims {
		base[c.ID] = props.Check(c, props.Options{Budget: b})
	}
	for _, rt := range model.Runtimes(model.TiesHeapq) {
		r := props.Runtime{Sim: rt}
		for _, c := range claims {
			got, want := props.Check(c, props.Options{Budget: b, Runtime: r}), base[c.ID]
			if got.Verdict != want.Verdict || got.Exhaustive.Instances != want.Exhaustive.Instances ||
				got.Exhaustive.Violations != want.Exhaustive.Violations || (got.Minimal == nil) != (want.Minimal == nil) ||
				got.Minimal != nil && string(model.Marshal(got.Minimal.W)) != string(model.Marshal(want.Minimal.W)) {
				t.Errorf("%s under %s: %s (%s), base %s (%s)", c.ID, rt, got.Verdict, got.Exhaustive, want.Verdict, want.Exhaustive)
			}
		}
	}
}

// The verdicts under the other runtimes at the small budget, pinned as a
// regression guard (computed by every run), where they differ from the
// base model's: every claim not listed has the base verdict. Each is
// decided by the exhaustive engine and by both random engines, which must
// agree on the refutations they can reach, and every counterexample
// re-simulates under its runtime.
func TestClaimsUnderRuntimes(t *testing.T) {
	b := smallBudget()
	differ := map[string]map[string]string{
		"trio": {
			"lif-optimal-equal-cpu":              "refuted", // at the small budget only by the random engines
			"sif-worst-equal-cpu":                "refuted",
			"lif-optimal-no-post-cpu":            "refuted",
			"lif-minimizes-last-io":              "refuted",
			"lif-five-quarters-family":           "refuted",
			"lif-within-one-cpu-phase-equal-cpu": "holds",
			"any-order-within-1.5x-unequal-cpu":  "holds",
		},
	}
	runtimes := []props.Runtime{
		{Sim: model.Runtime{Ties: model.TiesArmed}},
		{Sim: model.Runtime{Loop: model.UVLoop}},
		{Sim: model.Runtime{Loop: model.Node}},
		{Trio: true},
	}
	claims := props.Registry()
	if !verify.On() {
		// One or two claims per class.
		keep := map[string]bool{"lif-optimal-equal-cpu": true, "sif-worst-equal-cpu": true, "lif-optimal-no-post-cpu": true,
			"lif-minimizes-last-io": true, "any-order-within-2x": true, "hop-makes-order-irrelevant": true, "lif-five-quarters-family": true}
		claims = slices.DeleteFunc(claims, func(c props.Claim) bool { return !keep[c.ID] })
	}
	base := map[string]props.Verdict{}
	for _, c := range claims {
		base[c.ID] = props.Check(c, props.Options{Budget: b, Random: pbt.Engines()}).Verdict
	}
	for _, r := range runtimes {
		for _, c := range claims {
			res := props.Check(c, props.Options{Budget: b, Runtime: r, Random: pbt.Engines()})
			want := base[c.ID].String()
			if v, ok := differ[r.String()][c.ID]; ok {
				want = v
			}
			if !r.Models(c.Class) {
				// Bounded gathers and random durations: CPython only
				// (TestClaimsOutsideARuntimesModelAreNotModelled).
				want = props.NotModelled.String()
			}
			if res.Verdict.String() != want {
				t.Errorf("%s under %s: %s, pinned %s (%s)", c.ID, r, res.Verdict, want, res.Exhaustive)
			}
			if res.Counterexample != nil {
				if err := props.ResimulateOn(r, res.Counterexample); err != nil {
					t.Errorf("%s under %s: %v", c.ID, r, err)
				}
			}
			for _, rep := range res.Random {
				if rep.Found != nil {
					if err := props.ResimulateOn(r, rep.Failure); err != nil {
						t.Errorf("%s under %s, %s: %v", c.ID, r, rep.Engine, err)
					}
				}
			}
		}
	}
}

// Counterexamples under Trio replay on the real Trio (every coin path,
// its exact expected makespan) and one under CPython 3.13 with TaskGroup on
// that CPython's virtual clock; a comparison whose makespan is off by one
// ns is rejected.
func TestRuntimeCounterexamplesReplayOnTheRealRuntime(t *testing.T) {
	b := smallBudget()
	byID := map[string]props.Claim{}
	for _, c := range props.Registry() {
		byID[c.ID] = c
	}
	for _, tc := range []struct {
		claim string
		rt    props.Runtime
	}{
		{"lif-minimizes-last-io", props.Runtime{Trio: true}},
		{"lif-optimal-no-post-cpu", props.Runtime{Trio: true}},
		{"lif-optimal-unequal-cpu", props.Runtime{Sim: model.Runtime{Minor: 13, Spawn: model.TaskGroup}}},
	} {
		res := props.Check(byID[tc.claim], props.Options{Budget: b, Runtime: tc.rt})
		if res.Counterexample == nil {
			t.Fatalf("%s under %s: no counterexample", tc.claim, tc.rt)
		}
		rp := &oracle.RuntimeReplayer{Runtime: tc.rt.Sim, Trio: tc.rt.Trio}
		if err := props.ReplayOn(tc.rt, 0, rp.Makespan, res.Counterexample); err != nil {
			t.Errorf("%s under %s: %v", tc.claim, tc.rt, err)
		}
		off := *res.Counterexample
		off.Comparisons = slices.Clone(off.Comparisons)
		off.Comparisons[0].Makespan++
		if props.ReplayOn(tc.rt, 0, func(w *model.Workload, order []int) (model.Duration, error) { return rp.Makespan(w, order) }, &off) == nil {
			t.Errorf("%s under %s: a makespan off by 1 ns replayed", tc.claim, tc.rt)
		}
		rp.Close()
	}
}

// The reports show Trio's instances in seconds (props.Runtime.Display)
// although the engines scale them by 2^30 ns: Trio's model has no clock
// resolution, so the expected makespan scales with the unit, exactly.
func TestTrioUnitChangesNoExpectation(t *testing.T) {
	scale := func(w *model.Workload, k model.Duration) *model.Workload {
		out := &model.Workload{Unit: model.Nanosecond}
		for _, tk := range w.Tasks {
			steps := slices.Clone(tk.Steps)
			for i := range steps {
				steps[i].D *= k
			}
			out.Tasks = append(out.Tasks, model.Task{Name: tk.Name, Steps: steps})
		}
		return out
	}
	gen.Check(t, 100, 1, func(rt *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 4, MaxSteps: 3, MaxDur: 5}).Draw(rt, "w")
		a, err := model.Trio{}.Distribution(scale(w, props.TrioUnit), nil)
		if err != nil {
			rt.Fatal(err)
		}
		b, err := model.Trio{}.Distribution(scale(w, 1_000_000_000), nil)
		if err != nil {
			rt.Fatal(err)
		}
		x := new(big.Rat).Quo(a.Expected(), big.NewRat(int64(props.TrioUnit), 1))
		y := new(big.Rat).Quo(b.Expected(), big.NewRat(1_000_000_000, 1))
		if x.Cmp(y) != 0 {
			rt.Fatalf("expected makespan %s units at 2^30 ns, %s at 1 s: %s", x.RatString(), y.RatString(), model.Marshal(w))
		}
	})
	r := props.Runtime{Trio: true}
	if got := r.Format(props.TrioUnit * 13 / 2); got != "6.5" {
		t.Errorf("Format(6.5 units) = %q", got)
	}
	u := props.Runtime{Sim: model.Runtime{Loop: model.UVLoop}}
	if got := u.Format(3*props.LibuvUnit + 1_000_000); got != "61" {
		t.Errorf("uvloop Format(3 units + 1 ms) = %q, want 61 (ms)", got)
	}
}

// Claim: a claim about bounded gathers or random durations is "not
// modelled" under a runtime without a limit model or with scaled units
// (no engine runs), and is evaluated under every CPython runtime.
func TestClaimsOutsideARuntimesModelAreNotModelled(t *testing.T) {
	byID := map[string]props.Claim{}
	for _, c := range props.Registry() {
		byID[c.ID] = c
	}
	for _, id := range []string{"semaphore-1-order-free", "lif-mean-beats-sif-mean-equal-cpu"} {
		c, ok := byID[id]
		if !ok {
			t.Fatalf("claim %s is not registered", id)
		}
		for _, r := range []props.Runtime{{Sim: model.Runtime{Loop: model.UVLoop}}, {Sim: model.Runtime{Loop: model.Node}}, {Trio: true}} {
			if got := props.Check(c, props.Options{Budget: props.Quick, Runtime: r}).Verdict; got != props.NotModelled {
				t.Errorf("%s under %s: %s, want not modelled", id, r, got)
			}
		}
		if got := props.Check(c, props.Options{Budget: props.Quick, Runtime: props.Runtime{Sim: model.Runtime{Minor: 12, Spawn: model.Eager}}}).Verdict; got == props.NotModelled {
			t.Errorf("%s under CPython 3.12/eager: not modelled", id)
		}
	}
}
