package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// uncertainJSON is the JSON contract of the scenario path (marshalUncertain
// in uncertain.go), decoded with DisallowUnknownFields.
type uncertainJSON struct {
	Runtime   string     `json:"runtime"`
	Unit      string     `json:"unit"`
	Samples   int        `json:"samples"`
	Seed      uint64     `json:"seed"`
	Objective string     `json:"objective"`
	Limit     *jsonLimit `json:"limit"`
	Results   []struct {
		jsonResult        // today's fields (simulate_test.go)
		Search     string `json:"search"`
		estimateJSONFields
		Fresh estimateJSONFields `json:"fresh"`
	} `json:"results"`
}

type estimateJSONFields struct {
	Expected    json.Number    `json:"expected"`
	CI95        [2]json.Number `json:"ci95"`
	P50         json.Number    `json:"p50"`
	P95         json.Number    `json:"p95"`
	PBeatsGiven json.Number    `json:"p_beats_given"`
}

func decodeUncertain(t *testing.T, s string) uncertainJSON {
	t.Helper()
	var o uncertainJSON
	decodeStrict(t, s, &o)
	return o
}

const threeForms = `{"unit": "s", "tasks": [
  {"name": "a", "steps": [{"cpu": 1}, {"sleep": {"median": 5, "p95": 10}}, {"cpu": 1}]},
  {"name": "b", "steps": [{"cpu": 1}, {"io": {"samples": [1, 3, 5]}}, {"cpu": 1}]},
  {"name": "c", "steps": [{"cpu": {"min": 0.5, "max": 1.5}}, {"sleep": 2}, {"cpu": 1}]}]}`

