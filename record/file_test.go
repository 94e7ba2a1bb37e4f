package record

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// The example of a recorder file, with the version key: samples,
// makespans, variant, kind and notes are optional.
const minimal = `{"recorder": 1, "gathers": [{"site": "app.py:42", "calls": 1,
  "measured": {"makespan": 9.031},
  "workload": {"unit": "s", "tasks": [{"name": "a", "steps": [{"cpu": 1}, {"sleep": 5}, {"cpu": 1}]}]}}]}`

const full = `{"recorder": 1, "python": "3.11.7", "loop": "asyncio", "clock": "real", "runs": 2, "incomplete": 0,
 "command": ["python3", "app.py"],
 "gathers": [
  {"site": "app.py:42", "variant": 1, "kind": "gather", "calls": 2,
   "measured": {"makespan": 7, "makespans": [7, 7.5]},
   "workload": {"unit":"s","tasks":[{"name":"a","steps":[{"cpu":1},{"sleep":5},{"cpu":1}]},{"name":"b","steps":[{"cpu":0.5},{"io":0.25},{"sleep":0},{"sleep":0},{"io":3}]}]},
   "samples": [{"name": "a", "steps": [{"cpu": [1, 1.25]}, {"sleep": [5, 5], "from": "timer"}, {"cpu": [1, 1]}]},
    {"name": "b", "steps": [{"cpu": [0.5, 0.75]}, {"io": [0.25, 0.5], "from": "socket"}, {"sleep": [0, 0], "from": "hop"}, {"sleep": [0, 0], "from": "hop"}, {"io": [3, 3.5], "from": "socket"}]}],
   "notes": ["a note"]},
  {"site": "app.py:42", "variant": 2, "kind": "taskgroup", "calls": 1,
   "measured": {"makespan": 0},
   "workload": {"unit":"ms","tasks":[]}}]}`

