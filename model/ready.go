package model

// readyQueue is the loop's ready deque (base_events._ready) together with
// the ntodo rule of _run_once: an iteration runs exactly the handles that
// were queued when it started; handles queued while they run wait for the
// next iteration. It is two slices used in turn, so a warmed-up queue does
// not allocate.
type readyQueue struct {
	next, cur []handle
}

// push is call_soon: append at the back.
func (q *readyQueue) push(h handle) { q.next = append(q.next, h) }

func (q *readyQueue) len() int { return len(q.next) }

func (q *readyQueue) reset() { q.next, q.cur = q.next[:0], q.cur[:0] }

// batch takes the ntodo handles queued now, in FIFO order; pushes made
// while the caller runs them go to the next batch. The returned slice is
// valid until the next call of batch.
func (q *readyQueue) batch() []handle {
	q.cur, q.next = q.next, q.cur[:0]
	return q.cur
}
