package csvfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A missing file says what it is and how it is made; a wrong header or a
// short record names the file (and the line).
func TestReadChecksHeaderAndFieldCounts(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "d.csv")
	if _, err := Read(p, []string{"a", "b"}, "some data", "it is made by make x"); err == nil || !strings.Contains(err.Error(), "some data: ") || !strings.Contains(err.Error(), "(it is made by make x)") {
		t.Errorf("missing file: %v", err)
	}
	for body, want := range map[string]string{
		"a,b\n":           p + ": no data",
		"a,c\n1,2\n":      p + ": no data, or header is not a,b",
		"a,b\n1,2\n3\n":   p + ":3: 1 fields, want 2",
		"a,b\n1,2\n3,4\n": "",
	} {
		os.WriteFile(p, []byte(body), 0o644)
		recs, err := Read(p, []string{"a", "b"}, "some data", "")
		if want == "" {
			if err != nil || len(recs) != 2 || recs[1][1] != "4" {
				t.Errorf("%q: %v %v", body, recs, err)
			}
		} else if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", body, err, want)
		}
	}
}
