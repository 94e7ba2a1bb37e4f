package props

import (
	"sync"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// MaxTasks is the largest instance the engines evaluate: every predicate
// looks at all n! orders.
const MaxTasks = order.MaxExhaustive

var permTables [MaxTasks + 1]struct {
	once  sync.Once
	perms [][]int
}

// perms returns every permutation of 0..n-1 in lexicographic order (the
// order of order.ForEachPerm); index = lexicographic rank. Shared and
// read-only.
func perms(n int) [][]int {
	t := &permTables[n]
	t.once.Do(func() {
		order.ForEachPerm(n, func(p []int) { t.perms = append(t.perms, append([]int(nil), p...)) })
	})
	return t.perms
}

// rank is the lexicographic rank of permutation p (its index in perms).
func rank(p []int) int {
	r := 0
	for i := range p {
		smaller := 0
		for j := i + 1; j < len(p); j++ {
			if p[j] < p[i] {
				smaller++
			}
		}
		r = r*(len(p)-i) + smaller
	}
	return r
}

// Eval evaluates instances: the makespan of every order, cached for the
// current instance. An Eval is not safe for concurrent use; each engine
// goroutine has its own.
type Eval struct {
	sim  model.Sim
	rt   Runtime    // the runtime (On); zero: the base model
	trio model.Trio // rt.Trio's model
	in   *Instance
	ms   []model.Duration
	keys []model.Duration
	lif  []int
	sif  []int
	ltf  []int
	tail []model.Duration
}

// Makespan is the makespan of in gathered in order p under e's runtime
// (the base model unless the claim runs On another): model.ClosedForm for
// canonical instances on the base model (equal to the simulator's makespan
// there, as model.TestClosedFormMatchesSimulator checks), the expected
// makespan on Trio (exact, in integer ns: Runtime), the runtime's
// simulator otherwise.
func (e *Eval) Makespan(in *Instance, p []int) model.Duration {
	switch {
	case e.rt.Trio:
		return e.trioMakespan(in.W, p)
	case in.Jobs != nil && e.rt.Base():
		return model.ClosedForm(in.Jobs, p)
	}
	e.sim.Runtime = e.rt.Sim
	return e.sim.Run(in.W, p, false).Makespan
}

// All returns the makespan of every order of in, indexed by rank. The
// slice is owned by e and valid until the next instance.
func (e *Eval) All(in *Instance) []model.Duration {
	if e.in == in {
		return e.ms
	}
	e.in = in
	ps := perms(len(in.W.Tasks))
	e.ms = e.ms[:0]
	for _, p := range ps {
		e.ms = append(e.ms, e.Makespan(in, p))
	}
	e.lif, e.sif, e.ltf = e.lif[:0], e.sif[:0], e.ltf[:0]
	e.keys, e.tail = e.keys[:0], e.tail[:0]
	for _, t := range in.W.Tasks {
		e.keys = append(e.keys, t.IOTime())
		e.tail = append(e.tail, tail(t))
	}
	for r, p := range ps {
		asc, desc, tails := true, true, true
		for k := 1; k < len(p); k++ {
			a, b := e.keys[p[k-1]], e.keys[p[k]]
			asc = asc && a <= b
			desc = desc && a >= b
			tails = tails && e.tail[p[k-1]] >= e.tail[p[k]]
		}
		if desc {
			e.lif = append(e.lif, r)
		}
		if asc {
			e.sif = append(e.sif, r)
		}
		if tails {
			e.ltf = append(e.ltf, r)
		}
	}
	return e.ms
}

// LIF returns the ranks of every order longest-IO-first can produce: the
// orders by non-increasing IO time (model.Task.IOTime), one for each way of
// breaking ties, i.e. for each given order. SIF likewise.
func (e *Eval) LIF(in *Instance) []int { e.All(in); return e.lif }

// SIF: see LIF.
func (e *Eval) SIF(in *Instance) []int { e.All(in); return e.sif }

// LTF returns the ranks of every order longest-tail-first can produce: the
// orders by non-increasing tail (the time from a task's first await on:
// L + B for canonical tasks), one for each way of breaking ties.
func (e *Eval) LTF(in *Instance) []int { e.All(in); return e.ltf }

// SIFPartner is the shortest-IO-first order for the same given order as
// the longest-IO-first order p: both sorts are stable, so tasks with equal
// IO time keep the same relative order in both.
func (e *Eval) SIFPartner(in *Instance, p []int) []int {
	e.All(in)
	q := append([]int(nil), p...)
	// Stable insertion sort by ascending key.
	for i := 1; i < len(q); i++ {
		for j := i; j > 0 && e.keys[q[j-1]] > e.keys[q[j]]; j-- {
			q[j-1], q[j] = q[j], q[j-1]
		}
	}
	return q
}

// Best returns the rank of the lexicographically first optimal order and
// its makespan; Worst the first slowest.
func (e *Eval) Best(in *Instance) (int, model.Duration) {
	ms := e.All(in)
	b := 0
	for r, m := range ms {
		if m < ms[b] {
			b = r
		}
	}
	return b, ms[b]
}

// Worst: see Best.
func (e *Eval) Worst(in *Instance) (int, model.Duration) {
	ms := e.All(in)
	b := 0
	for r, m := range ms {
		if m > ms[b] {
			b = r
		}
	}
	return b, ms[b]
}

// compare builds the comparison of in gathered in the order of rank r.
func (e *Eval) compare(label string, in *Instance, r int) Comparison {
	p := perms(len(in.W.Tasks))[r]
	return Comparison{Label: label, W: in.W, Order: append([]int(nil), p...), Makespan: e.All(in)[r]}
}
