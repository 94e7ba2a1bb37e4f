package props

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Claims in expectation (model/SEMANTICS.md §S16): the classes' waits are
// random, each an independent two-point distribution {"samples": [L1, L2]}
// (each value with probability 1/2), so an instance of n tasks has 2^n
// equiprobable scenarios and every expectation is an exact rational,
// enumerated, never sampled. A scenario is a deterministic canonical
// workload; the counterexamples' comparisons are scenarios, so that each
// replays on CPython like any other (Replay).

// RandomClasses lists the classes of random durations.
var RandomClasses = []*Class{TwoPointEqualCPU, TwoPointCanonical}

// MaxRandomTasks bounds the classes of random waits: 2^n scenarios times
// n! orders per instance.
const MaxRandomTasks = 4

// TwoPointEqualCPU: equal CPU phases, independent two-point waits.
var TwoPointEqualCPU = &Class{
	ID:     "two-point-equal-cpu",
	Doc:    "every task is `cpu c; sleep {\"samples\": [L1, L2]}; cpu c` with one integer c ≥ 0 shared by all tasks and integers 1 ≤ L1 ≤ L2 per task; the waits are independent, each sample with probability 1/2 (model/SEMANTICS.md §S16)",
	MaxN:   MaxRandomTasks,
	Member: func(w *model.Workload) bool { return twoPointMember(w, true) },
	jobs: func(s Scope, n int) []func(yield func(*Instance)) {
		var jobs []func(yield func(*Instance))
		for c := model.Duration(0); c <= s.MaxDur && model.Duration(n)*(2*c+2) <= s.MaxTotal; c++ {
			jobs = append(jobs, func(yield func(*Instance)) {
				twoPointMultisets(twoPointSpace(s, c, c, c, c), n, s.MaxTotal, yield)
			})
		}
		return jobs
	},
	width: func(w Wide) int { return 2 + 2*w.MaxN },
	decode: func(v []int64, w Wide) *model.Workload {
		n := pick(v[0], 1, min(w.MaxN, MaxRandomTasks))
		c := model.Duration(v[1])
		tasks := make([]model.Task, n)
		for i := range tasks {
			l1, l2 := decodePair(v[2+2*i], v[3+2*i], w.MaxDur)
			tasks[i] = twoPointTask(c, l1, l2, c)
		}
		return &model.Workload{Unit: model.Nanosecond, Tasks: named(tasks)}
	},
}

// TwoPointCanonical: arbitrary CPU phases, independent two-point waits.
var TwoPointCanonical = &Class{
	ID:     "two-point-canonical",
	Doc:    "every task is `cpu A; sleep {\"samples\": [L1, L2]}; cpu B` with integers A, B ≥ 0 and 1 ≤ L1 ≤ L2 per task; the waits are independent, each sample with probability 1/2 (model/SEMANTICS.md §S16)",
	MaxN:   MaxRandomTasks,
	Member: func(w *model.Workload) bool { return twoPointMember(w, false) },
	jobs: func(s Scope, n int) []func(yield func(*Instance)) {
		space := twoPointSpace(s, 0, s.MaxDur, 0, s.MaxDur)
		return []func(yield func(*Instance)){func(yield func(*Instance)) { twoPointMultisets(space, n, s.MaxTotal, yield) }}
	},
	width: func(w Wide) int { return 1 + 4*w.MaxN },
	decode: func(v []int64, w Wide) *model.Workload {
		n := pick(v[0], 1, min(w.MaxN, MaxRandomTasks))
		tasks := make([]model.Task, n)
		for i := range tasks {
			x := v[1+4*i:]
			l1, l2 := decodePair(x[1], x[2], w.MaxDur)
			tasks[i] = twoPointTask(model.Duration(x[0]), l1, l2, model.Duration(x[3]))
		}
		return &model.Workload{Unit: model.Nanosecond, Tasks: named(tasks)}
	},
}

// decodePair maps two raw integers to 1 ≤ L1 ≤ L2 ≤ max(maxDur, 1),
// shrinking towards L1 = 1 and L2 = L1.
func decodePair(a, b int64, maxDur model.Duration) (model.Duration, model.Duration) {
	top := max(int(maxDur), 1)
	l1 := pick(a, 1, top)
	return model.Duration(l1), model.Duration(pick(b, l1, top))
}

