package order

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/gatherorder/gatherorder/model"
)

// DefaultNodes is the node limit BranchAndBound uses when Limits.Nodes is
// 0, and the one Apply uses. A node costs about 1.5-6 µs at n = 12-26 on
// this project's machines (measured: 6.1 million nodes in 10 s at n = 26,
// 1.48 million in 8 s at n = 20), so the limit is seconds at most; the
// largest node count any experiments/optbench.ScalingRun instance needed up
// to n = 24 (seed 1) was 435,755, and a run that hits the limit still
// returns the best order found with its proven gap.
const DefaultNodes = 2_000_000

// memoCap bounds the number of prefix sets the dominance memory remembers,
// so that memory stays bounded; when full, it stops remembering (the search
// stays exact, only less pruned). Deterministic, unlike a clock.
const memoCap = 1 << 21

// Limits bound a BranchAndBound run.
type Limits struct {
	// Nodes is the largest number of search nodes (placements of one job
	// at the next position; for Search also local-search moves, for
	// SearchWorkload simulations) to visit; 0 means the solver's default
	// (DefaultNodes, DefaultSearchNodes, DefaultWorkloadWork / n),
	// negative means no limit. The result depends only on the jobs and
	// this number.
	Nodes int64
	// Time is a wall-clock budget (0: none), checked every 1024 nodes. A run
	// stopped by it depends on the machine's speed: for the CLI, not tests.
	Time time.Duration
	// Progress, if set, receives snapshots of a running Search (not of
	// BranchAndBound): every round and every 2^16 branch-and-bound nodes.
	// It must return quickly; it does not change the search.
	Progress func(Progress)
}

// Solution is the result of BranchAndBound.
type Solution struct {
	// Order is the best order found (gather positions, first to last).
	Order []int
	// Makespan is Order's makespan (model.ClosedForm).
	Makespan model.Duration
	// LowerBound is a proven lower bound of every order's makespan; it
	// equals Makespan when Optimal.
	LowerBound model.Duration
	// Optimal reports that the search finished, so Order is optimal.
	Optimal bool
	// Nodes is the number of search nodes visited.
	Nodes int64
}

// Gap is the proven gap Makespan - LowerBound (0 when Optimal).
func (s Solution) Gap() model.Duration { return s.Makespan - s.LowerBound }

// BranchAndBound finds an order of canonical jobs (cpu A; sleep L; cpu B)
// with the least makespan model.ClosedForm, by depth-first branch and bound
// that fills gather positions left to right (doc.go states the bounds and
// dominance rules and why each is valid). Within a node, children are
// explored by ascending lower bound, ties by job index.
//
// Determinism: without a Time limit the returned order is a function of
// jobs and Limits.Nodes only. When Optimal, its makespan is the optimum;
// the order is the first optimal one the search meets (not necessarily the
// lexicographically first). The search cannot fail.
func BranchAndBound(jobs []model.Job, lim Limits) Solution {
	return branchAndBound(jobs, lim, rules{})
}

// rules switches the dominance rules off one by one, for the tests that
// check each rule on its own.
type rules struct {
	noTwins, noZeroA, noAdjacent, noMemo, noHeuristic bool
}

type child struct {
	j  int
	lb model.Duration
}

type memoEntry struct {
	prof   profile
	prefix []int
}

type solver struct {
	jobs   []model.Job
	n      int
	sumA   model.Duration
	byHead []int // ascending A+L: unplaced jobs' release bounds in order
	byTail []int // descending L+B: LB2's order (Jackson's rule with tails)
	twin   []int // largest i < j with jobs[i] == jobs[j], or -1
	key    []int // tie-break rank: zero-A jobs first, then by index
	rules  rules

	placed []bool
	prefix []int
	prof   profile
	at     []int // where prefix[k]'s rb sits in prof
	e      model.Duration
	zeroA  int // unplaced jobs with A = 0
	mask   uint64
	memo   map[uint64]*memoEntry
	kids   [][]child

	best         []int
	bestC        model.Duration
	nodes, limit int64
	deadline     time.Time
	aborted      bool

	// fixed, for a subset search (subset.go), holds the jobs outside the
	// subset at their earliest releases; nil for BranchAndBound. With it,
	// sumA is the whole instance's ΣA and leaves are subproblem values.
	fixed *fixedSet
	merge []rb // bound's scratch list when fixed is set
	// memoLimit is the most prefix sets the dominance memory holds.
	memoLimit int
	// poll, if set, is called with the node count at every time check.
	poll func(nodes int64)
}

