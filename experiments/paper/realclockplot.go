package main

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/gatherorder/gatherorder/experiments/realclock"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// realclockFigure draws (a) the empirical distribution function of
// measured − predicted makespan, one curve per workload class: a model
// that is exact for the loop predicts small positive errors (time.sleep
// overshoot, timeouts rounded up to whole milliseconds by epoll, wake-up
// latency, load), so the x axis is logarithmic when all are positive; and
// (b) what the claims are about, the difference between the two orders:
// per workload, the measured LIF − SIF against the predicted LIF − SIF,
// with the line measured = predicted. It defines the number of workloads
// of each class (RcCanonicalWorkloads, RcGeneralWorkloads).
func realclockFigure(o *output, num *Numbers, rows []realclock.Row, csv []byte) error {
	classes := []string{"canonical", "general"}
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.TriangleGlyph{}}
	dashes := [][]vg.Length{nil, {vg.Points(4), vg.Points(2)}}
	a := newPlot("(a) error distribution (ECDF)", "measured "+minus+" predicted (ms, log scale)", "fraction of runs")
	b := newPlot("(b) difference of the two orders", "predicted lif "+minus+" sif (ms)", "measured lif "+minus+" sif (ms)")
	a.Add(plotter.NewGrid())
	b.Add(plotter.NewGrid())
	pairs := realclock.Pairs(rows)
	lo, hi := 0.0, 0.0
	src := "real-clock experiment (experiments/data/realclock.csv)"
	for ci, c := range classes {
		var errs []float64
		for _, r := range rows {
			if string(r.Class) == c {
				errs = append(errs, r.MedMs-r.PredMs)
			}
		}
		l, err := ecdfLine(errs)
		if err != nil {
			return err
		}
		l.Color = okabeIto[ci]
		l.Dashes = dashes[ci]
		a.Add(l)
		var pts plotter.XYs
		workloads := 0
		for _, p := range pairs {
			if p.LIF == nil || p.SIF == nil {
				return fmt.Errorf("realclock: workload %d lacks the lif or the sif row", p.ID)
			}
			if string(p.LIF.Class) != c {
				continue
			}
			workloads++
			pd, md := p.LIF.PredMs-p.SIF.PredMs, p.LIF.MedMs-p.SIF.MedMs
			lo, hi = min(lo, pd, md), max(hi, pd, md)
			pts = append(pts, plotter.XY{X: pd, Y: md})
		}
		num.Add("Rc"+camel(c)+"Workloads", strconv.Itoa(workloads), src+": "+c+" workloads")
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return err
		}
		sc.Color = okabeIto[ci]
		sc.Radius = vg.Points(1.8)
		sc.Shape = shapes[ci]
		b.Add(sc)
	}
	diag, err := plotter.NewLine(plotter.XYs{{X: lo, Y: lo}, {X: hi, Y: hi}})
	if err != nil {
		return err
	}
	diag.Color = okabeIto[6]
	diag.Dashes = []vg.Length{vg.Points(1), vg.Points(2)}
	b.Add(diag)
	// Both axes of (b) over the same range, padded so that no point sits
	// on the frame.
	pad := 0.05 * max(hi-lo, 1)
	b.X.Min, b.X.Max, b.Y.Min, b.Y.Max = lo-pad, hi+pad, lo-pad, hi+pad
	a.Y.Min, a.Y.Max = 0, 1
	// Every error is positive (the wall clock only adds time), and they
	// span more than two decades: a log axis shows the bulk and the tail.
	minErr := rows[0].MedMs - rows[0].PredMs
	for _, r := range rows {
		minErr = min(minErr, r.MedMs-r.PredMs)
	}
	if minErr > 0 {
		a.X.Scale = plot.LogScale{}
		a.X.Tick.Marker = decadeTicks{}
	}
	legend := []legendItem{
		{Label: "canonical workloads", Color: okabeIto[0], Kind: legendLine, Shape: shapes[0], Dashes: dashes[0]},
		{Label: "general workloads", Color: okabeIto[1], Kind: legendLine, Shape: shapes[1], Dashes: dashes[1]},
		{Label: "measured = predicted (b)", Color: okabeIto[6], Kind: legendLine, Dashes: diag.Dashes, NoGlyph: true},
	}
	fn := gridFigure([][]*plot.Plot{{a, b}}, legend)
	return writeGrid(o, "figures/realclock", 16*vg.Centimeter, 7*vg.Centimeter+legendHeight, fn, csv)
}

// ecdfLine is the empirical distribution function of xs (sorted in
// place) as a step line: up by 1/n at each observation.
func ecdfLine(xs []float64) (*plotter.Line, error) {
	slices.Sort(xs)
	st := make(plotter.XYs, 0, 2*len(xs))
	for i, x := range xs {
		st = append(st, plotter.XY{X: x, Y: float64(i) / float64(len(xs))}, plotter.XY{X: x, Y: float64(i+1) / float64(len(xs))})
	}
	return plotter.NewLine(st)
}
