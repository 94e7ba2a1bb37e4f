package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
	"pgregory.net/rapid"
)

// runCLI runs the command line as main does, with stdin, and returns the
// exit status and both outputs.
func runCLI(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// jsonOutput is the JSON contract documented at marshalResults
// (simulate.go); decoding with DisallowUnknownFields catches fields the
// contract does not have.
type jsonOutput struct {
	Runtime string       `json:"runtime"`
	Unit    string       `json:"unit"`
	Results []jsonResult `json:"results"`
}

type jsonResult struct {
	Policy     string                 `json:"policy"`
	Order      []string               `json:"order"`
	Makespan   json.Number            `json:"makespan"`
	Finish     map[string]json.Number `json:"finish"`
	Optimal    *bool                  `json:"optimal"`
	LowerBound json.Number            `json:"lower_bound"`
	Method     string                 `json:"method"`
}

// tb is what the helpers need of *testing.T and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

func decodeJSON(t tb, s string) jsonOutput {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	d.DisallowUnknownFields()
	var o jsonOutput
	if err := d.Decode(&o); err != nil {
		t.Fatalf("output is not the JSON contract: %v\n%s", err, s)
	}
	if _, err := d.Token(); err != io.EOF {
		t.Fatalf("more than one JSON value in the output:\n%s", s)
	}
	return o
}

// finishKeys returns the keys of each result's "finish" object in the
// order they were written (a Go map forgets it).
func finishKeys(t tb, s string) [][]string {
	t.Helper()
	var raw struct {
		Results []struct {
			Finish json.RawMessage `json:"finish"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		t.Fatal(err)
	}
	var all [][]string
	for _, r := range raw.Results {
		d := json.NewDecoder(bytes.NewReader(r.Finish))
		d.UseNumber()
		var keys []string
		if _, err := d.Token(); err != nil { // {
			t.Fatal(err)
		}
		for d.More() {
			k, _ := d.Token()
			keys = append(keys, k.(string))
			d.Token() // the value
		}
		all = append(all, keys)
	}
	return all
}

// The thread's example, testdata/seed.json, which README.md runs (1 s CPU;
// IO 5, 3, 1 s; 1 s CPU; given order shortest IO first: c, b, a):
// `simulate --order all --json` reports given 9, lif 7, sif 9, best 7 with
// per-task finishes.
func TestSimulateSeedReportsGiven9Lif7Sif9Best7(t *testing.T) {
	code, out, errOut := runCLI("", "simulate", "--order", "all", "--json", "testdata/seed.json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	got := decodeJSON(t, out)
	type want struct {
		policy   string
		order    []string
		makespan string
		finish   map[string]string
		optimal  bool
	}
	wants := []want{
		{"given", []string{"c", "b", "a"}, "9", map[string]string{"c": "4", "b": "6", "a": "9"}, false},
		{"lif", []string{"a", "b", "c"}, "7", map[string]string{"c": "5", "b": "6", "a": "7"}, false},
		{"sif", []string{"c", "b", "a"}, "9", map[string]string{"c": "4", "b": "6", "a": "9"}, false},
		{"best", []string{"a", "b", "c"}, "7", map[string]string{"c": "5", "b": "6", "a": "7"}, true},
	}
	if got.Runtime != "asyncio" || got.Unit != "s" {
		t.Errorf("runtime %q unit %q, want asyncio s", got.Runtime, got.Unit)
	}
	if len(got.Results) != len(wants) {
		t.Fatalf("%d results, want %d", len(got.Results), len(wants))
	}
	for i, w := range wants {
		r := got.Results[i]
		if r.Policy != w.policy || !slices.Equal(r.Order, w.order) || string(r.Makespan) != w.makespan {
			t.Errorf("result %d: %s %v makespan %s, want %s %v %s", i, r.Policy, r.Order, r.Makespan, w.policy, w.order, w.makespan)
		}
		if len(r.Finish) != len(w.finish) {
			t.Errorf("%s: finish %v, want %v", w.policy, r.Finish, w.finish)
		}
		for name, f := range w.finish {
			if string(r.Finish[name]) != f {
				t.Errorf("%s: finish[%s] = %s, want %s", w.policy, name, r.Finish[name], f)
			}
		}
		if gotOpt := r.Optimal != nil && *r.Optimal; gotOpt != w.optimal || (r.Optimal != nil && !*r.Optimal) {
			t.Errorf("%s: optimal %v, want %v (and only ever true)", w.policy, r.Optimal, w.optimal)
		}
	}
	for i, keys := range finishKeys(t, out) {
		if !slices.Equal(keys, []string{"c", "b", "a"}) {
			t.Errorf("result %d: finish keys %v, want workload order [c b a]", i, keys)
		}
	}
}

// Times are exact decimals in the workload's unit, never float64: the
// largest representable duration and one nanosecond survive unchanged.
func TestSimulateJSONTimesAreExactDecimalsInTheWorkloadUnit(t *testing.T) {
	for _, tc := range []struct {
		unit, cpu, sleep, want string
	}{
		{"s", "9223372036.854775806", "0.000000001", "9223372036.854775807"}, // float64 would print 9223372036.854776
		{"s", "0.000000001", "0", "0.000000001"},
		{"ms", "1.5", "0.000001", "1.500001"},
		{"us", "2", "0.001", "2.001"},
		{"ns", "7", "3", "10"},
	} {
		in := fmt.Sprintf(`{"unit": %q, "tasks": [{"name": "x", "steps": [{"cpu": %s}, {"sleep": %s}]}]}`, tc.unit, tc.cpu, tc.sleep)
		code, out, errOut := runCLI(in, "simulate", "--order", "given", "--json", "-")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", in, code, errOut)
		}
		got := decodeJSON(t, out)
		if got.Unit != tc.unit || len(got.Results) != 1 {
			t.Fatalf("%s: %+v", in, got)
		}
		r := got.Results[0]
		if string(r.Makespan) != tc.want || string(r.Finish["x"]) != tc.want {
			t.Errorf("%s: makespan %s finish %s, want %s", in, r.Makespan, r.Finish["x"], tc.want)
		}
	}
}

func TestSimulateDefaultUnitIsSeconds(t *testing.T) {
	code, out, _ := runCLI(`{"tasks": [{"name": "x", "steps": [{"cpu": 0.5}]}]}`, "simulate", "--json", "-")
	if code != 0 {
		t.Fatal(code)
	}
	if got := decodeJSON(t, out); got.Unit != "s" || string(got.Results[0].Makespan) != "0.5" {
		t.Errorf("%+v", got)
	}
}

// --order defaults to all; a single policy reports one result, a comma
// list each policy in turn; best is the only one that says optimal.
func TestSimulateOrderFlagSelectsPolicies(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"given", "lif", "sif", "best"}},
		{[]string{"--order", "all"}, []string{"given", "lif", "sif", "best"}},
		{[]string{"--order", "given,best"}, []string{"given", "best"}},
		{[]string{"--order", "best,ltf,mitten"}, []string{"best", "ltf", "mitten"}},
		{[]string{"--order=mitten,all"}, []string{"mitten", "given", "lif", "sif", "best"}},
		{[]string{"--order", "given"}, []string{"given"}},
		{[]string{"--order=lif"}, []string{"lif"}},
		{[]string{"-order", "sif"}, []string{"sif"}},
		{[]string{"--order", "best"}, []string{"best"}},
	} {
		args := append(append([]string{"simulate", "--json"}, tc.args...), "testdata/seed.json")
		code, out, errOut := runCLI("", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		var got []string
		for _, r := range decodeJSON(t, out).Results {
			got = append(got, r.Policy)
			if (r.Optimal != nil) != (r.Policy == "best") {
				t.Errorf("%v: %s has optimal=%v", args, r.Policy, r.Optimal)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: policies %v, want %v", args, got, tc.want)
		}
	}
}

// "-" reads stdin, and flags may come before or after FILE, or be ended by
// "--": every spelling gives the same bytes as the plain one.
func TestSimulateStdinAndFlagPlacementGiveTheSameOutput(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := runCLI("", "simulate", "--order", "lif", "--json", "testdata/seed.json")
	_, wantText, _ := runCLI("", "simulate", "testdata/seed.json")
	for _, tc := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{string(seed), []string{"simulate", "--order", "lif", "--json", "-"}, want},
		{string(seed), []string{"simulate", "-", "--order", "lif", "--json"}, want},
		{"", []string{"simulate", "testdata/seed.json", "--json", "--order", "lif"}, want},
		{"", []string{"simulate", "--json", "testdata/seed.json", "--order=lif"}, want},
		{"", []string{"simulate", "--order", "lif", "--json", "--", "testdata/seed.json"}, want},
		{string(seed), []string{"simulate", "-"}, wantText},
	} {
		code, out, errOut := runCLI(tc.stdin, tc.args...)
		if code != 0 || out != tc.want {
			t.Errorf("%v: exit %d, stderr %q, output differs:\n%s", tc.args, code, errOut, out)
		}
	}
}

func TestSimulateHelpGoesToStdoutWithStatus0(t *testing.T) {
	code, out, errOut := runCLI("", "simulate", "--help")
	if code != 0 || errOut != "" || !strings.Contains(out, "usage: gatherorder simulate") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// nineTasks is one task more than exhaustive search takes, with two waits
// per task, so the branch and bound for canonical tasks does not apply
// either: `best` searches on the simulator. With canonical true the tasks
// are canonical, which the branch and bound solves at any size.
func nineTasks(canonical ...bool) string {
	var ts []string
	for i := range order.MaxExhaustive + 1 {
		if len(canonical) > 0 && canonical[0] {
			ts = append(ts, fmt.Sprintf(`{"name": "t%d", "steps": [{"cpu": 1}, {"sleep": %d}, {"cpu": 1}]}`, i, i))
		} else {
			ts = append(ts, fmt.Sprintf(`{"name": "t%d", "steps": [{"cpu": 1}, {"sleep": %d}, {"cpu": 1}, {"sleep": 1}, {"cpu": 1}]}`, i, i))
		}
	}
	return `{"tasks": [` + strings.Join(ts, ", ") + `]}`
}

// Canonical workloads get a proven optimum beyond the exhaustive limit.
func TestSimulateBestBeyondExhaustiveForCanonicalTasks(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"simulate", "--order", "best", "--json", "-"}, strings.NewReader(nineTasks(true)), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"optimal": true`) {
		t.Fatalf("best of 9 canonical tasks not proven optimal:\n%s", stdout.String())
	}
}

func task(steps string) string {
	return `{"unit": "s", "tasks": [{"name": "a", "steps": [{"cpu": 1}]}, {"name": "b", "steps": [` + steps + `]}]}`
}

// Every bad input exits with status 2 and one line on stderr that names
// the file and, where there is one, the task and the step; never a panic
// and nothing on stdout.
func TestSimulateBadInputExits2WithOneLineNamingFileTaskStep(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(task(`{"cpu": 1}, {"sleep": -2}`)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  []string // substrings of the one stderr line
	}{
		{"unreadable file", "", []string{"nosuch.json"}, []string{"simulate: nosuch.json: cannot open: no such file or directory"}},
		{"directory", "", []string{dir}, []string{dir + ": cannot read: is a directory"}},
		{"file on disk", "", []string{bad}, []string{bad + `: task "b" (#2), step 2 (sleep): negative duration -2`}},
		{"empty input", "", []string{"-"}, []string{"-: ", "malformed JSON"}},
		{"malformed JSON", `{"tasks": [`, []string{"-"}, []string{"-: ", "malformed JSON"}},
		{"trailing data", `{"tasks": []} {}`, []string{"-"}, []string{"-: ", "after the workload"}},
		{"not an object", `[1]`, []string{"-"}, []string{"-: workload"}},
		{"unknown step key", task(`{"cpu": 1}, {"wait": 1}`), []string{"-"}, []string{`task "b" (#2), step 2`, `unknown step kind "wait"`}},
		{"two step keys", task(`{"cpu": 1, "sleep": 2}`), []string{"-"}, []string{`task "b" (#2), step 1`, "more than one key"}},
		{"empty step", task(`{"cpu": 1}, {}`), []string{"-"}, []string{`task "b" (#2), step 2`, "empty step"}},
		{"negative", task(`{"io": -1}`), []string{"-"}, []string{`task "b" (#2), step 1 (io)`, "negative"}},
		{"string duration", task(`{"cpu": "1"}`), []string{"-"}, []string{`task "b" (#2), step 1 (cpu)`, "must be a number"}},
		{"null duration", task(`{"cpu": null}`), []string{"-"}, []string{`task "b" (#2), step 1 (cpu)`, "must be a number"}},
		{"exponent", task(`{"cpu": 1e3}`), []string{"-"}, []string{`task "b" (#2), step 1 (cpu)`, "not a plain decimal"}},
		{"10 fractional digits of a second", task(`{"sleep": 0.0000000001}`), []string{"-"}, []string{`task "b" (#2), step 1 (sleep)`, "fractional digits"}},
		{"7 fractional digits of a ms", `{"unit": "ms", "tasks": [{"name": "m", "steps": [{"cpu": 0.0000001}]}]}`, []string{"-"}, []string{`task "m" (#1), step 1 (cpu)`, "fractional digits"}},
		{"fraction of a ns", `{"unit": "ns", "tasks": [{"name": "n", "steps": [{"cpu": 1.5}]}]}`, []string{"-"}, []string{`task "n" (#1), step 1 (cpu)`, "fractional digits"}},
		{"unknown unit", `{"unit": "h", "tasks": []}`, []string{"-"}, []string{"-: ", `unknown unit "h"`}},
		{"duplicate name", `{"tasks": [{"name": "a", "steps": []}, {"name": "a", "steps": []}]}`, []string{"-"}, []string{`task "a" (#2)`, "duplicate name"}},
		{"empty name", `{"tasks": [{"name": "", "steps": []}]}`, []string{"-"}, []string{"task #1", "empty name"}},
		{"missing name", `{"tasks": [{"steps": []}]}`, []string{"-"}, []string{"task #1", "missing"}},
		{"unknown task key", `{"tasks": [{"name": "a", "cpu": 1}]}`, []string{"-"}, []string{`task "a" (#1)`, `unknown key "cpu"`}},
		{"duration overflows", task(`{"cpu": 9223372037}`), []string{"-"}, []string{`task "b" (#2), step 1 (cpu)`, "overflows"}},
		{"total overflows", task(`{"cpu": 5000000000}, {"sleep": 5000000000}`), []string{"-"}, []string{`task "b" (#2), step 2 (sleep)`, "total duration", "overflows"}},
		{"unknown policy", "", []string{"--order", "fastest", "testdata/seed.json"}, []string{`unknown --order "fastest"`}},
		{"unknown policy in a list", "", []string{"--order", "given,fastest", "testdata/seed.json"}, []string{`unknown --order "fastest"`}},
		{"empty policy in a list", "", []string{"--order", "given,", "testdata/seed.json"}, []string{`unknown --order ""`}},
		{"policy listed twice", "", []string{"--order", "all,best", "testdata/seed.json"}, []string{`--order "all,best" lists best twice`}},
		{"ltf of multi-step tasks", nineTasks(), []string{"--order", "ltf", "-"}, []string{"-: --order ltf: ", "three steps"}},
		{"mitten of multi-step tasks", nineTasks(), []string{"--order", "given,mitten", "-"}, []string{"-: --order mitten: ", "three steps"}},
		{"negative time limit", "", []string{"--time-limit", "-1s", "testdata/seed.json"}, []string{"--time-limit -1s is negative"}},
		{"time limit without unit", "", []string{"--time-limit", "2", "testdata/seed.json"}, []string{"invalid value", "-time-limit"}},
		{"negative node limit", "", []string{"--nodes", "-5", "testdata/seed.json"}, []string{"--nodes -5 is negative"}},
		{"node limit not a number", "", []string{"--nodes", "many", "testdata/seed.json"}, []string{"invalid value", "-nodes"}},
		{"unknown flag", "", []string{"--fast", "testdata/seed.json"}, []string{"flag provided but not defined: -fast"}},
		{"flag without value", "", []string{"testdata/seed.json", "--order"}, []string{"flag needs an argument: -order"}},
		{"missing FILE", "", nil, []string{"missing FILE"}},
		{"two FILEs", "", []string{"testdata/seed.json", "-"}, []string{"want one FILE, got 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(tc.stdin, append([]string{"simulate"}, tc.args...)...)
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
			if strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") || !strings.HasPrefix(errOut, "gatherorder simulate: ") {
				t.Errorf("stderr is not one line starting \"gatherorder simulate: \": %q", errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q does not contain %q", errOut, w)
				}
			}
		})
	}
}

// The policies that need no search still work past the exhaustive limit.
func TestSimulateGivenLifSifHaveNoTaskLimit(t *testing.T) {
	for _, p := range []string{"given", "lif", "sif"} {
		if code, _, errOut := runCLI(nineTasks(), "simulate", "--order", p, "-"); code != 0 {
			t.Errorf("%s: exit %d: %s", p, code, errOut)
		}
	}
}

// Whatever bytes arrive, simulate either succeeds (status 0, nothing on
// stderr) or fails with status 2 and one line: it never panics.
func TestSimulateAnyInputGivesStatus0Or2AndOneLine(t *testing.T) {
	pieces := []string{`{`, `}`, `[`, `]`, `,`, `:`, `"tasks"`, `"name"`, `"steps"`, `"unit"`, `"cpu"`,
		`"sleep"`, `"io"`, `"a"`, `"s"`, `"ms"`, `1`, `0`, `-1`, `0.5`, `1e3`, `99999999999999999999`, `null`, `"x\ny"`}
	rapid.Check(t, func(t *rapid.T) {
		var in string
		if rapid.Bool().Draw(t, "valid-ish") {
			w := gen.Workload(gen.Spec{MaxTasks: 4, MaxSteps: 4, MaxDur: 20}).Draw(t, "w")
			in = string(model.Marshal(w))
			if cut := rapid.IntRange(0, len(in)).Draw(t, "cut"); rapid.Bool().Draw(t, "truncate") {
				in = in[:cut]
			}
		} else {
			in = strings.Join(rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 30).Draw(t, "tokens"), "")
		}
		jsonOut := rapid.Bool().Draw(t, "json")
		args := []string{"simulate", "-"}
		if jsonOut {
			args = append(args, "--json")
		}
		code, out, errOut := runCLI(in, args...)
		switch code {
		case 0:
			if errOut != "" || out == "" {
				t.Fatalf("status 0 with stderr %q, stdout %q", errOut, out)
			}
			if jsonOut {
				decodeJSON(t, out)
			}
		case 2:
			if strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") || out != "" {
				t.Fatalf("status 2 with stderr %q, stdout %q", errOut, out)
			}
		default:
			t.Fatalf("status %d", code)
		}
	})
}