func branchAndBound(jobs []model.Job, lim Limits, r rules) Solution {
	s := newSolver(jobs, lim, r)
	return s.solve()
}

func newSolver(jobs []model.Job, lim Limits, r rules) *solver {
	n := len(jobs)
	s := &solver{jobs: jobs, n: n, rules: r, limit: lim.Nodes, memoLimit: memoCap}
	if s.limit == 0 {
		s.limit = DefaultNodes
	}
	if lim.Time > 0 {
		s.deadline = time.Now().Add(lim.Time)
	}
	s.byHead = Identity(n)
	slices.SortStableFunc(s.byHead, func(x, y int) int { return cmp.Compare(jobs[x].A+jobs[x].L, jobs[y].A+jobs[y].L) })
	s.byTail = Identity(n)
	slices.SortStableFunc(s.byTail, func(x, y int) int { return cmp.Compare(jobs[y].L+jobs[y].B, jobs[x].L+jobs[x].B) })
	s.twin = make([]int, n)
	s.key = make([]int, n)
	for j, x := range jobs {
		s.sumA += x.A
		s.twin[j] = -1
		for i := j - 1; i >= 0; i-- {
			if jobs[i] == x {
				s.twin[j] = i
				break
			}
		}
		s.key[j] = j
		if x.A > 0 {
			s.key[j] += n
		}
		if x.A == 0 {
			s.zeroA++
		}
	}
	s.placed = make([]bool, n)
	s.prof = make(profile, 0, n)
	s.at = make([]int, n)
	s.kids = make([][]child, n)
	if n <= 64 && !r.noMemo {
		s.memo = make(map[uint64]*memoEntry)
	}
	return s
}

func (s *solver) solve() Solution {
	jobs, r := s.jobs, s.rules

	switch {
	case s.best != nil || s.fixed != nil:
		// The caller set the incumbent (Search) or its value (a subset
		// search, whose bestC is an upper bound to beat, not an order's).
	case r.noHeuristic:
		s.best = JobsLIF(jobs)
	default:
		s.best = Heuristic(jobs)
	}
	if s.fixed == nil {
		s.bestC = model.ClosedForm(jobs, s.best)
	}
	root := s.bound()
	sol := Solution{LowerBound: root}
	if s.n == 0 {
		// Nothing to place: the bound is the value (a subset search with
		// an empty subset is the Release bound with the fixed jobs).
		s.bestC = min(s.bestC, root)
	} else if root < s.bestC {
		sub := s.dfs(0)
		if s.aborted {
			sol.LowerBound = max(root, sub)
		} else {
			sol.LowerBound = s.bestC
		}
	}
	sol.LowerBound = min(sol.LowerBound, s.bestC)
	sol.Order, sol.Makespan, sol.Nodes = s.best, s.bestC, s.nodes
	sol.Optimal = sol.LowerBound == sol.Makespan
	return sol
}

// dfs explores the children of the current prefix (length depth). If the
// search is stopped by a limit it returns a lower bound of every completion
// of the prefix it did not rule out; otherwise its result is unused.
func (s *solver) dfs(depth int) model.Duration {
	kids := s.kids[depth][:0]
	for j := 0; j < s.n; j++ {
		if s.placed[j] || !s.allowed(j, depth) {
			continue
		}
		s.apply(j)
		lb := s.bound()
		s.undo()
		kids = append(kids, child{j, lb})
	}
	slices.SortFunc(kids, func(x, y child) int {
		if c := cmp.Compare(x.lb, y.lb); c != 0 {
			return c
		}
		return x.j - y.j
	})
	s.kids[depth] = kids
	for idx, k := range kids {
		if k.lb >= s.bestC {
			break // sorted: no later child can improve either
		}
		if s.stop() {
			return minLB(kids[idx:], s.bestC)
		}
		s.nodes++
		s.apply(k.j)
		switch {
		case depth+1 == s.n:
			// A complete order: its bound is its makespan (LB1 is exact).
			s.bestC = k.lb
			s.best = slices.Clone(s.prefix)
		case s.memoPrunes():
		default:
			sub := s.dfs(depth + 1)
			if s.aborted {
				s.undo()
				return min(max(k.lb, sub), minLB(kids[idx+1:], s.bestC))
			}
		}
		s.undo()
	}
	return math.MaxInt64
}

