package realclock

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// The inputs are a function of (seed, n) only: the same seed gives
// byte-identical workloads, and a shorter run is a prefix of a longer one.
func TestWorkloadsAreDeterministicPrefixes(t *testing.T) {
	a := Workloads(1, 50, 20e6)
	b := Workloads(1, 10, 20e6)
	for i, s := range b {
		if !bytes.Equal(model.Marshal(s.Workload), model.Marshal(a[i].Workload)) || s.Class != a[i].Class {
			t.Fatalf("workload %d differs between runs of 50 and 10", i)
		}
	}
	if bytes.Equal(model.Marshal(Workloads(2, 1, 20e6)[0].Workload), model.Marshal(a[0].Workload)) {
		t.Fatal("seeds 1 and 2 give the same first workload")
	}
}

// Every workload has 2 to 5 tasks and durations in whole units; even ids
// are canonical.
func TestWorkloadsStayInTheirClass(t *testing.T) {
	const unit = 20e6
	for _, s := range Workloads(7, 200, unit) {
		if n := len(s.Workload.Tasks); n < 2 || n > 5 {
			t.Fatalf("workload %d has %d tasks", s.ID, n)
		}
		if err := s.Workload.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, task := range s.Workload.Tasks {
			if _, ok := model.AsJob(task); (s.Class == Canonical) != (s.ID%2 == 0) || (s.Class == Canonical && !ok) {
				t.Fatalf("workload %d (%s): task %v", s.ID, s.Class, task)
			}
			for _, st := range task.Steps {
				if st.D%unit != 0 {
					t.Fatalf("workload %d: duration %d is not whole units", s.ID, st.D)
				}
			}
		}
	}
}

// Quantile returns observed values: the smallest x with at least ⌈q·n⌉
// values ≤ x.
func TestQuantileIsNearestRank(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	for _, c := range []struct{ q, want float64 }{{0, 1}, {0.2, 1}, {0.5, 3}, {0.95, 5}, {1, 5}} {
		if got := Quantile(append([]float64(nil), xs...), c.q); got != c.want {
			t.Errorf("Quantile(q=%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if !math.IsNaN(Quantile(nil, 0.5)) {
		t.Error("Quantile of no data is not NaN")
	}
	if m := MedianNs([]int64{4, 1, 3, 2}); m != 2.5 {
		t.Fatalf("median %v", m)
	}
}

// The CSV round-trips through ReadCSV, and the summary reads it.
func TestCSVRoundTrip(t *testing.T) {
	rows := []Row{
		{ID: 0, Class: Canonical, Policy: "lif", Tasks: 3, PredMs: 140, MedMs: 143.5, MinMs: 141, MaxMs: 150, Repeats: 3, Python: "3.11.7", Machine: "linux/amd64 X, Y", Load: "1.00"},
		{ID: 0, Class: Canonical, Policy: "sif", Tasks: 3, PredMs: 180, MedMs: 182, MinMs: 181, MaxMs: 190, Repeats: 3, Python: "3.11.7", Machine: "linux/amd64 X, Y", Load: "1.00"},
	}
	path := filepath.Join(t.TempDir(), "r.csv")
	if err := WriteCSV(path, rows); err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1] != rows[1] || got[0] != rows[0] {
		t.Fatalf("read %+v", got)
	}
	var b strings.Builder
	Summarize(got).Write(&b)
	if !strings.Contains(b.String(), "measured sign agrees in 1") {
		t.Fatalf("summary:\n%s", b.String())
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), strings.Join(Header, ",")+"\n") {
		t.Fatalf("header: %q", data[:80])
	}
}

// Bad measurement files are reported with their file and line, not a
// panic.
func TestReadErrorsNameFileAndLine(t *testing.T) {
	rc := filepath.Join(t.TempDir(), "realclock.csv")
	os.WriteFile(rc, []byte(strings.Join(Header, ",")+"\n0,canonical,lif,2,x,1,1,1,3,3.11.7,m,1\n"), 0o644)
	if _, err := ReadCSV(rc); err == nil || !strings.Contains(err.Error(), rc+":2:") {
		t.Errorf("err = %v, want one naming %s:2", err, rc)
	}
}