// FuzzSimulate drives the whole command with arbitrary input (go test
// -fuzz FuzzSimulate ./cmd/gatherorder); the seeds run with every go test.
func FuzzSimulate(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.json")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
		f.Add(data, true)
	}
	f.Add([]byte(task(`{"cpu": 0.0000000001}`)), false)
	f.Fuzz(func(t *testing.T, in []byte, jsonOut bool) {
		args := []string{"simulate", "--order", "given", "-"}
		if jsonOut {
			args = append(args, "--json")
		}
		code, out, errOut := runCLI(string(in), args...)
		if code == 2 && (strings.Count(errOut, "\n") != 1 || out != "") {
			t.Fatalf("status 2 with stderr %q", errOut)
		}
		if code != 0 && code != 2 {
			t.Fatalf("status %d", code)
		}
	})
}

// JSON and text agree: the text summary's makespans are the JSON ones.
func TestSimulateTextAndJSONReportTheSameMakespans(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 4, MaxSteps: 4, MaxDur: 1000}).Draw(t, "w")
		in := string(model.Marshal(w))
		_, js, _ := runCLI(in, "simulate", "--json", "-")
		code, text, errOut := runCLI(in, "simulate", "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		for _, r := range decodeJSON(t, js).Results {
			order := "(none)"
			if len(r.Order) > 0 {
				order = strings.Join(r.Order, " ")
			}
			row := fmt.Sprintf("\n%s  ", r.Policy)
			i := strings.Index(text, row)
			if i < 0 {
				t.Fatalf("no summary row for %s:\n%s", r.Policy, text)
			}
			fields := strings.Fields(text[i:][:strings.Index(text[i+1:], "\n")+1])
			if len(fields) < 2+len(r.Order) || strings.Join(fields[1:1+max(1, len(r.Order))], " ") != order ||
				fields[1+max(1, len(r.Order))] != string(r.Makespan) {
				t.Fatalf("summary row %v, JSON order %v makespan %s", fields, r.Order, r.Makespan)
			}
		}
	})
}

