package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bad measurement files are reported with their file and line, not a
// panic.
func TestMeasurementErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	hop := filepath.Join(dir, "hop.csv")
	os.WriteFile(hop, []byte(strings.Join(hopHeader, ",")+"\nA,longest-first,1,900,700,900,4,3.11.7\nA,longest-first,2,900,700,800,4,3.11.7\n"), 0o644)
	if _, _, err := readHop(hop); err == nil || !strings.Contains(err.Error(), hop+":3:") {
		t.Errorf("hop: err = %v, want one naming %s:3", err, hop)
	}
}
