package model

import "fmt"

// MaxSelectTimeout is CPython's base_events.MAXIMUM_SELECT_TIMEOUT (24 h):
// the loop never blocks in select for longer, so a far timer costs extra,
// empty iterations.
const MaxSelectTimeout Duration = 24 * 3600 * 1e9

// handle is an entry of the loop's ready deque. The model keeps only the
// handles that can take time or wake a task; CPython's zero-cost
// bookkeeping handles (gather's _done_callback, selector_events'
// _sock_read_done) change no time, as model/SEMANTICS.md §S8 argues and
// the differential tests against CPython check.
type handle struct {
	wake bool  // a timer or reader callback: completes the future, which call_soon's the task's wakeup
	task int32 // index into the workload's tasks
}

// arrival is a socket whose data arrives at when, registered as the seq-th
// read; the selector reports ready sockets in (when, seq) order, like
// epoll's FIFO ready list. Under TiesArmed it is also a timer due at
// when, armed as the seq-th wait, so that equal deadlines leave in arming
// order (model/SEMANTICS.md §S12).
type arrival struct {
	when Duration
	seq  int64
	task int32
}

func (a arrival) less(b arrival) bool {
	return a.when < b.when || (a.when == b.when && a.seq < b.seq)
}

// arrivals is a binary min-heap of arrival; keys are distinct, so any
// correct heap gives the same order.
type arrivals []arrival