// The timeline's states partition each task's life: from time 0 to its
// finish every instant is in exactly one of run, wait, ready.
func TestTimelineStatesPartitionEachTaskLife(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MaxTasks: 5, MaxSteps: 5, MaxDur: 20}).Draw(t, "w")
		r := model.Simulate(w, gen.Perm(len(w.Tasks)).Draw(t, "order"))
		spans := taskSpans(&r)
		for task := range w.Tasks {
			var sp []span
			for _, s := range spans[task] {
				if s.end < s.start {
					t.Fatalf("task %d: span %+v runs backwards", task, s)
				}
				if s.end > s.start {
					sp = append(sp, s)
				}
			}
			slices.SortFunc(sp, func(a, b span) int { return int(a.start - b.start) })
			at := model.Duration(0)
			for _, s := range sp {
				if s.start != at {
					t.Fatalf("task %d: gap or overlap at %d: %+v", task, at, sp)
				}
				at = s.end
			}
			if at != r.Finish[task] {
				t.Fatalf("task %d: states end at %d, finish %d: %+v", task, at, r.Finish[task], sp)
			}
		}
	})
}

// With one column per nanosecond the chart is exact: a task row has one #
// per ns of its CPU work, one - per ns of awaiting, and is as long as its
// finish; the CPU row has one _ per ns of idle time.
func TestTimelineWithNanosecondColumnsCountsExactly(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: 1, MaxTasks: 4, MaxSteps: 4, MaxDur: 6}).Draw(t, "w")
		r := model.Simulate(w, gen.Perm(len(w.Tasks)).Draw(t, "order"))
		if r.Makespan == 0 || r.Makespan > maxColumns {
			t.Skip("horizon outside 1..maxColumns ns")
		}
		ax := newAxis(r.Makespan, model.Nanosecond)
		if ax.step != 1 || ax.cols != int(r.Makespan) {
			t.Fatalf("axis %+v for horizon %d, want 1 ns columns", ax, r.Makespan)
		}
		var cpu model.Duration
		spans := taskSpans(&r)
		for task, tk := range w.Tasks {
			var run, wait model.Duration
			for _, s := range tk.Steps {
				if s.Kind == model.CPU {
					run += s.D
				}
			}
			for _, wt := range r.Waits {
				if wt.Task == task {
					wait += wt.Due - wt.Start
				}
			}
			cpu += run
			row := ax.draw(spans[task])
			if n := strings.Count(row, "#"); model.Duration(n) != run {
				t.Fatalf("task %d row %q: %d #, CPU %d", task, row, n, run)
			}
			if n := strings.Count(row, "-"); model.Duration(n) != wait {
				t.Fatalf("task %d row %q: %d -, awaiting %d", task, row, n, wait)
			}
			if model.Duration(len(strings.TrimRight(row, " "))) != r.Finish[task] || strings.ContainsRune(row, ' ') {
				t.Fatalf("task %d row %q, finish %d", task, row, r.Finish[task])
			}
		}
		row := ax.draw(cpuSpans(&r))
		if model.Duration(strings.Count(row, "_")) != r.Makespan-cpu || model.Duration(strings.Count(row, "#")) != cpu {
			t.Fatalf("cpu row %q, CPU %d, makespan %d", row, cpu, r.Makespan)
		}
	})
}

