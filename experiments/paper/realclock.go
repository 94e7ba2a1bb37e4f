package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// rcRow is one line of experiments/data/realclock.csv: one workload in one
// order, the model's exact prediction and the median of the measured
// makespans on the wall clock (package oracle's real-clock driver).
type rcRow struct {
	ID            int
	Class, Policy string
	Tasks         int
	Pred, Med     float64 // ms
	Python        string
	Load          float64
}

var rcHeader = []string{"id", "class", "policy", "n_tasks", "predicted_ms", "measured_median_ms",
	"measured_min_ms", "measured_max_ms", "repeats", "python", "machine", "loadavg1"}

// readRealclock reads and checks the committed measurement CSV; errors name
// the file and line. The generator never re-measures (make measure does).
func readRealclock(path string) ([]rcRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("real-clock data: %w (it is measured by `make measure`)", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) < 2 || strings.Join(recs[0], ",") != strings.Join(rcHeader, ",") {
		return nil, fmt.Errorf("%s: no data, or header is not %s", path, strings.Join(rcHeader, ","))
	}
	var rows []rcRow
	for i, r := range recs[1:] {
		line := i + 2
		if len(r) != len(rcHeader) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", path, line, len(r), len(rcHeader))
		}
		var x rcRow
		var errs [5]error
		x.ID, errs[0] = strconv.Atoi(r[0])
		x.Tasks, errs[1] = strconv.Atoi(r[3])
		x.Pred, errs[2] = strconv.ParseFloat(r[4], 64)
		x.Med, errs[3] = strconv.ParseFloat(r[5], 64)
		x.Load, errs[4] = strconv.ParseFloat(r[11], 64)
		for k, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("%s:%d: field %s: %q is not a number", path, line, rcHeader[[]int{0, 3, 4, 5, 11}[k]], r[[]int{0, 3, 4, 5, 11}[k]])
			}
		}
		if r[2] != "lif" && r[2] != "sif" {
			return nil, fmt.Errorf("%s:%d: policy %q is not lif or sif", path, line, r[2])
		}
		x.Class, x.Policy, x.Python = r[1], r[2], r[9]
		rows = append(rows, x)
	}
	return rows, nil
}

// nearestRank is the q-quantile by the nearest-rank method (the smallest
// x with at least ⌈q·n⌉ values ≤ x), the definition experiments/realclock
// prints, so the paper's numbers equal its -summarize output
// (TestRealclockNumbersMatchItsSummary). xs is sorted in place.
func nearestRank(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	k := int(math.Ceil(q*float64(len(xs)))) - 1
	return xs[max(0, min(k, len(xs)-1))]
}

// rcStats are the summary statistics of the real-clock comparison.
type rcStats struct {
	Rows, Workloads                 int
	AbsMed, AbsP95, RelMed, RelP95  float64 // ms; fractions
	SignedMed, SignedMin, SignedMax float64 // ms
	Differ, Agree, EqualPred        int     // workloads where lif ≠ sif is predicted; measured sign agrees; predicted equal
	EqualSpreadMed                  float64 // median measured |lif − sif| where equal is predicted (ms)
	LoadMin, LoadMax                float64
	Python                          string
}

