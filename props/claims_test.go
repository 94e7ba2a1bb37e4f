package props_test

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"github.com/gatherorder/gatherorder/props"
	"github.com/gatherorder/gatherorder/props/pbt"
)

// budget is Quick, or Full under GATHERORDER_VERIFY=1 (make verify).
func budget() props.Budget { return verify.Pick(props.Quick, props.Full) }

var (
	resultsOnce sync.Once
	results     map[string]props.Result
)

// result computes (once per test binary) every claim's result with the
// exhaustive engine and both random engines, without replay.
func result(t *testing.T, id string) props.Result {
	t.Helper()
	resultsOnce.Do(func() {
		results = map[string]props.Result{}
		for _, c := range props.Registry() {
			results[c.ID] = props.Check(c, props.Options{Budget: budget(), Random: pbt.Engines()})
		}
	})
	r, ok := results[id]
	if !ok {
		t.Fatalf("no claim %q in the registry", id)
	}
	return r
}

// cpython replays on CPython 3.11 under the virtual clock (started at the
// first replay, stopped by TestMain).
var cpython oracle.Replayer

func TestMain(m *testing.M) {
	code := m.Run()
	cpython.Close()
	os.Exit(code)
}

// The verdicts the engines computed, pinned as a regression guard (they
// are computed by every run, never read from here), and for refuted
// claims the minimal counterexample found by exhaustive search, in the
// workload format.
var pinned = map[string]struct{ verdict, minimal string }{
	"lif-optimal-equal-cpu":                  {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"cpu":1},{"sleep":1},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":2},{"cpu":1}]},{"name":"c","steps":[{"cpu":1},{"sleep":3},{"cpu":1}]}]}`},
	"lif-beats-sif-equal-cpu":                {"holds", ""},
	"sif-worst-equal-cpu":                    {"holds", ""},
	"lif-optimal-two-tasks-equal-cpu":        {"holds", ""},
	"lif-optimal-no-post-cpu":                {"holds", ""},
	"lif-minimizes-last-io":                  {"holds", ""},
	"lif-optimal-unequal-cpu":                {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":1},{"cpu":0}]}]}`},
	"any-order-within-2x":                    {"holds", ""},
	"any-order-within-1.5x-equal-cpu":        {"holds", ""},
	"hop-makes-order-irrelevant":             {"holds", ""},
	"shorter-step-never-hurts":               {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"sleep":0},{"sleep":2}]},{"name":"b","steps":[{"sleep":1},{"cpu":1}]}]}`},
	"lif-within-one-cpu-phase-equal-cpu":     {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"cpu":1},{"sleep":2},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":3},{"cpu":1}]},{"name":"c","steps":[{"cpu":1},{"sleep":4},{"cpu":1}]},{"name":"d","steps":[{"cpu":1},{"sleep":5},{"cpu":1}]},{"name":"e","steps":[{"cpu":1},{"sleep":6},{"cpu":1}]}]}`},
	"lif-beats-sif-unequal-cpu":              {"refuted", ""},
	"any-order-within-1.5x-unequal-cpu":      {"refuted", ""},
	"shorter-step-never-hurts-canonical":     {"holds", ""},
	"lif-optimal-unequal-cpu-distinct-waits": {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":1},{"cpu":2}]},{"name":"b","steps":[{"cpu":1},{"sleep":2},{"cpu":0}]}]}`},
	"lif-within-1.5x-canonical":              {"holds", ""},
	"ltf-within-1.5x-canonical":              {"holds", ""},
	"mitten-within-1.5x-canonical":           {"holds", ""},
	"lif-additive-equal-cpu":                 {"holds", ""},
	"lif-within-1.25x-equal-cpu":             {"holds", ""},
	"lif-five-quarters-family":               {"holds", ""},
	// Claims in expectation (props/uncertain.go).
	"lif-mean-beats-sif-mean-equal-cpu":          {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"cpu":1},{"sleep":{"samples":[1,6]}},{"cpu":1}]},{"name":"b","steps":[{"cpu":1},{"sleep":{"samples":[2,5]}},{"cpu":1}]},{"name":"c","steps":[{"cpu":1},{"sleep":{"samples":[4,4]}},{"cpu":1}]}]}`},
	"mean-durations-best-is-best-in-expectation": {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"cpu":0},{"sleep":{"samples":[1,2]}},{"cpu":0}]},{"name":"b","steps":[{"cpu":1},{"sleep":{"samples":[1,2]}},{"cpu":0}]}]}`},
	"clairvoyance-worthless":                     {"refuted", `{"unit":"ns","tasks":[{"name":"a","steps":[{"cpu":1},{"sleep":{"samples":[1,2]}},{"cpu":0}]},{"name":"b","steps":[{"cpu":1},{"sleep":{"samples":[1,2]}},{"cpu":0}]}]}`},
}

