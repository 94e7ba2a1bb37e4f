package props

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// AdversaryBudget bounds the adversarial search. Per (class, rule, n) it
// runs Restarts hill climbs from random vectors of the class and
// Structured hill climbs over the parameters of each structured family of
// the class (structuredFamilies), Steps mutations each. Instances with
// n ≤ MaxN tasks (and the class's own Wide.MaxN, at most MaxTasks) are
// judged exactly over all n! orders; for the classes of canonical jobs the
// search goes on to LargeN tasks with order.BranchAndBound as the judge
// (node limit LargeNodes; an instance whose optimum is not proven within
// it is not scored). Durations are at most MaxDur.
type AdversaryBudget struct {
	Restarts, Structured, Steps int
	MaxN                        int
	LargeN                      int
	LargeNodes                  int64
	MaxDur                      model.Duration
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
	// Jobs is the rule's order of canonical jobs in their given order
	// (ties in that order, which the adversary chooses), for instances too
	// large to enumerate; nil when the rule needs every order (any).
	Jobs func(js []model.Job) []int
}

// Heuristics are the rules the adversary attacks.
var Heuristics = []Heuristic{
	{Name: "lif", Doc: "longest IO first (descending IOTime)", Orders: lifOrders, Jobs: order.JobsLIF},
	{Name: "sif", Doc: "shortest IO first (ascending IOTime)", Orders: func(e *Eval, in *Instance) []int { return e.SIF(in) }, Jobs: jobsSIF},
	{Name: "ltf", Doc: "longest tail first: descending time after the first await (waits plus CPU after the first wait; L+B for canonical tasks), Jackson's rule with tails", Orders: ltfOrders, Jobs: order.LongestTailFirst},
	{Name: "johnson", Doc: "order.JohnsonOrder: Johnson's two-machine rule on (A, L+B)", JobsOnly: true,
		Orders: jobsRule(order.JohnsonOrder), Jobs: order.JohnsonOrder},
	{Name: "mitten", Doc: "order.Mitten: Johnson's rule on (A+L, L+B), Mitten's rule for the flow shop with time lags", JobsOnly: true,
		Orders: jobsRule(order.Mitten), Jobs: order.Mitten},
	{Name: "best3", Doc: "the best of order.JobsLIF, order.LongestTailFirst and order.Mitten", JobsOnly: true,
		Orders: jobsRule(bestOfThree), Jobs: bestOfThree},
	{Name: "heuristic", Doc: "order.Heuristic: best of LIF, longest tail first and Johnson, then local search", JobsOnly: true,
		Orders: jobsRule(order.Heuristic), Jobs: order.Heuristic},
	{Name: "any", Doc: "any order at all (the given order chosen by an adversary): the slowest order", Orders: func(e *Eval, in *Instance) []int { w, _ := e.Worst(in); return []int{w} }},
}

// jobsRule turns an order of canonical jobs into the rank of that order of
// the instance (its canonical arrangement).
func jobsRule(f func([]model.Job) []int) func(e *Eval, in *Instance) []int {
	return func(e *Eval, in *Instance) []int { return []int{rank(f(in.Jobs))} }
}

// jobsSIF is shortest-IO-first on jobs: ascending L, ties in given order.
func jobsSIF(js []model.Job) []int {
	p := order.Identity(len(js))
	slices.SortStableFunc(p, func(i, j int) int { return cmp.Compare(js[i].L, js[j].L) })
	return p
}

