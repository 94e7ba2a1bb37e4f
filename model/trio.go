package model

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// This file is the model of Trio 0.22's run loop, model/SEMANTICS.md §S13:
// the pass, its batch, the batch coin and the three kinds of await.
// trio_dist.go enumerates the coins (Trio.Distribution, Trio.Support) and
// trio_result.go holds the typed results.

// Default bounds of a Trio model.
const (
	// DefaultTrioMaxStates is the number of distinct branch states the
	// exact enumeration may expand before Trio.Distribution falls back to
	// a seeded Monte-Carlo estimate (and Trio.Support gives up).
	DefaultTrioMaxStates = 1 << 15
	// DefaultTrioSamples is the number of seeded runs of an estimate. It
	// has no prime factor but 2 and 5, so that the estimated mean is a
	// terminating decimal (FormatRat).
	DefaultTrioSamples = 10000
)

// ErrTrioTooLarge is returned by Trio.Support when the enumeration of
// every tie order and coin exceeds Trio.MaxStates.
var ErrTrioTooLarge = errors.New("gatherorder/model: Trio enumeration exceeds MaxStates")

// Trio is the model of Trio 0.22 running a nursery whose tasks are started
// with start_soon in gather order (model/SEMANTICS.md §S13). Its answer is
// a distribution, because Trio runs every batch of runnable tasks forwards
// or backwards on a fair coin. The zero value is ready to use: exact
// enumeration up to DefaultTrioMaxStates, then DefaultTrioSamples seeded
// runs from seed 0. A Trio holds no state; its methods are pure and safe
// for concurrent use.
type Trio struct {
	// MaxStates bounds the exact enumeration (0: DefaultTrioMaxStates).
	MaxStates int
	// Samples is the number of runs of an estimate (0: DefaultTrioSamples).
	Samples int
	// Seed seeds the estimate's coins (math/rand/v2's PCG).
	Seed uint64
}

func (t Trio) maxStates() int {
	if t.MaxStates > 0 {
		return t.MaxStates
	}
	return DefaultTrioMaxStates
}

func (t Trio) samples() int {
	if t.Samples > 0 {
		return t.Samples
	}
	return DefaultTrioSamples
}

// trioWait is a pending deadline or socket arrival of one task.
type trioWait struct {
	when Duration
	task int32
}

// trioState is the run loop at the start of a pass, or, at a branch point,
// with the pass's batch formed and its coin not yet thrown.
type trioState struct {
	now    Duration
	pc     []int32    // next step of each task
	finish []Duration // -1 while the task runs
	left   int        // tasks not finished
	// progress is Σ pc + the number of finished tasks: every resumed task
	// raises it, so it strictly increases from one branch point to the next.
	progress int
	runq     []int32    // rescheduled by the running batch (start_soon, sleep 0), in order
	dl       []trioWait // deadlines by (when, arming order)
	io       []trioWait // arrivals by (when, registration order)
	batch    []int32    // at a branch point: the batch in runq order
	// group[k] > 0 marks batch positions woken by deadlines equal to their
	// neighbours' with the same mark (only under arbitrary ties).
	group []int32
}

func newTrioState(w *Workload, order []int) *trioState {
	n := len(w.Tasks)
	s := &trioState{pc: make([]int32, n), finish: make([]Duration, n), left: n, runq: make([]int32, 0, n)}
	for i := range s.finish {
		s.finish[i] = -1
	}
	for _, i := range order {
		s.runq = append(s.runq, int32(i))
	}
	return s
}

func (s *trioState) clone() *trioState {
	c := *s
	c.pc = slices.Clone(s.pc)
	c.finish = slices.Clone(s.finish)
	c.runq = slices.Clone(s.runq)
	c.dl = slices.Clone(s.dl)
	c.io = slices.Clone(s.io)
	c.batch = slices.Clone(s.batch)
	c.group = slices.Clone(s.group)
	return &c
}

// insert adds a wait after every wait due no later: ties keep insertion
// (arming, registration) order.
func insert(ws []trioWait, x trioWait) []trioWait {
	i, _ := slices.BinarySearchFunc(ws, x.when, func(a trioWait, when Duration) int {
		if a.when <= when {
			return -1
		}
		return 1
	})
	return slices.Insert(ws, i, x)
}

// trioTrace records a traced run (Trio.Path).
type trioTrace struct {
	res     Result
	waitIdx []int
	pass    int
}

// trioSim runs passes of one workload.
type trioSim struct {
	w         *Workload
	arbitrary bool // mark tie groups among expired deadlines
}

