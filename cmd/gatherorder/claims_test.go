package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
)

// `gatherorder claims --json` prints the shape claimsJSON (claims.go)
// writes, and every comparison of every counterexample is self-contained:
// its workload parses, and simulating it in its order gives its makespan,
// which CPython confirmed.
func TestClaimsJSONComparisonsAreSelfContained(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"claims", "--json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var doc struct {
		Claims []struct {
			ID, Statement, Verdict string
			Checked                struct {
				Exhaustive string
				Random     int
			}
			Counterexample *struct {
				Comparisons []struct {
					Label    string
					Workload json.RawMessage
					Order    []string
					Makespan json.Number
					CPython  json.Number `json:"cpython_makespan"`
				}
			}
		}
	}
	dec := json.NewDecoder(&out)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Claims) < 11 {
		t.Fatalf("%d claims", len(doc.Claims))
	}
	for _, c := range doc.Claims {
		if c.ID == "" || c.Statement == "" || c.Checked.Exhaustive == "" || (c.Verdict != "holds" && c.Verdict != "refuted") {
			t.Errorf("incomplete claim %+v", c)
		}
		if (c.Verdict == "refuted") != (c.Counterexample != nil) {
			t.Errorf("%s: verdict %s, counterexample %v", c.ID, c.Verdict, c.Counterexample != nil)
		}
		if c.Counterexample == nil {
			continue
		}
		for _, cm := range c.Counterexample.Comparisons {
			w, err := model.Parse(c.ID, cm.Workload)
			if err != nil {
				t.Fatalf("%s/%s: %v", c.ID, cm.Label, err)
			}
			idx := map[string]int{}
			for i, task := range w.Tasks {
				idx[task.Name] = i
			}
			var ord []int
			for _, name := range cm.Order {
				ord = append(ord, idx[name])
			}
			got := model.Format(model.Simulate(w, ord).Makespan, w.Unit)
			if got != string(cm.Makespan) || got != string(cm.CPython) {
				t.Errorf("%s/%s: simulated %s, reported %s, CPython %s", c.ID, cm.Label, got, cm.Makespan, cm.CPython)
			}
		}
	}
}

// Bad usage is one line on stderr and exit status 2.
func TestClaimsBadUsageIsOneLine(t *testing.T) {
	for _, args := range [][]string{{"claims", "--budget", "huge"}, {"claims", "--nope"}, {"claims", "extra"}} {
		var out, errb bytes.Buffer
		if code := run(args, nil, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d", args, code)
		}
		if s := errb.String(); strings.Count(s, "\n") != 1 || !strings.HasPrefix(s, "gatherorder claims: ") {
			t.Errorf("%v: stderr %q", args, s)
		}
	}
}

// The text form is deterministic, byte for byte (GATHERORDER_VERIFY=1:
// two full runs).
func TestClaimsTextIsDeterministic(t *testing.T) {
	if !verify.On() {
		t.Skip("two runs of the quick budget; under GATHERORDER_VERIFY=1")
	}
	var a, b, e bytes.Buffer
	run([]string{"claims"}, nil, &a, &e)
	run([]string{"claims"}, nil, &b, &e)
	if a.String() != b.String() || a.Len() == 0 {
		t.Fatalf("two runs differ (or are empty); stderr %s", e.String())
	}
}
