package props_test

import (
	"fmt"

	"github.com/gatherorder/gatherorder/props"
)

// The exhaustive engine on one claim: what it covered and what it found.
func ExampleExhaustive() {
	for _, c := range props.Registry() {
		if c.ID != "lif-optimal-equal-cpu" {
			continue
		}
		r := props.Exhaustive(c, props.Scope{MinN: 1, MaxN: 3, MaxDur: 12, MaxTotal: 12})
		fmt.Println(r)
		fmt.Println(r.Failure.Reason, "- certified minimal:", r.MinimalityCertified())
		for _, cm := range r.Failure.Comparisons {
			fmt.Println(cm.Label, cm.Names(), cm.Makespan)
		}
	}
	// Output:
	// all 158 instances with 1 ≤ n ≤ 3 tasks, every duration ≤ 12 and total ≤ 12 (integer units): 1 violation
	// longest-IO-first takes 7, the best order 6 - certified minimal: true
	// lif [c b a] 7
	// best [b c a] 6
}
