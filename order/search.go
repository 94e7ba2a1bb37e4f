package order

import (
	"time"

	"github.com/gatherorder/gatherorder/model"
)

// ClassicMax is the largest number of jobs Search hands to BranchAndBound
// as it is: up to here BranchAndBound proves the optimum in well under a
// second (the largest of experiments/optbench.ScalingRun's instances at
// n = 16 took 0.11 s), and its orders are the ones the CLI has always
// printed.
const ClassicMax = 16

// DefaultSearchNodes is Search's node limit past ClassicMax jobs when
// Limits.Nodes is 0 (up to ClassicMax it is BranchAndBound's DefaultNodes),
// so that a run without a time limit still ends: 20 million local-search
// moves or branch-and-bound nodes, tens of seconds.
const DefaultSearchNodes = 20_000_000

// Progress is a snapshot of a running Search, for a progress line.
type Progress struct {
	Nodes        int64          // search nodes so far
	Best, Bound  model.Duration // the incumbent's makespan and the proven lower bound
	Phase        string         // "start", "improve", "bound", "exact" or, last, "done"
	Elapsed      time.Duration
	SubsetSize   int // jobs in the subset of the last subset bound (0: none yet)
	ImproveMoves int64
}

// Search finds an order of canonical jobs with the least makespan it can
// within lim, and a proven lower bound: an anytime solver. It reports
// Optimal only when the bound meets the order's makespan.
//
//  1. Up to ClassicMax jobs it is BranchAndBound.
//  2. Otherwise it computes the root bounds (RootBounds) and the start
//     orders LIF, LongestTailFirst, Mitten and JohnsonOrder, each in
//     O(n log n); if the best start meets a bound it stops there.
//  3. Then it alternates, in rounds of doubling node budgets, the local
//     search (improver: late acceptance, O(log n) per exchange of
//     neighbours) and the subset bound LB_Q (subset.go) for Q the m jobs
//     with the longest waits or, in turn, the m jobs the incumbent releases
//     last, m = 8, 12, 16, … up to 64 (each grows once its bound is known);
//     when m reaches n the subset search is the exact search of
//     BranchAndBound, started from the incumbent. Every bound found is
//     kept; the rounds end at the node limit, the time limit, or when the
//     bound meets the incumbent.
//
// A node is one local-search move or one branch-and-bound node. Without
// Limits.Time the result is a function of the jobs and Limits.Nodes
// (TestSearchIsDeterministicUnderANodeLimit); with it, Search aims to
// return 1% before the deadline, finishing at most the step under way: it
// skips an O(n log n) step it predicts will not fit, but always computes
// the root bounds and the first start order.
func Search(jobs []model.Job, lim Limits) Solution {
	if len(jobs) <= ClassicMax {
		return BranchAndBound(jobs, lim)
	}
	s := newSearch(jobs, lim)
	return s.run()
}

type search struct {
	jobs     []model.Job
	lim      Limits
	limit    int64
	t0       time.Time
	deadline time.Time
	nodes    int64
	best     []int
	bestC    model.Duration
	lb       model.Duration
	stopped  bool
	progress Progress
}

func newSearch(jobs []model.Job, lim Limits) *search {
	s := &search{jobs: jobs, lim: lim, limit: lim.Nodes, t0: time.Now()}
	if s.limit == 0 {
		s.limit = DefaultSearchNodes
	}
	if lim.Time > 0 {
		// Aim 1% early, so that the last step under way and assembling
		// the answer still end within the budget.
		s.deadline = s.t0.Add(lim.Time - lim.Time/100)
	}
	return s
}

// timeUp reports whether the deadline has passed.
func (s *search) timeUp() bool {
	return !s.deadline.IsZero() && !time.Now().Before(s.deadline)
}

// fits reports whether a step that last took d can finish by the deadline.
func (s *search) fits(d time.Duration) bool {
	return s.deadline.IsZero() || time.Now().Add(d).Before(s.deadline)
}

// left is the node budget still available.
func (s *search) left() int64 {
	if s.limit < 0 {
		return 1 << 62
	}
	return max(0, s.limit-s.nodes)
}

func (s *search) report(phase string) {
	if s.lim.Progress == nil {
		return
	}
	s.progress.Nodes, s.progress.Best, s.progress.Bound = s.nodes, s.bestC, s.lb
	s.progress.Phase, s.progress.Elapsed = phase, time.Since(s.t0)
	s.lim.Progress(s.progress)
}

func (s *search) done() bool {
	return s.lb >= s.bestC || s.stopped || s.left() == 0
}

func (s *search) run() Solution {
	jobs := s.jobs
	b, ltf, byHead := rootBounds(jobs)
	s.lb = b.Max()
	// The start orders, each judged by one sort of its releases; the best
	// one's sorted releases become the local search's tree.
	var r []model.Duration
	var slots []int
	var slowest time.Duration
	for i, st := range startOrders {
		if i > 0 && (s.bestC <= s.lb || !s.fits(slowest)) {
			break
		}
		t := time.Now()
		ord := ltf
		if st.name != "ltf" {
			ord = st.order(jobs)
		}
		rs, ss := releaseSlots(jobs, ord)
		c := linearMakespan(jobs, rs, ss)
		slowest = max(slowest, time.Since(t))
		if s.best == nil || c < s.bestC {
			s.best, s.bestC, r, slots = ord, c, rs, ss
		}
	}
	s.report("start")
	if !s.done() && s.fits(slowest) {
		s.rounds(newImproverFrom(newReleaseTreeFrom(jobs, s.best, r, slots), 1), byHead, slowest)
	}
	s.report("done")
	s.lb = min(s.lb, s.bestC)
	return Solution{Order: s.best, Makespan: s.bestC, LowerBound: s.lb, Optimal: s.lb == s.bestC, Nodes: s.nodes}
}

