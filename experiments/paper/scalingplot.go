package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"image/color"
	"io"
	"math"
	"math/big"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// optimizerScaling writes figures/optimizer-scaling: (a) search nodes to
// proven optimality against n (deterministic), (b) wall-clock time from the
// committed data/scaling_time.csv; and the numbers the paper quotes.
func optimizerScaling(o *output, num *Numbers, c ScalingConfig, timeCSV string, progress io.Writer) error {
	nodes, err := runScalingNodes(c, progress)
	if err != nil {
		return err
	}
	times, err := readScalingTime(timeCSV)
	if err != nil {
		return err
	}
	a := newPlot("(a) search effort (deterministic)", "tasks n (count)", "search nodes + 1 (count)")
	b := newPlot("(b) time to proven optimality (one machine)", "tasks n (count)", "wall-clock time (s)")
	for _, p := range []*plot.Plot{a, b} {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = decadeTicks{}
		// The sizes measured are n = 4, 6, ..., 24: labels every 4.
		p.X.Tick.Marker = stepTicks{from: 4, step: 4}
		p.Add(plotter.NewGrid())
	}
	line := func(p *plot.Plot, pts plotter.XYs, st series) error {
		l, sc, err := plotter.NewLinePoints(pts)
		if err != nil {
			return err
		}
		l.Color, sc.Color = okabeIto[st.ci], okabeIto[st.ci]
		sc.Radius = vg.Points(2)
		sc.Shape = st.shape
		l.Dashes = st.dashes
		p.Add(l, sc)
		return nil
	}
	// censored marks the runs stopped by a limit (the node limit in (a), the
	// time budget in (b)): an open triangle at the limit, over the maximum.
	censored := func(p *plot.Plot, pts plotter.XYs) error {
		if len(pts) == 0 {
			return nil
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return err
		}
		sc.Color = color.Black
		sc.Shape = draw.TriangleGlyph{}
		sc.Radius = vg.Points(4)
		p.Add(sc)
		return nil
	}
	// Nodes + 1, because the root bound often closes the search at once
	// (0 nodes) and a log axis has no 0.
	var med, p90, mx, fact, cenA plotter.XYs
	for _, x := range nodes {
		f, _ := new(big.Float).SetInt(x.Orders).Float64()
		med = append(med, plotter.XY{X: float64(x.N), Y: float64(x.Median + 1)})
		p90 = append(p90, plotter.XY{X: float64(x.N), Y: float64(x.P90 + 1)})
		mx = append(mx, plotter.XY{X: float64(x.N), Y: float64(x.Max + 1)})
		fact = append(fact, plotter.XY{X: float64(x.N), Y: f})
		if x.Solved < x.Instances {
			cenA = append(cenA, plotter.XY{X: float64(x.N), Y: float64(x.Max + 1)})
		}
	}
	for _, s := range []struct {
		pts plotter.XYs
		st  series
	}{{med, scalingSeries[0]}, {p90, scalingSeries[1]}, {mx, scalingSeries[2]}, {fact, scalingSeries[3]}} {
		if err := line(a, s.pts, s.st); err != nil {
			return err
		}
	}
	if err := censored(a, cenA); err != nil {
		return err
	}
	var tmed, tmax, tex, cenB plotter.XYs
	floor := 1e-6 // log axis: a time below a microsecond is drawn at 1 µs
	for _, t := range times {
		tmed = append(tmed, plotter.XY{X: float64(t.N), Y: math.Max(floor, t.BnBMedian)})
		tmax = append(tmax, plotter.XY{X: float64(t.N), Y: math.Max(floor, t.BnBMax)})
		if t.Exhaustive > 0 {
			tex = append(tex, plotter.XY{X: float64(t.N), Y: math.Max(floor, t.Exhaustive)})
		}
		if t.Solved < t.Instances {
			cenB = append(cenB, plotter.XY{X: float64(t.N), Y: t.Budget})
		}
	}
	for _, s := range []struct {
		pts plotter.XYs
		st  series
	}{{tmed, scalingSeries[0]}, {tmax, scalingSeries[2]}, {tex, scalingSeries[3]}} {
		if len(s.pts) == 0 {
			continue
		}
		if err := line(b, s.pts, s.st); err != nil {
			return err
		}
	}
	if err := censored(b, cenB); err != nil {
		return err
	}
	var legend []legendItem
	for _, s := range scalingSeries {
		legend = append(legend, legendItem{Label: s.label, Color: okabeIto[s.ci], Kind: legendLine, Shape: s.shape, Dashes: s.dashes})
	}
	legend = append(legend, legendItem{Label: "censored", Color: color.Black, Kind: legendGlyph, Shape: draw.TriangleGlyph{}})
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"n", "instances", "solved", "bnb_median_nodes", "bnb_p90_nodes", "bnb_max_nodes", "exhaustive_orders"})
	for _, x := range nodes {
		cw.Write([]string{strconv.Itoa(x.N), strconv.Itoa(x.Instances), strconv.Itoa(x.Solved),
			strconv.FormatInt(x.Median, 10), strconv.FormatInt(x.P90, 10), strconv.FormatInt(x.Max, 10), x.Orders.String()})
	}
	cw.Flush()
	fn := gridFigure([][]*plot.Plot{{a, b}}, legend)
	if err := writeGrid(o, "figures/optimizer-scaling", 16*vg.Centimeter, 7.5*vg.Centimeter+legendHeight, fn, buf.Bytes()); err != nil {
		return err
	}

	last := nodes[len(nodes)-1]
	solvedAll := 0 // the largest n at which every instance is proven optimal
	for _, x := range nodes {
		if x.Solved == x.Instances {
			solvedAll = x.N
		}
	}
	src := "optimizer scaling (order.BranchAndBound node counts, deterministic)"
	num.Add("ScaleInstances", strconv.Itoa(c.Instances), src+": instances per n")
	num.Add("ScaleMinN", strconv.Itoa(nodes[0].N), src+": smallest n")
	num.Add("ScaleMaxN", strconv.Itoa(last.N), src+": largest n")
	num.Add("ScaleSeed", strconv.FormatUint(c.Seed, 10), src+": seed")
	num.Add("ScaleNodeLimit", thousands(c.Nodes), src+": node limit per instance")
	num.Add("ScaleSolvedAllN", strconv.Itoa(solvedAll), src+": largest n with every instance proven optimal")
	num.Add("ScaleMaxNMedianNodes", thousands(last.Median), src+": median nodes at the largest n")
	num.Add("ScaleMaxNMaxNodes", thousands(last.Max), src+": most nodes at the largest n")
	num.Add("ScalePercentileLevel", "90", src+": the upper percentile of node counts plotted and quoted (scalingNodes.P90)")
	num.Add("ScaleMaxNPNinetyNodes", thousands(last.P90), src+": 90th percentile of nodes at the largest n")
	num.Add("ScaleMaxNSolved", strconv.Itoa(last.Solved), src+": instances proven optimal within the node limit at the largest n")
	num.Add("ScaleMaxNOrders", sci(last.Orders), src+": n! at the largest n")
	srcT := "optimizer scaling, wall clock (data/scaling_time.csv, one machine)"
	for _, t := range times {
		if t.N == last.N {
			num.Add("ScaleMaxNMedianTime", strconv.FormatFloat(t.BnBMedian, 'f', 3, 64), srcT+": median time at the largest n (s)")
			num.Add("ScaleMaxNMaxTime", strconv.FormatFloat(t.BnBMax, 'f', 3, 64), srcT+": longest time at the largest n (s)")
		}
	}
	if len(times) > 0 {
		num.Add("ScaleTimeBudget", strconv.FormatFloat(times[len(times)-1].Budget, 'f', -1, 64), srcT+": wall-clock budget per instance (s)")
	}
	lastEx := scalingTime{}
	for _, t := range times {
		if t.Exhaustive > 0 {
			lastEx = t
		}
	}
	if lastEx.N == 0 {
		return fmt.Errorf("data/scaling_time.csv: no exhaustive timing")
	}
	num.Add("ScaleExhaustiveN", strconv.Itoa(lastEx.N), srcT+": largest n timed for exhaustive search")
	num.Add("ScaleExhaustiveTime", strconv.FormatFloat(lastEx.Exhaustive, 'f', 2, 64), srcT+": exhaustive search's median time there (s)")
	num.Add("ScaleExhaustiveBnBTime", strconv.FormatFloat(lastEx.BnBMedian*1000, 'f', 2, 64), srcT+": branch and bound's median time there (ms)")
	num.Add("ScaleMachine", lastEx.Machine, srcT+": machine")
	return nil
}

