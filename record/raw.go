package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/gatherorder/gatherorder/model"
)

// Raw is what recorder.py writes at the end of one run of the program:
// every finished call, in integer nanoseconds.
type Raw struct {
	Recorder       int       `json:"recorder"`
	Python         string    `json:"python"`
	Implementation string    `json:"implementation"`
	Loop           string    `json:"loop"`
	Clock          string    `json:"clock"`
	Calls          []RawCall `json:"calls"`
	Incomplete     int       `json:"incomplete"`
	Errors         []string  `json:"errors"`
	// EventPS is the recorder's measured cost of one hook invocation, in
	// picoseconds (0 under the virtual clock).
	EventPS int64 `json:"event_ps"`
}

// RawCall is one gather or TaskGroup call of one run.
type RawCall struct {
	Site       string `json:"site"`
	Kind       string `json:"kind"`
	Seq        int    `json:"seq"`
	StartNS    int64  `json:"start_ns"`
	MakespanNS int64  `json:"makespan_ns"`
	// Events counts the recorder's hook invocations during the call:
	// times Raw.EventPS, the time the recorder added to it.
	Events int64     `json:"events"`
	Tasks  []RawTask `json:"tasks"`
	Notes  []string  `json:"notes"`
}

// RawTask is one child of a call: its steps as [kind, ns] for cpu and
// [kind, ns, source] for a wait, and how it ended if not by returning.
type RawTask struct {
	Name  string    `json:"name"`
	Steps []RawStep `json:"steps"`
	End   string    `json:"end,omitempty"`
}

// RawStep is one step of a RawTask.
type RawStep struct {
	Kind   model.Kind
	NS     int64
	Source string
}

// UnmarshalJSON reads ["cpu", ns] or ["sleep"|"io", ns, source].
func (s *RawStep) UnmarshalJSON(b []byte) error {
	var a []json.RawMessage
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	if len(a) < 2 || len(a) > 3 {
		return fmt.Errorf("step %s: want [kind, ns] or [kind, ns, source]", b)
	}
	var kind string
	if err := json.Unmarshal(a[0], &kind); err != nil {
		return fmt.Errorf("step %s: kind: %v", b, err)
	}
	switch kind {
	case "cpu":
		s.Kind = model.CPU
	case "sleep":
		s.Kind = model.Sleep
	case "io":
		s.Kind = model.IO
	default:
		return fmt.Errorf("step %s: unknown kind %q", b, kind)
	}
	if err := json.Unmarshal(a[1], &s.NS); err != nil || s.NS < 0 {
		return fmt.Errorf("step %s: duration must be a non-negative integer of ns", b)
	}
	if (len(a) == 3) != (s.Kind != model.CPU) {
		return fmt.Errorf("step %s: a wait has a source, a cpu step none", b)
	}
	if len(a) == 3 {
		if err := json.Unmarshal(a[2], &s.Source); err != nil || !validSource(s.Source) {
			return fmt.Errorf("step %s: unknown source", b)
		}
	}
	return nil
}

// ParseRaw reads one run's recording; errors are one line naming file.
func ParseRaw(file string, data []byte) (*Raw, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	var r Raw
	if err := d.Decode(&r); err != nil {
		return nil, fmt.Errorf("%s: the recorder's output: %v", file, err)
	}
	if d.More() {
		return nil, fmt.Errorf("%s: the recorder's output: data after the object", file)
	}
	if r.Recorder != 1 {
		return nil, fmt.Errorf("%s: the recorder's output has version %d, want 1", file, r.Recorder)
	}
	for i, c := range r.Calls {
		if c.Site == "" || (c.Kind != "gather" && c.Kind != "taskgroup") || c.MakespanNS < 0 {
			return nil, fmt.Errorf("%s: the recorder's output: call %d: bad site, kind or makespan", file, i+1)
		}
		for j, t := range c.Tasks {
			if t.Name == "" {
				return nil, fmt.Errorf("%s: the recorder's output: call %d, task %d: empty name", file, i+1, j+1)
			}
		}
	}
	return &r, nil
}

// shape is what two calls must share to merge: every task's name, and
// every step's kind and source.
func (c *RawCall) shape() string {
	var b strings.Builder
	b.WriteString(c.Kind)
	for _, t := range c.Tasks {
		fmt.Fprintf(&b, "\x00%s", t.Name)
		for _, s := range t.Steps {
			fmt.Fprintf(&b, "\x01%d%s", s.Kind, s.Source)
		}
	}
	return b.String()
}

