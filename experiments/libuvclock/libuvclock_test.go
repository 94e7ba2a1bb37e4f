package libuvclock

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/experiments/realclock"
	"github.com/gatherorder/gatherorder/model"
)

// The inputs are a function of (seed, n) only, a shorter run a prefix of a
// longer one, and every class is drawn.
func TestWorkloadsAreDeterministicPrefixes(t *testing.T) {
	a, b := Workloads(1, 30, 20e6), Workloads(1, 9, 20e6)
	classes := map[realclock.Class]bool{}
	for i, s := range b {
		if !bytes.Equal(model.Marshal(s.Workload), model.Marshal(a[i].Workload)) || s.Class != a[i].Class {
			t.Fatalf("workload %d differs between runs of 30 and 9", i)
		}
		classes[s.Class] = true
		if err := s.Workload.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, task := range s.Workload.Tasks {
			for _, st := range task.Steps {
				if st.D%20e6 != 0 {
					t.Fatalf("workload %d: %d ns is not whole units", i, st.D)
				}
			}
		}
	}
	if len(classes) != 3 {
		t.Fatalf("classes %v", classes)
	}
}

// HasTies sees two timers due at one instant, and ignores bare yields.
func TestHasTies(t *testing.T) {
	w := &model.Workload{Tasks: []model.Task{
		{Name: "a", Steps: []model.Step{{Kind: model.Sleep, D: 5}}},
		{Name: "b", Steps: []model.Step{{Kind: model.Sleep}, {Kind: model.Sleep}}},
	}}
	if r := model.Simulate(w, nil); HasTies(&r) {
		t.Fatal("bare yields count as ties")
	}
	w.Tasks[1].Steps = append(w.Tasks[1].Steps, model.Step{Kind: model.Sleep, D: 5})
	if r := model.Simulate(w, nil); !HasTies(&r) {
		t.Fatal("two timers due at 5 are not a tie")
	}
}

// The CSV round-trips, and the summary classifies a disagreement.
func TestCSVRoundTripAndSummary(t *testing.T) {
	row := Row{Runtime: "node", ID: 3, Class: Contrast, Policy: "lif", Tasks: 2, PredMs: 100, OtherMs: 100,
		AsyncioMs: 120, UVLoopMs: 120, NodeMs: 100, MedMs: 121, MinMs: 120.5, MaxMs: 122,
		FinErrMs: 21, FinErrOtherMs: 21, FinErrBestMs: 20.5, FinErrAsyncioMs: 1, FinErrUVLoopMs: 1, FinErrNodeMs: 21,
		Discriminates: true, Repeats: 3, Versions: "node 20.20.2, libuv 1.46.0", Machine: "linux/amd64 X", Load: "1.50"}
	ok := row
	ok.ID, ok.MedMs, ok.FinErrMs, ok.FinErrBestMs = 4, 101, 1, 0.5
	path := filepath.Join(t.TempDir(), "l.csv")
	if err := WriteCSV(path, []Row{row, ok}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != row || got[1] != ok {
		t.Fatalf("read %+v", got)
	}
	var b strings.Builder
	Summarize(got, 10, 3).Write(&b)
	for _, want := range []string{"agree   1 ( 50.0%)", "1 " + OtherRuntime + " (asyncio)"} {
		if !strings.Contains(b.String(), want) {
			t.Fatalf("summary lacks %q:\n%s", want, b.String())
		}
	}
	os.WriteFile(path, []byte(strings.Join(Header, ",")+"\nnode,x\n"), 0o644)
	if _, err := ReadCSV(path); err == nil || !strings.Contains(err.Error(), path+":2") {
		t.Fatalf("err = %v", err)
	}
}