func minLB(kids []child, ub model.Duration) model.Duration {
	m := ub
	for _, k := range kids {
		m = min(m, k.lb)
	}
	return m
}

func (s *solver) stop() bool {
	if s.limit > 0 && s.nodes >= s.limit {
		s.aborted = true
	}
	if s.nodes&1023 == 0 {
		if !s.deadline.IsZero() && time.Now().After(s.deadline) {
			s.aborted = true
		}
		if s.poll != nil {
			s.poll(s.nodes)
		}
	}
	return s.aborted
}

func (s *solver) apply(j int) {
	x := s.jobs[j]
	s.placed[j] = true
	s.e += x.A
	var i int
	s.prof, i = s.prof.insert(rb{max(s.e+x.L, s.sumA), x.B})
	s.at[len(s.prefix)] = i
	s.prefix = append(s.prefix, j)
	s.mask |= 1 << (uint(j) & 63)
	if x.A == 0 {
		s.zeroA--
	}
}

func (s *solver) undo() {
	k := len(s.prefix) - 1
	j := s.prefix[k]
	x := s.jobs[j]
	s.prefix = s.prefix[:k]
	s.prof = s.prof.remove(s.at[k])
	s.e -= x.A
	s.placed[j] = false
	s.mask &^= 1 << (uint(j) & 63)
	if x.A == 0 {
		s.zeroA++
	}
}

// bound is the lower bound of every completion of the current prefix:
// max(LB1, LB2) of doc.go. With every job placed it is the makespan.
func (s *solver) bound() model.Duration {
	return max(s.releaseBound(), s.tailBound())
}

// releaseBound is LB1: the earliest-release rule on the second stage
// with the placed jobs' releases and, for each unplaced j, the earliest
// release it can get: e + A_j + L_j (all clamped to ΣA). Merge of two lists
// sorted by release; in a subset search, with the fixed jobs too.
func (s *solver) releaseBound() model.Duration {
	if s.fixed != nil {
		x := s.merge[:0]
		p, i := s.prof, 0
		for _, j := range s.byHead {
			if s.placed[j] {
				continue
			}
			r := s.e + s.jobs[j].A + s.jobs[j].L
			for i < len(p) && p[i].r <= r {
				x = append(x, p[i])
				i++
			}
			x = append(x, rb{r, s.jobs[j].B})
		}
		x = append(x, p[i:]...)
		s.merge = x
		return s.fixed.schedule(s.sumA, x)
	}
	t := s.sumA
	p := s.prof
	i := 0
	for _, j := range s.byHead {
		if s.placed[j] {
			continue
		}
		x := s.jobs[j]
		r := max(s.e+x.A+x.L, s.sumA)
		for i < len(p) && p[i].r <= r {
			t = max(t, p[i].r) + p[i].b
			i++
		}
		t = max(t, r) + x.B
	}
	for ; i < len(p); i++ {
		t = max(t, p[i].r) + p[i].b
	}
	return t
}

// tailBound is LB2: Jackson's rule with tails on the first stage: the
// unplaced first phases run back to back from e; job j then needs L_j + B_j
// more. Descending tails minimise the largest first-phase end + tail.
func (s *solver) tailBound() model.Duration {
	var lb model.Duration
	c := s.e
	for _, j := range s.byTail {
		if s.placed[j] {
			continue
		}
		x := s.jobs[j]
		c += x.A
		lb = max(lb, c+x.L+x.B)
	}
	return lb
}
