package main

import (
	"bytes"
	"fmt"
	"math/big"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// checkLimit refuses a workload with a limit on a runtime whose bounded
// gathers are not modelled (model/SEMANTICS.md §S17.5): one line naming
// the file.
func checkLimit(opts simulateOpts, w *model.Workload) error {
	if !w.Limit.Bounded() {
		return nil
	}
	if opts.runtime.trio {
		return fmt.Errorf("%s: limit: a limit (%s) on --runtime trio is not modelled: Trio has no asyncio.Semaphore or asyncio.Queue (model/SEMANTICS.md §S17.5)", opts.file, w.Limit)
	}
	if err := opts.runtime.rt.SupportsLimit(w.Limit); err != nil {
		return fmt.Errorf("%s: limit: %v", opts.file, err)
	}
	return nil
}

// limitNote is the text report's paragraph on a limited workload: what the
// limit is, how Best searched, and what the best order saves against the
// given one, e.g. "under Semaphore(2), the best order saves 3 s (25 %)
// against the given order".
func limitNote(w *model.Workload, outs []order.Outcome) []byte {
	if !w.Limit.Bounded() {
		return nil
	}
	u := unitOf(w)
	var b bytes.Buffer
	what := "every coroutine runs inside `async with sem:`, one asyncio.Semaphore(" + fmt.Sprint(w.Limit.K) + ") shared by the gather"
	if w.Limit.Kind == model.Workers {
		what = fmt.Sprintf("%d worker tasks take the coroutines in gather order from an asyncio.Queue", w.Limit.K)
	}
	fmt.Fprintf(&b, "Limit: %s (model/SEMANTICS.md §S17).\n"+
		"In the timelines, a task waiting for a slot shows as ready (.).\n", what)
	var given, best *order.Outcome
	for i := range outs {
		switch outs[i].Policy {
		case order.Given:
			given = &outs[i]
		case order.Best:
			best = &outs[i]
		}
	}
	if best == nil {
		return append(b.Bytes(), '\n')
	}
	proof := "proven optimal"
	if !best.Optimal {
		proof = fmt.Sprintf("not proven optimal: every order takes at least %s %s", model.Format(best.LowerBound, u), u)
	}
	fmt.Fprintf(&b, "best: %s, %s.\n", best.Method, proof)
	if given != nil {
		g, m := given.Result.Makespan, best.Result.Makespan
		fmt.Fprintf(&b, "Under %s, the best order saves %s %s (%s) against the given order.\n",
			w.Limit, model.Format(g-m, u), u, percent(g-m, g))
	}
	return append(b.Bytes(), '\n')
}

// percent is 100·x/of with one decimal, exact (rounded half up), "0 %"
// when of is 0; 0 <= x <= of.
func percent(x, of model.Duration) string {
	if of == 0 {
		return "0 %"
	}
	t := new(big.Int).Mul(big.NewInt(int64(x)), big.NewInt(2000))
	t.Add(t, big.NewInt(int64(of)))
	t.Quo(t, big.NewInt(2*int64(of))) // round(1000·x/of)
	tenths := t.Int64()
	return fmt.Sprintf("%d.%d %%", tenths/10, tenths%10)
}