// series is the style of one line of figures/optimizer-scaling: colour,
// glyph and dashes, so that the lines differ in grey print too.
type series struct {
	label  string
	ci     int
	shape  draw.GlyphDrawer
	dashes []vg.Length
}

var scalingSeries = []series{
	{"B&B median", 0, draw.CircleGlyph{}, nil},
	{"B&B 90th percentile (a only)", 2, draw.SquareGlyph{}, []vg.Length{vg.Points(1), vg.Points(1.5)}},
	{"B&B max", 0, draw.RingGlyph{}, []vg.Length{vg.Points(4), vg.Points(2)}},
	{"exhaustive search", 4, draw.CrossGlyph{}, []vg.Length{vg.Points(6), vg.Points(2), vg.Points(1), vg.Points(2)}},
}

// thousands writes an integer with thin-space thousands separators for
// LaTeX (1\,234\,567).
func thousands(x int64) string {
	s := strconv.FormatInt(x, 10)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			out = append(out, `\,`...)
		}
		out = append(out, s[i])
	}
	return string(out)
}

// sci writes a big integer as $m \times 10^{e}$ with two significant
// digits (exact rounding on the digits).
func sci(x *big.Int) string {
	s := x.String()
	if len(s) <= 6 {
		return thousands(x.Int64())
	}
	m, _ := roundDecimal(s[:1]+"."+s[1:], 1)
	e := len(s) - 1
	if m == "10.0" {
		m, e = "1.0", e+1
	}
	return fmt.Sprintf(`\ensuremath{%s\times 10^{%d}}`, m, e)
}
