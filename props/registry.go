package props

// Registry returns every claim, each once, in the order the CLI, the tests
// and the paper present them. The first eleven are the issue's, with its
// ids and statements; the rest are the ones the engines suggested
// (doc.go). No claim is assumed true: Evaluate computes every verdict.
func Registry() []Claim {
	return []Claim{
		{ID: "lif-optimal-equal-cpu", Class: EqualCPU, Check: lifOptimal, Test: "TestLIFOptimalEqualCPU",
			Statement: "With equal CPU phases, longest-IO-first gives the smallest makespan of all orders."},
		{ID: "lif-beats-sif-equal-cpu", Class: EqualCPU, Check: lifBeatsSIF, Test: "TestLIFBeatsSIFEqualCPU",
			Statement: "With equal CPU phases, longest-IO-first is never slower than shortest-IO-first."},
		{ID: "sif-worst-equal-cpu", Class: EqualCPU, Check: sifWorst, Test: "TestSIFWorstEqualCPU",
			Statement: "With equal CPU phases, shortest-IO-first is a slowest order."},
		{ID: "lif-optimal-two-tasks-equal-cpu", Class: EqualCPUTwo, Check: lifOptimal, Test: "TestLIFOptimalTwoTasksEqualCPU",
			Statement: "With two tasks and equal CPU phases, longest-IO-first is optimal."},
		{ID: "lif-optimal-no-post-cpu", Class: NoPostCPU, Check: lifOptimal, Test: "TestLIFOptimalNoPostCPU",
			Statement: "When no task has CPU work after its IO, longest-IO-first is optimal whatever the CPU before it."},
		{ID: "lif-minimizes-last-io", Class: Canonical, Check: lifMinimizesLastIO, Test: "TestLIFMinimizesLastIO",
			Statement: "Longest-IO-first minimizes the time at which the last IO completes."},
		{ID: "lif-optimal-unequal-cpu", Class: Canonical, Check: lifOptimal, Test: "TestLIFOptimalUnequalCPU",
			Statement: "Longest-IO-first is optimal for canonical workloads with arbitrary CPU phases."},
		{ID: "any-order-within-2x", Class: MultiStep, Check: within(2, 1), Test: "TestAnyOrderWithin2x",
			Statement: "Every order's makespan is at most twice the optimum."},
		{ID: "any-order-within-1.5x-equal-cpu", Class: EqualCPU, Check: within(3, 2), Test: "TestAnyOrderWithin1_5xEqualCPU",
			Statement: "With equal CPU phases, every order is within 1.5 times the optimum."},
		{ID: "hop-makes-order-irrelevant", Class: Hop, Check: orderIrrelevant, Test: "TestHopMakesOrderIrrelevant",
			Statement: "If every task needs one extra loop turn (an `io 0` connection step) between its first CPU phase and its wait, the makespan does not depend on the order."},
		{ID: "shorter-step-never-hurts", Class: MultiStep, Check: shorterNeverHurts, Test: "TestShorterStepNeverHurts",
			Statement: "For a fixed order, shortening any step of any task never increases the makespan (general multi-step workloads)."},
		// Claims the engines suggested (see doc.go, "Claims beyond the issue").
		{ID: "lif-within-one-cpu-phase-equal-cpu", Class: EqualCPU, Check: lifWithinOnePhase, Test: "TestLIFWithinOneCPUPhaseEqualCPU",
			Statement: "With equal CPU phases c, longest-IO-first is at most c slower than the best order."},
		{ID: "lif-beats-sif-unequal-cpu", Class: Canonical, Check: lifBeatsSIF, Test: "TestLIFBeatsSIFUnequalCPU",
			Statement: "For canonical workloads with arbitrary CPU phases, longest-IO-first is never slower than shortest-IO-first."},
		{ID: "any-order-within-1.5x-unequal-cpu", Class: Canonical, Check: within(3, 2), Test: "TestAnyOrderWithin1_5xUnequalCPU",
			Statement: "For canonical workloads with arbitrary CPU phases, every order is within 1.5 times the optimum."},
		{ID: "shorter-step-never-hurts-canonical", Class: Canonical, Check: shorterNeverHurts, Test: "TestShorterStepNeverHurtsCanonical",
			Statement: "For a fixed order, shortening any step of a canonical workload never increases the makespan."},
		// Claims about the rules' guarantees (proofs/README.md, "Rules").
		{ID: "lif-optimal-unequal-cpu-distinct-waits", Class: Canonical, Check: lifOptimalDistinctWaits, Test: "TestLIFOptimalUnequalCPUDistinctWaits",
			Statement: "Longest-IO-first is optimal for canonical workloads with arbitrary CPU phases and pairwise distinct waits."},
		{ID: "lif-within-1.5x-canonical", Class: Canonical, Check: ruleWithin("longest-IO-first", lifOrders, 3, 2), Test: "TestLIFWithin1_5xCanonical",
			Statement: "For canonical workloads with arbitrary CPU phases, every longest-IO-first order is within 1.5 times the optimum."},
		{ID: "ltf-within-1.5x-canonical", Class: Canonical, Check: ruleWithin("longest-tail-first", ltfOrders, 3, 2), Test: "TestLTFWithin1_5xCanonical",
			Statement: "For canonical workloads with arbitrary CPU phases, every longest-tail-first order (descending L + B) is within 1.5 times the optimum."},
		{ID: "mitten-within-1.5x-canonical", Class: Canonical, Check: ruleWithin("mitten", mittenOrders, 3, 2), Test: "TestMittenWithin1_5xCanonical",
			Statement: "For canonical workloads with arbitrary CPU phases, every order of Mitten's rule (Johnson's rule on (A + L, L + B)) is within 1.5 times the optimum."},
		// The equal-CPU bound of longest-IO-first (proofs/lif-additive-equal-cpu.md).
		{ID: "lif-additive-equal-cpu", Class: EqualCPU, Check: lifAdditive, Test: "TestLIFAdditiveEqualCPU",
			Statement: "With n tasks and equal CPU phases c, longest-IO-first is at most (n-1)c/2 slower than the best order."},
		{ID: "lif-within-1.25x-equal-cpu", Class: EqualCPU, Check: ruleWithin("longest-IO-first", lifOrders, 5, 4), Test: "TestLIFWithin1_25xEqualCPU",
			Statement: "With equal CPU phases, longest-IO-first is within 1.25 times the optimum."},
		{ID: "lif-five-quarters-family", Class: FiveQuarters, Check: fiveQuartersClosedForm, Test: "TestLIFFiveQuartersFamily",
			Statement: "For odd n = 2m+1 and c > 0, the tasks cpu c; sleep (m+i)c; cpu c (i = 0 to n-1) take (m+2n)c under longest-IO-first and 2nc, the optimum, in the interleaved order."},
		// Claims in expectation (model/SEMANTICS.md §S16; props/uncertain.go):
		// independent two-point waits, every expectation exact over the 2^n
		// scenarios; each counterexample's comparisons are its scenarios.
		{ID: "lif-mean-beats-sif-mean-equal-cpu", Class: TwoPointEqualCPU, Check: lifMeanBeatsSIFMean, Test: "TestLIFMeanBeatsSIFMeanEqualCPU",
			Statement: "With equal CPU phases and independent random waits, longest-mean-IO-first never expects a larger makespan than shortest-mean-IO-first."},
		{ID: "mean-durations-best-is-best-in-expectation", Class: TwoPointCanonical, Check: meanBestOptimal, Test: "TestMeanDurationsBestIsBestInExpectation",
			Statement: "With independent random waits, an order with the least makespan for the mean durations has the least expected makespan."},
		{ID: "clairvoyance-worthless", Class: TwoPointCanonical, Check: clairvoyanceWorthless, Test: "TestClairvoyanceWorthless",
			Statement: "With independent random waits, choosing the order knowing each scenario's durations expects no smaller makespan than the best single order."},
		// Claims under a limit (model/SEMANTICS.md §S17, the
		// classes and predicates of limit.go): the unbounded claims that
		// hold, asked again at k = 2; longest-total-first (LPT on whole
		// coroutines); Graham-style bounds; and k = 1.
		{ID: "lif-beats-sif-equal-cpu-semaphore-2", Class: EqualCPUSem2, Check: lifBeatsSIF, Test: "TestLIFBeatsSIFEqualCPUSemaphore2",
			Statement: "Under Semaphore(2), with equal CPU phases, longest-IO-first is never slower than shortest-IO-first."},
		{ID: "sif-worst-equal-cpu-semaphore-2", Class: EqualCPUSem2, Check: sifWorst, Test: "TestSIFWorstEqualCPUSemaphore2",
			Statement: "Under Semaphore(2), with equal CPU phases, shortest-IO-first is a slowest order."},
		{ID: "lif-optimal-no-post-cpu-semaphore-2", Class: NoPostCPUSem2, Check: lifOptimal, Test: "TestLIFOptimalNoPostCPUSemaphore2",
			Statement: "Under Semaphore(2), when no task has CPU work after its IO, longest-IO-first is optimal."},
		{ID: "lif-minimizes-last-io-semaphore-2", Class: CanonicalSem2, Check: lifMinimizesLastIO, Test: "TestLIFMinimizesLastIOSemaphore2",
			Statement: "Under Semaphore(2), longest-IO-first minimizes the time at which the last IO completes."},
		{ID: "hop-makes-order-irrelevant-semaphore-2", Class: HopSem2, Check: orderIrrelevant, Test: "TestHopMakesOrderIrrelevantSemaphore2",
			Statement: "Under Semaphore(2), if every task needs one extra loop turn (an `io 0` step) before its wait, the makespan does not depend on the order."},
		{ID: "ltotal-beats-lif-semaphore-2", Class: CanonicalSem2Binding, Check: lptBeatsLIF, Test: "TestLongestTotalBeatsLIFSemaphore2",
			Statement: "Under Semaphore(2) with more than two tasks, longest-total-first (descending A + L + B) is never slower than longest-IO-first."},
		{ID: "ltotal-within-graham-lpt-semaphore-2", Class: CanonicalSem2Binding, Check: ltotalWithin(7, 6), Test: "TestLongestTotalWithinGrahamLPTSemaphore2",
			Statement: "Under Semaphore(2) with more than two tasks, every longest-total-first order is within 7/6 of the optimum, Graham's LPT bound 4/3 - 1/(3k) for k = 2 machines."},
		{ID: "any-order-within-1.5x-semaphore-2", Class: CanonicalSem2Binding, Check: within(3, 2), Test: "TestAnyOrderWithinGrahamSemaphore2",
			Statement: "Under Semaphore(2) with more than two tasks, every order of canonical tasks is within 1.5 times the optimum, Graham's list-scheduling bound 2 - 1/k for k = 2 machines."},
		{ID: "any-order-within-graham-semaphore-3", Class: CanonicalSem3Binding, Check: within(5, 3), Test: "TestAnyOrderWithinGrahamSemaphore3",
			Statement: "Under Semaphore(3) with more than three tasks, every order of canonical tasks is within 5/3 of the optimum, Graham's list-scheduling bound 2 - 1/k for k = 3 machines."},
		{ID: "any-order-within-1.5x-workers-2", Class: CanonicalWorkers2Binding, Check: within(3, 2), Test: "TestAnyOrderWithinGrahamWorkers2",
			Statement: "With two workers and more than two tasks, every order of canonical tasks is within 1.5 times the optimum, Graham's list-scheduling bound 2 - 1/k for k = 2 machines."},
		{ID: "any-order-within-2x-semaphore-2", Class: MultiStepSem2Binding, Check: within(2, 1), Test: "TestAnyOrderWithin2xSemaphore2",
			Statement: "Under Semaphore(2) with more than two tasks, every order's makespan is at most twice the optimum (general multi-step workloads)."},
		{ID: "semaphore-1-order-free", Class: MultiStepSem1, Check: orderIrrelevant, Test: "TestSemaphore1OrderFree",
			Statement: "Under Semaphore(1), the makespan does not depend on the order (general multi-step workloads)."},
		{ID: "workers-1-order-free", Class: MultiStepWorkers1, Check: orderIrrelevant, Test: "TestWorkers1OrderFree",
			Statement: "With one worker, the makespan does not depend on the order (general multi-step workloads)."},
	}
}
