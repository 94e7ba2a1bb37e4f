package realclock

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/gatherorder/gatherorder/experiments/machine"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"github.com/gatherorder/gatherorder/order"
)

// Config is one measurement run.
type Config struct {
	N       int            // workloads, each measured in two orders
	Repeats int            // runs per workload and order
	Unit    model.Duration // real time per workload unit
	Seed    uint64         // of Workloads
}

// Measure runs every workload of c in the LIF and SIF orders on real
// CPython at the wall clock and returns two rows per workload. Progress
// goes to log.
func Measure(log io.Writer, c Config) ([]Row, error) {
	specs := Workloads(c.Seed, c.N, c.Unit)
	var budget model.Duration
	for _, s := range specs {
		budget += model.Simulate(s.Workload, order.LongestIOFirst(s.Workload)).Makespan + model.Simulate(s.Workload, order.ShortestIOFirst(s.Workload)).Makespan
	}
	fmt.Fprintf(log, "realclock: %d workloads x 2 orders x %d repeats; predicted wall time %s s plus overheads\n",
		c.N, c.Repeats, model.Format(budget*model.Duration(c.Repeats), model.Second))
	r, err := oracle.StartReal(c.Repeats)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	mach := machine.This().Platform()
	began := time.Now()
	var rows []Row
	for k, s := range specs {
		for _, pol := range []struct {
			name string
			ord  []int
		}{{"lif", order.LongestIOFirst(s.Workload)}, {"sif", order.ShortestIOFirst(s.Workload)}} {
			pred := model.Simulate(s.Workload, pol.ord).Makespan
			load := machine.Load1()
			runs, err := r.Measure(s.Workload, pol.ord)
			if err != nil {
				return nil, fmt.Errorf("workload %d (%s), order %s: %w", s.ID, model.Marshal(s.Workload), pol.name, err)
			}
			ns := make([]int64, len(runs))
			lo, hi := int64(runs[0].Makespan), int64(runs[0].Makespan)
			for i, m := range runs {
				ns[i] = int64(m.Makespan)
				lo, hi = min(lo, ns[i]), max(hi, ns[i])
			}
			rows = append(rows, Row{
				ID: s.ID, Class: s.Class, Policy: pol.name, Tasks: len(s.Workload.Tasks),
				PredMs: float64(pred) / 1e6, MedMs: medianNs(ns) / 1e6,
				MinMs: float64(lo) / 1e6, MaxMs: float64(hi) / 1e6,
				Repeats: c.Repeats, Python: r.Version, Machine: mach, Load: load,
			})
		}
		if (k+1)%10 == 0 || k+1 == len(specs) {
			el := time.Since(began)
			eta := time.Duration(float64(el) / float64(k+1) * float64(len(specs)-k-1))
			fmt.Fprintf(log, "realclock: %d/%d workloads, %v elapsed, about %v left, load %s\n",
				k+1, len(specs), el.Round(time.Second), eta.Round(time.Second), machine.Load1())
		}
	}
	return rows, nil
}

// medianNs is the median of integer ns samples, the mean of the two middle
// values for an even count.
func medianNs(xs []int64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return (float64(s[n/2-1]) + float64(s[n/2])) / 2
}
