package model_test

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

func task(name string, steps ...Step) Task { return Task{Name: name, Steps: steps} }
func cpu(d Duration) Step                  { return Step{CPU, d} }
func sleep(d Duration) Step                { return Step{Sleep, d} }
func io(d Duration) Step                   { return Step{IO, d} }

// Reference: model/SEMANTICS.md §S2: gather queues the children's first
// steps in argument order, and iteration 1 runs them back to back.
func TestFirstStepsRunBackToBackInArgumentOrder(t *testing.T) {
	w := &Workload{Tasks: []Task{task("a", cpu(3)), task("b", cpu(1)), task("c")}}
	r := Simulate(w, []int{1, 2, 0})
	if fmt.Sprint(r.Finish) != "[4 1 1]" || r.Iterations != 1 {
		t.Fatalf("finish %v in %d iterations; want [4 1 1] in 1", r.Finish, r.Iterations)
	}
}

// Reference: model/SEMANTICS.md §S6: after sleep(d), d > 0, the task
// resumes in the iteration after the one that pops its timer.
func TestSleepResumesOneIterationAfterTheTimer(t *testing.T) {
	w := &Workload{Tasks: []Task{task("a", sleep(5), cpu(1))}}
	r := Simulate(w, nil)
	// 1: first step arms the timer; 2: select waits to 5, timer callback;
	// 3: the task's wakeup runs its cpu.
	if r.Finish[0] != 6 || r.Iterations != 3 || r.Segments[0].Iter != 3 {
		t.Fatalf("finish %d after %d iterations (cpu in iteration %d); want 6 after 3 (in 3)", r.Finish[0], r.Iterations, r.Segments[0].Iter)
	}
}

// Reference: model/SEMANTICS.md §S6: sleep(0) arms no timer; the task
// queues its own next step and resumes in the next iteration.
func TestSleepZeroIsOneIteration(t *testing.T) {
	w := &Workload{Tasks: []Task{task("a", sleep(0), cpu(1))}}
	if r := Simulate(w, nil); r.Iterations != 2 || r.Finish[0] != 1 {
		t.Fatalf("finish %d after %d iterations; want 1 after 2", r.Finish[0], r.Iterations)
	}
}

// Reference: model/SEMANTICS.md §S7: even io 0 costs loop turns. The read
// attempt fails, the selector reports the socket at the next select
// (iteration 2), the reader callback completes the future, and the task
// resumes in iteration 3.
func TestIOZeroCostsTwoLoopTurns(t *testing.T) {
	w := &Workload{Tasks: []Task{task("a", cpu(1), io(0), cpu(1))}}
	if r := Simulate(w, nil); r.Iterations != 3 || r.Finish[0] != 2 {
		t.Fatalf("finish %d after %d iterations; want 2 after 3", r.Finish[0], r.Iterations)
	}
}

// Reference: model/SEMANTICS.md §S3: socket events (step 3) are queued
// before due timers (step 4), so a socket and a timer due at the same
// instant wake the io task first, even though the timer task was gathered
// first.
func TestSelectorEventsBeforeTimers(t *testing.T) {
	w := &Workload{Tasks: []Task{task("t", sleep(2), cpu(10)), task("s", io(2), cpu(10))}}
	if r := Simulate(w, nil); fmt.Sprint(r.Finish) != "[22 12]" {
		t.Fatalf("finish %v, want [22 12] (io task first)", r.Finish)
	}
}

// Reference: model/SEMANTICS.md §S3, step 5 (ntodo): handles queued while
// a batch runs wait for the next iteration, even with zero durations.
func TestHandlesQueuedDuringABatchWait(t *testing.T) {
	// a yields twice; b yields once then works. Iteration 2 runs a's and
	// b's second steps; a's third step waits for iteration 3, after b's cpu.
	w := &Workload{Tasks: []Task{task("a", sleep(0), sleep(0), cpu(1)), task("b", sleep(0), cpu(5))}}
	if r := Simulate(w, nil); fmt.Sprint(r.Finish) != "[6 5]" {
		t.Fatalf("finish %v, want [6 5]", r.Finish)
	}
}

// Reference: model/SEMANTICS.md §S4: equal deadlines leave in the order of
// CPython's heapq algorithm, so four tasks whose timers all expire at 1
// resume in heap order 0,2,1,3.
func TestEqualDeadlinesResumeInHeapqOrder(t *testing.T) {
	w := &Workload{}
	for i := range 4 {
		w.Tasks = append(w.Tasks, task(fmt.Sprint(i), sleep(1), cpu(1)))
	}
	r := Simulate(w, nil)
	if fmt.Sprint(r.Finish) != "[2 4 3 5]" {
		t.Fatalf("finish %v, want [2 4 3 5] (resume order 0,2,1,3)", r.Finish)
	}
}

// Reference: model/SEMANTICS.md §S3, step 1: the select timeout is capped
// at 24 hours, so a 2-day sleep takes one extra, empty iteration but
// finishes on time.
func TestSelectTimeoutCap(t *testing.T) {
	w := &Workload{Tasks: []Task{task("a", sleep(2*86400e9), cpu(1))}}
	r := Simulate(w, nil)
	if r.Finish[0] != 2*86400e9+1 || r.Iterations != 4 {
		t.Fatalf("finish %d after %d iterations", r.Finish[0], r.Iterations)
	}
}

// The reusable Sim and the traced Simulate agree, and the trace accounts
// for every CPU step exactly once with its duration.
func TestTraceIsComplete(t *testing.T) {
	var s Sim
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 6, MaxSteps: 6, MaxDur: 50}).Draw(t, "w")
		order := gen.Perm(len(w.Tasks)).Draw(t, "order")
		full := Simulate(w, order)
		fast := s.Run(w, order, false)
		if fast.Makespan != full.Makespan || fmt.Sprint(fast.Finish) != fmt.Sprint(full.Finish) {
			t.Fatalf("untraced run differs: %v vs %v", fast.Finish, full.Finish)
		}
		ncpu := 0
		for _, tk := range w.Tasks {
			for _, st := range tk.Steps {
				if st.Kind == CPU {
					ncpu++
				}
			}
		}
		if len(full.Segments) != ncpu {
			t.Fatalf("%d segments for %d cpu steps", len(full.Segments), ncpu)
		}
		var last Duration
		for _, sg := range full.Segments {
			if sg.Start < last || sg.End-sg.Start != w.Tasks[sg.Task].Steps[sg.Step].D {
				t.Fatalf("segment %+v overlaps or has the wrong length", sg)
			}
			last = sg.End
		}
		for _, wt := range full.Waits {
			if wt.Resume < wt.Due {
				t.Fatalf("wait %+v resumes before it is due", wt)
			}
		}
	})
}
