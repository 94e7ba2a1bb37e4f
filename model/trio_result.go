package model

import (
	"math/big"
	"slices"
	"strings"
)

// Outcome is one possible result of a run whose schedule is random
// (Trio, model/SEMANTICS.md §S13): every task's finish time and the
// makespan, with its probability.
type Outcome struct {
	// Finish[i] is the instant task i (an index into Workload.Tasks)
	// returned.
	Finish []Duration
	// Makespan is the latest finish (0 with no tasks).
	Makespan Duration
	// P is the outcome's probability: exact in an exact Distribution (a
	// sum of powers of 1/2), the observed frequency in an estimate, nil in
	// a support under arbitrary ties (Trio.Support).
	P *big.Rat
}

// Distribution is the distribution of a randomised run's outcomes
// (Trio.Distribution).
type Distribution struct {
	// Outcomes are the possible outcomes (exact) or the observed ones
	// (estimate), sorted by makespan and then by finish times; their
	// probabilities sum to 1.
	Outcomes []Outcome
	// Exact is true when every path was enumerated; false for an estimate.
	Exact bool
	// Samples is the number of seeded runs of an estimate (0 when Exact),
	// Seed their seed.
	Samples int
	Seed    uint64
	// States is the number of distinct branch states the exact
	// enumeration expanded, Paths the number of coin sequences (each of
	// probability 2^-length; saturating at the largest uint64); both 0
	// for an estimate.
	States int
	Paths  uint64
}

// MakespanP is one makespan with its probability.
type MakespanP struct {
	Makespan Duration
	P        *big.Rat
}

// Makespans is the distribution of the makespan: each makespan that
// occurs with the sum of its outcomes' probabilities, ascending.
func (d *Distribution) Makespans() []MakespanP {
	var out []MakespanP
	for _, o := range d.Outcomes {
		if n := len(out); n > 0 && out[n-1].Makespan == o.Makespan {
			out[n-1].P.Add(out[n-1].P, o.P)
			continue
		}
		out = append(out, MakespanP{o.Makespan, new(big.Rat).Set(o.P)})
	}
	return out
}

// Expected is the expected makespan in ns, exactly (for an estimate: the
// sample mean). It is a terminating decimal in every unit when the
// distribution is exact, or the sample count has no prime factor but 2
// and 5.
func (d *Distribution) Expected() *big.Rat {
	e := new(big.Rat)
	var m, x big.Rat
	for _, o := range d.Outcomes {
		e.Add(e, x.Mul(o.P, m.SetInt64(int64(o.Makespan))))
	}
	return e
}

// Min and Max are the smallest and the largest makespan of the support.
func (d *Distribution) Min() Duration {
	if len(d.Outcomes) == 0 {
		return 0
	}
	return d.Outcomes[0].Makespan
}

// Max is the largest makespan of the support (see Min).
func (d *Distribution) Max() Duration {
	if len(d.Outcomes) == 0 {
		return 0
	}
	return d.Outcomes[len(d.Outcomes)-1].Makespan
}

// Probability is the probability of the outcome with these finish times
// (0 if it is not in the support).
func (d *Distribution) Probability(finish []Duration) *big.Rat {
	for _, o := range d.Outcomes {
		if slices.Equal(o.Finish, finish) {
			return new(big.Rat).Set(o.P)
		}
	}
	return new(big.Rat)
}

// z95 is the two-sided 95% quantile of the standard normal distribution.
const z95 = 1.959963984540054

// CI95 is a 95% confidence interval for the expected makespan, in whole
// ns rounded outwards. For an estimate it is the normal-approximation
// interval mean ± 1.96·s/√Samples, s the sample standard deviation,
// clipped to the observed makespans; for an exact distribution it is the
// expectation itself (rounded outwards to ns). ok is true only for an
// estimate.
func (d *Distribution) CI95() (lo, hi Duration, ok bool) {
	mean := d.Expected()
	if d.Exact || d.Samples < 2 {
		return floorRat(mean), ceilRat(mean), false
	}
	// Sample variance with Bessel's correction: Σ n_k (m_k - mean)² / (N-1).
	n := big.NewRat(int64(d.Samples), 1)
	v := new(big.Rat)
	var dev, sq big.Rat
	for _, o := range d.Outcomes {
		dev.Sub(dev.SetInt64(int64(o.Makespan)), mean)
		sq.Mul(&dev, &dev)
		v.Add(v, sq.Mul(&sq, new(big.Rat).Mul(o.P, n)))
	}
	v.Quo(v, big.NewRat(int64(d.Samples-1), 1))
	v.Quo(v, n) // variance of the mean
	f := new(big.Float).SetPrec(256).SetRat(v)
	f.Sqrt(f)
	f.Mul(f, new(big.Float).SetPrec(256).SetFloat64(z95))
	half, _ := f.Rat(nil)
	lo = floorRat(new(big.Rat).Sub(mean, half))
	hi = ceilRat(new(big.Rat).Add(mean, half))
	return max(lo, d.Min()), min(hi, d.Max()), true
}

func floorRat(r *big.Rat) Duration {
	q := new(big.Int)
	m := new(big.Int)
	q.DivMod(r.Num(), r.Denom(), m) // Euclidean: floor for a positive denominator
	return Duration(q.Int64())
}

func ceilRat(r *big.Rat) Duration {
	f := floorRat(r)
	if r.IsInt() {
		return f
	}
	return f + 1
}

// String is the makespan distribution, e.g. "7: 1/2, 9: 1/2" in ns.
func (d *Distribution) String() string {
	var b strings.Builder
	for i, m := range d.Makespans() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(Format(m.Makespan, Nanosecond))
		b.WriteString(": ")
		b.WriteString(m.P.RatString())
	}
	return b.String()
}

// FormatRat writes r nanoseconds in unit u as a decimal: exactly, as the
// shortest decimal, when it terminates (every expectation of an exact
// Distribution does), otherwise rounded to the nearest 10⁻⁶ ns.
func FormatRat(r *big.Rat, u Unit) string {
	scale := u.Nanos()
	if scale == 0 {
		scale = 1
	}
	x := new(big.Rat).Quo(r, big.NewRat(scale, 1))
	digits := u.digits() + 6
	if terminates(x.Denom()) {
		// The fewest digits that make x·10^digits an integer.
		digits = 0
		ten := big.NewRat(10, 1)
		for p := new(big.Rat).Set(x); !p.IsInt(); p.Mul(p, ten) {
			digits++
		}
	}
	s := x.FloatString(digits)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// terminates reports whether 1/den is a terminating decimal: den has no
// prime factor but 2 and 5.
func terminates(den *big.Int) bool {
	d := new(big.Int).Set(den)
	var q, m big.Int
	for _, p := range []*big.Int{big.NewInt(2), big.NewInt(5)} {
		for {
			q.QuoRem(d, p, &m)
			if m.Sign() != 0 {
				break
			}
			d.Set(&q)
		}
	}
	return d.IsInt64() && d.Int64() == 1
}
