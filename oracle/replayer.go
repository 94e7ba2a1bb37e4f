package oracle

import (
	"sync"

	"github.com/gatherorder/gatherorder/model"
)

// Replayer runs single workloads on CPython on demand: it starts the driver
// (Start) at its first call, so that a caller that never needs CPython, such
// as a claims run that refutes nothing, never starts it. Its Makespan method
// is the replay function the claim engines take (props.Options.Replay). A
// Replayer is safe for concurrent use; the zero value is ready.
type Replayer struct {
	mu      sync.Mutex
	started bool
	p       *Python
	err     error
}

// Makespan runs w with the tasks gathered in order on CPython under the
// virtual clock and returns its makespan. If CPython cannot be started, every
// call returns that error.
func (r *Replayer) Makespan(w *model.Workload, order []int) (model.Duration, error) {
	r.mu.Lock()
	if !r.started {
		r.started = true
		r.p, r.err = Start()
	}
	p, err := r.p, r.err
	r.mu.Unlock()
	if err != nil {
		return 0, err
	}
	res, err := p.Run(w, order)
	return res.Makespan, err
}

// Close stops the driver if one was started.
func (r *Replayer) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.p == nil {
		return nil
	}
	return r.p.Close()
}
