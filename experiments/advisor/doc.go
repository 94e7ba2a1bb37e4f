// Package advisor measures the anytime search behind
// `gatherorder simulate --order best` (order.Search) from 10 to 10⁶ jobs,
// against the solver it replaced, and writes the scaling table.
//
// # What is measured
//
// Instances are those of optbench.ScalingRun: for each n, jobs drawn from
// optbench.ScalingDist(n) with optbench.NewRand(seed, n), the distribution
// where the order matters most. Each solver gets the CLI's default budget
// of wall clock (2 s) per instance:
//
//   - search: order.Search with Limits{Time: budget} (what Apply(w, Best)
//     runs for canonical tasks).
//   - previous: order.BranchAndBound with the same time limit, which is
//     what Apply(w, Best) ran before Search (with no time limit at all):
//     Heuristic's start, then branch and bound. Its start, LocalSearch,
//     costs O(n³ log n) per round and has no budget, so it is run only up to
//     Config.PreviousMaxN jobs; beyond, its row says so.
//
// For each n and solver a Row records the median and largest wall time,
// how many instances were proven optimal, and the median and largest gap
// (makespan - proven lower bound) / lower bound. The gaps and the share
// proven optimal are functions of the machine's speed (the budget is wall
// clock); the table names the machine and its load.
//
// # Files
//
// Run measures; WriteCSV and ReadCSV keep the rows in experiments/data/advisor.csv
// (cmd/advisor writes it); Markdown and TeX render the table. The paper
// generator (experiments/paper) renders the committed CSV into
// paper/generated/advisor-table.tex without measuring.
package advisor
