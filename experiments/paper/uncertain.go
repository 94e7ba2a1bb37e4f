package main

import (
	"bytes"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/gatherorder/gatherorder/experiments/uncertain"
	"github.com/gatherorder/gatherorder/model"
)

// QuickUncertain is the test size of the random-durations experiment.
var QuickUncertain = uncertain.Config{
	Workloads: uncertain.Default.Workloads[:1], CVs: []int{0, 100}, Samples: 200, Seed: 1,
}

// uncertainPolicies are the plotted rows (random is the baseline, 0).
var uncertainPolicies = []string{"given", "lif-mean", "best", "clairvoyant"}

// uncertainStep runs experiments/uncertain (cfg zero: uncertain.Default)
// and writes figures/uncertain-cv.{pdf,svg,csv}: one panel per workload,
// the gain over a random order against the waits' coefficient of
// variation, with 95% intervals; and the numbers the paper may quote.
func uncertainStep(o *output, num *Numbers, cfg uncertain.Config) error {
	if cfg.Samples == 0 {
		cfg = uncertain.Default
	}
	rows, err := uncertain.Run(cfg)
	if err != nil {
		return err
	}
	var csv bytes.Buffer
	if err := uncertain.WriteCSV(&csv, rows); err != nil {
		return err
	}
	var panels []*plot.Plot
	for _, wl := range cfg.Workloads {
		p := newPlot(fmt.Sprintf("%s: %d tasks, medians %s s", wl.Name, len(wl.Medians), medians(wl)), "coefficient of variation of the waits", "gain over a random order (%)")
		p.Add(plotter.NewGrid())
		for i, pol := range uncertainPolicies {
			var pts errPoints
			for _, r := range rows {
				if r.Workload != wl.Name || r.Policy != pol {
					continue
				}
				x := float64(r.CV)/100 + 0.02*(float64(i)-1.5)
				pts.XYs = append(pts.XYs, plotter.XY{X: x, Y: r.Gain})
				pts.YErrors = append(pts.YErrors, struct{ Low, High float64 }{r.Gain - r.GainLo, r.GainHi - r.Gain})
			}
			l, s, err := plotter.NewLinePoints(pts.XYs)
			if err != nil {
				return err
			}
			clr := okabeIto[i]
			l.Color, s.Color = clr, clr
			s.Radius = vg.Points(1.6)
			eb, err := plotter.NewYErrorBars(pts)
			if err != nil {
				return err
			}
			eb.Color, eb.CapWidth = clr, vg.Points(3)
			p.Add(l, s, eb)
		}
		panels = append(panels, p)
	}
	grid := [][]*plot.Plot{panels}
	var legend []legendItem
	for i, pol := range uncertainPolicies {
		legend = append(legend, legendItem{Label: pol, Color: okabeIto[i], Kind: legendLine})
	}
	w, h := 16*vg.Centimeter, 7*vg.Centimeter+legendHeight
	if err := writeGrid(o, "figures/uncertain-cv", w, h, gridFigure(grid, legend), csv.Bytes()); err != nil {
		return err
	}
	src := "experiments/uncertain (figures/uncertain-cv.csv)"
	num.Add("UncertainSamples", fmt.Sprint(cfg.Samples), src+": fresh scenarios per point")
	return nil
}

func medians(wl uncertain.Workload) string {
	var b bytes.Buffer
	for i, m := range wl.Medians {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(model.Format(m, model.Second))
	}
	return b.String()
}
