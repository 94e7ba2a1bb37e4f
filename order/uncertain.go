package order

import (
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/gatherorder/gatherorder/model"
)

// The policies of workloads with random durations, model/SEMANTICS.md §S16:
// the rules by the durations' means or by their medians (the
// nominal durations, model.Dist.Nominal). The mean of a task's IO time is
// the sum of its waits' means, its median IO time the sum of their
// medians; ltf's tail is the wait plus the last CPU phase, likewise.
const (
	LIFMean   Policy = "lif-mean"
	LIFMedian Policy = "lif-median"
	SIFMean   Policy = "sif-mean"
	SIFMedian Policy = "sif-median"
	LTFMean   Policy = "ltf-mean"
	LTFMedian Policy = "ltf-median"
)

// UncertainPolicies is what "all" reports for a workload with random
// durations, in that order.
var UncertainPolicies = []Policy{Given, LIFMean, LIFMedian, SIFMean, Best}

// AllUncertainPolicies lists every policy of a workload with random
// durations. LIF, SIF and LTF stand for their by-mean variants there (the
// blog's advice speaks of the expected IO wait), Mitten is not defined.
var AllUncertainPolicies = []Policy{Given, LIFMean, LIFMedian, SIFMean, SIFMedian, LTFMean, LTFMedian, Best}

// ByMean maps lif, sif and ltf to their by-mean variants, and every other
// policy to itself.
func ByMean(p Policy) Policy {
	switch p {
	case LIF:
		return LIFMean
	case SIF:
		return SIFMean
	case LTF:
		return LTFMean
	}
	return p
}

// Objective is what Best minimises over a set of scenarios.
type Objective string

// The objectives.
const (
	// Mean is the sample mean of the makespans (their exact sum).
	Mean Objective = "mean"
	// P95 is the nearest-rank 95th percentile of the makespans (Estimate).
	P95 Objective = "p95"
)

// UncertainChoice is the order a policy chose for a workload with random
// durations.
type UncertainChoice struct {
	Policy Policy
	Order  []int
	// For Best: Optimal reports that the search covered every order, so
	// that Order minimises the objective on the fitting scenarios (ties:
	// the lexicographically first); Method names the search
	// ("exhaustive" or "insertion local search"), Orders counts the
	// orders evaluated.
	Optimal bool
	Method  string
	Orders  int64
}

// meanKeys returns the rationals Σ over task j's steps selected by keep
// of the steps' means.
func meanKeys(w *model.Workload, keep func(t model.Task, i int) bool) []*big.Rat {
	ks := make([]*big.Rat, len(w.Tasks))
	for j, t := range w.Tasks {
		ks[j] = new(big.Rat)
		for i, st := range t.Steps {
			if !keep(t, i) {
				continue
			}
			d := model.Dist{}
			if t.Dists != nil {
				d = t.Dists[i]
			}
			ks[j].Add(ks[j], d.Mean(st.D))
		}
	}
	return ks
}

// orderByRat sorts 0..n-1 by the keys (descending when desc), then by the
// second keys (descending when desc, if not nil), ties by index.
func orderByRat(k1, k2 []*big.Rat, desc bool) []int {
	p := Identity(len(k1))
	slices.SortStableFunc(p, func(a, b int) int {
		c := k1[a].Cmp(k1[b])
		if c == 0 && k2 != nil {
			c = k2[a].Cmp(k2[b])
		}
		if desc {
			return -c
		}
		return c
	})
	return p
}

func isWait(t model.Task, i int) bool { return t.Steps[i].Kind != model.CPU }

// ChooseUncertain runs policy p on w, a workload with random durations,
// whose scenarios fit evaluates (Best's search minimises obj on them
// within lim: Limits.Nodes bounds the orders evaluated, Limits.Time the
// wall clock; 0 is no limit). Best is exhaustive over all orders for at
// most MaxExhaustive tasks; beyond, or when the exhaustive search would
// exceed lim, it is the insertion local search of bestLocal.
func ChooseUncertain(w *model.Workload, p Policy, fit *Evaluator, lim Limits, obj Objective) (UncertainChoice, error) {
	p = ByMean(p)
	c := UncertainChoice{Policy: p}
	switch p {
	case Given:
		c.Order = Identity(len(w.Tasks))
	case LIFMedian:
		c.Order = LongestIOFirst(w)
	case SIFMedian:
		c.Order = ShortestIOFirst(w)
	case LIFMean, SIFMean:
		c.Order = orderByRat(meanKeys(w, isWait), nil, p == LIFMean)
	case LTFMean, LTFMedian:
		js, ok := ThreePhaseJobs(w)
		if !ok {
			return c, fmt.Errorf("%s is defined for tasks of three steps, cpu; sleep or io; cpu", p)
		}
		if p == LTFMedian {
			c.Order = longestTailFirst(js)
			break
		}
		tail := meanKeys(w, func(_ model.Task, i int) bool { return i > 0 })
		c.Order = orderByRat(tail, meanKeys(w, isWait), true)
	case Best:
		c = bestUncertain(w, fit, lim, obj)
	default:
		return c, fmt.Errorf("unknown order policy %q for random durations (want given, lif-mean, lif-median, sif-mean, sif-median, ltf-mean, ltf-median, best or all)", string(p))
	}
	return c, nil
}

