package main

import (
	"bytes"
	"fmt"
	"github.com/gatherorder/gatherorder/order"
	"image/color"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gatherorder/gatherorder/experiments/limits"
	"github.com/gatherorder/gatherorder/model"
)

// QuickLimits is the bounded-concurrency experiment of the generator's
// tests: small, the same code.
var QuickLimits = limits.Config{MinN: 2, MaxN: 4, Ks: []int{1, 2}, Kinds: []model.LimitKind{model.Semaphore, model.Workers},
	Ratios: []limits.Ratio{{Num: 1, Den: 4}, {Num: 4, Den: 1}}, Instances: 10, Seed: 1, MaxIO: 20}

// limitsShapes are the glyphs of the limits k = 1, 2, 3, ...
var limitsShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.TriangleGlyph{}, draw.SquareGlyph{}, draw.CrossGlyph{}}

// limitsStep runs the bounded-concurrency experiment (package
// experiments/limits; cfg zero: limits.Default) and writes
// figures/limits.{pdf,svg,csv}: per kind (rows) and CPU-to-IO ratio
// (columns), the mean expected gain over a random order against n, of the
// best order (solid) and of longest-IO-first (dashed), one colour per k.
func limitsStep(o *output, num *Numbers, cfg limits.Config) error {
	if cfg.Instances == 0 {
		cfg = limits.Default
	}
	rows, err := limits.Run(cfg)
	if err != nil {
		return err
	}
	var csv bytes.Buffer
	if err := limits.WriteCSV(&csv, rows); err != nil {
		return err
	}
	plots := make([][]*plot.Plot, len(cfg.Kinds))
	for i, kind := range cfg.Kinds {
		for _, r := range cfg.Ratios {
			title := fmt.Sprintf("%s, CPU/IO %s", kind, r)
			p := newPlot(title, "tasks n", "gain over a random order (%)")
			p.Add(plotter.NewGrid())
			for ki, k := range cfg.Ks {
				clr := okabeIto[ki%len(okabeIto)]
				for _, lif := range []bool{false, true} {
					var pts plotter.XYs
					for _, row := range rows {
						if row.Kind == kind && row.K == k && row.Ratio == r {
							g := row.BestGain
							if lif {
								g = row.LIFGain
							}
							pts = append(pts, plotter.XY{X: float64(row.N), Y: 100 * limits.Float(g)})
						}
					}
					l, s, err := plotter.NewLinePoints(pts)
					if err != nil {
						return err
					}
					// k by glyph as well as colour, the rule by the line: grey
					// print tells all apart.
					l.Color, s.Color, s.Radius = clr, clr, vg.Points(1.8)
					s.Shape = limitsShapes[ki%len(limitsShapes)]
					if lif {
						l.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
					}
					p.Add(l, s)
				}
			}
			plots[i] = append(plots[i], p)
		}
	}
	var legend []legendItem
	for ki, k := range cfg.Ks {
		legend = append(legend, legendItem{Label: "k = " + strconv.Itoa(k), Color: okabeIto[ki%len(okabeIto)], Kind: legendLine, Shape: limitsShapes[ki%len(limitsShapes)]})
	}
	legend = append(legend, legendItem{Label: "solid: best order, dashed: longest-IO-first", Color: color.Black, Kind: legendGlyph})
	w, h := 16*vg.Centimeter, vg.Length(len(cfg.Kinds))*6*vg.Centimeter+legendHeight
	if err := writeGrid(o, "figures/limits", w, h, gridFigure(plots, legend), csv.Bytes()); err != nil {
		return err
	}

	// The quoted numbers: the largest mean gains of the best order and of
	// LIF under a binding limit (k >= 2), and the most negative LIF gain.
	src := "bounded-concurrency experiment (experiments/limits)"
	var peak, peakLIF, low *limits.Row
	for i := range rows {
		r := &rows[i]
		if r.K < 2 {
			continue
		}
		if peak == nil || r.BestGain.Cmp(peak.BestGain) > 0 {
			peak = r
		}
		if peakLIF == nil || r.LIFGain.Cmp(peakLIF.LIFGain) > 0 {
			peakLIF = r
		}
		if low == nil || r.LIFGain.Cmp(low.LIFGain) < 0 {
			low = r
		}
	}
	num.Add("LimitsInstances", strconv.Itoa(cfg.Instances), src+": workloads per cell")
	num.Add("LimitsMaxN", strconv.Itoa(cfg.MaxN), src+": largest n")
	num.Add("LimitsExhaustiveN", strconv.Itoa(order.MaxLimitedExhaustive), "order.MaxLimitedExhaustive: the most tasks of a bounded gather whose orders simulate --order best tries exhaustively")
	num.Add("LimitsProvedBound", "3 - 2/k", "proofs/any-order-within-2x-semaphore-2.md: every order of a gather limited to k slots is within this factor of the optimum")
	num.Add("LimitsGrahamBound", "2 - 1/k", "Graham 1966: list scheduling on k machines is within this factor of the optimum (refuted for k slots sharing one CPU)")
	if peak != nil {
		num.Add("LimitsPeakBestGain", limits.Pct(peak.BestGain), src+": largest mean gain of the best order over a random one, k >= 2 (%)")
		num.Add("LimitsPeakBestGainCell", fmt.Sprintf("%s k = %d, n = %d, CPU/IO %s", peak.Kind, peak.K, peak.N, peak.Ratio), src+": where it is attained")
		num.Add("LimitsPeakLIFGain", limits.Pct(peakLIF.LIFGain), src+": largest mean gain of longest-IO-first over a random order, k >= 2 (%)")
		num.Add("LimitsLowLIFGain", limits.Pct(low.LIFGain), src+": smallest mean gain of longest-IO-first over a random order, k >= 2 (%)")
		num.Add("LimitsLowLIFGainCell", fmt.Sprintf("%s k = %d, n = %d, CPU/IO %s", low.Kind, low.K, low.N, low.Ratio), src+": where it is attained")
	}
	return nil
}