// checkClaim is the common body of the claim-named tests: the verdict is
// the pinned one; the exhaustive engine and the random engines agree;
// a refuted claim's counterexample is genuine (re-simulated), certified
// minimal, the pinned one, and replays on CPython.
func checkClaim(t *testing.T, id string) {
	v := result(t, id)
	p, ok := pinned[id]
	if !ok {
		t.Fatalf("claim %s has no pinned verdict", id)
	}
	t.Logf("%s\n%v", v.Exhaustive, v.Random)
	if v.Verdict.String() != p.verdict {
		t.Errorf("verdict %s, pinned %s", v.Verdict, p.verdict)
	}
	if len(v.Random) != 2 {
		t.Fatalf("%d random engines ran, want rapid and gopter", len(v.Random))
	}
	ex, rnd := v.Exhaustive.Minimal != nil, v.Random[0].Found != nil || v.Random[1].Found != nil
	if ex != rnd {
		t.Errorf("engines disagree: exhaustive found a violation: %v, rapid or gopter: %v", ex, rnd)
	}
	if v.Verdict != props.Refuted {
		return
	}
	if v.Exhaustive.Minimal == nil {
		t.Fatalf("refuted outside the exhaustive scope only: widen %s", v.Exhaustive.Scope)
	}
	// Minimality can be certified only for classes of fixed shape (see
	// MinimalityCertified); for free-shape classes the counterexample is
	// minimal among tasks of at most Scope.MaxSteps steps.
	if !v.Certified && v.Exhaustive.Scope.MaxSteps == 0 {
		t.Errorf("minimal counterexample (total %d) not certified by the scope %s", props.Total(v.Minimal.W), v.Exhaustive.Scope)
	}
	if p.minimal != "" {
		if got := string(model.Marshal(v.Minimal.W)); got != p.minimal {
			t.Errorf("minimal counterexample\n%s\npinned\n%s", got, p.minimal)
		}
	}
	for _, r := range v.Random {
		if r.Found != nil && props.Compare(r.Found, v.Minimal) < 0 {
			t.Errorf("%s found a smaller counterexample than the exhaustive minimum: %s", r.Engine, model.Marshal(r.Found.W))
		}
	}
	f := *v.Counterexample
	f.Comparisons = append([]props.Comparison(nil), f.Comparisons...)
	if err := props.Replay(cpython.Makespan, &f); err != nil {
		t.Fatalf("counterexample does not replay: %v", err)
	}
}

func TestLIFOptimalEqualCPU(t *testing.T)         { checkClaim(t, "lif-optimal-equal-cpu") }
func TestLIFBeatsSIFEqualCPU(t *testing.T)        { checkClaim(t, "lif-beats-sif-equal-cpu") }
func TestSIFWorstEqualCPU(t *testing.T)           { checkClaim(t, "sif-worst-equal-cpu") }
func TestLIFOptimalTwoTasksEqualCPU(t *testing.T) { checkClaim(t, "lif-optimal-two-tasks-equal-cpu") }
func TestLIFOptimalNoPostCPU(t *testing.T)        { checkClaim(t, "lif-optimal-no-post-cpu") }
func TestLIFMinimizesLastIO(t *testing.T)         { checkClaim(t, "lif-minimizes-last-io") }
func TestLIFOptimalUnequalCPU(t *testing.T)       { checkClaim(t, "lif-optimal-unequal-cpu") }
func TestAnyOrderWithin2x(t *testing.T)           { checkClaim(t, "any-order-within-2x") }
func TestAnyOrderWithin1_5xEqualCPU(t *testing.T) { checkClaim(t, "any-order-within-1.5x-equal-cpu") }
func TestHopMakesOrderIrrelevant(t *testing.T)    { checkClaim(t, "hop-makes-order-irrelevant") }
func TestShorterStepNeverHurts(t *testing.T)      { checkClaim(t, "shorter-step-never-hurts") }
func TestLIFWithinOneCPUPhaseEqualCPU(t *testing.T) {
	checkClaim(t, "lif-within-one-cpu-phase-equal-cpu")
}
func TestLIFBeatsSIFUnequalCPU(t *testing.T) { checkClaim(t, "lif-beats-sif-unequal-cpu") }
func TestAnyOrderWithin1_5xUnequalCPU(t *testing.T) {
	checkClaim(t, "any-order-within-1.5x-unequal-cpu")
}
func TestShorterStepNeverHurtsCanonical(t *testing.T) {
	checkClaim(t, "shorter-step-never-hurts-canonical")
}
func TestLIFOptimalUnequalCPUDistinctWaits(t *testing.T) {
	checkClaim(t, "lif-optimal-unequal-cpu-distinct-waits")
}
func TestLIFWithin1_5xCanonical(t *testing.T)    { checkClaim(t, "lif-within-1.5x-canonical") }
func TestLTFWithin1_5xCanonical(t *testing.T)    { checkClaim(t, "ltf-within-1.5x-canonical") }
func TestMittenWithin1_5xCanonical(t *testing.T) { checkClaim(t, "mitten-within-1.5x-canonical") }
func TestLIFAdditiveEqualCPU(t *testing.T)       { checkClaim(t, "lif-additive-equal-cpu") }
func TestLIFWithin1_25xEqualCPU(t *testing.T)    { checkClaim(t, "lif-within-1.25x-equal-cpu") }
func TestLIFFiveQuartersFamily(t *testing.T)     { checkClaim(t, "lif-five-quarters-family") }