// advance runs passes until one forms a batch of two or more tasks (a
// branch point: true, with s.batch set) or every task has finished
// (false). Batches of one task run at once.
func (m *trioSim) advance(s *trioState, tr *trioTrace) bool {
	for s.left > 0 {
		// Timeout and wait: with nothing runnable the loop sleeps to the
		// earliest deadline or arrival (Runner.unrolled_run; the virtual
		// clock's autojump, or the wall clock's epoll wait).
		if len(s.runq) == 0 {
			next := Duration(-1)
			if len(s.dl) > 0 {
				next = s.dl[0].when
			}
			if len(s.io) > 0 && (next < 0 || s.io[0].when < next) {
				next = s.io[0].when
			}
			if next < 0 {
				panic("gatherorder/model: Trio run loop deadlock: tasks left but nothing to wait for")
			}
			s.now = max(s.now, next)
		}
		batch := s.runq
		s.runq = make([]int32, 0, len(s.pc))
		// process_events: sockets that have data, in arrival order.
		k := 0
		for k < len(s.io) && s.io[k].when <= s.now {
			batch = append(batch, s.io[k].task)
			k++
		}
		s.io = s.io[k:]
		// Deadlines.expire(now): in heap order, (deadline, tie-breaker).
		s.group = s.group[:0]
		first := len(batch)
		k = 0
		for k < len(s.dl) && s.dl[k].when <= s.now {
			batch = append(batch, s.dl[k].task)
			k++
		}
		if m.arbitrary && k > 1 {
			s.group = make([]int32, len(batch))
			g := int32(0)
			for j := 1; j < k; j++ {
				if s.dl[j].when == s.dl[j-1].when {
					if s.group[first+j-1] == 0 {
						g++
						s.group[first+j-1] = g
					}
					s.group[first+j] = g
				}
			}
			if g == 0 {
				s.group = s.group[:0]
			}
		}
		s.dl = s.dl[k:]
		if tr != nil {
			tr.pass++
		}
		if len(batch) >= 2 {
			s.batch = batch
			return true
		}
		s.batch = s.batch[:0]
		for _, t := range batch {
			m.resume(s, t, tr)
		}
	}
	return false
}

// run executes a formed batch in the given order and clears it.
func (m *trioSim) run(s *trioState, order []int32, tr *trioTrace) {
	for _, t := range order {
		m.resume(s, t, tr)
	}
	s.batch, s.group = s.batch[:0], s.group[:0]
}

// resume runs task t from its program counter to its next await or its
// end: one send into the coroutine.
func (m *trioSim) resume(s *trioState, t int32, tr *trioTrace) {
	steps := m.w.Tasks[t].Steps
	pc := int(s.pc[t])
	if tr != nil && pc > 0 {
		tr.res.Waits[tr.waitIdx[t]].Resume = s.now
	}
	for pc < len(steps) {
		st := steps[pc]
		pc++
		if st.Kind == CPU {
			if tr != nil {
				tr.res.Segments = append(tr.res.Segments, Segment{int(t), pc - 1, s.now, s.now + st.D, tr.pass})
			}
			s.now += st.D
			continue
		}
		s.progress += pc - int(s.pc[t])
		s.pc[t] = int32(pc)
		switch {
		case st.Kind == IO:
			s.io = insert(s.io, trioWait{s.now + st.D, t})
		case st.D > 0:
			s.dl = insert(s.dl, trioWait{s.now + st.D, t})
		default: // sleep(0): checkpoint, rescheduled at once
			s.runq = append(s.runq, t)
		}
		if tr != nil {
			tr.waitIdx[t] = len(tr.res.Waits)
			tr.res.Waits = append(tr.res.Waits, Wait{int(t), pc - 1, st.Kind, s.now, s.now + st.D, 0})
		}
		return
	}
	s.progress += pc - int(s.pc[t]) + 1
	s.pc[t] = int32(pc)
	s.finish[t] = s.now
	s.left--
}

// CheckOrder validates w and an order of its tasks, a permutation of the
// task indices, and returns the order (the identity when order is nil).
func CheckOrder(w *Workload, order []int) ([]int, error) {
	if w == nil {
		return nil, errors.New("nil workload")
	}
	if err := w.Validate(); err != nil {
		return nil, err
	}
	n := len(w.Tasks)
	if order == nil {
		order = make([]int, n)
		for i := range order {
			order[i] = i
		}
		return order, nil
	}
	if len(order) != n {
		return nil, fmt.Errorf("order has %d entries for %d tasks", len(order), n)
	}
	seen := make([]bool, n)
	for _, i := range order {
		if i < 0 || i >= n || seen[i] {
			return nil, fmt.Errorf("order %v is not a permutation of 0..%d", order, n-1)
		}
		seen[i] = true
	}
	return order, nil
}

