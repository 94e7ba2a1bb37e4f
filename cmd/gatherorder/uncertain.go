package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// defaultSamples is the number of scenarios simulate draws for a workload
// with random durations when --samples is not given.
const defaultSamples = 1000

// defaultSeed is --seed's default.
const defaultSeed = 1

// The PCG streams of the two scenario sets (model.Draw): the fitting set
// every policy (and best's search) is evaluated on, and the fresh,
// independent set of the same size and seed that shows over-fitting.
const (
	fitStream   = 0
	freshStream = 1
)

const uncertainUsage = `
  Random durations (model/SEMANTICS.md §S16): a step's duration may be
  {"samples": [...]}, {"median": m, "p95": p} or {"min": a, "max": b}.
  Such a workload, or any workload with --samples, is answered on N joint
  scenarios (--samples N, default 1000 for random durations; at least 2)
  drawn with --seed S (default 1; PCG stream 0), every order on the same
  scenarios, and again on N fresh scenarios (same seed, PCG stream 1).
  Each policy reports expected (the mean makespan), ci95 (normal
  approximation, mean ± 1.96·s/√N), p50 and p95 (nearest rank) and
  p_beats_given (the fraction of scenarios strictly faster than given;
  ties do not count). Policies: given, lif-mean, lif-median, sif-mean,
  sif-median, ltf-mean, ltf-median (lif, sif, ltf are the by-mean ones)
  and best, which minimises --objective mean|p95 (default mean) on the
  fitting scenarios: over all orders up to 8 tasks, else by insertion
  local search, within --time-limit and --nodes (orders evaluated). all
  is given, lif-mean, lif-median, sif-mean, best. A workload of constant
  durations keeps its policies and answer, with the estimates added.`

// uncertainOpts are simulate's flags for random durations.
type uncertainOpts struct {
	samples   int    // 0: not given
	seed      uint64 // --seed
	objective order.Objective
	list      string // --order as given
	byName    bool   // --order names a by-mean or by-median policy
}

// wantsUncertain reports whether w is answered on scenarios: its
// durations are random, or --samples or a by-mean or by-median policy
// asks for it.
func (o simulateOpts) wantsUncertain(w *model.Workload) bool {
	return w.Uncertain() || o.unc.samples > 0 || o.unc.byName
}

// parseUncertainPolicies reads --order for the scenario path: the
// constant workload's names as parsePolicies reads them (so that a
// constant workload keeps today's orders), and the by-mean and by-median
// names, "all" being the constant policies or order.UncertainPolicies.
func parseUncertainPolicies(list string, uncertain bool) ([]order.Policy, error) {
	return policyList(list, func(name string) ([]order.Policy, error) {
		p := order.Policy(name)
		switch {
		case name == "all" && uncertain:
			return order.UncertainPolicies, nil
		case name == "all":
			return order.Policies, nil
		case uncertain && slices.Contains(order.AllUncertainPolicies, order.ByMean(p)):
			return []order.Policy{order.ByMean(p)}, nil
		case !uncertain && (slices.Contains(order.AllPolicies, p) || slices.Contains(order.AllUncertainPolicies, p)):
			return []order.Policy{p}, nil
		}
		return nil, fmt.Errorf("unknown --order %q for random durations (want given, lif-mean, lif-median, sif-mean, sif-median, ltf-mean, ltf-median, best or all, or a comma list of them)", name)
	})
}

// uncertainResult is one policy's answer on the scenarios.
type uncertainResult struct {
	choice order.UncertainChoice
	// exact is today's outcome for a constant workload's own policies
	// (nil otherwise).
	exact      *order.Outcome
	fit, fresh order.Estimate
}

