package oracle

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/gatherorder/gatherorder/model"
	"gonum.org/v1/gonum/stat/distuv"
)

// Fit is Pearson's chi-square goodness-of-fit test of the outcomes of
// independent runs against an exact distribution (FitRuns).
type Fit struct {
	// Runs is the number of runs; Outside of them had an outcome of
	// probability 0 (the test then rejects: P = 0, Stat = +Inf).
	Runs, Outside int
	// Bins are the outcome classes after pooling, so that every expected
	// count is at least 5; DF = Bins - 1.
	Bins, DF int
	// Stat is Σ (observed - expected)² / expected over the bins, P its
	// upper tail under the chi-square distribution with DF degrees of
	// freedom (1 when DF = 0: nothing to test).
	Stat, P float64
}

// minExpected is the smallest expected count of a bin (the usual rule for
// Pearson's test; smaller classes are pooled).
const minExpected = 5

// FitRuns tests the runs' outcomes (finish vectors) against d, which
// must be exact. Outcomes whose expected count is below 5 are pooled into
// one bin, and that bin, if still below 5, with the next smallest.
func FitRuns(d *model.Distribution, runs []TrioRun) (Fit, error) {
	if !d.Exact {
		return Fit{}, fmt.Errorf("oracle: a goodness-of-fit test needs an exact distribution")
	}
	f := Fit{Runs: len(runs)}
	n := float64(len(runs))
	type bin struct{ obs, exp float64 }
	bins := make([]bin, len(d.Outcomes))
	for i, o := range d.Outcomes {
		p, _ := o.P.Float64()
		bins[i].exp = n * p
	}
	for _, r := range runs {
		i := slices.IndexFunc(d.Outcomes, func(o model.Outcome) bool { return slices.Equal(o.Finish, r.Finish) })
		if i < 0 {
			f.Outside++
			continue
		}
		bins[i].obs++
	}
	if f.Outside > 0 {
		f.Stat, f.P = math.Inf(1), 0
		return f, nil
	}
	slices.SortStableFunc(bins, func(a, b bin) int { return cmp.Compare(a.exp, b.exp) })
	var pooled []bin
	var small bin
	for _, b := range bins {
		if b.exp < minExpected {
			small.obs, small.exp = small.obs+b.obs, small.exp+b.exp
			continue
		}
		pooled = append(pooled, b)
	}
	if small.exp > 0 {
		if small.exp < minExpected && len(pooled) > 0 {
			pooled[0].obs, pooled[0].exp = pooled[0].obs+small.obs, pooled[0].exp+small.exp
		} else {
			pooled = append(pooled, small)
		}
	}
	f.Bins, f.DF = len(pooled), len(pooled)-1
	for _, b := range pooled {
		f.Stat += (b.obs - b.exp) * (b.obs - b.exp) / b.exp
	}
	f.P = 1
	if f.DF > 0 {
		f.P = distuv.ChiSquared{K: float64(f.DF)}.Survival(f.Stat)
	}
	return f, nil
}

// FitSummary is a family of goodness-of-fit tests decided at
// family-wise level Alpha: the family passes when no run fell outside
// its distribution, the combined test (the sum of the statistics, a
// chi-square with the summed degrees of freedom, the runs being
// independent) has P ≥ Alpha/2, and every single test has P ≥
// Alpha/(2·Tests) (Bonferroni). By the union bound a correct model fails
// with probability at most Alpha.
type FitSummary struct {
	Tests, Runs, Outside int
	Stat                 float64
	DF                   int
	P, MinP, Alpha       float64
	Pass                 bool
}

// Summarize decides the family fits (those with DF = 0 test nothing and
// are left out of Tests and of the combined test).
func Summarize(fits []Fit, alpha float64) FitSummary {
	s := FitSummary{MinP: 1, Alpha: alpha}
	for _, f := range fits {
		s.Runs += f.Runs
		s.Outside += f.Outside
		if f.Outside > 0 {
			s.MinP = 0
			continue
		}
		if f.DF == 0 {
			continue
		}
		s.Tests++
		s.Stat += f.Stat
		s.DF += f.DF
		s.MinP = min(s.MinP, f.P)
	}
	s.P = 1
	if s.DF > 0 {
		s.P = distuv.ChiSquared{K: float64(s.DF)}.Survival(s.Stat)
	}
	s.Pass = s.Outside == 0 && s.P >= alpha/2 && (s.Tests == 0 || s.MinP >= alpha/(2*float64(s.Tests)))
	return s
}

