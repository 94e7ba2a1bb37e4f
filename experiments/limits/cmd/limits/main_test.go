package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestLimitsCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-instances", "2", "-max-n", "3"}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "kind,k,n,") {
		t.Fatalf("status %d, stderr %q, stdout %q", code, errb.String(), out.String())
	}
	errb.Reset()
	if code := run([]string{"-max-n", "9"}, &out, &errb); code != 2 || strings.Count(errb.String(), "\n") != 1 {
		t.Fatalf("-max-n 9: status %d, stderr %q", code, errb.String())
	}
}
