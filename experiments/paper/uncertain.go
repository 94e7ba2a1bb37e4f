package main

import (
	"bytes"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gatherorder/gatherorder/experiments/uncertain"
	"github.com/gatherorder/gatherorder/model"
)

// QuickUncertain is the test size of the random-durations experiment.
var QuickUncertain = uncertain.Config{
	Workloads: uncertain.Default.Workloads[:1], CVs: []int{0, 100}, Samples: 200, Seed: 1,
}

// uncertainShapes and uncertainDashes tell the policies apart in grey.
var (
	// lif-mean (filled triangle, dashed) and best (open box, dotted)
	// coincide on the seed workload: the glyphs differ in fill as well as
	// shape, and the policies are set apart along x.
	uncertainShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.TriangleGlyph{}, draw.BoxGlyph{}, draw.CrossGlyph{}}
	uncertainDashes = [][]vg.Length{nil, {vg.Points(4), vg.Points(2)}, {vg.Points(1), vg.Points(1.5)}, {vg.Points(6), vg.Points(2), vg.Points(1), vg.Points(2)}}
)

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
		p.Y.Label.Padding = vg.Points(6)
		yLo, yHi := math.Inf(1), math.Inf(-1)
		for i, pol := range uncertainPolicies {
			var pts errPoints
			for _, r := range rows {
				if r.Workload != wl.Name || r.Policy != pol {
					continue
				}
				x := float64(r.CV)/100 + 0.035*(float64(i)-1.5)
				yLo, yHi = math.Min(yLo, r.GainLo), math.Max(yHi, r.GainHi)
				pts.XYs = append(pts.XYs, plotter.XY{X: x, Y: r.Gain})
				pts.YErrors = append(pts.YErrors, struct{ Low, High float64 }{r.Gain - r.GainLo, r.GainHi - r.Gain})
			}
			l, s, err := plotter.NewLinePoints(pts.XYs)
			if err != nil {
				return err
			}
			clr := okabeIto[i]
			l.Color, s.Color = clr, clr
			l.Dashes, s.Shape = uncertainDashes[i], uncertainShapes[i]
			s.Radius = vg.Points(2.2)
			eb, err := plotter.NewYErrorBars(pts)
			if err != nil {
				return err
			}
			eb.Color, eb.CapWidth = clr, vg.Points(3)
			p.Add(l, s, eb)
		}
		// Padded so that no point or interval sits on the frame.
		pad := 0.06 * math.Max(yHi-yLo, 1)
		p.Y.Min, p.Y.Max = yLo-pad, yHi+pad
		panels = append(panels, p)
	}
	grid := [][]*plot.Plot{panels}
	var legend []legendItem
	for i, pol := range uncertainPolicies {
		legend = append(legend, legendItem{Label: pol, Color: okabeIto[i], Kind: legendLine, Shape: uncertainShapes[i], Dashes: uncertainDashes[i]})
	}
	w, h := 16*vg.Centimeter, 7*vg.Centimeter+legendHeight
	if err := writeGrid(o, "figures/uncertain-cv", w, h, gridFigure(grid, legend), csv.Bytes()); err != nil {
		return err
	}
	src := "experiments/uncertain (figures/uncertain-cv.csv)"
	num.Add("UncertainSamples", fmt.Sprint(cfg.Samples), src+": fresh scenarios per point")
	// The first workload's gains at the smallest and the largest
	// coefficient of variation, for longest-mean-IO-first and for the
	// clairvoyant per-scenario optimum.
	wl := cfg.Workloads[0].Name
	lo, hi := cfg.CVs[0], cfg.CVs[len(cfg.CVs)-1]
	gain := func(pol string, cv int) (string, error) {
		for _, r := range rows {
			if r.Workload == wl && r.Policy == pol && r.CV == cv {
				return texMinus(fmt.Sprintf("%.1f", r.Gain)), nil
			}
		}
		return "", fmt.Errorf("uncertain: no row for %s, %s, CV %d%%", wl, pol, cv)
	}
	num.Add("UncertainLevel", "95", "order.Estimate: the confidence level of the intervals, and the upper quantile reported (%)")
	num.Add("UncertainWorkload", wl, src+": the workload of the quoted gains")
	num.Add("UncertainCVLow", fmt.Sprintf("%.2g", float64(lo)/100), src+": smallest coefficient of variation of the waits")
	num.Add("UncertainCVHigh", fmt.Sprintf("%.2g", float64(hi)/100), src+": largest coefficient of variation of the waits")
	for _, q := range []struct{ name, pol string }{{"LIF", "lif-mean"}, {"Clair", "clairvoyant"}} {
		for _, c := range []struct {
			name string
			cv   int
		}{{"Low", lo}, {"High", hi}} {
			g, err := gain(q.pol, c.cv)
			if err != nil {
				return err
			}
			num.Add("Uncertain"+q.name+"Gain"+c.name, g, src+": mean gain of "+q.pol+" over a random order on "+wl+" at CV "+fmt.Sprint(c.cv)+"% (%)")
		}
	}
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
