package hop

import (
	"context"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
)

var (
	smallOnce sync.Once
	small     Measurement
	smallErr  string
)

// smallRuns runs the whole experiment once per test binary at a small unit
// (CPU phases 20 ms, delays 20/60/100 ms, 3 runs: about 3 s) and returns
// what it measured. Real sockets and the wall clock: only with
// GATHERORDER_VERIFY=1 (make hop, make verify).
func smallRuns(t *testing.T) Measurement {
	t.Helper()
	if !verify.On() {
		t.Skip("real sockets on the wall clock: set GATHERORDER_VERIFY=1 (make hop, make verify)")
	}
	smallOnce.Do(func() { small, smallErr = measureSmall() })
	if smallErr != "" {
		t.Fatal(smallErr)
	}
	return small
}

func measureSmall() (Measurement, string) {
	if _, err := exec.LookPath("python3"); err != nil {
		return Measurement{}, "python3 is needed for the real-socket experiment: apt-get install python3"
	}
	c := Config{Python: "python3", ClientArgs: ClientArgs{CPUMS: 20, DelaysMS: []int{20, 60, 100}, Runs: 3}, Timeout: time.Minute}
	m, err := Measure(context.Background(), c)
	if err != nil {
		return Measurement{}, err.Error()
	}
	return m, ""
}

// Claim: CPython 3.11's asyncio.open_connection to 127.0.0.1 takes exactly
// the loop iterations the model's ConnectHop takes, for every task of every
// run, in both variants.
func TestClientTakesTheHopsTheModelEncodes(t *testing.T) {
	m := smallRuns(t)
	want := modelHops(t)
	for _, r := range m.Runs {
		for i, h := range r.Hops {
			if h != want {
				t.Errorf("%s %s run %d task %s: connection took %d iterations, the model %d", r.Variant, r.Order, r.Run, r.Names[i], h, want)
			}
		}
	}
}

// Claim: real sockets show the hop effect. Every measured makespan lies
// at or above the hop model's prediction (time.sleep and the server's
// delay only overshoot), so connecting after the CPU phase (variant A)
// takes at least 9 units longest first, not the naive 7; and connecting
// before it (variant B) brings the order effect back: B longest first
// (median) beats what any order of variant A can achieve.
func TestRealSocketsShowTheHopEffect(t *testing.T) {
	m := smallRuns(t)
	rows := Rows(m.Scenario, m.Runs)
	for _, r := range rows {
		if r.Measured < r.Hop {
			t.Errorf("%s %s run %d: measured %s ms below the hop model's %s ms", r.Variant, r.Order, r.Run,
				model.Format(r.Measured, model.Millisecond), model.Format(r.Hop, model.Millisecond))
		}
	}
	var bLongest, aBound model.Duration
	for _, s := range Stats(rows) {
		t.Logf("%s %s: median %s ms (min %s, max %s), naive %s, hop %s", s.Variant, s.Order,
			model.Format(s.Median, model.Millisecond), model.Format(s.Min, model.Millisecond), model.Format(s.Max, model.Millisecond),
			model.Format(s.Naive, model.Millisecond), model.Format(s.Hop, model.Millisecond))
		switch {
		case s.Variant == ConnectBeforeCPU && s.Order == "longest-first":
			bLongest = s.Median
		case s.Variant == ConnectAfterCPU:
			aBound = max(aBound, s.Hop)
		}
	}
	if bLongest >= aBound {
		t.Errorf("variant B longest first took %s ms (median), not below variant A's bound %s ms",
			model.Format(bLongest, model.Millisecond), model.Format(aBound, model.Millisecond))
	}
}

// Client lines are checked: errors are reported, not parsed as runs.
func TestParseLineRejectsErrorsAndBadFields(t *testing.T) {
	for _, l := range []string{
		`{"error": "ConnectionRefusedError: boom"}`,
		`{"variant": "C", "order": "longest-first", "run": 1, "makespan_ns": 1, "finish_ns": {}, "hops": {}}`,
		`{"variant": "A", "order": "longest-first", "run": 1, "makespan_ns": -1, "finish_ns": {}, "hops": {}}`,
		`{"variant": "A", "order": "longest-first", "run": 1, "makespan_ns": 1, "finish_ns": {"a": 1}, "hops": {"b": 4}}`,
	} {
		if _, err := parseLine([]byte(l)); err == nil {
			t.Errorf("%s: accepted", l)
		}
	}
	r, err := parseLine([]byte(`{"variant": "B", "order": "shortest-first", "run": 2, "makespan_ns": 900, "finish_ns": {"b": 5, "a": 9}, "hops": {"b": 4, "a": 5}, "python": "3.11.7"}`))
	if err != nil || r.Makespan != 900 || strings.Join(r.Names, "") != "ba" || hopsText(r) != "b=4;a=5" {
		t.Errorf("%+v %v", r, err)
	}
}
