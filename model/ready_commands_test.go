package model

import (
	"fmt"
	"slices"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"
)

// A stateful test (gopter's commands package) of the ready deque and the
// ntodo rule against the simplest reference: a FIFO list of handle ids.
// call_soon appends; an iteration runs exactly the handles present when it
// starts, in order, and whatever they queue waits for the next iteration.
// The reference state is the list of queued ids; a batch command checks
// that the queue hands out exactly that list and that only the handles
// pushed while it ran remain.

type readyState struct {
	queued []int32
	nextID int32
	ran    []int32 // what the last iteration must have run
}

type callSoonCmd struct{}

type readyResult struct {
	ran, left []int32
}

func ids(hs []handle) []int32 {
	var s []int32
	for _, h := range hs {
		s = append(s, h.task)
	}
	return s
}

// readySUT is the queue plus the id the next pushed handle gets, kept in
// step with the reference's.
type readySUT struct {
	q  readyQueue
	id int32
}

func (callSoonCmd) Run(sut commands.SystemUnderTest) commands.Result {
	s := sut.(*readySUT)
	s.q.push(handle{task: s.id})
	s.id++
	return readyResult{left: ids(s.q.next)}
}

func (callSoonCmd) NextState(st commands.State) commands.State {
	s := st.(readyState)
	return readyState{queued: append(slices.Clone(s.queued), s.nextID), nextID: s.nextID + 1}
}

func (callSoonCmd) PreCondition(commands.State) bool { return true }

func (callSoonCmd) PostCondition(st commands.State, r commands.Result) *gopter.PropResult {
	want := st.(readyState).queued
	if got := r.(readyResult).left; !slices.Equal(got, want) {
		return gopter.NewPropResult(false, fmt.Sprintf("queue %v, reference %v", got, want))
	}
	return gopter.NewPropResult(true, "")
}

func (callSoonCmd) String() string { return "call_soon" }

// iterationCmd runs one batch; the k-th handle run re-queues a new handle
// when requeue[k % len(requeue)] is set (a task that yields with sleep(0)
// or a timer callback waking its task).
type iterationCmd struct{ requeue []bool }

func (c iterationCmd) Run(sut commands.SystemUnderTest) commands.Result {
	s := sut.(*readySUT)
	var res readyResult
	for k, h := range s.q.batch() {
		res.ran = append(res.ran, h.task)
		if c.requeue[k%len(c.requeue)] {
			s.q.push(handle{task: s.id})
			s.id++
		}
	}
	res.left = ids(s.q.next)
	return res
}

func (c iterationCmd) NextState(st commands.State) commands.State {
	s := st.(readyState)
	next := readyState{nextID: s.nextID, ran: s.queued}
	for k := range s.queued {
		if c.requeue[k%len(c.requeue)] {
			next.queued = append(next.queued, next.nextID)
			next.nextID++
		}
	}
	return next
}

func (iterationCmd) PreCondition(commands.State) bool { return true }

// PostCondition: the batch ran exactly the handles queued when it
// started, in FIFO order, and exactly the handles they queued are left.
func (c iterationCmd) PostCondition(st commands.State, r commands.Result) *gopter.PropResult {
	res, ref := r.(readyResult), st.(readyState)
	if !slices.Equal(res.ran, ref.ran) {
		return gopter.NewPropResult(false, fmt.Sprintf("the iteration ran %v, reference %v", res.ran, ref.ran))
	}
	if !slices.Equal(res.left, ref.queued) {
		return gopter.NewPropResult(false, fmt.Sprintf("after the iteration the queue is %v, reference %v", res.left, ref.queued))
	}
	return gopter.NewPropResult(true, "")
}

func (c iterationCmd) String() string { return fmt.Sprintf("iteration(requeue=%v)", c.requeue) }

var readyCommands = &commands.ProtoCommands{
	NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest { return &readySUT{} },
	InitialStateGen:        gen.Const(readyState{}),
	GenCommandFunc: func(commands.State) gopter.Gen {
		iter := gen.SliceOfN(3, gen.Bool()).Map(func(v []bool) commands.Command { return iterationCmd{v} })
		return gen.Weighted([]gen.WeightedGen{{Weight: 3, Gen: gen.Const(callSoonCmd{})}, {Weight: 2, Gen: iter}})
	},
}

func TestReadyQueueRunsExactlyTheHandlesQueuedAtTheStartOfAnIteration(t *testing.T) {
	params := gopter.DefaultTestParametersWithSeed(1)
	params.MinSuccessfulTests = 500
	props := gopter.NewProperties(params)
	props.Property("ready deque + ntodo = FIFO reference", commands.Prop(readyCommands))
	props.TestingRun(t)
}
