// Package optbench holds the experiments on the optimizer of package
// order: how close its fast ordering rules come to the proven optimum, and
// how far its branch and bound scales. Package order keeps the policies
// and solvers; this package only draws instances and measures them. The
// paper generator (experiments/paper) renders the results.
//
// # Instances
//
// Dist is a distribution of canonical jobs (A and B uniform on 1..CPUMax,
// L uniform on 1..IOMax); RandomJobs draws from one with the PCG generator
// NewRand(seed, stream), so a (seed, stream) pair names the instances.
// HeuristicDist(n, wait%) scales the waits to the total first-phase CPU;
// ScalingDist(n) = HeuristicDist(n, 200) is the hardest regime.
//
// # Heuristic comparison
//
// CompareHeuristics returns one HeuristicRow per (n, wait%): for LIF,
// LongestTailFirst, JohnsonOrder, Mitten and Heuristic the RatioStats of their
// makespans over the branch-and-bound optimum. It is deterministic (node
// limits, one seeded stream per row). WriteHeuristicTable prints the rows
// as text (TestHeuristicBeatsLIFOnAverage logs them).
//
// # Scaling
//
// ScalingRun times order.BranchAndBound to proven optimality (ScalingBudget
// of wall clock per instance) and, up to ExhaustiveScalingMax, exhaustive
// search, one ScalingPoint per n. The instances and node counts are
// deterministic; the times are this machine's, so only the paper
// generator's -measure-scaling and make verify
// (TestLargestNSolvedUnderTenSeconds) run it.
package optbench
