package oracle

import (
	"fmt"
	"math/big"
	"slices"
	"sync"

	"github.com/gatherorder/gatherorder/model"
)

// RuntimeReplayer replays single workloads on the real runtime of a model
// runtime, for the claims under it (props.Options.Replay with
// props.Options.Runtime): it starts the driver at its first call and is
// safe for concurrent use. Makespan is exact where the runtime runs under
// a virtual clock and measured on the wall clock otherwise (Real):
//
//   - CPython 3.8 to 3.13 with any spawn style and heapq ties: the
//     virtual-clock driver on the newest interpreter of that minor
//     version under PyenvVersions (3.11: Start's), exactly.
//   - CPython with armed ties: the virtual clock makes equal deadlines
//     exactly equal and breaks them by heapq (model/SEMANTICS.md §S12), so
//     a comparison replays exactly only where the two tie rules give the
//     model the same makespan; elsewhere Makespan is an error that says so
//     (Real replays it on the wall clock).
//   - Trio (Trio set): every coin path of the real Trio under the driver's
//     integer clock with arming-order ties (TrioEnumerate), whose exact
//     distribution gives the expected makespan, which must be an integer
//     number of ns.
//   - uvloop and Node.js (Real set): Real.Repeat wall-clock runs of the
//     workload as it is (the claims scale their libuv instances to 20 ms
//     per unit), and Makespan is the median run's makespan.
type RuntimeReplayer struct {
	// Runtime is the CPython runtime (any version, spawn, ties) or a libuv
	// loop; Trio overrides it.
	Runtime model.Runtime
	Trio    bool
	// Real replays on the wall clock (the libuv loops, and CPython with
	// either tie rule); Repeat runs per comparison (0: 3).
	Real   bool
	Repeat int
	// NodeBlockCPU runs Node.js's cpu steps as blocking waits
	// (NodeConfig.BlockCPU) instead of busy waits, which compete for a core
	// with the machine's load.
	NodeBlockCPU bool

	mu      sync.Mutex
	started bool
	err     error
	py      *Python
	trio    *Trio
	real    *Real
}

func (r *RuntimeReplayer) start() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.started {
		return r.err
	}
	r.started = true
	repeat := r.Repeat
	if repeat < 1 {
		repeat = 3
	}
	switch {
	case r.Trio:
		r.trio, r.err = StartTrio(TrioConfig{})
	case r.Runtime.Loop == model.UVLoop:
		if !r.Real {
			r.err = fmt.Errorf("uvloop runs on the wall clock only")
			break
		}
		r.real, r.err = StartUVLoop(repeat)
	case r.Runtime.Loop == model.Node:
		if !r.Real {
			r.err = fmt.Errorf("node runs on the wall clock only")
			break
		}
		r.real, r.err = StartNodeWith(NodeConfig{BlockCPU: r.NodeBlockCPU}, repeat)
	default:
		var c Config
		c, r.err = r.config()
		if r.err != nil {
			break
		}
		if r.Real {
			r.real, r.err = StartRealWith(c, repeat)
		} else {
			r.py, r.err = StartWith(c)
		}
	}
	return r.err
}

// config is the interpreter and spawn style of a CPython runtime.
func (r *RuntimeReplayer) config() (Config, error) {
	c := Config{Spawn: r.Runtime.Spawn}
	if v := r.Runtime.Version(); v != model.BaseMinor {
		its, err := InterpretersFor([]int{v})
		if err != nil {
			return c, err
		}
		c.Python = its[0].Path
	}
	return c, nil
}

// Makespan replays w in order and returns the makespan the real runtime
// gave (see RuntimeReplayer).
func (r *RuntimeReplayer) Makespan(w *model.Workload, order []int) (model.Duration, error) {
	if err := r.start(); err != nil {
		return 0, err
	}
	switch {
	case r.trio != nil:
		return r.trioExpected(w, order)
	case r.real != nil:
		ms, err := r.real.Measure(w, order)
		if err != nil {
			return 0, err
		}
		if len(ms) == 0 {
			return 0, fmt.Errorf("no run measured")
		}
		xs := make([]model.Duration, len(ms))
		for i, m := range ms {
			xs[i] = m.Makespan
		}
		slices.Sort(xs)
		return xs[len(xs)/2], nil
	}
	if r.Runtime.Ties == model.TiesArmed {
		heap := r.Runtime
		heap.Ties = model.TiesHeapq
		if a, h := r.Runtime.Simulate(w, order).Makespan, heap.Simulate(w, order).Makespan; a != h {
			return 0, fmt.Errorf("the tie rules give %d (armed) and %d (heapq) ns here, and the virtual clock breaks ties by heapq (model/SEMANTICS.md §S12): replay on the wall clock", a, h)
		}
	}
	res, err := r.py.Run(w, order)
	return res.Makespan, err
}

// trioExpected is the real Trio's expected makespan of w in order: the
// mean over every coin path, each of probability 2^-coins.
func (r *RuntimeReplayer) trioExpected(w *model.Workload, order []int) (model.Duration, error) {
	runs, err := r.trio.Run(w, order, TrioRequest{Mode: TrioEnumerate, Ties: model.TiesArmed})
	if err != nil {
		return 0, err
	}
	sum, mass := new(big.Rat), new(big.Rat)
	for _, run := range runs {
		p := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Lsh(big.NewInt(1), uint(len(run.Coins))))
		mass.Add(mass, p)
		sum.Add(sum, new(big.Rat).Mul(p, new(big.Rat).SetInt64(int64(run.Makespan))))
	}
	if mass.Cmp(big.NewRat(1, 1)) != 0 {
		return 0, fmt.Errorf("trio: the coin paths' probabilities sum to %s, not 1", mass.RatString())
	}
	if !sum.IsInt() || !sum.Num().IsInt64() {
		return 0, fmt.Errorf("trio: expected makespan %s ns is not an integer", sum.RatString())
	}
	return model.Duration(sum.Num().Int64()), nil
}

// Close stops the driver if one was started.
func (r *RuntimeReplayer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.py != nil:
		return r.py.Close()
	case r.trio != nil:
		return r.trio.Close()
	case r.real != nil:
		return r.real.Close()
	}
	return nil
}
