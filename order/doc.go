// Package order holds the gather-order policies: the given order,
// longest-IO-first (LIF, the 2022 blog's advice), shortest-IO-first (SIF),
// the exact optimum (Best) and fast heuristics.
//
// The "IO time" that LIF and SIF sort by is model.Task.IOTime: the sum of
// a task's sleep and io durations (for the canonical class cpu A; sleep L;
// cpu B it is L). Both sorts are stable, so ties keep the given order.
//
// # Random durations
//
// For a workload with random durations (model.Workload.Uncertain,
// model/SEMANTICS.md §S16) an Evaluator computes every order's makespans
// on one set of model.Scenarios (common random numbers; model.ClosedForm
// for three-phase tasks on the base model, model.Sim.Run otherwise),
// Summarize turns them into an Estimate (expected, ci95, p50, p95, wins
// over the given order), and ChooseUncertain runs the policies of
// UncertainPolicies: by the durations' means (LIFMean, SIFMean, LTFMean)
// or medians (LIFMedian, SIFMedian, LTFMedian), and Best on the sample
// mean or p95 (Objective), exhaustive up to MaxExhaustive tasks and by
// insertion local search beyond.
//
// # The problem
//
// For canonical jobs (cpu A_j; sleep or io L_j; cpu B_j) the makespan of
// an order π is model.ClosedForm: the first phases run back to back, so the
// job at position k ends its first phase at c_j = A_π(1) + … + A_π(k) and
// is released at r_j = c_j + L_j; the second phases are list-scheduled in
// release order from ΣA (the CPU is busy with first phases until then):
//
//	C(π) = max_j ( max(ΣA, r_j) + Σ{ B_i : r_i >= r_j } ).
//
// Only max(r_j, ΣA) matters, so releases are clamped to ΣA throughout.
// This is a two-machine flow shop with time lags (first stage A, lag L,
// second stage B) whose second machine is the same CPU and so starts at
// ΣA, with the second stage in the best (earliest-release) order. Two-stage
// flow shops with lags are strongly NP-hard even with unit processing
// times (W. Yu, H. Hoogeveen, J. K. Lenstra, Minimizing makespan in a
// two-machine flow shop with delays and unit-time operations is NP-hard,
// J. Scheduling 7, 2004), hence the exact search.
//
// # Under a limit
//
// For a workload with a limit (model/SEMANTICS.md §S17) Best tries every
// order up to MaxLimitedExhaustive tasks (orders that only swap identical
// tasks once, stopping at the bound) and beyond runs SearchWorkload's local
// search on the limited simulator. Its proven bound is LimitedBound:
// ΣCPU, the largest task, ⌈ΣT_j/k⌉ (k slots, each task holds one for at
// least its total T_j) and a release bound; LongestTotalFirst is Graham's
// LPT rule on whole coroutines. Choice.Method says which search ran.
//
// # Branch and bound
//
// BranchAndBound fills gather positions left to right, depth first;
// children by ascending lower bound, ties by job index. The incumbent is
// Heuristic's order (never worse than LIF, LongestTailFirst or
// JohnsonOrder). At a node with prefix end e = Σ_{placed} A_j, placed
// releases known and U the unplaced jobs, two lower bounds hold for every
// completion:
//
//   - LB1, the earliest-release bound on the second stage: every unplaced j is
//     released no earlier than e + A_j + L_j, and the makespan is monotone
//     in the releases, so the earliest-release list schedule (optimal for
//     1|r_j|Cmax, and equal to its preemptive relaxation since all that is
//     asked is Cmax; folklore, the time-reversed image of Jackson's 1955
//     due-date rule, and W. A. Horn 1974 for the preemptive relaxation) of the placed
//     releases and these release bounds, from ΣA, is a lower bound. It
//     includes ΣA + ΣB and every single-job path max(ΣA, r_j) + B_j, and it
//     is exact once every job is placed (leaves need no extra evaluation).
//   - LB2, Jackson's bound with tails on the first stage: ignoring that
//     second phases queue, job j finishes no earlier than c_j + L_j + B_j;
//     the unplaced first phases run back to back from e, and the order that
//     minimises max_j (c_j + q_j) with tails q_j = L_j + B_j is descending
//     q (Jackson's rule for 1||Lmax read with tails). It includes every
//     single path e + A_j + L_j + B_j and ΣA + min_U (L_j + B_j).
//
// A third bound was tried and removed: for a threshold t, C >= t + the
// work released at or after t, where the unplaced jobs that can be early
// are limited by the nested knapsack (EDD) constraints of the first stage,
// relaxed fractionally and solved greedily by B/A. On 120 instances of
// n = 14 and the 10 hardest-regime instances of n = 20 it never pruned a
// node that LB1 and LB2 had not (12 nodes of 367,309) and tripled the time.
//
// # Dominance
//
// The profile of a prefix is the multiset of (clamped release, B) of its
// jobs; by the formula above a completion's makespan depends on the prefix
// only through its profile.
//
// Lemma D. Let prefixes X and Y hold the same jobs. If for every t the work
// Σ{B : r >= t} and the count #{r >= t} of Y are at most those of X, then
// every completion of Y is no slower than the same completion of X. Proof:
// in the formula, the term of a job z of Y∪rest is max(ΣA, r_z) + T_Y(r_z);
// take the smallest release r* >= r_z of X∪rest (it exists because the
// counts dominate); its term is at least as large, since T_X(r*) = T_X(r_z)
// >= T_Y(r_z). (TestProfileDominanceImpliesNoSlowerCompletions checks it on
// every pair of prefixes of small instances.)
//
// Rules (each checked alone against brute force in
// TestEachDominanceRuleKeepsAnOptimum):
//
//   - Z: jobs with A = 0 go first, in index order. Moving such a job to
//     the front moves no other release and its own only earlier
//     (TestZeroFirstPhaseToFrontNeverHurts).
//   - T: identical jobs (equal A, L, B) are placed in index order; exchanging
//     them changes nothing.
//   - X: a prefix ending i, j is pruned when exchanging the last two gives a
//     pair profile that dominates by Lemma D (strictly, or equally with j
//     before i in key order).
//   - M: a memory of one profile per set of placed jobs (the first met,
//     replaced by one that dominates it; at most 2^21 sets); a prefix is
//     pruned when the remembered profile dominates its own (strictly, or
//     equally with the remembered prefix earlier in key order).
//
// The rules never prune every optimal order at once: each pruned order maps
// to one at least as fast that is strictly smaller in the potential
// (Φ, key order), Φ = Σ_j (B_j + 1)·max(r_j, ΣA) (Lemma D's dominance
// lowers Φ unless the profiles are equal), key order being the
// lexicographic order of the sequence of keys (A_j > 0, j). So an optimal
// order minimal in that potential is never pruned: the search is exact.
//
// Limits: a node limit (deterministic; Limits.Nodes, default DefaultNodes)
// or a wall-clock budget (Limits.Time). On hitting one, the best order found
// is returned with a proven lower bound: the least bound of the subtrees
// not yet explored (TestNodeLimitReturnsAValidGap).
//
// What is guaranteed: when Solution.Optimal, the makespan is optimal, and
// without a time limit the returned order is a deterministic function of
// the jobs and the node limit. It is not the lexicographically first
// optimal order (Exhaustive returns that one).
//
// # Anytime search
//
// Search is what Apply(w, Best) runs when every task has three phases
// (ThreePhaseJobs: cpu; sleep or io; cpu, any n, L >= 0, where the closed
// form's makespan is the simulator's). Up to ClassicMax jobs it is
// BranchAndBound. Beyond, it returns within a budget (Limits.Time, and a
// deterministic Limits.Nodes) the best order it found and a proven lower
// bound, and says Optimal only when they meet:
//
//   - Bounds (bounds.go): CPU = ΣA + ΣB, Release (LB1 at the root) and
//     Tail (LB2 at the root), each O(n log n); the start orders LIF,
//     LongestTailFirst, Mitten and JohnsonOrder (starts.go, equal to the
//     functions of heuristic.go but sorted by a stable radix sort,
//     keysort.go). If the best start meets a bound, Search stops there.
//   - Improvement (improve.go): late acceptance hill climbing with
//     insertion moves evaluated on a releaseTree (releases.go), a segment
//     tree over the jobs in release order that keeps the closed form up to
//     date at O(log n) per exchange of neighbours, so that a move costs the
//     same at any n up to the logarithm (BenchmarkSearchNode).
//   - Subset bounds (subset.go): LB_Q, the least over orders of a subset Q
//     of the closed form with every other job released at its earliest
//     A + L, for Q the jobs with the longest waits and the jobs the
//     incumbent releases last, growing; it is a valid bound for every Q
//     and the optimum for Q = all jobs, when it is the branch and bound
//     above started from the incumbent. Its other jobs cost O(|Q| log n)
//     per bound (fixedSet), so a node's cost does not grow with n either.
//
// The phases alternate in rounds of doubling node budgets until the bound
// meets the incumbent, the node limit or the time limit (Search aims 1%
// before it and predicts whether an O(n log n) step still fits). A node is
// one local-search move or one branch-and-bound node; without a time limit
// the result is a function of the jobs and the node limit.
//
// For workloads of any other shape, Apply(w, Best) runs Exhaustive up to
// MaxExhaustive tasks, which minimises the simulated makespan over all n!
// orders in lexicographic order and returns the lexicographically first
// optimal order, and SearchWorkload beyond (general.go): the same local
// search with every move judged by one simulation, and WorkloadBounds,
// which relax each task to its first CPU run, its first wait, its other
// CPU work and its tail.
//
// # Heuristics
//
// LongestTailFirst (descending L + B) is LB2's order; JohnsonOrder is
// Johnson's rule (S. M. Johnson, Optimal two- and three-stage production
// schedules with setup times included, 1954) on (A_j, L_j + B_j), the flow
// shop in which the wait and the second phase form the second machine;
// Heuristic takes the best of LIF, LongestTailFirst and JohnsonOrder and
// improves it by insertion and exchange moves (LocalSearch). Their ratios to
// the optimum are measured by experiments/optbench.CompareHeuristics, and
// the search's scaling by experiments/optbench.ScalingRun; Search's scaling
// to 10⁶ jobs by experiments/advisor. LongestTailFirst and Mitten are also
// policies of their own (LTF, MittenRule) for three-phase tasks.
package order
