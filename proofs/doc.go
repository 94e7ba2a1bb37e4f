// Package proofs holds the executable checks of the project's proofs. The
// proofs themselves are the Markdown documents in this directory (one per
// theorem, LaTeX math, included by the paper); README.md lists each
// theorem, its proof file, the tests that check its lemmas and its status.
//
// A proof is only as good as its bridge to the code, so every lemma has a
// test named after it that checks it on the event-loop simulator's trace
// (package model), exhaustively over a stated bounded domain and with
// rapid beyond it. The checks compare quantities computed independently:
// the trace's segments and waits against prefix sums of the jobs, the
// simulator's makespan against model.ClosedForm and against the
// busy-period formula computed here, and the gather optimum against a
// two-machine flow shop solved by brute force over both machines' orders.
//
// # The mathematics
//
// A canonical job j is cpu A_j; sleep L_j; cpu B_j with L_j > 0. Gathered in
// order π, the job at position k is released (its sleep ends) at
//
//	r_j = S_k + A_j + L_j,   S_k = A_{π(1)} + … + A_{π(k-1)},
//
// and the makespan is the busy-period formula of the single-machine problem
// 1|r_j|Cmax, which earliest release first attains (folklore: the
// time-reversed image of Jackson's 1955 rule for 1||Lmax):
//
//	C(π) = max( T + ΣB, max_j ( max(T, r_j) + Σ_{i: r_i ≥ r_j} B_i ) ),  T = ΣA
//
// (model-to-formula.md). From it: longest-IO-first minimises the last
// release (Jackson's rule for 1||Lmax with tails) and is optimal when every
// B_j = 0; with equal CPU phases shortest-IO-first is a slowest order and
// every order is within (3n−1)/(2n) < 3/2 of the optimum; every order of
// every workload is within 2 of the optimum; longest-IO-first,
// longest-tail-first and Mitten's rule are within 3/2 on canonical
// workloads; with equal CPU phases longest-IO-first is within the optimum
// plus (n−1)c/2, so within (5n−1)/(4n) < 5/4; every constant is tight
// (bounds.md). The optimizer's root lower bound is Carlier's preemptive
// bound of the head-tail relaxation (lower-bounds.md).
// Choosing the best order is strongly NP-hard even with all CPU phases
// equal, by reduction from F2|l_j, p_ij=1|Cmax (Yu, Hoogeveen and Lenstra,
// J. Scheduling 7, 2004; hardness.md).
//
// The package has no non-test code: everything here is checking.
package proofs
