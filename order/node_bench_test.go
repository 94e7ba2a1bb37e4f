package order

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The cost of one search node at growing n: a local-search move (up to
// moveWindow exchanges on the release tree, O(log n) each) and a node of
// the subset bound with 16 jobs (its bounds cost O(16 log n) with the other
// jobs fixed). ns/op is per node; the set-up (start orders, tree, fixed
// set: O(n log n) once per search) is outside the timer.
func BenchmarkSearchNode(b *testing.B) {
	for _, n := range []int{100, 1000, 10_000, 100_000, 1_000_000} {
		js := scalingJobs(rand.New(rand.NewPCG(1, uint64(n))), n)
		b.Run(fmt.Sprintf("move/n=%d", n), func(b *testing.B) {
			im := newImprover(js, fastLIF(js), 1)
			b.ResetTimer()
			im.run(int64(b.N), 0, func() bool { return false })
		})
		b.Run(fmt.Sprintf("subset16/n=%d", n), func(b *testing.B) {
			_, _, byHead := rootBounds(js)
			q := fastLIF(js)[:16]
			b.ResetTimer()
			for nodes := 0; nodes < b.N; {
				b.StopTimer()
				s := newSubsetSolver(js, byHead, q, 1<<62, Limits{Nodes: int64(min(b.N-nodes, 1<<16))})
				b.StartTimer()
				sol := s.solve()
				nodes += int(max(1, sol.Nodes))
			}
		})
	}
}
