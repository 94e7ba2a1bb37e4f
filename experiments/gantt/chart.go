package gantt

import (
	"cmp"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// Chart is one traced run of a workload gathered in one order.
type Chart struct {
	// Title is printed above the chart.
	Title string
	W     *model.Workload
	// Order is the gather order: Order[k] is the index into W.Tasks of the
	// k-th argument of gather.
	Order []int
	// R is the traced result of model.Simulate(W, Order).
	R model.Result
}

// New simulates w in order ord (nil: the given order) with a trace and
// returns its chart. w must be valid (model.Workload.Validate).
func New(title string, w *model.Workload, ord []int) Chart {
	if ord == nil {
		ord = make([]int, len(w.Tasks))
		for i := range ord {
			ord[i] = i
		}
	}
	return Chart{Title: title, W: w, Order: slices.Clone(ord), R: model.Simulate(w, ord)}
}

// BarKind is what a bar of a chart stands for.
type BarKind string

// The kinds of bars. Task rows hold CPU, Wait and Ready bars; the CPU row
// holds Busy and Idle bars.
const (
	CPU   BarKind = "cpu"   // a CPU step of the task (model.Segment)
	Wait  BarKind = "wait"  // an await, from its start until its timer or data is due
	Ready BarKind = "ready" // from due until the task resumed
	Busy  BarKind = "busy"  // the loop's thread runs some task's CPU step
	Idle  BarKind = "idle"  // the loop's thread runs nothing: every task awaits
)

// Bar is one interval of a chart. Row 0 is the first task in gather order
// and row len(Order) is the CPU row.
type Bar struct {
	Row        int
	Kind       BarKind
	Task, Step int // index into W.Tasks and into its steps; -1 on the CPU row
	// Await is the kind of await of a Wait or Ready bar ("sleep" or "io").
	Await      string
	Start, End model.Duration
}

// Bars returns the chart's bars, task rows first in gather order (within a
// row by start time), then the CPU row. Zero-length bars are omitted: they
// cannot be seen, and a CPU step of length 0 neither busies nor idles the
// CPU. The busy and idle bars partition [0, makespan].
func (c Chart) Bars() []Bar {
	row := make([]int, len(c.W.Tasks))
	for k, t := range c.Order {
		row[t] = k
	}
	var bars []Bar
	for _, s := range c.R.Segments {
		if s.End > s.Start {
			bars = append(bars, Bar{Row: row[s.Task], Kind: CPU, Task: s.Task, Step: s.Step, Start: s.Start, End: s.End})
		}
	}
	for _, w := range c.R.Waits {
		k := w.Kind.String()
		if w.Due > w.Start {
			bars = append(bars, Bar{Row: row[w.Task], Kind: Wait, Task: w.Task, Step: w.Step, Await: k, Start: w.Start, End: w.Due})
		}
		if w.Resume > w.Due {
			bars = append(bars, Bar{Row: row[w.Task], Kind: Ready, Task: w.Task, Step: w.Step, Await: k, Start: w.Due, End: w.Resume})
		}
	}
	slices.SortStableFunc(bars, func(a, b Bar) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return cmp.Compare(a.Start, b.Start)
	})
	return append(bars, c.cpuRow()...)
}

// cpuRow is the busy/idle partition of [0, makespan]. The loop has one
// thread, so CPU segments never overlap; merging adjacent ones gives the
// busy intervals, and the gaps are the idle time.
func (c Chart) cpuRow() []Bar {
	segs := slices.Clone(c.R.Segments)
	slices.SortStableFunc(segs, func(a, b model.Segment) int { return cmp.Compare(a.Start, b.Start) })
	n := len(c.Order)
	var bars []Bar
	var t model.Duration
	add := func(k BarKind, s, e model.Duration) {
		if e <= s {
			return
		}
		if m := len(bars) - 1; m >= 0 && bars[m].Kind == k && bars[m].End == s {
			bars[m].End = e
			return
		}
		bars = append(bars, Bar{Row: n, Kind: k, Task: -1, Step: -1, Start: s, End: e})
	}
	for _, s := range segs {
		add(Idle, t, s.Start)
		add(Busy, s.Start, s.End)
		t = max(t, s.End)
	}
	add(Idle, t, c.R.Makespan)
	return bars
}

// IdleTime is the total time the loop's thread ran no CPU step before the
// makespan.
func (c Chart) IdleTime() model.Duration {
	var d model.Duration
	for _, b := range c.cpuRow() {
		if b.Kind == Idle {
			d += b.End - b.Start
		}
	}
	return d
}
