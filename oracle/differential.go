package oracle

import "github.com/gatherorder/gatherorder/model"

// Agreement is what one differential run compared: the model against
// CPython on a batch of workloads, each in its own gather order.
type Agreement struct {
	// Workloads, Tasks, Steps and Segments count what was compared (a
	// workload counts whether or not it matched).
	Workloads, Tasks, Steps, Segments int
	// Mismatches counts the workloads where the model (the driver's
	// variant, Python.Runtime) and CPython differ (Same is false); First
	// is the index of the first of them (-1 when none), Model and CPython
	// its two results.
	Mismatches int
	First      int
	Model      model.Result
	CPython    Result
}

// diffChunk bounds how many workloads one RunBatch exchange carries, so
// that memory stays flat on batches of any size.
const diffChunk = 2000

// Differential runs every workload ws[i] in orders[i] on CPython (nil
// orders: every workload in its given order) and compares the result with
// the traced simulator of the driver's model variant (p.Runtime) exactly (Same: every finish time, the makespan and
// every CPU segment). A mismatch is a result, counted in the Agreement,
// not an error; the error reports a driver that failed or an invalid
// workload.
//
// The differential tests and the paper's differential batch both call it,
// on the same generators (package internal/gen).
func (p *Python) Differential(ws []*model.Workload, orders [][]int) (Agreement, error) {
	a := Agreement{First: -1}
	sim := model.Sim{Runtime: p.Runtime}
	for lo := 0; lo < len(ws); lo += diffChunk {
		hi := min(len(ws), lo+diffChunk)
		var os [][]int
		if orders != nil {
			os = orders[lo:hi]
		}
		rs, err := p.RunBatch(ws[lo:hi], os)
		if err != nil {
			return a, err
		}
		for k, r := range rs {
			w := ws[lo+k]
			var order []int
			if os != nil {
				order = os[k]
			}
			m := sim.Run(w, order, true)
			if !Same(*m, r) {
				if a.Mismatches == 0 {
					// m is owned by sim: keep a copy of its own.
					a.First, a.Model, a.CPython = lo+k, p.Runtime.Simulate(w, order), r
				}
				a.Mismatches++
			}
			a.Workloads++
			a.Tasks += len(w.Tasks)
			a.Segments += len(r.Segments)
			for _, t := range w.Tasks {
				a.Steps += len(t.Steps)
			}
		}
	}
	return a, nil
}
