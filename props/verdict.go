package props

import (
	"fmt"
	"io"
	"time"

	"github.com/gatherorder/gatherorder/model"
)

// Verdict is what the engines concluded about a claim.
type Verdict uint8

const (
	// Holds: no engine found a violation within everything it checked.
	// That is evidence for a proof (package proofs), not a proof.
	Holds Verdict = iota + 1
	// Refuted: some engine found a violation.
	Refuted
	// NotModelled: the claim's class cannot run under the runtime asked
	// for (Runtime.Models), so no engine ran; only Evaluate and Check
	// under a runtime give it.
	NotModelled
)

// String is "holds", "refuted" or "not modelled", the words the CLI,
// JSON and paper use.
func (v Verdict) String() string {
	switch v {
	case NotModelled:
		return "not modelled"
	case Holds:
		return "holds"
	case Refuted:
		return "refuted"
	}
	return fmt.Sprintf("Verdict(%d)", uint8(v))
}

// Result is a claim's computed verdict with its evidence.
type Result struct {
	Claim   Claim
	Verdict Verdict
	// Exhaustive is the exhaustive engine's report; Random holds one
	// report per random engine of Options.Random, in that order.
	Exhaustive ExhaustiveReport
	Random     []RandomReport
	// Counterexample is the reported refutation: the exhaustive engine's
	// minimal one, else (outside the exhaustive scope) the first random
	// engine's shrunk one. Minimal is its instance; Certified tells whether
	// its minimality is certified (ExhaustiveReport.MinimalityCertified).
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

// ReplayFunc runs workload w with its tasks gathered in order on a real
// runtime and returns the makespan it measured (oracle.Replayer.Makespan
// runs CPython under the virtual clock).
type ReplayFunc func(w *model.Workload, order []int) (model.Duration, error)

// Options configures Evaluate and Check.
type Options struct {
	// Budget bounds every engine.
	Budget Budget
	// Random are the random engines to run after the exhaustive one
	// (pbt.Engines: rapid and gopter); nil runs the exhaustive engine only.
	Random []RandomEngine
	// Replay, if not nil, replays every counterexample's comparisons on a
	// real runtime (Replay); nil replays nothing.
	Replay ReplayFunc
	// Progress receives one line per engine run (nil: discarded); the
	// timings there are the only non-deterministic output.
	Progress io.Writer
	// Runtime is the runtime every claim is evaluated under (On, with the
	// scopes of BudgetOn); the zero value is the base model. Replay must
	// then run that runtime.
	Runtime Runtime
	// Tolerance is how far a replayed makespan may be from the model's (0:
	// exactly equal, for virtual clocks; a wall-clock replay states its
	// own).
	Tolerance model.Duration
}

// Evaluate computes the result of every registered claim. Refuted claims'
// counterexamples are re-simulated and, with o.Replay, replayed; failures
// to do so are recorded in the result, not hidden.
func Evaluate(o Options) []Result {
	progress := o.Progress
	if progress == nil {
		progress = io.Discard
	}
	reg := Registry()
	var out []Result
	for i, c := range reg {
		r := Check(c, o)
		if r.Counterexample != nil && o.Replay != nil {
			if err := ReplayOn(o.Runtime, o.Tolerance, o.Replay, r.Counterexample); err != nil {
				r.ReplayErr = err.Error()
			}
		}
		fmt.Fprintf(progress, "[%d/%d] %s: %s\n", i+1, len(reg), c.ID, r.Verdict)
		out = append(out, r)
	}
	return out
}

// Check runs the exhaustive engine and o.Random on one claim (no replay).
func Check(c Claim, o Options) Result {
	progress := o.Progress
	if progress == nil {
		progress = io.Discard
	}
	r := Result{Claim: c, Agree: true}
	if !o.Runtime.Models(c.Class) {
		r.Verdict = NotModelled
		fmt.Fprintf(progress, "  %s: not modelled under %s\n", c.ID, o.Runtime)
		return r
	}
	c = On(c, o.Runtime)
	o.Budget = BudgetOn(o.Budget, o.Runtime)
	t0 := time.Now()
	r.Exhaustive = Exhaustive(c, o.Budget.Scopes[c.Class])
	fmt.Fprintf(progress, "  %s exhaustive: %s (%v)\n", c.ID, r.Exhaustive, time.Since(t0).Round(time.Millisecond))
	found := r.Exhaustive.Minimal != nil
	for _, e := range o.Random {
		t0 = time.Now()
		rep := e.Run(c, o.Budget)
		fmt.Fprintf(progress, "  %s %s (%v)\n", c.ID, rep, time.Since(t0).Round(time.Millisecond))
		r.Random = append(r.Random, rep)
		r.Agree = r.Agree && (rep.Found != nil) == found
	}
	r.Verdict = Holds
	if found {
		r.Counterexample, r.Minimal, r.Certified = r.Exhaustive.Failure, r.Exhaustive.Minimal, r.Exhaustive.MinimalityCertified()
	} else {
		for _, rep := range r.Random {
			if rep.Found != nil {
				r.Counterexample, r.Minimal = rep.Failure, rep.Found
				break
			}
		}
	}
	if r.Counterexample != nil {
		r.Verdict = Refuted
	}
	return r
}

// Report returns the report of the random engine named name, and whether
// it ran.
func (r Result) Report(name string) (RandomReport, bool) {
	for _, rep := range r.Random {
		if rep.Engine == name {
			return rep, true
		}
	}
	return RandomReport{}, false
}

// Resimulate checks that every comparison of f is genuine: the traced
// simulator (not the closed form) gives the recorded makespan.
func Resimulate(f *Failure) error { return ResimulateOn(Runtime{}, f) }

// ResimulateOn is Resimulate under r: r's traced simulator, or on Trio the
// expectation of a fresh exact distribution.
func ResimulateOn(r Runtime, f *Failure) error {
	for _, c := range f.Comparisons {
		var m model.Duration
		if r.Trio {
			x, err := ExpectedTrio(c.W, c.Order)
			if err != nil {
				return fmt.Errorf("%s: %v", c.Label, err)
			}
			m = x
		} else {
			m = r.Sim.Simulate(c.W, c.Order).Makespan
		}
		if m != c.Makespan {
			return fmt.Errorf("%s: recorded makespan %d, simulator %d", c.Label, c.Makespan, m)
		}
	}
	return nil
}

// Replay re-simulates every comparison of f and runs it with run,
// recording the measured makespan in the comparison; it is an error if the
// model and the runtime disagree.
func Replay(run ReplayFunc, f *Failure) error { return ReplayOn(Runtime{}, 0, run, f) }

// ReplayOn is Replay under r: run must run r's real runtime (on Trio it
// returns the real Trio's expected makespan, exactly; Runtime), and
// Comparison.CPython receives what it measured, which must be within tol
// of the model's makespan.
func ReplayOn(r Runtime, tol model.Duration, run ReplayFunc, f *Failure) error {
	if err := ResimulateOn(r, f); err != nil {
		return err
	}
	name := "CPython"
	if r != (Runtime{}) {
		name = r.String()
	}
	for i := range f.Comparisons {
		c := &f.Comparisons[i]
		m, err := run(c.W, c.Order)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", c.Label, name, err)
		}
		c.CPython, c.Replayed = m, true
		if m > c.Makespan+tol || m < c.Makespan-tol {
			within := ""
			if tol > 0 {
				within = fmt.Sprintf(" (tolerance %d ns)", tol)
			}
			return fmt.Errorf("%s: model makespan %d, %s %d%s", c.Label, c.Makespan, name, m, within)
		}
	}
	return nil
}
