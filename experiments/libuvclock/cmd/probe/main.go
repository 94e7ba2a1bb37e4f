package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/gatherorder/gatherorder/experiments/libuvclock"
	"github.com/gatherorder/gatherorder/experiments/realclock"
	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/oracle"
)

func main() {
	id, _ := strconv.Atoi(os.Args[1])
	pol := os.Args[2]
	s := libuvclock.Workloads(1, 201, 20e6)[id]
	var ord []int
	for _, p := range realclock.Policies(s.Workload) {
		if p.Name == pol {
			ord = p.Order
		}
	}
	fmt.Println(string(model.Marshal(s.Workload)), "order", ord)
	for _, rt := range []model.Runtime{{Ties: model.TiesArmed}, {}, {Loop: model.UVLoop}, {Loop: model.Node}, {Loop: model.Node, Ties: model.TiesArmed}} {
		r := rt.Simulate(s.Workload, ord)
		fmt.Println(rt, "finish ms", ms(r.Finish), "iters", r.Iterations)
		for _, w := range r.Waits {
			fmt.Printf("   wait t%d step %d %s start %v due %v resume %v\n", w.Task, w.Step, w.Kind, float64(w.Start)/1e6, float64(w.Due)/1e6, float64(w.Resume)/1e6)
		}
	}
	if len(os.Args) > 3 {
		var r *oracle.Real
		var err error
		switch os.Args[3] {
		case "asyncio":
			u, _ := oracle.FindUVLoopPython()
			r, err = oracle.StartRealWith(oracle.Config{Python: u.Path}, 5)
		case "uvloop":
			r, err = oracle.StartUVLoop(5)
		case "node":
			r, err = oracle.StartNodeWith(oracle.NodeConfig{BlockCPU: true}, 5)
		}
		if err != nil {
			panic(err)
		}
		runs, err := r.Measure(s.Workload, ord)
		if err != nil {
			panic(err)
		}
		for _, m := range runs {
			fmt.Println("measured", ms(m.Finish))
		}
	}
}

func ms(ds []model.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = float64(int64(d)/1000) / 1000
	}
	return out
}
