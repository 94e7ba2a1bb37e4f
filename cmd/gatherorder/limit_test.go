package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// Claim: simulate --json on a limited workload (model/SEMANTICS.md §S17)
// prints, for every policy's order, the finish times CPython 3.11 gives
// that order under the virtual clock, on gen.LimitedCase workloads in
// seconds.
func TestSimulateJSONOnLimitedWorkloadsAgreesWithCPython(t *testing.T) {
	p, err := oracle.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	g := gen.LimitedCase()
	for seed := 9_000_001; seed < 9_000_031; seed++ {
		c := g.Example(seed)
		w := *c.W
		w.Unit = model.Second // durations become ns as decimals of seconds
		code, out, errs := runCLI(string(model.Marshal(&w)), "simulate", "--json", "--nodes", "3000", "-")
		if code != 0 {
			t.Fatalf("seed %d: status %d: %s", seed, code, errs)
		}
		o := decodeJSON(t, out)
		if o.Limit == nil || o.Limit.Kind != w.Limit.Kind.String() || o.Limit.K != w.Limit.K {
			t.Fatalf("seed %d: limit %+v, want %s", seed, o.Limit, w.Limit)
		}
		for _, r := range o.Results {
			ord := make([]int, len(r.Order))
			for k, name := range r.Order {
				fmt.Sscanf(name, "t%d", &ord[k])
			}
			cp, err := p.Run(&w, ord)
			if err != nil {
				t.Fatal(err)
			}
			for i, task := range w.Tasks {
				if got, want := string(r.Finish[task.Name]), model.Format(cp.Finish[i], model.Second); got != want {
					t.Fatalf("seed %d, %s order %v: %s finishes at %s, CPython at %s\n%s", seed, r.Policy, r.Order, task.Name, got, want, model.Marshal(&w))
				}
			}
		}
	}
}

// Claim: a limit on a runtime without a model of it exits 2 with one line
// naming the file (model/SEMANTICS.md §S17.5), and on asyncio the text
// report says what the best order saves under the limit.
func TestSimulateLimitedWorkloadReport(t *testing.T) {
	for _, rt := range []string{"uvloop", "node", "trio"} {
		code, out, errs := runCLI("", "simulate", "--runtime", rt, "testdata/semaphore2.json")
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "testdata/semaphore2.json: limit:") || !strings.Contains(errs, "not modelled") {
			t.Errorf("--runtime %s: status %d, stderr %q", rt, code, errs)
		}
	}
	code, out, errs := runCLI("", "simulate", "testdata/semaphore2.json")
	if code != 0 {
		t.Fatalf("status %d: %s", code, errs)
	}
	for _, want := range []string{"Limit: every coroutine runs inside `async with sem:`", "best: exhaustive, proven optimal.",
		"Under Semaphore(2), the best order saves 2 s (13.3 %) against the given order."} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI("", "simulate", "--order", "sif,best", "testdata/workers2.json")
	if code != 0 || !strings.Contains(out, "Limit: 2 worker tasks") || strings.Contains(out, "against the given order") {
		t.Errorf("workers report without given:\n%s", out)
	}
}
