package order

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"time"

	"github.com/gatherorder/gatherorder/model"
)

// TrioSolution is the best start order SearchTrio found under Trio, with
// what is proven about it.
type TrioSolution struct {
	Order []int
	// Dist is Order's distribution (exact, or a seeded estimate where the
	// enumeration is too large: model.Trio.Distribution).
	Dist *model.Distribution
	// LowerBound is a proven lower bound of every outcome's makespan in
	// every start order, hence of every expected makespan: WorkloadBounds
	// (BoundsTrio).
	LowerBound model.Duration
	Nodes      int64
}

// BoundsTrio is WorkloadBounds, which bounds every outcome of Trio's run in
// every start order (model/SEMANTICS.md §S13): one thread runs every cpu
// step for its duration; the first batch holds every task, so the leads
// run back to back from 0 (in start order or reversed, and the tail bound
// is the least over all lead orders) and all end before any task resumes;
// and a wait lasts at least its duration, Trio's clock having no
// resolution. A bound of every outcome bounds the expectation.
// TestBoundsTrioBoundEveryOutcome checks it against every outcome of every
// order of random workloads.
func BoundsTrio(w *model.Workload) Bounds { return WorkloadBounds(w) }

// SearchTrio is Best under Trio past MaxExhaustive tasks: a local search
// over start orders, each node one distribution (model.Trio.Distribution),
// from the given order, LongestIOFirst and the tasks by descending tail,
// improved by random insertion moves of up to moveWindow positions (seeded;
// a move is kept when the expected makespan does not rise), within
// lim.Nodes distributions (0: 200) and lim.Time. Expectations are compared
// exactly; where a distribution is an estimate the comparison is of
// estimates, and TrioSolution.Dist says so (Exact false).
func SearchTrio(w *model.Workload, lim Limits) (TrioSolution, error) {
	n := len(w.Tasks)
	if lim.Nodes == 0 {
		lim.Nodes = 200
	}
	var trio model.Trio
	start := time.Now()
	sol := TrioSolution{LowerBound: BoundsTrio(w).Max()}
	var bestE *big.Rat
	eval := func(ord []int) (*model.Distribution, *big.Rat, error) {
		sol.Nodes++
		d, err := trio.Distribution(w, ord)
		if err != nil {
			return nil, nil, err
		}
		return d, d.Expected(), nil
	}
	left := func() bool {
		return (lim.Nodes < 0 || sol.Nodes < lim.Nodes) && (lim.Time == 0 || time.Since(start) < lim.Time)
	}
	sh := shapes(w)
	for _, ord := range [][]int{Identity(n), LongestIOFirst(w), orderBy(n, func(j int) (model.Duration, model.Duration) { return -sh[j].tail, 0 })} {
		if sol.Order != nil && !left() {
			break
		}
		d, e, err := eval(ord)
		if err != nil {
			return sol, fmt.Errorf("trio: %w", err)
		}
		if bestE == nil || e.Cmp(bestE) < 0 {
			sol.Order, sol.Dist, bestE = ord, d, e
		}
	}
	if n < 2 {
		return sol, nil
	}
	rng := rand.New(rand.NewPCG(2, uint64(n)))
	cur, curE := append([]int(nil), sol.Order...), bestE
	try := make([]int, n)
	window := min(moveWindow, n-1)
	lb := new(big.Rat).SetInt64(int64(sol.LowerBound))
	for left() && bestE.Cmp(lb) > 0 {
		i := rng.IntN(n)
		k := i + 1 + rng.IntN(window)
		if rng.IntN(2) == 0 {
			k = i - 1 - rng.IntN(window)
		}
		if k < 0 || k >= n {
			continue
		}
		insertMove(try, cur, i, k)
		d, e, err := eval(try)
		if err != nil {
			return sol, fmt.Errorf("trio: %w", err)
		}
		if e.Cmp(curE) <= 0 {
			cur, try, curE = try, cur, e
			if e.Cmp(bestE) < 0 {
				sol.Order, sol.Dist, bestE = append([]int(nil), cur...), d, e
			}
		}
	}
	return sol, nil
}
