// Package uncertain measures what ordering a gather is worth when the
// waits are random (model/SEMANTICS.md §S16): the gain of the orders of
// longest-IO-first (by mean and by median) and of the best order in
// expectation over a uniformly random order and over the given order, as a
// function of the waits' coefficient of variation, and the value of
// clairvoyance (the expected per-scenario optimum).
//
// # Workloads and distributions
//
// Each workload of Default.Workloads is canonical, `cpu c; sleep L_i;
// cpu c`, passed shortest-median-wait first (the seed thread's order):
// "seed" is the thread's example (c = 1 s, medians 1, 3, 5 s), "six" has
// c = 1 s and medians 1 to 6 s. Each wait is log-normal with its median m
// and coefficient of variation v: σ = √ln(1+v²), and the workload states
// p95 = m·exp(1.6448536269514722·σ) rounded to the nearest nanosecond (v
// = 0: the constant m).
//
// # Estimates
//
// For each workload and v, Run draws Samples fitting scenarios (PCG
// stream 0) and Samples fresh ones (stream 1) from Seed (model.Draw).
// Orders are chosen on the fitting set (order.ChooseUncertain; best is the
// exhaustive minimum of the sample mean) and every number is measured on
// the fresh set, so that best's fit to its own samples does not flatter it.
// "random" is the average over all n! orders on each scenario (its
// exact expectation over a uniformly random order), "clairvoyant" the
// least makespan over all orders on each scenario (order.ExhaustiveMakespan).
//
// Per (workload, v, policy) a Row holds the expected makespan with its
// normal-approximation 95% interval (order.Summarize's rule), and the
// gain over random, 1 - E[policy]/E[random], with the 95% interval of the
// paired per-scenario differences (random_k - policy_k: same scenarios,
// common random numbers) divided by the mean of random (treated as fixed).
//
// # Files
//
// Run computes the rows (deterministic for a Config: no wall clock);
// WriteCSV writes them; cmd/uncertain prints the CSV; the paper generator
// (experiments/paper) writes paper/figures/uncertain-cv.csv and the figure
// paper/figures/uncertain-cv.pdf (and .svg) from Run.
package uncertain
