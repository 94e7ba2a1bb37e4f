package props

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
)

// The five-quarters family: for odd n = 2m+1 ≥ 3 and c ≥ 1, the n tasks
// cpu c; sleep (m+i)c; cpu c for i = 0, …, n−1. Longest-IO-first releases
// every task at (m+n)c and takes (m+2n)c; the order FiveQuartersOrder takes
// 2nc, the total CPU work, so it is optimal; the ratio (5n−1)/(4n) tends
// to 5/4, and the excess mc = (n−1)c/2 is exactly the bound of
// proofs/lif-additive-equal-cpu.md, so the family shows that bound tight.

// FiveQuartersFamily returns the family's jobs for odd n ≥ 3 and c ≥ 1,
// in longest-IO-first order: job i waits (m+n−1−i)c.
func FiveQuartersFamily(n int, c model.Duration) []model.Job {
	if n < 3 || n%2 == 0 || c < 1 {
		panic(fmt.Sprintf("props: the five-quarters family needs odd n ≥ 3 and c ≥ 1, not n = %d, c = %d", n, c))
	}
	m := n / 2
	js := make([]model.Job, n)
	for i := range js {
		js[i] = model.Job{A: c, L: model.Duration(m+n-1-i) * c, B: c}
	}
	return js
}

// FiveQuartersOrder is an optimal order of FiveQuartersFamily(n, c): the
// jobs at the even longest-IO-first positions 2, 4, …, 2m (indices 1, 3,
// …), then those at the odd positions 1, 3, …, 2m+1 (indices 0, 2, …),
// each group in longest-IO-first order. Its releases are the n distinct
// values nc, (n+1)c, …, (2n−1)c, so the second phases run back to back from
// nc and the gather takes 2nc. (No rotation of the longest-IO-first order
// helps: every rotation also releases all tasks together.)
func FiveQuartersOrder(n int) []int {
	var p []int
	for i := 1; i < n; i += 2 {
		p = append(p, i)
	}
	for i := 0; i < n; i += 2 {
		p = append(p, i)
	}
	return p
}

// FiveQuartersValues is the family's closed form: longest-IO-first takes
// (m+2n)c and the optimum is 2nc.
func FiveQuartersValues(n int, c model.Duration) (lif, opt model.Duration) {
	m := model.Duration(n / 2)
	return (m + 2*model.Duration(n)) * c, 2 * model.Duration(n) * c
}

// fiveQuartersMember reports whether js (in any order) is
// FiveQuartersFamily(n, c) for some odd n ≥ 3 and c ≥ 1, and returns c.
func fiveQuartersMember(js []model.Job) (model.Duration, bool) {
	n := len(js)
	if n < 3 || n%2 == 0 {
		return 0, false
	}
	c := js[0].A
	if c < 1 {
		return 0, false
	}
	m := model.Duration(n / 2)
	seen := make([]bool, n)
	for _, j := range js {
		if j.A != c || j.B != c || j.L%c != 0 {
			return 0, false
		}
		i := j.L/c - m
		if i < 0 || i >= model.Duration(n) || seen[i] {
			return 0, false
		}
		seen[i] = true
	}
	return c, true
}

// fiveQuartersJobs enumerates the family within s: every odd n in the
// scope and every c ≥ 1 with every duration ≤ MaxDur and total ≤ MaxTotal,
// for this n (one job per n).
func fiveQuartersJobs(s Scope, n int) []func(yield func(*Instance)) {
	if n < 3 || n%2 == 0 {
		return nil
	}
	return []func(yield func(*Instance)){func(yield func(*Instance)) {
		for c := model.Duration(1); ; c++ {
			js := FiveQuartersFamily(n, c)
			w := jobsWorkload(js)
			if js[0].L > s.MaxDur || Total(w) > s.MaxTotal {
				return
			}
			yield(NewInstance(w))
		}
	}}
}

// fiveQuartersClosedForm: the instance is the family; longest-IO-first
// takes (m+2n)c (every tie-break: the waits are distinct), the order
// FiveQuartersOrder takes 2nc, which is the total CPU work and so a lower
// bound: the optimum is 2nc. Where the engines can enumerate every order
// (n ≤ MaxTasks), the optimum is also checked against all of them.
func fiveQuartersClosedForm(e *Eval, in *Instance) *Failure {
	c, ok := fiveQuartersMember(in.Jobs)
	if !ok {
		return &Failure{Reason: "not an instance of the five-quarters family"}
	}
	n := len(in.Jobs)
	wantLIF, wantOPT := FiveQuartersValues(n, c)
	// The family in longest-IO-first order, as indices into in.Jobs.
	lif := make([]int, n)
	m := model.Duration(n / 2)
	for k, j := range in.Jobs {
		lif[model.Duration(n-1)-(j.L/c-m)] = k
	}
	fam := FiveQuartersOrder(n)
	best := make([]int, n)
	for k, i := range fam {
		best[k] = lif[i]
	}
	got, opt := e.Makespan(in, lif), e.Makespan(in, best)
	var lower model.Duration
	for _, j := range in.Jobs {
		lower += j.A + j.B
	}
	fail := func(reason string) *Failure {
		return &Failure{Reason: reason, Comparisons: []Comparison{
			{Label: "lif", W: in.W, Order: lif, Makespan: got},
			{Label: "interleaved", W: in.W, Order: best, Makespan: opt}}}
	}
	switch {
	case got != wantLIF:
		return fail(fmt.Sprintf("n = %d, c = %s: longest-IO-first takes %s, the closed form says (m+2n)c = %s", n, e.f(c), e.f(got), e.f(wantLIF)))
	case opt != wantOPT || lower != wantOPT:
		return fail(fmt.Sprintf("n = %d, c = %s: the interleaved order takes %s and the CPU work is %s, the closed form says 2nc = %s", n, e.f(c), e.f(opt), e.f(lower), e.f(wantOPT)))
	}
	if n <= MaxTasks {
		if _, b := e.Best(in); b != wantOPT {
			return fail(fmt.Sprintf("n = %d, c = %s: the optimum over all orders is %s, not 2nc = %s", n, e.f(c), e.f(b), e.f(wantOPT)))
		}
		for _, r := range e.LIF(in) {
			if e.All(in)[r] != wantLIF {
				return fail(fmt.Sprintf("n = %d, c = %s: a longest-IO-first order takes %s, not (m+2n)c = %s", n, e.f(c), e.f(e.All(in)[r]), e.f(wantLIF)))
			}
		}
	}
	return nil
}
