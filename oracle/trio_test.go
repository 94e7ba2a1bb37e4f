package oracle_test

// Differential tests of the Trio model (model.Trio; model/SEMANTICS.md §S13)
// against real Trio 0.22 under the virtual clock.
//
// Claims, for every workload W and start order σ drawn by the generators
// of package internal/gen, and for every Trio 0.22 interpreter on the
// machine (pyenv's CPython 3.11 with Trio 0.22.2, Debian's /usr/bin/python3
// with python3-trio 0.22.0):
//
//  1. every run of Trio is the model's run with the same coins: the same
//     finish times, makespan and CPU segments (model.Trio.Path), whether
//     the coins are scripted, enumerated or drawn by Trio's own seeded
//     random.Random;
//  2. with equal deadlines expiring in arming order (the driver's patch,
//     the model's rule), Trio's exact distribution (every coin path, each
//     of probability 2^-coins) equals the model's, probability for
//     probability; on the stock trio.testing.MockClock too, where it
//     applies (no io);
//  3. with Trio's own tie key (id(cancel_scope)), every outcome lies in
//     the model's support under arbitrary ties (model.Trio.Support with
//     model.TiesHeapq);
//  4. the outcome frequencies of seeded runs pass Pearson's chi-square
//     test against the model's distribution (TestTrioGoodnessOfFit states
//     the test and its level), and the same data reject wrong
//     distributions (the test can fail).
//
// Seeds are fixed, so every run checks the same cases and runs, except
// claim 3's, whose tie orders follow memory addresses. The quick run
// checks a few hundred workloads; GATHERORDER_VERIFY=1 more than 20,000.

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/internal/verify"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
	"pgregory.net/rapid"
)

// debianPython is where Debian's python3-trio installs Trio.
const debianPython = "/usr/bin/python3"

// trioInterpreters are the Trio 0.22 interpreters the tests require:
// pyenv's (Trio 0.22.2) and Debian's (python3-trio); a missing one fails
// by name.
func trioInterpreters(t *testing.T) []oracle.TrioInterpreter {
	t.Helper()
	its, err := oracle.TrioInterpreters()
	if err != nil {
		t.Fatal(err)
	}
	var pyenv, debian bool
	for _, it := range its {
		pyenv = pyenv || strings.HasPrefix(it.Path, oracle.PyenvVersions())
		debian = debian || it.Path == debianPython
	}
	if !pyenv {
		t.Fatalf("no CPython under %s imports Trio 0.22; %s", oracle.PyenvVersions(), oracle.TrioInstallHint)
	}
	if !debian {
		t.Fatalf("%s does not import Trio 0.22 (run scripts/setup.sh, which installs python3-trio); %s", debianPython, oracle.TrioInstallHint)
	}
	return its
}

var trios struct {
	sync.Mutex
	m map[string]*oracle.Trio
}

// startTrio returns the shared driver of it (the processes end with the
// test binary).
func startTrio(t *testing.T, it oracle.TrioInterpreter) *oracle.Trio {
	t.Helper()
	trios.Lock()
	defer trios.Unlock()
	if p, ok := trios.m[it.Path]; ok {
		return p
	}
	p, err := oracle.StartTrio(oracle.TrioConfig{Python: it.Path})
	if err != nil {
		t.Fatal(err)
	}
	if trios.m == nil {
		trios.m = map[string]*oracle.Trio{}
	}
	trios.m[it.Path] = p
	return p
}

func trioName(it oracle.TrioInterpreter) string {
	return fmt.Sprintf("trio-%s-cpython-%s", it.Trio, it.Version)
}

// makespanString renders a distribution's makespans as "7: 1/2, 9: 1/2"
// in seconds.
func makespanString(d *model.Distribution) string {
	var parts []string
	for _, m := range d.Makespans() {
		parts = append(parts, model.Format(m.Makespan, model.Second)+": "+m.P.RatString())
	}
	return strings.Join(parts, ", ")
}