// scorer evaluates the objective of orders on the fitting scenarios,
// abandoning an order as soon as it provably cannot beat the incumbent.
type scorer struct {
	e     *Evaluator
	obj   Objective
	buf   []model.Duration
	rank  int // the nearest rank of the 95th percentile
	best  [2]uint64
	has   bool
	order []int
}

// try computes ord's objective as a comparable pair (a 128-bit sum for
// Mean, (0, p95) for P95) and whether it is below the incumbent's;
// evaluation stops early when it cannot be.
func (s *scorer) try(ord []int) bool {
	n := s.e.S.N
	switch s.obj {
	case P95:
		// More than N - rank makespans above the incumbent's p95 put this
		// order's p95 above it.
		over := 0
		s.buf = s.buf[:0]
		for k := 0; k < n; k++ {
			m := s.e.Makespan(k, ord)
			s.buf = append(s.buf, m)
			if s.has && uint64(m) >= s.best[1] {
				if over++; over > n-s.rank {
					return false
				}
			}
		}
		slices.Sort(s.buf)
		v := [2]uint64{0, uint64(s.buf[s.rank-1])}
		if s.has && !less(v, s.best) {
			return false
		}
		s.best = v
	default:
		var hi, lo uint64
		for k := 0; k < n; k++ {
			var c uint64
			lo, c = addCarry(lo, uint64(s.e.Makespan(k, ord)))
			hi += c
			if s.has && !less([2]uint64{hi, lo}, s.best) {
				return false
			}
		}
		s.best = [2]uint64{hi, lo}
	}
	s.has = true
	s.order = append(s.order[:0], ord...)
	return true
}

func less(a, b [2]uint64) bool { return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]) }

// bestUncertain is Best for random durations. The objective is fit's
// sample mean or p95. Up to MaxExhaustive tasks it scores every order in
// lexicographic order (order.ForEachPerm), each abandoned once its partial
// sum (or its count of makespans above the incumbent's p95) shows it
// cannot win, so the first minimum is found and Optimal is set; if lim
// stops it first, the best order seen so far is kept and improved by the
// local search. Beyond, the local search starts from the best of given,
// lif-mean, lif-median and (three-phase tasks) ltf-mean and the order best
// for the nominal durations (Search, 10⁵ nodes), and repeats
// first-improvement insertion moves (take the task at position i, insert
// it at position k, all pairs in order) until no move improves or lim
// ends.
func bestUncertain(w *model.Workload, fit *Evaluator, lim Limits, obj Objective) UncertainChoice {
	n := len(w.Tasks)
	s := &scorer{e: fit, obj: obj, rank: (95*fit.S.N + 99) / 100}
	c := UncertainChoice{Policy: Best}
	start := time.Now()
	stop := func() bool {
		if lim.Nodes > 0 && c.Orders >= lim.Nodes {
			return true
		}
		return lim.Time > 0 && c.Orders%8 == 0 && time.Since(start) > lim.Time
	}
	if n <= MaxExhaustive {
		done := true
		ForEachPerm(n, func(p []int) {
			if !done {
				return
			}
			if c.Orders > 0 && stop() {
				done = false
				return
			}
			c.Orders++
			s.try(p)
		})
		if done {
			c.Order, c.Optimal, c.Method = s.order, true, "exhaustive"
			return c
		}
	} else {
		starts := [][]int{Identity(n), LongestIOFirst(w), orderByRat(meanKeys(w, isWait), nil, true)}
		if js, ok := ThreePhaseJobs(w); ok {
			tail := meanKeys(w, func(_ model.Task, i int) bool { return i > 0 })
			starts = append(starts, orderByRat(tail, meanKeys(w, isWait), true), Search(js, Limits{Nodes: 100_000}).Order)
		}
		for _, o := range starts {
			c.Orders++
			s.try(o)
		}
	}
	c.Method = "insertion local search"
	cur := slices.Clone(s.order)
	cand := make([]int, n)
	for improved := true; improved; {
		improved = false
		for i := 0; i < n && !improved; i++ {
			for k := 0; k < n && !improved; k++ {
				if k == i || k == i+1 {
					continue // no move, or the same as (i+1, i)
				}
				if stop() {
					c.Order = s.order
					return c
				}
				insertMove(cand, cur, i, k)
				c.Orders++
				if s.try(cand) {
					copy(cur, cand)
					improved = true
				}
			}
		}
	}
	c.Order = s.order
	return c
}