// uncertainReport answers w on scenarios (model/SEMANTICS.md §S16).
func uncertainReport(opts simulateOpts, w *model.Workload) ([]byte, error) {
	if opts.runtime.trio {
		return nil, fmt.Errorf("%s: --runtime trio: random durations are answered on the asyncio, uvloop and node runtimes only", opts.file)
	}
	n := opts.unc.samples
	if n == 0 {
		n = defaultSamples
	}
	uncertain := w.Uncertain()
	ps, err := parseUncertainPolicies(opts.unc.list, uncertain)
	if err != nil {
		return nil, err
	}
	fitS, err := model.Draw(w, n, opts.unc.seed, fitStream)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", opts.file, oneLine(err.Error()))
	}
	freshS, err := model.Draw(w, n, opts.unc.seed, freshStream)
	if err != nil {
		return nil, fmt.Errorf("%s: fresh scenarios: %s", opts.file, oneLine(err.Error()))
	}
	rt := opts.runtime.rt
	fit, fresh := order.NewEvaluator(fitS, rt), order.NewEvaluator(freshS, rt)
	id := order.Identity(len(w.Tasks))
	givenFit, givenFresh := fit.Makespans(id, nil), fresh.Makespans(id, nil)
	lim := order.Limits{Nodes: opts.nodes, Time: opts.timeLimit}
	var rs []uncertainResult
	var buf []model.Duration
	for _, p := range ps {
		var r uncertainResult
		if !uncertain && slices.Contains(order.AllPolicies, p) {
			c, err := order.ChooseOn(w, p, lim, rt)
			if err != nil {
				return nil, fmt.Errorf("%s: --order %s: %s", opts.file, p, oneLine(err.Error()))
			}
			out := c.OutcomeOn(w, rt, false)
			r.exact = &out
			r.choice = order.UncertainChoice{Policy: p, Order: c.Order, Optimal: out.Optimal}
		} else {
			c, err := order.ChooseUncertain(w, p, fit, lim, opts.unc.objective)
			if err != nil {
				return nil, fmt.Errorf("%s: --order %s: %s", opts.file, p, oneLine(err.Error()))
			}
			r.choice = c
		}
		buf = fit.Makespans(r.choice.Order, buf)
		r.fit = order.Summarize(buf, givenFit)
		buf = fresh.Makespans(r.choice.Order, buf)
		r.fresh = order.Summarize(buf, givenFresh)
		rs = append(rs, r)
	}
	if opts.json {
		return marshalUncertain(w, rs, opts, n), nil
	}
	return renderUncertain(opts, w, rs, n)
}

