package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// The inputs are a function of (seed, n) only: the same seed gives
// byte-identical workloads, and a shorter run is a prefix of a longer one.
func TestWorkloadsAreDeterministicPrefixes(t *testing.T) {
	a := workloads(1, 50, 20e6)
	b := workloads(1, 10, 20e6)
	for i, s := range b {
		if !bytes.Equal(model.Marshal(s.w), model.Marshal(a[i].w)) || s.class != a[i].class {
			t.Fatalf("workload %d differs between runs of 50 and 10", i)
		}
	}
	if bytes.Equal(model.Marshal(workloads(2, 1, 20e6)[0].w), model.Marshal(a[0].w)) {
		t.Fatal("seeds 1 and 2 give the same first workload")
	}
}

// Every workload has 2 to 5 tasks and durations in whole units; even ids
// are canonical.
func TestWorkloadsStayInTheirClass(t *testing.T) {
	const unit = 20e6
	for _, s := range workloads(7, 200, unit) {
		if n := len(s.w.Tasks); n < 2 || n > 5 {
			t.Fatalf("workload %d has %d tasks", s.id, n)
		}
		if err := s.w.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, task := range s.w.Tasks {
			if _, ok := model.AsJob(task); (s.class == canonical) != (s.id%2 == 0) || (s.class == canonical && !ok) {
				t.Fatalf("workload %d (%s): task %v", s.id, s.class, task)
			}
			for _, st := range task.Steps {
				if st.D%unit != 0 {
					t.Fatalf("workload %d: duration %d is not whole units", s.id, st.D)
				}
			}
		}
	}
}

func TestQuantileIsNearestRank(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	if q := quantile(xs, 0.5); q != 3 {
		t.Fatalf("median %v", q)
	}
	if q := quantile(xs, 0.95); q != 5 {
		t.Fatalf("p95 %v", q)
	}
	if m := medianNs([]int64{4, 1, 3, 2}); m != 2.5 {
		t.Fatalf("median %v", m)
	}
}

// The CSV round-trips through -summarize.
func TestCSVRoundTrip(t *testing.T) {
	rows := []row{
		{id: 0, class: "canonical", policy: "lif", nTasks: 3, predMs: 140, medMs: 143.5, minMs: 141, maxMs: 150, repeats: 3, python: "3.11.7", machine: "linux/amd64 X, Y", loadv: "1.00"},
		{id: 0, class: "canonical", policy: "sif", nTasks: 3, predMs: 180, medMs: 182, minMs: 181, maxMs: 190, repeats: 3, python: "3.11.7", machine: "linux/amd64 X, Y", loadv: "1.00"},
	}
	path := filepath.Join(t.TempDir(), "r.csv")
	if err := writeCSV(path, rows); err != nil {
		t.Fatal(err)
	}
	got, err := readCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1] != rows[1] || got[0] != rows[0] {
		t.Fatalf("read %+v", got)
	}
	var b strings.Builder
	summarize(&b, got)
	if !strings.Contains(b.String(), "measured sign agrees in 1") {
		t.Fatalf("summary:\n%s", b.String())
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), strings.Join(header, ",")+"\n") {
		t.Fatalf("header: %q", data[:80])
	}
}

func TestBadFlagsAreErrors(t *testing.T) {
	for _, args := range [][]string{{"-n", "0"}, {"-repeats", "x"}, {"extra"}, {"-summarize", "/nonexistent.csv"}} {
		if err := run(args, &strings.Builder{}); err == nil {
			t.Fatalf("%v accepted", args)
		}
	}
}
