package order

import (
	"math/rand/v2"

	"github.com/gatherorder/gatherorder/model"
)

// Dist is a distribution of random canonical instances: A_j and B_j
// uniform on {1, ..., CPUMax}, L_j uniform on {1, ..., IOMax}, all
// independent (integer nanoseconds; the unit does not matter to the order).
type Dist struct{ CPUMax, IOMax int64 }

// ScalingDist is the distribution of the benchmarks and of ScalingRun for
// n jobs: CPU phases uniform on 1..100 and waits uniform on 1..50n, so that
// the waits range over the whole first stage (E[ΣA] = 50.5n). Waits much
// shorter than ΣA make all releases fall before ΣA and every order equal;
// much longer ones make LIF optimal; this middle regime is where orders
// differ most and the search is hardest.
func ScalingDist(n int) Dist { return Dist{CPUMax: 100, IOMax: 50 * int64(max(n, 1))} }

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
