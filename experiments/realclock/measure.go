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
		for _, pol := range Policies(s.Workload) {
			budget += model.Simulate(s.Workload, pol.Order).Makespan
		}
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
		for _, pol := range Policies(s.Workload) {
			pred := model.Simulate(s.Workload, pol.Order).Makespan
			load := machine.Load1()
			runs, err := r.Measure(s.Workload, pol.Order)
			if err != nil {
				return nil, fmt.Errorf("workload %d (%s), order %s: %w", s.ID, model.Marshal(s.Workload), pol.Name, err)
			}
			ns := make([]int64, len(runs))
			lo, hi := int64(runs[0].Makespan), int64(runs[0].Makespan)
			for i, m := range runs {
				ns[i] = int64(m.Makespan)
				lo, hi = min(lo, ns[i]), max(hi, ns[i])
			}
			rows = append(rows, Row{
				ID: s.ID, Class: s.Class, Policy: pol.Name, Tasks: len(s.Workload.Tasks),
				PredMs: float64(pred) / 1e6, MedMs: MedianNs(ns) / 1e6,
				MinMs: float64(lo) / 1e6, MaxMs: float64(hi) / 1e6,
				Repeats: c.Repeats, Python: r.Version, Machine: mach, Load: load,
			})
		}
		Progress(log, "realclock", k+1, len(specs), began)
	}
	return rows, nil
}

// Policy is a named gather order of a workload.
type Policy struct {
	Name  string
	Order []int
}

// Policies are the orders the real-clock experiments measure:
// longest-IO-first ("lif") and shortest-IO-first ("sif").
func Policies(w *model.Workload) []Policy {
	return []Policy{{"lif", order.LongestIOFirst(w)}, {"sif", order.ShortestIOFirst(w)}}
}

// Progress prints a progress line to log after every tenth of n workloads
// and the last, with the time since began, the time left at this pace and
// the load.
func Progress(log io.Writer, prefix string, done, n int, began time.Time) {
	if done%10 != 0 && done != n {
		return
	}
	el := time.Since(began)
	eta := time.Duration(float64(el) / float64(done) * float64(n-done))
	fmt.Fprintf(log, "%s: %d/%d workloads, %v elapsed, about %v left, load %s\n",
		prefix, done, n, el.Round(time.Second), eta.Round(time.Second), machine.Load1())
}

// MedianNs is the median of integer ns samples, the mean of the two middle
// values for an even count.
func MedianNs(xs []int64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return (float64(s[n/2-1]) + float64(s[n/2])) / 2
}
