package libuvclock

import (
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"github.com/gatherorder/gatherorder/experiments/machine"
	"github.com/gatherorder/gatherorder/experiments/realclock"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// Runtime is one of the loops the experiment measures, with its model
// under its real-clock tie rule (Model) and under the other rule (Other),
// and the driver that runs it.
type Runtime struct {
	Name         string
	Model, Other model.Runtime
	Start        func(repeat int) (*oracle.Real, error)
	// Pred is the index in Runtimes of the runtime whose model this one
	// shares (its own index but for node-block).
	Pred int
}

// Runtimes are the loops, CPython's own first (the control), then uvloop
// and Node.js, and Node.js again with cpu steps that block instead of
// spinning (oracle.NodeConfig), which tells the busy wait's competition
// for a core on a loaded machine from the loop's semantics.
var Runtimes = []Runtime{
	{"asyncio", model.Runtime{Ties: model.TiesArmed}, model.Runtime{}, startAsyncio, 0},
	{"uvloop", model.Runtime{Loop: model.UVLoop}, model.Runtime{Loop: model.UVLoop, Ties: model.TiesArmed}, oracle.StartUVLoop, 1},
	{"node", model.Runtime{Loop: model.Node}, model.Runtime{Loop: model.Node, Ties: model.TiesArmed}, oracle.StartNode, 2},
	{"node-block", model.Runtime{Loop: model.Node}, model.Runtime{Loop: model.Node, Ties: model.TiesArmed}, startNodeBlock, 2},
}

func startNodeBlock(repeat int) (*oracle.Real, error) {
	return oracle.StartNodeWith(oracle.NodeConfig{BlockCPU: true}, repeat)
}

// startAsyncio runs CPython's own loop on the interpreter uvloop runs on,
// so that the control differs from uvloop in the loop only.
func startAsyncio(repeat int) (*oracle.Real, error) {
	u, err := oracle.FindUVLoopPython()
	if err != nil {
		return nil, err
	}
	return oracle.StartRealWith(oracle.Config{Python: u.Path}, repeat)
}

// Config is one measurement run.
type Config struct {
	N       int            // workloads, each measured in two orders on every runtime
	Repeats int            // runs per workload, order and runtime
	Unit    model.Duration // real time per workload unit
	Seed    uint64         // of Workloads
}

// HasTies reports whether a traced run has an exact coincidence whose
// order the real clock may decide otherwise: two timer or socket waits due
// at one instant (the equal deadlines of model/SEMANTICS.md §S12), or a
// socket's data due at an instant where the loop polls or resumes a task
// (the end or start of a CPU segment, a resumption), where the real data,
// written by a helper thread, can arrive microseconds after the loop has
// looked (io 0, written before its await, is never late).
func HasTies(r *model.Result) bool {
	var due []model.Duration
	loop := map[model.Duration]bool{}
	for _, s := range r.Segments {
		loop[s.Start], loop[s.End] = true, true
	}
	for _, w := range r.Waits {
		loop[w.Resume] = true
	}
	for _, w := range r.Waits {
		if w.Kind == model.IO && w.Due > w.Start && loop[w.Due] {
			return true
		}
		if w.Kind == model.IO || w.Due > w.Start {
			due = append(due, w.Due)
		}
	}
	slices.Sort(due)
	for i := 1; i < len(due); i++ {
		if due[i] == due[i-1] {
			return true
		}
	}
	return false
}

// Measure runs every workload of c in the LIF and SIF orders on every
// runtime at the wall clock and returns one row per workload, order and
// runtime. Progress goes to log.
func Measure(log io.Writer, c Config) ([]Row, error) {
	specs := Workloads(c.Seed, c.N, c.Unit)
	var budget model.Duration
	for _, s := range specs {
		for _, pol := range realclock.Policies(s.Workload) {
			for _, rt := range Runtimes {
				budget += rt.Model.Simulate(s.Workload, pol.Order).Makespan
			}
		}
	}
	fmt.Fprintf(log, "libuvclock: %d workloads x 2 orders x %d runtimes x %d repeats; predicted wall time %s s plus overheads\n",
		c.N, len(Runtimes), c.Repeats, model.Format(budget*model.Duration(c.Repeats), model.Second))
	drivers := make([]*oracle.Real, len(Runtimes))
	for i, rt := range Runtimes {
		r, err := rt.Start(c.Repeats)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		drivers[i] = r
	}
	mach := machine.This().Platform()
	began := time.Now()
	var rows []Row
	for k, s := range specs {
		for _, pol := range realclock.Policies(s.Workload) {
			var preds [3]model.Result
			for i, rt := range Runtimes[:3] {
				preds[i] = rt.Model.Simulate(s.Workload, pol.Order)
			}
			for i, rt := range Runtimes {
				r := drivers[i]
				own := preds[rt.Pred]
				other := rt.Other.Simulate(s.Workload, pol.Order)
				load := machine.Load1()
				runs, err := r.Measure(s.Workload, pol.Order)
				if err != nil {
					return nil, fmt.Errorf("%s, workload %d (%s), order %s: %w", rt.Name, s.ID, model.Marshal(s.Workload), pol.Name, err)
				}
				versions := "python " + r.Version
				switch rt.Name {
				case "uvloop":
					versions += ", " + r.Loop
				case "node", "node-block":
					versions = r.Loop
				}
				row := Row{
					Runtime: rt.Name, ID: s.ID, Class: s.Class, Policy: pol.Name, Tasks: len(s.Workload.Tasks),
					PredMs: ms(own.Makespan), OtherMs: ms(other.Makespan), Ties: HasTies(&own),
					AsyncioMs: ms(preds[0].Makespan), UVLoopMs: ms(preds[1].Makespan), NodeMs: ms(preds[2].Makespan),
					Repeats: c.Repeats, Versions: versions, Machine: mach, Load: load,
				}
				row.measured(runs, own.Finish, other.Finish, preds)
				for j := range preds {
					if j != rt.Pred && !slices.Equal(preds[j].Finish, own.Finish) {
						row.Discriminates = true
					}
				}
				rows = append(rows, row)
			}
		}
		realclock.Progress(log, "libuvclock", k+1, len(specs), began)
	}
	return rows, nil
}

func ms(d model.Duration) float64 { return float64(d) / 1e6 }

// median of samples in ms (realclock.MedianNs).
func median(xs []model.Duration) float64 {
	ns := make([]int64, len(xs))
	for i, x := range xs {
		ns[i] = int64(x)
	}
	return realclock.MedianNs(ns) / 1e6
}

// finishError is the largest |measured − predicted| finish over the tasks,
// in ms.
func finishError(med []float64, pred []model.Duration) float64 {
	var e float64
	for i, m := range med {
		e = max(e, math.Abs(m-ms(pred[i])))
	}
	return e
}

// measured fills r's measured fields from the runs: the makespan's median
// and range, and the finish errors of the per-task medians against the
// predictions, and of the best repeat against r's own.
func (r *Row) measured(runs []oracle.Measurement, own, other []model.Duration, preds [3]model.Result) {
	spans := make([]model.Duration, len(runs))
	med := make([]float64, len(own))
	for j, m := range runs {
		spans[j] = m.Makespan
	}
	for i := range own {
		fs := make([]model.Duration, len(runs))
		for j, m := range runs {
			fs[j] = m.Finish[i]
		}
		med[i] = median(fs)
	}
	r.MedMs, r.MinMs, r.MaxMs = median(spans), ms(slices.Min(spans)), ms(slices.Max(spans))
	r.FinErrMs, r.FinErrOtherMs = finishError(med, own), finishError(med, other)
	r.FinErrAsyncioMs, r.FinErrUVLoopMs, r.FinErrNodeMs = finishError(med, preds[0].Finish), finishError(med, preds[1].Finish), finishError(med, preds[2].Finish)
	r.FinErrBestMs = math.Inf(1)
	for _, m := range runs {
		var e float64
		for i, f := range m.Finish {
			e = max(e, math.Abs(ms(f)-ms(own[i])))
		}
		r.FinErrBestMs = min(r.FinErrBestMs, e)
	}
}