// Path runs one path of Trio's loop: coins[k] is the coin of the k-th
// batch of two or more tasks, false to run it in runq order, true to run
// it reversed (ties in arming order). The result is traced like
// Simulate's: Segments' Iter and Iterations count passes of the wall-clock
// loop (model/SEMANTICS.md §S13), from 1 for the children's first batch.
// It is an error if the run throws more coins than given or fewer.
func (t Trio) Path(w *Workload, order []int, coins []bool) (Result, error) {
	used := 0
	r, thrown, err := t.PathFunc(w, order, func() bool {
		used++
		if used > len(coins) {
			return false
		}
		return coins[used-1]
	})
	switch {
	case err != nil:
		return Result{}, err
	case len(thrown) > len(coins):
		return Result{}, fmt.Errorf("the run throws more than the %d coins given", len(coins))
	case len(thrown) < len(coins):
		return Result{}, fmt.Errorf("the run throws %d coins, not the %d given", len(thrown), len(coins))
	}
	return r, nil
}

// PathFunc runs the path whose coins coin throws, one call per batch of
// two or more tasks (true: reversed), and returns the traced result (as
// Path's) and the coins thrown. With a coin that always says false it is
// the run in which every batch keeps runq order.
func (t Trio) PathFunc(w *Workload, order []int, coin func() bool) (Result, []bool, error) {
	order, err := CheckOrder(w, order)
	if err != nil {
		return Result{}, nil, err
	}
	m := trioSim{w: w}
	s := newTrioState(w, order)
	tr := &trioTrace{waitIdx: make([]int, len(w.Tasks))}
	var thrown []bool
	for m.advance(s, tr) {
		b := s.batch
		c := coin()
		if c {
			b = slices.Clone(b)
			slices.Reverse(b)
		}
		thrown = append(thrown, c)
		m.run(s, b, tr)
	}
	tr.res.Finish = s.finish
	for _, f := range s.finish {
		tr.res.Makespan = max(tr.res.Makespan, f)
	}
	tr.res.Iterations = tr.pass
	return tr.res, thrown, nil
}

// key encodes a branch state for merging identical states. A batch and its
// reverse are the same state: the coin runs either with probability 1/2.
// Under arbitrary ties every group is sorted first (every order of it is
// possible).
func (s *trioState) key(buf []byte) []byte {
	buf = binary.AppendUvarint(buf[:0], uint64(s.now))
	for i, pc := range s.pc {
		buf = binary.AppendUvarint(buf, uint64(pc))
		buf = binary.AppendUvarint(buf, uint64(s.finish[i]+1))
	}
	for _, q := range [][]trioWait{s.dl, s.io} {
		buf = binary.AppendUvarint(buf, uint64(len(q)))
		for _, x := range q {
			buf = binary.AppendUvarint(buf, uint64(x.when))
			buf = binary.AppendUvarint(buf, uint64(x.task))
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(s.runq)))
	for _, t := range s.runq {
		buf = binary.AppendUvarint(buf, uint64(t))
	}
	buf = binary.AppendUvarint(buf, uint64(len(s.batch)))
	for _, t := range s.batch {
		buf = binary.AppendUvarint(buf, uint64(t))
	}
	for _, g := range s.group {
		buf = binary.AppendUvarint(buf, uint64(g))
	}
	return buf
}

// canon puts the batch of a branch state in its canonical orientation
// (and, under arbitrary ties, sorts each tie group), so that equal states
// get equal keys.
func (s *trioState) canon() {
	sortGroups(s.batch, s.group)
	if len(s.group) == 0 {
		if rev := isReverseSmaller(s.batch); rev {
			slices.Reverse(s.batch)
		}
		return
	}
	rb, rg := slices.Clone(s.batch), slices.Clone(s.group)
	slices.Reverse(rb)
	slices.Reverse(rg)
	renumber(rg)
	sortGroups(rb, rg)
	if c := slices.Compare(rb, s.batch); c < 0 || (c == 0 && slices.Compare(rg, s.group) < 0) {
		s.batch, s.group = rb, rg
	}
}

// isReverseSmaller reports whether b reversed is lexicographically smaller.
func isReverseSmaller(b []int32) bool {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		if b[j] != b[i] {
			return b[j] < b[i]
		}
	}
	return false
}

// sortGroups sorts the tasks of every tie group in place.
func sortGroups(b, g []int32) {
	for i := 0; i < len(g); {
		j := i + 1
		if g[i] > 0 {
			for j < len(g) && g[j] == g[i] {
				j++
			}
			slices.Sort(b[i:j])
		}
		i = j
	}
}

// renumber numbers the groups 1, 2, ... from the left.
func renumber(g []int32) {
	next, last := int32(0), int32(0)
	for i, x := range g {
		if x == 0 {
			last = 0
			continue
		}
		if x != last {
			next++
			last = x
		}
		g[i] = next
	}
}
