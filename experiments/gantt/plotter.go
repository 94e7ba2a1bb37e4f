package gantt

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gatherorder/gatherorder/model"
)

// bars is a plot.Plotter that draws a chart's bars; rows are laid out
// top-down (row 0 at y = n, the CPU row at y = 0).
type bars struct {
	c    Chart
	unit float64 // nanoseconds per axis unit
}

func (b bars) x(d model.Duration) float64 { return float64(d) / b.unit }

func (b bars) y(row int) float64 { return float64(len(b.c.Order) - row) }

// Plot implements plot.Plotter.
func (b bars) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, bar := range b.c.Bars() {
		y := b.y(bar.Row)
		r := vg.Rectangle{
			Min: vg.Point{X: tx(b.x(bar.Start)), Y: ty(y - halfHeight)},
			Max: vg.Point{X: tx(b.x(bar.End)), Y: ty(y + halfHeight)},
		}
		switch bar.Kind {
		case CPU:
			fillRect(c, r, TaskColor(bar.Task), nil, black)
		case Wait:
			fillRect(c, r, white, TaskColor(bar.Task), TaskColor(bar.Task))
		case Ready:
			r.Min.Y, r.Max.Y = ty(y-halfHeight/2), ty(y+halfHeight/2)
			fillRect(c, r, readyColor, nil, nil)
		case Busy:
			fillRect(c, r, busyColor, nil, nil)
		case Idle:
			fillRectCross(c, r, white, idleColor, idleColor, true)
		}
	}
	// The makespan, as a dashed line over every row.
	m := tx(b.x(b.c.R.Makespan))
	c.StrokeLine2(draw.LineStyle{Color: black, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}},
		m, c.Min.Y, m, c.Max.Y)
}

// DataRange implements plot.DataRanger: time from 0 to the makespan, rows
// with half a row of margin.
func (b bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, b.x(b.c.R.Makespan), -0.5, float64(len(b.c.Order)) + 0.5
}
