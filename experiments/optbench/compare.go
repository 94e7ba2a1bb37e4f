package optbench

import (
	"fmt"
	"io"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// RatioStats summarises makespan / optimum over a set of instances.
type RatioStats struct {
	Mean, Worst float64
	// Optimal counts the instances where the rule's order is optimal.
	Optimal int
}

func (r *RatioStats) add(c, opt model.Duration) {
	x := 1.0
	if opt > 0 {
		x = float64(c) / float64(opt)
	}
	r.Mean += x
	r.Worst = max(r.Worst, x)
	if c == opt {
		r.Optimal++
	}
}

// HeuristicRow compares the fast ordering rules of package order with the
// proven optimum on
// Instances seeded instances of N jobs drawn from HeuristicDist(N, WaitPct).
type HeuristicRow struct {
	N, WaitPct, Instances                int
	LIF, LTF, Johnson, Mitten, Heuristic RatioStats
	// Unproven counts instances whose optimum was not proven within
	// order.DefaultNodes (then the ratios are to the best order found, which
	// flatters every rule slightly). The paper prints it (\HeurUnproven).
	Unproven int
}

// HeuristicDist is the distribution of CompareHeuristics: A and B uniform
// on 1..100 and waits uniform on 1..W with W = WaitPct% of the mean total
// first-phase CPU 50n (so WaitPct = 100 means waits about as long as all
// the first phases together).
func HeuristicDist(n, waitPct int) Dist {
	return Dist{CPUMax: 100, IOMax: max(1, int64(waitPct)*50*int64(n)/100)}
}

// CompareHeuristics measures order.JobsLIF, order.LongestTailFirst,
// order.JohnsonOrder, order.Mitten and order.Heuristic against the
// order.BranchAndBound
// optimum: for every n in ns and
// every wait ratio in waitPcts, instances jobs sets from HeuristicDist drawn
// with NewRand(seed, stream) (one stream per (n, ratio) pair, so rows do not
// depend on each other). Deterministic.
func CompareHeuristics(ns, waitPcts []int, instances int, seed uint64) []HeuristicRow {
	var rows []HeuristicRow
	for _, n := range ns {
		for _, wp := range waitPcts {
			rng := NewRand(seed, uint64(n)<<32|uint64(wp))
			row := HeuristicRow{N: n, WaitPct: wp, Instances: instances}
			for range instances {
				js := RandomJobs(rng, n, HeuristicDist(n, wp))
				sol := order.BranchAndBound(js, order.Limits{})
				if !sol.Optimal {
					row.Unproven++
				}
				opt := sol.Makespan
				row.LIF.add(model.ClosedForm(js, order.JobsLIF(js)), opt)
				row.LTF.add(model.ClosedForm(js, order.LongestTailFirst(js)), opt)
				row.Johnson.add(model.ClosedForm(js, order.JohnsonOrder(js)), opt)
				row.Mitten.add(model.ClosedForm(js, order.Mitten(js)), opt)
				row.Heuristic.add(model.ClosedForm(js, order.Heuristic(js)), opt)
			}
			for _, r := range []*RatioStats{&row.LIF, &row.LTF, &row.Johnson, &row.Mitten, &row.Heuristic} {
				r.Mean /= float64(max(instances, 1))
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// WriteHeuristicTable prints rows as an aligned text table: mean and worst
// ratio to the optimum and the share of optimal answers per rule.
func WriteHeuristicTable(w io.Writer, rows []HeuristicRow) error {
	if _, err := fmt.Fprintf(w, "%3s %5s %5s  %-22s %-22s %-22s %-22s %-22s\n", "n", "wait%", "inst", "LIF mean/worst/opt%", "LTF mean/worst/opt%", "Johnson mean/worst/opt%", "Mitten mean/worst/opt%", "Heuristic mean/worst/opt%"); err != nil {
		return err
	}
	cell := func(r RatioStats, inst int) string {
		return fmt.Sprintf("%.4f/%.4f/%3.0f%%", r.Mean, r.Worst, 100*float64(r.Optimal)/float64(max(inst, 1)))
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%3d %5d %5d  %-22s %-22s %-22s %-22s %-22s\n", r.N, r.WaitPct, r.Instances,
			cell(r.LIF, r.Instances), cell(r.LTF, r.Instances), cell(r.Johnson, r.Instances), cell(r.Mitten, r.Instances), cell(r.Heuristic, r.Instances)); err != nil {
			return err
		}
	}
	return nil
}
