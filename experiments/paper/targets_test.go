package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bad row of the make-target timings is one error naming the file, the
// row and the field; a good one becomes a table row.
func TestTargetsTableRejectsBadRows(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ csv, want string }{
		{"target,seconds,basis,what\ntest,12,measured,the tests\n", `\texttt{make test} & 12\,s & measured & the tests`},
		{"target,seconds,basis,what\npaper,300,stated,the paper\n", `5\,min & stated`},
		{"target,seconds,basis,what\ntest,twelve,measured,x\n", `row 2 (test): seconds "twelve"`},
		{"target,seconds,basis,what\ntest,12,guessed,x\n", `row 2 (test): basis "guessed"`},
		{"target,secs,basis,what\n", "want the header"},
	} {
		p := filepath.Join(dir, "make_targets.csv")
		if err := os.WriteFile(p, []byte(c.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		o := &output{dir: dir}
		err := targetsTable(o, p)
		got := ""
		if err != nil {
			got = err.Error()
			if !strings.Contains(got, p) {
				t.Errorf("%q: error %q does not name the file", c.csv, got)
			}
		} else {
			b, _ := os.ReadFile(filepath.Join(dir, "generated", "artifact-targets.tex"))
			got = string(b)
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%q: got %q, want it to contain %q", c.csv, got, c.want)
		}
	}
}