// The axis fits any horizon in at most maxColumns columns of the smallest
// round step that does, and its tick labels never run into each other.
func TestAxisUsesTheSmallestRoundStepAndLabelsDoNotCollide(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		h := model.Duration(rapid.OneOf(rapid.Int64Range(1, 1000), rapid.Int64Range(1, 1<<62), rapid.Int64Range(1<<62, 1<<63-1)).Draw(t, "horizon"))
		u := rapid.SampledFrom([]model.Unit{model.Second, model.Millisecond, model.Microsecond, model.Nanosecond}).Draw(t, "unit")
		ax := newAxis(h, u)
		if ax.step <= 0 || ax.cols < 1 || ax.cols > maxColumns || ceilDiv(h, ax.step) != model.Duration(ax.cols) {
			t.Fatalf("axis %+v for horizon %d", ax, h)
		}
		round := roundDurations()
		if i := slices.Index(round, ax.step); i < 0 || (i > 0 && ceilDiv(h, round[i-1]) <= maxColumns) {
			t.Fatalf("step %d is not the smallest round step for horizon %d", ax.step, h)
		}
		if ax.tick <= 0 || ax.tick%ax.step != 0 {
			t.Fatalf("tick %d is not a multiple of step %d", ax.tick, ax.step)
		}
		line := ax.ticks()
		end := -1
		for k := 0; ; k++ {
			c := k * int(ax.tick/ax.step)
			if c > ax.cols || c >= len(line) {
				break
			}
			if c <= end || (c > 0 && line[c-1] != ' ') {
				t.Fatalf("label %d at column %d collides: %q", k, c, line)
			}
			label, _, _ := strings.Cut(line[c:], " ")
			if want := model.Format(model.Duration(k)*ax.tick, u); label != want {
				t.Fatalf("label %d is %q, want %q: %q", k, label, want, line)
			}
			end = c + len(label)
		}
		_ = ax.draw([]span{{0, h, chRun}}) // and drawing over the whole horizon does not overflow
	})
}

