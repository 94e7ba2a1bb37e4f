package model_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
)

// limitCase is a bounded gather derived by hand from
// model/SEMANTICS.md §S17, with its finish times and iteration count.
type limitCase struct {
	name   string
	json   string
	finish []model.Duration
	iters  int
}

var limitCases = []limitCase{
	// A body without awaits holds its slot for one step: a releases at 1
	// with no waiter (b has not run yet), and b acquires without yielding.
	{"semaphore-release-before-waiter", `{"unit":"ns","limit":{"kind":"semaphore","k":1},"tasks":[
		{"name":"a","steps":[{"cpu":1}]},{"name":"b","steps":[{"cpu":1}]}]}`, []model.Duration{1, 2}, 1},
	// b parks in iteration 1; a's release at 1 in iteration 2 queues b's
	// wakeup, which runs in iteration 3: one loop turn, no time.
	{"semaphore-release-costs-one-turn", `{"unit":"ns","limit":{"kind":"semaphore","k":1},"tasks":[
		{"name":"a","steps":[{"sleep":0},{"cpu":1}]},{"name":"b","steps":[{"cpu":1}]}]}`, []model.Duration{1, 2}, 3},
	// Semaphore(1) serialises everything: the makespan is the sum of all
	// durations (1+5+1 + 1+3+1), in any order.
	{"semaphore-one-is-serial", `{"unit":"s","limit":{"kind":"semaphore","k":1},"tasks":[
		{"name":"a","steps":[{"cpu":1},{"sleep":5},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":3},{"cpu":1}]}]}`,
		[]model.Duration{7e9, 12e9}, 6},
	// Semaphore(2) of three: a and b start at once, c parks; b's timer
	// (due 5) wakes it in iteration 3, b returns at 6 and releases, and c
	// starts in iteration 4 at 6.
	{"semaphore-two-of-three", `{"unit":"ns","limit":{"kind":"semaphore","k":2},"tasks":[
		{"name":"a","steps":[{"cpu":1},{"sleep":9},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":3},{"cpu":1}]},
		{"name":"c","steps":[{"cpu":1},{"sleep":1},{"cpu":1}]}]}`, []model.Duration{11, 6, 9}, 8},
	// One worker runs the coroutines back to back in one task: the next
	// starts in the step in which the last returned, no loop turn.
	{"workers-one", `{"unit":"ns","limit":{"kind":"workers","k":1},"tasks":[
		{"name":"a","steps":[{"sleep":0},{"cpu":1}]},{"name":"b","steps":[{"cpu":1}]}]}`, []model.Duration{1, 2}, 2},
	// Two workers, three coroutines: the worker that finishes b at 6 takes
	// c in the same step, one iteration earlier than the semaphore.
	{"workers-two-of-three", `{"unit":"ns","limit":{"kind":"workers","k":2},"tasks":[
		{"name":"a","steps":[{"cpu":1},{"sleep":9},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":3},{"cpu":1}]},
		{"name":"c","steps":[{"cpu":1},{"sleep":1},{"cpu":1}]}]}`, []model.Duration{11, 6, 9}, 7},
	// More workers than coroutines: the idle ones return in iteration 1.
	{"workers-idle", `{"unit":"ns","limit":{"kind":"workers","k":3},"tasks":[
		{"name":"a","steps":[{"io":0},{"cpu":1}]}]}`, []model.Duration{1}, 3},
}

// Claim: the simulator gives the hand-derived finishes and iteration
// counts of model/SEMANTICS.md §S17 on every CPython version.
func TestLimitedGathersRunAsSemanticsS17Says(t *testing.T) {
	for _, c := range limitCases {
		t.Run(c.name, func(t *testing.T) {
			w, err := model.Parse(c.name, []byte(c.json))
			if err != nil {
				t.Fatal(err)
			}
			for m := model.MinMinor; m <= model.MaxMinor; m++ {
				r := model.Runtime{Minor: m}.Simulate(w, nil)
				if !slices.Equal(r.Finish, c.finish) || r.Iterations != c.iters {
					t.Errorf("3.%d: finish %v in %d iterations, want %v in %d", m, r.Finish, r.Iterations, c.finish, c.iters)
				}
			}
		})
	}
}

