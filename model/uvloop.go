package model

import (
	"fmt"
	"math"
	"strings"
)

// The libuv runtimes (model/SEMANTICS.md §S14 uvloop, §S15 Node.js) share
// libuv's millisecond clock, its poll phase and epoll's ready list; this
// file has those pieces and the uvloop simulator, node.go the Node one.

// nsPerMs is one millisecond of model time: libuv's loop time L counts
// whole milliseconds, L = ⌊t / 1 ms⌋ when it is refreshed (model/SEMANTICS.md §S14.1).
const nsPerMs = 1_000_000

// maxPollTimeout is uv__next_timeout's cap, INT_MAX ms.
const maxPollTimeout = math.MaxInt32

// uvMaxSleep is uvloop's MAX_SLEEP, 100 years in seconds: longer delays
// are clamped to it (uvloop/loop.pyx, Loop.call_later).
const uvMaxSleep = 3600 * 24 * 365 * 100

// libuvState holds the buffers of the libuv simulators, so that a
// warmed-up Sim does not allocate.
type libuvState struct {
	// pending are the readers registered since the last poll: libuv adds
	// their fds to epoll only when the next poll starts (model/SEMANTICS.md §S14.5).
	pending []arrival
	// timers is uvloop's heap of uv_timer_t, keyed (deadline in ms,
	// start_id) (model/SEMANTICS.md §S14.3).
	timers arrivals
	left   int // tasks that have not returned
	node   nodeState
}

func (st *libuvState) reset(n int) {
	st.pending = st.pending[:0]
	st.timers = st.timers[:0]
	st.left = n
}

// msFloor is libuv's uv__update_time at model instant t: ⌊t / 1 ms⌋.
func msFloor(t Duration) int64 { return int64(t) / nsPerMs }

// msInstant is the model instant of ms whole milliseconds, saturating at
// the largest Duration.
func msInstant(ms int64) Duration {
	if ms > math.MaxInt64/nsPerMs {
		return math.MaxInt64
	}
	return Duration(ms * nsPerMs)
}

