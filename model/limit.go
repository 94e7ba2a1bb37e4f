package model

import (
	"errors"
	"fmt"
)

// LimitKind is how a workload bounds its concurrency
// (model/SEMANTICS.md §S17): not at all, with a shared asyncio.Semaphore, or with a pool of
// worker tasks draining an asyncio.Queue.
type LimitKind uint8

const (
	// Unbounded is the zero value: every coroutine is a gather child
	// (model/SEMANTICS.md §S2).
	Unbounded LimitKind = iota
	// Semaphore wraps every coroutine body in `async with sem:`, with one
	// asyncio.Semaphore(K) shared by the gather (model/SEMANTICS.md §S17.1).
	Semaphore
	// Workers gathers K worker tasks that take the coroutines from an
	// asyncio.Queue filled in list order and await them one by one
	// (model/SEMANTICS.md §S17.2).
	Workers
)

var limitNames = [...]string{Unbounded: "none", Semaphore: "semaphore", Workers: "workers"}

func (k LimitKind) String() string { return enumName(limitNames[:], k, "LimitKind") }

// ParseLimitKind reads "semaphore" or "workers".
func ParseLimitKind(s string) (LimitKind, error) {
	switch s {
	case "semaphore":
		return Semaphore, nil
	case "workers":
		return Workers, nil
	}
	return 0, fmt.Errorf("unknown limit kind %q (want semaphore or workers)", s)
}

// Limit is a workload's concurrency bound: Kind with K slots or workers.
// The zero value is no bound.
type Limit struct {
	Kind LimitKind
	K    int
}

// MaxLimitK is the largest K a limit may have: ample for any gather the
// simulator can run, and small enough that K worker tasks fit in memory.
const MaxLimitK = 1 << 20

// Bounded reports whether l bounds anything.
func (l Limit) Bounded() bool { return l.Kind != Unbounded }

// String is "Semaphore(2)", "2 workers" or "unbounded".
func (l Limit) String() string {
	switch l.Kind {
	case Unbounded:
		return "unbounded"
	case Semaphore:
		return fmt.Sprintf("Semaphore(%d)", l.K)
	case Workers:
		if l.K == 1 {
			return "1 worker"
		}
		return fmt.Sprintf("%d workers", l.K)
	}
	return l.Kind.String()
}

// Validate checks that a bounded limit has a known kind and 1 <= K <=
// MaxLimitK, and that the zero limit has K = 0.
func (l Limit) Validate() error {
	switch l.Kind {
	case Unbounded:
		if l.K != 0 {
			return fmt.Errorf("limit: k = %d without a kind", l.K)
		}
		return nil
	case Semaphore, Workers:
		if l.K < 1 || l.K > MaxLimitK {
			return fmt.Errorf("limit: k must be an integer from 1 to %d, not %d", MaxLimitK, l.K)
		}
		return nil
	}
	return fmt.Errorf("limit: unknown kind %d", l.Kind)
}

// ErrLimitNotModelled is the error of SupportsLimit for a runtime whose
// bounded gathers the model does not cover.
var ErrLimitNotModelled = errors.New("not modelled")

// SupportsLimit reports whether the model covers workloads with limit l on
// runtime r: every CPython runtime of model/SEMANTICS.md §S11 with either
// tie rule does; uvloop, Node.js and Trio do not
// (model/SEMANTICS.md §S17.5). The error says so in one line and wraps ErrLimitNotModelled.
func (r Runtime) SupportsLimit(l Limit) error {
	if !l.Bounded() || r.Loop == Asyncio {
		return nil
	}
	return fmt.Errorf("a limit (%s) on %s is %w (model/SEMANTICS.md §S17.5): only CPython's asyncio loop", l, r.Loop, ErrLimitNotModelled)
}

// The states of a task under a semaphore limit (model/SEMANTICS.md §S17.1).
const (
	semNew     uint8 = iota // its first step has not run: acquire is next
	semWaiting              // parked on a waiter future that is not done
	semWoken                // its future is done, its wakeup is queued
	semHolding              // it holds a slot and runs its body
)

// limitState is the state of one bounded run: the semaphore's counter,
// waiter deque and flag, or the workers' queue and current coroutines.
// Its slices are reused from run to run.
type limitState struct {
	l     Limit
	minor int // CPython minor version: the Semaphore's code (model/SEMANTICS.md §S17.1)
	// Semaphore: _value, _waiters (task indices, front at head),
	// _wakeup_scheduled (3.9 only) and each task's state.
	value   int
	waiters []int32
	head    int
	flag    bool
	st      []uint8
	// Workers: the queue (gather order) and its next item, and the
	// coroutine each worker runs (-1: none).
	queue []int32
	next  int
	cur   []int32
}

// startLimited queues the first steps of a bounded run's gather children:
// the n wrapped coroutines in order (semaphore) or the K workers
// (workers). It returns the number of children.
func (s *Sim) startLimited(w *Workload, order []int, n int) int {
	ls := &s.lim
	ls.l = w.Limit
	ls.minor = s.Runtime.Version()
	switch w.Limit.Kind {
	case Semaphore:
		ls.value = w.Limit.K
		ls.waiters = ls.waiters[:0]
		ls.head = 0
		ls.flag = false
		ls.st = resize(ls.st, n)
		s.pushOrder(order, n)
		return n
	default: // Workers
		ls.queue = ls.queue[:0]
		if order == nil {
			for i := 0; i < n; i++ {
				ls.queue = append(ls.queue, int32(i))
			}
		} else {
			for _, i := range order {
				ls.queue = append(ls.queue, int32(i))
			}
		}
		ls.next = 0
		k := w.Limit.K
		ls.cur = resize(ls.cur, k)
		for i := range ls.cur {
			ls.cur[i] = -1
			s.ready.push(handle{task: int32(i)})
		}
		return k
	}
}

