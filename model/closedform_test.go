package model_test

import (
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// The model-to-formula bridge: on canonical workloads (L > 0) the simulated
// makespan equals the closed form, for every order.
func TestClosedFormMatchesSimulator(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(0, 9, 20, 1, 30).Draw(t, "jobs")
		order := gen.Perm(len(js)).Draw(t, "order")
		w := gen.JobsWorkload(js)
		if got, want := ClosedForm(js, order), Simulate(w, order).Makespan; got != want {
			t.Fatalf("ClosedForm = %d, simulator = %d", got, want)
		}
	})
}

// With distinct releases the loop runs second phases in release order, so
// every finish time (not only the makespan) follows the closed form's list
// schedule. With equal releases, tied tasks leave the timer heap in
// CPython's heapq order and their finishes may differ from any fixed rule.
func TestClosedFormFinishesWithDistinctReleases(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(1, 8, 20, 1, 30).Draw(t, "jobs")
		order := gen.Perm(len(js)).Draw(t, "order")
		r := Simulate(gen.JobsWorkload(js), order)
		fin, distinct := listSchedule(js, order)
		if !distinct {
			t.Skip("tied releases")
		}
		for i := range js {
			if r.Finish[i] != fin[i] {
				t.Fatalf("task %d finishes at %d, closed form says %d", i, r.Finish[i], fin[i])
			}
		}
	})
}

// listSchedule is the closed form with per-job finish times, written
// independently of ClosedForm (quadratic, by repeated minimum).
func listSchedule(js []Job, order []int) (fin []Duration, distinct bool) {
	n := len(js)
	rel := make([]Duration, n)
	var s Duration
	for _, j := range order {
		s += js[j].A
		rel[j] = s + js[j].L
	}
	fin = make([]Duration, n)
	done := make([]bool, n)
	t := s
	distinct = true
	for range n {
		best := -1
		for j := range n {
			if done[j] {
				continue
			}
			if best >= 0 && rel[j] == rel[best] {
				distinct = false
			}
			if best < 0 || rel[j] < rel[best] {
				best = j
			}
		}
		done[best] = true
		t = max(t, rel[best]) + js[best].B
		fin[best] = t
	}
	return fin, distinct
}

// The class boundary, part 1: with sleep 0 (no timer: the task re-queues
// itself and its second phase runs in iteration 2, before any timer task)
// or with io instead of sleep (selector events are processed before timers),
// the second phases run in another order but the loop still never idles, so
// the makespan still equals the closed form.
func TestClosedFormMakespanSurvivesSleepZeroAndIO(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		js := gen.Jobs(0, 8, 20, 0, 30).Draw(t, "jobs")
		order := gen.Perm(len(js)).Draw(t, "order")
		w := gen.JobsWorkload(js)
		for i := range w.Tasks {
			if rapid.Bool().Draw(t, "io") {
				w.Tasks[i].Steps[1].Kind = IO
			}
		}
		if got, want := ClosedForm(js, order), Simulate(w, order).Makespan; got != want {
			t.Fatalf("ClosedForm = %d, simulator = %d on %s", got, want, Marshal(w))
		}
	})
}

// The class boundary, part 2: an extra loop turn before the wait (io 0,
// then sleep L) is outside the class: every wait then starts at ΣA in
// iteration 3, whatever the order, and the closed form no longer applies.
func TestClosedFormDoesNotCoverHops(t *testing.T) {
	js := []Job{{1, 5, 1}, {1, 3, 1}, {1, 1, 1}}
	w := gen.JobsWorkload(js)
	for i := range w.Tasks {
		s := w.Tasks[i].Steps
		w.Tasks[i].Steps = []Step{s[0], {IO, 0}, s[1], s[2]}
	}
	order := []int{0, 1, 2} // longest IO first: 7 without the hop, 9 with it
	if cf, sim := ClosedForm(js, order), Simulate(w, order).Makespan; cf == sim {
		t.Fatalf("closed form %d equals the hop workload's makespan %d; the example no longer shows the boundary", cf, sim)
	}
}

func TestClosedFormDoesNotAllocate(t *testing.T) {
	js := []Job{{1e9, 5e9, 1e9}, {1e9, 3e9, 1e9}, {1e9, 1e9, 1e9}}
	order := []int{2, 1, 0}
	if a := testing.AllocsPerRun(100, func() { ClosedForm(js, order) }); a != 0 {
		t.Fatalf("ClosedForm allocates %v times per call", a)
	}
}