// realclockStats computes, as experiments/realclock's summarize does: the
// error of the measured median against the prediction (absolute, relative
// for positive predictions, signed), and for each workload measured in both
// orders whether the measured LIF − SIF difference has the predicted sign.
func realclockStats(rows []rcRow) rcStats {
	var s rcStats
	var abs, rel, signed []float64
	type pair struct{ lif, sif *rcRow }
	byID := map[int]*pair{}
	var ids []int
	s.LoadMin, s.LoadMax = math.Inf(1), math.Inf(-1)
	pythons := map[string]bool{}
	for i := range rows {
		r := &rows[i]
		d := r.Med - r.Pred
		abs = append(abs, math.Abs(d))
		signed = append(signed, d)
		if r.Pred > 0 {
			rel = append(rel, math.Abs(d)/r.Pred)
		}
		p := byID[r.ID]
		if p == nil {
			p = &pair{}
			byID[r.ID] = p
			ids = append(ids, r.ID)
		}
		if r.Policy == "lif" {
			p.lif = r
		} else {
			p.sif = r
		}
		s.LoadMin, s.LoadMax = math.Min(s.LoadMin, r.Load), math.Max(s.LoadMax, r.Load)
		pythons[r.Python] = true
	}
	s.Rows, s.Workloads = len(rows), len(ids)
	s.AbsMed, s.AbsP95 = nearestRank(abs, 0.5), nearestRank(abs, 0.95)
	s.RelMed, s.RelP95 = nearestRank(rel, 0.5), nearestRank(rel, 0.95)
	s.SignedMed, s.SignedMin, s.SignedMax = nearestRank(signed, 0.5), nearestRank(signed, 0), nearestRank(signed, 1)
	var spread []float64
	for _, id := range ids {
		p := byID[id]
		if p.lif == nil || p.sif == nil {
			continue
		}
		pd, md := p.lif.Pred-p.sif.Pred, p.lif.Med-p.sif.Med
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
	s.EqualSpreadMed = nearestRank(spread, 0.5)
	vs := make([]string, 0, len(pythons))
	for v := range pythons {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	s.Python = strings.Join(vs, ", ")
	return s
}

// realclock writes the real-clock figure (realclockplot.go) and its
// numbers from the committed CSV at path.
func realclock(o *output, num *Numbers, path string) error {
	rows, err := readRealclock(path)
	if err != nil {
		return err
	}
	s := realclockStats(rows)
	src := "model vs real CPython at the real clock (experiments/data/realclock.csv)"
	f2 := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	f1 := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	num.Add("RcRows", strconv.Itoa(s.Rows), src+": workload-order pairs measured")
	num.Add("RcWorkloads", strconv.Itoa(s.Workloads), src+": workloads")
	num.Add("RcPython", s.Python, src+": CPython version measured")
	num.Add("RcAbsMed", f2(s.AbsMed), src+": median |measured median - predicted| (ms)")
	num.Add("RcPercentileLevel", "95", src+": the upper percentile of the errors quoted (realclockStats, as realclock -summarize)")
	num.Add("RcAbsPNinetyFive", f2(s.AbsP95), src+": 95th percentile of |measured median - predicted| (ms)")
	num.Add("RcRelMed", pct(s.RelMed), src+": median relative error (%)")
	num.Add("RcRelPNinetyFive", pct(s.RelP95), src+": 95th percentile relative error (%)")
	num.Add("RcSignedMin", f2(s.SignedMin), src+": smallest measured - predicted (ms)")
	num.Add("RcSignedMax", f2(s.SignedMax), src+": largest measured - predicted (ms)")
	num.Add("RcDiffer", strconv.Itoa(s.Differ), src+": workloads where the model predicts LIF != SIF")
	num.Add("RcAgree", strconv.Itoa(s.Agree), src+": of those, workloads whose measured LIF - SIF has the predicted sign")
	num.Add("RcEqualPred", strconv.Itoa(s.EqualPred), src+": workloads where the model predicts LIF = SIF")
	num.Add("RcEqualSpreadMed", f2(s.EqualSpreadMed), src+": of those, median measured |LIF - SIF| (ms)")
	num.Add("RcLoadMin", f1(s.LoadMin), src+": smallest one-minute load average during the measurement")
	num.Add("RcLoadMax", f1(s.LoadMax), src+": largest one-minute load average during the measurement")

	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"id", "class", "policy", "n_tasks", "predicted_ms", "measured_median_ms", "error_ms"})
	for _, r := range rows {
		cw.Write([]string{strconv.Itoa(r.ID), r.Class, r.Policy, strconv.Itoa(r.Tasks),
			strconv.FormatFloat(r.Pred, 'f', 3, 64), strconv.FormatFloat(r.Med, 'f', 3, 64), strconv.FormatFloat(r.Med-r.Pred, 'f', 3, 64)})
	}
	cw.Flush()
	return realclockFigure(o, rows, buf.Bytes())
}
