package model_test

import (
	"cmp"
	"slices"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// checkIntervals runs prop on the timeline of a drawn workload in a drawn
// gather order, for a fixed set of seeded cases.
func checkIntervals(t *testing.T, prop func(t *rapid.T, w *Workload, r *Result, tl Timeline)) {
	gen.Check(t, 1000, 1955, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 6, MaxSteps: 6, MaxDur: 50}).Draw(t, "w")
		r := Simulate(w, gen.Perm(len(w.Tasks)).Draw(t, "order"))
		prop(t, w, &r, Intervals(&r))
	})
}

// Timeline.Tasks: a task's intervals tile [0, its finish], each non-empty
// and starting where the previous one ends; a task finishing at 0 has none.
func TestIntervalsTileEachTasksLife(t *testing.T) {
	checkIntervals(t, func(t *rapid.T, w *Workload, r *Result, tl Timeline) {
		if len(tl.Tasks) != len(w.Tasks) {
			t.Fatalf("%d task rows for %d tasks", len(tl.Tasks), len(w.Tasks))
		}
		for i, ivs := range tl.Tasks {
			var at Duration
			for _, iv := range ivs {
				if iv.Task != i || iv.Start != at || iv.End <= iv.Start {
					t.Fatalf("task %d: interval %+v after %d: a gap, an overlap or empty", i, iv, at)
				}
				at = iv.End
			}
			if at != r.Finish[i] {
				t.Fatalf("task %d: intervals end at %d, finish %d", i, at, r.Finish[i])
			}
		}
	})
}

// stepState identifies a task's interval for one step in one state.
type stepState struct {
	step  int
	state TaskState
}

// Every non-zero step appears exactly once with its own length: a CPU step
// as one Running interval, a sleep or io step as one Awaiting interval; a
// Ready interval follows an await, or comes before the first step. So a
// task's running time is its CPU work and its awaiting time its IOTime.
func TestIntervalsAccountForEveryStep(t *testing.T) {
	checkIntervals(t, func(t *rapid.T, w *Workload, r *Result, tl Timeline) {
		for i, ivs := range tl.Tasks {
			seen := map[stepState]bool{}
			spent := map[TaskState]Duration{}
			for k, iv := range ivs {
				spent[iv.State] += iv.End - iv.Start
				if iv.Step < 0 {
					if k != 0 || iv.State != Ready {
						t.Fatalf("task %d: %+v has no step but is not the first interval, or not ready", i, iv)
					}
					continue
				}
				st := w.Tasks[i].Steps[iv.Step]
				switch iv.State {
				case Running:
					if st.Kind != CPU || iv.End-iv.Start != st.D {
						t.Fatalf("task %d: running %+v for step %v", i, iv, st)
					}
				case Awaiting:
					if st.Kind == CPU || iv.End-iv.Start != st.D {
						t.Fatalf("task %d: awaiting %+v for step %v", i, iv, st)
					}
				case Ready:
					if st.Kind == CPU {
						t.Fatalf("task %d: ready %+v after cpu step %v", i, iv, st)
					}
				default:
					t.Fatalf("task %d: state %v", i, iv.State)
				}
				key := stepState{iv.Step, iv.State}
				if seen[key] {
					t.Fatalf("task %d: two %v intervals for step %d", i, iv.State, iv.Step)
				}
				seen[key] = true
			}
			for j, st := range w.Tasks[i].Steps {
				s := Awaiting
				if st.Kind == CPU {
					s = Running
				}
				if st.D > 0 && !seen[stepState{j, s}] {
					t.Fatalf("task %d: step %d (%v) has no %v interval", i, j, st, s)
				}
				spent[s] -= st.D
			}
			if spent[Running] != 0 || spent[Awaiting] != 0 {
				t.Fatalf("task %d: running %d and awaiting %d more than its steps", i, spent[Running], spent[Awaiting])
			}
		}
	})
}

// Timeline.CPU: busy and idle intervals alternate and tile [0, makespan],
// and the busy time is the total CPU work.
func TestCPUIntervalsTileTheMakespan(t *testing.T) {
	checkIntervals(t, func(t *rapid.T, w *Workload, r *Result, tl Timeline) {
		var work Duration
		for _, tk := range w.Tasks {
			for _, st := range tk.Steps {
				if st.Kind == CPU {
					work += st.D
				}
			}
		}
		var at, busy Duration
		for k, c := range tl.CPU {
			if c.Start != at || c.End <= c.Start || (k > 0 && c.Busy == tl.CPU[k-1].Busy) {
				t.Fatalf("CPU interval %+v after %d: a gap, an overlap, empty or not alternating", c, at)
			}
			if c.Busy {
				busy += c.End - c.Start
			}
			at = c.End
		}
		if at != r.Makespan || busy != work {
			t.Fatalf("CPU intervals end at %d with %d busy; makespan %d, CPU work %d", at, busy, r.Makespan, work)
		}
	})
}

