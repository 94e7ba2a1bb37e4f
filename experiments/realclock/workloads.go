package realclock

import (
	"fmt"
	"math/rand/v2"

	"github.com/gatherorder/gatherorder/model"
)

// Class is a family of generated workloads.
type Class string

const (
	Canonical Class = "canonical" // cpu A; sleep L; cpu B per task
	General   Class = "general"   // 1-4 steps of any kind per task
)

// Spec is one generated workload.
type Spec struct {
	ID       int
	Class    Class
	Workload *model.Workload
}

// Workloads draws n workloads from a PCG seeded with seed, alternating the
// classes (even ids Canonical, odd General) so that a short run has both.
// Durations are whole units of unit ns; the draws depend only on (seed, n),
// never on the machine, so every run measures the same inputs.
func Workloads(seed uint64, n int, unit model.Duration) []Spec {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	out := make([]Spec, n)
	for id := range out {
		c := Canonical
		if id%2 == 1 {
			c = General
		}
		out[id] = Spec{ID: id, Class: c, Workload: draw(rng, c, unit)}
	}
	return out
}

// draw makes one workload of 2 to 5 tasks. Canonical: A, B in 0..3 units,
// L in 0..8 units (L = 0 is the bare-yield path). General: 1 to 4 steps,
// CPU half of the time, else sleep or io, each 0..4 units.
func draw(rng *rand.Rand, c Class, unit model.Duration) *model.Workload {
	n := 2 + rng.IntN(4)
	w := &model.Workload{Unit: model.Millisecond, Tasks: make([]model.Task, n)}
	u := func(k int) model.Duration { return model.Duration(rng.IntN(k+1)) * unit }
	for i := range w.Tasks {
		name := fmt.Sprintf("t%d", i)
		if c == Canonical {
			w.Tasks[i] = model.Canonical(name, u(3), u(8), u(3))
			continue
		}
		steps := make([]model.Step, 1+rng.IntN(4))
		for j := range steps {
			switch k := rng.IntN(4); {
			case k < 2:
				steps[j] = model.Step{Kind: model.CPU, D: u(4)}
			case k == 2:
				steps[j] = model.Step{Kind: model.Sleep, D: u(4)}
			default:
				steps[j] = model.Step{Kind: model.IO, D: u(4)}
			}
		}
		w.Tasks[i] = model.Task{Name: name, Steps: steps}
	}
	return w
}
