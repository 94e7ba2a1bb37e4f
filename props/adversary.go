package props

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// AdversaryBudget bounds the adversarial search: per (class, policy, n),
// Restarts seeded hill climbs of Steps mutations each, over n ≤ MaxN tasks
// (and the class's own Wide.MaxN) and durations ≤ MaxDur.
type AdversaryBudget struct {
	Restarts, Steps int
	MaxN            int
	MaxDur          model.Duration
}

// Heuristic is an ordering rule whose worst ratio to the optimum the
// adversary searches for. Orders returns the ranks of every order the rule
// can produce on an instance (one per tie-break, as for LIF): the
// adversary also chooses the given order.
type Heuristic struct {
	Name, Doc string
	Orders    func(e *Eval, in *Instance) []int
	// JobsOnly rules apply to canonical instances only (order's job
	// heuristics); their ties are broken by the instance's canonical
	// arrangement, not by the adversary.
	JobsOnly bool
}

// Heuristics are the rules the adversary attacks.
var Heuristics = []Heuristic{
	{Name: "lif", Doc: "longest IO first (descending IOTime)", Orders: func(e *Eval, in *Instance) []int { return e.LIF(in) }},
	{Name: "sif", Doc: "shortest IO first (ascending IOTime)", Orders: func(e *Eval, in *Instance) []int { return e.SIF(in) }},
	{Name: "ltf", Doc: "longest tail first: descending time after the first await (waits plus CPU after the first wait; L+B for canonical tasks), Jackson's rule with tails", Orders: tailFirst},
	{Name: "johnson", Doc: "order.JohnsonOrder: Johnson's two-machine rule on (A, L+B)", JobsOnly: true,
		Orders: func(e *Eval, in *Instance) []int { return []int{rank(order.JohnsonOrder(in.Jobs))} }},
	{Name: "heuristic", Doc: "order.Heuristic: best of LIF, longest tail first and Johnson, then local search", JobsOnly: true,
		Orders: func(e *Eval, in *Instance) []int { return []int{rank(order.Heuristic(in.Jobs))} }},
	{Name: "any", Doc: "any order at all (the given order chosen by an adversary): the slowest order", Orders: func(e *Eval, in *Instance) []int { w, _ := e.Worst(in); return []int{w} }},
}

// tail is the duration of a task after its first CPU run: everything from
// its first await on.
func tail(t model.Task) model.Duration {
	var s model.Duration
	awaited := false
	for _, st := range t.Steps {
		awaited = awaited || st.Kind != model.CPU
		if awaited {
			s += st.D
		}
	}
	return s
}

