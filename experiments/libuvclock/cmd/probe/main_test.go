package main

import (
	"strings"
	"testing"
)

// The model part needs no runtime: it prints the workload and every
// runtime's prediction.
func TestProbePrintsThePredictions(t *testing.T) {
	var b strings.Builder
	if err := run([]string{"128", "lif"}, &b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"in order [0 2 3 1]", "node (node): finish [180.0 260.0 220.0 240.0] ms"} {
		if !strings.Contains(b.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, b.String())
		}
	}
	for _, args := range [][]string{{"x", "lif"}, {"1", "fifo"}, {"1"}, {"1", "lif", "trio"}} {
		if err := run(args, &strings.Builder{}); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}
