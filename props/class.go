package props

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
	"github.com/leanovate/gopter"
	gg "github.com/leanovate/gopter/gen"
	"pgregory.net/rapid"
)

// Class is a described set of workloads a claim quantifies over, with the
// three ways the engines draw from it: an exhaustive enumerator of small
// instances, a rapid generator and a gopter generator over wider ranges.
type Class struct {
	// ID names the class; Doc defines it precisely.
	ID, Doc string
	// MinN and MaxN bound the number of tasks intrinsically (MaxN 0: any).
	MinN, MaxN int
	// Member reports whether w belongs to the class (tests check that every
	// generator stays inside it).
	Member func(w *model.Workload) bool
	// jobs splits the enumeration of all instances with n tasks within s
	// into independent jobs, each enumerating its instances in canonical
	// arrangement and in increasing order of Compare.
	jobs func(s Scope, n int) []func(yield func(*Instance))
	// draw is the rapid generator; width is how many int64s decode reads.
	draw   func(w Wide) *rapid.Generator[*model.Workload]
	width  func(w Wide) int
	decode func(v []int64, w Wide) *model.Workload
}

// Scope bounds an exhaustive enumeration: every instance with MinN..MaxN
// tasks (within the class's own bounds), at most MaxSteps steps per task
// (classes of free shape), every duration at most MaxDur and the sum of
// all durations at most MaxTotal.
type Scope struct {
	MinN, MaxN       int
	MaxSteps         int
	MaxDur, MaxTotal model.Duration
}

func (s Scope) String() string {
	steps := ""
	if s.MaxSteps > 0 {
		steps = fmt.Sprintf(", at most %d steps per task", s.MaxSteps)
	}
	return fmt.Sprintf("%d ≤ n ≤ %d tasks%s, every duration ≤ %d and total ≤ %d (integer units)", s.MinN, s.MaxN, steps, s.MaxDur, s.MaxTotal)
}

// Wide bounds the random engines: up to MaxN tasks, durations up to MaxDur,
// up to MaxSteps steps per task for classes of free shape.
type Wide struct {
	MaxN     int
	MaxDur   model.Duration
	MaxSteps int
}

// nRange clips [lo, hi] to the class's intrinsic bounds.
func (c *Class) nRange(lo, hi int) (int, int) {
	lo = max(lo, c.MinN, 1)
	if c.MaxN > 0 {
		hi = min(hi, c.MaxN)
	}
	return lo, min(hi, MaxTasks)
}

// Rapid returns the class's rapid generator within w.
func (c *Class) Rapid(w Wide) *rapid.Generator[*model.Workload] { return c.draw(w) }

// Gopter returns the class's gopter generator within w: a flat vector of
// integers in [0, MaxDur] that Decode turns into a workload. Drawing raw
// integers keeps gopter's own shrinker (towards 0 element by element)
// effective, and keeps the engine independent of rapid's generators.
func (c *Class) Gopter(w Wide) gopter.Gen {
	return gg.SliceOfN(c.width(w), gg.Int64Range(0, int64(w.MaxDur)))
}

// Decode turns a gopter vector into a workload of the class.
func (c *Class) Decode(v []int64, w Wide) *model.Workload { return c.decode(v, w) }

// pick maps a raw integer to [lo, hi], shrinking towards lo.
func pick(v int64, lo, hi int) int { return lo + int(v%int64(hi-lo+1)) }
