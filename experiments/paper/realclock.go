package main

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/gatherorder/gatherorder/experiments/realclock"
)

// realclockStep writes the real-clock figure (realclockplot.go) and the
// numbers of realclock.Summarize from the committed CSV at path (the
// generator never re-measures; make measure does).
func realclockStep(o *output, num *Numbers, path string) error {
	rows, err := realclock.ReadCSV(path)
	if err != nil {
		return err
	}
	s := realclock.Summarize(rows)
	src := "model vs real CPython at the real clock (experiments/data/realclock.csv)"
	f2 := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	f1 := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	num.Add("RcRows", strconv.Itoa(s.Rows), src+": workload-order pairs measured")
	num.Add("RcWorkloads", strconv.Itoa(s.Workloads), src+": workloads")
	num.Add("RcPython", s.Python, src+": CPython version measured")
	num.Add("RcAbsMed", f2(s.AbsMed), src+": median |measured median - predicted| (ms)")
	num.Add("RcPercentileLevel", "95", src+": the upper percentile of the errors quoted (realclock.Summarize, as realclock -summarize)")
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
		cw.Write([]string{strconv.Itoa(r.ID), string(r.Class), r.Policy, strconv.Itoa(r.Tasks),
			strconv.FormatFloat(r.PredMs, 'f', 3, 64), strconv.FormatFloat(r.MedMs, 'f', 3, 64), strconv.FormatFloat(r.MedMs-r.PredMs, 'f', 3, 64)})
	}
	cw.Flush()
	return realclockFigure(o, num, rows, buf.Bytes())
}