// Claim: a Semaphore(k) or k workers with k >= n bound nothing: every
// finish, segment and wait is the unbounded gather's; and under k = 1
// every order takes the sum of all durations (model/SEMANTICS.md §S17.3).
func TestLimitWithRoomForAllIsUnboundedAndOneIsSerial(t *testing.T) {
	g := gen.AnyCase()
	for seed := 0; seed < 300; seed++ {
		c := g.Example(seed)
		un := model.Simulate(c.W, c.Order)
		var total model.Duration
		for _, task := range c.W.Tasks {
			for _, st := range task.Steps {
				total += st.D
			}
		}
		for _, kind := range []model.LimitKind{model.Semaphore, model.Workers} {
			w := *c.W
			w.Limit = model.Limit{Kind: kind, K: len(w.Tasks) + seed%3}
			r := model.Simulate(&w, c.Order)
			if !slices.Equal(r.Finish, un.Finish) || !slices.Equal(r.Segments, un.Segments) || !slices.Equal(r.Waits, un.Waits) {
				t.Fatalf("seed %d, %s: %v differs from the unbounded %v", seed, w.Limit, r.Finish, un.Finish)
			}
			w.Limit.K = 1
			if r := model.Simulate(&w, c.Order); r.Makespan != total {
				t.Fatalf("seed %d, %s: makespan %d, want the sum of all durations %d", seed, w.Limit, r.Makespan, total)
			}
		}
	}
}

// Claim: the parser reads the limit of model/SEMANTICS.md §S17.4, Marshal
// writes it back, and every malformed limit is one line naming the field.
func TestParseLimit(t *testing.T) {
	w, err := model.Parse("w.json", []byte(`{"limit": {"kind": "workers", "k": 3}, "tasks": []}`))
	if err != nil || w.Limit != (model.Limit{Kind: model.Workers, K: 3}) {
		t.Fatalf("got %+v, %v", w, err)
	}
	back, err := model.Parse("w.json", model.Marshal(w))
	if err != nil || back.Limit != w.Limit {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	for _, bad := range []struct{ in, want string }{
		{`{"limit": {"kind": "semaphore", "k": 0}, "tasks": []}`, "w.json: limit: k must be an integer from 1"},
		{`{"limit": {"kind": "semaphore", "k": -2}, "tasks": []}`, "limit: k must be an integer from 1"},
		{`{"limit": {"kind": "semaphore", "k": 1.5}, "tasks": []}`, "not 1.5"},
		{`{"limit": {"kind": "semaphore", "k": 2.0}, "tasks": []}`, "not 2.0"},
		{`{"limit": {"kind": "semaphore", "k": 1e1}, "tasks": []}`, "not 1e1"},
		{`{"limit": {"kind": "semaphore", "k": "2"}, "tasks": []}`, "k must be an integer, found"},
		{`{"limit": {"kind": "pool", "k": 2}, "tasks": []}`, `unknown limit kind "pool"`},
		{`{"limit": {"kind": "workers"}, "tasks": []}`, `limit: missing "k"`},
		{`{"limit": {"k": 2}, "tasks": []}`, `limit: missing "kind"`},
		{`{"limit": {"kind": "workers", "k": 2, "fair": true}, "tasks": []}`, `limit: unknown key "fair"`},
		{`{"limit": 2, "tasks": []}`, "limit"},
		{`{"limit": {"kind": "workers", "k": 99999999999999999999}, "tasks": []}`, "limit: k must be"},
	} {
		_, err := model.Parse("w.json", []byte(bad.in))
		if err == nil || !strings.Contains(err.Error(), bad.want) || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "w.json: ") {
			t.Errorf("%s: error %v, want one line with %q", bad.in, err, bad.want)
		}
	}
}

// Claim: a warmed-up Sim runs a bounded gather without allocating.
func TestLimitedRunDoesNotAllocate(t *testing.T) {
	for _, l := range []model.Limit{{Kind: model.Semaphore, K: 2}, {Kind: model.Workers, K: 3}} {
		w := benchLimited(l)
		var s model.Sim
		s.Run(w, nil, false)
		if a := testing.AllocsPerRun(100, func() { s.Run(w, nil, false) }); a != 0 {
			t.Errorf("%s: %v allocations per run", l, a)
		}
	}
}
