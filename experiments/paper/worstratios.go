package main

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/props"
)

// worstRatios draws the adversarial search's worst ratio of each rule's
// makespan to the optimum, per class (x) and rule (colour, side by side),
// and defines one macro per ratio, with the proved bounds (provedBounds) as
// reference lines. The ratios are lower bounds on the true worst cases: the
// search is a seeded local search, not a proof. The slowest order ("any")
// is first folded with the rules (foldAny).
func worstRatios(o *output, num *Numbers, ratios []props.WorstRatio) error {
	ratios = foldAny(ratios)
	var classes, rules []string
	seenC, seenR := map[string]bool{}, map[string]bool{}
	for _, r := range ratios {
		if !seenC[r.Class] {
			seenC[r.Class] = true
			classes = append(classes, r.Class)
		}
		if !seenR[r.Heuristic] {
			seenR[r.Heuristic] = true
			rules = append(rules, r.Heuristic)
		}
	}
	p := newPlot("", "workload class", "worst makespan / optimum found")
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	p.Add(g)
	var ticks []plot.Tick
	for i, c := range classes {
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: c})
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Min, p.X.Max = -0.5, float64(len(classes))-0.5
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.BoxGlyph{}, draw.RingGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}
	// One colour per rule: the paper's palette and, for an eighth rule, grey.
	palette := append(slices.Clone(okabeIto), color.RGBA{0x99, 0x99, 0x99, 0xFF})
	var legend []legendItem
	for ri, rule := range rules {
		var pts plotter.XYs
		for _, r := range ratios {
			if r.Heuristic != rule {
				continue
			}
			for ci, c := range classes {
				if c == r.Class {
					dodge := 0.6 * (float64(ri)/float64(max(1, len(rules)-1)) - 0.5)
					pts = append(pts, plotter.XY{X: float64(ci) + dodge, Y: r.Ratio()})
				}
			}
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return err
		}
		sc.Color = palette[ri%len(palette)]
		sc.Shape = shapes[ri%len(shapes)]
		sc.Radius = vg.Points(2.8)
		p.Add(sc)
		legend = append(legend, legendItem{Label: rule, Color: sc.Color, Kind: legendGlyph, Shape: sc.Shape})
	}
	// The proved bounds, as reference lines over the classes they hold
	// for, each labelled once with its value at the left end of its first
	// segment (the right end of the figure holds the general workloads'
	// ratios of 2, which a label there would cover).
	var labels plotter.XYLabels
	for bi, b := range provedBounds {
		var segs []plotter.XYs
		if b.classes == nil {
			segs = append(segs, plotter.XYs{{X: -0.5, Y: b.value}, {X: float64(len(classes)) - 0.5, Y: b.value}})
		} else {
			for ci, c := range classes {
				if slices.Contains(b.classes, c) {
					segs = append(segs, plotter.XYs{{X: float64(ci) - 0.45, Y: b.value}, {X: float64(ci) + 0.45, Y: b.value}})
				}
			}
		}
		for si, seg := range segs {
			l, err := plotter.NewLine(seg)
			if err != nil {
				return err
			}
			l.Color = color.Gray{0x55}
			l.Dashes = []vg.Length{vg.Points(float64(4 - bi)), vg.Points(2)}
			p.Add(l)
			if si == 0 {
				labels.XYs = append(labels.XYs, plotter.XY{X: seg[0].X + 0.02, Y: b.value})
				labels.Labels = append(labels.Labels, b.label)
			}
		}
	}
	lb, err := plotter.NewLabels(labels)
	if err != nil {
		return err
	}
	for i := range lb.TextStyle {
		lb.TextStyle[i].XAlign, lb.TextStyle[i].YAlign = draw.XLeft, draw.YBottom
		lb.TextStyle[i].Color = color.Gray{0x33}
		lb.TextStyle[i].Font.Size = vg.Points(8)
	}
	p.Add(lb)
	// Below 1 so that the ratios of 1 (no instance found where the rule
	// loses) sit clear of the frame.
	p.Y.Min = 0.95
	p.Y.Max = max(p.Y.Max*1.03, 1.1)
	fn := gridFigure([][]*plot.Plot{{p}}, legend)
	if err := writeGrid(o, "figures/worst-ratios", 16*vg.Centimeter, 7*vg.Centimeter+legendHeight, fn, ratioCSV(ratios)); err != nil {
		return err
	}
	for _, r := range ratios {
		stem := "WR" + camel(r.Class) + camel(r.Heuristic)
		num.Add(stem, strconv.FormatFloat(r.Ratio(), 'f', 3, 64), fmt.Sprintf("adversarial search: worst ratio of %s to the optimum found in class %s", r.Heuristic, r.Class))
		g := gcd(int64(r.Num), int64(r.Den))
		frac := fmt.Sprintf(`\ensuremath{%d/%d}`, int64(r.Num)/g, int64(r.Den)/g)
		if int64(r.Den)/g == 1 {
			frac = fmt.Sprintf(`\ensuremath{%d}`, int64(r.Num)/g)
		}
		num.Add(stem+"Frac", frac, "the same ratio as a reduced fraction of makespan and optimum (an integer when it is one)")
	}
	return nil
}

// foldAny returns ratios with each class's "any" entry (the slowest order)
// raised to the worst ratio of every rule in the class: a rule's order is an
// order, so on the instance where a rule reaches its ratio the slowest order
// reaches at least as much over the same optimum. The search for "any"
// judges all orders and so stops at props.MaxTasks tasks, while the rules
// with a closed form go on to larger n by branch and bound; without the
// fold the slowest order found could sit below a rule. The folded entry
// keeps the instance and orders of whichever search attains it (its
// orders column then names that rule's order) and counts the instances of
// all the class's searches.
func foldAny(ratios []props.WorstRatio) []props.WorstRatio {
	out := slices.Clone(ratios)
	for i, a := range out {
		if a.Heuristic != "any" {
			continue
		}
		evaluated := 0
		for _, r := range ratios {
			if r.Class != a.Class {
				continue
			}
			evaluated += r.Evaluated
			if r.Heuristic != "any" && r.Instance != nil && better(r.Num, r.Den, out[i].Num, out[i].Den) {
				out[i].Num, out[i].Den, out[i].Instance, out[i].Failure = r.Num, r.Den, r.Instance, r.Failure
			}
		}
		out[i].Evaluated = evaluated
	}
	return out
}

// better reports a/b > c/d exactly (0/0 counts as 1), as the adversary
// compares ratios.
func better(a, b, c, d model.Duration) bool {
	if b == 0 {
		a, b = 1, 1
	}
	if d == 0 {
		c, d = 1, 1
	}
	return a*d > c*b
}

// provedBounds are the proved worst-case ratios drawn as reference lines in
// figures/worst-ratios (nil classes: every class), the values of the
// macros ThmAnyOrderBound, ThmRuleBound and ThmLIFEqualSup (theoryNumbers).
// Reference: proofs/any-order-within-2x.md, proofs/lif-within-1.5x-canonical.md,
// proofs/lif-within-1.25x-equal-cpu.md.
var provedBounds = []struct {
	value   float64
	label   string
	classes []string
}{
	{2, "2", nil},
	{1.5, "3/2", []string{"equal-cpu", "no-post-cpu", "canonical"}},
	{1.25, "5/4", []string{"equal-cpu"}},
}

// gcd is the greatest common divisor (1 when both are 0).
func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return max(a, -a)
}
