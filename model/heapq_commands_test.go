package model

import (
	"fmt"
	"slices"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"
)

// A stateful test (gopter's commands package) of the loop's timer heap
// against a simple reference: a plain slice of deadlines. After every
// command
//
//   - the heap invariant holds (no parent's deadline exceeds a child's);
//   - the heap's deadlines equal the reference's as a multiset;
//   - the heap's (deadline, task) entries are exactly those before the
//     command plus the pushed one, or minus the popped one;
//   - a pop returns an entry that was in the heap, with the reference's
//     minimal deadline.
//
// Which of several equal deadlines leaves first is CPython's heapq order,
// pinned separately (heapq_test.go); here it need only be one of them, so
// the reference keeps deadlines, and task identities are checked against
// the heap's own contents before and after the command.

type entry struct {
	when Duration
	task int32
}

type step struct {
	before, after []entry
	invariant     bool
	popped        entry
}

func entries(h *timerHeap) []entry {
	var s []entry
	for i := range h.when {
		s = append(s, entry{h.when[i], h.task[i]})
	}
	return s
}

func heapOK(h *timerHeap) bool {
	for i := 1; i < len(h.when); i++ {
		if h.when[(i-1)/2] > h.when[i] {
			return false
		}
	}
	return true
}

type pushCmd entry

func (c pushCmd) Run(sut commands.SystemUnderTest) commands.Result {
	h := sut.(*timerHeap)
	s := step{before: entries(h)}
	h.push(c.when, c.task)
	s.after, s.invariant = entries(h), heapOK(h)
	return s
}

func (c pushCmd) NextState(s commands.State) commands.State {
	return append(slices.Clone(s.([]Duration)), c.when)
}

func (pushCmd) PreCondition(commands.State) bool { return true }

func (c pushCmd) PostCondition(s commands.State, r commands.Result) *gopter.PropResult {
	st := r.(step)
	return check(s.([]Duration), st, append(slices.Clone(st.before), entry(c)))
}

func (c pushCmd) String() string { return fmt.Sprintf("push(%d, %d)", c.when, c.task) }

type popCmd struct{}

func (popCmd) Run(sut commands.SystemUnderTest) commands.Result {
	h := sut.(*timerHeap)
	s := step{before: entries(h)}
	w, t := h.pop()
	s.popped = entry{w, t}
	s.after, s.invariant = entries(h), heapOK(h)
	return s
}

// NextState removes one minimal deadline from the reference.
func (popCmd) NextState(s commands.State) commands.State {
	ref := slices.Clone(s.([]Duration))
	i := slices.Index(ref, slices.Min(ref))
	return slices.Delete(ref, i, i+1)
}

func (popCmd) PreCondition(s commands.State) bool { return len(s.([]Duration)) > 0 }

func (popCmd) PostCondition(s commands.State, r commands.Result) *gopter.PropResult {
	st := r.(step)
	ref := s.([]Duration) // after NextState
	i := slices.Index(st.before, st.popped)
	if i < 0 {
		return gopter.NewPropResult(false, fmt.Sprintf("popped %v, which was not in the heap %v", st.popped, st.before))
	}
	for _, d := range ref {
		if d < st.popped.when {
			return gopter.NewPropResult(false, fmt.Sprintf("popped deadline %d, but %d remains", st.popped.when, d))
		}
	}
	return check(ref, st, slices.Delete(slices.Clone(st.before), i, i+1))
}

func (popCmd) String() string { return "pop()" }

func check(ref []Duration, st step, want []entry) *gopter.PropResult {
	if !st.invariant {
		return gopter.NewPropResult(false, fmt.Sprintf("heap invariant broken: %v", st.after))
	}
	if !sameEntries(st.after, want) {
		return gopter.NewPropResult(false, fmt.Sprintf("heap holds %v, want %v", st.after, want))
	}
	var got []Duration
	for _, e := range st.after {
		got = append(got, e.when)
	}
	slices.Sort(got)
	r := slices.Clone(ref)
	slices.Sort(r)
	if !slices.Equal(got, r) {
		return gopter.NewPropResult(false, fmt.Sprintf("heap deadlines %v, reference %v", got, r))
	}
	return gopter.NewPropResult(true, "")
}

func sameEntries(a, b []entry) bool {
	cmp := func(x, y entry) int {
		if x.when != y.when {
			return int(x.when - y.when)
		}
		return int(x.task - y.task)
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, cmp)
	slices.SortFunc(b, cmp)
	return slices.Equal(a, b)
}

var timerCommands = &commands.ProtoCommands{
	NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest { return &timerHeap{} },
	InitialStateGen:        gen.Const([]Duration{}),
	GenCommandFunc: func(commands.State) gopter.Gen {
		// Deadlines from a narrow range, so that ties are frequent.
		push := gopter.CombineGens(gen.Int64Range(0, 6), gen.Int32Range(0, 9)).Map(func(v []interface{}) commands.Command {
			return pushCmd{Duration(v[0].(int64)), v[1].(int32)}
		})
		return gen.Weighted([]gen.WeightedGen{{Weight: 3, Gen: push}, {Weight: 2, Gen: gen.Const(popCmd{})}})
	},
}

func TestTimerHeapAgainstSliceReference(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(1)
	params.MinSuccessfulTests = 500
	props := gopter.NewProperties(params)
	props.Property("timer heap = slice reference", commands.Prop(timerCommands))
	props.TestingRun(t)
}
