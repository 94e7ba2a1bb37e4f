package main

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// The text form of `simulate`: a summary table (makespan = CPU work + CPU
// idle time for each order), then one ASCII timeline per order, all on
// one time axis so that a shorter gather is visibly shorter.
//
// Every instant of a task's life between time 0 and its finish is in
// exactly one state, read off the simulator's trace by model.Intervals
// (whose doc says precisely when each state begins and ends):
//
//	#  running one of its CPU steps (model.Running);
//	-  awaiting: from the await until its timer or data is due (model.Awaiting);
//	.  ready but not running: queued before its first step, or due but not
//	   yet resumed, because the loop is busy elsewhere or the wakeup hop
//	   has not come round yet (model.Ready).
//
// The bottom row shows the one CPU (model.Timeline's CPU intervals): #
// while some task's CPU step runs, _ while it is idle. Since CPU steps
// never overlap, makespan = total CPU + idle, and the total CPU is the
// same in every order: an order wins exactly by leaving the CPU idle for
// less time.
const (
	chRun   = '#'
	chWait  = '-'
	chReady = '.'
	chIdle  = '_'
	chNone  = ' '
)

// maxColumns bounds the width of the time axis.
const maxColumns = 60

// maxLabel bounds the width of the row labels; longer names are cut
// (the summary and the finish column still identify the task).
const maxLabel = 16

func renderText(w *model.Workload, outs []order.Outcome) []byte {
	u := unitOf(w)
	var b bytes.Buffer
	names := make([]string, len(w.Tasks))
	for i, t := range w.Tasks {
		names[i] = displayName(t.Name)
	}
	var cpu model.Duration
	for _, t := range w.Tasks {
		for _, s := range t.Steps {
			if s.Kind == model.CPU {
				cpu += s.D // cannot overflow: a valid workload's total fits (model.Validate)
			}
		}
	}
	full := listsInFull(names)
	given := order.Identity(len(names))
	if full {
		fmt.Fprintf(&b, "%d %s in gather order %s; times in %s.\n\n",
			len(w.Tasks), plural(len(w.Tasks), "task", "tasks"), listOrNone(names, given, ", "), u)
	} else {
		fmt.Fprintf(&b, "%d tasks in gather order %s; times in %s.\n\n", len(w.Tasks), abridged(names, given, ", "), u)
	}

	writeSummary(&b, w, outs, names, cpu, full)
	b.WriteString("\nmakespan = CPU work + CPU idle. The CPU work is the same in every order;\n" +
		"an order wins by hiding the waits behind other tasks' CPU work.\n")
	if !full {
		writeMoves(&b, outs, names)
		return b.Bytes()
	}

	var horizon model.Duration
	for _, o := range outs {
		horizon = max(horizon, o.Result.Makespan)
	}
	if horizon == 0 {
		fmt.Fprintf(&b, "\nEvery order takes 0 %s: there is no timeline to draw.\n", u)
		return b.Bytes()
	}
	ax := newAxis(horizon, u)
	fmt.Fprintf(&b, "\nTimelines (one column = %s %s; a column shows what filled most of it):\n"+
		"  # CPU work   - awaiting a timer or data   . ready, waiting for the loop   _ CPU idle\n",
		model.Format(ax.step, u), u)
	for i, o := range outs {
		b.WriteString("\n")
		if j := sameOrder(outs[:i], o.Order); j >= 0 {
			// Same order, same simulation: point back rather than repeat.
			fmt.Fprintf(&b, "%s: gather(%s) takes %s %s, the same order as %s (timeline above)\n",
				o.Policy, list(names, o.Order, ", "), model.Format(o.Result.Makespan, u), u, outs[j].Policy)
			continue
		}
		writeChart(&b, o, names, ax)
	}
	return b.Bytes()
}