func tailFirst(e *Eval, in *Instance) []int {
	keys := make([]model.Duration, len(in.W.Tasks))
	for i, t := range in.W.Tasks {
		keys[i] = tail(t)
	}
	var out []int
	for r, p := range perms(len(keys)) {
		ok := true
		for k := 1; k < len(p) && ok; k++ {
			ok = keys[p[k-1]] >= keys[p[k]]
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// WorstRatio is the worst ratio of a heuristic's makespan to the optimum
// the adversary found in a class, and the instance attaining it.
type WorstRatio struct {
	Class, Heuristic string
	// Num/Den is the ratio: the heuristic's makespan over the optimum.
	Num, Den model.Duration
	// Instance and its comparison (heuristic's order, best order).
	Instance *Instance
	Failure  *Failure
	// Evaluated is the number of instances the search evaluated.
	Evaluated int
}

// Ratio is Num/Den as a float, for display (1 when Den is 0).
func (w WorstRatio) Ratio() float64 {
	if w.Den == 0 {
		return 1
	}
	return float64(w.Num) / float64(w.Den)
}

func (w WorstRatio) String() string {
	return fmt.Sprintf("%s/%s: %d/%d = %.4f (%d instances searched)", w.Class, w.Heuristic, w.Num, w.Den, w.Ratio(), w.Evaluated)
}

// AdversaryClasses are the classes the adversary searches.
var AdversaryClasses = []*Class{EqualCPU, NoPostCPU, Canonical, Hop, MultiStep}

// Adversary searches, for every class and heuristic, for the instance
// maximising the heuristic's makespan over the optimum: a seeded local
// search over the class's integer vectors (Class.Decode), from random
// starts, mutating one coordinate at a time (a random value, or ±1, ±10%)
// and keeping the mutation when the ratio does not decrease. Deterministic:
// each (class, heuristic) search has its own seeded generator.
func Adversary(b Budget) []WorstRatio {
	type job struct {
		c *Class
		h Heuristic
	}
	var jobs []job
	for _, c := range AdversaryClasses {
		for _, h := range Heuristics {
			if h.JobsOnly && c != EqualCPU && c != NoPostCPU && c != Canonical {
				continue
			}
			jobs = append(jobs, job{c, h})
		}
	}
	out := make([]WorstRatio, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			// Seeded by the (class, rule) names, so adding a rule does not
			// change the other searches.
			f := fnv.New64a()
			f.Write([]byte(j.c.ID + "/" + j.h.Name))
			out[i] = adversary(j.c, j.h, b, f.Sum64())
		}()
	}
	wg.Wait()
	return out
}

func adversary(c *Class, h Heuristic, b Budget, salt uint64) WorstRatio {
	w := b.Wides[c]
	w.MaxDur = b.Adversary.MaxDur
	maxN := min(w.MaxN, b.Adversary.MaxN)
	w.MaxN = maxN
	rng := rand.New(rand.NewPCG(b.Seed, 0x9e3779b97f4a7c15^salt))
	var e Eval
	best := WorstRatio{Class: c.ID, Heuristic: h.Name, Num: 0, Den: 1}
	score := func(v []int64) (num, den model.Duration, r int, in *Instance) {
		in = NewInstance(c.Decode(v, w))
		_, opt := e.Best(in)
		ms := e.All(in)
		r = -1
		for _, q := range h.Orders(&e, in) {
			if r < 0 || ms[q] > ms[r] {
				r = q
			}
		}
		return ms[r], opt, r, in
	}
	// better reports a/b > c/d (exact; 0/0 counts as 1).
	better := func(a, bb, c, d model.Duration) bool {
		if bb == 0 {
			a, bb = 1, 1
		}
		if d == 0 {
			c, d = 1, 1
		}
		return a*d > c*bb
	}
	lo, _ := c.nRange(1, maxN)
	for n := max(lo, 2); n <= maxN; n++ {
		for range b.Adversary.Restarts {
			v := make([]int64, c.width(w))
			for i := range v {
				v[i] = rng.Int64N(int64(w.MaxDur) + 1)
			}
			v[0] = int64(n - 1)
			if c.MinN == c.MaxN && c.MinN > 0 {
				v[0] = 0
			}
			num, den, _, _ := score(v)
			best.Evaluated++
			for range b.Adversary.Steps {
				u := slices.Clone(v)
				i := 1 + rng.IntN(len(u)-1)
				switch rng.IntN(3) {
				case 0:
					u[i] = rng.Int64N(int64(w.MaxDur) + 1)
				case 1:
					u[i] += int64(rng.IntN(3)) - 1
				default:
					u[i] += (u[i]/10 + 1) * (int64(rng.IntN(2))*2 - 1)
				}
				u[i] = min(max(u[i], 0), int64(w.MaxDur))
				n2, d2, _, _ := score(u)
				best.Evaluated++
				if !better(num, den, n2, d2) {
					v, num, den = u, n2, d2
				}
			}
			if better(num, den, best.Num, best.Den) || best.Instance == nil {
				n2, d2, r, in := score(v)
				bo, _ := e.Best(in)
				best.Num, best.Den, best.Instance = n2, d2, in
				best.Failure = &Failure{
					Reason:      fmt.Sprintf("%s takes %d, the best order %d", h.Name, n2, d2),
					Comparisons: []Comparison{e.compare(h.Name, in, r), e.compare("best", in, bo)},
				}
			}
		}
	}
	return best
}
