package props

// Budget is how much each engine checks: the exhaustive scope and the
// random engines' ranges per class, the number of random checks, the seed
// (every run is deterministic) and the adversarial search's effort.
type Budget struct {
	Name         string
	Scopes       map[*Class]Scope
	Wides        map[*Class]Wide
	RandomChecks int // rapid
	GopterChecks int
	Seed         uint64
	Adversary    AdversaryBudget
}

// Quick is the budget of `go test ./props` and `gatherorder claims`: well
// under a minute on two cores. Scopes bound durations only by the total
// (MaxDur = MaxTotal), which makes every minimal counterexample certified
// (ExhaustiveReport.MinimalityCertified).
var Quick = Budget{
	Name: "quick",
	Scopes: map[*Class]Scope{
		EqualCPUTwo: {MinN: 2, MaxN: 2, MaxDur: 40, MaxTotal: 40},
		EqualCPU:    {MinN: 1, MaxN: 6, MaxDur: 32, MaxTotal: 32},
		NoPostCPU:   {MinN: 1, MaxN: 4, MaxDur: 14, MaxTotal: 14},
		Canonical:   {MinN: 1, MaxN: 4, MaxDur: 12, MaxTotal: 12},
		Hop:         {MinN: 1, MaxN: 4, MaxDur: 12, MaxTotal: 12},
		MultiStep:   {MinN: 1, MaxN: 3, MaxSteps: 2, MaxDur: 4, MaxTotal: 4},
		// The family's n is not capped at MaxTasks (Class.AnyN): every odd
		// n up to 41, c up to where the longest wait passes 240.
		FiveQuarters: {MinN: 3, MaxN: 41, MaxDur: 240, MaxTotal: 1 << 20},
		// Claims in expectation (props/uncertain.go).
		TwoPointEqualCPU:  {MinN: 1, MaxN: 3, MaxDur: 28, MaxTotal: 28},
		TwoPointCanonical: {MinN: 1, MaxN: 3, MaxDur: 10, MaxTotal: 10},
	},
	Wides: map[*Class]Wide{
		FiveQuarters:      {MaxN: 101, MaxDur: 1000},
		EqualCPUTwo:       {MaxN: 2, MaxDur: 1000},
		EqualCPU:          {MaxN: 7, MaxDur: 100},
		NoPostCPU:         {MaxN: 7, MaxDur: 100},
		Canonical:         {MaxN: 6, MaxDur: 100},
		Hop:               {MaxN: 5, MaxDur: 100},
		MultiStep:         {MaxN: 4, MaxDur: 30, MaxSteps: 5},
		TwoPointEqualCPU:  {MaxN: 4, MaxDur: 50},
		TwoPointCanonical: {MaxN: 4, MaxDur: 30},
	},
	RandomChecks: 300,
	GopterChecks: 300,
	Seed:         1,
	Adversary:    AdversaryBudget{Restarts: 6, Structured: 3, Steps: 200, MaxN: 6, LargeN: 9, LargeNodes: 20000, MaxDur: 60},
}

// Full is what `make verify` (GATHERORDER_VERIFY=1) runs.
var Full = Budget{
	Name: "full",
	Scopes: map[*Class]Scope{
		EqualCPUTwo:       {MinN: 2, MaxN: 2, MaxDur: 120, MaxTotal: 120},
		EqualCPU:          {MinN: 1, MaxN: 7, MaxDur: 48, MaxTotal: 48},
		NoPostCPU:         {MinN: 1, MaxN: 5, MaxDur: 16, MaxTotal: 16},
		Canonical:         {MinN: 1, MaxN: 5, MaxDur: 15, MaxTotal: 15},
		Hop:               {MinN: 1, MaxN: 4, MaxDur: 16, MaxTotal: 16},
		MultiStep:         {MinN: 1, MaxN: 3, MaxSteps: 3, MaxDur: 5, MaxTotal: 5},
		FiveQuarters:      {MinN: 3, MaxN: 201, MaxDur: 6000, MaxTotal: 1 << 30},
		TwoPointEqualCPU:  {MinN: 1, MaxN: 3, MaxDur: 36, MaxTotal: 36},
		TwoPointCanonical: {MinN: 1, MaxN: 4, MaxDur: 12, MaxTotal: 12},
	},
	Wides: map[*Class]Wide{
		FiveQuarters:      {MaxN: 1001, MaxDur: 1e6},
		EqualCPUTwo:       {MaxN: 2, MaxDur: 1e9},
		EqualCPU:          {MaxN: 8, MaxDur: 1e6},
		NoPostCPU:         {MaxN: 8, MaxDur: 1e6},
		Canonical:         {MaxN: 7, MaxDur: 1e6},
		Hop:               {MaxN: 6, MaxDur: 1e6},
		MultiStep:         {MaxN: 5, MaxDur: 1000, MaxSteps: 6},
		TwoPointEqualCPU:  {MaxN: 4, MaxDur: 1e6},
		TwoPointCanonical: {MaxN: 4, MaxDur: 1e6},
	},
	RandomChecks: 5000,
	GopterChecks: 5000,
	Seed:         1,
	Adversary:    AdversaryBudget{Restarts: 40, Structured: 10, Steps: 2000, MaxN: 8, LargeN: 13, LargeNodes: 50000, MaxDur: 1000},
}

// BudgetByName returns Quick or Full.
func BudgetByName(name string) (Budget, bool) {
	switch name {
	case Quick.Name:
		return Quick, true
	case Full.Name:
		return Full, true
	}
	return Budget{}, false
}
