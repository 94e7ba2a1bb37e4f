package oracle

import (
	"fmt"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// Same reports whether the model and CPython agree exactly: every task's
// finish time, the makespan, and the CPU segments (task, step, start, end)
// in execution order. Iterations are not compared: the model omits
// zero-cost bookkeeping iterations by design (model/SEMANTICS.md §S8).
func Same(m model.Result, o Result) bool {
	if m.Makespan != o.Makespan || len(m.Finish) != len(o.Finish) || len(m.Segments) != len(o.Segments) {
		return false
	}
	for i := range m.Finish {
		if m.Finish[i] != o.Finish[i] {
			return false
		}
	}
	for i := range m.Segments {
		if !sameSeg(m.Segments[i], o.Segments[i]) {
			return false
		}
	}
	return true
}

func sameSeg(a, b model.Segment) bool {
	return a.Task == b.Task && a.Step == b.Step && a.Start == b.Start && a.End == b.End
}

// Diff returns "" if Same(m, o), and otherwise both outcomes side by side
// for a mismatch message: the finish times, the makespan, then one line per
// CPU segment in execution order, model on the left, CPython on the right,
// with "<>" marking every line that differs. Times are written in w's unit.
// m must come from a traced run (model.Simulate) of the same w and order.
func Diff(w *model.Workload, m model.Result, o Result) string {
	if Same(m, o) {
		return ""
	}
	u := w.Unit
	if u == "" {
		u = model.Second
	}
	tf := func(d model.Duration) string { return model.Format(d, u) }
	name := func(i int) string {
		if i >= 0 && i < len(w.Tasks) {
			return w.Tasks[i].Name
		}
		return fmt.Sprintf("#%d", i)
	}
	seg := func(s model.Segment) string {
		return fmt.Sprintf("%s step %d  [%s, %s]", name(s.Task), s.Step, tf(s.Start), tf(s.End))
	}
	mark := func(same bool) string {
		if same {
			return "  "
		}
		return "<>"
	}

	type row struct{ label, left, right string }
	var rows []row
	var diffs []bool
	add := func(label, l, r string, same bool) {
		rows = append(rows, row{label, l, r})
		diffs = append(diffs, same)
	}
	for i := 0; i < max(len(m.Finish), len(o.Finish)); i++ {
		l, r := "-", "-"
		if i < len(m.Finish) {
			l = tf(m.Finish[i])
		}
		if i < len(o.Finish) {
			r = tf(o.Finish[i])
		}
		add("finish "+name(i), l, r, l == r)
	}
	add("makespan", tf(m.Makespan), tf(o.Makespan), m.Makespan == o.Makespan)
	nseg := max(len(m.Segments), len(o.Segments))
	for k := 0; k < nseg; k++ {
		l, r := "-", "-"
		same := k < len(m.Segments) && k < len(o.Segments) && sameSeg(m.Segments[k], o.Segments[k])
		if k < len(m.Segments) {
			l = seg(m.Segments[k])
		}
		if k < len(o.Segments) {
			r = seg(o.Segments[k])
		}
		add(fmt.Sprintf("cpu #%d", k), l, r, same)
	}

	wl, wm := len("model"), len("")
	for _, r := range rows {
		wl = max(wl, len(r.left))
		wm = max(wm, len(r.label))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "model and CPython %s disagree (times in %s):\n", o.Version, string(u))
	fmt.Fprintf(&b, "  %-*s  %-*s    %s\n", wm, "", wl, "model", "CPython")
	for k, r := range rows {
		fmt.Fprintf(&b, "%s%-*s  %-*s    %s\n", mark(diffs[k]), wm, r.label, wl, r.left, r.right)
	}
	return b.String()
}
