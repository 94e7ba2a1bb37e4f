package props

import (
	"fmt"
	"io"
	"time"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// Verdict is a claim's computed verdict with its evidence.
type Verdict struct {
	Claim Claim
	// Verdict is "refuted" if any engine found a violation, else "holds"
	// (no counterexample within everything checked).
	Verdict    string
	Exhaustive ExhaustiveReport
	Rapid      RandomReport
	Gopter     RandomReport
	// Counterexample is the reported refutation: the exhaustive engine's
	// minimal one, else (outside the exhaustive scope) rapid's or gopter's
	// shrunk one. Minimal is its instance; Certified tells whether its
	// minimality is certified (ExhaustiveReport.MinimalityCertified).
	Counterexample *Failure
	Minimal        *Instance
	Certified      bool
	// Agree is false when the engines disagree on the verdict (one found a
	// violation another could have found but did not report): a reason to
	// widen a scope, not an error.
	Agree bool
	// ReplayErr is set when the counterexample could not be replayed on
	// CPython or CPython disagreed with the model; every comparison of a
	// replayed counterexample has Replayed set and CPython filled.
	ReplayErr string
}

// Engines returns the verdicts of each engine in the order exhaustive,
// rapid, gopter: true where it found a violation.
func (v Verdict) Engines() [3]bool {
	return [3]bool{v.Exhaustive.Minimal != nil, v.Rapid.Found != nil, v.Gopter.Found != nil}
}

// Evaluate computes the verdict of every registered claim within budget b,
// writing one progress line per engine run to progress (may be nil; the
// timings there are the only non-deterministic output). Refuted claims'
// counterexamples are re-simulated and replayed on CPython (package
// oracle); failures to do so are recorded in the verdict, not hidden.
func Evaluate(b Budget, progress io.Writer) []Verdict {
	if progress == nil {
		progress = io.Discard
	}
	var py *oracle.Python
	var pyErr error
	defer func() {
		if py != nil {
			py.Close()
		}
	}()
	var out []Verdict
	for i, c := range Registry() {
		v := Check(c, b, progress)
		if v.Counterexample != nil {
			if py == nil && pyErr == nil {
				py, pyErr = oracle.Start()
			}
			if pyErr != nil {
				v.ReplayErr = pyErr.Error()
			} else if err := Replay(py, v.Counterexample); err != nil {
				v.ReplayErr = err.Error()
			}
		}
		fmt.Fprintf(progress, "[%d/%d] %s: %s\n", i+1, len(Registry()), c.ID, v.Verdict)
		out = append(out, v)
	}
	return out
}

// Check runs the three engines on one claim (no CPython replay).
func Check(c Claim, b Budget, progress io.Writer) Verdict {
	if progress == nil {
		progress = io.Discard
	}
	v := Verdict{Claim: c}
	t0 := time.Now()
	v.Exhaustive = Exhaustive(c, b.Scopes[c.Class.ID])
	fmt.Fprintf(progress, "  %s exhaustive: %s (%v)\n", c.ID, v.Exhaustive, time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	v.Rapid = Random(c, b.Wides[c.Class.ID], b.RandomChecks, b.Seed)
	fmt.Fprintf(progress, "  %s %s (%v)\n", c.ID, v.Rapid, time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	v.Gopter = Gopter(c, b.Wides[c.Class.ID], b.GopterChecks, int64(b.Seed))
	fmt.Fprintf(progress, "  %s %s (%v)\n", c.ID, v.Gopter, time.Since(t0).Round(time.Millisecond))
	e := v.Engines()
	v.Agree = e[0] == e[1] && e[1] == e[2]
	v.Verdict = "holds"
	switch {
	case v.Exhaustive.Minimal != nil:
		v.Counterexample, v.Minimal, v.Certified = v.Exhaustive.Failure, v.Exhaustive.Minimal, v.Exhaustive.MinimalityCertified()
	case v.Rapid.Found != nil:
		v.Counterexample, v.Minimal = v.Rapid.Failure, v.Rapid.Found
	case v.Gopter.Found != nil:
		v.Counterexample, v.Minimal = v.Gopter.Failure, v.Gopter.Found
	}
	if v.Counterexample != nil {
		v.Verdict = "refuted"
	}
	return v
}

// Resimulate checks that every comparison of f is genuine: the traced
// simulator (not the closed form) gives the recorded makespan.
func Resimulate(f *Failure) error {
	for _, c := range f.Comparisons {
		if m := model.Simulate(c.W, c.Order).Makespan; m != c.Makespan {
			return fmt.Errorf("%s: recorded makespan %d, simulator %d", c.Label, c.Makespan, m)
		}
	}
	return nil
}

// Replay re-simulates every comparison of f and runs it on real CPython
// 3.11 under the virtual clock, recording CPython's makespan; it is an
// error if the model and CPython disagree.
func Replay(py *oracle.Python, f *Failure) error {
	if err := Resimulate(f); err != nil {
		return err
	}
	for i := range f.Comparisons {
		c := &f.Comparisons[i]
		r, err := py.Run(c.W, c.Order)
		if err != nil {
			return fmt.Errorf("%s: CPython: %w", c.Label, err)
		}
		c.CPython, c.Replayed = r.Makespan, true
		if r.Makespan != c.Makespan {
			return fmt.Errorf("%s: model makespan %d, CPython %d", c.Label, c.Makespan, r.Makespan)
		}
	}
	return nil
}
