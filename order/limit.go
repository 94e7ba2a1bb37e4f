package order

import (
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// MaxLimitedExhaustive is the largest number of tasks whose orders
// ChooseLimited tries one by one under a limit: 9! = 362,880 simulations
// of at most 9 tasks, well under a second (BenchmarkLimitedGather).
const MaxLimitedExhaustive = 9

// LongestTotalFirst orders tasks by descending total duration (the sum of
// all their steps: what a task holds its slot for under a limit, Graham's
// LPT rule on whole coroutines), ties in given order.
func LongestTotalFirst(w *model.Workload) []int {
	return orderBy(len(w.Tasks), func(j int) (model.Duration, model.Duration) { return -TotalDuration(w.Tasks[j]), 0 })
}

// TotalDuration is the sum of the durations of all of t's steps: the
// least time its body can take.
func TotalDuration(t model.Task) model.Duration {
	var s model.Duration
	for _, st := range t.Steps {
		s += st.D
	}
	return s
}

// LimitedBound is a lower bound of the makespan of every order of a
// workload with a limit of k (model/SEMANTICS.md §S17), the largest of:
//
//   - CPU: the sum of all cpu steps (one thread runs them all);
//   - Task: the largest total duration T_j of one task (its steps run one
//     after another and each takes at least its duration);
//   - Slots: ⌈ΣT_j / k⌉. Under a Semaphore(k) task j holds a slot for its
//     whole body, at least T_j, and at most k hold one at any instant; k
//     workers run their coroutines one after another. So k·C >= ΣT_j;
//   - Release: for every θ, θ plus the cpu after the first await of the
//     tasks j with λ_j + ω_j >= θ (lead cpu λ_j and first wait ω_j: that
//     cpu cannot start before θ, whenever the task starts).
//
// Under k = 1 the Slots bound is the makespan of every order
// (model/SEMANTICS.md §S17.3), so every order is proven optimal.
func LimitedBound(w *model.Workload) model.Duration {
	k := w.Limit.K
	if !w.Limit.Bounded() || k < 1 {
		k = max(1, len(w.Tasks))
	}
	var cpu, total, task model.Duration
	sh := shapes(w)
	for i, t := range w.Tasks {
		tt := TotalDuration(t)
		total += tt
		task = max(task, tt)
		cpu += sh[i].lead + sh[i].rest
	}
	kd := model.Duration(k)
	lb := max(cpu, task, total/kd+min(1, total%kd))
	// Release: sorted by λ+ω descending, the cpu released at or after θ
	// grows as θ falls; the bound is attained at some θ = λ_j + ω_j.
	by := orderBy(len(sh), func(j int) (model.Duration, model.Duration) { return -(sh[j].lead + sh[j].wait), 0 })
	var rest model.Duration
	for _, j := range by {
		rest += sh[j].rest
		lb = max(lb, sh[j].lead+sh[j].wait+rest)
	}
	return lb
}

// chooseLimited is Best for a workload with a limit on runtime rt: every
// order (up to MaxLimitedExhaustive tasks, and no more orders than a
// positive lim.Nodes allows), skipping orders that only swap identical
// tasks and stopping at LimitedBound; beyond, SearchWorkload's local
// search on the limited simulator with LimitedBound as its proven bound.
func chooseLimited(w *model.Workload, lim Limits, rt model.Runtime) Choice {
	n := len(w.Tasks)
	lb := LimitedBound(w)
	c := Choice{Policy: Best}
	perms := int64(1)
	for i := 2; i <= n; i++ {
		perms *= int64(i)
	}
	if n <= MaxLimitedExhaustive && (lim.Nodes <= 0 || perms <= lim.Nodes) {
		s := model.Sim{Runtime: rt}
		cls := taskClasses(w)
		best := model.Duration(-1)
		forEachDistinctPerm(cls, func(p []int) bool {
			c.Nodes++
			m := s.Run(w, p, false).Makespan
			if best < 0 || m < best {
				best, c.Order = m, append(c.Order[:0], p...)
			}
			return best > lb
		})
		c.Optimal, c.LowerBound, c.Method = true, best, MethodExhaustive
		return c
	}
	sol := searchWorkload(w, lim, rt, lb)
	c.Order, c.Optimal, c.LowerBound, c.Nodes, c.Method = sol.Order, sol.Optimal, sol.LowerBound, sol.Nodes, MethodSearch
	return c
}

// taskClasses numbers w's tasks by identical step lists: cls[i] is the
// smallest index of a task with the same steps as task i. Swapping two
// identical tasks changes no makespan (the simulator sees only steps).
func taskClasses(w *model.Workload) []int {
	cls := make([]int, len(w.Tasks))
	for i := range w.Tasks {
		cls[i] = i
		for j := 0; j < i; j++ {
			if slices.Equal(w.Tasks[i].Steps, w.Tasks[j].Steps) {
				cls[i] = j
				break
			}
		}
	}
	return cls
}

// forEachDistinctPerm calls f with every order of the tasks in which
// identical tasks (equal cls) keep their index order, lexicographically;
// it stops when f returns false.
func forEachDistinctPerm(cls []int, f func(p []int) bool) {
	n := len(cls)
	p := make([]int, 0, n)
	used := make([]bool, n)
	var rec func() bool
	rec = func() bool {
		if len(p) == n {
			return f(p)
		}
		for i := 0; i < n; i++ {
			if used[i] {
				continue
			}
			// The first unused task of its class only.
			first := true
			for j := 0; j < i; j++ {
				if !used[j] && cls[j] == cls[i] {
					first = false
					break
				}
			}
			if !first {
				continue
			}
			used[i] = true
			p = append(p, i)
			if !rec() {
				return false
			}
			p = p[:len(p)-1]
			used[i] = false
		}
		return true
	}
	rec()
}