func writeSummary(b *bytes.Buffer, w *model.Workload, outs []order.Outcome, names []string, cpu model.Duration, full bool) {
	u := unitOf(w)
	best := model.Duration(-1)
	for _, o := range outs {
		if o.Policy == order.Best {
			best = o.Result.Makespan
		}
	}
	var tb bytes.Buffer
	tw := tabwriter.NewWriter(&tb, 0, 0, 2, ' ', 0)
	if full {
		fmt.Fprint(tw, "policy\tgather order\tmakespan\tCPU\tidle")
	} else {
		fmt.Fprint(tw, "policy\tgather order\tmoved\tmakespan\tCPU\tidle")
	}
	if best >= 0 {
		fmt.Fprint(tw, "\tvs best")
	}
	fmt.Fprintln(tw, "\t")
	for _, o := range outs {
		m := o.Result.Makespan
		if full {
			fmt.Fprintf(tw, "%s\t%s", o.Policy, listOrNone(names, o.Order, " "))
		} else {
			fmt.Fprintf(tw, "%s\t%s\t%d", o.Policy, abridged(names, o.Order, " "), len(moved(o.Order)))
		}
		fmt.Fprintf(tw, "\t%s\t%s\t%s", model.Format(m, u), model.Format(cpu, u), model.Format(m-cpu, u))
		if best >= 0 {
			fmt.Fprintf(tw, "\t+%s", model.Format(m-best, u))
		}
		note := ""
		if o.Optimal {
			note = "optimal"
		} else if o.Policy == order.Best {
			note = "search limit hit; optimum >= " + model.Format(o.LowerBound, u) + " (gap " + gapText(m, o.LowerBound) + ")"
		}
		fmt.Fprintf(tw, "\t%s\n", note)
	}
	tw.Flush()
	// tabwriter pads the last column too; trailing blanks help nobody.
	for _, line := range strings.SplitAfter(tb.String(), "\n") {
		b.WriteString(strings.TrimRight(line, " \n"))
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
}

// axis is the common time axis of all charts: cols columns of step model
// time each, covering [0, horizon).
type axis struct {
	unit    model.Unit
	horizon model.Duration
	step    model.Duration
	cols    int
	// tick is the distance between labelled ticks, a multiple of step.
	tick model.Duration
}

// newAxis picks the smallest step of the form {1, 2, 5} x 10^k ns that
// fits horizon in maxColumns columns, so that column boundaries fall on
// round times, and the smallest round tick spacing whose labels do not
// collide.
func newAxis(horizon model.Duration, u model.Unit) axis {
	ax := axis{unit: u, horizon: horizon}
	for _, s := range roundDurations() {
		if ceilDiv(horizon, s) <= maxColumns {
			ax.step = s
			break
		}
	}
	ax.cols = int(ceilDiv(horizon, ax.step))
	for _, t := range roundDurations() {
		if t < ax.step || t%ax.step != 0 {
			continue
		}
		// Every label needs its width plus one space before the next
		// (labels such as 0.005 can be wider than the last one, 0.01).
		room := int(t / ax.step)
		widest := 0
		for k := model.Duration(0); k <= ax.horizon/t; k++ { // ticks() labels 0, t, ... up to the horizon
			widest = max(widest, len(model.Format(k*t, u)))
		}
		if room >= widest+1 {
			ax.tick = t
			break
		}
	}
	return ax
}

// roundDurations lists 1, 2, 5, 10, 20, 50, ... ns up to what int64 holds;
// the last, 5e18 ns, exceeds any horizon / maxColumns.
func roundDurations() []model.Duration {
	var ds []model.Duration
	for p := model.Duration(1); ; p *= 10 {
		ds = append(ds, p, 2*p, 5*p)
		if p > 1e17 {
			return ds
		}
	}
}

func ceilDiv(a, b model.Duration) model.Duration {
	q := a / b
	if a%b != 0 {
		q++
	}
	return q
}

// cell returns the span [start, end) of column c, clipped to the horizon.
func (ax axis) cell(c int) (model.Duration, model.Duration) {
	start := model.Duration(c) * ax.step
	if start > ax.horizon-ax.step { // also avoids overflow near MaxInt64
		return start, ax.horizon
	}
	return start, start + ax.step
}

// ticks is the axis line: a label at every tick, starting at column 0.
func (ax axis) ticks() string {
	var s []byte
	for t := model.Duration(0); ; t += ax.tick {
		c := int(t / ax.step)
		if c > ax.cols {
			break
		}
		for len(s) < c {
			s = append(s, ' ')
		}
		s = append(s, model.Format(t, ax.unit)...)
		if t > ax.horizon-ax.tick { // the next tick is past the end (or overflows)
			break
		}
	}
	return string(s)
}

// span is a stretch of time in one state.
type span struct {
	start, end model.Duration
	ch         byte
}

// states are the row characters in order of precedence when two fill
// equal parts of a column.
var states = [...]byte{chRun, chReady, chWait, chIdle, chNone}

// draw renders spans (in any order, not overlapping) on the axis: each
// column shows the state that fills most of it, ties going to the earlier
// entry of states; time not covered by any span counts as blank.
func (ax axis) draw(spans []span) string {
	fill := make([][len(states)]model.Duration, ax.cols)
	for _, sp := range spans {
		if sp.end <= sp.start {
			continue
		}
		k := bytes.IndexByte(states[:], sp.ch)
		for c := int(sp.start / ax.step); c < ax.cols; c++ {
			cs, ce := ax.cell(c)
			if cs >= sp.end {
				break
			}
			fill[c][k] += min(ce, sp.end) - max(cs, sp.start)
		}
	}
	row := make([]byte, ax.cols)
	for c := range row {
		cs, ce := ax.cell(c)
		f := &fill[c]
		var covered model.Duration
		for _, d := range f {
			covered += d
		}
		f[len(states)-1] += (ce - cs) - covered
		best := 0
		for k := range f {
			if f[k] > f[best] {
				best = k
			}
		}
		row[c] = states[best]
	}
	return strings.TrimRight(string(row), " ")
}

// stateChars are the row characters of the task states.
var stateChars = map[model.TaskState]byte{model.Running: chRun, model.Awaiting: chWait, model.Ready: chReady}

// taskSpans is each task's row: its intervals from time 0 to its finish.
func taskSpans(r *model.Result) [][]span {
	tl := model.Intervals(r)
	sp := make([][]span, len(tl.Tasks))
	for t, ivs := range tl.Tasks {
		for _, iv := range ivs {
			sp[t] = append(sp[t], span{iv.Start, iv.End, stateChars[iv.State]})
		}
	}
	return sp
}

// cpuSpans is the CPU row: busy or idle up to the makespan.
func cpuSpans(r *model.Result) []span {
	var sp []span
	for _, c := range model.Intervals(r).CPU {
		ch := byte(chIdle)
		if c.Busy {
			ch = chRun
		}
		sp = append(sp, span{c.Start, c.End, ch})
	}
	return sp
}

func writeChart(b *bytes.Buffer, o order.Outcome, names []string, ax axis) {
	u := ax.unit
	r := &o.Result
	fmt.Fprintf(b, "%s: gather(%s) takes %s %s\n", o.Policy, list(names, o.Order, ", "), model.Format(r.Makespan, u), u)
	const cpuLabel, timeLabel = "(cpu)", "time"
	width := max(len(cpuLabel), len(timeLabel))
	labels := make([]string, len(names))
	for i, n := range names {
		labels[i] = cut(n, maxLabel)
		width = max(width, utf8.RuneCountInString(labels[i]))
	}
	axisLine := ax.ticks()
	finishCol := max(len(axisLine), ax.cols) + 2
	fmt.Fprintf(b, "  %s  %s%s%s\n", pad(timeLabel, width), axisLine, strings.Repeat(" ", finishCol-len(axisLine)), "finish")
	// Rows in gather order, so the first-phase staircase reads top-down.
	spans := taskSpans(r)
	for _, t := range o.Order {
		row := ax.draw(spans[t])
		fmt.Fprintf(b, "  %s  %s%s%s\n", pad(labels[t], width), row,
			strings.Repeat(" ", finishCol-len(row)), model.Format(r.Finish[t], u))
	}
	fmt.Fprintf(b, "  %s  %s\n", pad(cpuLabel, width), ax.draw(cpuSpans(r)))
}

// sameOrder returns the index of the first outcome with order ord, or -1.
func sameOrder(outs []order.Outcome, ord []int) int {
	for j, o := range outs {
		if slices.Equal(o.Order, ord) {
			return j
		}
	}
	return -1
}

// displayName shows a task name as is when it is a plain word, else
// quoted, so that lists and rows stay unambiguous whatever the name.
func displayName(name string) string {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_-.:/+", r) {
			return strconv.Quote(name)
		}
	}
	return name
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "~"
}

