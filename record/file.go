package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/gatherorder/gatherorder/internal/jsontok"
	"github.com/gatherorder/gatherorder/model"
)

// Version is the recorder file's format version (the "recorder" key).
const Version = 1

// File is a recorder file: every site of the recorded program where it
// called asyncio.gather or entered a TaskGroup, with the workload that
// call ran.
type File struct {
	Python     string   // the interpreter's version, e.g. "3.11.7" (optional)
	Loop       string   // "asyncio" or "uvloop" (optional)
	Clock      string   // "real" or "virtual" (optional)
	Runs       int      // how many runs of the program were merged (>= 1)
	Command    []string // the recorded command line (optional)
	Incomplete int      // calls still unfinished when a run ended; not recorded
	Gathers    []Gather
}

// Gather is one site's calls with the same shape (task names, step kinds
// and wait sources), merged.
type Gather struct {
	Site    string // file:line of the call (relative to the script's directory)
	Variant int    // 1, 2, ...: the k-th distinct shape recorded at Site
	Kind    string // "gather" or "taskgroup"
	Calls   int    // calls merged (>= 1)
	// Makespan is the median measured makespan; Makespans (nil, or one per
	// call) are all of them.
	Makespan  model.Duration
	Makespans []model.Duration
	// Workload holds, for each step, the median of its samples.
	Workload *model.Workload
	// Samples (nil, or one per task of Workload, one per step) are the
	// durations each step took in each call, with the source of each wait.
	Samples [][]StepSamples
	Notes   []string
}

// StepSamples is one step's durations over the merged calls.
type StepSamples struct {
	Kind   model.Kind
	Source string // what completed the wait (Sources); "" for cpu
	D      []model.Duration
}

// Sources are the values of a wait's "from": what completed the awaited
// future (package documentation).
var Sources = []string{"timer", "yield", "socket", "thread", "hop", "turn", "task", "loop", "other"}

func validSource(s string) bool {
	for _, v := range Sources {
		if v == s {
			return true
		}
	}
	return false
}

// Median is the median of ds, for an even count the lower of the two
// middle values (an actual sample, so it stays an exact integer of ns);
// 0 for none. ds is not modified.
func Median(ds []model.Duration) model.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]model.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[(len(s)-1)/2]
}

// CallWorkload is the workload that call k (0-based, of Calls) of g ran:
// each step's k-th sample. It is nil without samples or for k out of range.
func (g Gather) CallWorkload(k int) *model.Workload {
	if g.Samples == nil || k < 0 || k >= g.Calls {
		return nil
	}
	w := &model.Workload{Unit: g.Workload.Unit, Tasks: make([]model.Task, len(g.Workload.Tasks))}
	for ti, t := range g.Workload.Tasks {
		w.Tasks[ti] = model.Task{Name: t.Name, Steps: make([]model.Step, len(t.Steps))}
		for si, s := range t.Steps {
			w.Tasks[ti].Steps[si] = model.Step{Kind: s.Kind, D: g.Samples[ti][si].D[k]}
		}
	}
	return w
}

// Site is one recorded site as gatherorder simulate reports it.
type Site struct {
	Site     string // file:line; Label adds the variant
	Variant  int
	Kind     string
	Calls    int
	Measured model.Duration // median measured makespan, in Workload's unit
	Workload *model.Workload
}

// Label is the site's name for reports: "app.py:42", or "app.py:42
// (variant 2)" for the second shape recorded there.
func (s Site) Label() string {
	if s.Variant > 1 {
		return fmt.Sprintf("%s (variant %d)", s.Site, s.Variant)
	}
	return s.Site
}

// Sites lists f's sites in file order, each with its median workload.
func Sites(f *File) []Site {
	out := make([]Site, len(f.Gathers))
	for i, g := range f.Gathers {
		out[i] = Site{Site: g.Site, Variant: g.Variant, Kind: g.Kind, Calls: g.Calls, Measured: g.Makespan, Workload: g.Workload}
	}
	return out
}

