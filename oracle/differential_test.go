package oracle_test

// Differential tests: the model against real CPython 3.11 asyncio.
//
// Claim: for every workload W in the workload format and every gather
// order π, model.Simulate(W, π) and CPython (the stock asyncio loop under
// an exact integer-ns virtual clock, doc.go) agree exactly on every task's
// finish time, on the makespan, and on the sequence of CPU segments (task,
// step, start, end). The semantics are those of model/SEMANTICS.md §S2 to §S8.
//
// Method: workloads are drawn with the generators of package internal/gen,
// seeded (rapid's Generator.Example(seed)), so every run checks the same
// cases; Python.Differential sends them to one driver process in pipelined
// batches (thousands per second) and compares them with the model. On a
// mismatch the failing seed is replayed through rapid.Check (rapid.seed =
// that seed), whose first case is the failing one, so that rapid shrinks it
// with single Run calls; the shrunk workload (model.Marshal) and both
// timelines (Diff) are printed. The default run checks a few hundred
// workloads; GATHERORDER_VERIFY=1 (make verify) checks more than 20,000.

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"pgregory.net/rapid"
)

// diffRun checks n cases drawn from g with seeds base, base+1, ... and
// reports the first mismatch, shrunk. extra, if not nil, adds checks of
// its own on each case (it returns "" when they hold).
func diffRun(t *testing.T, p *oracle.Python, g *rapid.Generator[gen.Case], base, n int, extra func(gen.Case, oracle.Result) string) {
	t.Helper()
	cases := make([]gen.Case, n)
	ws := make([]*model.Workload, n)
	orders := make([][]int, n)
	for k := range cases {
		cases[k] = g.Example(base + k)
		ws[k], orders[k] = cases[k].W, cases[k].Order
	}
	began := time.Now()
	a, err := p.Differential(ws, orders)
	if err != nil {
		t.Fatal(err)
	}
	if a.Mismatches > 0 {
		diffShrink(t, p, g, base+a.First, cases[a.First], fmt.Sprintf("model and CPython disagree (%d of %d workloads)", a.Mismatches, n), extra)
	}
	if extra != nil {
		rs, err := p.RunBatch(ws, orders)
		if err != nil {
			t.Fatal(err)
		}
		for k, c := range cases {
			if msg := extra(c, rs[k]); msg != "" {
				diffShrink(t, p, g, base+k, c, msg, extra)
			}
		}
	}
	t.Logf("%d workloads (%d tasks, %d steps, %d CPU segments) match CPython %s (%s) exactly; %v",
		a.Workloads, a.Tasks, a.Steps, a.Segments, p.Version, p.Spawn, time.Since(began).Round(time.Millisecond))
}

// diffReport describes a failing case: the workload, the order by name,
// and both timelines.
func diffReport(c gen.Case, m model.Result, o oracle.Result) string {
	names := make([]string, len(c.Order))
	for k, i := range c.Order {
		names[k] = c.W.Tasks[i].Name
	}
	d := oracle.Diff(c.W, m, o)
	if d == "" {
		d = "(timelines agree; see the message above)\n"
	}
	return fmt.Sprintf("workload: %s\ngather order: %s\n%s", model.Marshal(c.W), strings.Join(names, ", "), d)
}

// diffShrink replays the failing seed through rapid.Check, whose first
// case with rapid.seed = seed is exactly g.Example(seed), so that rapid
// minimises it; each shrink step is one Run. If rapid cannot reproduce the
// failure the unshrunk case is reported as it is. Five checks, not one, so
// that -short (which divides the count by 5) still runs the first.
func diffShrink(t *testing.T, p *oracle.Python, g *rapid.Generator[gen.Case], seed int, c gen.Case, msg string, extra func(gen.Case, oracle.Result) string) {
	t.Helper()
	o, err := p.Run(c.W, c.Order)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed %d: %s (before shrinking):\n%s", seed, msg, diffReport(c, p.Runtime.Simulate(c.W, c.Order), o))
	gen.Check(t, 5, uint64(seed), func(rt *rapid.T) {
		c := g.Draw(rt, "case")
		o, err := p.Run(c.W, c.Order)
		if err != nil {
			rt.Fatal(err)
		}
		m := p.Runtime.Simulate(c.W, c.Order)
		if !oracle.Same(m, o) {
			rt.Fatalf("model and CPython disagree:\n%s", diffReport(c, m, o))
		}
		if extra != nil {
			if msg := extra(c, o); msg != "" {
				rt.Fatalf("%s:\n%s", msg, diffReport(c, m, o))
			}
		}
	})
	t.Fatalf("seed %d: %s; rapid could not reproduce it, so the case above is unshrunk", seed, msg)
}

// Claim: the model reproduces CPython exactly on the whole workload format
// (1 to 8 tasks, 0 to 6 steps each, all three step kinds, zero durations,
// many equal deadlines; gen.AnyCase).
func TestDifferentialModelMatchesCPythonOnAnyWorkload(t *testing.T) {
	diffRun(t, start(t), gen.AnyCase(), 1, verify.Pick(400, 20000), nil)
}

// Claim: the model reproduces CPython exactly when deadlines tie, the case
// decided by CPython's heapq sift order, epoll's FIFO and the rule that
// readers are queued before due timers (model/SEMANTICS.md §S3, §S4).
func TestDifferentialModelMatchesCPythonOnEqualDeadlines(t *testing.T) {
	diffRun(t, start(t), gen.EqualDeadlinesCase(), 1_000_001, verify.Pick(300, 10000), nil)
}

// Claim: on the canonical class cpu A; sleep L; cpu B the model matches
// CPython up to 30 tasks, and CPython's makespan equals the closed form
// (model.ClosedForm, the earliest-release list schedule).
func TestDifferentialCanonicalClassMatchesCPythonUpTo30Tasks(t *testing.T) {
	diffRun(t, start(t), gen.CanonicalCase(true), 2_000_001, verify.Pick(150, 3000), closedForm)
}

// closedForm checks CPython's makespan of a canonical case against the
// closed form.
func closedForm(c gen.Case, o oracle.Result) string {
	jobs := make([]model.Job, len(c.W.Tasks))
	for i, task := range c.W.Tasks {
		jobs[i], _ = model.AsJob(task)
	}
	if cf := model.ClosedForm(jobs, c.Order); cf != o.Makespan {
		return fmt.Sprintf("closed form %d ns but CPython's makespan %d ns", cf, o.Makespan)
	}
	return ""
}

// The shrinking replay is sound only if rapid.Check's first case with
// rapid.seed = s is the batch's case g.Example(s); this checks it.
func TestDifferentialShrinkReplaysTheBatchCase(t *testing.T) {
	for _, g := range []*rapid.Generator[gen.Case]{gen.AnyCase(), gen.EqualDeadlinesCase(), gen.CanonicalCase(true)} {
		for _, seed := range []int{1, 17, 1_000_003} {
			want := g.Example(seed)
			var got *gen.Case
			gen.Check(t, 5, uint64(seed), func(rt *rapid.T) {
				c := g.Draw(rt, "case")
				if got == nil {
					got = &c
				}
			})
			if got == nil || string(model.Marshal(got.W)) != string(model.Marshal(want.W)) || fmt.Sprint(got.Order) != fmt.Sprint(want.Order) {
				t.Fatalf("seed %d: rapid.Check starts from %+v, the batch had %s %v", seed, got, model.Marshal(want.W), want.Order)
			}
		}
	}
}
