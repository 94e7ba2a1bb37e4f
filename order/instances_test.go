package order

import (
	"math/rand/v2"

	"github.com/gatherorder/gatherorder/model"
)

// randomJobs draws n jobs with A and B uniform on 1..cpuMax and L uniform
// on 1..ioMax, independently, A, L, B per job in turn: the draws of
// experiments/optbench.RandomJobs, so that the tests keep their instances
// without importing the experiments.
func randomJobs(rng *rand.Rand, n, cpuMax, ioMax int) []model.Job {
	js := make([]model.Job, n)
	for i := range js {
		j := uniformJob(rng, cpuMax-1, ioMax-1, cpuMax-1)
		js[i] = model.Job{A: j.A + 1, L: j.L + 1, B: j.B + 1}
	}
	return js
}

// scalingJobs draws n jobs from the benchmarks' distribution, CPU phases
// on 1..100 and waits on 1..100n (experiments/optbench.ScalingDist, where
// the search is hardest).
func scalingJobs(rng *rand.Rand, n int) []model.Job { return randomJobs(rng, n, 100, 100*n) }

// ScalingJobs is scalingJobs for the external tests and benchmarks.
var ScalingJobs = scalingJobs
