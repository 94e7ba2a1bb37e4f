package gantt

import (
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
	CPU   BarKind = "cpu"   // a CPU step of the task (model.Running)
	Wait  BarKind = "wait"  // an await, from its start until its timer or data is due (model.Awaiting)
	Ready BarKind = "ready" // from due until the task resumed (model.Ready)
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

// barKinds are the kinds of the task bars by task state.
var barKinds = map[model.TaskState]BarKind{model.Running: CPU, model.Awaiting: Wait, model.Ready: Ready}

// Bars returns the chart's bars, task rows first in gather order (within a
// row by start time), then the CPU row. They are the intervals of
// model.Intervals, less each task's ready time before its first step,
// which is left blank. Zero-length bars are omitted: they cannot be seen,
// and a CPU step of length 0 neither busies nor idles the CPU. The busy
// and idle bars partition [0, makespan].
func (c Chart) Bars() []Bar {
	tl := model.Intervals(&c.R)
	var bars []Bar
	for row, t := range c.Order {
		for _, iv := range tl.Tasks[t] {
			if iv.Step < 0 {
				continue
			}
			b := Bar{Row: row, Kind: barKinds[iv.State], Task: t, Step: iv.Step, Start: iv.Start, End: iv.End}
			if iv.State != model.Running {
				b.Await = c.W.Tasks[t].Steps[iv.Step].Kind.String()
			}
			bars = append(bars, b)
		}
	}
	return append(bars, c.cpuRow()...)
}

// cpuRow is the busy/idle partition of [0, makespan] (model.Timeline's
// CPU intervals).
func (c Chart) cpuRow() []Bar {
	var bars []Bar
	for _, iv := range model.Intervals(&c.R).CPU {
		k := Idle
		if iv.Busy {
			k = Busy
		}
		bars = append(bars, Bar{Row: len(c.Order), Kind: k, Task: -1, Step: -1, Start: iv.Start, End: iv.End})
	}
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