func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}

func list(names []string, ord []int, sep string) string {
	parts := make([]string, len(ord))
	for k, t := range ord {
		parts[k] = names[t]
	}
	return strings.Join(parts, sep)
}

func listOrNone(names []string, ord []int, sep string) string {
	if len(ord) == 0 {
		return "(none)"
	}
	return list(names, ord, sep)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// maxListWidth is the widest gather order the text lists in full, as
// "a, b, c". Wider orders are abridged to their first and last tasks with
// the number of tasks they move, and their timelines (a row per task) are
// left out.
const maxListWidth = 72

// listsInFull reports whether orders of these tasks fit maxListWidth.
func listsInFull(names []string) bool {
	width := 0
	for _, n := range names {
		width += utf8.RuneCountInString(n) + 2
		if width > maxListWidth+2 {
			return false
		}
	}
	return true
}

// drawable reports whether the text form of w lists orders in full and
// draws timelines, which need the simulator's trace.
func drawable(w *model.Workload) bool {
	names := make([]string, len(w.Tasks))
	for i, t := range w.Tasks {
		names[i] = displayName(t.Name)
	}
	return listsInFull(names)
}

// abridged shows an order too long to list by its first three and its last
// task.
func abridged(names []string, ord []int, sep string) string {
	if len(ord) <= 4 {
		return list(names, ord, sep)
	}
	return list(names, ord[:3], sep) + sep + "..." + sep + names[ord[len(ord)-1]]
}

// moved lists the gather positions whose task is not the given order's.
func moved(ord []int) []int {
	var ks []int
	for k, t := range ord {
		if t != k {
			ks = append(ks, k)
		}
	}
	return ks
}

// maxMovesListed is the most moved tasks writeMoves names one by one.
const maxMovesListed = 8

// writeMoves explains the abridged orders: which tasks each order moves
// when they are few, and that --json lists every order in full.
func writeMoves(b *bytes.Buffer, outs []order.Outcome, names []string) {
	fmt.Fprintf(b, "\nThe orders of %d tasks are abridged to their first three and last tasks;\n"+
		"moved counts the tasks at another position than in the given order.\n", len(names))
	for _, o := range outs {
		ks := moved(o.Order)
		if len(ks) == 0 || len(ks) > maxMovesListed {
			continue
		}
		parts := make([]string, len(ks))
		for i, k := range ks {
			parts[i] = fmt.Sprintf("%s to position %d", names[o.Order[k]], k+1)
		}
		fmt.Fprintf(b, "%s moves %s.\n", o.Policy, strings.Join(parts, ", "))
	}
	b.WriteString("--json prints every order in full. Timelines are drawn only for orders\n" +
		"listed in full, so none is drawn here.\n")
}
