package props

import (
	"slices"

	"github.com/gatherorder/gatherorder/model"
)

// The classes of workloads the claims quantify over. Durations are
// non-negative integers (ns in the engines; any unit by scaling, since
// every claim is invariant under multiplying all durations by a constant).

// Canonical: every task is cpu A; sleep L; cpu B with A, B ≥ 0 and L > 0.
var Canonical = &Class{
	ID:     "canonical",
	Doc:    "every task is `cpu A; sleep L; cpu B` with integers A ≥ 0, L ≥ 1, B ≥ 0, arbitrary per task",
	Member: func(w *model.Workload) bool { return allJobs(w, func(j model.Job) bool { return j.L > 0 }) },
	jobs: func(s Scope, n int) []func(yield func(*Instance)) {
		return multisetJobs(jobSpace(s, false), n, s.MaxTotal)
	},
	width: func(w Wide) int { return 1 + 3*w.MaxN },
	decode: func(v []int64, w Wide) *model.Workload {
		n := pick(v[0], 1, w.MaxN)
		js := make([]model.Job, n)
		for i := range js {
			x := v[1+3*i:]
			js[i] = model.Job{A: model.Duration(x[0]), L: model.Duration(pick(x[1], 1, int(w.MaxDur))), B: model.Duration(x[2])}
		}
		return jobsWorkload(js)
	},
}

// NoPostCPU: canonical with B = 0 for every task (no CPU after the wait).
var NoPostCPU = &Class{
	ID:     "no-post-cpu",
	Doc:    "every task is `cpu A; sleep L; cpu 0` with integers A ≥ 0, L ≥ 1 (no CPU work after the wait; a trailing `cpu 0` takes no time and changes no finish time)",
	Member: func(w *model.Workload) bool { return allJobs(w, func(j model.Job) bool { return j.L > 0 && j.B == 0 }) },
	jobs: func(s Scope, n int) []func(yield func(*Instance)) {
		return multisetJobs(jobSpace(s, true), n, s.MaxTotal)
	},
	width: func(w Wide) int { return 1 + 2*w.MaxN },
	decode: func(v []int64, w Wide) *model.Workload {
		n := pick(v[0], 1, w.MaxN)
		js := make([]model.Job, n)
		for i := range js {
			js[i] = model.Job{A: model.Duration(v[1+2*i]), L: model.Duration(pick(v[2+2*i], 1, int(w.MaxDur)))}
		}
		return jobsWorkload(js)
	},
}

// EqualCPU: canonical with every A and B equal to one c ≥ 0.
var EqualCPU = &Class{
	ID:     "equal-cpu",
	Doc:    "every task is `cpu c; sleep L; cpu c` with one integer c ≥ 0 shared by all tasks and integers L ≥ 1 per task",
	Member: equalCPUMember,
	jobs:   equalCPUJobs,
	width:  func(w Wide) int { return 2 + w.MaxN },
	decode: func(v []int64, w Wide) *model.Workload { return equalCPUDecode(v, w, 1, w.MaxN) },
}

// EqualCPUTwo: EqualCPU with exactly two tasks.
var EqualCPUTwo = &Class{
	ID:     "equal-cpu-two",
	Doc:    "two tasks `cpu c; sleep L1; cpu c` and `cpu c; sleep L2; cpu c` with integers c ≥ 0, L1, L2 ≥ 1",
	MinN:   2,
	MaxN:   2,
	Member: func(w *model.Workload) bool { return len(w.Tasks) == 2 && equalCPUMember(w) },
	jobs:   equalCPUJobs,
	width:  func(w Wide) int { return 2 + 2 },
	decode: func(v []int64, w Wide) *model.Workload { return equalCPUDecode(v, w, 2, 2) },
}