func named(tasks []model.Task) []model.Task {
	for i := range tasks {
		tasks[i].Name = taskName(i)
	}
	return tasks
}

// twoPointTask is cpu a; sleep {"samples": [l1, l2]}; cpu b, its nominal
// wait the lower median l1 (model.Dist.Nominal).
func twoPointTask(a, l1, l2, b model.Duration) model.Task {
	t := model.Canonical("", a, l1, b)
	t.Dists = []model.Dist{{}, {Kind: model.Empirical, Samples: []model.Duration{l1, l2}}, {}}
	return t
}

// twoPoint returns task t's (A, L1, L2, B), and whether t is a two-point
// canonical task.
func twoPoint(t model.Task) (a, l1, l2, b model.Duration, ok bool) {
	j, isJob := model.AsJob(t)
	if !isJob || len(t.Dists) != 3 || t.Dists[0].Kind != model.Fixed || t.Dists[2].Kind != model.Fixed {
		return 0, 0, 0, 0, false
	}
	d := t.Dists[1]
	if d.Kind != model.Empirical || len(d.Samples) != 2 || d.Samples[0] < 1 || d.Samples[0] > d.Samples[1] || j.L != d.Samples[0] {
		return 0, 0, 0, 0, false
	}
	return j.A, d.Samples[0], d.Samples[1], j.B, true
}

func twoPointMember(w *model.Workload, equal bool) bool {
	if len(w.Tasks) > MaxRandomTasks || w.Validate() != nil {
		return false
	}
	for _, t := range w.Tasks {
		a, _, _, b, ok := twoPoint(t)
		a0, _, _, _, _ := twoPoint(w.Tasks[0])
		if !ok || (equal && (a != a0 || b != a0)) {
			return false
		}
	}
	return true
}

// twoPointSpace is every two-point task with A in [a0, a1], B in [b0, b1],
// 1 ≤ L1 ≤ L2 ≤ MaxDur and A + L1 + L2 + B ≤ MaxTotal, sorted by
// compareTasks.
func twoPointSpace(s Scope, a0, a1, b0, b1 model.Duration) []model.Task {
	var space []model.Task
	for a := a0; a <= a1; a++ {
		for l1 := model.Duration(1); l1 <= s.MaxDur; l1++ {
			for l2 := l1; l2 <= s.MaxDur; l2++ {
				for b := b0; b <= b1; b++ {
					if a+l1+l2+b <= s.MaxTotal {
						space = append(space, twoPointTask(a, l1, l2, b))
					}
				}
			}
		}
	}
	slices.SortStableFunc(space, compareTasks)
	return space
}

// twoPointMultisets yields every multiset of n tasks of space with total
// (taskTotal: the samples count in full) at most maxTotal.
func twoPointMultisets(space []model.Task, n int, maxTotal model.Duration, yield func(*Instance)) {
	for _, job := range multisetJobs(space, n, maxTotal) {
		job(func(in *Instance) {
			in.Jobs = nil // the nominal jobs are not the instance's outcome
			yield(in)
		})
	}
}

// scenarioSet is the distinct scenarios of a two-point instance among
// its 2^n equiprobable ones, each with its weight, the number of the 2^n
// that coincide with it: the tasks with L1 < L2 (the random ones, r of
// them) choose their sample by the bits of m < 2^r, the others have one
// wait, so every distinct scenario has weight 2^(n-r).
type scenarioSet struct {
	in     *Instance
	jobs   [][]model.Job
	weight []model.Duration
	total  int64 // 2^n
}

func scenariosOf(in *Instance) scenarioSet {
	n := len(in.W.Tasks)
	s := scenarioSet{in: in, total: 1 << n}
	var random []int
	for i, t := range in.W.Tasks {
		if _, l1, l2, _, _ := twoPoint(t); l1 < l2 {
			random = append(random, i)
		}
	}
	w := model.Duration(1) << (n - len(random))
	for m := 0; m < 1<<len(random); m++ {
		js := make([]model.Job, n)
		for i, t := range in.W.Tasks {
			a, l1, _, b, _ := twoPoint(t)
			js[i] = model.Job{A: a, L: l1, B: b}
		}
		for bit, i := range random {
			if m>>bit&1 == 1 {
				_, _, l2, _, _ := twoPoint(in.W.Tasks[i])
				js[i].L = l2
			}
		}
		s.jobs = append(s.jobs, js)
		s.weight = append(s.weight, w)
	}
	return s
}

