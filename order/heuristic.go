package order

import (
	"cmp"
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// The heuristics below work on canonical jobs (cpu A; sleep L; cpu B) and
// score orders with model.ClosedForm. All sorts are stable with the job
// index as the final tie-break, so every heuristic is deterministic.

// JobsLIF is longest-IO-first on jobs: descending L, ties by index.
func JobsLIF(jobs []model.Job) []int {
	return sortedBy(jobs, func(j model.Job) [2]model.Duration { return [2]model.Duration{-j.L, 0} })
}

// LongestTailFirst orders jobs by descending tail L+B (the time a job still
// needs after its first phase if it never waited for the CPU), ties by
// descending L, then index. It is Jackson's rule for the first stage with
// tails: the order that minimises max_j (end of j's first phase + L_j + B_j),
// the bound LB2 of doc.go, so it is optimal whenever the second phases never
// queue behind each other.
func LongestTailFirst(jobs []model.Job) []int {
	return sortedBy(jobs, func(j model.Job) [2]model.Duration { return [2]model.Duration{-(j.L + j.B), -j.L} })
}

// JohnsonOrder is Johnson's rule (1954) for the two-machine flow shop with
// processing times (A_j, L_j+B_j): jobs with A_j <= L_j+B_j first by
// ascending A_j, then the others by descending L_j+B_j. It treats the wait
// plus the second phase as the second machine, which is exact when that
// machine never queues (then it is a flow shop with a non-bottleneck second
// stage) and otherwise only a starting point; ties by index.
func JohnsonOrder(jobs []model.Job) []int {
	return johnson(jobs, func(j model.Job) (model.Duration, model.Duration) { return j.A, j.L + j.B })
}

// Mitten is Mitten's rule (1959): Johnson's rule on the pair
// (A_j + L_j, L_j + B_j), jobs with A_j <= B_j first by ascending A_j + L_j,
// then the others by descending L_j + B_j; ties by index. It is optimal
// among permutation schedules of the two-machine flow shop with minimum time
// lags L_j (F2|l_j|Cmax with the same order on both machines), which the
// gather is but for its second machine, which is the same CPU and may not
// start before all first phases are done.
//
// Reference: L. G. Mitten, Sequencing n jobs on two machines with arbitrary
// time lags, Management Science 5(3):293-298, 1959.
func Mitten(jobs []model.Job) []int {
	return johnson(jobs, func(j model.Job) (model.Duration, model.Duration) { return j.A + j.L, j.L + j.B })
}

// johnson sorts jobs by Johnson's rule on the processing-time pairs (a, b)
// that times gives: jobs with a <= b first by ascending a, then the others by
// descending b; ties by index.
func johnson(jobs []model.Job, times func(model.Job) (a, b model.Duration)) []int {
	p := Identity(len(jobs))
	slices.SortStableFunc(p, func(x, y int) int {
		ax, bx := times(jobs[x])
		ay, by := times(jobs[y])
		fx, fy := ax <= bx, ay <= by
		switch {
		case fx && !fy:
			return -1
		case !fx && fy:
			return 1
		case fx:
			return cmp.Compare(ax, ay)
		}
		return cmp.Compare(by, bx)
	})
	return p
}

func sortedBy(jobs []model.Job, key func(model.Job) [2]model.Duration) []int {
	p := Identity(len(jobs))
	slices.SortStableFunc(p, func(x, y int) int {
		kx, ky := key(jobs[x]), key(jobs[y])
		if c := cmp.Compare(kx[0], ky[0]); c != 0 {
			return c
		}
		return cmp.Compare(kx[1], ky[1])
	})
	return p
}

// Heuristic is the fast heuristic: the best of LIF, LongestTailFirst and
// JohnsonOrder, improved by LocalSearch. It is never worse than LIF (the
// start includes LIF and LocalSearch never accepts a worse order). Cost:
// O(n^3 log n) per improvement round with n ClosedForm evaluations per move.
func Heuristic(jobs []model.Job) []int {
	best, bc := JobsLIF(jobs), model.Duration(0)
	bc = model.ClosedForm(jobs, best)
	for _, p := range [][]int{LongestTailFirst(jobs), JohnsonOrder(jobs)} {
		if c := model.ClosedForm(jobs, p); c < bc {
			best, bc = p, c
		}
	}
	return LocalSearch(jobs, best)
}

// LocalSearch improves start by first-improvement moves until none helps:
// moving one job to another position (insertion) and exchanging two jobs.
// Moves are tried in a fixed order, so the result is deterministic. It
// returns a new slice; start is not modified.
func LocalSearch(jobs []model.Job, start []int) []int {
	n := len(start)
	cur := slices.Clone(start)
	c := model.ClosedForm(jobs, cur)
	try := make([]int, n)
	for improved := true; improved; {
		improved = false
		for i := 0; i < n; i++ {
			for k := 0; k < n; k++ {
				if k == i {
					continue
				}
				insertMove(try, cur, i, k)
				if t := model.ClosedForm(jobs, try); t < c {
					copy(cur, try)
					c, improved = t, true
				}
			}
		}
		for i := 0; i < n; i++ {
			for k := i + 1; k < n; k++ {
				cur[i], cur[k] = cur[k], cur[i]
				if t := model.ClosedForm(jobs, cur); t < c {
					c, improved = t, true
				} else {
					cur[i], cur[k] = cur[k], cur[i]
				}
			}
		}
	}
	return cur
}

// insertMove writes into dst the order src with the job at position i moved
// to position k.
func insertMove(dst, src []int, i, k int) {
	copy(dst, src)
	x := dst[i]
	if i < k {
		copy(dst[i:k], dst[i+1:k+1])
	} else {
		copy(dst[k+1:i+1], dst[k:i])
	}
	dst[k] = x
}
