package oracle_test

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

// The seed thread's example on real CPython: three tasks of 1 s CPU, an
// asyncio.sleep of 5, 3 or 1 s, and 1 s CPU, gathered longest wait first
// and shortest wait first, compared with the model.
func ExamplePython_Run() {
	p, err := oracle.Start()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	const s = model.Duration(1e9)
	w := &model.Workload{Unit: model.Second, Tasks: []model.Task{
		model.Canonical("a", s, 5*s, s),
		model.Canonical("b", s, 3*s, s),
		model.Canonical("c", s, 1*s, s),
	}}
	for _, ord := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		o, err := p.Run(w, ord)
		if err != nil {
			fmt.Println(err)
			return
		}
		m := model.Simulate(w, ord)
		fmt.Printf("order %v: CPython %s s, model %s s, same timeline: %v\n",
			ord, model.Format(o.Makespan, model.Second), model.Format(m.Makespan, model.Second), oracle.Same(m, o))
	}
	// Output:
	// order [0 1 2]: CPython 7 s, model 7 s, same timeline: true
	// order [2 1 0]: CPython 9 s, model 9 s, same timeline: true
}

// RunBatch sends many workloads in one pipelined exchange.
func ExamplePython_RunBatch() {
	p, err := oracle.Start()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	var ws []*model.Workload
	for d := model.Duration(0); d < 4; d++ {
		// Both sockets' data arrives at 2+d: x registered its reader
		// first, so epoll reports it first and x resumes first; even
		// io 0 costs a loop turn, so nothing finishes before 3.
		ws = append(ws, &model.Workload{Unit: model.Nanosecond, Tasks: []model.Task{
			{Name: "x", Steps: []model.Step{{Kind: model.CPU, D: 2}, {Kind: model.IO, D: d}, {Kind: model.CPU, D: 1}}},
			{Name: "y", Steps: []model.Step{{Kind: model.IO, D: d}, {Kind: model.CPU, D: 1}}},
		}})
	}
	rs, err := p.RunBatch(ws, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for d, r := range rs {
		fmt.Printf("io %d: finish %v\n", d, r.Finish)
	}
	// Output:
	// io 0: finish [3 4]
	// io 1: finish [4 5]
	// io 2: finish [5 6]
	// io 3: finish [6 7]
}
