package props

import (
	"math/rand/v2"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"pgregory.net/rapid"
)

// The symmetry reduction is complete and exact: the enumerated multisets
// are exactly the sorted arrangements of all ordered tuples in the
// scope, each once.
func TestSymmetryReductionEnumeratesEachMultisetOnce(t *testing.T) {
	always := func(*Eval, *Instance) *Failure { return nil }
	for _, tc := range []struct {
		c *Class
		s Scope
	}{
		{Canonical, Scope{MinN: 1, MaxN: 3, MaxDur: 4, MaxTotal: 7}},
		{EqualCPU, Scope{MinN: 1, MaxN: 4, MaxDur: 9, MaxTotal: 14}},
		{Hop, Scope{MinN: 1, MaxN: 3, MaxDur: 3, MaxTotal: 6}},
		{MultiStep, Scope{MinN: 1, MaxN: 2, MaxSteps: 2, MaxDur: 3, MaxTotal: 3}},
	} {
		got := Exhaustive(Claim{Class: tc.c, Check: always}, tc.s).Instances
		// Reference: every ordered tuple of tasks from a brute-force space,
		// sorted and deduplicated.
		seen := map[string]bool{}
		var rec func(tasks []model.Task)
		space := bruteSpace(tc.c, tc.s)
		rec = func(tasks []model.Task) {
			if n := len(tasks); n >= 1 {
				w := &model.Workload{Tasks: tasks}
				if Total(w) <= tc.s.MaxTotal && (tc.c != EqualCPU || equalCPUMember(w)) {
					seen[string(model.Marshal(NewInstance(w).W))] = true
				}
			}
			if len(tasks) == tc.s.MaxN || Total(&model.Workload{Tasks: tasks}) > tc.s.MaxTotal {
				return
			}
			for _, x := range space {
				if tc.c == EqualCPU && len(tasks) > 0 && x.Steps[0].D != tasks[0].Steps[0].D {
					continue
				}
				rec(append(append([]model.Task(nil), tasks...), x))
			}
		}
		rec(nil)
		if int64(len(seen)) != got {
			t.Errorf("%s: enumerated %d instances, brute force %d", tc.c.ID, got, len(seen))
		}
	}
}

// bruteSpace is every task of class c with durations ≤ MaxDur, written
// independently of the enumerators (no total bound, no sorting).
func bruteSpace(c *Class, s Scope) []model.Task {
	var out []model.Task
	d := s.MaxDur
	switch c {
	case MultiStep:
		kinds := []model.Kind{model.CPU, model.Sleep, model.IO}
		for _, k1 := range kinds {
			for a := model.Duration(0); a <= d; a++ {
				out = append(out, model.Task{Steps: []model.Step{{Kind: k1, D: a}}})
				for _, k2 := range kinds {
					for b := model.Duration(0); b <= d; b++ {
						out = append(out, model.Task{Steps: []model.Step{{Kind: k1, D: a}, {Kind: k2, D: b}}})
					}
				}
			}
		}
		return out
	}
	for a := model.Duration(0); a <= d; a++ {
		for l := model.Duration(1); l <= d; l++ {
			for b := model.Duration(0); b <= d; b++ {
				if c == EqualCPU && a != b {
					continue
				}
				t := model.Canonical("", a, l, b)
				if c == Hop {
					t = hopWorkload([]model.Job{{A: a, L: l, B: b}}).Tasks[0]
				}
				out = append(out, t)
			}
		}
	}
	return out
}

// Every vector decoder and enumerator stays inside its class (the rapid
// generators are checked in package pbt).
func TestDecodersAndEnumeratorsStayInTheirClass(t *testing.T) {
	for _, c := range append(append([]*Class(nil), Classes...), LimitedClasses...) {
		w := Quick.Wides[c]
		rng := rand.New(rand.NewPCG(1, 2))
		for range 500 {
			v := make([]int64, c.Width(w))
			for i := range v {
				v[i] = rng.Int64N(int64(w.MaxDur) + 1)
			}
			if x := c.Decode(v, w); !c.Member(x) || x.Validate() != nil {
				t.Fatalf("%s: vector %v decodes to a non-member %s", c.ID, v, model.Marshal(x))
			}
		}
		s := Scope{MinN: 1, MaxN: 3, MaxSteps: 2, MaxDur: 4, MaxTotal: 6}
		Exhaustive(Claim{Class: c, Check: func(_ *Eval, in *Instance) *Failure {
			if !c.Member(in.W) {
				t.Errorf("%s: enumerated a non-member %s", c.ID, model.Marshal(in.W))
			}
			return nil
		}}, s)
	}
}

