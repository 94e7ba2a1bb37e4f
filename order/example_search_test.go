package order_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/gatherorder/gatherorder/model"
	"github.com/gatherorder/gatherorder/order"
)

// Search on 1,000 jobs of the benchmark distribution, under a node limit
// (deterministic; the CLI adds a time limit): the order it finds, how far
// it is from LIF's, and the proven bound.
func ExampleSearch() {
	jobs := order.ScalingJobs(rand.New(rand.NewPCG(1, 1000)), 1000)
	sol := order.Search(jobs, order.Limits{Nodes: 300_000})
	b := order.RootBounds(jobs)
	fmt.Println("LIF:", model.ClosedForm(jobs, order.JobsLIF(jobs)))
	fmt.Println("root bounds: CPU", b.CPU, "release", b.Release, "tail", b.Tail)
	fmt.Println("search:", sol.Makespan, "bound", sol.LowerBound, "optimal", sol.Optimal)
	// Output:
	// LIF: 104721
	// root bounds: CPU 100970 release 100970 tail 99937
	// search: 100970 bound 100970 optimal true
}
