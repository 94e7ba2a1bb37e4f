package props

import (
	"slices"
	"strconv"

	"github.com/gatherorder/gatherorder/model"
)

// Instance is one workload of a class in its sorted arrangement: tasks
// sorted by compareTasks and named a, b, c, ... (unit ns). Jobs holds the
// canonical durations when every task is cpu A; sleep L; cpu B, and is
// then what the engines evaluate with model.ClosedForm.
type Instance struct {
	W    *model.Workload
	Jobs []model.Job
}

// NewInstance returns the sorted arrangement of (a copy of) w.
func NewInstance(w *model.Workload) *Instance {
	tasks := make([]model.Task, len(w.Tasks))
	for i, t := range w.Tasks {
		tasks[i] = model.Task{Steps: slices.Clone(t.Steps), Dists: slices.Clone(t.Dists)}
	}
	slices.SortStableFunc(tasks, compareTasks)
	if w.Limit.Bounded() {
		return newArranged(tasks).withLimit(w.Limit)
	}
	return newArranged(tasks)
}

// newArranged wraps tasks that are already in sorted order.
func newArranged(tasks []model.Task) *Instance {
	w := &model.Workload{Unit: model.Nanosecond, Tasks: tasks}
	jobs := make([]model.Job, len(tasks))
	for i := range tasks {
		tasks[i].Name = taskName(i)
		j, ok := model.AsJob(tasks[i])
		if !ok || j.L < 1 {
			// ClosedForm's makespan also holds for L = 0, but the engines
			// use it only where the model's doc proves every detail equal.
			jobs = nil
		} else if jobs != nil {
			jobs[i] = j
		}
	}
	return &Instance{W: w, Jobs: jobs}
}

// taskName is a, b, ..., z, t26, t27, ...
func taskName(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return "t" + strconv.Itoa(i)
}

// Total is the sum of all step durations of w (taskTotal: a random
// step counts all its samples).
func Total(w *model.Workload) model.Duration {
	var s model.Duration
	for _, t := range w.Tasks {
		s += taskTotal(t)
	}
	return s
}

// compareTasks is the order of tasks inside an instance and the last key
// of the order of minimality: fewer steps first, then step by step by
// kind (cpu < sleep < io) and duration.
func compareTasks(a, b model.Task) int {
	if c := len(a.Steps) - len(b.Steps); c != 0 {
		return c
	}
	for i := range a.Steps {
		x, y := a.Steps[i], b.Steps[i]
		if x.Kind != y.Kind {
			return int(x.Kind) - int(y.Kind)
		}
		if x.D != y.D {
			if x.D < y.D {
				return -1
			}
			return 1
		}
	}
	return compareSamples(a, b)
}

// compareSamples orders tasks of equal steps by their random steps'
// samples (model/SEMANTICS.md §S16), step by step, lexicographically;
// constant steps come first.
func compareSamples(a, b model.Task) int {
	for i := range a.Steps {
		var x, y []model.Duration
		if a.Dists != nil {
			x = a.Dists[i].Samples
		}
		if b.Dists != nil {
			y = b.Dists[i].Samples
		}
		if c := slices.Compare(x, y); c != 0 {
			return c
		}
	}
	return 0
}

// Compare is the order of minimality of counterexamples (doc.go): fewer
// tasks, then smaller total duration, then lexicographic on the canonical
// arrangement (per task: number of steps, then each step's kind and
// duration; for a fixed shape this is the duration vector). Both instances
// must be in sorted arrangement.
func Compare(a, b *Instance) int {
	if c := len(a.W.Tasks) - len(b.W.Tasks); c != 0 {
		return c
	}
	if ta, tb := Total(a.W), Total(b.W); ta != tb {
		if ta < tb {
			return -1
		}
		return 1
	}
	for i := range a.W.Tasks {
		if c := compareTasks(a.W.Tasks[i], b.W.Tasks[i]); c != 0 {
			return c
		}
	}
	return 0
}