func TestParseReadsTheFormat(t *testing.T) {
	f, err := Parse("rec.json", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if f.Runs != 1 || len(f.Gathers) != 1 {
		t.Fatalf("%+v", f)
	}
	g := f.Gathers[0]
	if g.Site != "app.py:42" || g.Variant != 1 || g.Kind != "gather" || g.Calls != 1 || g.Makespan != 9031e6 || g.Samples != nil || g.Makespans != nil {
		t.Errorf("%+v", g)
	}
	f, err = Parse("rec.json", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Gathers) != 2 || Sites(f)[1].Label() != "app.py:42 (variant 2)" || f.Gathers[0].Samples[1][4].Source != "socket" {
		t.Errorf("%+v", f)
	}
	if w := f.Gathers[0].CallWorkload(1); w == nil || w.Tasks[0].Steps[0].D != 125e7 || w.Tasks[1].Steps[4].D != 35e8 || f.Gathers[0].CallWorkload(2) != nil || f.Gathers[1].CallWorkload(0) != nil {
		t.Errorf("CallWorkload: %+v", w)
	}
	sites := Sites(f)
	if len(sites) != 2 || sites[0].Measured != 7e9 || sites[1].Kind != "taskgroup" || sites[1].Workload.Unit != model.Millisecond {
		t.Errorf("Sites: %+v", sites)
	}
}

func TestMarshalRoundTrips(t *testing.T) {
	for _, src := range []string{minimal, full} {
		f, err := Parse("in", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		out := Marshal(f)
		g, err := Parse("out", out)
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if !reflect.DeepEqual(f, g) {
			t.Errorf("Parse(Marshal(f)) != f:\n%+v\n%+v", f, g)
		}
		if !bytes.Equal(Marshal(g), out) {
			t.Errorf("Marshal is not stable")
		}
	}
}

func TestIsRecorderFile(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{minimal, true},
		{`{"gathers": []}`, true},
		{`{"unit": "s", "recorder": 1}`, true},
		{`{"unit": "s", "tasks": []}`, false},
		{`{"tasks": [{"name": "gathers"}]}`, false},
		{`[]`, false},
		{`{"unit": `, false},
		{``, false},
	} {
		if got := IsRecorderFile([]byte(c.in)); got != c.want {
			t.Errorf("IsRecorderFile(%q) = %v", c.in, got)
		}
	}
	// A workload is still model.Parse's: the detection never claims one.
	data, _ := model.Parse("w", []byte(`{"tasks": []}`))
	if IsRecorderFile(model.Marshal(data)) {
		t.Error("a marshalled workload is detected as a recorder file")
	}
}

func TestParseErrorsAreOneLineAndNameTheGather(t *testing.T) {
	sub := func(old, new string) string {
		if !strings.Contains(full, old) {
			t.Fatalf("fixture lacks %q", old)
		}
		return strings.Replace(full, old, new, 1)
	}
	for _, c := range []struct{ in, want string }{
		{``, "unexpected end of input"},
		{`{}`, `missing "recorder"`},
		{`{"recorder": 1}`, `missing "gathers"`},
		{`{"recorder": 2, "gathers": []}`, "version 2"},
		{`{"recorder": 1, "gathers": [], "x": 1}`, `unknown key "x"`},
		{`{"recorder": 1, "gathers": [], "gathers": []}`, `repeated key "gathers"`},
		{`{"recorder": 1, "gathers": []} {}`, "unexpected data after"},
		{`{"recorder": 1.0, "gathers": []}`, "not a non-negative integer"},
		{`{"recorder": 1, "runs": 0, "gathers": []}`, "runs: must be at least 1"},
		{`{"recorder": 1, "clock": "wall", "gathers": []}`, `clock: "wall"`},
		{`{"recorder": 1, "gathers": [{}]}`, `gather 1: missing "site"`},
		{sub(`"calls": 2,`, ``), `gather 1 (app.py:42): missing "calls"`},
		{sub(`"calls": 2,`, `"calls": 0,`), "calls must be at least 1"},
		{sub(`"kind": "gather"`, `"kind": "wait"`), `kind "wait"`},
		{sub(`"variant": 2`, `"variant": 1`), "gather 2 (app.py:42): the same site and variant as gather 1"},
		{sub(`"makespans": [7, 7.5]`, `"makespans": [7]`), "1 values for 2 calls"},
		{sub(`"makespan": 7,`, `"makespan": 7.5,`), "not the median of makespans (7)"},
		{sub(`"makespan": 7,`, `"makespan": -7,`), "negative duration"},
		{sub(`{"name":"a","steps":[{"cpu":1}`, `{"name":"a","steps":[{"cpu":1.0000000001}`), "gather 1 (app.py:42): workload: task \"a\" (#1), step 1 (cpu)"},
		{sub(`"from": "timer"`, `"from": "clock"`), `from "clock"`},
		{sub(`{"sleep": [5, 5], "from": "timer"}`, `{"sleep": [5, 5]}`), `missing "from"`},
		{sub(`{"cpu": [1, 1.25]}`, `{"cpu": [1, 1.25], "from": "timer"}`), `a cpu step has no "from"`},
		{sub(`{"cpu": [1, 1.25]}`, `{"cpu": [1, 1.25], "io": [1]}`), "more than one kind"},
		{sub(`{"cpu": [1, 1.25]}`, `{"cpu": [1]}`), `samples task "a" (#1), step 1 (cpu): 1 samples for 2 calls`},
		{sub(`{"cpu": [1, 1.25]}`, `{"cpu": [1.25, 1.5]}`), "the workload's duration 1 is not the samples' median 1.25"},
		{sub(`{"cpu": [1, 1.25]}`, `{"io": [1, 1.25], "from": "socket"}`), "the workload's step is cpu"},
		{sub(`{"name": "a", "steps"`, `{"name": "z", "steps"`), `named "z", the workload's task #1 is "a"`},
		{sub(`, {"cpu": [1, 1]}]}`, `]}`), "2 steps, the workload's task has 3"},
		{sub(`"notes": ["a note"]`, `"notes": [1]`), "expected a string"},
		{sub(`"measured": {"makespan": 7,`, `"measured": {"span": 7,`), `unknown key "span"`},
	} {
		_, err := Parse("rec.json", []byte(c.in))
		if err == nil {
			t.Errorf("no error for %s", c.want)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "rec.json: ") || !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
			t.Errorf("error %q, want one line starting with the file and containing %q", msg, c.want)
		}
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []model.Duration
		want model.Duration
	}{
		{nil, 0}, {[]model.Duration{5}, 5}, {[]model.Duration{3, 1, 2}, 2}, {[]model.Duration{4, 1, 3, 2}, 2},
	} {
		in := append([]model.Duration(nil), c.in...)
		if got := Median(c.in); got != c.want || !reflect.DeepEqual(in, c.in) {
			t.Errorf("Median(%v) = %d, want %d (and the input unchanged)", in, got, c.want)
		}
	}
}

func raw(calls ...RawCall) *Raw {
	return &Raw{Recorder: 1, Python: "3.11.7", Loop: "asyncio", Clock: "real", Calls: calls}
}

func call(site string, makespan int64, tasks ...RawTask) RawCall {
	return RawCall{Site: site, Kind: "gather", MakespanNS: makespan, Tasks: tasks}
}

