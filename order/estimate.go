package order

import (
	"math"
	"math/big"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// Evaluator computes the makespans of orders on a fixed set of scenarios
// (model.Scenarios), reusing its buffers: on the base model's runtimes
// (model.Runtime.IsBase) with three-phase tasks (ThreePhaseJobs) and no
// limit by
// model.ClosedForm on the scenarios' jobs, else by model.Sim.Run without
// a trace on each scenario in turn. Every order it evaluates sees the
// same scenarios: common random numbers.
type Evaluator struct {
	S  *model.Scenarios
	RT model.Runtime
	n  int
	// jobs holds the scenarios' jobs, N·n, when the closed form applies.
	jobs    []model.Job
	sim     model.Sim
	scratch *model.Workload
}

// NewEvaluator prepares the evaluation of orders on s under runtime rt.
func NewEvaluator(s *model.Scenarios, rt model.Runtime) *Evaluator {
	e := &Evaluator{S: s, RT: rt, n: len(s.W.Tasks), sim: model.Sim{Runtime: rt}}
	if _, ok := ThreePhaseJobs(s.W); ok && rt.IsBase() && !s.W.Limit.Bounded() {
		e.jobs = make([]model.Job, s.N*e.n)
		for i := range e.jobs {
			d := s.D[3*i : 3*i+3]
			e.jobs[i] = model.Job{A: d[0], L: d[1], B: d[2]}
		}
		return e
	}
	e.scratch = s.Scenario(0)
	return e
}

// Makespan is the makespan of order ord on scenario k.
func (e *Evaluator) Makespan(k int, ord []int) model.Duration {
	if e.jobs != nil {
		return model.ClosedForm(e.jobs[k*e.n:(k+1)*e.n], ord)
	}
	e.S.Fill(k, e.scratch)
	return e.sim.Run(e.scratch, ord, false).Makespan
}

// Makespans returns the makespan of ord on every scenario, in dst's
// storage when it is large enough.
func (e *Evaluator) Makespans(ord []int, dst []model.Duration) []model.Duration {
	dst = slices.Grow(dst[:0], e.S.N)[:e.S.N]
	for k := range dst {
		dst[k] = e.Makespan(k, ord)
	}
	return dst
}

// Estimate summarises one order's makespans over N scenarios
// (model/SEMANTICS.md §S16, "Estimates").
type Estimate struct {
	// N is the number of scenarios.
	N int
	// Sum is the exact sum of the makespans; Expected is Sum/N rounded to
	// the nearest nanosecond (halves up).
	Sum      *big.Int
	Expected model.Duration
	// CI95 is the normal-approximation 95% confidence interval of the
	// expected makespan, mean ± 1.959963984540054·s/√N with s the sample
	// standard deviation (N-1 denominator), computed in float64 from the
	// exact mean and widened outwards to whole nanoseconds (floor, ceil);
	// [Expected, Expected] when every makespan is equal.
	CI95 [2]model.Duration
	// P50 and P95 are the nearest-rank quantiles: the ⌈pN⌉-th smallest
	// makespan, p = 0.5 and 0.95 (exact, a makespan of some scenario).
	P50, P95 model.Duration
	// Beats counts the scenarios where this order is strictly faster than
	// the given order, Ties those where it takes exactly as long;
	// PBeatsGiven is Beats/N (ties are not wins).
	Beats, Ties int
}

// PBeatsGiven is the fraction of scenarios where the order is strictly
// faster than the given order, exactly.
func (e Estimate) PBeatsGiven() *big.Rat { return big.NewRat(int64(e.Beats), int64(e.N)) }

// z975 is Φ⁻¹(0.975), the two-sided 95% normal quantile.
const z975 = 1.959963984540054

// Summarize computes the Estimate of the makespans ms against the given
// order's makespans on the same scenarios (given[k] and ms[k] are the same
// scenario). ms must not be empty.
func Summarize(ms, given []model.Duration) Estimate {
	n := len(ms)
	e := Estimate{N: n, Sum: new(big.Int)}
	var lo, hi uint64 // a 128-bit sum: N makespans of up to 2⁶³ ns
	for k, m := range ms {
		var c uint64
		lo, c = addCarry(lo, uint64(m))
		hi += c
		switch {
		case m < given[k]:
			e.Beats++
		case m == given[k]:
			e.Ties++
		}
	}
	e.Sum.SetUint64(hi)
	e.Sum.Lsh(e.Sum, 64)
	e.Sum.Add(e.Sum, new(big.Int).SetUint64(lo))
	// Expected = ⌊(2·Sum + N) / (2N)⌋, the nearest nanosecond, halves up.
	num := new(big.Int).Lsh(e.Sum, 1)
	num.Add(num, big.NewInt(int64(n)))
	num.Quo(num, big.NewInt(2*int64(n)))
	e.Expected = model.Duration(num.Int64())
	mean, _ := new(big.Rat).SetFrac(e.Sum, big.NewInt(int64(n))).Float64()
	var ss float64
	equal := true
	for _, m := range ms {
		d := float64(m) - mean
		ss += d * d
		equal = equal && m == ms[0]
	}
	if equal || n < 2 {
		e.CI95 = [2]model.Duration{e.Expected, e.Expected}
	} else {
		h := z975 * math.Sqrt(ss/float64(n-1)/float64(n))
		e.CI95 = [2]model.Duration{model.Duration(max(0, math.Floor(mean-h))), model.Duration(math.Ceil(mean + h))}
	}
	sorted := slices.Clone(ms)
	slices.Sort(sorted)
	e.P50, e.P95 = NearestRank(sorted, 50), NearestRank(sorted, 95)
	return e
}

// NearestRank is the nearest-rank pct-th percentile of sorted values: the
// ⌈pct·N/100⌉-th smallest (the first for pct·N < 100).
func NearestRank(sorted []model.Duration, pct int) model.Duration {
	r := (pct*len(sorted) + 99) / 100
	return sorted[max(r, 1)-1]
}

func addCarry(a, b uint64) (uint64, uint64) {
	s := a + b
	if s < a {
		return s, 1
	}
	return s, 0
}