func (h *arrivals) push(a arrival) {
	*h = append(*h, a)
	s := *h
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !s[i].less(s[p]) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *arrivals) pop() arrival {
	s := *h
	top := s[0]
	n := len(s) - 1
	s[0] = s[n]
	s = s[:n]
	*h = s
	i := 0
	for {
		l, m := 2*i+1, i
		if l < n && s[l].less(s[m]) {
			m = l
		}
		if r := l + 1; r < n && s[r].less(s[m]) {
			m = r
		}
		if m == i {
			return top
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}

// Segment is one CPU step as it ran: task (index into the workload), step
// (index into the task's steps), its start and end, and the loop iteration
// (1 = the batch in which gather's children take their first steps).
type Segment struct {
	Task, Step int
	Start, End Duration
	Iter       int
}

// Wait is one await as it happened: it began at Start, its timer or data
// was due at Due (Due = Start for sleep 0), and the task resumed at Resume.
// Resume - Due is the time the task was ready but waited for the loop.
type Wait struct {
	Task, Step         int
	Kind               Kind
	Start, Due, Resume Duration
}

// Result is the outcome of one simulated gather.
type Result struct {
	// Makespan is the latest finish time (0 with no tasks): the time
	// `await gather(...)` takes, not counting the final hand-off to the caller.
	Makespan Duration
	// Finish[i] is the time task i (an index into Workload.Tasks) returned.
	Finish []Duration
	// Iterations is the number of _run_once iterations until the last task
	// returned, counting the one that runs the first steps as 1.
	Iterations int
	// Segments and Waits are filled only by a traced run.
	Segments []Segment
	Waits    []Wait
}

// Sim is a reusable simulator of CPython 3.11's selector event loop
// running asyncio.gather, or of another runtime variant (Runtime). The
// zero value is ready to use; reusing one Sim for many runs avoids
// allocation. A Sim is not safe for concurrent use; the simulation itself
// is pure: no wall clock, no goroutines, no globals.
type Sim struct {
	// Runtime is the variant to simulate (model/SEMANTICS.md §S11, §S12);
	// the zero value is CPython 3.11, gather, heapq ties. Run panics if it
	// is invalid (Runtime.Validate).
	Runtime Runtime

	ready  readyQueue
	timers timerHeap
	// armed replaces timers under TiesArmed: a heap of (deadline, arming
	// sequence), so that equal deadlines leave in arming order.
	armed   arrivals
	byArm   bool // Runtime.Ties == TiesArmed, for this run
	io      arrivals
	pc      []int
	waitIdx []int // index into res.Waits of each task's open wait, when tracing
	res     Result
	lib     libuvState // the state of the libuv runtimes (uvloop.go, node.go)
	lim     limitState // the state of a bounded run (limit.go)
}

// Simulate runs `await asyncio.gather(*tasks)` with the tasks passed in
// order (a permutation of task indices; nil means the given order) and
// returns the finish times and the full trace. w must be valid (Validate).
func Simulate(w *Workload, order []int) Result {
	var s Sim
	r := s.Run(w, order, true)
	return *r
}

// Run simulates like Simulate. The returned Result and its slices are
// owned by s and overwritten by the next Run. With trace false no segments
// or waits are recorded and a warmed-up Sim does not allocate.
func (s *Sim) Run(w *Workload, order []int, trace bool) *Result {
	if s.Runtime != (Runtime{}) {
		if err := s.Runtime.Validate(); err != nil {
			panic(fmt.Errorf("%w: %v", errRuntime, err))
		}
		if s.Runtime.Loop != Asyncio {
			if err := s.Runtime.SupportsLimit(w.Limit); err != nil {
				panic(fmt.Errorf("gatherorder/model: %v", err))
			}
			return s.runLibuv(w, order, trace)
		}
	}
	// Version and spawn style change nothing (model/SEMANTICS.md §S11);
	// the tie rule chooses the timer heap (model/SEMANTICS.md §S12).
	s.byArm = s.Runtime.Ties == TiesArmed
	n := s.begin(w, trace)
	s.timers.reset()
	s.armed = s.armed[:0]

	// gather() wraps each argument in a Task in argument order; each Task's
	// __init__ call_soon's its first __step. Under a limit the children
	// are the wrapped coroutines or the workers (model/SEMANTICS.md §S17).
	left := n
	bounded := w.Limit.Bounded()
	if bounded {
		left = s.startLimited(w, order, n)
	} else {
		s.pushOrder(order, n)
	}

	var now Duration
	var seq int64
	for left > 0 {
		s.res.Iterations++
		// select(timeout): 0 if anything is ready, else up to the earliest
		// timer (capped at 24 h), returning early when a socket becomes
		// readable; with no timer it blocks until a socket is readable.
		if s.ready.len() == 0 {
			next := Duration(-1)
			if when, ok := s.nextTimer(); ok {
				next = now + min(max(0, when-now), MaxSelectTimeout)
			}
			if len(s.io) > 0 && (next < 0 || s.io[0].when < next) {
				next = s.io[0].when
			}
			if next < 0 {
				panic("gatherorder/model: event loop deadlock: tasks left but nothing to wait for")
			}
			now = max(now, next)
		}
		// _process_events: readable sockets' reader callbacks first...
		for len(s.io) > 0 && s.io[0].when <= now {
			s.ready.push(handle{wake: true, task: s.io.pop().task})
		}
		// ...then every timer with when < now + clock_resolution (1 ns).
		if s.byArm {
			for len(s.armed) > 0 && s.armed[0].when <= now {
				s.ready.push(handle{wake: true, task: s.armed.pop().task})
			}
		} else {
			for s.timers.len() > 0 && s.timers.when[0] <= now {
				_, t := s.timers.pop()
				s.ready.push(handle{wake: true, task: t})
			}
		}
		// Run exactly the ntodo handles present now; handles they queue
		// wait for the next iteration.
		for _, h := range s.ready.batch() {
			if h.wake {
				s.ready.push(handle{task: h.task})
				continue
			}
			t := int(h.task)
			if bounded {
				if s.limitedStep(w, t, &now, &seq, trace) {
					left--
				}
				continue
			}
			s.resume(t, now, trace)
			if s.runStep(w.Tasks[t].Steps, t, h.task, &now, &seq, trace) {
				// The coroutine returned during this step.
				s.finish(t, now)
				left--
			}
		}
	}
	return &s.res
}

// pushOrder queues the first steps of the n tasks in order (nil: the
// given order).
func (s *Sim) pushOrder(order []int, n int) {
	if order == nil {
		for i := 0; i < n; i++ {
			s.ready.push(handle{task: int32(i)})
		}
		return
	}
	for _, i := range order {
		s.ready.push(handle{task: int32(i)})
	}
}

// begin resets what every runtime's run uses: the ready deque, the
// sockets, the program counters and the result. It returns the number of
// tasks.
func (s *Sim) begin(w *Workload, trace bool) int {
	n := len(w.Tasks)
	s.ready.reset()
	s.io = s.io[:0]
	s.pc = resize(s.pc, n)
	s.res.Finish = resize(s.res.Finish, n)
	s.res.Segments = s.res.Segments[:0]
	s.res.Waits = s.res.Waits[:0]
	if trace {
		s.waitIdx = resize(s.waitIdx, n)
	}
	s.res.Makespan = 0
	s.res.Iterations = 0
	return n
}

// nextTimer is the earliest deadline on the timer heap, if any.
func (s *Sim) nextTimer() (Duration, bool) {
	if s.byArm {
		if len(s.armed) == 0 {
			return 0, false
		}
		return s.armed[0].when, true
	}
	if s.timers.len() == 0 {
		return 0, false
	}
	return s.timers.when[0], true
}

// runStep is one Task.__step of task t: it runs the task's steps from its
// program counter until the coroutine awaits (false) or returns (true).
// The handles its await queues wake the gather child actor: t itself, or
// under a workers limit the worker that runs t (model/SEMANTICS.md §S17.2).
func (s *Sim) runStep(steps []Step, t int, actor int32, now *Duration, seq *int64, trace bool) bool {
	for pc := s.pc[t]; pc < len(steps); {
		st := steps[pc]
		pc++
		if st.Kind == CPU {
			if trace {
				s.res.Segments = append(s.res.Segments, Segment{t, pc - 1, *now, *now + st.D, s.res.Iterations})
			}
			*now += st.D
			continue
		}
		s.pc[t] = pc
		switch {
		case st.Kind == IO:
			s.io.push(arrival{*now + st.D, *seq, actor})
			*seq++
		case st.D > 0 && s.byArm:
			s.armed.push(arrival{*now + st.D, *seq, actor})
			*seq++
		case st.D > 0:
			s.timers.push(*now+st.D, actor)
		default: // sleep(0): bare yield, the task re-queues its own __step
			s.ready.push(handle{task: actor})
		}
		if trace {
			s.waitIdx[t] = len(s.res.Waits)
			s.res.Waits = append(s.res.Waits, Wait{t, pc - 1, st.Kind, *now, *now + st.D, 0})
		}
		return false
	}
	s.pc[t] = len(steps)
	return true
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