// The three distribution forms are answered on scenarios, with every
// field of the contract, identically for one seed and differently for
// another; the default is 1000 scenarios and all is given, lif-mean,
// lif-median, sif-mean and best.
func TestSimulateUncertainJSONDeterministic(t *testing.T) {
	code, out, errs := runCLI(threeForms, "simulate", "--json", "--seed", "7", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	_, again, _ := runCLI(threeForms, "simulate", "--seed", "7", "--json", "-")
	if again != out {
		t.Fatal("two runs with seed 7 differ")
	}
	_, other, _ := runCLI(threeForms, "simulate", "--seed", "8", "--json", "-")
	if other == out {
		t.Fatal("seeds 7 and 8 give the same answer")
	}
	o := decodeUncertain(t, out)
	if o.Samples != 1000 || o.Seed != 7 || o.Objective != "mean" {
		t.Fatalf("header %+v", o)
	}
	var policies []string
	for _, r := range o.Results {
		policies = append(policies, r.Policy)
		if r.Expected == "" || r.CI95[0] == "" || r.P50 == "" || r.P95 == "" || r.PBeatsGiven == "" || r.Fresh.Expected == "" {
			t.Errorf("%s: missing estimates: %+v", r.Policy, r)
		}
		if r.Makespan != "" {
			t.Errorf("%s: a makespan for random durations", r.Policy)
		}
	}
	if got := strings.Join(policies, ","); got != "given,lif-mean,lif-median,sif-mean,best" {
		t.Fatalf("policies %s", got)
	}
	best := o.Results[4]
	if best.Optimal == nil || !*best.Optimal || best.Search != "exhaustive" {
		t.Fatalf("best: %+v", best)
	}
	if o.Results[0].PBeatsGiven != "0" {
		t.Fatalf("given beats itself: %s", o.Results[0].PBeatsGiven)
	}
	code, _, errs = runCLI(threeForms, "simulate", "--objective", "p95", "--order", "lif,best", "--samples", "50", "-")
	if code != 0 {
		t.Fatalf("--objective p95: exit %d: %s", code, errs)
	}
}

// With constant durations and --samples, every estimate is the makespan:
// expected = p50 = p95 = makespan, ci95 = [makespan, makespan], and the
// orders are today's.
// Claim: with constant durations, --samples changes no result: every
// policy's makespan and order are today's and every estimate equals the
// makespan, unbounded and under either limit (where the scenarios must be
// simulated with the limit, not by the closed form).
func TestSimulateConstantWithSamples(t *testing.T) {
	for _, f := range []string{"seed.json", "semaphore2.json", "workers2.json"} {
		t.Run(f, func(t *testing.T) {
			path := filepath.Join("testdata", f)
			_, today, _ := runCLI("", "simulate", "--json", path)
			code, out, errs := runCLI("", "simulate", "--json", "--samples", "20", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			base := decodeJSON(t, today)
			o := decodeUncertain(t, out)
			if (o.Limit == nil) != (base.Limit == nil) || (o.Limit != nil && *o.Limit != *base.Limit) {
				t.Errorf("limit %+v, today %+v", o.Limit, base.Limit)
			}
			if len(o.Results) != len(base.Results) {
				t.Fatalf("%d results, today %d", len(o.Results), len(base.Results))
			}
			for i, r := range o.Results {
				b := base.Results[i]
				m := b.Makespan
				if r.Policy != b.Policy || r.Makespan != m || (r.Policy != "best" && strings.Join(r.Order, " ") != strings.Join(b.Order, " ")) {
					t.Errorf("%s: %v %s, today %s %v %s", r.Policy, r.Order, r.Makespan, b.Policy, b.Order, m)
				}
				for _, e := range []estimateJSONFields{r.estimateJSONFields, r.Fresh} {
					if e.Expected != m || e.CI95 != [2]json.Number{m, m} || e.P50 != m || e.P95 != m {
						t.Errorf("%s: estimates %+v, makespan %s", r.Policy, e, m)
					}
				}
			}
		})
	}
}

// Bad distributions and flags exit 2 with one line naming the file, task
// and step.
func TestSimulateUncertainBadInput(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ dist, want string }{
		{`{"samples": []}`, `w.json: task "a" (#1), step 2 (sleep): empty "samples"`},
		{`{"median": 3, "p95": 2}`, `w.json: task "a" (#1), step 2 (sleep): p95 2 s is less than the median 3 s`},
		{`{"min": 3, "max": 2}`, `w.json: task "a" (#1), step 2 (sleep): min 3 s is greater than max 2 s`},
		{`{"samples": [-1]}`, `w.json: task "a" (#1), step 2 (sleep): sample 1: negative duration -1`},
		{`{"min": 1, "p95": 2}`, `w.json: task "a" (#1), step 2 (sleep): key "p95" mixes distribution forms`},
		{`{"mode": 1}`, `w.json: task "a" (#1), step 2 (sleep): unknown key "mode"`},
	}
	for _, c := range cases {
		f := filepath.Join(dir, "w.json")
		if err := os.WriteFile(f, []byte(`{"tasks": [{"name": "a", "steps": [{"cpu": 1}, {"sleep": `+c.dist+`}]}]}`), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runCLI("", "simulate", f)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", c.dist, code, errs, c.want)
		}
	}
	for _, args := range [][]string{
		{"--samples", "1"}, {"--samples", "-3"}, {"--objective", "max"}, {"--runtime", "trio"}, {"--order", "mitten"},
	} {
		code, _, errs := runCLI(threeForms, append(append([]string{"simulate"}, args...), "-")...)
		if code != 2 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

// The text form of random durations: the header and one row per policy.
func TestSimulateUncertainText(t *testing.T) {
	code, out, errs := runCLI(threeForms, "simulate", "--samples", "200", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"random durations", "200 scenarios drawn with seed 1", "lif-median", "exhaustive, optimal on the first set"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

// FuzzSimulateUncertain drives simulate with arbitrary workloads on the
// scenario path (a few scenarios): it never panics, and every failure is
// exit status 2 with one line on stderr.
func FuzzSimulateUncertain(f *testing.F) {
	f.Add([]byte(threeForms))
	f.Add([]byte(`{"tasks": [{"name": "a", "steps": [{"io": {"samples": [0, 1e3]}}]}]}`))
	f.Add([]byte(`{"unit": "ns", "tasks": [{"name": "a", "steps": [{"sleep": {"median": 1, "p95": 9223372036854775807}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		code, _, errs := runCLI(string(data), "simulate", "--samples", "3", "--nodes", "200", "--json", "-")
		if code != 0 && (code != 2 || strings.Count(errs, "\n") != 1) {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
	})
}
