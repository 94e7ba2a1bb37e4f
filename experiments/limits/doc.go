// Package limits measures where the gather order matters under bounded
// concurrency (model/SEMANTICS.md §S17): the expected gain of the best
// order and of longest-IO-first over a random order, for gathers under a
// Semaphore(k) or k workers, over the number of tasks n, k and the
// CPU-to-IO ratio ρ. It is the bounded counterpart of the paper's
// where-order-matters experiment (experiments/paper, wom.go), with the
// same workloads.
//
// # The experiment
//
// Each cell (kind, k, n, ρ) draws Config.Instances workloads from the PCG
// stream of (Config.Seed, n, ρ), the same for every kind and k: n canonical tasks
// cpu A; sleep L; cpu B with L uniform on 1..MaxIO and A, B uniform on
// 0..M, M = round(ρ·(MaxIO+1)). For each workload it simulates all n!
// orders (model.Sim, the exact model) and takes, exactly in rationals,
//
//	best gain = E_π[M_π] / min_π M_π − 1   (π uniform over all orders)
//	LIF gain  = E_π[M_π] / M_LIF − 1       (order.LongestIOFirst)
//
// and a cell's Row holds their means over the instances, the number of
// instances where LIF is optimal and the number where the order matters
// at all (some two orders differ). Rows are a function of the Config:
// no clock, no goroutines.
//
// Run computes the rows, WriteCSV writes them (Header); the paper
// generator draws them (figures/limits.{pdf,svg,csv}) and cmd/limits
// prints the CSV.
package limits
