package seed

import "github.com/gatherorder/gatherorder/model"

// Model is a way to turn a measured setup into a workload.
type Model int

const (
	// Naive is the blog's and the answer's picture: the IO wait starts the
	// moment the first CPU phase ends (cpu a; sleep L; cpu b).
	Naive Model = iota
	// Hop inserts io 0 before the wait (cpu a; io 0; sleep L; cpu b): the
	// request cannot start inside the step that ran the CPU phase, it needs
	// loop turns first (a connection set-up: connect, then the transport's
	// call_soon'd connection_made and waiter). io 0 is the cheapest such
	// step in the model: the socket is reported at the next select and the
	// task resumes one iteration later, at no cost in time.
	Hop
)

func (m Model) String() string {
	if m == Hop {
		return "hop"
	}
	return "naive"
}

// Workload is s under model m, tasks in gather order, unit seconds.
func (s Setup) Workload(m Model) *model.Workload {
	w := &model.Workload{Unit: model.Second, Tasks: make([]model.Task, len(s.Tasks))}
	for i, t := range s.Tasks {
		steps := []model.Step{{Kind: model.CPU, D: t.CPU1}}
		if m == Hop {
			steps = append(steps, model.Step{Kind: model.IO, D: 0})
		}
		steps = append(steps, model.Step{Kind: model.Sleep, D: t.IO}, model.Step{Kind: model.CPU, D: t.CPU2})
		w.Tasks[i] = model.Task{Name: t.Name, Steps: steps}
	}
	return w
}

// Prediction is what a model says about a setup: the makespan, and each
// task's duration measured as the thread's logs measure it, from the start
// of the task's own first step to its end (index: gather position).
type Prediction struct {
	Makespan model.Duration
	Task     []model.Duration
	Result   model.Result
}

// Predict simulates s under m with the exact loop model.
func Predict(s Setup, m Model) Prediction {
	w := s.Workload(m)
	r := model.Simulate(w, nil)
	p := Prediction{Makespan: r.Makespan, Task: make([]model.Duration, len(w.Tasks)), Result: r}
	start := make([]model.Duration, len(w.Tasks))
	seen := make([]bool, len(w.Tasks))
	for _, sg := range r.Segments {
		if !seen[sg.Task] {
			seen[sg.Task], start[sg.Task] = true, sg.Start
		}
	}
	for i := range p.Task {
		p.Task[i] = r.Finish[i] - start[i]
	}
	return p
}
