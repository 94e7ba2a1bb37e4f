package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// canonicalWorkload is n canonical tasks t0, t1, … from the benchmark
// distribution (CPU phases 1..100 ns, waits 1..100n ns), seeded.
func canonicalWorkload(n int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	var b strings.Builder
	b.WriteString(`{"unit": "ns", "tasks": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"name": "t%d", "steps": [{"cpu": %d}, {"sleep": %d}, {"cpu": %d}]}`, i, 1+rng.IntN(100), 1+rng.IntN(100*n), 1+rng.IntN(100))
	}
	b.WriteString("]}")
	return b.String()
}

// The budget of best is checked with a deterministic node limit, not the
// clock: with --time-limit 0 and --nodes N, two runs print the same bytes,
// and the JSON states a lower bound no larger than the makespan, or optimal.
func TestSimulateBestUnderANodeLimitIsDeterministicAndStatesItsBound(t *testing.T) {
	proven := map[bool]int{}
	for _, tc := range []struct {
		name, in, nodes string
	}{
		{"canonical", canonicalWorkload(400, 3), "3000"},
		{"canonical", canonicalWorkload(400, 3), "1"},
		{"multi-step", nineTasks(), "50"},
		{"multi-step", gappedTasks(12), "50"},
	} {
		args := []string{"simulate", "--order", "given,best", "--time-limit", "0", "--nodes", tc.nodes, "--json", "-"}
		code, out, errOut := runCLI(tc.in, args...)
		_, again, _ := runCLI(tc.in, args...)
		if code != 0 || errOut != "" {
			t.Fatalf("%s: exit %d: %s", tc.name, code, errOut)
		}
		if out != again {
			t.Fatalf("%s: two runs under a node limit differ", tc.name)
		}
		res := decodeJSON(t, out).Results
		given, best := res[0], res[1]
		gm, _ := model.ParseDuration(string(given.Makespan), unitFor(tc.name))
		bm, _ := model.ParseDuration(string(best.Makespan), unitFor(tc.name))
		if bm > gm {
			t.Errorf("%s: best %s slower than given %s", tc.name, best.Makespan, given.Makespan)
		}
		if best.Optimal != nil {
			proven[*best.Optimal]++
		}
		switch {
		case best.Optimal == nil:
			t.Errorf("%s: best says nothing about optimality", tc.name)
		case *best.Optimal:
			if best.LowerBound != "" {
				t.Errorf("%s: optimal with a lower bound %s", tc.name, best.LowerBound)
			}
		default:
			lb, err := model.ParseDuration(string(best.LowerBound), unitFor(tc.name))
			if err != nil || lb <= 0 || lb > bm {
				t.Errorf("%s: lower bound %q, makespan %s", tc.name, best.LowerBound, best.Makespan)
			}
		}
	}
	if proven[true] == 0 || proven[false] == 0 {
		t.Errorf("runs proven optimal / not: %d / %d; the test should see both", proven[true], proven[false])
	}
}

// gappedTasks is n multi-step tasks whose waits leave the CPU idle in
// every order (each task's two waits exceed everyone's CPU work).
func gappedTasks(n int) string {
	var ts []string
	for i := range n {
		ts = append(ts, fmt.Sprintf(`{"name": "g%d", "steps": [{"cpu": %d}, {"sleep": %d}, {"cpu": 1}, {"io": %d}, {"cpu": %d}]}`, i, 1+i%3, 40+7*i, 30+5*(i%4), 1+i%2))
	}
	return `{"tasks": [` + strings.Join(ts, ", ") + `]}`
}

func unitFor(name string) model.Unit {
	if name == "canonical" {
		return model.Nanosecond
	}
	return model.Second
}

