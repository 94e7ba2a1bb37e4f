package props

import (
	"flag"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"pgregory.net/rapid"
)

// RandomReport is what one random engine (rapid or gopter) checked and
// found.
type RandomReport struct {
	Engine string
	Wide   Wide
	// Checks is the number of instances that passed before the first
	// failure (all of them when none failed), not counting shrinking.
	Checks int
	// Found is the engine's shrunk counterexample in canonical arrangement,
	// and Failure its refutation; nil when none was found.
	Found   *Instance
	Failure *Failure
}

func (r RandomReport) String() string {
	s := fmt.Sprintf("%s: %d random instances with n ≤ %d, durations ≤ %d", r.Engine, r.Checks, r.Wide.MaxN, r.Wide.MaxDur)
	if r.Found != nil {
		s += fmt.Sprintf(", then a counterexample, shrunk to %d tasks and total %d", len(r.Found.W.Tasks), Total(r.Found.W))
	}
	return s
}

// CaptureTB is a rapid.TB that records failure instead of failing a Go
// test, so that rapid can run outside tests (the CLI) and so that tests can
// observe the counterexample rapid shrinks to. rapid replays the minimal
// failing input last, after shrinking.
type CaptureTB struct {
	ID     string
	failed bool
	Msgs   []string
}

// Helper and the rest implement rapid.TB.
func (t *CaptureTB) Helper()              {}
func (t *CaptureTB) Name() string         { return t.ID }
func (t *CaptureTB) Logf(string, ...any)  {}
func (t *CaptureTB) Log(...any)           {}
func (t *CaptureTB) Skipf(string, ...any) {}
func (t *CaptureTB) Skip(...any)          {}
func (t *CaptureTB) SkipNow()             {}
func (t *CaptureTB) Errorf(f string, a ...any) {
	t.failed = true
	t.Msgs = append(t.Msgs, fmt.Sprintf(f, a...))
}
func (t *CaptureTB) Error(a ...any)            { t.failed = true; t.Msgs = append(t.Msgs, fmt.Sprint(a...)) }
func (t *CaptureTB) Fatalf(f string, a ...any) { t.Errorf(f, a...) }
func (t *CaptureTB) Fatal(a ...any)            { t.Error(a...) }
func (t *CaptureTB) FailNow()                  { t.failed = true }
func (t *CaptureTB) Fail()                     { t.failed = true }
func (t *CaptureTB) Failed() bool              { return t.failed }

var rapidMu sync.Mutex

// withRapidFlags runs f with rapid's command-line settings (which rapid
// reads only from flags) set to a fixed seed and number of checks and no
// fail files, then restores them: runs are deterministic and leave no files.
func withRapidFlags(checks int, seed uint64, f func()) {
	rapidMu.Lock()
	defer rapidMu.Unlock()
	// rapid consults testing.Short(), which needs the testing flags
	// registered and parsed: outside a test binary (the CLI) register them
	// and parse an empty command line. Both are no-ops inside tests.
	testing.Init()
	if !flag.Parsed() {
		_ = flag.CommandLine.Parse([]string{})
	}
	set := map[string]string{
		"rapid.checks":     strconv.Itoa(checks),
		"rapid.seed":       strconv.FormatUint(seed, 10),
		"rapid.nofailfile": "true",
	}
	for name, v := range set {
		fl := flag.Lookup(name)
		old := fl.Value.String()
		if err := fl.Value.Set(v); err != nil {
			panic(err)
		}
		defer fl.Value.Set(old)
	}
	f()
}

// Random checks claim c with rapid on checks instances drawn by the class's
// rapid generator within w, from a fixed seed; a failure is shrunk by
// rapid.
func Random(c Claim, w Wide, checks int, seed uint64) RandomReport {
	rep := RandomReport{Engine: "rapid", Wide: w}
	g := c.Class.Rapid(w)
	withRapidFlags(checks, seed, func() {
		var e Eval
		tb := &CaptureTB{ID: "props/" + c.ID}
		rapid.Check(tb, func(t *rapid.T) {
			in := NewInstance(g.Draw(t, "w"))
			if f := c.Check(&e, in); f != nil {
				rep.Found, rep.Failure = in, f
				t.Fatal(f.Reason)
			}
			if rep.Found == nil {
				rep.Checks++
			}
		})
	})
	return rep
}