// limitedStep is one Task.__step of gather child c of a bounded run (a
// wrapped coroutine or a worker); it reports whether the child returned.
func (s *Sim) limitedStep(w *Workload, c int, now *Duration, seq *int64, trace bool) bool {
	if s.lim.l.Kind == Semaphore {
		if !s.semEnter(c) {
			return false
		}
		s.resume(c, *now, trace)
		if !s.runStep(w.Tasks[c].Steps, c, int32(c), now, seq, trace) {
			return false
		}
		s.finish(c, *now)
		s.semRelease()
		return true
	}
	ls := &s.lim
	for {
		t := int(ls.cur[c])
		if t < 0 {
			// q.get_nowait(): the next coroutine, or QueueEmpty, and the
			// worker returns (model/SEMANTICS.md §S17.2).
			if ls.next == len(ls.queue) {
				return true
			}
			t = int(ls.queue[ls.next])
			ls.next++
			ls.cur[c] = int32(t)
		} else {
			s.resume(t, *now, trace)
		}
		if !s.runStep(w.Tasks[t].Steps, t, int32(c), now, seq, trace) {
			return false
		}
		s.finish(t, *now)
		ls.cur[c] = -1
	}
}

// resume closes task t's open wait in the trace, if it has one.
func (s *Sim) resume(t int, now Duration, trace bool) {
	if trace && s.pc[t] > 0 {
		s.res.Waits[s.waitIdx[t]].Resume = now
	}
}

// finish records that task t's coroutine returned at now.
func (s *Sim) finish(t int, now Duration) {
	s.res.Finish[t] = now
	s.res.Makespan = max(s.res.Makespan, now)
}

// semEnter runs `async with sem:` up to the body for task t: acquire, or
// the rest of acquire after t's waiter future was resolved. It reports
// whether t now holds a slot; if not, t parked on a new waiter future.
// The branches are Lib/asyncio/locks.py's Semaphore.acquire of each
// version (model/SEMANTICS.md §S17.1).
func (s *Sim) semEnter(t int) bool {
	ls := &s.lim
	switch ls.st[t] {
	case semHolding:
		return true
	case semWoken:
		if ls.minor <= 9 {
			// 3.8, 3.9: the future was popped when it was resolved; 3.9
			// clears _wakeup_scheduled, and the while loop tests again.
			ls.flag = false
			break
		}
		// 3.10 and later: the waiter removes its future, then passes on
		// a slot that is free (3.10 to 3.12 once, 3.13 while any).
		ls.remove(int32(t))
		if ls.minor <= 12 {
			if ls.value > 0 {
				ls.wakeNext(s)
			}
		} else {
			for ls.value > 0 && ls.wakeNext(s) {
			}
		}
		ls.st[t] = semHolding
		return true
	}
	// acquire() from the top (semNew), or 3.8/3.9's loop once more.
	if ls.minor <= 9 {
		if ls.value <= 0 || (ls.minor == 9 && ls.flag) {
			ls.park(t)
			return false
		}
	} else if ls.value == 0 || len(ls.waiters) > ls.head {
		// locked(): no slot, or a waiter that is not cancelled.
		ls.park(t)
		return false
	}
	ls.value--
	ls.st[t] = semHolding
	return true
}

// park appends a waiter future for t to _waiters.
func (ls *limitState) park(t int) {
	ls.waiters = append(ls.waiters, int32(t))
	ls.st[t] = semWaiting
}

// remove is 3.10's `self._waiters.remove(fut)` for t's future.
func (ls *limitState) remove(t int32) {
	for i := ls.head; i < len(ls.waiters); i++ {
		if ls.waiters[i] == t {
			copy(ls.waiters[i:], ls.waiters[i+1:])
			ls.waiters = ls.waiters[:len(ls.waiters)-1]
			return
		}
	}
	panic("gatherorder/model: semaphore waiter not queued")
}

// semRelease is `__aexit__`: release(), _value += 1 and _wake_up_next().
func (s *Sim) semRelease() {
	s.lim.value++
	s.lim.wakeNext(s)
}

// wakeNext is _wake_up_next: resolve the first waiter future that is not
// done, which call_soon's its task's wakeup. 3.8 and 3.9 pop it from the
// deque (3.9 also sets _wakeup_scheduled); 3.10 and later leave it there
// and take the slot for it (_value -= 1). It reports whether it woke one.
func (ls *limitState) wakeNext(s *Sim) bool {
	if ls.minor <= 9 {
		if ls.head == len(ls.waiters) {
			return false
		}
		t := ls.waiters[ls.head]
		ls.head++
		if ls.head == len(ls.waiters) {
			ls.waiters, ls.head = ls.waiters[:0], 0
		}
		ls.flag = true // read only under 3.9
		ls.st[t] = semWoken
		s.ready.push(handle{task: t})
		return true
	}
	for _, t := range ls.waiters[ls.head:] {
		if ls.st[t] == semWaiting {
			ls.value--
			ls.st[t] = semWoken
			s.ready.push(handle{task: t})
			return true
		}
	}
	return false
}
