package proofs_test

// Checks of proofs/model-to-formula.md: the simulator's makespan on
// canonical workloads equals the closed form. Each lemma is checked on the
// simulator's trace (model.Simulate(...).Segments and .Waits), against
// quantities computed here from the jobs alone, so a simulator that broke
// a lemma would fail its check even where the makespan happened to agree.

import (
	"fmt"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// canonicalDomains is the exhaustive domain of the model-to-formula checks:
// every multiset of jobs in each box, in every gather order.
func canonicalDomains() []box {
	if verify.On() {
		return []box{
			{MinN: 1, MaxN: 4, MaxA: 2, MaxB: 2, MinL: 1, MaxL: 4},
			{MinN: 5, MaxN: 5, MaxA: 1, MaxB: 1, MinL: 1, MaxL: 3},
		}
	}
	return []box{
		{MinN: 1, MaxN: 3, MaxA: 2, MaxB: 2, MinL: 1, MaxL: 4},
		{MinN: 4, MaxN: 4, MaxA: 1, MaxB: 1, MinL: 1, MaxL: 3},
	}
}

// traceCheck returns "" if the trace r of jobs js gathered in order p has
// the property, else what is wrong.
type traceCheck func(js []model.Job, p []int, r *model.Result) string

// sweep runs check on every instance of the exhaustive domain and every
// order, then on random instances beyond it (n up to 9, durations up to
// 10^6 with frequent ties), failing with the first violation.
func sweep(t *testing.T, check traceCheck) {
	t.Helper()
	total := 0
	for _, b := range canonicalDomains() {
		orders := 0
		fail := ""
		n := b.each(func(js []model.Job) {
			if fail != "" {
				return
			}
			w := workload(js)
			forEachOrder(len(js), func(p []int) {
				if fail != "" {
					return
				}
				orders++
				r := model.Simulate(w, p)
				if msg := check(js, p, &r); msg != "" {
					fail = fmt.Sprintf("jobs %v, order %v: %s", js, p, msg)
				}
			})
		})
		if fail != "" {
			t.Fatalf("exhaustive (%s): %s", b, fail)
		}
		t.Logf("exhaustive: %s: %d instances, %d (instance, order) pairs, 0 violations", b, n, orders)
		total += orders
	}
	checks := 2000
	if verify.On() {
		checks = 50000
	}
	rapidCheck(t, checks, func(rt *rapid.T) {
		js := gen.Jobs(1, 9, 1_000_000, 1, 1_000_000).Draw(rt, "jobs")
		p := gen.Perm(len(js)).Draw(rt, "order")
		r := model.Simulate(workload(js), p)
		if msg := check(js, p, &r); msg != "" {
			rt.Fatalf("jobs %v, order %v: %s", js, p, msg)
		}
	})
}

// secondPhase returns each task's second-phase segment (step 2) and wait.
func phases(r *model.Result, n int) (seg2 []model.Segment, wait []model.Wait, ok bool) {
	seg2 = make([]model.Segment, n)
	wait = make([]model.Wait, n)
	seen := make([]int, n)
	for _, s := range r.Segments {
		if s.Step == 2 {
			seg2[s.Task] = s
			seen[s.Task]++
		}
	}
	for _, w := range r.Waits {
		wait[w.Task] = w
		seen[w.Task] += 10
	}
	for _, c := range seen {
		if c != 11 {
			return nil, nil, false
		}
	}
	return seg2, wait, true
}

// covered reports whether [a, b) lies inside the union of the segments'
// intervals [Start, End).
func covered(segs []model.Segment, a, b model.Duration) bool {
	iv := make([][2]model.Duration, 0, len(segs))
	for _, s := range segs {
		if s.End > s.Start {
			iv = append(iv, [2]model.Duration{s.Start, s.End})
		}
	}
	slices.SortFunc(iv, func(x, y [2]model.Duration) int { return int(x[0] - y[0]) })
	for _, x := range iv {
		if a >= b {
			break
		}
		if x[0] > a {
			return false
		}
		a = max(a, x[1])
	}
	return a >= b
}

// L1: the first phases run back to back in iteration 1, in gather order,
// from time 0; the job at position k starts its wait at S_k + A and its
// wait is due at r = S_k + A + L.
func TestL1FirstPhasesRunBackToBackInIteration1(t *testing.T) { sweep(t, checkL1) }

func checkL1(js []model.Job, p []int, r *model.Result) string {
	var first []model.Segment
	for _, s := range r.Segments {
		if s.Iter == 1 {
			first = append(first, s)
		} else if s.Step == 0 {
			return fmt.Sprintf("first phase of task %d runs in iteration %d", s.Task, s.Iter)
		}
	}
	if len(first) != len(p) {
		return fmt.Sprintf("%d segments in iteration 1, want %d", len(first), len(p))
	}
	rel, _ := releases(js, p)
	var s model.Duration
	for k, j := range p {
		g := first[k]
		if g.Task != j || g.Step != 0 || g.Start != s || g.End != s+js[j].A {
			return fmt.Sprintf("iteration-1 segment %d is %+v, want task %d step 0 over [%d,%d)", k, g, j, s, s+js[j].A)
		}
		s += js[j].A
	}
	_, wait, ok := phases(r, len(js))
	if !ok {
		return "trace lacks a wait or a second phase"
	}
	for j := range js {
		if wait[j].Start != rel[j]-js[j].L || wait[j].Due != rel[j] {
			return fmt.Sprintf("task %d waits over [%d, due %d], want [%d, due %d]", j, wait[j].Start, wait[j].Due, rel[j]-js[j].L, rel[j])
		}
	}
	return ""
}

// L2: work conservation after ΣA. No second phase starts before T = ΣA,
// each starts when its task resumes, and between max(T, r_j) and the start
// of job j's second phase the CPU is busy with other segments: the
// one-iteration wakeup hop never leaves the CPU idle while a task is due.
func TestL2LoopNeverIdlesWhileASecondPhaseIsDue(t *testing.T) { sweep(t, checkL2) }

func checkL2(js []model.Job, p []int, r *model.Result) string {
	seg2, wait, ok := phases(r, len(js))
	if !ok {
		return "trace lacks a wait or a second phase"
	}
	_, T := releases(js, p)
	for j := range js {
		s := seg2[j]
		if s.Start < T {
			return fmt.Sprintf("task %d starts its second phase at %d < ΣA = %d", j, s.Start, T)
		}
		if s.Start != wait[j].Resume || s.Start < wait[j].Due {
			return fmt.Sprintf("task %d: second phase at %d, wait due %d, resumed %d", j, s.Start, wait[j].Due, wait[j].Resume)
		}
		if a := max(T, wait[j].Due); !covered(r.Segments, a, s.Start) {
			return fmt.Sprintf("task %d is due from %d but starts at %d and the CPU idles in between", j, a, s.Start)
		}
	}
	return ""
}

// L4: the loop runs second phases in release order (ties in heapq order,
// which L3 makes irrelevant to the makespan).
func TestL4SecondPhasesRunInReleaseOrder(t *testing.T) { sweep(t, checkL4) }

func checkL4(js []model.Job, p []int, r *model.Result) string {
	_, wait, ok := phases(r, len(js))
	if !ok {
		return "trace lacks a wait or a second phase"
	}
	prev := model.Duration(-1)
	for _, s := range r.Segments {
		if s.Step != 2 {
			continue
		}
		if d := wait[s.Task].Due; d < prev {
			return fmt.Sprintf("task %d (due %d) runs its second phase after a task due at %d", s.Task, d, prev)
		} else {
			prev = d
		}
	}
	return ""
}

// The theorem: the simulated makespan equals model.ClosedForm and equals
// the busy-period formula applied to the releases read off the trace.
func TestSimulatorMakespanEqualsClosedForm(t *testing.T) { sweep(t, checkMakespan) }

func checkMakespan(js []model.Job, p []int, r *model.Result) string {
	_, wait, ok := phases(r, len(js))
	if !ok {
		return "trace lacks a wait or a second phase"
	}
	rel := make([]model.Duration, len(js))
	b := make([]model.Duration, len(js))
	var T model.Duration
	for j := range js {
		rel[j], b[j] = wait[j].Due, js[j].B
		T += js[j].A
	}
	cf, bp := model.ClosedForm(js, p), busyPeriod(rel, b, T)
	if r.Makespan != cf || r.Makespan != bp {
		return fmt.Sprintf("simulated %d, ClosedForm %d, busy-period formula %d", r.Makespan, cf, bp)
	}
	return ""
}