func TestMergeGroupsBySiteAndShape(t *testing.T) {
	a := func(cpu, wait int64, src string) RawTask {
		return RawTask{Name: "a", Steps: []RawStep{{model.CPU, cpu, ""}, {model.Sleep, wait, src}, {model.CPU, cpu, ""}}}
	}
	f, err := Merge([]*Raw{
		raw(call("x.py:1", 30, a(10, 10, "timer")), call("x.py:1", 40, a(20, 10, "timer")), call("x.py:1", 5, a(1, 1, "task"))),
		raw(call("x.py:1", 35, a(15, 30, "timer")), call("y.py:2", 1)),
	}, []string{"python3", "x.py"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Runs != 2 || len(f.Gathers) != 3 {
		t.Fatalf("runs %d, %d gathers", f.Runs, len(f.Gathers))
	}
	g := f.Gathers[0]
	if g.Site != "x.py:1" || g.Variant != 1 || g.Calls != 3 || g.Makespan != 35 {
		t.Errorf("first: %+v", g)
	}
	if want := []model.Duration{10, 20, 15}; !reflect.DeepEqual(g.Samples[0][0].D, want) || g.Workload.Tasks[0].Steps[0].D != 15 || g.Workload.Tasks[0].Steps[1].D != 10 {
		t.Errorf("samples %v, workload %v", g.Samples[0][0].D, g.Workload.Tasks[0].Steps)
	}
	if v := f.Gathers[1]; v.Site != "x.py:1" || v.Variant != 2 || v.Calls != 1 || !strings.Contains(strings.Join(v.Notes, " "), `"task"`) {
		t.Errorf("second shape: %+v", v)
	}
	if e := f.Gathers[2]; e.Site != "y.py:2" || len(e.Workload.Tasks) != 0 {
		t.Errorf("empty gather: %+v", e)
	}
	if _, err := Parse("m", Marshal(f)); err != nil {
		t.Error(err)
	}
}

func TestParseRaw(t *testing.T) {
	good := `{"recorder": 1, "python": "3.11.7", "implementation": "CPython", "loop": "asyncio", "clock": "virtual",
	  "calls": [{"site": "a.py:3", "kind": "gather", "seq": 1, "start_ns": 0, "makespan_ns": 5,
	    "tasks": [{"name": "f#1", "steps": [["cpu", 1], ["io", 3, "socket"], ["cpu", 1]], "end": "raised ValueError"}], "notes": []}],
	  "incomplete": 0, "errors": []}`
	r, err := ParseRaw("run 1", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Calls[0].Tasks[0].Steps[1]; s.Kind != model.IO || s.NS != 3 || s.Source != "socket" {
		t.Errorf("%+v", s)
	}
	f, err := Merge([]*Raw{r}, nil)
	if err != nil || !strings.Contains(strings.Join(f.Gathers[0].Notes, " "), "task f#1 raised ValueError in 1 of 1 calls") {
		t.Errorf("%v %+v", err, f)
	}
	for _, bad := range []string{
		strings.Replace(good, `["cpu", 1], ["io"`, `["cpu", 1, "timer"], ["io"`, 1),
		strings.Replace(good, `["io", 3, "socket"]`, `["io", 3]`, 1),
		strings.Replace(good, `["io", 3, "socket"]`, `["io", -3, "socket"]`, 1),
		strings.Replace(good, `"socket"`, `"wire"`, 1),
		strings.Replace(good, `["cpu", 1], ["io"`, `["gpu", 1], ["io"`, 1),
		strings.Replace(good, `"recorder": 1`, `"recorder": 9`, 1),
		strings.Replace(good, `"kind": "gather"`, `"kind": "x"`, 1),
		strings.Replace(good, `"name": "f#1"`, `"name": ""`, 1),
		strings.Replace(good, `"notes": []`, `"notes": [], "extra": 1`, 1),
		good + "{}",
	} {
		if _, err := ParseRaw("run 1", []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "run 1: ") {
			t.Errorf("ParseRaw accepted or misreported %s: %v", bad, err)
		}
	}
}

// FuzzParse: Parse never panics, every error is one line that starts with
// the file name, and what it accepts survives Marshal and Parse unchanged.
func FuzzParse(f *testing.F) {
	for _, s := range []string{minimal, full, `{"recorder": 1, "gathers": []}`, `{"recorder":1,"gathers":[{"site":"s","calls":1,"measured":{"makespan":0},"workload":{"tasks":[]},"samples":[]}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Parse("fuzz.json", data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "fuzz.json: ") || strings.Contains(msg, "\n") {
				t.Fatalf("bad error %q", msg)
			}
			return
		}
		out := Marshal(got)
		back, err := Parse("again", out)
		if err != nil {
			t.Fatalf("Marshal's output does not parse: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(got, back) {
			t.Fatalf("round trip changed the file:\n%+v\n%+v", got, back)
		}
		if !IsRecorderFile(out) {
			t.Fatal("Marshal's output is not detected as a recorder file")
		}
	})
}

// FuzzParseRaw: the recorder's output parser never panics, and whatever it
// accepts merges into a file that Parse accepts.
func FuzzParseRaw(f *testing.F) {
	f.Add([]byte(`{"recorder": 1, "calls": [{"site": "a.py:3", "kind": "gather", "makespan_ns": 5, "tasks": [{"name": "f", "steps": [["cpu", 1], ["sleep", 3, "timer"]]}]}]}`))
	f.Add([]byte(`{"recorder": 1, "calls": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseRaw("run 1", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		m, err := Merge([]*Raw{r}, nil)
		if err != nil {
			return // e.g. durations whose sum overflows, or duplicate names
		}
		if _, err := Parse("merged", Marshal(m)); err != nil {
			t.Fatalf("merged file does not parse: %v", err)
		}
	})
}
