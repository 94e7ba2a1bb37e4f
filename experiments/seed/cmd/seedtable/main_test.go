package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command writes both tables, and bad usage or an unwritable path is
// one line on stderr with exit status 2.
func TestSeedtableWritesTablesAndRejectsBadUsage(t *testing.T) {
	dir := t.TempDir()
	table, tasks := filepath.Join(dir, "t.csv"), filepath.Join(dir, "k.csv")
	var out, errb bytes.Buffer
	if code := run([]string{"-table", table, "-tasks", tasks}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, p := range []string{table, tasks} {
		b, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(b, []byte("experiment,order,")) {
			t.Errorf("%s: %v %q", p, err, b)
		}
	}
	if !strings.Contains(out.String(), "hop   max error") {
		t.Errorf("stdout lacks the fit summary: %q", out.String())
	}
	for _, args := range [][]string{{"-nope"}, {"extra"}, {"-table", filepath.Join(dir, "missing", "x.csv"), "-tasks", tasks}} {
		errb.Reset()
		if code := run(args, &out, &errb); code != 2 || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}
