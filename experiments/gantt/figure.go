package gantt

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gatherorder/gatherorder/model"
)

// Figure is several charts stacked on one shared time axis.
type Figure struct {
	Charts []Chart
	// Width is the figure's width (default 16 cm, a LaTeX text width).
	Width vg.Length
	// RowHeight is the height of one row of a chart (default 0.55 cm).
	RowHeight vg.Length
	// XLabel is the time axis's label (default "time (unit)", the first
	// chart's workload unit); "time (integer units)" for a workload whose
	// durations are unitless integers, such as a counterexample's.
	XLabel string
	// Integer marks a time axis of whole units (a counterexample's): no
	// tick falls between two of them.
	Integer bool
	// Columns lays the charts out in that many columns, row by row
	// (default 1); the number of charts must be a multiple of it.
	Columns int
}

func (f Figure) columns() int {
	if f.Columns > 1 && len(f.Charts)%f.Columns == 0 {
		return f.Columns
	}
	return 1
}

const legendHeight = vg.Length(16)

func (f Figure) width() vg.Length {
	if f.Width > 0 {
		return f.Width
	}
	return 16 * vg.Centimeter
}

func (f Figure) rowHeight() vg.Length {
	if f.RowHeight > 0 {
		return f.RowHeight
	}
	return 0.55 * vg.Centimeter
}

// Size is the figure's natural size: each chart gets its rows plus room
// for its title and time axis.
func (f Figure) Size() (w, h vg.Length) {
	h = legendHeight
	cols := f.columns()
	for i := 0; i < len(f.Charts); i += cols {
		rows := 0
		for _, c := range f.Charts[i : i+cols] {
			rows = max(rows, len(c.Order))
		}
		h += vg.Length(rows+1)*f.rowHeight() + 1.5*vg.Centimeter
		if cols > 1 {
			h += 0.4 * vg.Centimeter // a two-line title
		}
	}
	return f.width(), h
}

// unit is the time unit of the axis: the first chart's workload unit.
func (f Figure) unit() model.Unit {
	if len(f.Charts) == 0 || f.Charts[0].W.Unit == "" {
		return model.Second
	}
	return f.Charts[0].W.Unit
}

// plots builds one plot per chart, all with the same x range.
func (f Figure) plots() []*plot.Plot {
	u := f.unit()
	var tmax model.Duration
	for _, c := range f.Charts {
		tmax = max(tmax, c.R.Makespan)
	}
	ps := make([]*plot.Plot, len(f.Charts))
	for i, c := range f.Charts {
		p := plot.New()
		p.Title.Text = c.Title
		p.Title.TextStyle.Font.Size = vg.Points(10)
		p.Add(bars{c: c, unit: float64(u.Nanos())})
		names := make([]string, len(c.Order)+1)
		names[0] = "CPU"
		for k, t := range c.Order {
			names[len(c.Order)-k] = c.W.Tasks[t].Name
		}
		p.NominalY(names...)
		p.X.Min, p.X.Max = 0, float64(tmax)/float64(u.Nanos())
		p.X.Tick.Marker = unitTicks{integer: f.Integer}
		if i >= len(f.Charts)-f.columns() {
			p.X.Label.Text = fmt.Sprintf("time (%s)", unitName(u))
			if f.XLabel != "" {
				p.X.Label.Text = f.XLabel
			}
		}
		ps[i] = p
	}
	return ps
}

// Draw draws the legend strip on top and the charts below it.
func (f Figure) Draw(dc draw.Canvas) {
	top := dc
	top.Min.Y = dc.Max.Y - legendHeight
	drawLegend(top)
	body := dc
	body.Max.Y -= legendHeight
	ps := f.plots()
	cols := f.columns()
	grid := make([][]*plot.Plot, len(ps)/cols)
	for i := range grid {
		grid[i] = ps[i*cols : (i+1)*cols]
	}
	tiles := draw.Tiles{Rows: len(grid), Cols: cols, PadX: vg.Points(10), PadY: vg.Points(6), PadLeft: vg.Points(4), PadRight: vg.Points(8), PadBottom: vg.Points(2)}
	cs := plot.Align(grid, tiles, body)
	for i, p := range ps {
		p.Draw(cs[i/cols][i%cols])
	}
}

// legendItems are the entries of the legend strip, in order.
var legendItems = []struct {
	label                string
	fill, hatch, outline color.Color
	thin, cross          bool
}{
	{"CPU step (task colour)", taskColors[0], nil, black, false, false},
	{"await pending (sleep/io)", white, taskColors[0], taskColors[0], false, false},
	{"ready, waiting for the loop", readyColor, nil, nil, true, false},
	{"CPU busy", busyColor, nil, nil, false, false},
	{"CPU idle", white, idleColor, idleColor, false, true},
}

func drawLegend(c draw.Canvas) {
	sty := text.Style{Color: black, Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler, YAlign: draw.YCenter}
	x := c.Min.X + vg.Points(6)
	y := (c.Min.Y + c.Max.Y) / 2
	sw, sh := vg.Points(14), vg.Points(8)
	for _, it := range legendItems {
		r := vg.Rectangle{Min: vg.Point{X: x, Y: y - sh/2}, Max: vg.Point{X: x + sw, Y: y + sh/2}}
		if it.thin {
			r.Min.Y, r.Max.Y = y-sh/4, y+sh/4
		}
		fillRectCross(c, r, it.fill, it.hatch, it.outline, it.cross)
		x += sw + vg.Points(3)
		c.FillText(sty, vg.Point{X: x, Y: y}, it.label)
		x += sty.Width(it.label) + vg.Points(10)
	}
}

// unitTicks are major ticks at a 1-2-5 step chosen so that there are at
// most 12 intervals, labelled as exact short decimals, with unlabelled
// minor ticks halfway: the seed example's whole seconds all get a label.
// On an integer axis the step is at least 1 and a minor tick is drawn only
// where it falls on a whole unit.
type unitTicks struct{ integer bool }

func (u unitTicks) Ticks(lo, hi float64) []plot.Tick {
	if hi <= lo {
		return []plot.Tick{{Value: lo, Label: strconv.FormatFloat(lo, 'f', -1, 64)}}
	}
	step := math.Pow(10, math.Floor(math.Log10((hi-lo)/12)))
	for _, m := range []float64{1, 2, 5, 10} {
		if (hi-lo)/(step*m) <= 12 {
			step *= m
			break
		}
	}
	if u.integer {
		step = max(step, 1)
	}
	var ts []plot.Tick
	for k := math.Ceil(lo / step); k*step <= hi+1e-9*step; k++ {
		v := k * step
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', 10, 64)})
		if h := v + step/2; h <= hi && (!u.integer || h == math.Trunc(h)) {
			ts = append(ts, plot.Tick{Value: h})
		}
	}
	return ts
}

func unitName(u model.Unit) string {
	if u == "" {
		return "s"
	}
	return string(u)
}
