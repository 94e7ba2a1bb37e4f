package main

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// runtimeChoice is what --runtime, --python, --spawn and --ties select:
// a deterministic simulator (model.Runtime) or Trio, whose answer is a
// distribution (model.Trio, model/SEMANTICS.md §S13).
type runtimeChoice struct {
	name string // as the JSON's "runtime" field names it
	rt   model.Runtime
	trio bool
}

// runtimeNames are the values of --runtime.
const runtimeNames = "asyncio, uvloop, trio, node"

// parseRuntimeFlags reads --runtime NAME with its modifiers: --python 3.MINOR
// and --spawn gather|taskgroup|eager (asyncio only) and --ties heapq|armed
// (asyncio; Trio is modelled with arming-order ties only).
func parseRuntimeFlags(name, python, spawn, ties string) (runtimeChoice, error) {
	c := runtimeChoice{name: name}
	switch name {
	case "asyncio":
		spec := "3.11"
		if python != "" {
			spec = python
		}
		if spawn != "" {
			spec += "/" + spawn
		} else {
			spec += "/gather"
		}
		if ties != "" {
			spec += "/" + ties
		}
		rt, err := model.ParseRuntime(spec)
		if err != nil {
			return c, fmt.Errorf("--runtime asyncio: %s", strings.TrimPrefix(err.Error(), fmt.Sprintf("runtime %q: ", spec)))
		}
		if rt.Version() == model.BaseMinor {
			rt.Minor = 0 // the zero Runtime is 3.11
		}
		c.rt = rt
		if rt != (model.Runtime{}) {
			c.name = "asyncio " + rt.String()
		}
	case "uvloop", "node":
		if python != "" || spawn != "" {
			return c, fmt.Errorf("--runtime %s takes neither --python nor --spawn (model/SEMANTICS.md §S14, §S15)", name)
		}
		rt, err := model.ParseRuntime(name)
		if err != nil {
			return c, fmt.Errorf("--runtime %s: %v", name, err)
		}
		if ties != "" {
			if rt.Ties, err = model.ParseTieRule(ties); err != nil {
				return c, fmt.Errorf("--runtime %s: %v", name, err)
			}
			c.name += "/" + ties
		}
		c.rt = rt
	case "trio":
		if python != "" || spawn != "" {
			return c, fmt.Errorf("--runtime trio takes neither --python nor --spawn (the model is Trio 0.22's run loop)")
		}
		if ties != "" && ties != "armed" {
			return c, fmt.Errorf("--runtime trio models equal deadlines in arming order only (--ties armed), not %q", ties)
		}
		c.trio = true
	default:
		return c, fmt.Errorf("unknown --runtime %q (want %s)", name, runtimeNames)
	}
	return c, nil
}

// trioResult is one policy's order under Trio with its distribution.
type trioResult struct {
	policy order.Policy
	order  []int
	dist   *model.Distribution
	// method and lower are best's method (order.MethodExhaustive or
	// order.MethodSearch) and, for the search, its proven lower bound.
	method order.Method
	lower  model.Duration
}

// trioReport applies the policies under Trio: every policy's order and
// the exact distribution of its makespan (or a seeded estimate with a 95 %
// interval past the model's state bound). best is the order with the least
// expected makespan, found by trying every order up to
// order.MaxExhaustive tasks (an order and its reverse have the same
// distribution, model.Trio), and beyond by order.SearchTrio, which reports
// the best found with a proven lower bound.
func trioReport(opts simulateOpts, w *model.Workload) ([]byte, error) {
	var rs []trioResult
	var trio model.Trio
	for _, p := range opts.policies {
		var ord []int
		var method order.Method
		if p == order.Best && len(w.Tasks) > order.MaxExhaustive {
			sol, err := order.SearchTrio(w, order.Limits{Nodes: opts.nodes, Time: opts.timeLimit})
			if err != nil {
				return nil, fmt.Errorf("%s: --order best: %s", opts.file, oneLine(err.Error()))
			}
			rs = append(rs, trioResult{p, sol.Order, sol.Dist, order.MethodSearch, sol.LowerBound})
			continue
		}
		if p == order.Best {
			method = order.MethodExhaustive
			var best *big.Rat
			var err error
			order.ForEachPerm(len(w.Tasks), func(q []int) {
				if err != nil {
					return
				}
				d, e := trio.Distribution(w, q)
				if e != nil {
					err = e
					return
				}
				if x := d.Expected(); best == nil || x.Cmp(best) < 0 {
					best, ord = x, append([]int(nil), q...)
				}
			})
			if err != nil {
				return nil, fmt.Errorf("%s: %s", opts.file, oneLine(err.Error()))
			}
		} else {
			c, err := order.Choose(w, p, order.Limits{})
			if err != nil {
				return nil, fmt.Errorf("%s: --order %s: %s", opts.file, p, oneLine(err.Error()))
			}
			ord = c.Order
		}
		d, err := trio.Distribution(w, ord)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", opts.file, oneLine(err.Error()))
		}
		rs = append(rs, trioResult{p, ord, d, method, 0})
	}
	if opts.json {
		return marshalTrio(w, rs), nil
	}
	return renderTrio(w, rs), nil
}

