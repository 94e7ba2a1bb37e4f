package main

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const repoData = "../../experiments/data"

// The paper's real-clock numbers are those experiments/realclock's own
// summary prints for the committed CSV: the two programs compute them
// independently (same definitions), and this test runs the other one and
// compares its output line for line with ours, formatted its way.
func TestRealclockNumbersMatchItsSummary(t *testing.T) {
	rows, err := readRealclock(filepath.Join(repoData, "realclock.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s := realclockStats(rows)
	out, err := exec.Command("go", "run", "../realclock", "-summarize", filepath.Join(repoData, "realclock.csv")).CombinedOutput()
	if err != nil {
		t.Fatalf("go run ./experiments/realclock -summarize: %v\n%s", err, out)
	}
	want := []string{
		fmt.Sprintf("%d rows: |measured median - predicted| median %.2f ms, p95 %.2f ms; relative median %.2f%%, p95 %.2f%%; signed error median %+.2f ms, min %+.2f ms",
			s.Rows, s.AbsMed, s.AbsP95, 100*s.RelMed, 100*s.RelP95, s.SignedMed, s.SignedMin),
		fmt.Sprintf("order effect: %d workloads where the model predicts lif != sif, measured sign agrees in %d; %d with equal predictions, measured |lif - sif| median %.2f ms",
			s.Differ, s.Agree, s.EqualPred, s.EqualSpreadMed),
	}
	for _, w := range want {
		if !strings.Contains(string(out), w) {
			t.Errorf("realclock's summary lacks our line\n  %s\nit printed:\n%s", w, out)
		}
	}
}

// nearestRank returns observed values: the smallest x with at least
// ⌈q·n⌉ values ≤ x.
func TestNearestRankIsTheSmallestValueWithEnoughBelow(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3}
	for _, c := range []struct{ q, want float64 }{{0, 1}, {0.2, 1}, {0.5, 3}, {0.95, 5}, {1, 5}} {
		if got := nearestRank(append([]float64(nil), xs...), c.q); got != c.want {
			t.Errorf("nearestRank(q=%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if !math.IsNaN(nearestRank(nil, 0.5)) {
		t.Error("nearestRank of no data is not NaN")
	}
}

// Bad measurement files are reported with their file and line, not a
// panic.
func TestMeasurementErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	rc := filepath.Join(dir, "realclock.csv")
	os.WriteFile(rc, []byte(strings.Join(rcHeader, ",")+"\n0,canonical,lif,2,x,1,1,1,3,3.11.7,m,1\n"), 0o644)
	if _, err := readRealclock(rc); err == nil || !strings.Contains(err.Error(), rc+":2:") {
		t.Errorf("realclock: err = %v, want one naming %s:2", err, rc)
	}
	hop := filepath.Join(dir, "hop.csv")
	os.WriteFile(hop, []byte(strings.Join(hopHeader, ",")+"\nA,longest-first,1,900,700,900,4,3.11.7\nA,longest-first,2,900,700,800,4,3.11.7\n"), 0o644)
	if _, _, err := readHop(hop); err == nil || !strings.Contains(err.Error(), hop+":3:") {
		t.Errorf("hop: err = %v, want one naming %s:3", err, hop)
	}
}
