package libuvclock

import (
	"fmt"
	"math/rand/v2"

	"github.com/gatherorder/gatherorder/experiments/realclock"
	"github.com/gatherorder/gatherorder/model"
)

// Contrast is the class of workloads built where the loops differ: tasks
// of a yield chain, a timer or socket reads, each after at most one unit
// of CPU, so that their events coincide
// (model/SEMANTICS.md §S14.6, §S15.7).
const Contrast realclock.Class = "contrast"

// contrast draws one task of the Contrast class: `cpu a` (a in 0..1 units),
// then one of: 1 to 3 bare yields (sleep 0); a sleep of 1..3 units; or an
// io of 0..2 units, CPU of 0..2 units and another io of 0..3 units; then
// `cpu b` (b in 0..2 units).
func contrast(rng *rand.Rand, unit model.Duration) []model.Step {
	u := func(m int) model.Duration { return model.Duration(rng.IntN(m+1)) * unit }
	steps := []model.Step{{Kind: model.CPU, D: u(1)}}
	switch rng.IntN(3) {
	case 0:
		for k := 1 + rng.IntN(3); k > 0; k-- {
			steps = append(steps, model.Step{Kind: model.Sleep})
		}
	case 1:
		steps = append(steps, model.Step{Kind: model.Sleep, D: u(2) + unit})
	default:
		steps = append(steps, model.Step{Kind: model.IO, D: u(2)}, model.Step{Kind: model.CPU, D: u(2)}, model.Step{Kind: model.IO, D: u(3)})
	}
	return append(steps, model.Step{Kind: model.CPU, D: u(2)})
}

// Workloads draws n workloads of 2 to 4 tasks from a PCG seeded with
// seed, the ids in turn canonical, general and Contrast (realclock.Spec);
// durations are whole units of unit ns. Canonical: A, B in 0..2 units, L
// in 0..6. General: 1 to 4 steps: CPU of 0, 1, 1 or 2 units (two fifths),
// sleep (two fifths) or io of 0, 0, 1 or 2 units.
func Workloads(seed uint64, n int, unit model.Duration) []realclock.Spec {
	rng := rand.New(rand.NewPCG(seed, 0x6c69627576))
	out := make([]realclock.Spec, n)
	for id := range out {
		c := []realclock.Class{realclock.Canonical, realclock.General, Contrast}[id%3]
		k := 2 + rng.IntN(3)
		w := &model.Workload{Unit: model.Millisecond, Tasks: make([]model.Task, k)}
		u := func(m int) model.Duration { return model.Duration(rng.IntN(m+1)) * unit }
		for i := range w.Tasks {
			name := fmt.Sprintf("t%d", i)
			if c == realclock.Canonical {
				w.Tasks[i] = model.Canonical(name, u(2), u(6), u(2))
				continue
			}
			if c == Contrast {
				w.Tasks[i] = model.Task{Name: name, Steps: contrast(rng, unit)}
				continue
			}
			steps := make([]model.Step, 1+rng.IntN(4))
			for j := range steps {
				// Half of the waits are 0: bare yields, setImmediate and
				// io 0 are where the loops differ most
				// (model/SEMANTICS.md §S14.6, §S15.7).
				d := []model.Duration{0, 0, unit, 2 * unit}[rng.IntN(4)]
				switch r := rng.IntN(5); {
				case r < 2:
					steps[j] = model.Step{Kind: model.CPU, D: []model.Duration{0, unit, unit, 2 * unit}[rng.IntN(4)]}
				case r < 4:
					steps[j] = model.Step{Kind: model.Sleep, D: d}
				default:
					steps[j] = model.Step{Kind: model.IO, D: d}
				}
			}
			w.Tasks[i] = model.Task{Name: name, Steps: steps}
		}
		out[id] = realclock.Spec{ID: id, Class: c, Workload: w}
	}
	return out
}
