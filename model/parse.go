package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/gatherorder/gatherorder/internal/jsontok"
)

// Parse reads a workload in the JSON format of model/SEMANTICS.md §S10:
//
//	{"unit": "s", "tasks": [{"name": "a", "steps": [{"cpu": 1}, {"sleep": 5}, {"cpu": 1}]}]}
//
// Parsing is strict: unknown or repeated keys, steps with zero or several
// keys, non-numeric, negative or over-precise durations, empty or duplicate
// names and overflowing totals are errors. Every error is one line that
// starts with file (the name to report, "-" for stdin) and names the task
// and the step where it can.
func Parse(file string, data []byte) (*Workload, error) {
	w, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return w, nil
}

type rawStep struct {
	kind Kind
	num  string
	dist *rawDist // a distribution object (dist.go), else nil
}

type rawTask struct {
	name    string
	hasName bool
	steps   []rawStep
}

func parse(data []byte) (*Workload, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	p := &parser{jsontok.Reader{D: d}}
	unit, tasks, lim, err := p.workload()
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the workload object")
	}
	w := &Workload{Unit: Unit(unit), Limit: lim}
	if w.Unit == "" {
		w.Unit = Second
	}
	if w.Unit.Nanos() == 0 {
		return nil, fmt.Errorf("unknown unit %q (want s, ms, us or ns)", unit)
	}
	w.Tasks = make([]Task, len(tasks))
	for i, rt := range tasks {
		if !rt.hasName {
			return nil, fmt.Errorf("task #%d: missing \"name\"", i+1)
		}
		t := Task{Name: rt.name, Steps: make([]Step, len(rt.steps))}
		for j, rs := range rt.steps {
			if rs.dist != nil {
				d, err := rs.dist.resolve(w.Unit)
				if err != nil {
					return nil, fmt.Errorf("%s, step %d (%s): %w", taskLabel(rt.name, i), j+1, rs.kind, err)
				}
				if t.Dists == nil {
					t.Dists = make([]Dist, len(rt.steps))
				}
				t.Steps[j], t.Dists[j] = Step{rs.kind, d.Nominal(0)}, d
				continue
			}
			v, err := ParseDuration(rs.num, w.Unit)
			if err != nil {
				return nil, fmt.Errorf("%s, step %d (%s): %w", taskLabel(rt.name, i), j+1, rs.kind, err)
			}
			t.Steps[j] = Step{rs.kind, v}
		}
		w.Tasks[i] = t
	}
	if err := w.Validate(); err != nil {
		return nil, err
	}
	return w, nil
}

func taskLabel(name string, i int) string {
	if name == "" {
		return fmt.Sprintf("task #%d", i+1)
	}
	return fmt.Sprintf("task %q (#%d)", name, i+1)
}

// parser reads the workload format (model/SEMANTICS.md §S10) token by
// token.
type parser struct{ jsontok.Reader }

func (p *parser) workload() (unit string, tasks []rawTask, lim Limit, err error) {
	hasTasks := false
	err = p.Object("workload", func(k string) error {
		switch k {
		case "unit":
			var e error
			unit, e = p.Str("unit")
			return e
		case "tasks":
			hasTasks = true
			return p.Array("tasks", func(i int) error {
				t, e := p.task(i)
				tasks = append(tasks, t)
				return e
			})
		case "limit":
			var e error
			lim, e = p.limit()
			return e
		}
		return fmt.Errorf("workload: unknown key %q (want unit, tasks, limit)", k)
	})
	if err == nil && !hasTasks {
		err = errors.New(`workload: missing "tasks" (an empty gather is "tasks": [])`)
	}
	return unit, tasks, lim, err
}

func (p *parser) task(i int) (rawTask, error) {
	var t rawTask
	err := p.Object(fmt.Sprintf("task #%d", i+1), func(k string) error {
		switch k {
		case "name":
			var e error
			t.name, e = p.Str(fmt.Sprintf("task #%d: name", i+1))
			t.hasName = true
			return e
		case "steps":
			return p.Array(taskLabel(t.name, i)+": steps", func(j int) error {
				s, e := p.step(taskLabel(t.name, i), j)
				t.steps = append(t.steps, s)
				return e
			})
		}
		return fmt.Errorf("%s: unknown key %q (want name, steps)", taskLabel(t.name, i), k)
	})
	return t, err
}

func (p *parser) step(task string, j int) (rawStep, error) {
	what := fmt.Sprintf("%s, step %d", task, j+1)
	var s rawStep
	n := 0
	err := p.Object(what, func(k string) error {
		n++
		if n > 1 {
			return fmt.Errorf("%s: more than one key (a step is exactly one of cpu, sleep, io)", what)
		}
		switch k {
		case "cpu":
			s.kind = CPU
		case "sleep":
			s.kind = Sleep
		case "io":
			s.kind = IO
		default:
			return fmt.Errorf("%s: unknown step kind %q (want cpu, sleep or io)", what, k)
		}
		t, err := p.Token()
		if err != nil {
			return err
		}
		if t == json.Delim('{') {
			s.dist, err = p.distBody(fmt.Sprintf("%s (%s)", what, k))
			return err
		}
		num, ok := t.(json.Number)
		if !ok {
			return fmt.Errorf("%s (%s): duration must be a number, found %s", what, k, jsontok.Describe(t))
		}
		s.num = string(num)
		return nil
	})
	if err == nil && n == 0 {
		err = fmt.Errorf("%s: empty step (want exactly one of cpu, sleep, io)", what)
	}
	return s, err
}

// Marshal writes w in the JSON workload format with exact decimals in w's
// unit, so that Parse(Marshal(w)) == w.
func Marshal(w *Workload) []byte {
	var b bytes.Buffer
	u := w.Unit
	if u == "" {
		u = Second
	}
	fmt.Fprintf(&b, `{"unit":%q,`, string(u))
	if w.Limit.Bounded() {
		fmt.Fprintf(&b, `"limit":{"kind":%q,"k":%d},`, w.Limit.Kind.String(), w.Limit.K)
	}
	b.WriteString(`"tasks":[`)
	for i, t := range w.Tasks {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(t.Name)
		fmt.Fprintf(&b, `{"name":%s,"steps":[`, name)
		for j, s := range t.Steps {
			if j > 0 {
				b.WriteByte(',')
			}
			if t.Dists != nil && t.Dists[j].Kind != Fixed {
				fmt.Fprintf(&b, `{%q:%s}`, s.Kind.String(), marshalDist(t.Dists[j], u))
				continue
			}
			fmt.Fprintf(&b, `{%q:%s}`, s.Kind.String(), Format(s.D, u))
		}
		b.WriteString("]}")
	}
	b.WriteString("]}")
	return b.Bytes()
}
