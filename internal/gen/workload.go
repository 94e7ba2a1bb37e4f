package gen

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
	"pgregory.net/rapid"
)

// Spec bounds a generated workload.
type Spec struct {
	MinTasks, MaxTasks int
	MinSteps, MaxSteps int
	// MaxDur is the largest duration; half of the draws come from 0..3 so
	// that equal deadlines are frequent.
	MaxDur model.Duration
	// Kinds restricts step kinds (nil: all three).
	Kinds []model.Kind
}

// Dur draws a tie-heavy duration in [0, max].
func Dur(max model.Duration) *rapid.Generator[model.Duration] {
	return rapid.Custom(func(t *rapid.T) model.Duration {
		if max <= 3 || rapid.Bool().Draw(t, "small") {
			return model.Duration(rapid.Int64Range(0, int64(min(max, 3))).Draw(t, "d"))
		}
		return model.Duration(rapid.Int64Range(0, int64(max)).Draw(t, "d"))
	})
}

// Workload draws a workload of any shape within s, in unit ns, with task
// names t0, t1, ...
func Workload(s Spec) *rapid.Generator[*model.Workload] {
	kinds := s.Kinds
	if kinds == nil {
		kinds = []model.Kind{model.CPU, model.Sleep, model.IO}
	}
	return rapid.Custom(func(t *rapid.T) *model.Workload {
		n := rapid.IntRange(s.MinTasks, s.MaxTasks).Draw(t, "n")
		w := &model.Workload{Unit: model.Nanosecond, Tasks: make([]model.Task, n)}
		for i := range w.Tasks {
			m := rapid.IntRange(s.MinSteps, s.MaxSteps).Draw(t, "steps")
			steps := make([]model.Step, m)
			for j := range steps {
				steps[j] = model.Step{
					Kind: rapid.SampledFrom(kinds).Draw(t, "kind"),
					D:    Dur(s.MaxDur).Draw(t, "dur"),
				}
			}
			w.Tasks[i] = model.Task{Name: fmt.Sprintf("t%d", i), Steps: steps}
		}
		return w
	})
}

// Jobs draws n canonical jobs (cpu A; sleep L; cpu B) with A, B in
// [0, maxCPU] and L in [minL, maxL].
func Jobs(minN, maxN int, maxCPU, minL, maxL model.Duration) *rapid.Generator[[]model.Job] {
	return rapid.Custom(func(t *rapid.T) []model.Job {
		n := rapid.IntRange(minN, maxN).Draw(t, "n")
		js := make([]model.Job, n)
		for i := range js {
			js[i] = model.Job{
				A: Dur(maxCPU).Draw(t, "a"),
				L: minL + Dur(maxL-minL).Draw(t, "l"),
				B: Dur(maxCPU).Draw(t, "b"),
			}
		}
		return js
	})
}

// JobsWorkload turns jobs into a canonical workload named t0, t1, ...
func JobsWorkload(js []model.Job) *model.Workload {
	w := &model.Workload{Unit: model.Nanosecond, Tasks: make([]model.Task, len(js))}
	for i, j := range js {
		w.Tasks[i] = j.Task(fmt.Sprintf("t%d", i))
	}
	return w
}

// Perm draws a permutation of 0..n-1.
func Perm(n int) *rapid.Generator[[]int] {
	return rapid.Custom(func(t *rapid.T) []int {
		p := make([]int, n)
		for i := range p {
			p[i] = i
		}
		return rapid.Permutation(p).Draw(t, "perm")
	})
}
