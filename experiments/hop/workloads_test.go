package hop

import (
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

func scenario(t *testing.T, cpu int, delays ...int) Scenario {
	t.Helper()
	s, err := NewScenario(cpu, delays)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ModelHops is the number of loop iterations from the step that ends the
// first CPU phase (variant A) to the step that writes the request, in the
// model: a zero-time CPU marker placed before the wait records its
// iteration, without changing any time.
func modelHops(t *testing.T) int {
	w := &model.Workload{Unit: model.Millisecond, Tasks: []model.Task{{Name: "a",
		Steps: append(append([]model.Step{{Kind: model.CPU, D: 1}}, ConnectHop...),
			model.Step{Kind: model.CPU}, model.Step{Kind: model.IO, D: 1})}}}
	r := model.Simulate(w, nil)
	if len(r.Segments) != 2 {
		t.Fatalf("segments %v", r.Segments)
	}
	return r.Segments[1].Iter - r.Segments[0].Iter
}

// Claim: with CPU phases c and delays c, 3c, 5c the naive model gives 7c
// longest first and 9c shortest first in both variants; with the
// connection's hops, variant A takes 9c in both orders (every request
// leaves at 3c) and variant B keeps the naive 7c against 9c.
func TestHopRemovesTheOrderEffectOnlyWhenConnectingAfterCPU(t *testing.T) {
	s := scenario(t, 100, 100, 300, 500)
	ms := model.Duration(1e6)
	for _, c := range []struct {
		v          Variant
		order      string
		naive, hop model.Duration
	}{
		{ConnectAfterCPU, "longest-first", 700 * ms, 900 * ms},
		{ConnectAfterCPU, "shortest-first", 900 * ms, 900 * ms},
		{ConnectBeforeCPU, "longest-first", 700 * ms, 700 * ms},
		{ConnectBeforeCPU, "shortest-first", 900 * ms, 900 * ms},
	} {
		n, h := s.Predict(c.v, c.order)
		if n != c.naive || h != c.hop {
			t.Errorf("%s %s: naive %s hop %s, want %s %s", c.v, c.order,
				model.Format(n, model.Millisecond), model.Format(h, model.Millisecond),
				model.Format(c.naive, model.Millisecond), model.Format(c.hop, model.Millisecond))
		}
	}
	if got := modelHops(t); got != 4 {
		t.Errorf("ConnectHop takes %d iterations in the model, want CPython's 4", got)
	}
}

// Gather orders put the longest (shortest) delay first, ties by name.
func TestWorkloadOrdersTasksByDelay(t *testing.T) {
	s := scenario(t, 1, 3, 5, 1, 3) // a=3 b=5 c=1 d=3
	for order, want := range map[string]string{"longest-first": "badc", "shortest-first": "cadb"} {
		got := ""
		for _, tk := range s.Workload(ConnectAfterCPU, order, false).Tasks {
			got += tk.Name
		}
		if got != want {
			t.Errorf("%s: %s, want %s", order, got, want)
		}
	}
}