// IsRecorderFile reports whether data is a JSON object with a top-level
// "gathers" or "recorder" key: a recorder file, not a workload (whose
// top-level keys are unit and tasks). It does not validate; Parse does.
// Malformed JSON is not a recorder file (model.Parse then reports it).
func IsRecorderFile(data []byte) bool {
	d := json.NewDecoder(bytes.NewReader(data))
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return false
		}
		if k, _ := t.(string); k == "gathers" || k == "recorder" {
			return true
		}
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// Parse reads a recorder file strictly: unknown or repeated keys, missing
// required keys (recorder, gathers; each gather's site, calls, measured and
// workload), a workload that model.Parse rejects, samples that do not
// match the workload's tasks and steps or whose medians are not the
// workload's durations, and counts that disagree with calls are errors.
// Every error is one line that starts with file and names the gather.
func Parse(file string, data []byte) (*File, error) {
	f, err := parseFile(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return f, nil
}

type rawGather struct {
	site, kind           string
	hasSite, hasKind     bool
	variant, calls       int
	hasVariant, hasCalls bool
	makespan             string
	makespans            []string
	hasMeasured          bool
	hasMakespans         bool
	workload             json.RawMessage
	samples              []rawSampleTask
	hasSamples           bool
	notes                []string
}

type rawSampleTask struct {
	name  string
	steps []rawSample
}

type rawSample struct {
	kind   model.Kind
	source string
	nums   []string
}

// fparser reads the recorder file token by token.
type fparser struct{ jsontok.Reader }

func (p *fparser) num(what string) (string, error) {
	t, err := p.Token()
	if err != nil {
		return "", err
	}
	n, ok := t.(json.Number)
	if !ok {
		return "", fmt.Errorf("%s: expected a number, found %s", what, jsontok.Describe(t))
	}
	return string(n), nil
}

// count reads a non-negative integer written as plain digits (at most
// 1,000,000,000).
func (p *fparser) count(what string) (int, error) {
	s, err := p.num(what)
	if err != nil {
		return 0, err
	}
	if !allDigits(s) || (len(s) > 1 && s[0] == '0') || len(s) > 10 {
		return 0, fmt.Errorf("%s: %s is not a non-negative integer", what, s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > 1e9 {
		return 0, fmt.Errorf("%s: %s is out of range", what, s)
	}
	return n, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// nums reads an array of numbers, as their text.
func (p *fparser) nums(what string) ([]string, error) {
	out := []string{}
	err := p.Array(what, func(i int) error {
		n, err := p.num(fmt.Sprintf("%s[%d]", what, i+1))
		out = append(out, n)
		return err
	})
	return out, err
}

func (p *fparser) strings(what string) ([]string, error) {
	out := []string{}
	err := p.Array(what, func(i int) error {
		s, err := p.Str(fmt.Sprintf("%s[%d]", what, i+1))
		out = append(out, s)
		return err
	})
	return out, err
}

func parseFile(data []byte) (*File, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	p := &fparser{jsontok.Reader{D: d}}
	f := &File{Runs: 1}
	var raws []rawGather
	hasVersion, hasGathers := false, false
	err := p.Object("recorder file", func(k string) error {
		var err error
		switch k {
		case "recorder":
			hasVersion = true
			var v int
			if v, err = p.count("recorder"); err == nil && v != Version {
				err = fmt.Errorf("recorder: version %d, this gatherorder reads version %d", v, Version)
			}
		case "python":
			f.Python, err = p.Str("python")
		case "loop":
			f.Loop, err = p.Str("loop")
		case "clock":
			if f.Clock, err = p.Str("clock"); err == nil && f.Clock != "real" && f.Clock != "virtual" {
				err = fmt.Errorf("clock: %q (want real or virtual)", f.Clock)
			}
		case "runs":
			if f.Runs, err = p.count("runs"); err == nil && f.Runs < 1 {
				err = errors.New("runs: must be at least 1")
			}
		case "command":
			f.Command, err = p.strings("command")
		case "incomplete":
			f.Incomplete, err = p.count("incomplete")
		case "gathers":
			hasGathers = true
			err = p.Array("gathers", func(i int) error {
				g, err := p.gather(i)
				raws = append(raws, g)
				return err
			})
		default:
			err = fmt.Errorf("recorder file: unknown key %q (want recorder, python, loop, clock, runs, command, incomplete, gathers)", k)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the recorder file's object")
	}
	if !hasVersion {
		return nil, errors.New(`recorder file: missing "recorder" (the format version, 1)`)
	}
	if !hasGathers {
		return nil, errors.New(`recorder file: missing "gathers" (a program without gathers has "gathers": [])`)
	}
	seen := map[string]int{}
	for i, rg := range raws {
		g, err := rg.build(i)
		if err != nil {
			return nil, err
		}
		key := g.Site + "\x00" + strconv.Itoa(g.Variant)
		if j, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s: the same site and variant as gather %d", gatherLabel(i, g.Site), j+1)
		}
		seen[key] = i
		f.Gathers = append(f.Gathers, g)
	}
	return f, nil
}

func gatherLabel(i int, site string) string {
	if site == "" {
		return fmt.Sprintf("gather %d", i+1)
	}
	return fmt.Sprintf("gather %d (%s)", i+1, site)
}

func (p *fparser) gather(i int) (rawGather, error) {
	g := rawGather{}
	err := p.Object(gatherLabel(i, ""), func(k string) error {
		what := gatherLabel(i, g.site)
		var err error
		switch k {
		case "site":
			g.hasSite = true
			if g.site, err = p.Str(what + ": site"); err == nil && g.site == "" {
				err = fmt.Errorf("%s: empty site", what)
			}
		case "kind":
			g.hasKind = true
			if g.kind, err = p.Str(what + ": kind"); err == nil && g.kind != "gather" && g.kind != "taskgroup" {
				err = fmt.Errorf("%s: kind %q (want gather or taskgroup)", what, g.kind)
			}
		case "variant":
			g.hasVariant = true
			if g.variant, err = p.count(what + ": variant"); err == nil && g.variant < 1 {
				err = fmt.Errorf("%s: variant must be at least 1", what)
			}
		case "calls":
			g.hasCalls = true
			if g.calls, err = p.count(what + ": calls"); err == nil && g.calls < 1 {
				err = fmt.Errorf("%s: calls must be at least 1", what)
			}
		case "measured":
			g.hasMeasured = true
			hasMakespan := false
			err = p.Object(what+": measured", func(k string) error {
				switch k {
				case "makespan":
					hasMakespan = true
					var e error
					g.makespan, e = p.num(what + ": measured makespan")
					return e
				case "makespans":
					g.hasMakespans = true
					var e error
					g.makespans, e = p.nums(what + ": measured makespans")
					return e
				}
				return fmt.Errorf("%s: measured: unknown key %q (want makespan, makespans)", what, k)
			})
			if err == nil && !hasMakespan {
				err = fmt.Errorf("%s: measured: missing \"makespan\"", what)
			}
		case "workload":
			if err = p.D.Decode(&g.workload); err != nil {
				err = fmt.Errorf("%s: workload: malformed JSON near byte %d: %v", what, p.D.InputOffset(), err)
			}
		case "samples":
			g.hasSamples = true
			g.samples = []rawSampleTask{}
			err = p.Array(what+": samples", func(j int) error {
				s, e := p.sampleTask(what, j)
				g.samples = append(g.samples, s)
				return e
			})
		case "notes":
			g.notes, err = p.strings(what + ": notes")
		default:
			err = fmt.Errorf("%s: unknown key %q (want site, variant, kind, calls, measured, workload, samples, notes)", what, k)
		}
		return err
	})
	return g, err
}

// sampleTask reads {"name": ..., "steps": [{"cpu": [..]}, {"io": [..],
// "from": "socket"}, ...]}; the name is checked against the workload later.
func (p *fparser) sampleTask(what string, j int) (rawSampleTask, error) {
	t := rawSampleTask{steps: []rawSample{}}
	tw := fmt.Sprintf("%s: samples task #%d", what, j+1)
	hasName := false
	err := p.Object(tw, func(k string) error {
		switch k {
		case "name":
			hasName = true
			var err error
			t.name, err = p.Str(tw + ": name")
			return err
		case "steps":
			return p.Array(tw+": steps", func(s int) error {
				st, err := p.sampleStep(fmt.Sprintf("%s, step %d", tw, s+1))
				t.steps = append(t.steps, st)
				return err
			})
		}
		return fmt.Errorf("%s: unknown key %q (want name, steps)", tw, k)
	})
	if err == nil && !hasName {
		err = fmt.Errorf("%s: missing \"name\"", tw)
	}
	return t, err
}

func (p *fparser) sampleStep(what string) (rawSample, error) {
	s := rawSample{}
	kinds := 0
	err := p.Object(what, func(k string) error {
		switch k {
		case "from":
			src, err := p.Str(what + ": from")
			if err == nil && !validSource(src) {
				err = fmt.Errorf("%s: from %q (want one of %s)", what, src, strings.Join(Sources, ", "))
			}
			s.source = src
			return err
		case "cpu", "sleep", "io":
			kinds++
			if kinds > 1 {
				return fmt.Errorf("%s: more than one kind (want exactly one of cpu, sleep, io)", what)
			}
			s.kind = map[string]model.Kind{"cpu": model.CPU, "sleep": model.Sleep, "io": model.IO}[k]
			var err error
			s.nums, err = p.nums(what + " (" + k + ") samples")
			return err
		}
		return fmt.Errorf("%s: unknown key %q (want cpu, sleep or io, and from)", what, k)
	})
	if err == nil && kinds == 0 {
		err = fmt.Errorf("%s: no kind (want exactly one of cpu, sleep, io)", what)
	}
	if err == nil && s.kind == model.CPU && s.source != "" {
		err = fmt.Errorf("%s: a cpu step has no \"from\"", what)
	}
	if err == nil && s.kind != model.CPU && s.source == "" {
		err = fmt.Errorf("%s: missing \"from\" (what completed the wait)", what)
	}
	return s, err
}

func (rg rawGather) build(i int) (Gather, error) {
	what := gatherLabel(i, rg.site)
	if !rg.hasSite {
		return Gather{}, fmt.Errorf("%s: missing \"site\"", what)
	}
	if !rg.hasCalls {
		return Gather{}, fmt.Errorf("%s: missing \"calls\"", what)
	}
	if !rg.hasMeasured {
		return Gather{}, fmt.Errorf("%s: missing \"measured\"", what)
	}
	if rg.workload == nil {
		return Gather{}, fmt.Errorf("%s: missing \"workload\"", what)
	}
	g := Gather{Site: rg.site, Variant: 1, Kind: "gather", Calls: rg.calls, Notes: rg.notes}
	if rg.hasVariant {
		g.Variant = rg.variant
	}
	if rg.hasKind {
		g.Kind = rg.kind
	}
	w, err := model.Parse(what+": workload", rg.workload)
	if err != nil {
		return Gather{}, err
	}
	g.Workload = w
	if g.Makespan, err = model.ParseDuration(rg.makespan, w.Unit); err != nil {
		return Gather{}, fmt.Errorf("%s: measured makespan: %v", what, err)
	}
	if rg.hasMakespans {
		if len(rg.makespans) != g.Calls {
			return Gather{}, fmt.Errorf("%s: measured makespans: %d values for %d calls", what, len(rg.makespans), g.Calls)
		}
		g.Makespans = make([]model.Duration, len(rg.makespans))
		for j, s := range rg.makespans {
			if g.Makespans[j], err = model.ParseDuration(s, w.Unit); err != nil {
				return Gather{}, fmt.Errorf("%s: measured makespans[%d]: %v", what, j+1, err)
			}
		}
		if m := Median(g.Makespans); m != g.Makespan {
			return Gather{}, fmt.Errorf("%s: measured makespan %s is not the median of makespans (%s)", what, model.Format(g.Makespan, w.Unit), model.Format(m, w.Unit))
		}
	}
	if !rg.hasSamples {
		return g, nil
	}
	if len(rg.samples) != len(w.Tasks) {
		return Gather{}, fmt.Errorf("%s: samples: %d tasks, the workload has %d", what, len(rg.samples), len(w.Tasks))
	}
	g.Samples = make([][]StepSamples, len(w.Tasks))
	for ti, t := range w.Tasks {
		rt := rg.samples[ti]
		rs := rt.steps
		tw := fmt.Sprintf("%s: samples task %q (#%d)", what, t.Name, ti+1)
		if rt.name != t.Name {
			return Gather{}, fmt.Errorf("%s: named %q, the workload's task #%d is %q", tw, rt.name, ti+1, t.Name)
		}
		if len(rs) != len(t.Steps) {
			return Gather{}, fmt.Errorf("%s: %d steps, the workload's task has %d", tw, len(rs), len(t.Steps))
		}
		g.Samples[ti] = make([]StepSamples, len(rs))
		for si, s := range rs {
			sw := fmt.Sprintf("%s, step %d (%s)", tw, si+1, s.kind)
			if s.kind != t.Steps[si].Kind {
				return Gather{}, fmt.Errorf("%s: the workload's step is %s", sw, t.Steps[si].Kind)
			}
			if len(s.nums) != g.Calls {
				return Gather{}, fmt.Errorf("%s: %d samples for %d calls", sw, len(s.nums), g.Calls)
			}
			ds := make([]model.Duration, len(s.nums))
			for k, n := range s.nums {
				if ds[k], err = model.ParseDuration(n, w.Unit); err != nil {
					return Gather{}, fmt.Errorf("%s sample %d: %v", sw, k+1, err)
				}
			}
			if m := Median(ds); m != t.Steps[si].D {
				return Gather{}, fmt.Errorf("%s: the workload's duration %s is not the samples' median %s", sw, model.Format(t.Steps[si].D, w.Unit), model.Format(m, w.Unit))
			}
			g.Samples[ti][si] = StepSamples{Kind: s.kind, Source: s.source, D: ds}
		}
	}
	return g, nil
}

// list writes xs as a JSON array of each one's text.
func list[T any](b *bytes.Buffer, xs []T, text func(T) string) {
	b.WriteByte('[')
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(text(x))
	}
	b.WriteByte(']')
}

// Marshal writes f in the recorder file format, one gather per block,
// durations as exact decimals in each workload's unit, so that
// Parse(Marshal(f)) gives f back.
func Marshal(f *File) []byte {
	var b bytes.Buffer
	q := func(s string) string { j, _ := json.Marshal(s); return string(j) }
	runs := f.Runs
	if runs < 1 {
		runs = 1
	}
	fmt.Fprintf(&b, "{\"recorder\": %d", Version)
	if f.Python != "" {
		fmt.Fprintf(&b, ", \"python\": %s", q(f.Python))
	}
	if f.Loop != "" {
		fmt.Fprintf(&b, ", \"loop\": %s", q(f.Loop))
	}
	if f.Clock != "" {
		fmt.Fprintf(&b, ", \"clock\": %s", q(f.Clock))
	}
	fmt.Fprintf(&b, ", \"runs\": %d, \"incomplete\": %d", runs, f.Incomplete)
	if f.Command != nil {
		b.WriteString(",\n \"command\": ")
		list(&b, f.Command, q)
	}
	b.WriteString(",\n \"gathers\": [")
	for i, g := range f.Gathers {
		if i > 0 {
			b.WriteByte(',')
		}
		u := g.Workload.Unit
		if u == "" {
			u = model.Second
		}
		kind := g.Kind
		if kind == "" {
			kind = "gather"
		}
		format := func(d model.Duration) string { return model.Format(d, u) }
		variant := g.Variant
		if variant < 1 {
			variant = 1
		}
		fmt.Fprintf(&b, "\n  {\"site\": %s, \"variant\": %d, \"kind\": %s, \"calls\": %d,\n   \"measured\": {\"makespan\": %s",
			q(g.Site), variant, q(kind), g.Calls, model.Format(g.Makespan, u))
		if g.Makespans != nil {
			b.WriteString(", \"makespans\": ")
			list(&b, g.Makespans, format)
		}
		b.WriteString("},\n   \"workload\": ")
		b.Write(model.Marshal(g.Workload))
		if g.Samples != nil {
			b.WriteString(",\n   \"samples\": [")
			for ti, steps := range g.Samples {
				if ti > 0 {
					b.WriteString(",\n    ")
				}
				name := ""
				if ti < len(g.Workload.Tasks) {
					name = g.Workload.Tasks[ti].Name
				}
				fmt.Fprintf(&b, "{\"name\": %s, \"steps\": [", q(name))
				for si, s := range steps {
					if si > 0 {
						b.WriteString(", ")
					}
					fmt.Fprintf(&b, "{%q: ", s.Kind.String())
					list(&b, s.D, format)
					if s.Source != "" {
						fmt.Fprintf(&b, ", \"from\": %s", q(s.Source))
					}
					b.WriteString("}")
				}
				b.WriteString("]}")
			}
			b.WriteString("]")
		}
		if g.Notes != nil {
			b.WriteString(",\n   \"notes\": ")
			list(&b, g.Notes, q)
		}
		b.WriteString("}")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}
