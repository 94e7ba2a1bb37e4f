package main

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gatherorder/gatherorder/experiments/gantt"
)

// legendItem is one entry of a figure's legend strip: a filled box (Box),
// a line with a glyph, or a glyph alone. Shape (nil: a circle) and Dashes
// (nil: solid) are those of the plotted series, so that the legend tells
// the series apart in grey print, not by colour alone; NoGlyph draws a
// line without a glyph (a reference line).
type legendItem struct {
	Label   string
	Color   color.Color
	Kind    legendKind
	Shape   draw.GlyphDrawer
	Dashes  []vg.Length
	NoGlyph bool
}

type legendKind int

const (
	legendBox legendKind = iota
	legendLine
	legendGlyph
)

// minus is the minus sign of the figures' labels. A hyphen: gonum's PDF
// backend renders U+2212 with the default font as mojibake ("âˆ’"),
// checked on the rendered figures.
const minus = "-"

// legendHeight is the height of a legend strip.
const legendHeight = vg.Length(16)

// okabeIto are the colours of the paper's plots other than the Gantt
// charts (Okabe and Ito's palette, as in package gantt: distinguishable
// under the common colour-vision deficiencies).
var okabeIto = []color.Color{
	color.RGBA{0x00, 0x72, 0xB2, 0xFF}, // blue
	color.RGBA{0xE6, 0x9F, 0x00, 0xFF}, // orange
	color.RGBA{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	color.RGBA{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	color.RGBA{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	color.RGBA{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	color.RGBA{0x00, 0x00, 0x00, 0xFF}, // black
}

// gridFigure draws plots in a grid (rows of equal length) below a legend
// strip (none when legend is empty), aligned so that the panels' axes line
// up. The legend lives outside the panels so that it hides no data.
func gridFigure(plots [][]*plot.Plot, legend []legendItem) func(draw.Canvas) {
	return func(dc draw.Canvas) {
		if len(legend) > 0 {
			drawLegend(dc, legend)
			dc.Max.Y -= legendHeight
		}
		tiles := draw.Tiles{Rows: len(plots), Cols: len(plots[0]), PadX: vg.Points(14), PadY: vg.Points(10),
			PadTop: vg.Points(4), PadRight: vg.Points(6), PadLeft: vg.Points(2), PadBottom: vg.Points(2)}
		cs := plot.Align(plots, tiles, dc)
		for i := range plots {
			for j := range plots[i] {
				if plots[i][j] != nil {
					plots[i][j].Draw(cs[i][j])
				}
			}
		}
	}
}

// drawLegend draws the items left to right in a strip at the top of dc.
func drawLegend(dc draw.Canvas, items []legendItem) {
	sty := text.Style{Color: color.Black, Font: font.From(plot.DefaultFont, 9), Handler: plot.DefaultTextHandler, YAlign: draw.YCenter}
	y := dc.Max.Y - legendHeight/2
	x := dc.Min.X + vg.Points(6)
	for _, it := range items {
		var shape draw.GlyphDrawer = draw.CircleGlyph{}
		if it.Shape != nil {
			shape = it.Shape
		}
		w := vg.Points(12)
		if it.Kind == legendLine {
			w = vg.Points(18)
		}
		switch it.Kind {
		case legendBox:
			dc.FillPolygon(it.Color, []vg.Point{{X: x, Y: y - 4}, {X: x + 12, Y: y - 4}, {X: x + 12, Y: y + 4}, {X: x, Y: y + 4}})
		case legendLine:
			dc.StrokeLine2(draw.LineStyle{Color: it.Color, Width: vg.Points(1), Dashes: it.Dashes}, x, y, x+w, y)
			if !it.NoGlyph {
				dc.DrawGlyph(draw.GlyphStyle{Color: it.Color, Radius: vg.Points(2.2), Shape: shape}, vg.Point{X: x + w/2, Y: y})
			}
		case legendGlyph:
			dc.DrawGlyph(draw.GlyphStyle{Color: it.Color, Radius: vg.Points(2.5), Shape: shape}, vg.Point{X: x + w/2, Y: y})
		}
		dc.FillText(sty, vg.Point{X: x + w + vg.Points(3), Y: y}, it.Label)
		x += w + vg.Points(3) + sty.Width(it.Label) + vg.Points(12)
	}
}

// newPlot is a panel with the paper's title size and a grid.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = vg.Points(10)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.X.Tick.Marker = shortTicks{}
	p.Y.Tick.Marker = shortTicks{}
	return p
}

// shortTicks are gonum's default ticks labelled as the shortest decimal
// that names them ("25", "7.5", "0.4"): plot.DefaultTicks pads every
// label of an axis to the same number of decimals ("25.00", "0.00"). A
// negative label has a minus sign, not a hyphen.
type shortTicks struct{}

func (shortTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	// Fewer than three labels leave an axis hard to read: then label
	// the minor ticks too, when that makes at most eight labels.
	labelled := 0
	for _, t := range ts {
		if t.Label != "" {
			labelled++
		}
	}
	all := labelled < 3 && len(ts) <= 8
	for i := range ts {
		if ts[i].Label != "" || all {
			ts[i].Label = tickMinus(shortDecimal(ts[i].Value))
		}
	}
	return ts
}

// tickMinus is label with a leading hyphen made a minus sign.
func tickMinus(label string) string {
	if strings.HasPrefix(label, "-") {
		return minus + label[1:]
	}
	return label
}

// integerTicks are shortTicks on an axis of whole numbers (task counts):
// every integer labelled when at most ten are in range, otherwise
// shortTicks' labels on integers; never a tick, major or minor, between
// two integers.
type integerTicks struct{}

func (integerTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := math.Ceil(min), math.Floor(max)
	if hi-lo <= 10 {
		var ts []plot.Tick
		for v := lo; v <= hi; v++ {
			ts = append(ts, plot.Tick{Value: v, Label: tickMinus(shortDecimal(v))})
		}
		return ts
	}
	var ts []plot.Tick
	for _, t := range (shortTicks{}).Ticks(min, max) {
		if t.Value == math.Trunc(t.Value) {
			ts = append(ts, t)
		}
	}
	return ts
}

// stepTicks label from, from+step, ... within the range (and tick
// nothing else): an axis whose data sit on a grid, such as n = 4, 6, ...,
// 24 labelled 4, 8, ..., 24.
type stepTicks struct{ from, step float64 }

func (s stepTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for v := s.from; v <= max+1e-9; v += s.step {
		if v >= min-1e-9 {
			ts = append(ts, plot.Tick{Value: v, Label: tickMinus(shortDecimal(v))})
		}
	}
	return ts
}

// shortDecimal is v to 10 significant digits without trailing zeros (the
// ticks are multiples of a 1-2-5 step, so this drops only float noise).
func shortDecimal(v float64) string {
	s := strconv.FormatFloat(v, 'g', 10, 64)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// writeGrid writes name.{pdf,svg,csv} for a grid figure of size w×h.
func writeGrid(o *output, name string, w, h vg.Length, fn func(draw.Canvas), csv []byte) error {
	enc := func(format string) ([]byte, error) { return gantt.Encode(w, h, format, fn) }
	return writeFigureBytes(o, name, enc, csv)
}

// writeFigureBytes is writeFigure with the CSV already rendered.
func writeFigureBytes(o *output, name string, encode func(string) ([]byte, error), csv []byte) error {
	for _, f := range []string{"pdf", "svg"} {
		b, err := encode(f)
		if err != nil {
			return err
		}
		if err := o.write(name+"."+f, b); err != nil {
			return err
		}
	}
	return o.write(name+".csv", csv)
}

// decadeTicks labels a log axis at powers of ten only, every k-th decade
// with k chosen so that at most about eight labels appear ("1e-6" ...
// "0.001" ... "1", "10", "100", "1000", "1e4" ...); gonum's LogTicks labels every power and prints
// float noise such as 9.999e-05 on wide ranges.
type decadeTicks struct{}

func (decadeTicks) Ticks(min, max float64) []plot.Tick {
	lo, hi := int(math.Floor(math.Log10(min))), int(math.Ceil(math.Log10(max)))
	step := 1
	for (hi-lo)/step > 8 {
		step++
	}
	var ts []plot.Tick
	for e := lo; e <= hi; e++ {
		v := math.Pow(10, float64(e))
		if v < min*(1-1e-9) || v > max*(1+1e-9) {
			continue
		}
		label := ""
		if e%step == 0 {
			switch {
			case e >= -3 && e <= 3:
				label = shortDecimal(v)
			default:
				label = fmt.Sprintf("1e%d", e)
			}
		}
		ts = append(ts, plot.Tick{Value: v, Label: label})
	}
	return ts
}
