package hop

import (
	"fmt"
	"strconv"

	"github.com/gatherorder/gatherorder/model"
)

// ConnectHop is asyncio.open_connection to 127.0.0.1 in the model: the
// loop turns it takes before the request can be written, at no cost in
// time. From CPython 3.11's source (base_events.create_connection,
// selector_events.sock_connect and _SelectorSocketTransport.__init__):
//
//	io 0     the non-blocking connect returns EINPROGRESS; the socket is
//	         reported writable at the next select, _sock_connect_cb sets
//	         the future, and the task resumes one iteration later;
//	sleep 0  the transport call_soon's connection_made, _add_reader and the
//	         waiter's result; the task awaits the waiter;
//	sleep 0  the waiter's done callback wakes the task one iteration later.
//
// That is 4 iterations from the step that connects to the step that
// writes, which the client measures by counting _run_once calls
// (TestClientTakesTheHopsTheModelEncodes).
var ConnectHop = []model.Step{{Kind: model.IO}, {Kind: model.Sleep}, {Kind: model.Sleep}}

// Scenario is the scaled asker's scenario: every task runs CPU for CPU,
// then a request whose server delay is its entry of Delays, then CPU again.
type Scenario struct {
	CPU    model.Duration
	Delays []model.Duration // tasks a, b, c, ...
}

// NewScenario parses the scenario from milliseconds.
func NewScenario(cpuMS int, delaysMS []int) (Scenario, error) {
	if len(delaysMS) == 0 || len(delaysMS) > 26 {
		return Scenario{}, fmt.Errorf("want 1 to 26 delays, got %d", len(delaysMS))
	}
	cpu, err := model.ParseDuration(strconv.Itoa(cpuMS), model.Millisecond)
	if err != nil {
		return Scenario{}, fmt.Errorf("cpu: %w", err)
	}
	s := Scenario{CPU: cpu}
	for i, ms := range delaysMS {
		if ms > MaxDelayMS {
			return Scenario{}, fmt.Errorf("delay %d: %d ms is above the server's limit of %d", i+1, ms, MaxDelayMS)
		}
		d, err := model.ParseDuration(strconv.Itoa(ms), model.Millisecond)
		if err != nil {
			return Scenario{}, fmt.Errorf("delay %d: %w", i+1, err)
		}
		s.Delays = append(s.Delays, d)
	}
	return s, nil
}

// Variant is where the connection is opened.
type Variant string

const (
	// ConnectAfterCPU opens the connection after the first CPU phase (the
	// asker's last edit): cpu A; hop; io L; cpu B.
	ConnectAfterCPU Variant = "A"
	// ConnectBeforeCPU opens it before: hop; cpu A; io L; cpu B. The request
	// goes out in the same step as the CPU phase, as the naive model says.
	ConnectBeforeCPU Variant = "B"
)

// Orders are the two gather orders, as the client names them.
var Orders = []string{"longest-first", "shortest-first"}

// Workload is the scenario in the given gather order ("longest-first" or
// "shortest-first", ties by name) under variant v, with the connection's
// hops (hop true) or without (the naive model, where the request leaves the
// moment its task's first CPU phase ends).
func (s Scenario) Workload(v Variant, order string, hop bool) *model.Workload {
	idx := make([]int, len(s.Delays))
	for i := range idx {
		idx[i] = i
	}
	// Insertion sort: stable, n ≤ 26.
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0; j-- {
			a, b := s.Delays[idx[j-1]], s.Delays[idx[j]]
			if (order == "longest-first" && a < b) || (order == "shortest-first" && a > b) {
				idx[j-1], idx[j] = idx[j], idx[j-1]
			}
		}
	}
	w := &model.Workload{Unit: model.Millisecond}
	for _, i := range idx {
		var steps []model.Step
		if hop && v == ConnectBeforeCPU {
			steps = append(steps, ConnectHop...)
		}
		steps = append(steps, model.Step{Kind: model.CPU, D: s.CPU})
		if hop && v == ConnectAfterCPU {
			steps = append(steps, ConnectHop...)
		}
		steps = append(steps, model.Step{Kind: model.IO, D: s.Delays[i]}, model.Step{Kind: model.CPU, D: s.CPU})
		w.Tasks = append(w.Tasks, model.Task{Name: string(rune('a' + i)), Steps: steps})
	}
	return w
}

// Predict returns the naive and the hop model's makespans.
func (s Scenario) Predict(v Variant, order string) (naive, hop model.Duration) {
	return model.Simulate(s.Workload(v, order, false), nil).Makespan,
		model.Simulate(s.Workload(v, order, true), nil).Makespan
}