// Every registered claim has a claim-named test above (its Test field),
// the issue's eleven ids and statements are registered verbatim, and ids
// are unique.
func TestRegistryHasTheIssuesClaims(t *testing.T) {
	issue := map[string]string{
		"lif-optimal-equal-cpu":           "With equal CPU phases, longest-IO-first gives the smallest makespan of all orders.",
		"lif-beats-sif-equal-cpu":         "With equal CPU phases, longest-IO-first is never slower than shortest-IO-first.",
		"sif-worst-equal-cpu":             "With equal CPU phases, shortest-IO-first is a slowest order.",
		"lif-optimal-two-tasks-equal-cpu": "With two tasks and equal CPU phases, longest-IO-first is optimal.",
		"lif-optimal-no-post-cpu":         "When no task has CPU work after its IO, longest-IO-first is optimal whatever the CPU before it.",
		"lif-minimizes-last-io":           "Longest-IO-first minimizes the time at which the last IO completes.",
		"lif-optimal-unequal-cpu":         "Longest-IO-first is optimal for canonical workloads with arbitrary CPU phases.",
		"any-order-within-2x":             "Every order's makespan is at most twice the optimum.",
		"any-order-within-1.5x-equal-cpu": "With equal CPU phases, every order is within 1.5 times the optimum.",
		"hop-makes-order-irrelevant":      "If every task needs one extra loop turn (an `io 0` connection step) between its first CPU phase and its wait, the makespan does not depend on the order.",
		"shorter-step-never-hurts":        "For a fixed order, shortening any step of any task never increases the makespan (general multi-step workloads).",
	}
	src, err := os.ReadFile("claims_test.go")
	if err != nil {
		t.Fatal(err)
	}
	limits, err := os.ReadFile("limit_claims_test.go")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, limits...)
	seen := map[string]bool{}
	for _, c := range props.Registry() {
		if seen[c.ID] {
			t.Errorf("duplicate id %s", c.ID)
		}
		seen[c.ID] = true
		if s, ok := issue[c.ID]; ok && s != c.Statement {
			t.Errorf("%s: statement %q, the issue's %q", c.ID, c.Statement, s)
		}
		if !strings.Contains(string(src), "func "+c.Test+"(t *testing.T)") {
			t.Errorf("%s: no test %s", c.ID, c.Test)
		}
		if _, ok := pinned[c.ID]; !ok {
			t.Errorf("%s: no pinned verdict", c.ID)
		}
	}
	for id := range issue {
		if !seen[id] {
			t.Errorf("issue claim %s not registered", id)
		}
	}
}

// Claims in expectation (props/uncertain.go): two-point waits, exact
// expectations over every scenario; each counterexample's scenarios
// replay on CPython.
func TestLIFMeanBeatsSIFMeanEqualCPU(t *testing.T) {
	checkClaim(t, "lif-mean-beats-sif-mean-equal-cpu")
}
func TestMeanDurationsBestIsBestInExpectation(t *testing.T) {
	checkClaim(t, "mean-durations-best-is-best-in-expectation")
}
func TestClairvoyanceWorthless(t *testing.T) { checkClaim(t, "clairvoyance-worthless") }