// addSat is a + b for b >= 0, saturating at the largest Duration.
func addSat(a, b Duration) Duration {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// runLibuv runs a libuv runtime; Run has validated s.Runtime.
func (s *Sim) runLibuv(w *Workload, order []int, trace bool) *Result {
	s.lib.reset(s.begin(w, trace))
	if s.Runtime.Loop == Node {
		return s.runNode(w, order, trace)
	}
	return s.runUV(w, order, trace)
}

// advance runs task t's consecutive cpu steps from its program counter.
// It returns the await the task reaches, or false if the coroutine
// returns; then it records the finish.
func (s *Sim) advance(w *Workload, t int, now *Duration, trace bool) (Step, bool) {
	steps := w.Tasks[t].Steps
	if trace && s.pc[t] > 0 {
		s.res.Waits[s.waitIdx[t]].Resume = *now
	}
	for pc := s.pc[t]; pc < len(steps); {
		st := steps[pc]
		pc++
		if st.Kind != CPU {
			s.pc[t] = pc
			return st, true
		}
		if trace {
			s.res.Segments = append(s.res.Segments, Segment{t, pc - 1, *now, *now + st.D, s.res.Iterations})
		}
		*now += st.D
	}
	s.pc[t] = len(steps)
	s.res.Finish[t] = *now
	s.res.Makespan = max(s.res.Makespan, *now)
	s.lib.left--
	return Step{}, false
}

// await records task t's wait on st (just returned by advance), begun at
// start and due at due, when tracing.
func (s *Sim) await(t int, st Step, start, due Duration, trace bool) {
	if trace {
		s.waitIdx[t] = len(s.res.Waits)
		s.res.Waits = append(s.res.Waits, Wait{t, s.pc[t] - 1, st.Kind, start, due, 0})
	}
}

// register is the reader of an io step awaited at now, the seq-th read.
func (s *Sim) register(t int, st Step, now Duration, seq *int64, trace bool) {
	s.lib.pending = append(s.lib.pending, arrival{addSat(now, st.D), *seq, int32(t)})
	*seq++
	s.await(t, st, now, addSat(now, st.D), trace)
}

// poll is uv__io_poll entered at te with a timeout in ms (-1: none). It
// first adds the readers registered since the last poll to epoll: a
// socket whose data is already there joins epoll's ready list at te,
// after the sockets that became ready before, in registration order
// (model/SEMANTICS.md §S14.5). It returns the instant the poll returns: at once if a socket
// is ready, else at the earlier of te + timeout and the next arrival.
func (s *Sim) poll(te Duration, timeout int64) Duration {
	for _, p := range s.lib.pending {
		p.when = max(p.when, te)
		s.io.push(p)
	}
	s.lib.pending = s.lib.pending[:0]
	if timeout == 0 || (len(s.io) > 0 && s.io[0].when <= te) {
		return te
	}
	if timeout < 0 {
		if len(s.io) == 0 {
			panic(fmt.Sprintf("gatherorder/model: %s deadlock: tasks left but nothing to wait for", s.Runtime.Loop))
		}
		return s.io[0].when
	}
	wake := addSat(te, Duration(timeout)*nsPerMs)
	if len(s.io) > 0 && s.io[0].when < wake {
		wake = s.io[0].when
	}
	return wake
}

// uvDelayMs is the `when` of uvloop's Loop.call_later for
// asyncio.sleep(d): the delay in seconds, clamped to MAX_SLEEP, times 1000
// and rounded half to even, as Python's round does on the float64 product
// (model/SEMANTICS.md §S14.3).
func uvDelayMs(d Duration) int64 {
	delay := float64(d) / 1e9
	if delay > uvMaxSleep {
		return uvMaxSleep * 1000
	}
	return int64(math.RoundToEven(delay * 1000))
}

// runUV simulates uvloop (model/SEMANTICS.md §S14): one pass of the loop
// below is one libuv iteration, and the one whose ready batch runs the
// first steps is iteration 1.
func (s *Sim) runUV(w *Workload, order []int, trace bool) *Result {
	st := &s.lib
	if order == nil {
		for i := range w.Tasks {
			s.ready.push(handle{task: int32(i)})
		}
	} else {
		for _, i := range order {
			s.ready.push(handle{task: int32(i)})
		}
	}
	var t Duration
	var startID, seq int64
	for st.left > 0 {
		s.res.Iterations++
		// uv__update_time, then uv__run_timers: each due TimerHandle runs
		// its callback at once, which call_soon's the task's wakeup, and
		// closes its uv_timer_t.
		L := msFloor(t)
		closing := false
		for len(st.timers) > 0 && int64(st.timers[0].when) <= L {
			s.ready.push(handle{task: st.timers.pop().task})
			closing = true
		}
		// uv__run_idle: Loop._on_idle runs the ntodo handles queued now.
		for _, h := range s.ready.batch() {
			switch {
			case h.task < 0: // gather's _done_callback: no time, but it was queued
				continue
			case h.wake: // _set_result_unless_cancelled, call_soon'd by call_later
				s.ready.push(handle{task: h.task})
				continue
			}
			i := int(h.task)
			a, ok := s.advance(w, i, &t, trace)
			switch {
			case !ok:
				s.ready.push(handle{task: -1})
			case a.Kind == IO:
				s.register(i, a, t, &seq, trace)
			case a.D == 0: // bare yield
				s.ready.push(handle{task: h.task})
				s.await(i, a, t, t, trace)
			default:
				if r := uvDelayMs(a.D); r == 0 {
					// call_later with when 0 is call_soon.
					s.ready.push(handle{wake: true, task: h.task})
					s.await(i, a, t, t, trace)
				} else {
					// UVTimer.start refreshes L, then D = L + when.
					L = msFloor(t)
					st.timers.push(arrival{Duration(L + r), startID, h.task})
					startID++
					s.await(i, a, t, msInstant(L+r), trace)
				}
			}
		}
		// uv__backend_timeout, from the cached L, then uv__io_poll; every
		// ready socket's reader callback call_soon's its task's wakeup.
		timeout := int64(0)
		if s.ready.len() == 0 && !closing {
			timeout = -1
			if len(st.timers) > 0 {
				timeout = min(max(0, int64(st.timers[0].when)-L), maxPollTimeout)
			}
		}
		if st.left == 0 {
			break
		}
		t = s.poll(t, timeout)
		for len(s.io) > 0 && s.io[0].when <= t {
			s.ready.push(handle{task: s.io.pop().task})
		}
	}
	return &s.res
}

// validateLibuv is Validate for the libuv runtimes: uvloop runs on CPython
// 3.11 (Minor 0 or 11), Node on no CPython (Minor 0); both start their
// tasks in order with one call (Spawn Gather) and take either tie rule
// (model/SEMANTICS.md §S14.3, §S15.3).
func (r Runtime) validateLibuv() error {
	switch r.Loop {
	case UVLoop:
		if r.Version() != BaseMinor {
			return fmt.Errorf("uvloop is modelled on CPython 3.%d only, not 3.%d", BaseMinor, r.Version())
		}
	case Node:
		if r.Minor != 0 {
			return fmt.Errorf("node runs no CPython (Minor %d)", r.Minor)
		}
	default:
		return fmt.Errorf("unknown loop %d", r.Loop)
	}
	if r.Spawn != Gather {
		return fmt.Errorf("%s starts its tasks with gather (Promise.all) only, not %s", r.Loop, r.Spawn)
	}
	if int(r.Ties) >= len(tieNames) {
		return fmt.Errorf("unknown tie rule %d", r.Ties)
	}
	return nil
}

// parseLibuvLoop reads "uvloop" or "node", each with an optional
// "/heapq" or "/armed".
func parseLibuvLoop(s string) (Loop, TieRule, bool) {
	name, tie, hasTie := strings.Cut(s, "/")
	for _, l := range []Loop{UVLoop, Node} {
		if name != l.String() {
			continue
		}
		if !hasTie {
			return l, TiesHeapq, true
		}
		if t, err := ParseTieRule(tie); err == nil {
			return l, t, true
		}
	}
	return 0, 0, false
}
