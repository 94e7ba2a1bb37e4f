package main

import (
	"bytes"
	"strings"
	"testing"
)

// claims --runtime takes the runtime flags of simulate; a bad runtime or
// an unsupported combination exits 2 with one line naming the flag.
func TestClaimsRuntimeBadFlagsExit2WithOneLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--runtime", "bogus"}, `unknown --runtime "bogus"`},
		{[]string{"--runtime", "uvloop", "--python", "3.12"}, "--runtime uvloop takes neither --python nor --spawn"},
		{[]string{"--runtime", "trio", "--ties", "heapq"}, "--runtime trio models equal deadlines in arming order only"},
		{[]string{"--python", "3.9", "--spawn", "eager"}, "spawn eager needs CPython 3.12 or later"},
	} {
		var out, errb bytes.Buffer
		code := run(append([]string{"claims", "--brief"}, tc.args...), nil, &out, &errb)
		msg := errb.String()
		if code != 2 || !strings.Contains(msg, tc.want) || strings.Count(msg, "\n") != 1 || out.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q, stdout %d bytes; want exit 2 and one line with %q", tc.args, code, msg, out.Len(), tc.want)
		}
	}
}