// expectedFinish is task t's expected finish time in ns.
func expectedFinish(d *model.Distribution, t int) *big.Rat {
	e := new(big.Rat)
	for _, o := range d.Outcomes {
		e.Add(e, new(big.Rat).Mul(o.P, new(big.Rat).SetInt64(int64(o.Finish[t]))))
	}
	return e
}

// marshalTrio writes the JSON contract for Trio: each result's "makespan"
// and "finish" are expectations, and it adds "distribution" (exact: every
// makespan with its probability, as a decimal) or "ci95" (an estimate).
func marshalTrio(w *model.Workload, rs []trioResult) []byte {
	u := unitOf(w)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"runtime\": \"trio\", \"unit\": %s,\n \"results\": [", jsonString(string(u)))
	for i, r := range rs {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  {\"policy\": %s, \"order\": [%s], \"makespan\": %s, \"finish\": {",
			jsonString(string(r.policy)), namesJSON(w, r.order), model.FormatRat(r.dist.Expected(), u))
		for t, task := range w.Tasks {
			if t > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s: %s", jsonString(task.Name), model.FormatRat(expectedFinish(r.dist, t), u))
		}
		b.WriteString("}")
		if r.method != "" {
			fmt.Fprintf(&b, ", \"method\": %s", jsonString(string(r.method)))
		}
		if r.method == order.MethodSearch {
			fmt.Fprintf(&b, ", \"lower_bound\": %s", model.Format(r.lower, u))
		}
		if r.dist.Exact {
			b.WriteString(", \"distribution\": [")
			for k, m := range r.dist.Makespans() {
				if k > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "{\"makespan\": %s, \"probability\": %s}", model.Format(m.Makespan, u), model.FormatRat(m.P, model.Nanosecond))
			}
			b.WriteString("]")
		} else if lo, hi, ok := r.dist.CI95(); ok {
			fmt.Fprintf(&b, ", \"ci95\": [%s, %s], \"samples\": %d", model.Format(lo, u), model.Format(hi, u), r.dist.Samples)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

func namesJSON(w *model.Workload, ord []int) string {
	s := make([]string, len(ord))
	for k, t := range ord {
		s[k] = jsonString(w.Tasks[t].Name)
	}
	return strings.Join(s, ", ")
}

// renderTrio is the text form: per policy the order, the expected makespan
// and the distribution of the makespan (or the estimate's interval).
func renderTrio(w *model.Workload, rs []trioResult) []byte {
	u := unitOf(w)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d %s under Trio 0.22 (each batch of runnable tasks runs in order or reversed, 1/2 each; equal deadlines in arming order); times in %s.\n\n",
		len(w.Tasks), plural(len(w.Tasks), "task", "tasks"), u)
	for _, r := range rs {
		names := make([]string, len(r.order))
		for k, t := range r.order {
			names[k] = w.Tasks[t].Name
		}
		fmt.Fprintf(&b, "%-7s %s: expected makespan %s\n", r.policy, strings.Join(names, " "), model.FormatRat(r.dist.Expected(), u))
		switch r.method {
		case order.MethodExhaustive:
			b.WriteString("        best: exhaustive (every start order's distribution)\n")
		case order.MethodSearch:
			gap := new(big.Rat).Sub(r.dist.Expected(), new(big.Rat).SetInt64(int64(r.lower)))
			fmt.Fprintf(&b, "        best: search with bound (local search over start orders, order.SearchTrio): best found %s, lower bound %s, gap %s\n",
				model.FormatRat(r.dist.Expected(), u), model.Format(r.lower, u), model.FormatRat(gap, u))
		}
		if r.dist.Exact {
			var parts []string
			for _, m := range r.dist.Makespans() {
				parts = append(parts, fmt.Sprintf("%s with probability %s", model.Format(m.Makespan, u), m.P.RatString()))
			}
			fmt.Fprintf(&b, "        makespan %s\n", strings.Join(parts, ", "))
		} else if lo, hi, ok := r.dist.CI95(); ok {
			fmt.Fprintf(&b, "        estimated from %d seeded runs; 95%% interval of the mean [%s, %s]\n", r.dist.Samples, model.Format(lo, u), model.Format(hi, u))
		}
	}
	return b.Bytes()
}

// methodLines says how best found its order on a runtime other than the
// base model (order.ChooseOn): exhaustively, or by the search with a
// proven bound, with what it found and proved.
func methodLines(w *model.Workload, outs []order.Outcome) string {
	u := unitOf(w)
	var b strings.Builder
	for _, o := range outs {
		switch o.Method {
		case order.MethodExhaustive:
			fmt.Fprintf(&b, "best: exhaustive (every order simulated on this runtime), optimal %s\n", model.Format(o.Result.Makespan, u))
		case order.MethodSearch:
			m := o.Result.Makespan
			fmt.Fprintf(&b, "best: search with bound (local search on this runtime's simulator, order.SearchWorkloadOn): best found %s, lower bound %s, gap %s\n",
				model.Format(m, u), model.Format(o.LowerBound, u), model.Format(m-o.LowerBound, u))
		}
	}
	return b.String()
}
