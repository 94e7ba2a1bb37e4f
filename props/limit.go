package props

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Classes of bounded gathers (model/SEMANTICS.md §S17): a class of tasks,
// every workload gathered under one limit. Their instances carry the
// limit and no Jobs, so the engines simulate them (the closed form is the
// unbounded gather's).
var (
	// EqualCPUSem2, CanonicalSem2, MultiStepSem2, HopSem2 and
	// NoPostCPUSem2: under a shared asyncio.Semaphore(2).
	EqualCPUSem2  = limited(EqualCPU, model.Limit{Kind: model.Semaphore, K: 2})
	CanonicalSem2 = limited(Canonical, model.Limit{Kind: model.Semaphore, K: 2})
	MultiStepSem2 = limited(MultiStep, model.Limit{Kind: model.Semaphore, K: 2})
	HopSem2       = limited(Hop, model.Limit{Kind: model.Semaphore, K: 2})
	NoPostCPUSem2 = limited(NoPostCPU, model.Limit{Kind: model.Semaphore, K: 2})
	// CanonicalSem3: canonical tasks under Semaphore(3).
	CanonicalSem3 = limited(Canonical, model.Limit{Kind: model.Semaphore, K: 3})
	// EqualCPUWorkers2 and CanonicalWorkers2: two workers on a queue.
	EqualCPUWorkers2  = limited(EqualCPU, model.Limit{Kind: model.Workers, K: 2})
	CanonicalWorkers2 = limited(Canonical, model.Limit{Kind: model.Workers, K: 2})
	// MultiStepSem1 and MultiStepWorkers1: any tasks, one slot.
	MultiStepSem1     = limited(MultiStep, model.Limit{Kind: model.Semaphore, K: 1})
	MultiStepWorkers1 = limited(MultiStep, model.Limit{Kind: model.Workers, K: 1})
	// The binding classes have at least k + 1 tasks, so that the limit
	// binds in every instance: a counterexample there is not an unbounded
	// gather's.
	CanonicalSem2Binding     = binding(CanonicalSem2)
	CanonicalSem3Binding     = binding(CanonicalSem3)
	CanonicalWorkers2Binding = binding(CanonicalWorkers2)
	MultiStepSem2Binding     = binding(MultiStepSem2)
)

// LimitedClasses lists the classes of bounded gathers.
var LimitedClasses = []*Class{EqualCPUSem2, CanonicalSem2, MultiStepSem2, HopSem2, NoPostCPUSem2,
	CanonicalSem3, EqualCPUWorkers2, CanonicalWorkers2, MultiStepSem1, MultiStepWorkers1,
	CanonicalSem2Binding, CanonicalSem3Binding, CanonicalWorkers2Binding, MultiStepSem2Binding}

// binding is c restricted to more than k tasks.
func binding(c *Class) *Class {
	b := *c
	b.ID = c.ID + "-binding"
	b.Doc = c.Doc + ", with at least k + 1 tasks (the limit binds)"
	b.MinN = max(c.MinN, c.Limit.K+1)
	b.Member = func(w *model.Workload) bool { return len(w.Tasks) > c.Limit.K && c.Member(w) }
	b.decode = func(v []int64, wd Wide) *model.Workload {
		// The base decoders read n from v[0] as pick(v[0], 1, MaxN); move
		// it to at least k + 1 first.
		v = append([]int64(nil), v...)
		lo := int64(c.Limit.K)
		v[0] = lo + v[0]%max(1, int64(wd.MaxN)-lo)
		return c.decode(v, wd)
	}
	return &b
}