// Claim: on real Trio the seed example's makespan is 7 or 9 s (½ each)
// started abc or cba, 8 or 9 s started acb or bca, 8 s started bac or cab,
// and the model gives the same distributions, outcome for outcome
// (model/SEMANTICS.md §S13).
func TestTrioSeedExample(t *testing.T) {
	w := seedWorkload()
	for _, it := range trioInterpreters(t) {
		t.Run(trioName(it), func(t *testing.T) {
			t.Parallel()
			p := startTrio(t, it)
			for _, c := range []struct{ order, want string }{
				{"abc", "7: 1/2, 9: 1/2"}, {"cba", "7: 1/2, 9: 1/2"},
				{"acb", "8: 1/2, 9: 1/2"}, {"bca", "8: 1/2, 9: 1/2"},
				{"bac", "8: 1"}, {"cab", "8: 1"},
			} {
				var order []int
				for _, ch := range c.order {
					order = append(order, slices.IndexFunc(w.Tasks, func(tk model.Task) bool { return tk.Name == string(ch) }))
				}
				runs, err := p.Run(w, order, oracle.TrioRequest{Mode: oracle.TrioEnumerate, Ties: model.TiesArmed})
				if err != nil {
					t.Fatal(err)
				}
				got := oracle.PathDistribution(runs)
				m, err := model.TrioDistribution(w, order)
				if err != nil {
					t.Fatal(err)
				}
				if makespanString(got) != c.want || makespanString(m) != c.want {
					t.Errorf("%s: Trio %s, model %s; want %s", c.order, makespanString(got), makespanString(m), c.want)
				}
				if fmt.Sprint(got.Outcomes) != fmt.Sprint(m.Outcomes) {
					t.Errorf("%s: Trio's outcomes %v, the model's %v", c.order, got.Outcomes, m.Outcomes)
				}
			}
		})
	}
}

// trioCases draws n cases of g from seeds base, base+1, ...
func trioCases(g *rapid.Generator[gen.Case], base, n int) ([]*model.Workload, [][]int) {
	ws := make([]*model.Workload, n)
	orders := make([][]int, n)
	for k := range ws {
		c := g.Example(base + k)
		ws[k], orders[k] = c.W, c.Order
	}
	return ws, orders
}

// trioDiff runs Differential and fails with the first mismatch.
func trioDiff(t *testing.T, p *oracle.Trio, name string, ws []*model.Workload, orders [][]int, c oracle.TrioCheck) oracle.TrioAgreement {
	t.Helper()
	began := time.Now()
	a, err := p.Differential(ws, orders, c)
	if err != nil {
		t.Fatal(err)
	}
	if a.Mismatches > 0 {
		t.Fatalf("%s: model and Trio %s disagree on %d of %d workloads; the first:\n%s", name, p.Version, a.Mismatches, a.Workloads, a.FirstReport)
	}
	t.Logf("%s: %d workloads (%d tasks, %d steps; %d exact) agree with Trio %s on CPython %s: %d enumerated (%d coin paths), %d on MockClock (%d paths), %d seeded runs replayed, %d runs with Trio's own ties in the arbitrary-tie support (%d of them outside the arming-order support, %d unchecked); %v",
		name, a.Workloads, a.Tasks, a.Steps, a.Exact, p.Version, p.Python, a.Enumerated, a.Paths, a.MockEnumerated, a.MockPaths, a.SeededRuns, a.UnpatchedRuns, a.OffArmed, a.UnpatchedSkipped, time.Since(began).Round(time.Millisecond))
	return a
}

// Claims 1 to 3 on the three generators of differential_test.go, on
// every Trio interpreter: 220 workloads on pyenv's Trio 0.22.2 and 55 on
// Debian's in the quick run, 20,000 and 5,000 under GATHERORDER_VERIFY=1.
func TestTrioDifferential(t *testing.T) {
	for _, it := range trioInterpreters(t) {
		t.Run(trioName(it), func(t *testing.T) {
			t.Parallel()
			p := startTrio(t, it)
			scale := 1
			if it.Path == debianPython {
				scale = 4
			}
			check := oracle.TrioCheck{Seeded: 4, Unpatched: 2, Mock: true, SeedBase: 1}
			total := 0
			for _, g := range []struct {
				name        string
				g           *rapid.Generator[gen.Case]
				base        int
				quick, long int
			}{
				{"any", gen.AnyCase(), 1, 120, 12000},
				{"equal-deadlines", gen.EqualDeadlinesCase(), 1_000_001, 80, 6000},
				{"canonical", gen.CanonicalCase(true), 2_000_001, 20, 2000},
			} {
				ws, orders := trioCases(g.g, g.base, verify.Pick(g.quick, g.long)/scale)
				a := trioDiff(t, p, g.name, ws, orders, check)
				total += a.Workloads
			}
			t.Logf("%d workloads in all", total)
		})
	}
}