// ratio formats the exact fraction r rounded half up to 6 decimals,
// trailing zeros dropped.
func ratio(r *big.Rat) string {
	scaled := new(big.Rat).Mul(r, big.NewRat(1_000_000, 1))
	scaled.Add(scaled, big.NewRat(1, 2))
	q := new(big.Int).Quo(scaled.Num(), scaled.Denom())
	s := new(big.Rat).SetFrac(q, big.NewInt(1_000_000)).FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func estimateJSON(b *bytes.Buffer, e order.Estimate, u model.Unit) {
	fmt.Fprintf(b, "\"expected\": %s, \"ci95\": [%s, %s], \"p50\": %s, \"p95\": %s, \"p_beats_given\": %s",
		model.Format(e.Expected, u), model.Format(e.CI95[0], u), model.Format(e.CI95[1], u),
		model.Format(e.P50, u), model.Format(e.P95, u), ratio(e.PBeatsGiven()))
}

// marshalUncertain writes the JSON of the scenario path:
//
//	{"runtime": "asyncio", "unit": "s", "samples": 1000, "seed": 1, "objective": "mean",
//	 "results": [{"policy": "given", "order": ["a", "b"],
//	              "expected": 9.1, "ci95": [9, 9.2], "p50": 9, "p95": 10, "p_beats_given": 0,
//	              "fresh": {"expected": ..., "ci95": [...], "p50": ..., "p95": ..., "p_beats_given": ...}}, ...]}
//
// For a constant workload's own policies each result also has today's
// "makespan", "finish" and, for best, "optimal" and "lower_bound"; for
// random durations best has "optimal" (the search covered every order on
// the fitting scenarios) and "search" (its method).
func marshalUncertain(w *model.Workload, rs []uncertainResult, opts simulateOpts, n int) []byte {
	u := unitOf(w)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"runtime\": %s, \"unit\": %s,%s \"samples\": %d, \"seed\": %d, \"objective\": %s,\n \"results\": [",
		jsonString(opts.runtime.name), jsonString(string(u)), limitJSON(w), n, opts.unc.seed, jsonString(string(opts.unc.objective)))
	for i, r := range rs {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  {\"policy\": %s, \"order\": [%s], ", jsonString(string(r.choice.Policy)), namesJSON(w, r.choice.Order))
		if o := r.exact; o != nil {
			outcomeJSON(&b, w, *o)
			b.WriteString(", ")
		} else if r.choice.Policy == order.Best {
			fmt.Fprintf(&b, "\"optimal\": %v, \"search\": %s, ", r.choice.Optimal, jsonString(r.choice.Method))
		}
		estimateJSON(&b, r.fit, u)
		b.WriteString(", \"fresh\": {")
		estimateJSON(&b, r.fresh, u)
		b.WriteString("}}")
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// renderUncertain is the text of the scenario path: for a constant
// workload today's report followed by the estimates; for random durations
// a header and the estimates table.
func renderUncertain(opts simulateOpts, w *model.Workload, rs []uncertainResult, n int) ([]byte, error) {
	u := unitOf(w)
	var b bytes.Buffer
	if rs[0].exact != nil && !w.Uncertain() {
		outs := make([]order.Outcome, 0, len(rs))
		for _, r := range rs {
			if r.exact == nil {
				continue
			}
			o := *r.exact
			if drawable(w) {
				o = order.Choice{Policy: o.Policy, Order: o.Order, Optimal: o.Optimal, LowerBound: o.LowerBound}.OutcomeOn(w, opts.runtime.rt, true)
			}
			outs = append(outs, o)
		}
		if opts.runtime.rt != (model.Runtime{}) {
			b.WriteString("runtime: " + opts.runtime.name + "\n")
		}
		if w.Limit.Bounded() {
			b.WriteString("limit: " + w.Limit.String() + " (model/SEMANTICS.md §S17)\n")
		}
		b.Write(renderText(w, outs))
		b.WriteString("\n")
	} else {
		names := make([]string, len(w.Tasks))
		for i, t := range w.Tasks {
			names[i] = displayName(t.Name)
		}
		if opts.runtime.rt != (model.Runtime{}) {
			b.WriteString("runtime: " + opts.runtime.name + "\n")
		}
		if w.Limit.Bounded() {
			b.WriteString("limit: " + w.Limit.String() + " (model/SEMANTICS.md §S17)\n")
		}
		fmt.Fprintf(&b, "%d %s in gather order %s; times in %s; random durations (model/SEMANTICS.md §S16).\n",
			len(w.Tasks), plural(len(w.Tasks), "task", "tasks"), listOrNone(names, order.Identity(len(w.Tasks)), ", "), u)
	}
	fmt.Fprintf(&b, "Estimates on %d scenarios drawn with seed %d (stream %d), and on %d fresh ones (stream %d);\n", n, opts.unc.seed, fitStream, n, freshStream)
	fmt.Fprintf(&b, "best minimises the %s makespan on the first set.\n\n", opts.unc.objective)
	names := make([]string, len(w.Tasks))
	for i, t := range w.Tasks {
		names[i] = displayName(t.Name)
	}
	full := listsInFull(names)
	var tb bytes.Buffer
	tw := tabwriter.NewWriter(&tb, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "policy\tgather order\texpected\tci95\tp50\tp95\tP(beats given)\tfresh: expected\tci95\tp95\tP(beats given)\t")
	for _, r := range rs {
		ord := abridged(names, r.choice.Order, " ")
		if full {
			ord = listOrNone(names, r.choice.Order, " ")
		}
		f, g := r.fit, r.fresh
		note := ""
		if r.choice.Policy == order.Best && r.exact == nil {
			note = r.choice.Method
			if r.choice.Optimal {
				note += ", optimal on the first set"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t[%s, %s]\t%s\t%s\t%s\t%s\t[%s, %s]\t%s\t%s\t%s\n", r.choice.Policy, ord,
			model.Format(f.Expected, u), model.Format(f.CI95[0], u), model.Format(f.CI95[1], u), model.Format(f.P50, u), model.Format(f.P95, u), ratio(f.PBeatsGiven()),
			model.Format(g.Expected, u), model.Format(g.CI95[0], u), model.Format(g.CI95[1], u), model.Format(g.P95, u), ratio(g.PBeatsGiven()), note)
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(tb.String(), "\n") {
		b.WriteString(strings.TrimRight(line, " \n"))
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.Bytes(), nil
}

var errFewSamples = errors.New("--samples must be at least 2 (a confidence interval needs two scenarios)")