// Wide workloads stay readable: orders are abridged to their first and
// last tasks with the number of moved tasks, no timeline is drawn (and the
// text says so), and no line is long; small ones keep the full form.
func TestSimulateWideWorkloadsAreAbridged(t *testing.T) {
	code, out, errOut := runCLI(canonicalWorkload(300, 1), "simulate", "--order", "given,lif,best", "--nodes", "2000", "--time-limit", "0", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"300 tasks in gather order t0, t1, t2, ..., t299; times in ns.",
		"policy  gather order", "moved", "given   t0 t1 t2 ... t299", "abridged", "--json prints every order in full",
		"Timelines are drawn only for orders\nlisted in full, so none is drawn here.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "(cpu)") || strings.Contains(out, "Timelines (") {
		t.Errorf("a timeline of 300 tasks was drawn:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if len(line) > 160 {
			t.Errorf("line of %d characters: %q", len(line), line)
		}
	}
}

// A wide order that moves few tasks says which.
func TestSimulateAbridgedOrdersNameTheFewTasksTheyMove(t *testing.T) {
	var ts []string
	for i := range 40 {
		l := 0
		if i == 7 {
			l = 5
		}
		ts = append(ts, fmt.Sprintf(`{"name": "task%d", "steps": [{"cpu": 1}, {"sleep": %d}, {"cpu": 1}]}`, i, l))
	}
	_, out, _ := runCLI(`{"tasks": [`+strings.Join(ts, ", ")+`]}`, "simulate", "--order", "given,lif", "-")
	if !strings.Contains(out, "lif moves task7 to position 1, task0 to position 2,") {
		t.Errorf("the moves of lif are not named:\n%s", out)
	}
}

// The progress line appears on the terminal only after a second, is
// rewritten at most every 200 ms, and is erased at the end; without a
// terminal (a nil line) there is none.
func TestProgressLineAppearsAfterASecondAndIsErased(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressLine(&buf, 2*time.Second, model.Nanosecond)
	now := p.start
	p.now = func() time.Time { return now }
	pr := order.Progress{Nodes: 10, Best: 110, Bound: 100}
	p.update(pr)
	now = now.Add(900 * time.Millisecond)
	p.update(pr)
	if buf.Len() != 0 {
		t.Fatalf("progress before a second: %q", buf.String())
	}
	now = now.Add(200 * time.Millisecond)
	p.update(pr)
	want := "\rbest: 10 nodes, best 110, bound 100, gap 10%, 0.9 s left\x1b[K"
	if buf.String() != want {
		t.Fatalf("progress line %q, want %q", buf.String(), want)
	}
	now = now.Add(100 * time.Millisecond)
	p.update(pr)
	if buf.String() != want {
		t.Fatalf("rewritten within 200 ms: %q", buf.String())
	}
	p.clear()
	if !strings.HasSuffix(buf.String(), "\r\x1b[K") {
		t.Fatalf("not erased: %q", buf.String())
	}
	var none *progressLine
	none.update(pr) // a nil line does nothing
	none.clear()
}

// --help states the budget's default.
func TestSimulateHelpStatesTheDefaultBudget(t *testing.T) {
	_, out, _ := runCLI("", "simulate", "--help")
	for _, want := range []string{"--time-limit D", "default 2s", "--nodes N", "ltf", "mitten", "comma list"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
}

// simulate sends progress only to progressTo, and stdout is the same
// with and without a terminal.
func TestSimulateProgressGoesOnlyToTheTerminal(t *testing.T) {
	in := canonicalWorkload(200, 2)
	args := []string{"simulate", "--order", "best", "--nodes", "20000", "--time-limit", "0", "--json", "-"}
	_, plain, _ := runCLI(in, args...)
	var term bytes.Buffer
	saved := progressTo
	progressTo = func() io.Writer { return &term }
	defer func() { progressTo = saved }()
	code, out, errOut := runCLI(in, args...)
	if code != 0 || out != plain || errOut != "" {
		t.Fatalf("with a terminal: exit %d, stderr %q, stdout differs: %v", code, errOut, out != plain)
	}
	if s := term.String(); s != "" && !strings.HasPrefix(s, "\rbest: ") {
		t.Fatalf("terminal got %q", s)
	}
}

// jsonString quotes every name as encoding/json does, with or without
// its fast path.
func TestJSONStringIsEncodingJSONs(t *testing.T) {
	for _, s := range []string{"", "a", "t12", "fetch-1.a_b", `q"`, `b\s`, "<a>&", "tab\t", "é", "\u2028", "\xff", "~", "\x7f"} {
		want, _ := json.Marshal(s)
		if got := jsonString(s); got != string(want) {
			t.Errorf("jsonString(%q) = %s, want %s", s, got, want)
		}
	}
}
