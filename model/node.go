package model

import (
	"math"
)

// nodeTimeoutMax is Node's TIMEOUT_MAX, 2^31 - 1 ms: a longer setTimeout
// becomes 1 ms (lib/internal/timers.js, Timeout).
const nodeTimeoutMax = 1<<31 - 1

// nodeList is one of Node's timer lists (lib/internal/timers.js,
// TimersList): the pending timers of one duration m, first in, first out,
// linked through nodeState.next, with the list's expiry and id, its key
// in the priority queue.
type nodeList struct {
	m, expiry, id int64
	// armed is the arming sequence number of the timer that set expiry
	// (the list's first, or its head when it was renewed): the key's
	// second part under TiesArmed.
	armed      int64
	head, tail int32 // tasks, -1 when empty
}

// nodeState is the Node simulator's state (model/SEMANTICS.md §S15).
type nodeState struct {
	lists []nodeList
	free  []int32         // indices of deleted lists, for reuse
	byMs  map[int64]int32 // timerListMap: duration to list index
	queue []int32         // timerListQueue: a min-heap of lists by (expiry, id)
	next  []int32         // per task: the next task in its timer list
	start []int64         // per task: its timer's _idleStart, in ms
	tseq  []int64         // per task: its timer's arming sequence number
	imm   []int32         // the immediate queue
	snap  []int32         // the snapshot processImmediate runs
	fired []int32         // the tasks whose sockets one poll reported
	// duv is the libuv deadline of the Environment's one timer_handle in
	// ms, -1 when it is not armed; nextExpiry is timers.js's nextExpiry
	// (math.MaxInt64 for Infinity); L is libuv's loop time in ms.
	duv, nextExpiry, L int64
	listID, seq, armed int64 // list ids, socket registrations, timer armings
	// byArm orders lists of equal expiry by arming (TiesArmed,
	// model/SEMANTICS.md §S15.3) instead of by id.
	byArm bool
}

func (ns *nodeState) reset(n int, byArm bool) {
	ns.byArm = byArm
	ns.tseq = resize(ns.tseq, n)
	ns.lists, ns.free, ns.queue = ns.lists[:0], ns.free[:0], ns.queue[:0]
	if ns.byMs == nil {
		ns.byMs = map[int64]int32{}
	}
	clear(ns.byMs)
	ns.next = resize(ns.next, n)
	ns.start = resize(ns.start, n)
	ns.imm, ns.snap, ns.fired = ns.imm[:0], ns.snap[:0], ns.fired[:0]
	ns.duv, ns.nextExpiry, ns.L = -1, math.MaxInt64, 0
	ns.listID, ns.seq, ns.armed = 0, 0, 0
}

func (ns *nodeState) less(a, b int32) bool {
	x, y := &ns.lists[a], &ns.lists[b]
	if ns.byArm {
		return x.expiry < y.expiry || (x.expiry == y.expiry && x.armed < y.armed)
	}
	return x.expiry < y.expiry || (x.expiry == y.expiry && x.id < y.id)
}