// TrioExamples are the fixed workloads of the Trio fit tests
// (model/SEMANTICS.md §S13): the seed example (a: cpu 1; sleep 5; cpu 1,
// b with sleep 3, c with sleep 1, in s) started abc, acb and bac (one of
// each of its three distributions), and five two- and three-task
// workloads in ns: a timer against a checkpoint, an arrival against two
// checkpoints, three equal deadlines, two checkpoints, and the arrival
// that outruns two checkpoints (nil orders: the given order).
func TrioExamples() ([]*model.Workload, [][]int) {
	const s = model.Duration(1e9)
	seed := &model.Workload{Unit: model.Second, Tasks: []model.Task{
		model.Canonical("a", s, 5*s, s), model.Canonical("b", s, 3*s, s), model.Canonical("c", s, s, s),
	}}
	ws := []*model.Workload{seed, seed, seed}
	orders := [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}}
	step := func(k model.Kind, d model.Duration) model.Step { return model.Step{Kind: k, D: d} }
	cpu := func(d model.Duration) model.Step { return step(model.CPU, d) }
	sleep := func(d model.Duration) model.Step { return step(model.Sleep, d) }
	io := func(d model.Duration) model.Step { return step(model.IO, d) }
	for _, tasks := range [][]model.Task{
		{{Name: "a", Steps: []model.Step{sleep(1), cpu(1)}}, {Name: "b", Steps: []model.Step{cpu(2), sleep(0), cpu(1)}}},
		{{Name: "a", Steps: []model.Step{io(1), cpu(1)}}, {Name: "b", Steps: []model.Step{cpu(2), sleep(0), sleep(0), cpu(1)}}},
		{{Name: "a", Steps: []model.Step{sleep(1), cpu(1)}}, {Name: "b", Steps: []model.Step{sleep(1), cpu(1)}}, {Name: "c", Steps: []model.Step{sleep(1), cpu(1)}}},
		{{Name: "a", Steps: []model.Step{cpu(1), sleep(0), cpu(1)}}, {Name: "b", Steps: []model.Step{cpu(1), sleep(0), cpu(1)}}},
		{{Name: "a", Steps: []model.Step{io(1), cpu(1)}}, {Name: "b", Steps: []model.Step{cpu(2), sleep(0), sleep(0)}}},
	} {
		ws = append(ws, &model.Workload{Unit: model.Nanosecond, Tasks: tasks})
		orders = append(orders, nil)
	}
	return ws, orders
}

// FitWorthy reports whether a generated workload's distribution makes a
// useful fit test: exact, 3 to 12 outcomes, at most 64 coin paths, and
// not every outcome equally likely.
func FitWorthy(d *model.Distribution) bool {
	if !d.Exact || len(d.Outcomes) < 3 || len(d.Outcomes) > 12 || d.Paths > 64 {
		return false
	}
	for _, o := range d.Outcomes {
		if o.P.Cmp(d.Outcomes[0].P) != 0 {
			return true
		}
	}
	return false
}

// FitBatch runs every workload n times on Trio with arming-order ties,
// run i of workload k with seed seedBase + k·n + i for Trio's
// random.Random, and tests the outcomes against the model's exact
// distributions (FitRuns). With mock, the workloads that the stock
// trio.testing.MockClock can run (no io) run on it, the others on the
// driver's integer clock. It returns the fits, the distributions and the
// runs, in the order of ws.
func (p *Trio) FitBatch(ws []*model.Workload, orders [][]int, n int, seedBase uint64, m model.Trio, mock bool) ([]Fit, []*model.Distribution, [][]TrioRun, error) {
	reqs := make([]TrioRequest, len(ws))
	for k, w := range ws {
		reqs[k] = TrioRequest{Mode: TrioSeeded, Ties: model.TiesArmed, Seeds: seeds(seedBase, k, n), Mock: mock && mockable(w)}
	}
	runs, err := p.RunBatch(ws, orders, reqs)
	if err != nil {
		return nil, nil, nil, err
	}
	fits := make([]Fit, len(ws))
	dists := make([]*model.Distribution, len(ws))
	for k, w := range ws {
		if dists[k], err = m.Distribution(w, orderAt(orders, k)); err != nil {
			return nil, nil, nil, fmt.Errorf("oracle: workload %d: %w", k, err)
		}
		if fits[k], err = FitRuns(dists[k], runs[k]); err != nil {
			return nil, nil, nil, fmt.Errorf("oracle: workload %d: %w", k, err)
		}
	}
	return fits, dists, runs, nil
}