// trioFitCases are the goodness-of-fit workloads: oracle.TrioExamples
// and the first n cases of gen.AnyCase (from seed 5,000,001) that
// oracle.FitWorthy accepts.
func trioFitCases(t *testing.T, n int) ([]*model.Workload, [][]int) {
	t.Helper()
	ws, orders := oracle.TrioExamples()
	g := gen.AnyCase()
	for k := 5_000_001; n > 0; k++ {
		cs := g.Example(k)
		d, err := model.TrioDistribution(cs.W, cs.Order)
		if err != nil {
			t.Fatal(err)
		}
		if oracle.FitWorthy(d) {
			ws, orders = append(ws, cs.W), append(orders, cs.Order)
			n--
		}
	}
	return ws, orders
}

// fitAlpha is the family-wise significance level of the goodness-of-fit
// tests.
const fitAlpha = 0.01

// Claim 4. The test: for each workload, N runs of Trio with arming-order
// ties, each with its own seed for Trio's random.Random (seeds 1, 2, ...,
// on Debian's Trio from 1,000,000,001;
// runs of different seeds are independent draws; oracle.Trio.FitBatch; on
// the stock trio.testing.MockClock for the workloads without io, on the
// driver's integer clock for the others), and Pearson's
// chi-square statistic of the observed outcomes (finish vectors) against
// the model's exact probabilities, outcomes expected fewer than 5 times
// pooled (oracle.FitRuns). A run outside the model's support fails at
// once. The family of tests passes at family-wise level α = 0.01 when the
// combined statistic (their sum, chi-square with the summed degrees of
// freedom) has p ≥ α/2 and every test p ≥ α/(2m) for m tests (Bonferroni;
// oracle.Summarize). N is 200 in the quick run (on Debian's Trio, 100),
// 2,000 under GATHERORDER_VERIFY=1, with 8 (Debian's: 2) or 40 generated
// workloads besides the fixed 8. The seeds are fixed, so the verdict is the same
// on every run: the test cannot flake, and the power check below shows
// that it can fail.
//
// Power: the same runs must reject two wrong models: every outcome of the
// support equally likely (on the workloads whose probabilities differ),
// and a coin that runs the first batch in start order always (the
// asyncio-like order), which gives some observed outcomes probability 0.
func TestTrioGoodnessOfFit(t *testing.T) {
	for _, it := range trioInterpreters(t) {
		t.Run(trioName(it), func(t *testing.T) {
			t.Parallel()
			p := startTrio(t, it)
			n := verify.Pick(200, 2000)
			extra := verify.Pick(8, 40)
			seedBase := uint64(1)
			if it.Path == debianPython {
				// Seeds of its own: with pyenv's seeds Debian's Trio repeats
				// pyenv's runs exactly, run for run.
				n, extra, seedBase = verify.Pick(100, 2000), verify.Pick(2, 40), 1_000_000_001
			}
			ws, orders := trioFitCases(t, extra)
			began := time.Now()
			fits, dists, runs, err := p.FitBatch(ws, orders, n, seedBase, model.Trio{}, true)
			if err != nil {
				t.Fatal(err)
			}
			var uniformFits, firstFIFOFits []oracle.Fit
			for k, w := range ws {
				d, f := dists[k], fits[k]
				t.Logf("workload %d (%d outcomes): X² = %.2f, df %d, p = %.3f", k, len(d.Outcomes), f.Stat, f.DF, f.P)
				if u := uniformOver(d); u != nil {
					uf, _ := oracle.FitRuns(u, runs[k])
					uniformFits = append(uniformFits, uf)
				}
				if ff := firstBatchFIFO(t, w, orders[k]); ff != nil {
					fifo, _ := oracle.FitRuns(ff, runs[k])
					firstFIFOFits = append(firstFIFOFits, fifo)
				}
			}
			s := oracle.Summarize(fits, fitAlpha)
			t.Logf("%d tests, %d runs (%v): combined X² = %.1f, df %d, p = %.3f; smallest p %.4f (Bonferroni bound %.5f); pass %v",
				s.Tests, s.Runs, time.Since(began).Round(time.Millisecond), s.Stat, s.DF, s.P, s.MinP, fitAlpha/(2*float64(s.Tests)), s.Pass)
			if !s.Pass {
				t.Fatalf("the model's distributions fail the goodness-of-fit test at α = %g: %+v", fitAlpha, s)
			}
			for _, alt := range []struct {
				name string
				fits []oracle.Fit
			}{{"every outcome equally likely", uniformFits}, {"first batch always in start order", firstFIFOFits}} {
				as := oracle.Summarize(alt.fits, fitAlpha)
				t.Logf("wrong model %q: %d tests, %d runs outside, combined p = %.2g, smallest p = %.2g: rejected %v", alt.name, as.Tests, as.Outside, as.P, as.MinP, !as.Pass)
				if as.Pass {
					t.Errorf("the test cannot tell the wrong model %q from Trio: %+v", alt.name, as)
				}
			}
		})
	}
}