// sum is Σ over the 2^n scenarios of the makespan of p (model.ClosedForm,
// equal to the simulator's for canonical tasks with L ≥ 1): 2^n times
// the expected makespan.
func (s scenarioSet) sum(p []int) model.Duration {
	var t model.Duration
	for k, js := range s.jobs {
		t += s.weight[k] * model.ClosedForm(js, p)
	}
	return t
}

// expected formats sum/2^n exactly.
func (s scenarioSet) expected(sum model.Duration) string {
	return big.NewRat(int64(sum), s.total).RatString()
}

// label names distinct scenario k with its probability.
func (s scenarioSet) label(k int) string {
	return fmt.Sprintf("scenario %d of %d (probability %s)", k+1, len(s.jobs), big.NewRat(int64(s.weight[k]), s.total).RatString())
}

// comparisons are the distinct scenarios of order p, each a deterministic
// workload, labelled label and the scenario.
func (s scenarioSet) comparisons(label string, p []int) []Comparison {
	var cs []Comparison
	for k, js := range s.jobs {
		cs = append(cs, Comparison{
			Label: label + ", " + s.label(k),
			W:     jobsWorkload(js), Order: slices.Clone(p), Makespan: model.ClosedForm(js, p),
		})
	}
	return cs
}

// meanKey is twice a task's mean wait, L1 + L2 (exact).
func meanKey(t model.Task) model.Duration {
	_, l1, l2, _, _ := twoPoint(t)
	return l1 + l2
}

// lifMeanBeatsSIFMean: for every given order, the longest-mean-IO-first
// order (a stable sort by descending mean wait) expects no more than the
// shortest-mean-IO-first order (ascending, stable) of the same given order.
func lifMeanBeatsSIFMean(_ *Eval, in *Instance) *Failure {
	s := scenariosOf(in)
	ps := perms(len(in.W.Tasks))
	seen := make(map[[2]int]bool) // (rank of lif, rank of sif): each pair once
	for _, g := range ps {
		lif, sif := slices.Clone(g), slices.Clone(g)
		slices.SortStableFunc(lif, func(a, b int) int { return int(meanKey(in.W.Tasks[b]) - meanKey(in.W.Tasks[a])) })
		slices.SortStableFunc(sif, func(a, b int) int { return int(meanKey(in.W.Tasks[a]) - meanKey(in.W.Tasks[b])) })
		if k := [2]int{rank(lif), rank(sif)}; seen[k] {
			continue
		} else {
			seen[k] = true
		}
		if l, r := s.sum(lif), s.sum(sif); l > r {
			return &Failure{
				Reason:      fmt.Sprintf("longest-mean-IO-first expects %s, shortest-mean-IO-first %s", s.expected(l), s.expected(r)),
				Comparisons: append(s.comparisons("lif-mean", lif), s.comparisons("sif-mean", sif)...),
			}
		}
	}
	return nil
}

// bestInExpectation returns the first order (lexicographic) of least
// expected makespan and 2^n times that expectation.
func (s scenarioSet) bestInExpectation() ([]int, model.Duration) {
	var best []int
	bs := model.Duration(-1)
	for _, p := range perms(len(s.in.W.Tasks)) {
		if t := s.sum(p); bs < 0 || t < bs {
			best, bs = p, t
		}
	}
	return best, bs
}

// meanBestOptimal: every order with the least makespan for the mean
// durations (each wait (L1 + L2)/2; all durations doubled to stay
// integral, which changes no order's rank) has the least expected
// makespan.
func meanBestOptimal(_ *Eval, in *Instance) *Failure {
	s := scenariosOf(in)
	mean := make([]model.Job, len(in.W.Tasks))
	for i, t := range in.W.Tasks {
		a, l1, l2, b, _ := twoPoint(t)
		mean[i] = model.Job{A: 2 * a, L: l1 + l2, B: 2 * b}
	}
	opt := order.ExhaustiveMakespan(mean)
	best, bs := s.bestInExpectation()
	for _, p := range perms(len(in.W.Tasks)) {
		if model.ClosedForm(mean, p) != opt {
			continue
		}
		if t := s.sum(p); t > bs {
			return &Failure{
				Reason:      fmt.Sprintf("an order best for the mean durations expects %s, the best order in expectation %s", s.expected(t), s.expected(bs)),
				Comparisons: append(s.comparisons("mean-best", p), s.comparisons("best-expected", best)...),
			}
		}
	}
	return nil
}