// bestOfThree is the fastest of the three rules with a proved 3/2
// guarantee (proofs/bounds.md): longest-IO-first, longest-tail-first and
// Mitten's rule; ties to the first.
func bestOfThree(js []model.Job) []int {
	var best []int
	var bc model.Duration
	for _, p := range [][]int{order.JobsLIF(js), order.LongestTailFirst(js), order.Mitten(js)} {
		if c := model.ClosedForm(js, p); best == nil || c < bc {
			best, bc = p, c
		}
	}
	return best
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

// WorstRatio is the worst ratio of a heuristic's makespan to the optimum
// the adversary found in a class, and the instance attaining it.
type WorstRatio struct {
	Class, Heuristic string
	// Num/Den is the ratio: the heuristic's makespan over the optimum.
	Num, Den model.Duration
	// Instance and its comparison (heuristic's order, best order). For
	// n ≤ MaxTasks the instance is in sorted arrangement; beyond, in the
	// adversary's given order, which the rules' tie-breaks follow.
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
	n := 0
	if w.Instance != nil {
		n = len(w.Instance.W.Tasks)
	}
	return fmt.Sprintf("%s/%s: %d/%d = %.4f on %d tasks (%d instances searched)", w.Class, w.Heuristic, w.Num, w.Den, w.Ratio(), n, w.Evaluated)
}

// AdversaryClasses are the classes the adversary searches.
var AdversaryClasses = []*Class{EqualCPU, NoPostCPU, Canonical, Hop, MultiStep}

// jobClass reports whether c's instances are canonical jobs, which the
// order package's rules and order.BranchAndBound take.
func jobClass(c *Class) bool { return c == EqualCPU || c == NoPostCPU || c == Canonical }

// Adversary searches, for every class and heuristic, for the instance
// maximising the heuristic's makespan over the optimum: seeded hill climbs
// over the class's integer vectors (Class.Decode) from random starts and
// over the parameters of the class's structured families, mutating one
// coordinate at a time (a random value, or ±1, ±10%) and keeping the
// mutation when the ratio does not decrease. Deterministic: each (class,
// heuristic) search has its own seeded generator.
func Adversary(b Budget) []WorstRatio {
	type job struct {
		c *Class
		h Heuristic
	}
	var jobs []job
	for _, c := range AdversaryClasses {
		for _, h := range Heuristics {
			if h.JobsOnly && !jobClass(c) {
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

// scored is one evaluated instance: the rule's makespan num over the
// optimum den, and the comparison that shows it.
type scored struct {
	num, den model.Duration
	ok       bool
	in       *Instance
	cmp      func() []Comparison
}

// better reports a/b > c/d (exact; 0/0 counts as 1).
func better(a, b, c, d model.Duration) bool {
	if b == 0 {
		a, b = 1, 1
	}
	if d == 0 {
		c, d = 1, 1
	}
	return a*d > c*b
}

func adversary(c *Class, h Heuristic, b Budget, salt uint64) WorstRatio {
	ab := b.Adversary
	w := b.Wides[c]
	w.MaxDur = ab.MaxDur
	small := min(w.MaxN, ab.MaxN, MaxTasks)
	large := small
	if jobClass(c) && h.Jobs != nil {
		large = max(small, ab.LargeN)
	}
	w.MaxN = large
	rng := rand.New(rand.NewPCG(b.Seed, 0x9e3779b97f4a7c15^salt))
	var e Eval
	best := WorstRatio{Class: c.ID, Heuristic: h.Name, Num: 0, Den: 1}
	score := func(v []int64) scored {
		best.Evaluated++
		wl := c.Decode(v, w)
		if len(wl.Tasks) <= small {
			in := NewInstance(wl)
			_, opt := e.Best(in)
			ms := e.All(in)
			r := -1
			for _, q := range h.Orders(&e, in) {
				if r < 0 || ms[q] > ms[r] {
					r = q
				}
			}
			return scored{num: ms[r], den: opt, ok: true, in: in, cmp: func() []Comparison {
				var e2 Eval
				bo, _ := e2.Best(in)
				return []Comparison{e2.compare(h.Name, in, r), e2.compare("best", in, bo)}
			}}
		}
		// Too large to enumerate: the rule on the jobs in the given order,
		// the optimum by branch and bound.
		js := jobsOf(wl)
		p := h.Jobs(js)
		sol := order.BranchAndBound(js, order.Limits{Nodes: ab.LargeNodes})
		if !sol.Optimal {
			return scored{}
		}
		in := &Instance{W: wl, Jobs: js}
		m := model.ClosedForm(js, p)
		return scored{num: m, den: sol.Makespan, ok: true, in: in, cmp: func() []Comparison {
			return []Comparison{
				{Label: h.Name, W: wl, Order: p, Makespan: m},
				{Label: "best", W: wl, Order: sol.Order, Makespan: sol.Makespan}}
		}}
	}
	climb := func(start []int64, decode func([]int64) []int64) {
		v := start
		cur := score(decode(v))
		for range ab.Steps {
			u := slices.Clone(v)
			i := rng.IntN(len(u))
			switch rng.IntN(3) {
			case 0:
				u[i] = rng.Int64N(int64(w.MaxDur) + 1)
			case 1:
				u[i] += int64(rng.IntN(3)) - 1
			default:
				u[i] += (u[i]/10 + 1) * (int64(rng.IntN(2))*2 - 1)
			}
			u[i] = min(max(u[i], 0), int64(w.MaxDur))
			if s := score(decode(u)); s.ok && (!cur.ok || !better(cur.num, cur.den, s.num, s.den)) {
				v, cur = u, s
			}
		}
		if cur.ok && (best.Instance == nil || better(cur.num, cur.den, best.Num, best.Den)) {
			cmps := cur.cmp()
			best.Num, best.Den, best.Instance = cur.num, cur.den, cur.in
			best.Failure = &Failure{Reason: fmt.Sprintf("%s takes %d, the best order %d", h.Name, cur.num, cur.den), Comparisons: cmps}
		}
	}
	lo, _ := c.nRange(1, large)
	for n := max(lo, 2); n <= large; n++ {
		// Raw vectors: the n tasks' coordinates (the rest of the vector is
		// not read).
		used := c.width(Wide{MaxN: n, MaxDur: w.MaxDur, MaxSteps: w.MaxSteps})
		// Beyond the exhaustive range only the structured families are
		// searched: a random vector of many tasks is rarely near a bad
		// instance, and each evaluation costs a branch and bound.
		restarts := ab.Restarts
		if n > small {
			restarts = 0
		}
		for range restarts {
			v := make([]int64, used-1)
			for i := range v {
				v[i] = rng.Int64N(int64(w.MaxDur) + 1)
			}
			climb(v, func(u []int64) []int64 { return rawVector(c, w, n, u) })
		}
		for _, f := range structuredFamilies(c) {
			for range ab.Structured {
				v := make([]int64, f.params)
				for i := range v {
					v[i] = rng.Int64N(int64(w.MaxDur) + 1)
				}
				climb(v, func(u []int64) []int64 { return f.vector(c, w, n, u) })
			}
		}
	}
	return best
}

// rawVector is the class vector of n tasks whose coordinates after the
// task count are u.
func rawVector(c *Class, w Wide, n int, u []int64) []int64 {
	v := make([]int64, c.width(w))
	v[0] = int64(n - 1)
	if c.MinN == c.MaxN && c.MinN > 0 {
		v[0] = 0
	}
	copy(v[1:], u)
	return v
}

// family is a structured family of instances of n tasks described by a few
// parameters, each in [0, MaxDur]: the adversary climbs in the parameters,
// where a pattern that no single-coordinate move of a raw vector reaches
// (all waits shifted together, say) is one step away.
type family struct {
	name   string
	params int
	vector func(c *Class, w Wide, n int, p []int64) []int64
}

// structuredFamilies are the structured families of a class: for equal CPU
// phases, waits in arithmetic progression (c, first wait, step); for
// canonical jobs (and B = 0), every duration in arithmetic progression, and
// two kinds of job in a given proportion. None is tuned to a known bad
// instance; the search chooses the parameters.
func structuredFamilies(c *Class) []family {
	clampL := func(x int64, w Wide) int64 { return min(max(x, 1), int64(w.MaxDur)) - 1 } // L coordinate: pick(x, 1, MaxDur)
	clamp := func(x int64, w Wide) int64 { return min(max(x, 0), int64(w.MaxDur)) }
	switch c {
	case EqualCPU:
		return []family{{name: "progression", params: 3, vector: func(c *Class, w Wide, n int, p []int64) []int64 {
			v := rawVector(c, w, n, nil)
			v[1] = p[0]
			for i := range n {
				v[2+i] = clampL(p[1]+int64(i)*(p[2]-int64(w.MaxDur)/2)/int64(n), w)
			}
			return v
		}}}
	case NoPostCPU, Canonical:
		per := 3
		if c == NoPostCPU {
			per = 2
		}
		set := func(v []int64, w Wide, i int, a, l, b int64) {
			v[1+per*i] = clamp(a, w)
			v[2+per*i] = clampL(l, w)
			if per == 3 {
				v[3+per*i] = clamp(b, w)
			}
		}
		return []family{
			{name: "progression", params: 6, vector: func(c *Class, w Wide, n int, p []int64) []int64 {
				v := rawVector(c, w, n, nil)
				step := func(x int64) int64 { return (x - int64(w.MaxDur)/2) / int64(n) }
				for i := range n {
					k := int64(i)
					set(v, w, i, p[0]+k*step(p[1]), p[2]+k*step(p[3]), p[4]+k*step(p[5]))
				}
				return v
			}},
			{name: "two kinds", params: 7, vector: func(c *Class, w Wide, n int, p []int64) []int64 {
				v := rawVector(c, w, n, nil)
				k := 1 + int(p[0])%max(n-1, 1)
				for i := range n {
					if i < k {
						set(v, w, i, p[1], p[2], p[3])
					} else {
						set(v, w, i, p[4], p[5], p[6])
					}
				}
				return v
			}},
		}
	}
	return nil
}
