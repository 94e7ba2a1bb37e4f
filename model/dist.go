package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/gatherorder/gatherorder/internal/jsontok"
)

// DistKind is the form of a step's duration (model/SEMANTICS.md §S16).
type DistKind uint8

// The duration forms of the workload format.
const (
	// Fixed is a constant duration, Step.D: a number in the format.
	Fixed DistKind = iota
	// Empirical is {"samples": [...]}: each draw is one of the samples,
	// each with probability 1/len(Samples) (resampling with replacement).
	Empirical
	// LogNormal is {"median": m, "p95": p}: exp(N(μ, σ²)) with e^μ = m and
	// e^(μ + 1.6448536269514722 σ) = p, rounded to integer nanoseconds.
	LogNormal
	// Uniform is {"min": a, "max": b}: the integer nanosecond counts a to
	// b, each equally likely.
	Uniform
)

var distKindNames = [...]string{Fixed: "fixed", Empirical: "samples", LogNormal: "lognormal", Uniform: "uniform"}

func (k DistKind) String() string {
	if int(k) < len(distKindNames) {
		return distKindNames[k]
	}
	return fmt.Sprintf("DistKind(%d)", k)
}

// Dist is the distribution of one step's duration. Its zero value is
// Fixed: the step's own Step.D.
type Dist struct {
	Kind DistKind
	// Samples are the values of an Empirical distribution (non-empty).
	Samples []Duration
	// Median and P95 define a LogNormal (P95 >= Median; equal means the
	// constant Median; Median 0 only with P95 0).
	Median, P95 Duration
	// Min and Max bound a Uniform (Min <= Max).
	Min, Max Duration
}

// Z95 is Φ⁻¹(0.95), the standard normal's 95th percentile, to float64
// precision: the log-normal's σ is ln(P95/Median)/Z95.
const Z95 = 1.6448536269514722

// Nominal is the duration a distribution stands for in the nominal
// workload (the Step.D that Parse stores next to it): its median.
// Empirical: the lower median, the ⌈n/2⌉-th smallest sample (a sample,
// hence exact); LogNormal: Median; Uniform: Min + ⌊(Max-Min)/2⌋.
func (d Dist) Nominal(fixed Duration) Duration {
	switch d.Kind {
	case Empirical:
		s := slices.Clone(d.Samples)
		slices.Sort(s)
		return s[(len(s)-1)/2]
	case LogNormal:
		return d.Median
	case Uniform:
		return d.Min + (d.Max-d.Min)/2
	}
	return fixed
}

// Mean is the distribution's expectation in nanoseconds: exact for
// Fixed, Empirical (the samples' average) and Uniform ((Min+Max)/2, the
// mean of the integer grid); for LogNormal it is Median·exp(σ²/2)
// computed in float64 and converted exactly, the one inexact mean.
func (d Dist) Mean(fixed Duration) *big.Rat {
	switch d.Kind {
	case Empirical:
		s := new(big.Int)
		for _, v := range d.Samples {
			s.Add(s, big.NewInt(int64(v)))
		}
		return new(big.Rat).SetFrac(s, big.NewInt(int64(len(d.Samples))))
	case LogNormal:
		if d.P95 == d.Median {
			return new(big.Rat).SetInt64(int64(d.Median))
		}
		sg := d.sigma()
		return new(big.Rat).SetFloat64(float64(d.Median) * math.Exp(sg*sg/2))
	case Uniform:
		s := new(big.Int).Add(big.NewInt(int64(d.Min)), big.NewInt(int64(d.Max)))
		return new(big.Rat).SetFrac(s, big.NewInt(2))
	}
	return new(big.Rat).SetInt64(int64(fixed))
}

func (d Dist) sigma() float64 {
	return math.Log(float64(d.P95)/float64(d.Median)) / Z95
}

// maxDraw is the largest log-normal draw accepted (2⁶² ns, about 146
// years); a larger one is ErrOverflow.
const maxDraw = 1 << 62

// Draw returns one duration from d, consuming randomness from r only for
// the random forms. Empirical draws r.IntN(len(Samples)); Uniform draws
// Min + r.Uint64N(Max-Min+1); LogNormal draws z = r.NormFloat64() and
// returns Median·exp(σz) rounded to the nearest nanosecond (halves away
// from zero, math.Round), with σ = ln(P95/Median)/Z95 in float64 (and
// no randomness when P95 = Median). A log-normal draw above 2⁶² ns is
// ErrOverflow.
func (d Dist) Draw(r *rand.Rand, fixed Duration) (Duration, error) {
	sigma := 0.0
	if d.Kind == LogNormal && d.P95 != d.Median {
		sigma = d.sigma()
	}
	return d.draw(r, fixed, sigma)
}

// draw is Draw with the log-normal's σ computed once by the caller.
func (d Dist) draw(r *rand.Rand, fixed Duration, sigma float64) (Duration, error) {
	switch d.Kind {
	case Empirical:
		return d.Samples[r.IntN(len(d.Samples))], nil
	case Uniform:
		return d.Min + Duration(r.Uint64N(uint64(d.Max-d.Min)+1)), nil
	case LogNormal:
		if d.P95 == d.Median {
			return d.Median, nil
		}
		v := math.Round(float64(d.Median) * math.Exp(sigma*r.NormFloat64()))
		if !(v <= maxDraw) {
			return 0, ErrOverflow
		}
		return Duration(v), nil
	}
	return fixed, nil
}

// check enforces the rules of model/SEMANTICS.md §S16 on d.
func (d Dist) check(u Unit) error {
	f := func(v Duration) string { return Format(v, u) + " " + unitName(u) }
	switch d.Kind {
	case Fixed:
		return nil
	case Empirical:
		if len(d.Samples) == 0 {
			return errors.New(`empty "samples" (want at least one sample)`)
		}
		for i, v := range d.Samples {
			if v < 0 {
				return fmt.Errorf("sample %d is negative", i+1)
			}
		}
	case LogNormal:
		if d.Median < 0 || d.P95 < 0 {
			return errors.New("negative median or p95")
		}
		if d.P95 < d.Median {
			return fmt.Errorf("p95 %s is less than the median %s", f(d.P95), f(d.Median))
		}
		if d.Median == 0 && d.P95 > 0 {
			return errors.New("median 0 with p95 > 0 is no log-normal (a log-normal's median is positive)")
		}
	case Uniform:
		if d.Min < 0 || d.Max < 0 {
			return errors.New("negative min or max")
		}
		if d.Min > d.Max {
			return fmt.Errorf("min %s is greater than max %s", f(d.Min), f(d.Max))
		}
	default:
		return fmt.Errorf("unknown distribution kind %d", d.Kind)
	}
	return nil
}

// Uncertain reports whether any step of w has a random duration (a
// non-Fixed Dist). An uncertain workload's Step.D are the nominal
// durations (the medians, Dist.Nominal): simulating it directly answers
// for the medians only, so the orders' outcomes come from Draw's scenarios
// (and order.Choose refuses it).
func (w *Workload) Uncertain() bool {
	for _, t := range w.Tasks {
		for _, d := range t.Dists {
			if d.Kind != Fixed {
				return true
			}
		}
	}
	return false
}

// validateDists checks the distributions of task t (index i): none, or
// one per step, each following model/SEMANTICS.md §S16, with Step.D its
// nominal value.
func validateDists(t Task, i int, u Unit) error {
	if t.Dists == nil {
		return nil
	}
	if len(t.Dists) != len(t.Steps) {
		return fmt.Errorf("%s: %d distributions for %d steps", taskLabel(t.Name, i), len(t.Dists), len(t.Steps))
	}
	for j, d := range t.Dists {
		if err := d.check(u); err != nil {
			return fmt.Errorf("%s, step %d (%s): %w", taskLabel(t.Name, i), j+1, t.Steps[j].Kind, err)
		}
		if d.Kind != Fixed && t.Steps[j].D != d.Nominal(0) {
			return fmt.Errorf("%s, step %d (%s): duration %s is not the distribution's median %s", taskLabel(t.Name, i), j+1, t.Steps[j].Kind, Format(t.Steps[j].D, u), Format(d.Nominal(0), u))
		}
	}
	return nil
}

// rawDist is a distribution object as read, its numbers still text (the
// unit may come after the tasks).
type rawDist struct {
	kind DistKind
	nums map[string]string
	samp []string
}

// distBody reads the rest of a distribution object whose "{" has been
// read: {"samples": [...]}, {"median": m, "p95": p} or {"min": a,
// "max": b}, nothing else.
func (p *parser) distBody(what string) (*rawDist, error) {
	r := &rawDist{nums: map[string]string{}}
	form := map[string]DistKind{"samples": Empirical, "median": LogNormal, "p95": LogNormal, "min": Uniform, "max": Uniform}
	seen := map[string]bool{}
	for p.D.More() {
		t, err := p.Token()
		if err != nil {
			return nil, err
		}
		k := t.(string) // the decoder guarantees object keys are strings
		kind, ok := form[k]
		if !ok {
			return nil, fmt.Errorf("%s: unknown key %q in a distribution (want samples; median and p95; or min and max)", what, k)
		}
		if seen[k] {
			return nil, fmt.Errorf("%s: repeated key %q", what, k)
		}
		if r.kind != Fixed && r.kind != kind {
			return nil, fmt.Errorf("%s: key %q mixes distribution forms (want samples; median and p95; or min and max)", what, k)
		}
		seen[k], r.kind = true, kind
		if k == "samples" {
			r.samp = []string{}
			err = p.Array(what+": samples", func(int) error {
				num, e := p.number(what + ": sample")
				r.samp = append(r.samp, num)
				return e
			})
		} else {
			r.nums[k], err = p.number(what + ": " + k)
		}
		if err != nil {
			return nil, err
		}
	}
	if _, err := p.Token(); err != nil {
		return nil, err
	}
	switch {
	case r.kind == Fixed:
		return nil, fmt.Errorf("%s: empty distribution (want samples; median and p95; or min and max)", what)
	case r.kind == LogNormal && len(r.nums) < 2:
		return nil, fmt.Errorf("%s: a log-normal needs both median and p95", what)
	case r.kind == Uniform && len(r.nums) < 2:
		return nil, fmt.Errorf("%s: a uniform needs both min and max", what)
	}
	return r, nil
}

// number reads one JSON number as text.
func (p *parser) number(what string) (string, error) {
	t, err := p.Token()
	if err != nil {
		return "", err
	}
	num, ok := t.(json.Number)
	if !ok {
		return "", fmt.Errorf("%s must be a number, found %s", what, jsontok.Describe(t))
	}
	return string(num), nil
}

// resolve turns r's numbers into durations in unit u.
func (r *rawDist) resolve(u Unit) (Dist, error) {
	d := Dist{Kind: r.kind}
	get := func(k string) (Duration, error) {
		v, err := ParseDuration(r.nums[k], u)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", k, err)
		}
		return v, nil
	}
	var err error
	switch r.kind {
	case Empirical:
		d.Samples = make([]Duration, len(r.samp))
		for i, s := range r.samp {
			if d.Samples[i], err = ParseDuration(s, u); err != nil {
				return d, fmt.Errorf("sample %d: %w", i+1, err)
			}
		}
	case LogNormal:
		if d.Median, err = get("median"); err == nil {
			d.P95, err = get("p95")
		}
	case Uniform:
		if d.Min, err = get("min"); err == nil {
			d.Max, err = get("max")
		}
	}
	if err == nil {
		err = d.check(u)
	}
	return d, err
}

// marshalDist writes d in the format of model/SEMANTICS.md §S16 in unit u.
func marshalDist(d Dist, u Unit) string {
	switch d.Kind {
	case Empirical:
		s := make([]string, len(d.Samples))
		for i, v := range d.Samples {
			s[i] = Format(v, u)
		}
		return `{"samples":[` + strings.Join(s, ",") + `]}`
	case LogNormal:
		return `{"median":` + Format(d.Median, u) + `,"p95":` + Format(d.P95, u) + `}`
	case Uniform:
		return `{"min":` + Format(d.Min, u) + `,"max":` + Format(d.Max, u) + `}`
	}
	return ""
}
