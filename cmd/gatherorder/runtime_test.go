package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// Four tasks that sleep 1 and then compute 1: the four timers are equal,
// so heapq ties wake them a, c, b, d and armed ties a, b, c, d.
const fourEqualTimers = `{"unit": "s", "tasks": [
 {"name": "a", "steps": [{"sleep": 1}, {"cpu": 1}]},
 {"name": "b", "steps": [{"sleep": 1}, {"cpu": 1}]},
 {"name": "c", "steps": [{"sleep": 1}, {"cpu": 1}]},
 {"name": "d", "steps": [{"sleep": 1}, {"cpu": 1}]}]}`

func simulateJSON(t *testing.T, input string, args ...string) jsonOutput {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append(append([]string{"simulate", "--json"}, args...), "-"), strings.NewReader(input), &out, &errb); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errb.String())
	}
	var doc jsonOutput
	dec := json.NewDecoder(&out)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return doc
}

// --ties armed changes which task a tie wakes first, and the JSON names the
// runtime; --python and --spawn pick a CPython variant of the same model.
func TestSimulateRuntimeFlagsSelectTheVariant(t *testing.T) {
	heapq := simulateJSON(t, fourEqualTimers, "--order", "given")
	armed := simulateJSON(t, fourEqualTimers, "--order", "given", "--ties", "armed")
	if heapq.Runtime != "asyncio" || armed.Runtime != "asyncio 3.11/gather/armed" {
		t.Fatalf("runtime fields %q and %q", heapq.Runtime, armed.Runtime)
	}
	h, a := heapq.Results[0].Finish, armed.Results[0].Finish
	if h["b"] != "4" || h["c"] != "3" || a["b"] != "3" || a["c"] != "4" {
		t.Fatalf("finishes: heapq %v, armed %v (want c before b under heapq, b before c armed)", h, a)
	}
	for _, r := range []string{"uvloop", "node"} {
		if doc := simulateJSON(t, fourEqualTimers, "--order", "given", "--runtime", r); doc.Runtime != r || len(doc.Results) != 1 {
			t.Fatalf("--runtime %s: %+v", r, doc)
		}
	}
	v := simulateJSON(t, fourEqualTimers, "--order", "given", "--python", "3.12", "--spawn", "eager")
	if v.Runtime != "asyncio 3.12/eager/heapq" || v.Results[0].Finish["c"] != "3" {
		t.Fatalf("3.12/eager: %+v", v)
	}
}

// Under Trio every order gets its makespan's exact distribution, the
// makespan field is the expectation, and best minimises it.
func TestSimulateTrioReportsTheDistribution(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"simulate", "--runtime", "trio", "--order", "given,best", "--json", "testdata/seed.json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var doc struct {
		Runtime string
		Results []struct {
			Policy       string
			Order        []string
			Makespan     json.Number
			Distribution []struct{ Makespan, Probability json.Number }
		}
	}
	dec := json.NewDecoder(&out)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	g := doc.Results[0]
	if doc.Runtime != "trio" || g.Makespan != "8" || len(g.Distribution) != 2 ||
		g.Distribution[0].Makespan != "7" || g.Distribution[0].Probability != "0.5" ||
		g.Distribution[1].Makespan != "9" || g.Distribution[1].Probability != "0.5" {
		t.Fatalf("given under trio: %+v", doc)
	}
	if b := doc.Results[1]; b.Policy != "best" || b.Makespan != "8" {
		t.Fatalf("best under trio: %+v", b)
	}
	out.Reset()
	if code := run([]string{"simulate", "--runtime", "trio", "--order", "given", "testdata/seed.json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("text: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "makespan 7 with probability 1/2, 9 with probability 1/2") {
		t.Fatalf("text form:\n%s", out.String())
	}
}

// Unknown runtimes and combinations a runtime cannot have are one line on
// stderr and exit status 2.
func TestSimulateBadRuntimeIsOneLine(t *testing.T) {
	nine := `{"tasks": [` + strings.Repeat(`{"name": "x", "steps": [{"cpu": 1}, {"sleep": 1}, {"sleep": 1}]},`, 8) +
		`{"name": "x", "steps": [{"cpu": 1}, {"sleep": 1}, {"sleep": 1}]}]}`
	nine = strings.ReplaceAll(nine, `"x"`, `"t"`)
	for _, tc := range []struct {
		args  []string
		input string
	}{
		{[]string{"--runtime", "tokio"}, fourEqualTimers},
		{[]string{"--runtime", "uvloop", "--spawn", "eager"}, fourEqualTimers},
		{[]string{"--runtime", "node", "--python", "3.12"}, fourEqualTimers},
		{[]string{"--runtime", "node", "--order", "best"}, nine},
		{[]string{"--runtime", "trio", "--python", "3.12"}, fourEqualTimers},
		{[]string{"--runtime", "trio", "--ties", "heapq"}, fourEqualTimers},
		{[]string{"--python", "3.10", "--spawn", "eager"}, fourEqualTimers},
		{[]string{"--python", "3.7"}, fourEqualTimers},
		{[]string{"--ties", "random"}, fourEqualTimers},
		{[]string{"--ties", "armed", "--order", "best"}, nine},
	} {
		var out, errb bytes.Buffer
		code := run(append(append([]string{"simulate"}, tc.args...), "-"), strings.NewReader(tc.input), &out, &errb)
		if s := errb.String(); code != 2 || strings.Count(s, "\n") != 1 || !strings.HasPrefix(s, "gatherorder simulate: ") {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, s)
		}
	}
}
