package pbt

import (
	"fmt"

	"github.com/gatherorder/gatherorder/internal/gen"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/props"
	"pgregory.net/rapid"
)

// Generator is the rapid generator of class c within w: up to w.MaxN tasks
// (within the class's own bounds), durations up to w.MaxDur drawn
// tie-heavy (gen.Dur), and for props.MultiStep up to w.MaxSteps steps per
// task. Every value it draws is a member of c (TestGeneratorsStayInTheirClass).
func Generator(c *props.Class, w props.Wide) *rapid.Generator[*model.Workload] {
	if c.Base != nil {
		// A class of bounded gathers: its base class's workloads under
		// its limit, with at least c.MinN tasks.
		l, lo := c.Limit, c.MinN
		base := Generator(c.Base, w).Filter(func(x *model.Workload) bool { return len(x.Tasks) >= lo })
		return rapid.Custom(func(t *rapid.T) *model.Workload {
			x := base.Draw(t, "w")
			x.Limit = l
			return x
		})
	}
	switch c {
	case props.Canonical:
		return rapid.Custom(func(t *rapid.T) *model.Workload {
			return gen.JobsWorkload(gen.Jobs(1, w.MaxN, w.MaxDur, 1, w.MaxDur).Draw(t, "jobs"))
		})
	case props.NoPostCPU:
		return rapid.Custom(func(t *rapid.T) *model.Workload {
			js := gen.Jobs(1, w.MaxN, w.MaxDur, 1, w.MaxDur).Draw(t, "jobs")
			for i := range js {
				js[i].B = 0
			}
			return gen.JobsWorkload(js)
		})
	case props.EqualCPU:
		return equalCPU(w, 1, w.MaxN)
	case props.EqualCPUTwo:
		return equalCPU(w, 2, 2)
	case props.Hop:
		return rapid.Custom(func(t *rapid.T) *model.Workload {
			js := gen.Jobs(1, w.MaxN, w.MaxDur, 1, w.MaxDur).Draw(t, "jobs")
			wl := &model.Workload{Unit: model.Nanosecond}
			for i, j := range js {
				wl.Tasks = append(wl.Tasks, model.Task{Name: fmt.Sprintf("t%d", i), Steps: []model.Step{
					{Kind: model.CPU, D: j.A}, {Kind: model.IO}, {Kind: model.Sleep, D: j.L}, {Kind: model.CPU, D: j.B}}})
			}
			return wl
		})
	case props.MultiStep:
		return multiStep(w)
	case props.FiveQuarters:
		return rapid.Custom(func(t *rapid.T) *model.Workload {
			m := rapid.IntRange(1, max(w.MaxN-1, 2)/2).Draw(t, "m")
			c := 1 + gen.Dur(max(w.MaxDur, 1)-1).Draw(t, "c")
			return gen.JobsWorkload(props.FiveQuartersFamily(2*m+1, c))
		})
	case props.TwoPointEqualCPU, props.TwoPointCanonical:
		// Tie-heavy raw integers (gen.Dur) through the class's decoder:
		// a different distribution from gopter's uniform vectors.
		return rapid.Custom(func(t *rapid.T) *model.Workload {
			v := make([]int64, c.Width(w))
			for i := range v {
				v[i] = int64(gen.Dur(w.MaxDur).Draw(t, "v"))
			}
			return c.Decode(v, w)
		})
	}
	panic("pbt: no rapid generator for class " + c.ID)
}

func equalCPU(w props.Wide, lo, hi int) *rapid.Generator[*model.Workload] {
	return rapid.Custom(func(t *rapid.T) *model.Workload {
		n := rapid.IntRange(lo, hi).Draw(t, "n")
		c := gen.Dur(w.MaxDur).Draw(t, "c")
		js := make([]model.Job, n)
		for i := range js {
			js[i] = model.Job{A: c, L: 1 + gen.Dur(w.MaxDur-1).Draw(t, "l"), B: c}
		}
		return gen.JobsWorkload(js)
	})
}

// multiStep draws tasks and steps as rapid slices (not gen.Workload's flat
// draws) so that rapid's shrinker can delete whole tasks and steps: that is
// what lets it reach counterexamples as small as the exhaustive engine's
// (TestRapidShrinksToTheMinimalSize).
func multiStep(w props.Wide) *rapid.Generator[*model.Workload] {
	step := rapid.Custom(func(t *rapid.T) model.Step {
		return model.Step{
			Kind: rapid.SampledFrom([]model.Kind{model.CPU, model.Sleep, model.IO}).Draw(t, "kind"),
			D:    gen.Dur(w.MaxDur).Draw(t, "d"),
		}
	})
	task := rapid.SliceOfN(step, 1, w.MaxSteps)
	return rapid.Custom(func(t *rapid.T) *model.Workload {
		wl := &model.Workload{Unit: model.Nanosecond}
		for i, st := range rapid.SliceOfN(task, 1, w.MaxN).Draw(t, "tasks") {
			wl.Tasks = append(wl.Tasks, model.Task{Name: fmt.Sprintf("t%d", i), Steps: st})
		}
		return wl
	})
}