// A column shows the state that fills most of it; equal shares go to the
// more telling state (# before . before - before _ before blank).
func TestDrawShowsTheStateFillingMostOfEachColumn(t *testing.T) {
	ax := axis{unit: model.Nanosecond, horizon: 40, step: 10, cols: 4, tick: 10}
	for _, tc := range []struct {
		spans []span
		want  string
	}{
		{[]span{{0, 40, chWait}}, "----"},
		{[]span{{0, 6, chRun}, {6, 40, chWait}}, "#---"},
		{[]span{{0, 4, chRun}, {4, 40, chWait}}, "----"},
		{[]span{{0, 5, chRun}, {5, 40, chWait}}, "#---"},               // tie: # wins
		{[]span{{0, 5, chWait}, {5, 15, chReady}}, ".."},               // tie in column 0 and 1 (5 . vs 5 blank)
		{[]span{{0, 3, chRun}, {3, 6, chReady}, {6, 10, chWait}}, "-"}, // 4 of 10 is most
		{[]span{{0, 10, chIdle}, {10, 25, chRun}}, "_##"},
		{nil, ""},
	} {
		if got := ax.draw(tc.spans); got != tc.want {
			t.Errorf("draw(%v) = %q, want %q", tc.spans, got, tc.want)
		}
	}
}

// When the search stops at its limit, best says what is proven instead of
// claiming optimality.
func TestSimulateBestReportsLowerBoundWhenNotProven(t *testing.T) {
	w, err := model.Parse("w", []byte(`{"unit": "ms", "tasks": [{"name": "a", "steps": [{"cpu": 2}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	o, err := order.Apply(w, order.Given)
	if err != nil {
		t.Fatal(err)
	}
	o.Policy, o.Optimal, o.LowerBound = order.Best, false, 1500000
	js := string(marshalResults(w, []order.Outcome{o}, "asyncio"))
	if !strings.Contains(js, `"optimal": false, "lower_bound": 1.5`) {
		t.Fatalf("JSON lacks the proven bound: %s", js)
	}
	if txt := string(renderText(w, []order.Outcome{o})); !strings.Contains(txt, "optimum >= 1.5") {
		t.Fatalf("text lacks the proven bound:\n%s", txt)
	}
}
