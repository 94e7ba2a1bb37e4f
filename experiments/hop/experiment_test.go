package main

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/model"
)

var (
	smallOnce sync.Once
	smallRows []Row
	smallErr  string
)

// smallRuns runs the whole experiment once per test binary at a small unit
// (CPU phases 20 ms, delays 20/60/100 ms, 3 runs: about 3 s) and returns
// its rows.
func smallRuns(t *testing.T) []Row {
	t.Helper()
	smallOnce.Do(func() { smallRows, smallErr = measureSmall() })
	if smallErr != "" {
		t.Fatal(smallErr)
	}
	return smallRows
}

func measureSmall() ([]Row, string) {
	if _, err := exec.LookPath("python3"); err != nil {
		return nil, "python3 is needed for the real-socket experiment: apt-get install python3"
	}
	c := Config{Python: "python3", ClientArgs: ClientArgs{CPUMS: 20, DelaysMS: []int{20, 60, 100}, Runs: 3}, Timeout: time.Minute}
	sc, err := NewScenario(c.CPUMS, c.DelaysMS)
	if err != nil {
		return nil, err.Error()
	}
	srv, err := StartServer(int64(c.Runs * 2 * len(Orders) * len(c.DelaysMS)))
	if err != nil {
		return nil, err.Error()
	}
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), c.Timeout)
	defer cancel()
	runs, err := runClient(ctx, c.Python, clientScript, srv.Port, c.ClientArgs)
	if err != nil {
		return nil, err.Error()
	}
	return Rows(sc, runs), ""
}

// Claim: CPython 3.11's asyncio.open_connection to 127.0.0.1 takes exactly
// the loop iterations the model's ConnectHop takes, for every task of every
// run, in both variants.
func TestClientTakesTheHopsTheModelEncodes(t *testing.T) {
	want := modelHops(t)
	for _, r := range smallRuns(t) {
		for i, h := range r.Hops {
			if h != want {
				t.Errorf("%s %s run %d task %s: connection took %d iterations, the model %d", r.Variant, r.Order, r.Run.Run, r.Names[i], h, want)
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
	rows := smallRuns(t)
	for _, r := range rows {
		if r.Makespan < r.Hop {
			t.Errorf("%s %s run %d: measured %s ms below the hop model's %s ms", r.Variant, r.Order, r.Run.Run,
				model.Format(r.Makespan, model.Millisecond), model.Format(r.Hop, model.Millisecond))
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

// Bad flags, and a client that cannot run, end with one line on stderr
// and exit status 2.
func TestBadInputIsOneLineAndExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"-runs", "0"}, {"-delays-ms", "1,x"}, {"-delays-ms", "1,20000"}, {"extra"},
		{"-python", "/nonexistent/python3", "-runs", "1", "-out", ""},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
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
