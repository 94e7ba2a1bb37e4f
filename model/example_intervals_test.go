package model_test

import (
	"fmt"

	"github.com/gatherorder/gatherorder/model"
)

// The seed example gathered shortest IO first: c's timer falls due at 2
// while a's first step runs, so c stays ready until 3; later the CPU idles
// while b and then a await.
func ExampleIntervals() {
	w, err := model.Parse("seed.json", []byte(`{"unit": "s", "tasks": [
	  {"name": "a", "steps": [{"cpu": 1}, {"sleep": 5}, {"cpu": 1}]},
	  {"name": "b", "steps": [{"cpu": 1}, {"sleep": 3}, {"cpu": 1}]},
	  {"name": "c", "steps": [{"cpu": 1}, {"sleep": 1}, {"cpu": 1}]}]}`))
	if err != nil {
		panic(err)
	}
	r := model.Simulate(w, []int{2, 1, 0})
	tl := model.Intervals(&r)
	for _, t := range []int{2, 1, 0} {
		fmt.Printf("%s:", w.Tasks[t].Name)
		for _, iv := range tl.Tasks[t] {
			fmt.Printf(" %v %s-%s", iv.State, model.Format(iv.Start, w.Unit), model.Format(iv.End, w.Unit))
		}
		fmt.Println()
	}
	fmt.Print("CPU:")
	for _, c := range tl.CPU {
		state := "idle"
		if c.Busy {
			state = "busy"
		}
		fmt.Printf(" %s %s-%s", state, model.Format(c.Start, w.Unit), model.Format(c.End, w.Unit))
	}
	fmt.Println()
	// Output:
	// c: running 0-1 awaiting 1-2 ready 2-3 running 3-4
	// b: ready 0-1 running 1-2 awaiting 2-5 running 5-6
	// a: ready 0-2 running 2-3 awaiting 3-8 running 8-9
	// CPU: busy 0-4 idle 4-5 busy 5-6 idle 6-8 busy 8-9
}
