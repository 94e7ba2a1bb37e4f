package props

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
)

// Class is a described set of workloads a claim quantifies over, with an
// exhaustive enumerator of its small instances and a decoder of flat
// integer vectors into its members (what the gopter engine draws). The
// random engines' own generators live with the engines (package
// props/pbt), which link Go's testing package; this package does not.
type Class struct {
	// ID names the class; Doc defines it precisely.
	ID, Doc string
	// MinN and MaxN bound the number of tasks intrinsically (MaxN 0: any).
	MinN, MaxN int
	// AnyN classes are not capped at MaxTasks: their claims' predicates
	// never enumerate the n! orders of a large instance (a closed form and a
	// lower bound decide them), so the scopes may go beyond MaxTasks.
	AnyN bool
	// Member reports whether w belongs to the class (tests check that every
	// generator stays inside it).
	Member func(w *model.Workload) bool
	// Base and Limit, for a class of bounded gathers (limit.go), are the
	// class of the tasks and the limit they all run under; nil and the
	// zero Limit otherwise.
	Base  *Class
	Limit model.Limit
	// jobs splits the enumeration of all instances with n tasks within s
	// into independent jobs, each enumerating its instances in sorted
	// arrangement and in increasing order of Compare.
	jobs func(s Scope, n int) []func(yield func(*Instance))
	// width is how many int64s decode reads.
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
	if c.AnyN {
		return lo, hi
	}
	return lo, min(hi, MaxTasks)
}

// Width is the length of the integer vectors Decode reads within w.
func (c *Class) Width(w Wide) int { return c.width(w) }

// Decode turns a vector of Width(w) integers in [0, w.MaxDur] into a
// workload of the class: every such vector decodes to a member, and
// shrinking an integer towards 0 shrinks the workload.
func (c *Class) Decode(v []int64, w Wide) *model.Workload { return c.decode(v, w) }

// pick maps a raw integer to [lo, hi], shrinking towards lo.
func pick(v int64, lo, hi int) int { return lo + int(v%int64(hi-lo+1)) }