// uniformOver is d with every outcome equally likely, or nil when d's
// outcomes are equally likely already.
func uniformOver(d *model.Distribution) *model.Distribution {
	u := &model.Distribution{Exact: true, Outcomes: slices.Clone(d.Outcomes)}
	differ := false
	for i := range u.Outcomes {
		u.Outcomes[i].P = big.NewRat(1, int64(len(u.Outcomes)))
		differ = differ || u.Outcomes[i].P.Cmp(d.Outcomes[i].P) != 0
	}
	if !differ {
		return nil
	}
	return u
}

// firstBatchFIFO is the distribution of a Trio whose first batch always
// runs in start order (later batches fair): the model's paths whose first
// coin is false, with doubled probability. It is nil when the first batch
// holds fewer than two tasks.
func firstBatchFIFO(t *testing.T, w *model.Workload, order []int) *model.Distribution {
	t.Helper()
	if len(w.Tasks) < 2 {
		return nil
	}
	if order == nil {
		order = make([]int, len(w.Tasks))
		for i := range order {
			order[i] = i
		}
	}
	// Every coin path with the first coin false, depth first: run a prefix
	// and false after it; each false past the prefix opens a sibling.
	var runs []oracle.TrioRun
	stack := [][]bool{{false}}
	for len(stack) > 0 {
		prefix := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		k := 0
		r, cs, err := model.Trio{}.PathFunc(w, order, func() bool {
			k++
			return k <= len(prefix) && prefix[k-1]
		})
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, oracle.TrioRun{Coins: cs, Finish: r.Finish, Makespan: r.Makespan})
		for j := len(cs) - 1; j >= len(prefix); j-- {
			stack = append(stack, append(slices.Clone(cs[:j]), true))
		}
	}
	d := oracle.PathDistribution(runs)
	// The first coin is forced: every path is twice as likely.
	for i := range d.Outcomes {
		d.Outcomes[i].P.Mul(d.Outcomes[i].P, big.NewRat(2, 1))
	}
	return d
}

// The driver refuses what it cannot run: io on MockClock, and the Go
// side an order that is not a permutation, with errors that say so.
func TestTrioDriverErrors(t *testing.T) {
	p := startTrio(t, trioInterpreters(t)[0])
	w := &model.Workload{Tasks: []model.Task{{Name: "a", Steps: []model.Step{{Kind: model.IO, D: 1}}}}}
	if _, err := p.Run(w, nil, oracle.TrioRequest{Mock: true, Ties: model.TiesArmed}); err == nil || !strings.Contains(err.Error(), "io") {
		t.Errorf("io on MockClock: %v", err)
	}
	if _, err := p.Run(w, []int{1}, oracle.TrioRequest{Ties: model.TiesArmed}); err == nil {
		t.Error("order [1] accepted")
	}
	if _, err := p.Run(w, nil, oracle.TrioRequest{Ties: model.TieRule(7)}); err == nil {
		t.Error("tie rule 7 accepted")
	}
	// The driver still works after a refused line.
	runs, err := p.Run(seedWorkload(), nil, oracle.TrioRequest{Ties: model.TiesArmed, Coins: []bool{true}})
	if err != nil || len(runs) != 1 || runs[0].Makespan != 9e9 {
		t.Fatalf("after the errors: %v, %v", runs, err)
	}
}

// An interpreter without Trio, or no interpreter, is refused with the
// install hint.
func TestStartTrioRefusesAnInterpreterWithoutTrio(t *testing.T) {
	for _, path := range []string{PyenvPython(t, "3.12"), "/nonexistent/python3"} {
		if path == "" {
			continue
		}
		p, err := oracle.StartTrio(oracle.TrioConfig{Python: path})
		if err == nil {
			p.Close()
			t.Fatalf("%s accepted", path)
		}
		if !strings.Contains(err.Error(), path) {
			t.Fatalf("%s: the error does not name it: %v", path, err)
		}
		t.Log(err)
	}
}
