package main

import (
	"bytes"
	"strings"
	"testing"
)

// Bad flags, and a client that cannot run, end with one line on stderr
// and exit status 2.
func TestBadInputIsOneLineAndExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"-runs", "0"}, {"-delays-ms", "1,x"}, {"-delays-ms", "1,20000"}, {"extra"},
		{"-python", "/nonexistent/python3", "-runs", "1", "-out", ""},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}
