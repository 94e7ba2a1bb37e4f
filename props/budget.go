package props

// Budget is how much each engine checks: the exhaustive scope and the
// random engines' ranges per class, the number of random checks, the seed
// (every run is deterministic) and the adversarial search's effort.
type Budget struct {
	Name         string
	Scopes       map[string]Scope // by Class.ID
	Wides        map[string]Wide  // by Class.ID
	RandomChecks int              // rapid
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
	Scopes: map[string]Scope{
		"equal-cpu-two": {MinN: 2, MaxN: 2, MaxDur: 40, MaxTotal: 40},
		"equal-cpu":     {MinN: 1, MaxN: 6, MaxDur: 32, MaxTotal: 32},
		"no-post-cpu":   {MinN: 1, MaxN: 4, MaxDur: 14, MaxTotal: 14},
		"canonical":     {MinN: 1, MaxN: 4, MaxDur: 12, MaxTotal: 12},
		"hop":           {MinN: 1, MaxN: 4, MaxDur: 12, MaxTotal: 12},
		"multi-step":    {MinN: 1, MaxN: 3, MaxSteps: 2, MaxDur: 4, MaxTotal: 4},
	},
	Wides: map[string]Wide{
		"equal-cpu-two": {MaxN: 2, MaxDur: 1000},
		"equal-cpu":     {MaxN: 7, MaxDur: 100},
		"no-post-cpu":   {MaxN: 7, MaxDur: 100},
		"canonical":     {MaxN: 6, MaxDur: 100},
		"hop":           {MaxN: 5, MaxDur: 100},
		"multi-step":    {MaxN: 4, MaxDur: 30, MaxSteps: 5},
	},
	RandomChecks: 300,
	GopterChecks: 300,
	Seed:         1,
	Adversary:    AdversaryBudget{Restarts: 6, Steps: 300, MaxN: 6, MaxDur: 60},
}

// Full is what `make verify` (GATHERORDER_VERIFY=1) runs.
var Full = Budget{
	Name: "full",
	Scopes: map[string]Scope{
		"equal-cpu-two": {MinN: 2, MaxN: 2, MaxDur: 120, MaxTotal: 120},
		"equal-cpu":     {MinN: 1, MaxN: 7, MaxDur: 48, MaxTotal: 48},
		"no-post-cpu":   {MinN: 1, MaxN: 5, MaxDur: 16, MaxTotal: 16},
		"canonical":     {MinN: 1, MaxN: 5, MaxDur: 15, MaxTotal: 15},
		"hop":           {MinN: 1, MaxN: 4, MaxDur: 16, MaxTotal: 16},
		"multi-step":    {MinN: 1, MaxN: 3, MaxSteps: 3, MaxDur: 5, MaxTotal: 5},
	},
	Wides: map[string]Wide{
		"equal-cpu-two": {MaxN: 2, MaxDur: 1e9},
		"equal-cpu":     {MaxN: 8, MaxDur: 1e6},
		"no-post-cpu":   {MaxN: 8, MaxDur: 1e6},
		"canonical":     {MaxN: 7, MaxDur: 1e6},
		"hop":           {MaxN: 6, MaxDur: 1e6},
		"multi-step":    {MaxN: 5, MaxDur: 1000, MaxSteps: 6},
	},
	RandomChecks: 5000,
	GopterChecks: 5000,
	Seed:         1,
	Adversary:    AdversaryBudget{Restarts: 40, Steps: 2000, MaxN: 7, MaxDur: 1000},
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