// The loop has one thread: no two tasks run at once, and the CPU is busy
// exactly when some task runs (the Running intervals of all tasks, merged,
// are the busy intervals).
func TestCPUIsBusyExactlyWhenSomeTaskRuns(t *testing.T) {
	checkIntervals(t, func(t *rapid.T, w *Workload, r *Result, tl Timeline) {
		var run []Interval
		for _, ivs := range tl.Tasks {
			for _, iv := range ivs {
				if iv.State == Running {
					run = append(run, iv)
				}
			}
		}
		slices.SortFunc(run, func(a, b Interval) int { return cmp.Compare(a.Start, b.Start) })
		var busy []CPUInterval
		for k, iv := range run {
			if k > 0 && iv.Start < run[k-1].End {
				t.Fatalf("%+v and %+v run at once", run[k-1], iv)
			}
			if m := len(busy) - 1; m >= 0 && busy[m].End == iv.Start {
				busy[m].End = iv.End
				continue
			}
			busy = append(busy, CPUInterval{Busy: true, Start: iv.Start, End: iv.End})
		}
		var want []CPUInterval
		for _, c := range tl.CPU {
			if c.Busy {
				want = append(want, c)
			}
		}
		if !slices.Equal(busy, want) {
			t.Fatalf("running intervals merge to %v, busy intervals are %v", busy, want)
		}
	})
}

// CPUInterval: the loop idles only in select, so while it idles every
// unfinished task awaits; no task is ready or running.
func TestCPUIdlesOnlyWhileEveryTaskAwaits(t *testing.T) {
	checkIntervals(t, func(t *rapid.T, w *Workload, r *Result, tl Timeline) {
		for _, c := range tl.CPU {
			if c.Busy {
				continue
			}
			for _, ivs := range tl.Tasks {
				for _, iv := range ivs {
					if iv.State != Awaiting && iv.Start < c.End && c.Start < iv.End {
						t.Fatalf("%+v during idle %+v", iv, c)
					}
				}
			}
		}
	})
}

// The seed example (cpu 1; sleep 5|3|1; cpu 1), by hand. Longest IO first
// hides every wait but one second; shortest IO first leaves c ready while
// a's first step runs, then idles twice.
func TestIntervalsOfTheSeedExample(t *testing.T) {
	w := &Workload{Tasks: []Task{Canonical("a", 1, 5, 1), Canonical("b", 1, 3, 1), Canonical("c", 1, 1, 1)}}
	for _, tc := range []struct {
		order []int
		tasks [][]Interval
		cpu   []CPUInterval
	}{
		{
			order: []int{0, 1, 2},
			tasks: [][]Interval{
				{{0, 0, Running, 0, 1}, {0, 1, Awaiting, 1, 6}, {0, 2, Running, 6, 7}},
				{{1, -1, Ready, 0, 1}, {1, 0, Running, 1, 2}, {1, 1, Awaiting, 2, 5}, {1, 2, Running, 5, 6}},
				{{2, -1, Ready, 0, 2}, {2, 0, Running, 2, 3}, {2, 1, Awaiting, 3, 4}, {2, 2, Running, 4, 5}},
			},
			cpu: []CPUInterval{{true, 0, 3}, {false, 3, 4}, {true, 4, 7}},
		},
		{
			order: []int{2, 1, 0},
			tasks: [][]Interval{
				{{0, -1, Ready, 0, 2}, {0, 0, Running, 2, 3}, {0, 1, Awaiting, 3, 8}, {0, 2, Running, 8, 9}},
				{{1, -1, Ready, 0, 1}, {1, 0, Running, 1, 2}, {1, 1, Awaiting, 2, 5}, {1, 2, Running, 5, 6}},
				{{2, 0, Running, 0, 1}, {2, 1, Awaiting, 1, 2}, {2, 1, Ready, 2, 3}, {2, 2, Running, 3, 4}},
			},
			cpu: []CPUInterval{{true, 0, 4}, {false, 4, 5}, {true, 5, 6}, {false, 6, 8}, {true, 8, 9}},
		},
	} {
		r := Simulate(w, tc.order)
		tl := Intervals(&r)
		for i := range tc.tasks {
			if !slices.Equal(tl.Tasks[i], tc.tasks[i]) {
				t.Errorf("order %v, task %d:\n got %v\nwant %v", tc.order, i, tl.Tasks[i], tc.tasks[i])
			}
		}
		if !slices.Equal(tl.CPU, tc.cpu) {
			t.Errorf("order %v, CPU:\n got %v\nwant %v", tc.order, tl.CPU, tc.cpu)
		}
	}
}

// Intervals refuses a Result without a trace rather than report every task
// as ready until it finishes.
func TestIntervalsOfAnUntracedResultPanics(t *testing.T) {
	var s Sim
	r := s.Run(&Workload{Tasks: []Task{task("a", cpu(1))}}, nil, false)
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	Intervals(r)
}
