package optbench

import (
	"math/rand/v2"

	"github.com/gatherorder/gatherorder/model"
)

// Dist is a distribution of random canonical instances: A_j and B_j
// uniform on {1, ..., CPUMax}, L_j uniform on {1, ..., IOMax}, all
// independent (integer nanoseconds; the unit does not matter to the order).
type Dist struct{ CPUMax, IOMax int64 }

// ScalingDist is the distribution of the benchmarks and of ScalingRun for
// n jobs: HeuristicDist(n, 200), CPU phases uniform on 1..100 and waits
// uniform on 1..100n, about twice the mean total first-phase CPU 50.5n.
// Waits much shorter than ΣA release every job before ΣA and make all
// orders equal; much longer ones spread the releases so that LIF-like
// orders are optimal; around twice ΣA the releases collide near the end
// and orders differ most (the wait% = 200 rows of CompareHeuristics), and
// the search is hardest there (probes with 10n..400n at n = 12..20).
func ScalingDist(n int) Dist { return HeuristicDist(n, 200) }

// RandomJobs draws n jobs from d with rng.
func RandomJobs(rng *rand.Rand, n int, d Dist) []model.Job {
	js := make([]model.Job, n)
	for i := range js {
		js[i] = model.Job{
			A: model.Duration(1 + rng.Int64N(d.CPUMax)),
			L: model.Duration(1 + rng.Int64N(d.IOMax)),
			B: model.Duration(1 + rng.Int64N(d.CPUMax)),
		}
	}
	return js
}

// NewRand returns the PCG generator that every seeded experiment of this
// package uses, so that a (seed, stream) pair names the instances.
func NewRand(seed, stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }
