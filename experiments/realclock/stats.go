package realclock

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Quantile is the q-quantile of xs by the nearest-rank method (the
// smallest x with at least ⌈q·n⌉ values ≤ x), so it is always an observed
// value (NaN for no values); xs is sorted in place.
func Quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	k := int(math.Ceil(q*float64(len(xs)))) - 1
	return xs[max(0, min(k, len(xs)-1))]
}

// Summary is the comparison of the measured medians with the predictions.
type Summary struct {
	Rows, Workloads int
	// The median and 95th percentile of |measured − predicted| (ms) and of
	// |measured − predicted| / predicted (a fraction; rows with a positive
	// prediction).
	AbsMed, AbsP95, RelMed, RelP95 float64
	// The median, least and largest measured − predicted (ms).
	SignedMed, SignedMin, SignedMax float64
	// Differ counts the workloads where the model predicts LIF ≠ SIF,
	// Agree those of them whose measured LIF − SIF has the predicted sign,
	// EqualPred those where it predicts LIF = SIF.
	Differ, Agree, EqualPred int
	// EqualSpreadMed is the median measured |LIF − SIF| (ms) where the
	// model predicts them equal.
	EqualSpreadMed float64
	// LoadMin and LoadMax are the extremes of the rows' load averages (the
	// rows that have one).
	LoadMin, LoadMax float64
	// Python lists the CPython versions measured, sorted, comma-separated.
	Python string
}

// Summarize computes the Summary of rows.
func Summarize(rows []Row) Summary {
	var s Summary
	var abs, rel, signed []float64
	s.LoadMin, s.LoadMax = math.Inf(1), math.Inf(-1)
	pythons := map[string]bool{}
	for i := range rows {
		r := &rows[i]
		d := r.MedMs - r.PredMs
		abs = append(abs, math.Abs(d))
		signed = append(signed, d)
		if r.PredMs > 0 {
			rel = append(rel, math.Abs(d)/r.PredMs)
		}
		if l, err := strconv.ParseFloat(r.Load, 64); err == nil {
			s.LoadMin, s.LoadMax = math.Min(s.LoadMin, l), math.Max(s.LoadMax, l)
		}
		pythons[r.Python] = true
	}
	pairs := Pairs(rows)
	s.Rows, s.Workloads = len(rows), len(pairs)
	s.AbsMed, s.AbsP95 = Quantile(abs, 0.5), Quantile(abs, 0.95)
	s.RelMed, s.RelP95 = Quantile(rel, 0.5), Quantile(rel, 0.95)
	s.SignedMed, s.SignedMin, s.SignedMax = Quantile(signed, 0.5), Quantile(signed, 0), Quantile(signed, 1)
	var spread []float64
	for _, p := range pairs {
		if p.LIF == nil || p.SIF == nil {
			continue
		}
		pd, md := p.LIF.PredMs-p.SIF.PredMs, p.LIF.MedMs-p.SIF.MedMs
		if pd == 0 {
			s.EqualPred++
			spread = append(spread, math.Abs(md))
			continue
		}
		s.Differ++
		if (pd < 0) == (md < 0) && md != 0 {
			s.Agree++
		}
	}
	s.EqualSpreadMed = Quantile(spread, 0.5)
	vs := make([]string, 0, len(pythons))
	for v := range pythons {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	s.Python = strings.Join(vs, ", ")
	return s
}

// Write prints s as two lines: the errors, and the order effects.
func (s Summary) Write(out io.Writer) {
	fmt.Fprintf(out, "%d rows: |measured median - predicted| median %.2f ms, p95 %.2f ms; relative median %.2f%%, p95 %.2f%%; signed error median %+.2f ms, min %+.2f ms\n",
		s.Rows, s.AbsMed, s.AbsP95, 100*s.RelMed, 100*s.RelP95, s.SignedMed, s.SignedMin)
	fmt.Fprintf(out, "order effect: %d workloads where the model predicts lif != sif, measured sign agrees in %d; %d with equal predictions, measured |lif - sif| median %.2f ms\n",
		s.Differ, s.Agree, s.EqualPred, s.EqualSpreadMed)
}
