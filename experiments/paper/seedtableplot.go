package main

import (
	"bytes"
	"encoding/csv"
	"math"

	"github.com/gatherorder/gatherorder/experiments/seed"
	"github.com/gatherorder/gatherorder/model"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// seconds is d in seconds, the nearest float64 (for plotting only).
func seconds(d model.Duration) float64 { return float64(d) / 1e9 }

// seedTableFigure draws the seed table as small multiples, one panel per
// setup of the thread: for each order (longest first, shortest first) three
// bars, the measured makespan and the naive and hop models' predictions, so
// that which model matches which setup is visible at a glance. All panels
// share one y scale from zero, so heights compare across setups.
func seedTableFigure(o *output, rows []seed.Row) error {
	var exps []string
	for _, r := range rows {
		if len(exps) == 0 || exps[len(exps)-1] != r.Experiment {
			exps = append(exps, r.Experiment)
		}
	}
	series := []struct {
		label string
		value func(seed.Row) float64
	}{
		{"measured", func(r seed.Row) float64 { f, _ := r.Measured.Float64(); return f }},
		{"naive model", func(r seed.Row) float64 { return seconds(r.Naive) }},
		{"hop model", func(r seed.Row) float64 { return seconds(r.Hop) }},
	}
	orders := []string{"longest-first", "shortest-first"}
	top := 0.0
	for _, r := range rows {
		for _, s := range series {
			top = max(top, s.value(r))
		}
	}
	row := make([]*plot.Plot, 0, len(exps))
	for ei, e := range exps {
		p := newPlot(e, "", "")
		if ei == 0 {
			p.Y.Label.Text = "makespan (s)"
		}
		p.Title.TextStyle.Font.Size = vg.Points(8.5)
		g := plotter.NewGrid()
		g.Vertical.Color = nil // no vertical lines through the bars
		p.Add(g)
		for si, s := range series {
			vals := make(plotter.Values, len(orders))
			for oi, ord := range orders {
				vals[oi] = math.NaN()
				for _, r := range rows {
					if r.Experiment == e && r.Order == ord {
						vals[oi] = s.value(r)
					}
				}
			}
			bc, err := plotter.NewBarChart(vals, vg.Points(9))
			if err != nil {
				return err
			}
			bc.Color = okabeIto[si]
			bc.LineStyle.Width = 0
			bc.Offset = vg.Points(float64(si-1) * 10)
			p.Add(bc)
		}
		p.NominalX("LIF", "SIF")
		p.Y.Min, p.Y.Max = 0, top*1.05
		row = append(row, p)
	}
	legend := make([]legendItem, len(series))
	for i, s := range series {
		legend[i] = legendItem{Label: s.label, Color: okabeIto[i], Kind: legendBox}
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(seed.TableHeader)
	for _, r := range rows {
		cw.Write(r.Record())
	}
	cw.Flush()
	fn := gridFigure([][]*plot.Plot{row}, legend)
	return writeGrid(o, "figures/seed-table", 16*vg.Centimeter, 6*vg.Centimeter+legendHeight, fn, buf.Bytes())
}
