package model_test

import (
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
)

func TestParseSeedWorkload(t *testing.T) {
	src := `{"unit": "s",
	 "tasks": [
	   {"name": "a", "steps": [{"cpu": 1}, {"sleep": 5}, {"cpu": 1}]},
	   {"name": "b", "steps": [{"cpu": 1}, {"io": 0}, {"sleep": 3}, {"cpu": 1.5}]},
	   {"name": "empty", "steps": []}
	 ]}`
	w, err := Parse("seed.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Workload{Unit: Second, Tasks: []Task{
		Canonical("a", 1e9, 5e9, 1e9),
		{Name: "b", Steps: []Step{{CPU, 1e9}, {IO, 0}, {Sleep, 3e9}, {CPU, 1.5e9}}},
		{Name: "empty", Steps: []Step{}},
	}}
	if !reflect.DeepEqual(w, want) {
		t.Fatalf("Parse = %+v\nwant %+v", w, want)
	}
}

// Every malformed input gets one line that names the file and, where there
// is one, the task and the step.
func TestParseErrorsNameFileTaskStep(t *testing.T) {
	cases := []struct{ src, want string }{
		{`{"tasks": [`, "w.json: malformed JSON"},
		{`[]`, `w.json: workload: expected "{"`},
		{`{"tasks": [{"name": "a", "steps": [{"cpu": 1, "io": 2}]}]}`, `w.json: task "a" (#1), step 1: more than one key`},
		{`{"tasks": [{"name": "a", "steps": [{"wait": 1}]}]}`, `w.json: task "a" (#1), step 1: unknown step kind "wait"`},
		{`{"tasks": [{"name": "a", "steps": [{}]}]}`, `w.json: task "a" (#1), step 1: empty step`},
		{`{"tasks": [{"name": "a", "steps": [{"cpu": 1}, {"sleep": -1}]}]}`, `w.json: task "a" (#1), step 2 (sleep): negative duration -1`},
		{`{"tasks": [{"name": "a", "steps": [{"cpu": "1"}]}]}`, `w.json: task "a" (#1), step 1 (cpu): duration must be a number, found string "1"`},
		{`{"tasks": [{"name": "a", "steps": [{"cpu": 0.0000000001}]}]}`, `w.json: task "a" (#1), step 1 (cpu): duration 0.0000000001 has more fractional digits`},
		{`{"tasks": [{"name": "a", "steps": []}, {"name": "a", "steps": []}]}`, `w.json: task "a" (#2): duplicate name`},
		{`{"tasks": [{"name": "", "steps": []}]}`, `w.json: task #1: empty name`},
		{`{"tasks": [{"steps": []}]}`, `w.json: task #1: missing "name"`},
		{`{"unit": "h", "tasks": []}`, `w.json: unknown unit "h"`},
		{`{"tasks": [], "tasks": []}`, `w.json: workload: repeated key "tasks"`},
		{`{"tasks": [{"name": "a", "steps": [{"cpu": 9223372037}]}]}`, `w.json: task "a" (#1), step 1 (cpu): duration 9223372037: duration overflows`},
		{`{"tasks": [{"name": "a", "steps": [{"cpu": 5000000000}, {"cpu": 5000000000}]}]}`, `w.json: task "a" (#1), step 2 (cpu): total duration of the workload: duration overflows`},
		{`{"tasks": [{"name": "a", "steps": [{"cpu": -0}]}]}`, `w.json: task "a" (#1), step 1 (cpu): duration -0 has a minus sign`},
		{`{"unit": "s"}`, `w.json: workload: missing "tasks"`},
		{`{"tasks": []} {}`, `w.json: unexpected data after the workload object`},
	}
	for _, c := range cases {
		_, err := Parse("w.json", []byte(c.src))
		if err == nil {
			t.Errorf("Parse(%s) succeeded; want error %q", c.src, c.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%s) error\n  %q\nwant prefix\n  %q", c.src, err, c.want)
		}
	}
}

// Marshal and Parse are inverse on every valid workload.
func TestMarshalParseRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 5, MaxSteps: 4, MaxDur: 1 << 40}).Draw(t, "w")
		w.Unit = rapid.SampledFrom([]Unit{Second, Millisecond, Microsecond, Nanosecond}).Draw(t, "unit")
		back, err := Parse("rt", Marshal(w))
		if err != nil {
			t.Fatalf("Parse(Marshal(w)): %v\n%s", err, Marshal(w))
		}
		if !reflect.DeepEqual(back, w) {
			t.Fatalf("round trip changed the workload:\n%+v\n%+v", w, back)
		}
	})
}

// FuzzParse: the parser never panics, and whatever it accepts is valid and
// survives a Marshal round trip unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"unit": "s", "tasks": [{"name": "a", "steps": [{"cpu": 1}, {"sleep": 5}, {"cpu": 1}]}]}`))
	f.Add([]byte(`{"unit": "ms", "tasks": [{"name": "b", "steps": [{"io": 0}, {"sleep": 0.5}]}]}`))
	f.Add([]byte(`{"tasks": [{"name": "x", "steps": [{"cpu": 1e3}]}]}`))
	f.Add([]byte(`{"tasks": [{"name": "x", "steps": [{"cpu": 9223372036.854775807}]}]}`))
	f.Add([]byte(`{"limit": {"kind": "semaphore", "k": 2}, "tasks": [{"name": "a", "steps": [{"cpu": 1}]}]}`))
	f.Add([]byte(`{"tasks": [], "limit": {"k": 1, "kind": "workers"}}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, data) })
}
