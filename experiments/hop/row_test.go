package hop

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The CSV round-trips through ReadCSV, exact to the nanosecond.
func TestCSVRoundTrip(t *testing.T) {
	s := scenario(t, 100, 100, 300, 500)
	runs := []Run{
		{Variant: ConnectAfterCPU, Order: "longest-first", Run: 1, Makespan: 911491647, Names: []string{"c", "b", "a"}, Hops: []int{4, 4, 4}, Python: "3.11.7"},
		{Variant: ConnectBeforeCPU, Order: "shortest-first", Run: 1, Makespan: 994515624, Names: []string{"a", "b", "c"}, Hops: []int{4, 5, 4}, Python: "3.11.7"},
	}
	rows := Rows(s, runs)
	var b bytes.Buffer
	if err := WriteCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hop.csv")
	os.WriteFile(path, b.Bytes(), 0o644)
	got, err := ReadCSV(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, rows) || got[1].Hops != "a=4;b=5;c=4" {
		t.Fatalf("read %+v, wrote %+v", got, rows)
	}
}

// Bad measurement files are reported with their file and line, not a
// panic: here, predictions that differ between runs of one variant and
// order.
func TestReadErrorsNameFileAndLine(t *testing.T) {
	hop := filepath.Join(t.TempDir(), "hop.csv")
	os.WriteFile(hop, []byte(strings.Join(Header, ",")+"\nA,longest-first,1,900,700,900,4,3.11.7\nA,longest-first,2,900,700,800,4,3.11.7\n"), 0o644)
	if _, err := ReadCSV(hop); err == nil || !strings.Contains(err.Error(), hop+":3:") {
		t.Errorf("err = %v, want one naming %s:3", err, hop)
	}
}
