package main

// Golden scenarios in the spirit of etcd-io/raft's datadriven tests:
// testdata/*.txt are readable files of cases, each a command, its input
// workload and the expected output:
//
//	# comments (kept when the file is rewritten)
//	simulate --order all
//	{"unit": "s", "tasks": [...]}
//	----
//	----
//	expected output, which may contain blank lines
//	----
//	----
//
// The command runs with FILE "-" and the input on stdin; a non-zero exit
// appends "exit status N" and stderr to the output. A single "----" is
// also accepted, with the expected output ending at the first blank line.
// `go test ./cmd/gatherorder -update` rewrites the expected outputs (in the
// double form); review the diff before committing it.
//
// The expected outputs are not merely recorded: TestGoldenFinishTimesMatchCPython
// runs every scenario's workload on the real CPython asyncio loop
// (oracle/drivers/asyncio_driver.py, virtual clock) in the order each
// policy chose and checks every finish time and makespan printed in the
// committed files, and every CPU segment behind the timelines.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// The flag is looked up rather than held in a variable so that another
// test file of this package may register -update too without a clash.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the expected outputs of testdata/*.txt")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// goldenCase is one case of a golden file.
type goldenCase struct {
	file     string
	line     int // 1-based line of the command
	args     []string
	input    string
	expected string
	// lines [expFrom, expTo) of the file hold the separators and the
	// expected output; -update replaces exactly them.
	expFrom, expTo int
}

func (c goldenCase) String() string { return fmt.Sprintf("%s:%d", c.file, c.line) }

const sep = "----"

func parseGolden(file string, data []byte) ([]goldenCase, []string, error) {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var cases []goldenCase
	for i := 0; i < len(lines); {
		l := lines[i]
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			i++
			continue
		}
		c := goldenCase{file: file, line: i + 1, args: strings.Fields(l)}
		if c.args[0] != "simulate" {
			return nil, nil, fmt.Errorf("%s: unknown command %q", c, c.args[0])
		}
		i++
		var in []string
		for ; i < len(lines) && lines[i] != sep; i++ {
			in = append(in, lines[i])
		}
		if i == len(lines) {
			return nil, nil, fmt.Errorf("%s: no %q after the input", c, sep)
		}
		c.input = strings.Join(in, "\n") + "\n"
		c.expFrom = i
		i++
		var exp []string
		if i < len(lines) && lines[i] == sep {
			for i++; ; i++ {
				if i+1 >= len(lines) {
					return nil, nil, fmt.Errorf("%s: expected output not closed by %q twice", c, sep)
				}
				if lines[i] == sep && lines[i+1] == sep {
					i += 2
					break
				}
				exp = append(exp, lines[i])
			}
		} else {
			for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
				exp = append(exp, lines[i])
			}
		}
		c.expTo = i
		if len(exp) > 0 {
			c.expected = strings.Join(exp, "\n") + "\n"
		}
		cases = append(cases, c)
	}
	return cases, lines, nil
}

// output runs the case's command as a user would and returns what it prints.
func (c goldenCase) output() string {
	args := append(slices.Clone(c.args), "-")
	code, out, errOut := runCLI(c.input, args...)
	if code != 0 {
		out += fmt.Sprintf("exit status %d\n%s", code, errOut)
	}
	return out
}

func goldenFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files in testdata (%v)", err)
	}
	return files
}

func readGolden(t *testing.T, file string) ([]goldenCase, []string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cases, lines, err := parseGolden(file, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", file)
	}
	return cases, lines
}

// Each golden scenario prints exactly its expected output.
func TestGoldenScenarios(t *testing.T) {
	for _, file := range goldenFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			cases, lines := readGolden(t, file)
			if updating() {
				rewriteGolden(t, file, cases, lines)
				return
			}
			for _, c := range cases {
				if got := c.output(); got != c.expected {
					t.Errorf("%s: %s: output differs (go test ./cmd/gatherorder -update rewrites it)\n--- got\n%s--- want\n%s",
						c, strings.Join(c.args, " "), got, c.expected)
				}
			}
		})
	}
}

