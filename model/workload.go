package model

import "fmt"

// Kind is the kind of one step of a task.
type Kind uint8

// The step kinds of the workload format (model/SEMANTICS.md §S10); each
// kind's CPython meaning is model/SEMANTICS.md §S5 to §S7.
const (
	// CPU is blocking work inside a task step, like time.sleep(d): the clock
	// advances by d while nothing else runs.
	CPU Kind = iota
	// Sleep is `await asyncio.sleep(d)`. For d > 0 it arms a timer whose
	// callback wakes the task one loop iteration later; for d = 0 it is
	// CPython's bare yield (the task re-queues itself with call_soon).
	Sleep
	// IO is `await loop.sock_recv(...)` on a socket whose data arrives d
	// after the await starts; the data reaches the task only through the
	// selector, so even IO 0 costs loop turns.
	IO
)

var kindNames = [...]string{CPU: "cpu", Sleep: "sleep", IO: "io"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Step is one step of a task.
type Step struct {
	Kind Kind
	D    Duration
}

// Task is one coroutine passed to asyncio.gather.
type Task struct {
	Name  string
	Steps []Step
	// Dists, when not nil, holds one distribution per step
	// (model/SEMANTICS.md §S16): a non-Fixed Dists[j] makes step j's
	// duration random, and Steps[j].D is then its median (Dist.Nominal).
	// Nil for a task whose durations are all constant.
	Dists []Dist
}

// Workload is a set of tasks in their given gather order, with the unit the
// workload was written in (used only for reading and printing).
type Workload struct {
	Unit  Unit
	Tasks []Task
	// Limit bounds the gather's concurrency (model/SEMANTICS.md §S17);
	// the zero value is none.
	Limit Limit
}

// Canonical builds the task `cpu a; sleep l; cpu b`.
func Canonical(name string, a, l, b Duration) Task {
	return Task{Name: name, Steps: []Step{{CPU, a}, {Sleep, l}, {CPU, b}}}
}

// IOTime is the "IO time" of a task that ordering policies sort by: the sum
// of its sleep and io durations. For the canonical class it is the single
// wait L. Waits are what a task can overlap with other tasks' CPU work, so
// the sum is the natural generalisation; it ignores where in the task the
// waits fall, which is why LIF is only a heuristic beyond that class.
func (t Task) IOTime() Duration {
	var s Duration
	for _, st := range t.Steps {
		if st.Kind != CPU {
			s += st.D
		}
	}
	return s
}

// Validate checks that every duration is non-negative, names are non-empty
// and unique, and the sum of all durations fits in int64 nanoseconds. The
// simulator's clock never exceeds that sum, so a valid workload cannot
// overflow during simulation. Errors name the task and step (1-based).
func (w *Workload) Validate() error {
	if err := w.Limit.Validate(); err != nil {
		return err
	}
	seen := make(map[string]int, len(w.Tasks))
	var total Duration
	for i, t := range w.Tasks {
		if t.Name == "" {
			return fmt.Errorf("task #%d: empty name", i+1)
		}
		if j, dup := seen[t.Name]; dup {
			return fmt.Errorf("%s: duplicate name (also task #%d)", taskLabel(t.Name, i), j+1)
		}
		seen[t.Name] = i
		if err := validateDists(t, i, w.Unit); err != nil {
			return err
		}
		for j, st := range t.Steps {
			if st.Kind > IO {
				return fmt.Errorf("%s, step %d: unknown kind %d", taskLabel(t.Name, i), j+1, st.Kind)
			}
			if st.D < 0 {
				return fmt.Errorf("%s, step %d (%s): negative duration", taskLabel(t.Name, i), j+1, st.Kind)
			}
			var err error
			if total, err = Add(total, st.D); err != nil {
				return fmt.Errorf("%s, step %d (%s): total duration of the workload: %w", taskLabel(t.Name, i), j+1, st.Kind, err)
			}
		}
	}
	return nil
}
