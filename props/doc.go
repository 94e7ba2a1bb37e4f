// Package props holds the project's claims about gather orders, each once,
// as data (Registry), and the engines that decide them: exhaustive
// small-scope enumeration (Exhaustive) and an adversarial search
// (Adversary) here, and the random engines built on rapid and gopter in
// package props/pbt, which the caller passes in (Options.Random). The CLI
// (`gatherorder claims`), the tests and the paper read the same registry;
// no verdict is stored, Evaluate computes every one.
//
// This package starts no runtime and links no test machinery: replaying a
// counterexample on CPython is a function the caller passes
// (Options.Replay; oracle.Replayer.Makespan), and rapid and gopter, which
// both import Go's testing package, stay in props/pbt, so the shipped
// binary runs the exhaustive engine and the adversary only.
//
// # Claims and classes
//
// A Claim is an id, a one-sentence statement, a Class of workloads and a
// Predicate deciding one instance. Durations are integers (the engines use
// ns; every claim is invariant under scaling all durations by a positive
// constant, so integer instances stand for all rational ones). The classes:
//
//	equal-cpu      cpu c; sleep L_i; cpu c       c ≥ 0 shared, L_i ≥ 1
//	equal-cpu-two  the same with n = 2
//	no-post-cpu    cpu A_i; sleep L_i; cpu 0     A_i ≥ 0, L_i ≥ 1
//	canonical      cpu A_i; sleep L_i; cpu B_i   A_i, B_i ≥ 0, L_i ≥ 1
//	hop            cpu A_i; io 0; sleep L_i; cpu B_i
//	multi-step     1..S steps per task, each cpu/sleep/io d ≥ 0
//	C-semaphore-k, C-workers-k  class C gathered under a limit (limit.go,
//	               model/SEMANTICS.md §S17); -binding: more than k tasks
//	five-quarters-family  cpu c; sleep (m+i)c; cpu c, i = 0..n−1, odd n = 2m+1
//	               (FiveQuartersFamily; not capped at MaxTasks, Class.AnyN)
//
// "Longest-IO-first" (LIF) sorts by model.Task.IOTime descending with ties
// in the given order, so the orders LIF can produce on a multiset of tasks
// are exactly the orders by non-increasing IO time (one per tie-break); a
// claim about LIF holds on an instance only if it holds for every one of
// them (Eval.LIF), because some given order yields each. SIF likewise; a
// claim comparing LIF with SIF pairs the two orders of the same given
// order (Eval.SIFPartner: equal IO times keep their relative order in both).
//
// For canonical instances the engines evaluate makespans with
// model.ClosedForm (release r_j = S_k + A_j + L_j, then the
// earliest-release-first list schedule of the B_j from ΣA, which solves
// 1|r_j|Cmax: folklore, the time-reversed image of Jackson's 1955 rule for
// 1||Lmax), which
// model/doc.go proves equal to the simulator's makespan and
// model.TestClosedFormMatchesSimulator checks; all other classes are
// simulated with model.Sim. Every reported comparison is re-simulated with
// the traced simulator (Resimulate) and, given a replay function, replayed
// on CPython (Replay).
//
// # Runtimes
//
// Options.Runtime evaluates every claim under another runtime (Runtime,
// On, BudgetOn; model/SEMANTICS.md §S18): a CPython version, spawn style
// or tie rule at 1 ns per unit (the closed form only where the runtime is
// the base model, Runtime.Base; the runtime's simulator otherwise), uvloop
// and Node.js at 20 ms per unit (libuv's clock counts milliseconds), and
// Trio with every makespan read as the exact expected makespan, at 2^30 ns
// per unit so that expectations are integers, on scopes of at most four
// tasks. Reasons and reports use the runtime's unit (Runtime.Format,
// Runtime.Display); ReplayOn replays under it.
//
// # Symmetry reduction
//
// Every predicate quantifies over all n! gather orders of an instance (and,
// for policies, over all tie-breaks), so it is invariant under permuting
// the instance's tasks: two workloads that are rearrangements of each
// other are refuted together. The exhaustive engine therefore enumerates
// each multiset of tasks once, as a non-decreasing sequence in the task
// order compareTasks (fewer steps, then kind and duration step by step);
// for equal-cpu it enumerates c and then L_1 ≤ … ≤ L_n. This is sound (no
// instance is missed up to rearrangement) and exact (none is counted
// twice); TestSymmetryReductionEnumeratesEachMultisetOnce compares the
// count with a brute-force enumeration of ordered tuples.
//
// # Order of minimality
//
// Counterexamples are ordered by (1) fewer tasks, (2) smaller total
// duration (the sum of all step durations), (3) lexicographic order of the
// sorted arrangement: task by task, number of steps, then each step's
// kind (cpu < sleep < io) and duration; for a class of fixed shape this is
// the lexicographic order of the duration vector (A_1, L_1, B_1, A_2, …).
// The exhaustive engine checks every instance of its scope and reports the
// least violating one (Compare). It is certified minimal
// (ExhaustiveReport.MinimalityCertified) when its total T is at most
// min(MaxDur, MaxTotal): then every instance with as many tasks and a
// smaller total, and every instance with fewer tasks and total ≤ T, lies in
// the scope (each duration is at most the total) and was checked. Instances
// with fewer tasks and a larger total are beyond any finite scope: "fewest
// tasks first" is certified only up to that total.
//
// # Shortening by one unit
//
// shorter-step-never-hurts quantifies over all shortenings; the predicate
// checks each step shortened by one unit. Over integer instances the two
// are equivalent: shortening a step by k is k unit shortenings, each
// applied to an instance of the same class (with a smaller total), so if
// some k-shortening raises the makespan, some unit shortening along the way
// does, on an instance the enumeration also covers.
//
// # Engines
//
// Exhaustive enumerates the scope in parallel (one Eval per core; the
// simulator is pure) and reports exact counts: "all 15,042 instances with
// 1 ≤ n ≤ 6 tasks, every duration ≤ 32 and total ≤ 32: 215 violations".
// The random engines (package props/pbt) run rapid (pgregory.net/rapid)
// over wider ranges from a fixed seed, with rapid's shrinker, and gopter
// (github.com/leanovate/gopter) on its own generator (a flat integer
// vector, Class.Decode) with its own shrinker, so no verdict rests on one
// generator's biases. A verdict is Refuted when any engine finds a
// violation and Holds when none does: Holds means "no counterexample within
// everything checked", which is evidence for a proof (package proofs), not
// a proof.
//
// Adversary hill-climbs, per class and ordering rule (lif, sif, ltf =
// longest tail first, johnson, mitten, best3 = the best of lif, ltf and
// mitten, heuristic, any = the slowest order), for the worst ratio of the
// rule's makespan to the optimum: from seeded random starts over the
// class's integer vectors, and over the parameters of structured families
// (waits in arithmetic progression with equal CPU phases; every duration in
// progression, or two kinds of job, for canonical jobs), where patterns
// that single-coordinate moves cannot reach, such as all releases
// coinciding, are one step away. Up to AdversaryBudget.MaxN tasks the judge
// is every order; for canonical jobs the search continues to LargeN tasks
// with order.BranchAndBound as the judge. It reports the worst ratio found
// and the instance attaining it; at the quick budget it finds the
// five-quarters family, the proved worst case of longest-IO-first with
// equal CPU phases (TestAdversaryFindsTheFiveQuartersFamily).
//
// # Claims beyond the issue
//
// The engines refuted lif-optimal-equal-cpu, which suggested asking how far
// LIF can be from the optimum: lif-within-one-cpu-phase-equal-cpu (an
// additive bound of one CPU phase; refuted at n = 5), and whether the
// issue's equal-CPU claims that hold need equal CPU (lif-beats-sif-,
// any-order-within-1.5x-unequal-cpu: refuted), and whether the anomaly of
// shorter-step-never-hurts reaches the canonical class
// (shorter-step-never-hurts-canonical: holds; the closed form is monotone
// in every A, L and B).
//
// The guarantees of the rules (proofs/bounds.md): lif-, ltf- and
// mitten-within-1.5x-canonical (hold, one lemma), lif-additive-equal-cpu
// and lif-within-1.25x-equal-cpu (hold: OPT + (n−1)c/2, so (5n−1)/(4n)),
// lif-five-quarters-family (holds: the family that makes both tight for odd
// n, checked for every odd n of the scope), and
// lif-optimal-unequal-cpu-distinct-waits (refuted: the minimal
// counterexample to lif-optimal-unequal-cpu has tied waits and fails only
// through the tie-break; this one has distinct waits).
package props
