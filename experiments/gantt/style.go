package gantt

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// taskColors is the Okabe–Ito palette (M. Okabe and K. Ito, Color
// Universal Design, 2008), which stays distinguishable under the common
// colour-vision deficiencies, ordered so that consecutive tasks' colours
// differ in luma (grey print) by at least 32 of 255
// (TestConsecutiveTaskColoursDifferInGrey). A task's colour follows the
// task, not its row, so it is the same in every chart of a figure.
var taskColors = []color.Color{
	rgb(0x00, 0x72, 0xB2), // blue, luma 87
	rgb(0xE6, 0x9F, 0x00), // orange, 162
	rgb(0x00, 0x9E, 0x73), // bluish green, 106
	rgb(0xF0, 0xE4, 0x42), // yellow, 213
	rgb(0xCC, 0x79, 0xA7), // reddish purple, 151
	rgb(0xD5, 0x5E, 0x00), // vermillion, 119
	rgb(0x56, 0xB4, 0xE9), // sky blue, 158
	rgb(0x00, 0x00, 0x00), // black, 0
}

var (
	// idleColor cross-hatches the CPU row's idle bars: black on white,
	// unlike any task's await hatch (one diagonal, in the task's colour),
	// in colour and in grey print alike.
	idleColor  = rgb(0x00, 0x00, 0x00)
	busyColor  = rgb(0x40, 0x40, 0x40)
	readyColor = rgb(0xDD, 0xDD, 0xDD)
	white      = rgb(0xFF, 0xFF, 0xFF)
	black      = rgb(0x00, 0x00, 0x00)
)

func rgb(r, g, b uint8) color.Color { return color.RGBA{r, g, b, 0xFF} }

// TaskColor is the colour of task i (an index into the workload's tasks).
func TaskColor(i int) color.Color { return taskColors[i%len(taskColors)] }

// halfHeight is half a bar's height in row units (rows are 1 apart).
const halfHeight = 0.32

// hatchSpacing is the distance between hatch lines, measured along x.
const hatchSpacing = vg.Length(3.5)

// fillRect fills r with fill (nil: none), hatches it with hatch (nil:
// none) and outlines it with outline (nil: none).
func fillRect(c draw.Canvas, r vg.Rectangle, fill, hatch, outline color.Color) {
	fillRectCross(c, r, fill, hatch, outline, false)
}

// fillRectCross is fillRect, the hatch crossed (both diagonals) if cross.
func fillRectCross(c draw.Canvas, r vg.Rectangle, fill, hatch, outline color.Color, cross bool) {
	pts := []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}}
	if fill != nil {
		c.FillPolygon(fill, pts)
	}
	if hatch != nil {
		sty := draw.LineStyle{Color: hatch, Width: vg.Points(0.6)}
		lines := hatchLines(r, hatchSpacing)
		if cross {
			sty.Width = vg.Points(0.4)
			lines = append(lines, mirror(hatchLines(mirrorRect(r), hatchSpacing))...)
		}
		for _, l := range lines {
			c.StrokeLines(sty, l)
		}
	}
	if outline != nil {
		sty := draw.LineStyle{Color: outline, Width: vg.Points(0.8)}
		c.StrokeLines(sty, append(pts, pts[0]))
	}
}

// hatchLines returns 45° lines at spacing s clipped to r. The lines are
// anchored at x ≡ 0 (mod s) of the page, not of the rectangle, so hatching
// of adjacent rectangles lines up.
func hatchLines(r vg.Rectangle, s vg.Length) [][]vg.Point {
	h := r.Max.Y - r.Min.Y
	if h <= 0 || r.Max.X <= r.Min.X {
		return nil
	}
	var lines [][]vg.Point
	// A line through (t, Min.Y) rises to (t+h, Max.Y); it meets r when
	// t ∈ (Min.X-h, Max.X). Start at the first multiple of s in range.
	first := vg.Length(math.Floor(float64((r.Min.X-h)/s))) * s
	for t := first; t < r.Max.X; t += s {
		u0 := max(0, r.Min.X-t)
		u1 := min(h, r.Max.X-t)
		if u1 <= u0 {
			continue
		}
		lines = append(lines, []vg.Point{
			{X: t + u0, Y: r.Min.Y + u0},
			{X: t + u1, Y: r.Min.Y + u1},
		})
	}
	return lines
}

// mirrorRect and mirror reflect x ↦ -x: the hatch lines of the mirrored
// rectangle, mirrored back, are r's lines at -45°.
func mirrorRect(r vg.Rectangle) vg.Rectangle {
	return vg.Rectangle{Min: vg.Point{X: -r.Max.X, Y: r.Min.Y}, Max: vg.Point{X: -r.Min.X, Y: r.Max.Y}}
}

func mirror(lines [][]vg.Point) [][]vg.Point {
	for _, l := range lines {
		for i := range l {
			l[i].X = -l[i].X
		}
	}
	return lines
}
