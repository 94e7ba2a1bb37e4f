package seed

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"pgregory.net/rapid"
)

// hopTasks is jobs with a hop of zero-time loop turns between each first
// CPU phase and the wait: hops[i] is task i's hop, a non-empty list of io 0
// and sleep 0 steps.
func hopTasks(js []model.Job, hops [][]model.Kind) *model.Workload {
	w := &model.Workload{Unit: model.Nanosecond, Tasks: make([]model.Task, len(js))}
	for i, j := range js {
		steps := []model.Step{{Kind: model.CPU, D: j.A}}
		for _, k := range hops[i] {
			steps = append(steps, model.Step{Kind: k})
		}
		steps = append(steps, model.Step{Kind: model.Sleep, D: j.L}, model.Step{Kind: model.CPU, D: j.B})
		w.Tasks[i] = model.Task{Name: fmt.Sprintf("t%d", i), Steps: steps}
	}
	return w
}

var hopGen = rapid.SliceOfN(rapid.SampledFrom([]model.Kind{model.IO, model.Sleep}), 1, 3)

// waitStarts calls f with the start of every task's main wait (the sleep
// after the hop) in the simulation of w in order p.
func waitStarts(w *model.Workload, r model.Result, f func(task int, start model.Duration)) {
	for _, wt := range r.Waits {
		if wt.Step == len(w.Tasks[wt.Task].Steps)-2 {
			f(wt.Task, wt.Start)
		}
	}
}

// Claim: with a hop, no wait starts before every first CPU phase is over.
// gather queues every child's first step for loop iteration 1, and the loop
// runs exactly the handles queued before the iteration began, so all first
// phases run back to back in iteration 1 and end at ΣA; a hop of at least
// one loop turn defers each wait to a later iteration, so past ΣA. This
// holds for any hops, different per task, and any order.
func TestHopStartsEveryWaitAfterAllFirstPhases(t *testing.T) {
	rapidCheck(t, func(t *rapid.T) {
		js := gen.Jobs(1, 5, 20, 0, 40).Draw(t, "jobs")
		hops := rapid.SliceOfN(hopGen, len(js), len(js)).Draw(t, "hops")
		w := hopTasks(js, hops)
		var sumA model.Duration
		for _, j := range js {
			sumA += j.A
		}
		order.ForEachPerm(len(js), func(p []int) {
			waitStarts(w, model.Simulate(w, p), func(task int, start model.Duration) {
				if start < sumA {
					t.Fatalf("order %v: task %d's wait starts at %d, before ΣA = %d", p, task, start, sumA)
				}
			})
		})
	})
}

// Claim: why the hop removes the order effect. When every task makes the
// same request (the same hop, as in the asker's code), every wait starts
// exactly at ΣA: the hops all end in the same zero-time iteration, before
// any second phase can run. The releases are then ΣA + L_j in every order,
// and the loop never idles while a released task waits, so the makespan
// (the end of the last busy period of the second phases) is the same for
// every gather order. (With different hops per task and L = 0, a task with
// a short hop can run its second phase before a task with a longer hop
// starts its wait, so "exactly at ΣA" needs equal hops or L > 0.)
func TestEqualHopsMakeTheMakespanOrderIndependent(t *testing.T) {
	rapidCheck(t, func(t *rapid.T) {
		js := gen.Jobs(1, 5, 20, 0, 40).Draw(t, "jobs")
		hop := hopGen.Draw(t, "hop")
		hops := make([][]model.Kind, len(js))
		for i := range hops {
			hops[i] = hop
		}
		w := hopTasks(js, hops)
		var sumA model.Duration
		for _, j := range js {
			sumA += j.A
		}
		want := model.Duration(-1)
		order.ForEachPerm(len(js), func(p []int) {
			r := model.Simulate(w, p)
			waitStarts(w, r, func(task int, start model.Duration) {
				if start != sumA {
					t.Fatalf("order %v: task %d's wait starts at %d, not at ΣA = %d", p, task, start, sumA)
				}
			})
			if want < 0 {
				want = r.Makespan
			} else if r.Makespan != want {
				t.Fatalf("order %v: makespan %d, another order gave %d", p, r.Makespan, want)
			}
		})
	})
}

// Claim: with different hops per task (say, one task reuses a pooled
// connection and another opens one), the order still does not matter as
// long as every wait is positive: the hop iterations all happen at ΣA with
// a non-empty ready queue, so the clock cannot move before the last hop
// ends, and no timer is due before ΣA + 1. (With a zero wait it can matter:
// rapid finds A = 0, 0, 0; L = 1, 0, 0; B = 0, 0, 1 with hops "io 0;
// sleep 0" (3 loop turns), "io 0" and "io 0" (2 each): makespan 1 or 2 ns
// by order.)
func TestUnequalHopsWithPositiveWaitsKeepTheMakespanOrderIndependent(t *testing.T) {
	rapidCheck(t, func(t *rapid.T) {
		js := gen.Jobs(1, 5, 20, 1, 40).Draw(t, "jobs")
		hops := rapid.SliceOfN(hopGen, len(js), len(js)).Draw(t, "hops")
		w := hopTasks(js, hops)
		want := model.Duration(-1)
		order.ForEachPerm(len(js), func(p []int) {
			r := model.Simulate(w, p)
			if want < 0 {
				want = r.Makespan
			} else if r.Makespan != want {
				t.Fatalf("order %v: makespan %d, another order gave %d", p, r.Makespan, want)
			}
		})
	})
}

// Without the hop the order matters: the answer's example is 7 s longest
// first and 9 s shortest first, which the naive model reproduces and the
// hop model flattens to 9 s for both.
func TestHopFlattensTheAnswersSevenAgainstNine(t *testing.T) {
	got := map[string][2]model.Duration{}
	for _, s := range Setups() {
		if s.Experiment == "answer-sleep" {
			got[s.Order] = [2]model.Duration{Predict(s, Naive).Makespan, Predict(s, Hop).Makespan}
		}
	}
	sec := model.Duration(1e9)
	if got["longest-first"] != [2]model.Duration{7 * sec, 9 * sec} || got["shortest-first"] != [2]model.Duration{9 * sec, 9 * sec} {
		t.Fatalf("(naive, hop) makespans: %v", got)
	}
}
