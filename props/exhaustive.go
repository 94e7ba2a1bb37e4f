package props

import (
	"fmt"
	"runtime"
	"sync"
)

// ExhaustiveReport is what the exhaustive engine covered and found.
type ExhaustiveReport struct {
	Scope Scope
	// Instances is the number of instances (multisets of tasks) checked;
	// each predicate looks at all n! orders of each.
	Instances int64
	// Violations is how many of them refute the claim.
	Violations int64
	// Minimal is the least violating instance in the order of minimality
	// (Compare), and Failure its refutation; nil when none violates.
	Minimal *Instance
	Failure *Failure
}

func (r ExhaustiveReport) String() string {
	v := "violations"
	if r.Violations == 1 {
		v = "violation"
	}
	return fmt.Sprintf("all %s instances with %s: %s %s", commas(r.Instances), r.Scope, commas(r.Violations), v)
}

// MinimalityCertified reports whether the minimal counterexample is
// certified minimal in the order of minimality beyond the scope's own
// bounds: every instance with fewer tasks and total at most
// min(MaxDur, MaxTotal), and every instance with as many tasks and a
// smaller total, is inside the scope (each duration ≤ total ≤ MaxDur).
// That holds only for classes of fixed shape: where tasks have a free
// number of steps (Scope.MaxSteps > 0), zero-duration steps make the
// instances below any total infinitely many, so the scope can show the
// counterexample minimal only among tasks of at most MaxSteps steps, and
// this reports false.
func (r ExhaustiveReport) MinimalityCertified() bool {
	return r.Minimal != nil && r.Scope.MaxSteps == 0 && Total(r.Minimal.W) <= min(r.Scope.MaxDur, r.Scope.MaxTotal)
}

// Exhaustive checks claim c on every instance of its class within s,
// spreading the enumeration over all cores (each worker has its own Eval;
// the simulator is pure). Counts and the minimal counterexample do not
// depend on the scheduling of the workers.
func Exhaustive(c Claim, s Scope) ExhaustiveReport {
	lo, hi := c.Class.nRange(s.MinN, s.MaxN)
	var jobs []func(yield func(*Instance))
	for n := lo; n <= hi; n++ {
		jobs = append(jobs, c.Class.jobs(s, n)...)
	}
	rep := ExhaustiveReport{Scope: s}
	rep.Scope.MinN, rep.Scope.MaxN = lo, hi
	var mu sync.Mutex
	next := make(chan func(yield func(*Instance)))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var e Eval
			var count, bad int64
			var least *Instance
			for job := range next {
				job(func(in *Instance) {
					count++
					if c.Check(&e, in) != nil {
						bad++
						if least == nil || Compare(in, least) < 0 {
							least = in
						}
					}
				})
			}
			mu.Lock()
			defer mu.Unlock()
			rep.Instances += count
			rep.Violations += bad
			if least != nil && (rep.Minimal == nil || Compare(least, rep.Minimal) < 0) {
				rep.Minimal = least
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	if rep.Minimal != nil {
		var e Eval
		rep.Failure = c.Check(&e, rep.Minimal)
	}
	return rep
}

// commas writes n with thousands separators: 1,234,567.
func commas(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
