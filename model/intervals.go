package model

import (
	"cmp"
	"slices"
)

// TaskState is what a task is doing during an Interval. Between time 0 and
// its finish a task is, at every instant, in exactly one state.
type TaskState string

const (
	// Running: one of the task's CPU steps runs, from its Segment's Start
	// to End. The loop's only thread runs this step and nothing else.
	Running TaskState = "running"
	// Awaiting: the task is suspended in a sleep or io await whose timer or
	// data is not yet due, from its Wait's Start to Due. The thread is free
	// for other tasks.
	Awaiting TaskState = "awaiting"
	// Ready: nothing but the loop keeps the task from running. A task is
	// ready from time 0, when gather queues its first step, until that step
	// starts; and after each await from the moment its timer or data is due
	// (Wait.Due; the await itself for sleep 0) until its next step starts
	// (Wait.Resume). That includes the time until the loop notices: a timer
	// or socket that falls due while a CPU step runs is handled only at the
	// next select, and its callback queues the task's wakeup, which runs one
	// iteration later still.
	Ready TaskState = "ready"
)

// Interval is a stretch [Start, End) of one task's life in one state.
type Interval struct {
	// Task is an index into the workload's tasks.
	Task int
	// Step is an index into the task's steps: the CPU step that runs
	// (Running), or the sleep or io step awaited (Awaiting, and Ready after
	// it). It is -1 for the Ready interval before the task's first step.
	Step       int
	State      TaskState
	Start, End Duration
}

// CPUInterval is a stretch [Start, End) in which the loop's thread is busy
// running CPU steps (of one task or of several back to back) or idle,
// blocked in select because every unfinished task awaits a timer or data
// that is not yet due.
type CPUInterval struct {
	Busy       bool
	Start, End Duration
}

// Timeline is a traced run cut into intervals.
type Timeline struct {
	// Tasks[i] holds task i's intervals in time order. They tile
	// [0, Finish[i]] without gaps or overlaps: each starts where the
	// previous one ends. A task has a Running interval per CPU step, an
	// Awaiting and a Ready interval per await, and a Ready interval before
	// its first step, each where it is not empty (see Intervals).
	Tasks [][]Interval
	// CPU holds the busy and idle intervals in time order. They tile
	// [0, Makespan], and busy and idle alternate: adjacent busy time of
	// steps that run back to back is one interval. The busy time adds up to
	// the workload's total CPU work, so Makespan = CPU work + idle time.
	CPU []CPUInterval
}

// Intervals turns a traced Result into per-task and CPU intervals.
// Intervals of zero length (a CPU step of 0, the Awaiting interval of
// sleep 0, the Ready interval of a task resumed the instant it is due or
// whose first step starts at 0) are left out, so every interval has
// End > Start. r must come from a traced run (Simulate, or
// Sim.Run with trace true); Intervals panics if r has a positive makespan
// but no trace.
func Intervals(r *Result) Timeline {
	if r.Makespan > 0 && len(r.Segments) == 0 && len(r.Waits) == 0 {
		panic("gatherorder/model: Intervals of an untraced Result")
	}
	tl := Timeline{Tasks: make([][]Interval, len(r.Finish))}
	add := func(t, step int, s TaskState, start, end Duration) {
		if end > start {
			tl.Tasks[t] = append(tl.Tasks[t], Interval{t, step, s, start, end})
		}
	}
	// first[t] is when task t's first step starts: at its first CPU step or
	// await, or at its finish if it has no steps.
	first := slices.Clone(r.Finish)
	for _, s := range r.Segments {
		add(s.Task, s.Step, Running, s.Start, s.End)
		first[s.Task] = min(first[s.Task], s.Start)
	}
	for _, w := range r.Waits {
		add(w.Task, w.Step, Awaiting, w.Start, w.Due)
		add(w.Task, w.Step, Ready, w.Due, w.Resume)
		first[w.Task] = min(first[w.Task], w.Start)
	}
	for t := range tl.Tasks {
		add(t, -1, Ready, 0, first[t])
		// A task's non-empty intervals are disjoint, so their starts differ.
		slices.SortFunc(tl.Tasks[t], func(a, b Interval) int { return cmp.Compare(a.Start, b.Start) })
	}

	addCPU := func(busy bool, start, end Duration) {
		if end <= start {
			return
		}
		if k := len(tl.CPU) - 1; k >= 0 && tl.CPU[k].Busy == busy {
			tl.CPU[k].End = end // the previous interval ends at start
			return
		}
		tl.CPU = append(tl.CPU, CPUInterval{busy, start, end})
	}
	var t Duration
	for _, s := range r.Segments { // in execution order: by start, never overlapping
		addCPU(false, t, s.Start)
		addCPU(true, s.Start, s.End)
		t = s.End
	}
	addCPU(false, t, r.Makespan)
	return tl
}