func (ns *nodeState) push(li int32) {
	ns.queue = append(ns.queue, li)
	q := ns.queue
	for i := len(q) - 1; i > 0; {
		p := (i - 1) / 2
		if !ns.less(q[i], q[p]) {
			break
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

// down restores the heap after the root's key grew (percolateDown(1)).
func (ns *nodeState) down() {
	q := ns.queue
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < len(q) && ns.less(q[l], q[m]) {
			m = l
		}
		if r := l + 1; r < len(q) && ns.less(q[r], q[m]) {
			m = r
		}
		if m == i {
			return
		}
		q[i], q[m] = q[m], q[i]
		i = m
	}
}

// shift removes the root.
func (ns *nodeState) shift() {
	n := len(ns.queue) - 1
	ns.queue[0] = ns.queue[n]
	ns.queue = ns.queue[:n]
	ns.down()
}

// insert is timers.js's insert(item, msecs) for task t's timer of m ms,
// with start = getLibuvNow() = ns.L, just refreshed: a new list gets
// expiry start + m and the next id, and arms timer_handle if it expires
// before nextExpiry (model/SEMANTICS.md §S15.3).
func (ns *nodeState) insert(t int32, m int64) {
	ns.tseq[t] = ns.armed
	ns.armed++
	li, ok := ns.byMs[m]
	if !ok {
		l := nodeList{m: m, expiry: ns.L + m, id: ns.listID, armed: ns.tseq[t], head: -1, tail: -1}
		ns.listID++
		if k := len(ns.free); k > 0 {
			li = ns.free[k-1]
			ns.free = ns.free[:k-1]
			ns.lists[li] = l
		} else {
			li = int32(len(ns.lists))
			ns.lists = append(ns.lists, l)
		}
		ns.byMs[m] = li
		ns.push(li)
		if ns.nextExpiry > l.expiry {
			ns.duv, ns.nextExpiry = ns.L+m, l.expiry // scheduleTimer(msecs)
		}
	}
	l := &ns.lists[li]
	ns.start[t], ns.next[t] = ns.L, -1
	if l.tail < 0 {
		l.head = t
	} else {
		ns.next[l.tail] = t
	}
	l.tail = t
}

// nodeTimeoutMs is the list duration of setTimeout(r, d in ms): the
// Timeout constructor makes anything outside [1, TIMEOUT_MAX] 1, and
// insert truncates (model/SEMANTICS.md §S15.3).
func nodeTimeoutMs(d Duration) int64 {
	after := float64(d) / 1e6
	if !(after >= 1 && after <= nodeTimeoutMax) {
		after = 1
	}
	return int64(math.Trunc(after))
}

// nodeContinue runs task t from its program counter to its next await (a
// resolved promise's continuation, with the microtasks it chains) and
// starts that await.
func (s *Sim) nodeContinue(w *Workload, t int, now *Duration, trace bool) {
	ns := &s.lib.node
	a, ok := s.advance(w, t, now, trace)
	switch {
	case !ok:
	case a.Kind == IO:
		s.register(t, a, *now, &ns.seq, trace)
	case a.D == 0: // setImmediate
		ns.imm = append(ns.imm, int32(t))
		s.await(t, a, *now, *now, trace)
	default: // setTimeout: getLibuvNow refreshes L
		m := nodeTimeoutMs(a.D)
		ns.L = msFloor(*now)
		ns.insert(int32(t), m)
		s.await(t, a, *now, msInstant(ns.L+m), trace)
	}
}

// nodeTimers is libuv's timers phase: uv__update_time, then
// Environment::RunTimers if timer_handle is due.
func (s *Sim) nodeTimers(w *Workload, now *Duration, trace bool) {
	ns := &s.lib.node
	if ns.duv < 0 || ns.duv > msFloor(*now) {
		return
	}
	// RunTimers: now = GetNow(), fixed for the pass; processTimers walks the
	// due lists by (expiry, id) and each list's due timers in order. A
	// timer's continuation runs just before the next timer's callback (or
	// list's walk), through runNextTicks; the last one runs when the pass's
	// callback scope closes, after timer_handle is re-armed.
	ns.duv = -1
	ns.L = msFloor(*now)
	at := ns.L
	ns.nextExpiry = math.MaxInt64
	pending := int32(-1)
	run := func() {
		if pending >= 0 {
			p := pending
			pending = -1
			s.nodeContinue(w, int(p), now, trace)
		}
	}
	var expiry int64
	for len(ns.queue) > 0 {
		li := ns.queue[0]
		if ns.lists[li].expiry > at {
			expiry = ns.lists[li].expiry
			ns.nextExpiry = expiry
			break
		}
		run()
		for { // listOnTimeout(list, now)
			l := &ns.lists[li]
			t := l.head
			if t < 0 {
				delete(ns.byMs, l.m)
				ns.shift()
				ns.free = append(ns.free, li)
				break
			}
			if at-ns.start[t] < l.m {
				l.expiry = max(ns.start[t]+l.m, at+1)
				l.id, l.armed = ns.listID, ns.tseq[t]
				ns.listID++
				ns.down()
				break
			}
			run()
			l = &ns.lists[li]
			if l.head = ns.next[t]; l.head < 0 {
				l.tail = -1
			}
			pending = t
		}
	}
	if expiry != 0 {
		// ScheduleTimer(max(1, expiry - uv_now)), from L as the
		// continuations' setTimeout calls left it.
		ns.duv = ns.L + max(1, expiry-ns.L)
	}
	run()
}

// runNode simulates Node.js (model/SEMANTICS.md §S15). Iteration 1 is the
// first steps, run in array order by the script, and the timers phase
// after them; each later iteration is one pass of uv_run: poll, check,
// close, timers.
func (s *Sim) runNode(w *Workload, order []int, trace bool) *Result {
	ns := &s.lib.node
	ns.reset(len(w.Tasks), s.Runtime.Ties == TiesArmed)
	var t Duration
	s.res.Iterations = 1
	if order == nil {
		for i := range w.Tasks {
			s.nodeContinue(w, i, &t, trace)
		}
	} else {
		for _, i := range order {
			s.nodeContinue(w, i, &t, trace)
		}
	}
	s.nodeTimers(w, &t, trace)
	for s.lib.left > 0 {
		s.res.Iterations++
		// Poll: timeout 0 while an immediate is pending (the idle handle);
		// else up to timer_handle, from the time the metrics mode's first
		// zero-timeout poll refreshes.
		timeout := int64(-1)
		if len(ns.imm) > 0 {
			timeout = 0
		} else if ns.duv >= 0 {
			timeout = min(max(0, ns.duv-msFloor(t)), maxPollTimeout)
		}
		t = s.poll(t, timeout)
		ns.fired = ns.fired[:0]
		for len(s.io) > 0 && s.io[0].when <= t {
			ns.fired = append(ns.fired, s.io.pop().task)
		}
		for _, i := range ns.fired {
			s.nodeContinue(w, int(i), &t, trace)
		}
		// Check: processImmediate runs a snapshot of the queue.
		if len(ns.imm) > 0 {
			ns.imm, ns.snap = ns.snap[:0], ns.imm
			for _, i := range ns.snap {
				s.nodeContinue(w, int(i), &t, trace)
			}
		}
		s.nodeTimers(w, &t, trace)
	}
	return &s.res
}
