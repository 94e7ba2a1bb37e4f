package main

import (
	"slices"

	"github.com/gatherorder/gatherorder/experiments/realclock"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// realclockFigure draws (a) measured median against predicted makespan,
// one point per workload and order, with the line measured = predicted,
// and (b) the empirical distribution function of measured − predicted, one
// curve per workload class: a model that is exact for the loop predicts
// small positive errors (the x axis is logarithmic when all are positive) (time.sleep overshoot, timeouts rounded up to whole
// milliseconds by epoll, wake-up latency, load).
func realclockFigure(o *output, rows []realclock.Row, csv []byte) error {
	classes := []string{"canonical", "general"}
	a := newPlot("(a) measured against predicted", "predicted makespan (ms)", "measured median (ms)")
	b := newPlot("(b) error distribution (ECDF)", "measured - predicted (ms), log scale", "fraction of runs")
	a.Add(plotter.NewGrid())
	b.Add(plotter.NewGrid())
	top := 0.0
	for _, r := range rows {
		top = max(top, r.PredMs, r.MedMs)
	}
	diag, _ := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: top, Y: top}})
	diag.Color = okabeIto[6]
	diag.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
	a.Add(diag)
	for ci, c := range classes {
		var pts plotter.XYs
		var errs []float64
		for _, r := range rows {
			if string(r.Class) == c {
				pts = append(pts, plotter.XY{X: r.PredMs, Y: r.MedMs})
				errs = append(errs, r.MedMs-r.PredMs)
			}
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return err
		}
		sc.Color = okabeIto[ci]
		sc.Radius = vg.Points(1.5)
		sc.Shape = draw.CircleGlyph{}
		a.Add(sc)
		slices.Sort(errs)
		var st plotter.XYs
		for i, e := range errs {
			// A step function: up by 1/n at each observation.
			st = append(st, plotter.XY{X: e, Y: float64(i) / float64(len(errs))}, plotter.XY{X: e, Y: float64(i+1) / float64(len(errs))})
		}
		l, err := plotter.NewLine(st)
		if err != nil {
			return err
		}
		l.Color = okabeIto[ci]
		b.Add(l)
	}
	a.X.Min, a.Y.Min = 0, 0
	b.Y.Min, b.Y.Max = 0, 1
	// Every error is positive (the wall clock only adds time), and they
	// span more than two decades: a log axis shows the bulk and the tail.
	minErr := rows[0].MedMs - rows[0].PredMs
	for _, r := range rows {
		minErr = min(minErr, r.MedMs-r.PredMs)
	}
	if minErr > 0 {
		b.X.Scale = plot.LogScale{}
		b.X.Tick.Marker = decadeTicks{}
	}
	legend := []legendItem{
		{Label: "canonical workloads", Color: okabeIto[0], Kind: legendGlyph},
		{Label: "general workloads", Color: okabeIto[1], Kind: legendGlyph},
		{Label: "measured = predicted", Color: okabeIto[6], Kind: legendLine},
	}
	fn := gridFigure([][]*plot.Plot{{a, b}}, legend)
	return writeGrid(o, "figures/realclock", 16*vg.Centimeter, 7*vg.Centimeter+legendHeight, fn, csv)
}