// Hop: cpu A; io 0; sleep L; cpu B, i.e. one extra loop turn (a
// connection set-up that is ready at once) between the first CPU phase and
// the wait.
var Hop = &Class{
	ID:  "hop",
	Doc: "every task is `cpu A; io 0; sleep L; cpu B` with integers A ≥ 0, L ≥ 1, B ≥ 0 per task",
	Member: func(w *model.Workload) bool {
		for _, t := range w.Tasks {
			s := t.Steps
			if len(s) != 4 || s[0].Kind != model.CPU || s[1] != (model.Step{Kind: model.IO}) ||
				s[2].Kind != model.Sleep || s[2].D < 1 || s[3].Kind != model.CPU {
				return false
			}
		}
		return true
	},
	jobs: func(s Scope, n int) []func(yield func(*Instance)) {
		var space []model.Task
		for _, t := range jobSpace(s, false) {
			st := t.Steps
			space = append(space, model.Task{Steps: []model.Step{st[0], {Kind: model.IO}, st[1], st[2]}})
		}
		slices.SortStableFunc(space, compareTasks)
		return multisetJobs(space, n, s.MaxTotal)
	},
	width: func(w Wide) int { return 1 + 3*w.MaxN },
	decode: func(v []int64, w Wide) *model.Workload {
		return hopWorkload(jobsOf(Canonical.decode(v, w)))
	},
}

// MultiStep: general workloads, each task 1..S steps of any kind.
var MultiStep = &Class{
	ID:     "multi-step",
	Doc:    "every task is any sequence of 1 to S steps, each `cpu d`, `sleep d` or `io d` with an integer d ≥ 0 (S is the scope's step bound)",
	Member: func(w *model.Workload) bool { return w.Validate() == nil },
	jobs: func(s Scope, n int) []func(yield func(*Instance)) {
		var space []model.Task
		kinds := []model.Kind{model.CPU, model.Sleep, model.IO}
		for m := 1; m <= s.MaxSteps; m++ {
			shape := make([]model.Kind, m)
			var rec func(k int)
			rec = func(k int) {
				if k == m {
					compositions(make([]model.Duration, m), s.MaxDur, s.MaxTotal, func(v []model.Duration) {
						st := make([]model.Step, m)
						for i := range st {
							st[i] = model.Step{Kind: shape[i], D: v[i]}
						}
						space = append(space, model.Task{Steps: st})
					})
					return
				}
				for _, kd := range kinds {
					shape[k] = kd
					rec(k + 1)
				}
			}
			rec(0)
		}
		slices.SortStableFunc(space, compareTasks)
		return multisetJobs(space, n, s.MaxTotal)
	},
	width: func(w Wide) int { return 1 + w.MaxN*(1+2*w.MaxSteps) },
	decode: func(v []int64, w Wide) *model.Workload {
		n := pick(v[0], 1, w.MaxN)
		wl := &model.Workload{Unit: model.Nanosecond}
		for i := 0; i < n; i++ {
			x := v[1+i*(1+2*w.MaxSteps):]
			m := pick(x[0], 1, w.MaxSteps)
			st := make([]model.Step, m)
			for j := range st {
				st[j] = model.Step{Kind: model.Kind(x[1+2*j] % 3), D: model.Duration(x[2+2*j])}
			}
			wl.Tasks = append(wl.Tasks, model.Task{Name: taskName(i), Steps: st})
		}
		return wl
	},
}

// FiveQuarters: the family of FiveQuartersFamily, one instance per odd
// n ≥ 3 and c ≥ 1 (family.go).
var FiveQuarters = &Class{
	ID:   "five-quarters-family",
	Doc:  "for odd n = 2m+1 ≥ 3 and integer c ≥ 1, the n tasks `cpu c; sleep (m+i)c; cpu c`, i = 0, …, n−1 (equal CPU phases, waits mc to (3m)c)",
	MinN: 3,
	AnyN: true,
	Member: func(w *model.Workload) bool {
		if !allJobs(w, func(j model.Job) bool { return j.L > 0 }) {
			return false
		}
		_, ok := fiveQuartersMember(jobsOf(w))
		return ok
	},
	jobs:  fiveQuartersJobs,
	width: func(w Wide) int { return 2 },
	decode: func(v []int64, w Wide) *model.Workload {
		n := 3 + 2*pick(v[0], 0, (max(w.MaxN, 3)-3)/2)
		return jobsWorkload(FiveQuartersFamily(n, model.Duration(pick(v[1], 1, max(int(w.MaxDur), 1)))))
	},
}