// roundBase is the node budget of the first round of each phase.
const roundBase = 1 << 12

// subsetStart and subsetStep size the subsets of the subset bound: 8, 12,
// 16, … jobs.
const subsetStart, subsetStep = 8, 4

// maxSubset caps the subset size: the dominance memory needs at most 64
// jobs, and beyond about that many the subset search does not finish in
// any budget of the CLI.
const maxSubset = 64

// rounds alternates improvement and bounds; byHead is the jobs by
// ascending A + L and step the time an O(n log n) step took, to predict
// whether a subset search's O(n) set-up fits the deadline.
func (s *search) rounds(im *improver, byHead []int, step time.Duration) {
	jobs := s.jobs
	n := len(jobs)
	// The subsets: the jobs with the longest waits, and the jobs the
	// incumbent releases last, in turn; each grows when its bound is known.
	ranks := []*subsetRank{{by: fastLIF(jobs)}, {byLast: true}}
	for _, rk := range ranks {
		rk.m = min(n, subsetStart)
	}
	for round := 0; !s.done(); round++ {
		budget := int64(roundBase) << min(round, 40)
		// Improve.
		calls, base := 0, s.nodes
		moves := im.run(min(budget, s.left()), s.lb, func() bool {
			if calls++; calls%64 == 0 && s.lim.Progress != nil { // every 16,384 moves
				s.progress.ImproveMoves = im.moves
				s.nodes = base + int64(calls)*256
				s.takeBest(im)
				s.report("improve")
				s.nodes = base
			}
			return s.timeUp()
		})
		s.nodes += moves
		s.progress.ImproveMoves = im.moves
		s.takeBest(im)
		s.report("improve")
		if s.timeUp() {
			s.stopped = true
		}
		if s.done() {
			break
		}
		// Bound.
		rk := ranks[round%len(ranks)]
		m := rk.m
		if m > maxSubset && m < n || !s.fits(step) {
			continue // only the local search is left to run
		}
		sub := Limits{Nodes: max(1, min(budget, s.left())), Time: time.Until(s.deadline)}
		if s.deadline.IsZero() {
			sub.Time = 0
		} else if sub.Time <= 0 {
			s.stopped = true
			break
		}
		var sol Solution
		if m == n {
			ex := newSolver(jobs, sub, rules{})
			ex.memoLimit = searchMemo(n)
			ex.best = append([]int(nil), s.best...)
			ex.poll = s.poller("exact")
			sol = ex.solve()
			if sol.Makespan < s.bestC {
				s.best, s.bestC = sol.Order, sol.Makespan
				im.restart(jobs, s.best, s.bestC)
			}
		} else {
			ss := newSubsetSolver(jobs, byHead, rk.subset(jobs, s.best), s.bestC, sub)
			ss.memoLimit = searchMemo(m)
			ss.poll = s.poller("bound")
			sol = ss.solve()
			s.progress.SubsetSize = m
		}
		s.nodes += sol.Nodes
		s.lb = max(s.lb, sol.LowerBound)
		s.report("bound")
		if sol.Optimal && m < n {
			// LB_Q is known exactly for this Q: grow it.
			rk.m = min(n, m+subsetStep)
		} else if sol.Optimal {
			break // the exact search finished: s.lb is the optimum
		}
		if s.timeUp() {
			s.stopped = true
		}
	}
}

// subsetRank is a ranking of the jobs whose first m form the subset of
// the next subset bound: a fixed one, or (byLast) the jobs by descending
// release in the incumbent, which are the jobs that decide its makespan.
type subsetRank struct {
	by     []int
	byLast bool
	m      int
}

func (rk *subsetRank) subset(jobs []model.Job, incumbent []int) []int {
	if !rk.byLast {
		return rk.by[:rk.m]
	}
	_, slots := releaseSlots(jobs, incumbent)
	q := make([]int, rk.m)
	for k := range q {
		q[k] = slots[len(slots)-1-k]
	}
	return q
}

// takeBest takes the local search's best order if it beats the incumbent.
func (s *search) takeBest(im *improver) {
	if im.bestC < s.bestC {
		s.best, s.bestC = append([]int(nil), im.best...), im.bestC
	}
}

// poller reports progress from inside a branch and bound every 2^16 nodes.
func (s *search) poller(phase string) func(int64) {
	if s.lim.Progress == nil {
		return nil
	}
	base, last := s.nodes, int64(0)
	return func(nodes int64) {
		if nodes-last < 1<<16 {
			return
		}
		last = nodes
		saved := s.nodes
		s.nodes = base + nodes
		s.report(phase)
		s.nodes = saved
	}
}

// searchMemo caps the dominance memory of Search's branch and bound on m
// jobs at about 64 MiB (an entry holds m releases and m positions).
func searchMemo(m int) int {
	return min(memoCap, (64<<20)/(24*m+96))
}