// limited is the class of base's workloads gathered under l.
func limited(base *Class, l model.Limit) *Class {
	id := fmt.Sprintf("%s-%s-%d", base.ID, l.Kind, l.K)
	under := fmt.Sprintf("one asyncio.Semaphore(%d) shared by the gather, every body inside `async with sem:`", l.K)
	if l.Kind == model.Workers {
		under = fmt.Sprintf("%d worker tasks taking the coroutines in gather order from an asyncio.Queue", l.K)
	}
	return &Class{
		ID:    id,
		Doc:   base.Doc + "; gathered under " + under + " (model/SEMANTICS.md §S17)",
		MinN:  base.MinN,
		MaxN:  base.MaxN,
		Base:  base,
		Limit: l,
		Member: func(w *model.Workload) bool {
			if w.Limit != l {
				return false
			}
			u := *w
			u.Limit = model.Limit{}
			return base.Member(&u)
		},
		jobs: func(s Scope, n int) []func(yield func(*Instance)) {
			js := base.jobs(s, n)
			out := make([]func(yield func(*Instance)), len(js))
			for i, j := range js {
				out[i] = func(yield func(*Instance)) {
					j(func(in *Instance) { yield(in.withLimit(l)) })
				}
			}
			return out
		},
		width: base.width,
		decode: func(v []int64, w Wide) *model.Workload {
			x := base.decode(v, w)
			x.Limit = l
			return x
		},
	}
}

// withLimit is in gathered under l: the same tasks, no closed form.
func (in *Instance) withLimit(l model.Limit) *Instance {
	w := *in.W
	w.Limit = l
	return &Instance{W: &w}
}

// The budgets of the classes of bounded gathers: each simulates every
// order of every instance, so the scopes are smaller than their base
// classes'; MaxDur = MaxTotal certifies minimality as there.
func init() {
	quick := map[*Class]Scope{
		EqualCPUSem2:      {MinN: 1, MaxN: 5, MaxDur: 16, MaxTotal: 16},
		EqualCPUWorkers2:  {MinN: 1, MaxN: 5, MaxDur: 16, MaxTotal: 16},
		NoPostCPUSem2:     {MinN: 1, MaxN: 4, MaxDur: 10, MaxTotal: 10},
		CanonicalSem2:     {MinN: 1, MaxN: 4, MaxDur: 9, MaxTotal: 9},
		CanonicalSem3:     {MinN: 1, MaxN: 4, MaxDur: 9, MaxTotal: 9},
		CanonicalWorkers2: {MinN: 1, MaxN: 4, MaxDur: 9, MaxTotal: 9},
		HopSem2:           {MinN: 1, MaxN: 4, MaxDur: 9, MaxTotal: 9},
		MultiStepSem2:     {MinN: 1, MaxN: 3, MaxSteps: 2, MaxDur: 4, MaxTotal: 4},
		MultiStepSem1:     {MinN: 1, MaxN: 3, MaxSteps: 2, MaxDur: 4, MaxTotal: 4},
		MultiStepWorkers1: {MinN: 1, MaxN: 3, MaxSteps: 2, MaxDur: 4, MaxTotal: 4},

		CanonicalSem2Binding:     {MinN: 3, MaxN: 4, MaxDur: 7, MaxTotal: 7},
		CanonicalSem3Binding:     {MinN: 4, MaxN: 4, MaxDur: 7, MaxTotal: 7},
		CanonicalWorkers2Binding: {MinN: 3, MaxN: 4, MaxDur: 7, MaxTotal: 7},
		MultiStepSem2Binding:     {MinN: 3, MaxN: 3, MaxSteps: 2, MaxDur: 4, MaxTotal: 4},
	}
	full := map[*Class]Scope{
		EqualCPUSem2:      {MinN: 1, MaxN: 6, MaxDur: 24, MaxTotal: 24},
		EqualCPUWorkers2:  {MinN: 1, MaxN: 6, MaxDur: 24, MaxTotal: 24},
		NoPostCPUSem2:     {MinN: 1, MaxN: 5, MaxDur: 12, MaxTotal: 12},
		CanonicalSem2:     {MinN: 1, MaxN: 5, MaxDur: 11, MaxTotal: 11},
		CanonicalSem3:     {MinN: 1, MaxN: 5, MaxDur: 11, MaxTotal: 11},
		CanonicalWorkers2: {MinN: 1, MaxN: 5, MaxDur: 11, MaxTotal: 11},
		HopSem2:           {MinN: 1, MaxN: 4, MaxDur: 12, MaxTotal: 12},
		MultiStepSem2:     {MinN: 1, MaxN: 3, MaxSteps: 3, MaxDur: 5, MaxTotal: 5},
		MultiStepSem1:     {MinN: 1, MaxN: 3, MaxSteps: 3, MaxDur: 5, MaxTotal: 5},
		MultiStepWorkers1: {MinN: 1, MaxN: 3, MaxSteps: 3, MaxDur: 5, MaxTotal: 5},

		CanonicalSem2Binding:     {MinN: 3, MaxN: 5, MaxDur: 11, MaxTotal: 11},
		CanonicalSem3Binding:     {MinN: 4, MaxN: 5, MaxDur: 10, MaxTotal: 10},
		CanonicalWorkers2Binding: {MinN: 3, MaxN: 5, MaxDur: 11, MaxTotal: 11},
		MultiStepSem2Binding:     {MinN: 3, MaxN: 4, MaxSteps: 3, MaxDur: 5, MaxTotal: 5},
	}
	for c, s := range quick {
		Quick.Scopes[c] = s
		w := Quick.Wides[c.Base]
		w.MaxN = min(w.MaxN, 5)
		w.MaxDur = min(w.MaxDur, 20) // shrinking simulates every order
		Quick.Wides[c] = w
	}
	for c, s := range full {
		Full.Scopes[c] = s
		w := Full.Wides[c.Base]
		w.MaxN = min(w.MaxN, 7)
		Full.Wides[c] = w
	}
}

