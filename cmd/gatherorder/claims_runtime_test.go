package main

import (
	"bytes"
	"fmt"
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
		{[]string{"--runtime", "trio", "--replay-real"}, "--replay-real is for --runtime uvloop and node"},
		{[]string{"--runtime", "uvloop", "--replay-real", "--block-cpu"}, "--block-cpu is for --runtime node with --replay-real"},
	} {
		var out, errb bytes.Buffer
		code := run(append([]string{"claims", "--brief"}, tc.args...), nil, &out, &errb)
		msg := errb.String()
		if code != 2 || !strings.Contains(msg, tc.want) || strings.Count(msg, "\n") != 1 || out.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q, stdout %d bytes; want exit 2 and one line with %q", tc.args, code, msg, out.Len(), tc.want)
		}
	}
}

// simulate --order best on uvloop past 8 tasks runs the search with a
// bound and says so; up to 8 it is exhaustive.
func TestSimulateBestOnARuntimeSaysItsMethod(t *testing.T) {
	var tasks []string
	for i := range 10 {
		tasks = append(tasks, fmt.Sprintf(`{"name": "t%d", "steps": [{"cpu": %d}, {"sleep": %d}, {"cpu": 10}]}`, i, 10+10*(i%3), 20*(1+i%5)))
	}
	big := `{"unit": "ms", "tasks": [` + strings.Join(tasks, ", ") + `]}`
	doc := simulateJSON(t, big, "--runtime", "uvloop", "--order", "best", "--nodes", "300")
	if len(doc.Results) != 1 || doc.Results[0].Method != "search with bound" {
		t.Fatalf("10 tasks on uvloop: %+v", doc.Results)
	}
	if doc = simulateJSON(t, fourEqualTimers, "--runtime", "node", "--order", "best"); doc.Results[0].Method != "exhaustive" || doc.Results[0].Optimal == nil || !*doc.Results[0].Optimal {
		t.Fatalf("4 tasks on node: %+v", doc.Results)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"simulate", "--runtime", "uvloop", "--order", "best", "--nodes", "300", "-"}, strings.NewReader(big), &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "best: search with bound") || !strings.Contains(out.String(), "lower bound") {
		t.Fatalf("exit %d: %s%s", code, out.String(), errb.String())
	}
}

// simulate --order best on trio past 8 tasks is the search with a bound.
func TestSimulateTrioBestPastExhaustiveIsTheSearch(t *testing.T) {
	var tasks []string
	for i := range 9 {
		tasks = append(tasks, fmt.Sprintf(`{"name": "t%d", "steps": [{"cpu": 1}, {"sleep": %d}, {"cpu": 1}]}`, i, 1+i%4))
	}
	var out, errb bytes.Buffer
	in := `{"unit": "s", "tasks": [` + strings.Join(tasks, ", ") + `]}`
	if code := run([]string{"simulate", "--runtime", "trio", "--order", "best", "--nodes", "5", "--json", "-"}, strings.NewReader(in), &out, &errb); code != 0 ||
		!strings.Contains(out.String(), `"method": "search with bound"`) || !strings.Contains(out.String(), `"lower_bound": 18`) {
		t.Fatalf("exit %d: %s%s", code, out.String(), errb.String())
	}
}
