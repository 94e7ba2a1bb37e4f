package gantt

import (
	"bytes"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
	"pgregory.net/rapid"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
)

// doc.go: "busy + idle = makespan exactly", and busy time is the total CPU
// work: the CPU row partitions [0, makespan] into alternating busy and idle
// bars, whatever the workload and order.
func TestCPURowPartitionsTheMakespan(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: 1, MaxTasks: 5, MaxSteps: 5, MaxDur: 20}).Draw(t, "w")
		c := New("", w, gen.Perm(len(w.Tasks)).Draw(t, "order"))
		var cpu model.Duration
		for _, tk := range w.Tasks {
			for _, s := range tk.Steps {
				if s.Kind == model.CPU {
					cpu += s.D
				}
			}
		}
		var at, busy model.Duration
		var last BarKind
		for _, b := range c.cpuRow() {
			if b.Start != at || b.End <= b.Start || b.Kind == last {
				t.Fatalf("CPU row not a partition into alternating bars at %v: %+v", at, b)
			}
			if b.Kind == Busy {
				busy += b.End - b.Start
			}
			at, last = b.End, b.Kind
		}
		if at != c.R.Makespan {
			t.Fatalf("CPU row ends at %d, makespan %d", at, c.R.Makespan)
		}
		if busy != cpu || c.IdleTime() != c.R.Makespan-cpu {
			t.Fatalf("busy %d, idle %d; total CPU %d, makespan %d", busy, c.IdleTime(), cpu, c.R.Makespan)
		}
	})
}

// Every task bar lies in its task's row, and a task's bars do not overlap:
// a task is at any instant running, awaiting, or ready.
func TestTaskBarsAreDisjointPerRow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := gen.Workload(gen.Spec{MinTasks: 1, MaxTasks: 5, MaxSteps: 5, MaxDur: 20}).Draw(t, "w")
		c := New("", w, gen.Perm(len(w.Tasks)).Draw(t, "order"))
		end := map[int]model.Duration{}
		for _, b := range c.Bars() {
			if b.Task < 0 {
				continue
			}
			if c.Order[b.Row] != b.Task {
				t.Fatalf("bar of task %d in row %d (order %v)", b.Task, b.Row, c.Order)
			}
			if b.Start < end[b.Row] {
				t.Fatalf("row %d: bar %+v starts before %d", b.Row, b, end[b.Row])
			}
			end[b.Row] = b.End
		}
	})
}

// Hatch lines stay inside the rectangle they fill.
func TestHatchLinesStayInside(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		x := vg.Length(rapid.Float64Range(-100, 100).Draw(t, "x"))
		y := vg.Length(rapid.Float64Range(-100, 100).Draw(t, "y"))
		r := vg.Rectangle{Min: vg.Point{X: x, Y: y}, Max: vg.Point{
			X: x + vg.Length(rapid.Float64Range(0, 50).Draw(t, "w")),
			Y: y + vg.Length(rapid.Float64Range(0, 50).Draw(t, "h"))}}
		const eps = 1e-9
		for _, l := range hatchLines(r, hatchSpacing) {
			for _, p := range l {
				if p.X < r.Min.X-eps || p.X > r.Max.X+eps || p.Y < r.Min.Y-eps || p.Y > r.Max.Y+eps {
					t.Fatalf("point %v outside %v", p, r)
				}
			}
		}
	})
}

func seedFigure() Figure {
	w := &model.Workload{Unit: model.Second, Tasks: []model.Task{
		model.Canonical("a", 1e9, 5e9, 1e9),
		model.Canonical("b", 1e9, 3e9, 1e9),
		model.Canonical("c", 1e9, 1e9, 1e9),
	}}
	return Figure{Charts: []Chart{New("longest IO first", w, []int{0, 1, 2}), New("shortest IO first", w, []int{2, 1, 0})}}
}

// doc.go, "Determinism": the same figure encodes to the same bytes, and
// the PDF carries Epoch, not the wall clock, as its dates.
func TestEncodeIsByteIdentical(t *testing.T) {
	for _, format := range []string{"pdf", "svg"} {
		a, err := seedFigure().Encode(format)
		if err != nil {
			t.Fatal(err)
		}
		b, err := seedFigure().Encode(format)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two encodings differ (%d and %d bytes)", format, len(a), len(b))
		}
		if format == "pdf" && (!bytes.Contains(a, []byte("/CreationDate (D:20000101000000)")) || !bytes.Contains(a, []byte("/ModDate (D:20000101000000)"))) {
			t.Errorf("pdf dates are not Epoch")
		}
	}
	if _, err := Encode(1, 1, "png", nil); err == nil {
		t.Error("png accepted")
	}
}

// On an integer time axis every tick, labelled or not, is a whole unit;
// on a time axis in seconds the half-step minor ticks stay.
func TestIntegerAxisHasNoFractionalTicks(t *testing.T) {
	for _, hi := range []float64{1, 3, 7, 12, 25, 130} {
		for _, tk := range (unitTicks{integer: true}).Ticks(0, hi) {
			if tk.Value != math.Trunc(tk.Value) {
				t.Errorf("axis 0..%v: tick at %v", hi, tk.Value)
			}
		}
	}
	half := false
	for _, tk := range (unitTicks{}).Ticks(0, 7) {
		half = half || tk.Value == 0.5
	}
	if !half {
		t.Error("seconds axis 0..7: no minor tick at 0.5")
	}
}
