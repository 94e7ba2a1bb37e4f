package main

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"math/big"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gatherorder/gatherorder/experiments/limits"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
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
	// One y range per column (CPU-to-IO ratio), so that the kinds compare
	// on the same ticks, padded so that no point sits on the frame.
	colMin, colMax := make([]float64, len(cfg.Ratios)), make([]float64, len(cfg.Ratios))
	for j, r := range cfg.Ratios {
		colMin[j], colMax[j] = math.Inf(1), math.Inf(-1)
		for _, row := range rows {
			if row.Ratio == r {
				for _, g := range []float64{100 * limits.Float(row.BestGain), 100 * limits.Float(row.LIFGain)} {
					colMin[j], colMax[j] = math.Min(colMin[j], g), math.Max(colMax[j], g)
				}
			}
		}
		pad := 0.06 * math.Max(colMax[j]-colMin[j], 1)
		colMin[j], colMax[j] = colMin[j]-pad, colMax[j]+pad
	}
	plots := make([][]*plot.Plot, len(cfg.Kinds))
	for i, kind := range cfg.Kinds {
		for j, r := range cfg.Ratios {
			title := fmt.Sprintf("%s, CPU/IO %s", kind, r)
			yLabel := ""
			if j == 0 {
				yLabel = "gain over a random order (%)"
			}
			p := newPlot(title, "tasks n (count)", yLabel)
			p.X.Tick.Marker = integerTicks{}
			p.Y.Min, p.Y.Max = colMin[j], colMax[j]
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
	legend = append(legend,
		legendItem{Label: "best order", Color: color.Black, Kind: legendLine, NoGlyph: true},
		legendItem{Label: "longest-IO-first", Color: color.Black, Kind: legendLine, NoGlyph: true, Dashes: []vg.Length{vg.Points(3), vg.Points(2)}})
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
		num.Add("LimitsPeakBestGain", pctTeX(peak.BestGain), src+": largest mean gain of the best order over a random one, k >= 2 (%)")
		num.Add("LimitsPeakBestGainCell", limitsCell(peak), src+": where it is attained")
		num.Add("LimitsPeakLIFGain", pctTeX(peakLIF.LIFGain), src+": largest mean gain of longest-IO-first over a random order, k >= 2 (%)")
		num.Add("LimitsLowLIFGain", pctTeX(low.LIFGain), src+": smallest mean gain of longest-IO-first over a random order, k >= 2 (%)")
		num.Add("LimitsLowLIFGainCell", limitsCell(low), src+": where it is attained")
	}
	return nil
}

// pctTeX is the exact gain g as a percentage with one decimal, rounded
// half away from zero, a negative one with a true minus sign.
func pctTeX(g *big.Rat) string {
	return texMinus(new(big.Rat).Mul(g, big.NewRat(100, 1)).FloatString(1))
}

// texMinus is the decimal s for the prose: a negative one with a true
// minus sign, a negative zero as zero.
func texMinus(s string) string {
	switch {
	case strings.Trim(s, "-0.") == "":
		return strings.TrimPrefix(s, "-")
	case strings.HasPrefix(s, "-"):
		return `\ensuremath{-` + s[1:] + "}"
	}
	return s
}

// limitsCell names a cell of the experiment for the prose, in math mode
// each equation braced so that no line breaks inside "k = 3".
func limitsCell(r *limits.Row) string {
	return fmt.Sprintf("%s, ${k = %d}$, ${n = %d}$, CPU/IO~%s", r.Kind, r.K, r.N, r.Ratio)
}
