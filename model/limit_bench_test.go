package model_test

import (
	"fmt"
	"testing"

	"github.com/gatherorder/gatherorder/model"
)

// benchLimited is a 10-task gather of three-phase tasks with mixed waits
// (sleep, io, sleep 0) under the given limit.
func benchLimited(l model.Limit) *model.Workload {
	w := &model.Workload{Unit: model.Nanosecond, Limit: l}
	for i := 0; i < 10; i++ {
		wait := model.Step{Kind: model.Sleep, D: model.Duration(1000 * (i%4 + 1))}
		if i%3 == 1 {
			wait = model.Step{Kind: model.IO, D: model.Duration(700 * i)}
		} else if i%5 == 4 {
			wait = model.Step{Kind: model.Sleep}
		}
		w.Tasks = append(w.Tasks, model.Task{Name: fmt.Sprintf("t%d", i), Steps: []model.Step{
			{Kind: model.CPU, D: model.Duration(100 + 37*i)}, wait, {Kind: model.CPU, D: model.Duration(250 - 11*i)}}})
	}
	return w
}

// BenchmarkLimitedGather: a 10-task gather under Semaphore(2) and 3
// workers, simulated without trace by a reused Sim (the target: under 2 µs and
// no allocation per run).
func BenchmarkLimitedGather(b *testing.B) {
	for _, l := range []model.Limit{{Kind: model.Semaphore, K: 2}, {Kind: model.Workers, K: 3}, {Kind: model.Semaphore, K: 1}} {
		b.Run(fmt.Sprintf("%s-%d", l.Kind, l.K), func(b *testing.B) {
			w := benchLimited(l)
			var s model.Sim
			s.Run(w, nil, false)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s.Run(w, nil, false)
			}
		})
	}
}
