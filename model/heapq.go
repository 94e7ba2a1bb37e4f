package model

// timerHeap reproduces CPython's heapq (Lib/heapq.py, and the identical C
// accelerator Modules/_heapqmodule.c) over TimerHandles, which compare only
// by their deadline (events.py, TimerHandle.__lt__). Go's container/heap
// uses a different sift-down, so timers with equal deadlines would leave
// in a different order; the order of equal deadlines is observable (it is
// the order in which the woken tasks run), so the exact algorithm matters.
// Example: four equal deadlines pushed 0,1,2,3 pop as 0,2,1,3.
//
// The heap is stored as two parallel arrays (deadline, task): the sifts
// compare only deadlines, so keeping them dense halves the memory the
// dependent load chain walks, which is what bounds large heaps.
type timerHeap struct {
	when []Duration
	task []int32
	// sink keeps the prefetching loads of siftup observable so that the
	// compiler keeps them; its value means nothing.
	sink Duration
}

func (h *timerHeap) len() int { return len(h.when) }

func (h *timerHeap) reset() {
	h.when = h.when[:0]
	h.task = h.task[:0]
}

// push is heapq.heappush: append, then _siftdown from the new leaf.
func (h *timerHeap) push(when Duration, task int32) {
	h.when = append(h.when, when)
	h.task = append(h.task, task)
	h.siftdown(0, len(h.when)-1)
}

// pop is heapq.heappop: take the last element, put it at the root and
// _siftup (which moves the smaller child up all the way to a leaf, then
// sifts the element back down with _siftdown).
func (h *timerHeap) pop() (Duration, int32) {
	n := len(h.when) - 1
	lw, lt := h.when[n], h.task[n]
	h.when, h.task = h.when[:n], h.task[:n]
	if n == 0 {
		return lw, lt
	}
	tw, tt := h.when[0], h.task[0]
	h.when[0], h.task[0] = lw, lt
	h.siftup(0)
	return tw, tt
}

// siftdown is heapq._siftdown: move heap[pos] up towards startpos while it
// is strictly smaller than its parent.
func (h *timerHeap) siftdown(startpos, pos int) {
	w, t := h.when, h.task
	iw, it := w[pos], t[pos]
	for pos > startpos {
		parent := (pos - 1) >> 1
		if iw < w[parent] {
			w[pos], t[pos] = w[parent], t[parent]
			pos = parent
			continue
		}
		break
	}
	w[pos], t[pos] = iw, it
}

// siftup is heapq._siftup: the "bottom-up" heap pop of Knuth, Vol. 3,
// exercise 5.2.3-18, which CPython uses to save comparisons.
func (h *timerHeap) siftup(pos int) {
	w, t := h.when, h.task
	end := len(w)
	start := pos
	iw, it := w[pos], t[pos]
	child := 2*pos + 1
	// While both children exist, step to the smaller one, the right one on
	// ties (heapq: `if not heap[child] < heap[right]: child = right`),
	// computed without a branch: the comparison is unpredictable, and the
	// mispredicted branch dominated the 10,000-task benchmark.
	var touch Duration
	for child+1 < end {
		// Load the four grandchildren now: the next level reads two of
		// them, and issuing the loads before the comparison that picks the
		// path overlaps their cache misses with this level's (the choice
		// below is branch-free, so the CPU would not speculate down a path).
		if g := 2*child + 4; g < end {
			touch += w[g-3] + w[g]
		}
		// c = child+1 iff w[child+1] <= w[child], i.e. iff d-1 < 0; deadlines
		// are non-negative, so d and d-1 cannot overflow.
		d := w[child+1] - w[child]
		c := child + int(uint64(d-1)>>63)
		w[pos], t[pos] = w[c], t[c]
		pos = c
		child = 2*pos + 1
	}
	if child < end {
		w[pos], t[pos] = w[child], t[child]
		pos = child
	}
	w[pos], t[pos] = iw, it
	h.sink = touch
	h.siftdown(start, pos)
}
