package model_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
)

func seedJobs() []Job { return []Job{{1e9, 5e9, 1e9}, {1e9, 3e9, 1e9}, {1e9, 1e9, 1e9}} }

// randomJobs is a seeded canonical workload: cpu phases 1..100 ms, waits
// 1..1000 ms.
func randomJobs(n int) []Job {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	js := make([]Job, n)
	for i := range js {
		js[i] = Job{Duration(1+r.IntN(100)) * 1e6, Duration(1+r.IntN(1000)) * 1e6, Duration(1+r.IntN(100)) * 1e6}
	}
	return js
}

// Target: under 1 µs per 3-task gather.
func BenchmarkSimulate3(b *testing.B) {
	w := gen.JobsWorkload(seedJobs())
	var s Sim
	b.ReportAllocs()
	for b.Loop() {
		s.Run(w, nil, false)
	}
}

// Targets: 10,000 tasks under 20 ms, and at most 15x the time
// for 1,000 (n log n scaling).
func BenchmarkSimulateN(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			w := gen.JobsWorkload(randomJobs(n))
			var s Sim
			b.ReportAllocs()
			for b.Loop() {
				s.Run(w, nil, false)
			}
		})
	}
}

// The runtime variants (model/SEMANTICS.md §S11, §S12) have the base
// model's targets: under 1 µs per 3-task gather, 10,000 tasks under 20 ms.
// 3.13/eager/heapq takes the validated path of a non-zero Runtime; the
// armed tie rule replaces the timer heap.
var benchRuntimes = []Runtime{{Minor: 13, Spawn: Eager}, {Ties: TiesArmed}, {Minor: 8, Ties: TiesArmed}}

func BenchmarkSimulate3Runtime(b *testing.B) {
	w := gen.JobsWorkload(seedJobs())
	for _, r := range benchRuntimes {
		b.Run(strings.ReplaceAll(r.String(), "/", "-"), func(b *testing.B) {
			s := Sim{Runtime: r}
			b.ReportAllocs()
			for b.Loop() {
				s.Run(w, nil, false)
			}
		})
	}
}

func BenchmarkSimulateNRuntime(b *testing.B) {
	for _, r := range benchRuntimes {
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("%s/%d", strings.ReplaceAll(r.String(), "/", "-"), n), func(b *testing.B) {
				w := gen.JobsWorkload(randomJobs(n))
				s := Sim{Runtime: r}
				b.ReportAllocs()
				for b.Loop() {
					s.Run(w, nil, false)
				}
			})
		}
	}
}

// Target: under 50 ns and zero allocations for 3 tasks.
func BenchmarkClosedForm3(b *testing.B) {
	js := seedJobs()
	order := []int{2, 1, 0}
	b.ReportAllocs()
	for b.Loop() {
		ClosedForm(js, order)
	}
}
