package main

import (
	"io"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// The runtime table's claim, at test size: every runtime of
// model/SEMANTICS.md §S11 (eleven: six versions with gather, three with
// TaskGroup, two with eager tasks) matches its CPython exactly.
func TestRuntimeTableMatchesEveryCPython(t *testing.T) {
	rows, err := runRuntimes(QuickRuntimes, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if want := model.Runtimes(model.TiesHeapq); len(rows) != len(want) {
		t.Fatalf("%d rows for %d runtimes", len(rows), len(want))
	}
	for k, r := range rows {
		if want := model.Runtimes(model.TiesHeapq)[k]; r.Runtime != want {
			t.Errorf("row %d is %v, want %v", k, r.Runtime, want)
		}
		if r.Mismatches != 0 || r.Workloads != 2*QuickRuntimes.Workloads {
			t.Errorf("%s %v: %d mismatches in %d workloads", r.Python, r.Runtime, r.Mismatches, r.Workloads)
		}
	}
}

// The committed real-clock CSV is rebuilt exactly (every heapq prediction
// is the CSV's), and no pair's makespan depends on the tie rule: the
// experiment cannot tell the rules apart (model/SEMANTICS.md §S12).
func TestRealclockPredictionsDoNotDependOnTheTieRule(t *testing.T) {
	dep, pairs, err := realclockTies("../../experiments/data/realclock.csv")
	if err != nil {
		t.Fatal(err)
	}
	if pairs == 0 || dep != 0 {
		t.Fatalf("%d of %d pairs depend on the tie rule", dep, pairs)
	}
}
