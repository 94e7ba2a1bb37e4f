package advisor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A short measurement (two small n, two instances, a tiny budget) gives a
// row per solver and n, the CSV reads back to the same rows, and the
// tables show every n once with both solvers.
func TestRunWriteReadRender(t *testing.T) {
	c := Config{Ns: []int{10, 40}, Instances: func(int) int { return 2 }, Seed: 1, Budget: 50 * time.Millisecond, PreviousMaxN: 10, Machine: "test machine"}
	rows := Run(c, &bytes.Buffer{})
	if len(rows) != 4 || rows[0].Solver != Search || rows[1].Solver != Previous || rows[3].Instances != 0 || rows[3].Note == "" {
		t.Fatalf("rows %+v", rows)
	}
	for _, r := range rows {
		if r.Instances > 0 && (r.MedianGap < 0 || r.WorstGap < r.MedianGap || r.Optimal > r.Instances || r.MaxWall < r.MedianWall) {
			t.Fatalf("row %+v", r)
		}
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "advisor.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	WriteCSV(&again, back)
	if again.String() != b.String() {
		t.Fatalf("CSV round trip differs:\n%s\n%s", b.String(), again.String())
	}
	md := string(Markdown(back))
	if strings.Count(md, "\n| 10 |") != 1 || strings.Count(md, "\n| 40 |") != 1 || !strings.Contains(md, "not run") || !strings.Contains(md, "test machine") {
		t.Fatalf("markdown:\n%s", md)
	}
	if tex := string(TeX(back)); !strings.Contains(tex, "\\begin{tabular}") || strings.Contains(tex, "% Median") == false {
		t.Fatalf("TeX:\n%s", tex)
	}
}

// ReadCSV names the file and line of a bad record.
func TestReadCSVRejectsBadRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(path, []byte(strings.Join(Header, ",")+"\n10,search,x,,,,,,2,1,m,\n"), 0o644)
	if _, err := ReadCSV(path); err == nil || !strings.Contains(err.Error(), "bad.csv:2") {
		t.Fatalf("err = %v", err)
	}
}

// The committed table reads and covers n = 10 to 10⁶.
func TestCommittedTableCoversTenToAMillion(t *testing.T) {
	rows, err := ReadCSV("../data/advisor.csv")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, r := range rows {
		seen[r.N] = true
	}
	for _, n := range Default.Ns {
		if !seen[n] {
			t.Errorf("no row for n = %d", n)
		}
	}
}