// Classes lists every class, for documentation and tests.
var Classes = []*Class{EqualCPUTwo, EqualCPU, NoPostCPU, Canonical, Hop, MultiStep, FiveQuarters, TwoPointEqualCPU, TwoPointCanonical}

// ClassByID returns the class with the given id, or nil.
func ClassByID(id string) *Class {
	for _, c := range Classes {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// jobSpace is every canonical task with A, B ≤ MaxDur (B = 0 if noPost),
// 1 ≤ L ≤ MaxDur and A+L+B ≤ MaxTotal, sorted by compareTasks.
func jobSpace(s Scope, noPost bool) []model.Task {
	maxB := s.MaxDur
	if noPost {
		maxB = 0
	}
	var space []model.Task
	for a := model.Duration(0); a <= s.MaxDur; a++ {
		for l := model.Duration(1); l <= s.MaxDur; l++ {
			for b := model.Duration(0); b <= maxB; b++ {
				if a+l+b <= s.MaxTotal {
					space = append(space, model.Canonical("", a, l, b))
				}
			}
		}
	}
	slices.SortStableFunc(space, compareTasks)
	return space
}

func allJobs(w *model.Workload, ok func(model.Job) bool) bool {
	for _, t := range w.Tasks {
		j, is := model.AsJob(t)
		if !is || !ok(j) {
			return false
		}
	}
	return true
}

func jobsOf(w *model.Workload) []model.Job {
	js := make([]model.Job, len(w.Tasks))
	for i, t := range w.Tasks {
		js[i], _ = model.AsJob(t)
	}
	return js
}

// jobsWorkload is the canonical workload of js (unit ns, tasks a, b, ...).
func jobsWorkload(js []model.Job) *model.Workload {
	w := &model.Workload{Unit: model.Nanosecond, Tasks: make([]model.Task, len(js))}
	for i, j := range js {
		w.Tasks[i] = j.Task(taskName(i))
	}
	return w
}

func hopWorkload(js []model.Job) *model.Workload {
	w := &model.Workload{Unit: model.Nanosecond}
	for i, j := range js {
		w.Tasks = append(w.Tasks, model.Task{Name: taskName(i), Steps: []model.Step{
			{Kind: model.CPU, D: j.A}, {Kind: model.IO}, {Kind: model.Sleep, D: j.L}, {Kind: model.CPU, D: j.B}}})
	}
	return w
}

func equalCPUMember(w *model.Workload) bool {
	if len(w.Tasks) == 0 {
		return true
	}
	c, _ := model.AsJob(w.Tasks[0])
	return allJobs(w, func(j model.Job) bool { return j.L > 0 && j.A == c.A && j.B == c.A })
}

// equalCPUJobs enumerates c, then the multiset of waits L1 ≤ ... ≤ Ln
// (sorted arrangement: tasks differ only in L), one job per c.
func equalCPUJobs(s Scope, n int) []func(yield func(*Instance)) {
	var jobs []func(yield func(*Instance))
	for c := model.Duration(0); c <= s.MaxDur && 2*model.Duration(n)*c+model.Duration(n) <= s.MaxTotal; c++ {
		jobs = append(jobs, func(yield func(*Instance)) {
			ls := make([]model.Duration, n)
			var rec func(k int, lo, sum model.Duration)
			rec = func(k int, lo, sum model.Duration) {
				if k == n {
					tasks := make([]model.Task, n)
					for i, l := range ls {
						tasks[i] = model.Canonical("", c, l, c)
					}
					yield(newArranged(tasks))
					return
				}
				rest := model.Duration(n-1-k) * (2*c + lo)
				for l := lo; l <= s.MaxDur && sum+2*c+l+rest <= s.MaxTotal; l++ {
					ls[k] = l
					rec(k+1, l, sum+2*c+l)
				}
			}
			rec(0, 1, 0)
		})
	}
	return jobs
}

func equalCPUDecode(v []int64, w Wide, lo, hi int) *model.Workload {
	n := pick(v[0], lo, hi)
	c := model.Duration(v[1])
	js := make([]model.Job, n)
	for i := range js {
		js[i] = model.Job{A: c, L: model.Duration(pick(v[2+i], 1, int(w.MaxDur))), B: c}
	}
	return jobsWorkload(js)
}