// Merge turns the runs' recordings into a recorder file: calls of one site
// with the same shape become one gather (variants numbered in order of
// first appearance), whose samples are every call's step durations and
// whose workload is their per-step median (Median), in seconds. Runs are
// taken in order, each run's calls in the order they started.
func Merge(runs []*Raw, command []string) (*File, error) {
	f := &File{Runs: len(runs), Command: command}
	if len(runs) == 0 {
		return nil, errors.New("no runs to merge")
	}
	f.Python, f.Loop, f.Clock = runs[0].Python, runs[0].Loop, runs[0].Clock
	type group struct {
		g     *Gather
		calls []*RawCall
	}
	var groups []*group
	byKey := map[string]*group{}
	variants := map[string]int{}
	for _, r := range runs {
		f.Incomplete += r.Incomplete
		if r.Loop != f.Loop {
			f.Loop = "mixed"
		}
		for i := range r.Calls {
			c := &r.Calls[i]
			key := c.Site + "\x02" + c.shape()
			gr, ok := byKey[key]
			if !ok {
				variants[c.Site]++
				gr = &group{g: &Gather{Site: c.Site, Variant: variants[c.Site], Kind: c.Kind}}
				byKey[key] = gr
				groups = append(groups, gr)
			}
			gr.calls = append(gr.calls, c)
		}
	}
	f.Gathers = []Gather{}
	for _, gr := range groups {
		g := gr.g
		if err := fill(g, gr.calls); err != nil {
			return nil, fmt.Errorf("site %s: %v", g.Site, err)
		}
		f.Gathers = append(f.Gathers, *g)
	}
	return f, nil
}

func fill(g *Gather, calls []*RawCall) error {
	first := calls[0]
	g.Calls = len(calls)
	g.Makespans = make([]model.Duration, len(calls))
	for i, c := range calls {
		g.Makespans[i] = model.Duration(c.MakespanNS)
	}
	g.Makespan = Median(g.Makespans)
	w := &model.Workload{Unit: model.Second, Tasks: make([]model.Task, len(first.Tasks))}
	g.Samples = make([][]StepSamples, len(first.Tasks))
	for ti, t := range first.Tasks {
		w.Tasks[ti] = model.Task{Name: t.Name, Steps: make([]model.Step, len(t.Steps))}
		g.Samples[ti] = make([]StepSamples, len(t.Steps))
		for si, s := range t.Steps {
			ds := make([]model.Duration, len(calls))
			for k, c := range calls {
				ds[k] = model.Duration(c.Tasks[ti].Steps[si].NS)
			}
			g.Samples[ti][si] = StepSamples{Kind: s.Kind, Source: s.Source, D: ds}
			w.Tasks[ti].Steps[si] = model.Step{Kind: s.Kind, D: Median(ds)}
		}
	}
	if err := w.Validate(); err != nil {
		return err
	}
	g.Workload = w
	g.Notes = []string{}
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			g.Notes = append(g.Notes, n)
		}
	}
	for _, c := range calls {
		for _, n := range c.Notes {
			add(n)
		}
	}
	ends := map[string]int{}
	var order []string
	for _, c := range calls {
		for _, t := range c.Tasks {
			if t.End != "" {
				k := fmt.Sprintf("task %s %s", t.Name, t.End)
				if ends[k] == 0 {
					order = append(order, k)
				}
				ends[k]++
			}
		}
	}
	for _, k := range order {
		add(fmt.Sprintf("%s in %d of %d calls", k, ends[k], len(calls)))
	}
	counts := map[string]int{}
	for _, steps := range g.Samples {
		for _, s := range steps {
			if s.Kind != model.CPU {
				counts[s.Source]++
			}
		}
	}
	if counts["task"] > 0 {
		add("waits from \"task\" (another task completed the awaited future) are modelled as sleeps: the model has no dependencies between tasks, and the other task's CPU work is not in this workload")
	}
	if counts["other"] > 0 {
		add("waits from \"other\" (completed outside any recorded callback) are modelled as sleeps of their measured length")
	}
	if counts["loop"] > 0 {
		add("waits from \"loop\" (uvloop: completed inside the loop's own machinery) are modelled as io of their measured length; the model is of CPython's selector loop, not uvloop")
	}
	return nil
}
