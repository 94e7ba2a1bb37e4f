// Command paper regenerates every figure, table and number of the paper.
//
//	go run ./experiments/paper [-dir paper] [-data DIR] [-proofs DIR] [-quick] [-measure-scaling]
//	go run ./experiments/paper -check-build [-dir paper]
//
// run from the repository root. With -check-build it only checks the
// LaTeX build that make paper has just run (buildcheck.go): the label
// main-end, at the end of the main text, is on page MainTextPages or
// earlier, and paper.log reports no overfull box and no undefined
// reference or citation. Otherwise it writes, under -dir (default paper):
//
//	figures/seed-gantt.{pdf,svg,csv}           the thread's 7 s / 9 s example (seedfig.go)
//	figures/realclock.{pdf,svg,csv}            model vs real CPython at the real clock (realclock*.go)
//	figures/optimizer-scaling.{pdf,svg,csv}    branch and bound vs exhaustive search (scaling*.go)
//	figures/where-order-matters.{pdf,svg,csv}  where the order matters (wom*.go)
//	figures/worst-ratios.{pdf,svg,csv}         the adversary's worst ratios, proved bounds as lines (worstratios.go)
//	figures/cex-<claim>.{pdf,svg,csv}          each refuted claim's counterexample (claims.go)
//	generated/seed-table.tex                   measured vs naive vs hop model (no figure: it would repeat the table)
//	generated/hop-table.tex                    the real-socket hop experiment (hop.go)
//	generated/heuristics-table.tex             fast rules vs the optimum (heuristics.go)
//	generated/claims-table{,-added}.tex        props.Registry with computed verdicts (claims.go)
//	generated/counterexamples.tex              the counterexample figures' environments
//	generated/proofs.tex, generated/proofs/    proofs/*.md in paper style (proofstyle.go) converted by mdToTeX (mdtex.go)
//	generated/artifact-claims.tex              claim → command (artifact.go)
//	generated/proof-checks.tex                 theorem → tests → command, from proofs/README.md (artifact.go)
//	generated/artifact-targets.tex             make target → time, from data/make_targets.csv (targets.go)
//	generated/readme-reproduce.md              the README's "Reproducing the paper"
//	generated/runtimes-table.tex               model variants vs CPython 3.8-3.13 (runtimes.go)
//	generated/readme-runtimes.md               the README's "Runtimes"
//	generated/trio-table.tex                   the seed example under Trio 0.22 (trio.go)
//	generated/claims-runtimes-table.tex        every claim under every runtime (claimsruntimes.go)
//	generated/readme-claims-runtimes.md        the README's "Claims under every runtime"
//	numbers.tex                                every number the text quotes
//	data/seed_table.csv, data/seed_tasks.csv   the seed thread's tables (experiments/seed; seedtable.go)
//
// It reads experiments/data/realclock.csv and hop.csv (measured by make
// measure and make hop; read and summarised by the experiments/realclock
// and experiments/hop libraries), data/scaling_time.csv (written only with
// -measure-scaling, the one step that measures this machine;
// experiments/optbench), proofs/ and the claim registry, and runs a
// fixed-seed differential batch on CPython 3.11 (differential.go; python3
// is required) and one on every CPython 3.8 to 3.13 under pyenv
// (runtimes.go; all six are required), and one on every Trio 0.22 (trio.go;
// pyenv's and Debian's). Progress and warnings go to
// stderr; bad usage exits 2 with one line, a failed step exits 1 naming
// the step.
//
// # Optimizer scaling: why nodes, not seconds
//
// Time to proven optimality is a measurement of one machine under its
// load, so a figure of times cannot be byte-identical across runs. The
// main panel therefore plots search nodes of order.BranchAndBound under a
// node limit (never a clock), which are the same on every machine, against
// the n! orders of exhaustive search; the time panel is drawn from the
// committed data/scaling_time.csv (optbench.ScalingRun), re-measured only on
// request.
//
// # The seed figure
//
// The workload is the thread's answer's: three canonical tasks
// cpu 1; sleep L; cpu 1 with L = 5, 3, 1 s, gathered longest IO first and
// shortest IO first (order.LongestIOFirst, order.ShortestIOFirst), traced by
// model.Simulate and drawn by package gantt on one time axis.
//
// # Where the order matters
//
// For n = 2..8 tasks and CPU-to-IO ratios ρ = 2^k, k = -4..4, the
// generator draws 1,000 canonical workloads per cell: L_j uniform on
// {1, ..., 100} ms and A_j, B_j uniform on {0, ..., M} ms with
// M = round(ρ·101), so that E[A] = E[B] = M/2 ≈ ρ·E[L]. For each workload
// it computes the makespan C(π) of every one of the n! orders with
// model.ClosedForm (earliest release first for the second phases; the closed form
// equals the simulator on canonical workloads, and the generator re-checks
// LIF against model.Simulate and the minimum against order.Apply(w,
// order.Best)), so that
//
//	expected gain  E_π[C(π)]/C(LIF) − 1    (π uniform: exact, not sampled)
//	worst gain     max_π C(π)/C(LIF) − 1
//	gap            C(LIF)/min_π C(π) − 1
//
// are exact per workload. Per cell it reports their means with 95 %
// percentile-bootstrap intervals (B. Efron and R. J. Tibshirani, An
// Introduction to the Bootstrap, 1993, ch. 13; quantiles by gonum's
// stat.Quantile, empirical estimator) from 2,000 resamples, and the largest
// gap. Every random stream is a PCG seeded from the configuration and the
// cell, so the cells can run in parallel on all cores and the results are
// the same bit for bit.
//
// # Determinism
//
// Two runs write byte-identical files (TestGeneratorIsByteIdentical; PDFs
// through gantt.Encode, which fixes the PDF dates). The paper's PDF is
// byte-identical too: make paper runs latexmk with SOURCE_DATE_EPOCH and
// FORCE_SOURCE_DATE, and paper.tex omits the PDF's dates and trailer id. Floating-point
// statistics are printed to four decimals (CSV) or one (percentages in
// numbers.tex); they are the same on every run on one architecture.
//
// # The paper's rule for numbers
//
// paper/*.tex and paper/sections/*.tex quote no number by hand: every
// number is a macro of numbers.tex. texlint.go states the exact rule (what
// is exempt: references, citations, file names, options, code, indices and
// the constants 0 and 1 in math); TestPaperQuotesNoBareNumbers applies it,
// TestPaperUsesOnlyDefinedNumbers checks every macro is defined, and
// TestPaperQuotesOnlyRegisteredClaims checks every \claim{id} against
// props.Registry.
package main