func rewriteGolden(t *testing.T, file string, cases []goldenCase, lines []string) {
	var b strings.Builder
	at := 0
	for _, c := range cases {
		for ; at < c.expFrom; at++ {
			b.WriteString(lines[at] + "\n")
		}
		b.WriteString(sep + "\n" + sep + "\n" + c.output() + sep + "\n" + sep + "\n")
		at = c.expTo
	}
	for ; at < len(lines); at++ {
		b.WriteString(lines[at] + "\n")
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The parser reads both separator forms and -update's rewrite is stable.
func TestGoldenParserReadsBothFormsAndRewritesStably(t *testing.T) {
	src := "# c\nsimulate --json\n{}\n----\nsingle\n\nsimulate\n{\n}\n----\n----\na\n\nb\n----\n----\n"
	cases, lines, err := parseGolden("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].expected != "single\n" || cases[1].expected != "a\n\nb\n" ||
		cases[1].input != "{\n}\n" || !slices.Equal(cases[0].args, []string{"simulate", "--json"}) || cases[1].line != 7 {
		t.Fatalf("parsed %+v", cases)
	}
	if lines[cases[1].expFrom] != sep || cases[1].expTo != len(lines) {
		t.Fatalf("expected-output span [%d, %d) of %d lines", cases[1].expFrom, cases[1].expTo, len(lines))
	}
	for _, bad := range []string{"simulate\n{}\n", "simulate\n{}\n----\n----\nx\n", "claims\n{}\n----\n"} {
		if _, _, err := parseGolden("x.txt", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// The example workload for the README is the seed scenario's.
func TestSeedJSONIsTheSeedScenario(t *testing.T) {
	cases, _ := readGolden(t, filepath.Join("testdata", "seed.txt"))
	data, err := os.ReadFile(filepath.Join("testdata", "seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	if cases[0].input != string(data) {
		t.Errorf("testdata/seed.json differs from the first workload of testdata/seed.txt")
	}
}

// driverLine is one input line of asyncio_driver.py (integer ns).
type driverLine struct {
	ID    string       `json:"id"`
	Tasks []driverTask `json:"tasks"`
}

type driverTask struct {
	Name  string              `json:"name"`
	Steps []map[string]uint64 `json:"steps"`
}

type driverResult struct {
	ID       string           `json:"id"`
	Error    string           `json:"error"`
	Finish   map[string]int64 `json:"finish"`
	Makespan int64            `json:"makespan"`
	Segments [][4]any         `json:"segments"`
}

// check is what one CPython run must confirm.
type check struct {
	what     string // file:line policy
	w        *model.Workload
	ord      []int
	makespan model.Duration
	finish   map[string]model.Duration // from the committed text, keyed by task name
}

// Every finish time and makespan printed in the committed golden files,
// and every CPU segment behind the timelines, is what real CPython 3.11
// asyncio gives for the same workload gathered in the same order.
func TestGoldenFinishTimesMatchCPython(t *testing.T) {
	var checks []check
	for _, file := range goldenFiles(t) {
		cases, _ := readGolden(t, file)
		for _, c := range cases {
			w, err := model.Parse(c.String(), []byte(c.input))
			if err != nil {
				continue // a bad-input case: nothing to run
			}
			checks = append(checks, committedChecks(t, c, w)...)
		}
	}
	if len(checks) == 0 {
		t.Fatal("no golden output to check")
	}
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for i, ch := range checks {
		line := driverLine{ID: fmt.Sprint(i), Tasks: []driverTask{}}
		for _, k := range ch.ord {
			tk := ch.w.Tasks[k]
			dt := driverTask{Name: tk.Name, Steps: []map[string]uint64{}}
			for _, s := range tk.Steps {
				dt.Steps = append(dt.Steps, map[string]uint64{s.Kind.String(): uint64(s.D)})
			}
			line.Tasks = append(line.Tasks, dt)
		}
		if err := enc.Encode(line); err != nil {
			t.Fatal(err)
		}
	}
	results := runDriver(t, in.Bytes())
	if len(results) != len(checks) {
		t.Fatalf("driver answered %d lines for %d workloads", len(results), len(checks))
	}
	for i, ch := range checks {
		r := results[i]
		if r.Error != "" || r.ID != fmt.Sprint(i) {
			t.Fatalf("%s: driver: id %q error %q", ch.what, r.ID, r.Error)
		}
		if model.Duration(r.Makespan) != ch.makespan {
			t.Errorf("%s: golden makespan %d ns, CPython %d ns", ch.what, ch.makespan, r.Makespan)
		}
		for name, f := range ch.finish {
			if cf, ok := r.Finish[name]; !ok || model.Duration(cf) != f {
				t.Errorf("%s: task %s: golden finish %d ns, CPython %d ns", ch.what, name, f, cf)
			}
		}
		sim := model.Simulate(ch.w, ch.ord)
		if len(sim.Segments) != len(r.Segments) {
			t.Errorf("%s: model has %d CPU segments, CPython %d", ch.what, len(sim.Segments), len(r.Segments))
			continue
		}
		for k, s := range sim.Segments {
			want := fmt.Sprint([4]any{ch.w.Tasks[s.Task].Name, s.Step, int64(s.Start), int64(s.End)})
			if got := fmt.Sprint(r.Segments[k]); got != want {
				t.Errorf("%s: segment %d: model %s, CPython %s", ch.what, k, want, got)
			}
		}
	}
	t.Logf("%d golden orders confirmed on CPython", len(checks))
}

var (
	chartHeader = regexp.MustCompile(`^(\w+): gather\((.*)\) takes (\S+) (\w+)`)
	summaryHead = "policy  gather order"
)

// committedChecks reads the policy orders, makespans and finish times out
// of the committed expected output of case c (text or JSON), so that the
// committed bytes themselves are what CPython confirms.
func committedChecks(t *testing.T, c goldenCase, w *model.Workload) []check {
	t.Helper()
	index := map[string]int{}
	for i, tk := range w.Tasks {
		index[tk.Name] = i
	}
	dur := func(s string) model.Duration {
		d, err := model.ParseDuration(s, unitOf(w))
		if err != nil {
			t.Fatalf("%s: %q in the expected output: %v", c, s, err)
		}
		return d
	}
	names := func(list []string) []int {
		ord := []int{}
		for _, n := range list {
			k, ok := index[n]
			if !ok {
				t.Fatalf("%s: unknown task %q in the expected output", c, n)
			}
			ord = append(ord, k)
		}
		return ord
	}
	var out []check
	if slices.Contains(c.args, "--json") {
		var got jsonOutput
		d := json.NewDecoder(strings.NewReader(c.expected))
		d.UseNumber()
		if err := d.Decode(&got); err != nil {
			t.Fatalf("%s: expected output is not JSON: %v", c, err)
		}
		for _, r := range got.Results {
			ch := check{what: c.String() + " " + r.Policy, w: w, ord: names(r.Order), makespan: dur(string(r.Makespan)), finish: map[string]model.Duration{}}
			for n, f := range r.Finish {
				ch.finish[n] = dur(string(f))
			}
			if len(ch.finish) != len(w.Tasks) {
				t.Fatalf("%s: finish lists %d tasks, workload has %d", ch.what, len(ch.finish), len(w.Tasks))
			}
			out = append(out, ch)
		}
		return out
	}
	// Text: each summary row gives a policy, its order and makespan; each
	// chart header gives them again, and the rows below it, up to (cpu),
	// end with each task's finish.
	sc := bufio.NewScanner(strings.NewReader(c.expected))
	var cur *check
	inSummary := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, summaryHead) {
			inSummary = true
			continue
		}
		if inSummary {
			f := strings.Fields(line)
			if len(f) == 0 {
				inSummary = false
				continue
			}
			n := max(1, len(w.Tasks)) // "(none)" stands for the empty order
			if len(f) < n+2 {
				t.Fatalf("%s: short summary row %q", c, line)
			}
			list := f[1 : 1+n]
			if len(w.Tasks) == 0 && list[0] == "(none)" {
				list = nil
			}
			out = append(out, check{what: c.String() + " summary " + f[0], w: w, ord: names(list), makespan: dur(f[1+n])})
			continue
		}
		if m := chartHeader.FindStringSubmatch(line); m != nil {
			var list []string
			if m[2] != "" {
				list = strings.Split(m[2], ", ")
			}
			out = append(out, check{what: c.String() + " " + m[1], w: w, ord: names(list), makespan: dur(m[3]), finish: map[string]model.Duration{}})
			cur = &out[len(out)-1]
			if m[4] != string(unitOf(w)) {
				t.Fatalf("%s: unit %q, workload unit %q", cur.what, m[4], unitOf(w))
			}
			continue
		}
		f := strings.Fields(line)
		if cur == nil || len(f) < 2 || f[0] == "time" {
			continue
		}
		if f[0] == "(cpu)" {
			if len(cur.finish) != len(w.Tasks) {
				t.Fatalf("%s: timeline has %d task rows, workload has %d tasks", cur.what, len(cur.finish), len(w.Tasks))
			}
			cur = nil
			continue
		}
		if _, ok := index[f[0]]; ok {
			cur.finish[f[0]] = dur(f[len(f)-1])
		}
	}
	if len(w.Tasks) > 0 && !strings.Contains(c.expected, summaryHead) {
		t.Fatalf("%s: no summary table in the expected output", c)
	}
	return out
}

// runDriver pipes JSON lines through CPython's asyncio under the driver's
// virtual clock.
func runDriver(t *testing.T, in []byte) []driverResult {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 not found: the golden files are confirmed on CPython 3.11; apt-get install python3")
	}
	driver := filepath.Join("..", "..", "oracle", "drivers", "asyncio_driver.py")
	cmd := exec.Command(py, driver)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", py, driver, err, stderr.String())
	}
	var rs []driverResult
	d := json.NewDecoder(bytes.NewReader(out))
	d.UseNumber() // segment times stay exact integers, not float64
	for d.More() {
		var r driverResult
		if err := d.Decode(&r); err != nil {
			t.Fatalf("driver output: %v", err)
		}
		rs = append(rs, r)
	}
	return rs
}
