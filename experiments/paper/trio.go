package main

import (
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"time"

	"pgregory.net/rapid"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// The Trio step (model/SEMANTICS.md §S13) writes generated/trio-table.tex,
// the seed example under Trio (every start order's makespan distribution
// and expectation, from the model, checked against every coin path of
// real Trio, beside CPython's makespan), and the numbers of the Trio
// validation: on every Trio 0.22 interpreter (oracle.TrioInterpreters),
// Workloads cases of gen.AnyCase and Workloads/2 each of
// gen.EqualDeadlinesCase and gen.CanonicalCase from seed Seed, checked by
// oracle.Trio.Differential as oracle/trio_test.go does, and FitRuns
// seeded runs of each of oracle.TrioExamples and FitExtra generated
// workloads, fitted against the model (oracle.Trio.FitBatch).

// TrioTableConfig sizes the Trio step.
type TrioTableConfig struct {
	Workloads, FitRuns, FitExtra, Seed int
}

// DefaultTrio is the paper's configuration: 2,000 workloads and 20 fits
// of 1,000 runs per interpreter.
var DefaultTrio = TrioTableConfig{Workloads: 1000, FitRuns: 1000, FitExtra: 12, Seed: 1}

// QuickTrio is a small configuration for tests.
var QuickTrio = TrioTableConfig{Workloads: 4, FitRuns: 20, FitExtra: 0, Seed: 1}

// trioCheck is what every workload of the batch gets (oracle/trio_test.go's).
var trioCheck = oracle.TrioCheck{Seeded: 4, Unpatched: 2, Mock: true, SeedBase: 1}

// trioValidation is one interpreter's validation.
type trioValidation struct {
	it  oracle.TrioInterpreter
	a   oracle.TrioAgreement
	fit oracle.FitSummary
}

func runTrioValidation(c TrioTableConfig, progress io.Writer) ([]trioValidation, error) {
	its, err := oracle.TrioInterpreters()
	if err != nil {
		return nil, err
	}
	if len(its) == 0 {
		return nil, fmt.Errorf("no interpreter imports Trio %s; %s", oracle.TrioMinor, oracle.TrioInstallHint)
	}
	gens := []struct {
		name string
		g    *rapid.Generator[gen.Case]
		base int
		n    int
	}{{"any", gen.AnyCase(), c.Seed, c.Workloads}, {"equal-deadlines", gen.EqualDeadlinesCase(), c.Seed + 1_000_000, c.Workloads / 2}, {"canonical", gen.CanonicalCase(true), c.Seed + 2_000_000, c.Workloads / 2}}
	start := time.Now()
	var out []trioValidation
	for _, it := range its {
		p, err := oracle.StartTrio(oracle.TrioConfig{Python: it.Path})
		if err != nil {
			return nil, err
		}
		v := trioValidation{it: it}
		for _, g := range gens {
			ws := make([]*model.Workload, g.n)
			orders := make([][]int, g.n)
			for k := range ws {
				cs := g.g.Example(g.base + k)
				ws[k], orders[k] = cs.W, cs.Order
			}
			a, err := p.Differential(ws, orders, trioCheck)
			if err != nil {
				p.Close()
				return nil, err
			}
			if a.Mismatches > 0 {
				fmt.Fprintf(progress, "trio table: MISMATCH on Trio %s, %s: %d of %d workloads; the first:\n%s\n", it.Trio, g.name, a.Mismatches, a.Workloads, a.FirstReport)
			}
			v.a = addAgreements(v.a, a)
		}
		ws, orders := oracle.TrioExamples()
		for k := 5_000_001; len(ws) < 8+c.FitExtra; k++ {
			cs := gen.AnyCase().Example(k)
			d, err := model.TrioDistribution(cs.W, cs.Order)
			if err != nil {
				p.Close()
				return nil, err
			}
			if oracle.FitWorthy(d) {
				ws, orders = append(ws, cs.W), append(orders, cs.Order)
			}
		}
		fits, _, _, err := p.FitBatch(ws, orders, c.FitRuns, 1, model.Trio{}, true)
		if err != nil {
			p.Close()
			return nil, err
		}
		v.fit = oracle.Summarize(fits, 0.01)
		if err := p.Close(); err != nil {
			return nil, err
		}
		out = append(out, v)
		fmt.Fprintf(progress, "trio table: Trio %s on CPython %s: %d workloads, %d mismatches, fit p = %.3f, at %.1fs\n", it.Trio, it.Version, v.a.Workloads, v.a.Mismatches, v.fit.P, time.Since(start).Seconds())
	}
	return out, nil
}

// addAgreements sums the counts of two agreements (the deterministic ones:
// OffArmed depends on memory addresses and is left out).
func addAgreements(a, b oracle.TrioAgreement) oracle.TrioAgreement {
	a.Workloads += b.Workloads
	a.Tasks += b.Tasks
	a.Steps += b.Steps
	a.Exact += b.Exact
	a.Enumerated += b.Enumerated
	a.Paths += b.Paths
	a.MockEnumerated += b.MockEnumerated
	a.MockPaths += b.MockPaths
	a.SeededRuns += b.SeededRuns
	a.UnpatchedRuns += b.UnpatchedRuns
	a.UnpatchedSkipped += b.UnpatchedSkipped
	a.Mismatches += b.Mismatches
	return a
}

// ratTeX writes a probability as $\frac{p}{q}$, or 1.
func ratTeX(r *big.Rat) string {
	if r.IsInt() {
		return r.RatString()
	}
	return fmt.Sprintf("$\\frac{%s}{%s}$", r.Num(), r.Denom())
}

func trioStep(o *output, num *Numbers, c TrioTableConfig, progress io.Writer) error {
	if c.Workloads == 0 {
		c = DefaultTrio
	}
	vs, err := runTrioValidation(c, progress)
	if err != nil {
		return err
	}
	seed, _ := oracle.TrioExamples()
	w := seed[0]
	p, err := oracle.StartTrio(oracle.TrioConfig{Python: vs[0].it.Path})
	if err != nil {
		return err
	}
	defer p.Close()

	var tex strings.Builder
	tex.WriteString("% Generated by `go run ./experiments/paper` (trio.go); do not edit.\n")
	tex.WriteString("\\begin{tabular}{llrr}\n\\toprule\n")
	tex.WriteString("start order & Trio makespan (s) & Trio expected (s) & CPython (s) \\\\\n\\midrule\n")
	for _, names := range []string{"abc", "acb", "bac", "bca", "cab", "cba"} {
		order := make([]int, 0, 3)
		for _, ch := range names {
			order = append(order, int(ch-'a'))
		}
		d, err := model.TrioDistribution(w, order)
		if err != nil {
			return err
		}
		runs, err := p.Run(w, order, oracle.TrioRequest{Mode: oracle.TrioEnumerate, Ties: model.TiesArmed})
		if err != nil {
			return err
		}
		if got := oracle.PathDistribution(runs); fmt.Sprint(got.Outcomes) != fmt.Sprint(d.Outcomes) {
			return fmt.Errorf("seed example %s: Trio %s gives %v, the model %v", names, vs[0].it.Trio, got.Outcomes, d.Outcomes)
		}
		var cells []string
		for _, m := range d.Makespans() {
			cells = append(cells, fmt.Sprintf("%s (%s)", model.Format(m.Makespan, model.Second), ratTeX(m.P)))
		}
		stem := "TrioSeed" + strings.ToUpper(names)
		num.Add(stem+"Expected", model.FormatRat(d.Expected(), model.Second), "Trio model, seed example started "+names+": expected makespan (s), model/SEMANTICS.md S13")
		cpy := model.Format(model.Simulate(w, order).Makespan, model.Second)
		fmt.Fprintf(&tex, "%s & %s & \\%sExpected & %s \\\\\n", names, strings.Join(cells, ", "), stem, cpy)
	}
	tex.WriteString("\\bottomrule\n\\end{tabular}\n")
	if err := o.write("generated/trio-table.tex", []byte(tex.String())); err != nil {
		return err
	}

	var tot oracle.TrioAgreement
	fitTests, fitRuns := 0, 0
	minFitP := 1.0
	var versions []string
	for _, v := range vs {
		tot = addAgreements(tot, v.a)
		fitTests += v.fit.Tests
		fitRuns += v.fit.Runs
		minFitP = min(minFitP, v.fit.P)
		versions = append(versions, fmt.Sprintf("%s (CPython %s)", v.it.Trio, v.it.Version))
	}
	src := "Trio validation under the virtual clock (experiments/paper/trio.go, model/SEMANTICS.md S13)"
	num.Add("TrioVersions", strings.Join(versions, " and "), src+": the Trio releases compared")
	num.Add("TrioWorkloads", thousands(int64(tot.Workloads)), src+": workloads compared in all")
	num.Add("TrioEnumerated", thousands(int64(tot.Enumerated)), src+": workloads whose every coin path ran on Trio (arming-order ties)")
	num.Add("TrioPaths", thousands(int64(tot.Paths)), src+": coin paths run and replayed (arming-order ties)")
	num.Add("TrioMockPaths", thousands(int64(tot.MockPaths)), src+": coin paths run on the stock MockClock and replayed")
	num.Add("TrioSeededRuns", thousands(int64(tot.SeededRuns)), src+": runs with Trio's seeded random.Random replayed (arming-order ties)")
	num.Add("TrioUnpatchedRuns", thousands(int64(tot.UnpatchedRuns)), src+": runs with Trio's own id() ties checked against the arbitrary-tie support")
	num.Add("TrioMismatches", strconv.Itoa(tot.Mismatches), src+": workloads where the model and Trio differ")
	num.Add("TrioFitTests", strconv.Itoa(fitTests), src+": chi-square goodness-of-fit tests (arming-order ties)")
	num.Add("TrioFitRuns", thousands(int64(fitRuns)), src+": seeded runs in the goodness-of-fit tests")
	num.Add("TrioFitMinP", strconv.FormatFloat(minFitP, 'f', 3, 64), src+": smallest combined p-value of the interpreters' goodness-of-fit families")
	return nil
}
