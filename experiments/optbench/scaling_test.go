package optbench_test

import (
	"testing"

	"github.com/gatherorder/gatherorder/experiments/optbench"
	"github.com/gatherorder/gatherorder/internal/verify"
)

// The scaling experiment (GATHERORDER_VERIFY=1 only: minutes): the largest
// n at which every one of 10 instances from ScalingDist is proven optimal
// within 10 s, and the time and node counts against exhaustive search.
func TestLargestNSolvedUnderTenSeconds(t *testing.T) {
	if !verify.On() {
		t.Skip("scaling run: set GATHERORDER_VERIFY=1 (make verify)")
	}
	largest := 0
	for n := 8; n <= 40; n += 2 {
		p := optbench.ScalingRun([]int{n}, 10, 1)[0]
		t.Logf("n=%2d solved %d/%d  median %v (%d nodes)  max %v (%d nodes)  exhaustive %v", p.N, p.Solved, p.Instances, p.MedianTime, p.MedianNodes, p.MaxTime, p.MaxNodes, p.ExhaustiveTime)
		if p.Solved < p.Instances {
			break
		}
		largest = n
	}
	t.Logf("largest n with all 10 instances proven optimal within %v: %d", optbench.ScalingBudget, largest)
	if largest < 12 {
		t.Errorf("largest n solved within %v is %d, below the target 12", optbench.ScalingBudget, largest)
	}
}
