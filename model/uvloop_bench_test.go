package model_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gatherorder/gatherorder/internal/gen"
	. "github.com/gatherorder/gatherorder/model"
)

// The libuv runtimes (model/SEMANTICS.md §S14, §S15) have the base model's
// targets: under 1 µs per 3-task gather, 10,000 tasks under 20 ms. The
// workloads are bench_test.go's, whose durations are whole milliseconds.
var benchLibuv = []Runtime{{Loop: UVLoop}, {Loop: Node}, {Loop: Node, Ties: TiesArmed}}

func libuvName(r Runtime) string { return strings.ReplaceAll(r.String(), "/", "-") }

func BenchmarkSimulate3Libuv(b *testing.B) {
	w := gen.JobsWorkload(seedJobs())
	for _, r := range benchLibuv {
		b.Run(libuvName(r), func(b *testing.B) {
			s := Sim{Runtime: r}
			b.ReportAllocs()
			for b.Loop() {
				s.Run(w, nil, false)
			}
		})
	}
}

func BenchmarkSimulateNLibuv(b *testing.B) {
	for _, r := range benchLibuv {
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("%s/%d", libuvName(r), n), func(b *testing.B) {
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
