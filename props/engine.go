package props

import "fmt"

// RandomEngine checks a claim on random instances of its class within the
// budget's ranges for that class, from the budget's seed, and reports what
// it checked and the counterexample it shrank to. The engines built on
// rapid and gopter are in package props/pbt (pbt.Engines); they are kept out
// of this package because both libraries link Go's testing package, which
// the shipped binary must not carry.
type RandomEngine struct {
	// Name is the engine's name in reports ("rapid", "gopter").
	Name string
	// Run checks c.
	Run func(c Claim, b Budget) RandomReport
}

// RandomReport is what one random engine checked and found.
type RandomReport struct {
	Engine string
	Wide   Wide
	// Checks is the number of instances that passed before the first
	// failure (all of them when none failed), not counting shrinking.
	Checks int
	// Found is the engine's shrunk counterexample in sorted arrangement,
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
