package main

import (
	"fmt"
	"io"
	"math"
	"slices"
)

// quantile is the q-quantile of xs by the nearest-rank method (the
// smallest x with at least ⌈q·n⌉ values ≤ x), so it is always an observed
// value; xs is sorted in place.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	k := int(math.Ceil(q*float64(len(xs)))) - 1
	return xs[max(0, min(k, len(xs)-1))]
}

// median of integer ns samples, as the mean of the two middle values for
// an even count.
func medianNs(xs []int64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return (float64(s[n/2-1]) + float64(s[n/2])) / 2
}

// row is one line of the CSV.
type row struct {
	id                     int
	class, policy          string
	nTasks                 int
	predMs                 float64
	medMs, minMs, maxMs    float64
	repeats                int
	python, machine, loadv string
}

// summarize prints the error of the medians against the predictions:
// median and 95th percentile of |measured - predicted| in ms and of the
// relative error |measured - predicted| / predicted (rows with a positive
// prediction), and whether measured LIF/SIF differences have the sign the
// model predicts.
func summarize(out io.Writer, rows []row) {
	var abs, rel, signed []float64
	for _, r := range rows {
		d := r.medMs - r.predMs
		abs = append(abs, math.Abs(d))
		signed = append(signed, d)
		if r.predMs > 0 {
			rel = append(rel, math.Abs(d)/r.predMs)
		}
	}
	fmt.Fprintf(out, "%d rows: |measured median - predicted| median %.2f ms, p95 %.2f ms; relative median %.2f%%, p95 %.2f%%; signed error median %+.2f ms, min %+.2f ms\n",
		len(rows), quantile(abs, 0.5), quantile(abs, 0.95), 100*quantile(rel, 0.5), 100*quantile(rel, 0.95), quantile(signed, 0.5), quantile(signed, 0))

	// Order effects: for each workload with both policies, does the
	// measured difference lif - sif have the predicted sign?
	type pair struct{ lif, sif *row }
	byID := map[int]*pair{}
	var ids []int
	for i := range rows {
		r := &rows[i]
		p := byID[r.id]
		if p == nil {
			p = &pair{}
			byID[r.id] = p
			ids = append(ids, r.id)
		}
		switch r.policy {
		case "lif":
			p.lif = r
		case "sif":
			p.sif = r
		}
	}
	var differ, agree, equalPred int
	var equalSpread []float64
	for _, id := range ids {
		p := byID[id]
		if p.lif == nil || p.sif == nil {
			continue
		}
		pd := p.lif.predMs - p.sif.predMs
		md := p.lif.medMs - p.sif.medMs
		if pd == 0 {
			equalPred++
			equalSpread = append(equalSpread, math.Abs(md))
			continue
		}
		differ++
		if (pd < 0) == (md < 0) && md != 0 {
			agree++
		}
	}
	fmt.Fprintf(out, "order effect: %d workloads where the model predicts lif != sif, measured sign agrees in %d; %d with equal predictions, measured |lif - sif| median %.2f ms\n",
		differ, agree, equalPred, quantile(equalSpread, 0.5))
}