// clairvoyanceWorthless: choosing the order per scenario (knowing the
// durations) expects no less than the best single order.
func clairvoyanceWorthless(_ *Eval, in *Instance) *Failure {
	s := scenariosOf(in)
	best, bs := s.bestInExpectation()
	var clair model.Duration
	own := make([][]int, len(s.jobs))
	for k, js := range s.jobs {
		c := model.Duration(-1)
		for _, p := range perms(len(in.W.Tasks)) {
			if v := model.ClosedForm(js, p); c < 0 || v < c {
				c, own[k] = v, p
			}
		}
		clair += s.weight[k] * c
	}
	if clair < bs {
		var cs []Comparison
		for k, js := range s.jobs {
			w := jobsWorkload(js)
			cs = append(cs,
				Comparison{Label: "best-expected, " + s.label(k), W: w, Order: slices.Clone(best), Makespan: model.ClosedForm(js, best)},
				Comparison{Label: "clairvoyant, " + s.label(k), W: w, Order: slices.Clone(own[k]), Makespan: model.ClosedForm(js, own[k])})
		}
		return &Failure{
			Reason:      fmt.Sprintf("knowing the durations, the expected makespan is %s; the best single order expects %s", s.expected(clair), s.expected(bs)),
			Comparisons: cs,
		}
	}
	return nil
}

// ExpectationRatio is the largest ratio of two exact expectations found
// over every instance of a class within a scope.
type ExpectationRatio struct {
	// What names the ratio; Ratio is its largest value, attained first
	// (in enumeration order) by Witness.
	What      string
	Ratio     *big.Rat
	Witness   *Instance
	Instances int64
}

// ExpectationRatios enumerates every instance of TwoPointCanonical and
// TwoPointEqualCPU within the budget's scopes and returns the largest
// factors of the claims in expectation: the worst order best for the
// mean durations over the best order in expectation, and the best single
// order over the clairvoyant per-scenario optimum (the value of
// clairvoyance, as a factor).
func ExpectationRatios(b Budget) []ExpectationRatio {
	var out []ExpectationRatio
	for _, c := range RandomClasses {
		meanR := ExpectationRatio{What: "mean-best / best-expected on " + c.ID, Ratio: big.NewRat(1, 1)}
		clairR := ExpectationRatio{What: "best-expected / clairvoyant on " + c.ID, Ratio: big.NewRat(1, 1)}
		s := b.Scopes[c]
		lo, hi := c.nRange(s.MinN, s.MaxN)
		for n := lo; n <= hi; n++ {
			for _, job := range c.jobs(s, n) {
				job(func(in *Instance) {
					meanR.Instances++
					clairR.Instances++
					ss := scenariosOf(in)
					_, bs := ss.bestInExpectation()
					mean := make([]model.Job, n)
					for i, t := range in.W.Tasks {
						a, l1, l2, b, _ := twoPoint(t)
						mean[i] = model.Job{A: 2 * a, L: l1 + l2, B: 2 * b}
					}
					opt := order.ExhaustiveMakespan(mean)
					var worst, clair model.Duration
					for _, p := range perms(n) {
						if model.ClosedForm(mean, p) == opt {
							worst = max(worst, ss.sum(p))
						}
					}
					for k, js := range ss.jobs {
						clair += ss.weight[k] * order.ExhaustiveMakespan(js)
					}
					if bs > 0 {
						if r := big.NewRat(int64(worst), int64(bs)); r.Cmp(meanR.Ratio) > 0 {
							meanR.Ratio, meanR.Witness = r, in
						}
					}
					if clair > 0 {
						if r := big.NewRat(int64(bs), int64(clair)); r.Cmp(clairR.Ratio) > 0 {
							clairR.Ratio, clairR.Witness = r, in
						}
					}
				})
			}
		}
		out = append(out, meanR, clairR)
	}
	return out
}