// lptBeatsLIF: under a limit, for every given order, longest-total-first
// (LPT on each task's whole duration, order.LongestTotalFirst) is never
// slower than longest-IO-first; both sorts are stable, so a given order
// fixes both tie-breaks.
func lptBeatsLIF(e *Eval, in *Instance) *Failure {
	ms := e.All(in)
	n := len(in.W.Tasks)
	io := make([]model.Duration, n)
	tot := make([]model.Duration, n)
	for i, t := range in.W.Tasks {
		io[i], tot[i] = t.IOTime(), order.TotalDuration(t)
	}
	for _, g := range perms(n) {
		l, p := stableDesc(g, io), stableDesc(g, tot)
		if rl, rp := rank(l), rank(p); ms[rp] > ms[rl] {
			return &Failure{
				Reason:      fmt.Sprintf("longest-total-first takes %d, longest-IO-first %d", ms[rp], ms[rl]),
				Comparisons: []Comparison{e.compare("ltotal", in, rp), e.compare("lif", in, rl)},
			}
		}
	}
	return nil
}

// stableDesc is g stably sorted by descending key.
func stableDesc(g []int, key []model.Duration) []int {
	q := append([]int(nil), g...)
	for i := 1; i < len(q); i++ {
		for j := i; j > 0 && key[q[j-1]] < key[q[j]]; j-- {
			q[j-1], q[j] = q[j], q[j-1]
		}
	}
	return q
}

// ltotalWithin: every longest-total-first order is within num/den of the
// optimum (Graham's LPT bound is 4/3 − 1/(3k) for k identical machines).
func ltotalWithin(num, den model.Duration) Predicate {
	return ruleWithin("longest-total-first", ltotalOrders, num, den)
}

// ltotalOrders are the ranks of every order by non-increasing total
// duration, one per tie-break.
func ltotalOrders(e *Eval, in *Instance) []int {
	n := len(in.W.Tasks)
	tot := make([]model.Duration, n)
	for i, t := range in.W.Tasks {
		tot[i] = order.TotalDuration(t)
	}
	var rs []int
	for r, p := range perms(n) {
		ok := true
		for k := 1; k < n && ok; k++ {
			ok = tot[p[k-1]] >= tot[p[k]]
		}
		if ok {
			rs = append(rs, r)
		}
	}
	return rs
}