// Eval's optimum is order.Exhaustive's, and the closed-form path used on
// canonical instances gives the simulator's makespan for every order.
func TestEvalAgreesWithOrderExhaustiveAndTheSimulator(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: 1, MaxTasks: 5, MinSteps: 1, MaxSteps: 4, MaxDur: 20}).Draw(rt, "w")
		if rapid.Bool().Draw(rt, "canonical") {
			w = gen.JobsWorkload(gen.Jobs(1, 5, 20, 1, 20).Draw(rt, "jobs"))
		}
		in := NewInstance(w)
		var e Eval
		_, best := e.Best(in)
		f, err := order.Exhaustive(in.W)
		if err != nil {
			rt.Fatal(err)
		}
		if best != f.Makespan {
			rt.Fatalf("Eval optimum %d, order.Exhaustive %d", best, f.Makespan)
		}
		for r, p := range perms(len(in.W.Tasks)) {
			if m := model.Simulate(in.W, p).Makespan; m != e.All(in)[r] {
				rt.Fatalf("order %v: Eval %d, simulator %d", p, e.All(in)[r], m)
			}
			if rank(p) != r {
				rt.Fatalf("rank(%v) = %d, want %d", p, rank(p), r)
			}
		}
	})
}

// The order of minimality: fewer tasks first, then smaller total, then
// lexicographic.
func TestOrderOfMinimality(t *testing.T) {
	w := func(ts ...model.Task) *Instance { return NewInstance(&model.Workload{Tasks: ts}) }
	c := model.Canonical
	chain := []*Instance{
		w(c("", 9, 9, 9)),
		w(c("", 0, 1, 0), c("", 0, 1, 0)),
		w(c("", 0, 1, 1), c("", 0, 1, 0)),
		w(c("", 1, 1, 0), c("", 0, 1, 0)),
		w(c("", 0, 1, 0), c("", 0, 1, 0), c("", 0, 1, 0)),
	}
	for i := 1; i < len(chain); i++ {
		if Compare(chain[i-1], chain[i]) >= 0 || Compare(chain[i], chain[i-1]) <= 0 {
			t.Errorf("instance %d is not before instance %d", i-1, i)
		}
	}
}

// The adversary is deterministic, its ratios are those of its own
// comparisons (re-simulated), and no order exceeds twice the optimum in any
// class (consistent with any-order-within-2x).
func TestAdversaryIsDeterministicAndGenuine(t *testing.T) {
	b := Quick
	b.Adversary = AdversaryBudget{Restarts: 2, Structured: 1, Steps: 60, MaxN: 5, LargeN: 7, LargeNodes: 5000, MaxDur: 40}
	a1, a2 := Adversary(b), Adversary(b)
	for i, r := range a1 {
		if r.Num != a2[i].Num || r.Den != a2[i].Den || string(model.Marshal(r.Instance.W)) != string(model.Marshal(a2[i].Instance.W)) {
			t.Errorf("%s: two runs differ: %s vs %s", r.Class, r, a2[i])
		}
		if err := Resimulate(r.Failure); err != nil {
			t.Errorf("%s: %v", r, err)
		}
		if c := r.Failure.Comparisons; c[0].Makespan != r.Num || c[1].Makespan != r.Den {
			t.Errorf("%s: comparisons say %d/%d", r, c[0].Makespan, c[1].Makespan)
		}
		if r.Num > 2*r.Den {
			t.Errorf("%s: beyond twice the optimum", r)
		}
	}
}

// The adversary finds the five-quarters family on its own: at the quick
// budget its worst longest-IO-first ratio with equal CPU phases is the
// family's (5N-1)/(4N) for the largest odd N it searches, on a member of
// the family (any c), which proofs/lif-additive-equal-cpu.md shows is the
// worst possible for that N. And no ratio it reports exceeds a proved
// bound: 3/2 for longest-IO-first, longest-tail-first, Mitten's rule and
// their best on canonical jobs (proofs/bounds.md), 2 for every order.
func TestAdversaryFindsTheFiveQuartersFamily(t *testing.T) {
	b := Quick
	N := max(b.Adversary.MaxN, b.Adversary.LargeN)
	if N%2 == 0 {
		N--
	}
	found := false
	for _, r := range Adversary(b) {
		t.Log(r)
		if r.Num > 2*r.Den {
			t.Errorf("%s: beyond twice the optimum", r)
		}
		switch r.Heuristic {
		case "lif", "ltf", "mitten", "best3":
			if jobClass(ClassByID(r.Class)) && 2*r.Num > 3*r.Den {
				t.Errorf("%s: beyond the proved 3/2", r)
			}
		}
		if r.Class != EqualCPU.ID || r.Heuristic != "lif" {
			continue
		}
		found = true
		lif, opt := FiveQuartersValues(N, 1)
		if r.Num*opt != lif*r.Den {
			t.Errorf("%s: want the family's %d/%d at n = %d", r, lif, opt, N)
		}
		if _, ok := fiveQuartersMember(r.Instance.Jobs); !ok {
			t.Errorf("%s: the worst instance %s is not in the five-quarters family", r, model.Marshal(r.Instance.W))
		}
	}
	if !found {
		t.Fatal("the adversary did not search equal-cpu/lif")
	}
}
