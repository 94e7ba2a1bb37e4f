package advisor

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/gatherorder/gatherorder/experiments/optbench"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Config sets up a measurement.
type Config struct {
	// Ns are the job counts.
	Ns []int
	// Instances gives the number of instances at n.
	Instances func(n int) int
	Seed      uint64
	// Budget is each solver's wall-clock budget per instance.
	Budget time.Duration
	// PreviousMaxN is the largest n the previous solver runs at.
	PreviousMaxN int
	// Machine describes the computer (experiments/machine).
	Machine string
}

// Default is the table's configuration: n = 10 to 10⁶, 20 instances up to
// 1,000 jobs, then 10, 5 and 3, seed 1, the CLI's budget of 2 s; the
// previous solver up to 300 jobs (at 1,000 its start alone took 51 s on
// a quiet machine and 511 s on a loaded one, see NOTE.md).
var Default = Config{
	Ns: []int{10, 30, 100, 300, 1000, 10_000, 100_000, 1_000_000},
	Instances: func(n int) int {
		switch {
		case n <= 1000:
			return 20
		case n <= 10_000:
			return 10
		case n <= 100_000:
			return 5
		}
		return 3
	},
	Seed: 1, Budget: 2 * time.Second, PreviousMaxN: 300,
}

// The solvers of a Row.
const (
	Search   = "search"
	Previous = "previous"
)

// Row is one solver at one n.
type Row struct {
	N         int
	Solver    string
	Instances int // 0: not run (see Note)
	// MedianWall and MaxWall are the solver's wall time per instance.
	MedianWall, MaxWall time.Duration
	// Optimal counts the instances proven optimal.
	Optimal int
	// MedianGap and WorstGap are (makespan - lower bound) / lower bound.
	MedianGap, WorstGap float64
	Budget              time.Duration
	Seed                uint64
	Machine             string
	// Note says why a solver was not run.
	Note string
}

// Run measures every n of c with both solvers, writing a line per row to
// progress.
func Run(c Config, progress io.Writer) []Row {
	var rows []Row
	for _, n := range c.Ns {
		k := c.Instances(n)
		rng := optbench.NewRand(c.Seed, uint64(n))
		insts := make([][]model.Job, k)
		for i := range insts {
			insts[i] = optbench.RandomJobs(rng, n, optbench.ScalingDist(n))
		}
		for _, solver := range []string{Search, Previous} {
			r := Row{N: n, Solver: solver, Budget: c.Budget, Seed: c.Seed, Machine: c.Machine}
			if solver == Previous && n > c.PreviousMaxN {
				r.Note = fmt.Sprintf("not run: its start (order.Heuristic) has no budget and costs O(n^3 log n) per round; above %d jobs", c.PreviousMaxN)
				rows = append(rows, r)
				continue
			}
			r.measure(insts, solver)
			rows = append(rows, r)
			fmt.Fprintf(progress, "advisor: n=%d %s: median %v, %d/%d optimal, median gap %.4f%%, worst %.4f%%\n",
				n, solver, r.MedianWall, r.Optimal, r.Instances, 100*r.MedianGap, 100*r.WorstGap)
		}
	}
	return rows
}

func (r *Row) measure(insts [][]model.Job, solver string) {
	var walls []time.Duration
	var gaps []float64
	for _, js := range insts {
		lim := order.Limits{Time: r.Budget}
		t0 := time.Now()
		var sol order.Solution
		if solver == Search {
			sol = order.Search(js, lim)
		} else {
			sol = order.BranchAndBound(js, lim)
		}
		walls = append(walls, time.Since(t0))
		if sol.Optimal {
			r.Optimal++
		}
		gaps = append(gaps, float64(sol.Makespan-sol.LowerBound)/float64(max(1, sol.LowerBound)))
	}
	r.Instances = len(insts)
	slices.Sort(walls)
	slices.Sort(gaps)
	r.MedianWall, r.MaxWall = walls[(len(walls)-1)/2], walls[len(walls)-1]
	r.MedianGap, r.WorstGap = gaps[(len(gaps)-1)/2], gaps[len(gaps)-1]
}
